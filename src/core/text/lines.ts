// Lines, offsets and positions: the one place that knows how a text splits into lines. Positions are zero-based
// (line, UTF-16 character), like VS Code's; a line ends at `\n` (a `\r` before it belongs to the line break).

/** A zero-based position (line, UTF-16 column), the same convention as VS Code and LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range [start, end). */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** The text asked last and its line starts: the editor, the endpoint resolver and the fixes ask for every finding of
 * one text in a row (a 10,000-line file costs ~0.1 ms a time, which was most of a finding's facts). */
let last: { text: string; starts: readonly number[] } | undefined;

/** Offsets where each line starts (line 0 starts at 0), e.g. `lineStartsOf('a\nb')` → `[0, 2]`. */
export function lineStartsOf(text: string): readonly number[] {
  if (last?.text !== text) last = { text, starts: computeLineStarts(text) };
  return last.starts;
}

/** Records `starts` as the line starts of `text`, found another way (the lexer's, kept across an edit): the callers
 * after it ask for the same text's. */
export function rememberLineStarts(text: string, starts: readonly number[]): void {
  last = { text, starts };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/** The position of `offset`, by binary search over `lineStarts` (from lineStartsOf). */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

/** Converts positions to offsets and back, for one text: `new TextIndex('a\nb').offsetAt({ line: 1, character: 0 })` → 2. */
export class TextIndex {
  private readonly starts: readonly number[];
  constructor(readonly text: string) {
    this.starts = lineStartsOf(text);
  }

  /** Offset of a position, clamped to the text. */
  offsetAt(p: Position): number {
    const line = Math.max(0, Math.min(p.line, this.starts.length - 1));
    return Math.min(this.text.length, this.starts[line] + Math.max(0, p.character));
  }

  /** Position of an offset. */
  positionAt(offset: number): Position {
    return positionAt(this.starts, offset);
  }

  /** The range of [start, end) offsets. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** Offsets of the line holding `offset`: [start, end without the line break, end including it]. */
export function lineSpan(text: string, offset: number): [number, number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  const bare = end > start && text[end - 1] === '\r' ? end - 1 : end;
  return [start, bare, nl < 0 ? end : nl + 1];
}

/** Leading whitespace of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const [ls] = lineSpan(text, offset);
  return /^[ \t]*/.exec(text.slice(ls))![0];
}

/** The line break to use for lines added to `text`: CRLF when it has any, else LF. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** One physical line and its own terminator (`\r\n`, `\n`, `\r`, or '' for a last line without one). */
export interface Line {
  readonly text: string;
  readonly eol: string;
}

/**
 * Splits at every line break style (CRLF, LF and a lone CR, as dotenv parsers do) keeping each terminator, so
 * `splitLines(t).map((l) => l.text + l.eol).join('') === t`. '' gives no lines.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < text.length) {
    lines.push({ text: m[1], eol: m[2] });
    if (m[2] === '') break;
  }
  return lines;
}
