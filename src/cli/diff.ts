// A unified diff of two texts (for `scan --fix-dry-run`), by lines with their terminators, Myers' O(ND) algorithm:
// fixes change a few lines of large files, so D stays small. Output is what `patch -p1` and `git apply` read.

/** Lines of `text`, each with its own terminator ('' for a last line without one). */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/** The edit script from `a` to `b` (Myers, greedy forward search with a trace for the backtrack). */
function script(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
      let x = down ? (v.get(k + 1) ?? 0) : (v.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1));
    const pk = down ? k + 1 : k - 1;
    const px = vd.get(pk) ?? 0;
    const py = px - pk;
    while (x > px && y > py) {
      ops.push({ kind: ' ', line: a[--x] });
      y--;
    }
    if (d > 0) ops.push(down ? { kind: '+', line: b[--y] } : { kind: '-', line: a[--x] });
  }
  return ops.reverse();
}

/**
 * One `-`/`+`/` ` line of the diff with its own terminator (a CRLF stays CRLF, as diff(1) writes it, so `git apply`
 * and `patch` match CRLF files), and the marker for a last line without one.
 */
function show(op: Op): string {
  if (op.line.endsWith('\n')) return `${op.kind}${op.line}`;
  if (op.line.endsWith('\r')) return `${op.kind}${op.line}\n`;
  return `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** `--- a/<name>` / `+++ b/<name>` and hunks with `context` lines around each change; '' when the texts are equal. */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = script(linesOf(before), linesOf(after));
  const changed = ops.flatMap((o, i) => (o.kind === ' ' ? [] : [i]));
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const last = hunks[hunks.length - 1];
    if (last && i - last[1] <= 2 * context + 1) last[1] = i;
    else hunks.push([i, i]);
  }
  let out = `--- a/${name}\n+++ b/${name}\n`;
  for (const [first, lastChange] of hunks) {
    const from = Math.max(0, first - context);
    const to = Math.min(ops.length - 1, lastChange + context);
    const oldStart = ops.slice(0, from).filter((o) => o.kind !== '+').length;
    const newStart = ops.slice(0, from).filter((o) => o.kind !== '-').length;
    const part = ops.slice(from, to + 1);
    const oldLen = part.filter((o) => o.kind !== '+').length;
    const newLen = part.filter((o) => o.kind !== '-').length;
    out += `@@ -${oldLen ? oldStart + 1 : oldStart},${oldLen} +${newLen ? newStart + 1 : newStart},${newLen} @@\n${part.map(show).join('')}`;
  }
  return out;
}
