// A small unified diff (lines, LCS), so the plan shows the exact change of each file before anything is written.
import { splitLines } from '../text/lines';

const CONTEXT = 2;
/** Above this many line pairs the LCS table is too big: show the whole file replaced instead. */
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string };

function ops(a: readonly string[], b: readonly string[]): Op[] {
  if (a.length * b.length > MAX_CELLS) {
    return [...a.map((t) => ({ kind: '-' as const, text: t })), ...b.map((t) => ({ kind: '+' as const, text: t }))];
  }
  const w = b.length + 1;
  const len = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      len[i * w + j] =
        a[i] === b[j] ? len[(i + 1) * w + j + 1] + 1 : Math.max(len[(i + 1) * w + j], len[i * w + j + 1]);
    }
  }
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: ' ', text: a[i++] });
      j++;
    }
    // Deletions before insertions, as diff(1) shows a replaced line.
    else if (i < a.length && (j === b.length || len[(i + 1) * w + j] >= len[i * w + j + 1])) {
      out.push({ kind: '-', text: a[i++] });
    } else out.push({ kind: '+', text: b[j++] });
  }
  return out;
}

/** Line texts, with a visible note where the line break is CRLF or missing (so such changes are not invisible). */
function linesOf(text: string): string[] {
  return splitLines(text).map(
    (l) => l.text + (l.eol === '\r\n' ? '⏎(CRLF)' : l.eol === '' ? '  (no newline at end)' : ''),
  );
}

/** `--- a/file` / `+++ b/file` and the hunks; '' when the texts are equal. `before` undefined: a new file. */
export function unifiedDiff(file: string, before: string | undefined, after: string): string {
  if (before === after) return '';
  const o = ops(linesOf(before ?? ''), linesOf(after));
  const keep = o.map(
    (op, k) => op.kind !== ' ' || o.slice(Math.max(0, k - CONTEXT), k + CONTEXT + 1).some((x) => x.kind !== ' '),
  );
  const out = [`--- ${before === undefined ? '/dev/null' : file}`, `+++ ${file}`];
  let aLine = 1;
  let bLine = 1;
  for (let k = 0; k < o.length;) {
    if (!keep[k]) {
      if (o[k].kind !== '+') aLine++;
      if (o[k].kind !== '-') bLine++;
      k++;
      continue;
    }
    let end = k;
    while (end < o.length && keep[end]) end++;
    const hunk = o.slice(k, end);
    const aCount = hunk.filter((x) => x.kind !== '+').length;
    const bCount = hunk.filter((x) => x.kind !== '-').length;
    out.push(
      `@@ -${aCount ? aLine : aLine - 1},${aCount} +${bCount ? bLine : bLine - 1},${bCount} @@`,
      ...hunk.map((x) => x.kind + x.text),
    );
    aLine += aCount;
    bLine += bCount;
    k = end;
  }
  return `${out.join('\n')}\n`;
}
