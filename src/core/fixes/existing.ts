// Edits that never lose data (issue 19 item 4): a .env that already sets the CA variable the fix would write gets
// no second line (the old `NODE_EXTRA_CA_CERTS=` is updated, the switch's line goes), and an old value naming another
// CA is reported so the caller merges it or asks. Also the follow-up removal of leftover
// `NODE_TLS_REJECT_UNAUTHORIZED=0` lines once Node trusts the bundle.
import { parseDotenv } from '../text/dotenv';
import { lineSpan } from '../text/lines';
import type { ExistingCa } from './types';
import type { OffsetEdit } from './types';

/** One `KEY=value` entry of a .env text, by offsets. */
export interface DotenvAt {
  readonly key: string;
  /** The entry's offsets (line break excluded). */
  readonly start: number;
  readonly end: number;
  /** After the entry's line break. */
  readonly next: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  /** The value as programs read it (quotes removed, `\"` and `\\` unescaped in double quotes). */
  readonly value: string;
}

/** Every assignment of `key` in a .env text, with offsets into that text. */
export function dotenvAssignments(text: string, key: string): DotenvAt[] {
  const file = parseDotenv(text);
  const out: DotenvAt[] = [];
  let at = file.bom.length;
  for (const e of file.entries) {
    const a = e.assignment;
    if (a && a.key === key) {
      const valueStart = at + a.head.length;
      out.push({
        key,
        start: at,
        end: at + e.text.length,
        next: at + e.text.length + e.eol.length,
        valueStart,
        valueEnd: valueStart + a.value.length,
        value: unquote(a.value),
      });
    }
    at += e.text.length + e.eol.length;
  }
  return out;
}

/** A .env value as read: `'x'` → x, `"a\"b"` → a"b, bare values trimmed. */
export function unquote(raw: string): string {
  const q = raw[0];
  if ((q === "'" || q === '"') && raw.length >= 2 && raw.endsWith(q)) {
    const body = raw.slice(1, -1);
    return q === '"' ? body.replace(/\\([\\"])/g, '$1') : body;
  }
  return raw.trim();
}

/** Normalises a path for comparison (`./a/b.pem` = `a/b.pem`, `\` = `/`). */
function samePath(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  return n(a) === n(b);
}

/** What to do about the other assignments of the CA variable: `undefined` when there is none with a value. */
export function existingDecision(
  others: readonly DotenvAt[],
  text: string,
  newPath: string,
  mergedCas: readonly string[] = [],
): ExistingCa | undefined {
  const named = others.filter((o) => o.value !== '');
  if (named.length === 0) return undefined;
  const first = named[0];
  const line = text.slice(0, first.start).split('\n').length - 1;
  const decision = named.every((o) => samePath(o.value, newPath))
    ? 'same'
    : named.every((o) => samePath(o.value, newPath) || mergedCas.some((m) => samePath(m, o.value)))
      ? 'merge'
      : 'ask';
  return { variable: first.key, value: first.value, line, decision };
}

// A whole line that turns Node's verification off: `.env`/shell (`export `) or `process.env.X = '0'` in JS.
const NODE_OFF_LINES = [
  /^[ \t]*(?:export[ \t]+)?NODE_TLS_REJECT_UNAUTHORIZED[ \t]*=[ \t]*(["']?)0\1[ \t]*(?:#.*)?$/gm,
  /^[ \t]*process\.env(?:\.NODE_TLS_REJECT_UNAUTHORIZED|\[(["'`])NODE_TLS_REJECT_UNAUTHORIZED\1\])[ \t]*=[ \t]*(["'`]?)0\2[ \t]*;?[ \t]*(?:\/\/.*)?$/gm,
];

/** Deletions of every `NODE_TLS_REJECT_UNAUTHORIZED=0` line of `text` that none of `edits` touches. */
export function nodeSwitchRemovals(text: string, edits: readonly OffsetEdit[]): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const re of NODE_OFF_LINES) {
    for (const m of text.replace(/\r(?=\n)/g, ' ').matchAll(re)) {
      const [start, , next] = lineSpan(text, m.index);
      if (
        edits.some((e) => (e.start === e.end ? e.start > start && e.start < next : e.start < next && e.end > start))
      ) {
        continue;
      }
      out.push({ start, end: next, newText: '' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
