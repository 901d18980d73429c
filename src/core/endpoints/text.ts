// Small, language-agnostic text helpers for endpoint resolution: bracket matching that skips string literals, and
// splitting an argument list at its top-level commas (positions ↔ offsets: TextIndex in src/core/text). Deliberately
// no parser: the resolver only needs to find the call around a finding and the expressions in its arguments.

const OPEN = '([{';
const CLOSE = ')]}';
const QUOTES = '"\'`';

/** Offset just past the string literal that starts at `i` (a quote character); backticks may span lines. */
export function skipString(text: string, i: number): number {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === q) return j + 1;
    if (c === '\n' && q !== '`') return j;
  }
  return text.length;
}

/** Offset of the bracket closing the one at `open`, or -1 (strings are skipped, `limit` bounds the search). */
export function matchBracket(text: string, open: number, limit = 20000): number {
  let depth = 0;
  const end = Math.min(text.length, open + limit);
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (QUOTES.includes(c)) {
      i = skipString(text, i) - 1;
      continue;
    }
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c) && --depth === 0) return i;
  }
  return -1;
}

/** Offset of the innermost unclosed `(` before `offset`, or -1; stops at `limit` characters back. */
export function enclosingParen(text: string, offset: number, limit = 4000): number {
  let depth = 0;
  const stop = Math.max(0, offset - limit);
  for (let i = offset - 1; i >= stop; i--) {
    const c = text[i];
    if (CLOSE.includes(c)) depth++;
    else if (OPEN.includes(c)) {
      if (depth === 0) return c === '(' ? i : enclosingParen(text, i, limit - (offset - i));
      depth--;
    }
  }
  return -1;
}

/** One piece of a comma-separated list, with its offset in the original text. */
export interface Piece {
  readonly text: string;
  readonly offset: number;
}

/** Splits `text` at commas that are outside brackets and strings; pieces are trimmed, empty ones dropped. */
export function splitTopLevel(text: string, base = 0): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) pieces.push({ text: raw.trim(), offset: base + start + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (QUOTES.includes(c)) {
      i = skipString(text, i) - 1;
      continue;
    }
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return pieces;
}
