// A lossless `.env` reader and writer. `parseDotenv` splits a file into entries that keep every byte (BOM, comments,
// blank lines, `export` prefixes, quotes holding `#`, CRLF/LF/CR, unterminated quotes), so `serializeDotenv` gives the
// input back exactly; `setDotenvKey` / `removeDotenvKey` change the entries of one key and nothing else. Bytes that are
// not UTF-8 go through `mergeEnvBytes`, which reads the file as latin1 (one char per byte) so they survive untouched.
import { eolOf, Line, splitLines } from './lines';
import { formatEnvValue } from './quote';

/** `KEY=value` split so that `head + value + tail` is the entry's text: e.g. `export A = "x" # c`. */
export interface DotenvAssignment {
  readonly key: string;
  /** Everything before the value: indentation, `export `, the key, `=` and the spaces after it. */
  readonly head: string;
  /** The value as written (quotes included; several lines for a multi-line quoted value). */
  readonly value: string;
  /** What follows the value and survives an update: an inline ` # comment`, or text after the closing quote. */
  readonly tail: string;
}

/** One entry: a line, or the lines of a multi-line quoted value; `text + eol` is exactly what the file holds. */
export interface DotenvEntry {
  readonly text: string;
  /** The terminator after the entry's last line ('' at the end of a file without a final line break). */
  readonly eol: string;
  readonly assignment?: DotenvAssignment;
}

/** A parsed `.env` file: `bom` ('' or the byte-order mark as read) and its entries in order. */
export interface DotenvFile {
  readonly bom: string;
  readonly entries: readonly DotenvEntry[];
}

/** Turns a value into the text written after `KEY=`; formatEnvValue for text, plus a byte mapping for latin1 files. */
export type ValueWriter = (value: string) => string;

// `  export KEY = value`: 1 = everything up to and including `=` and the spaces after it, 2 = key, 3 = value and rest.
// `[\s\S]`, not `.`: a value may hold U+2028 and other characters `.` refuses, and must still be recognised.
const ASSIGNMENT = /^(\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=[ \t]*)([\s\S]*)$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// The BOM as a UTF-16 character (text read as UTF-8) or as the three latin1 characters of its UTF-8 bytes.
const BOM = /^(?:\uFEFF|\u00EF\u00BB\u00BF)/;

/** Parses `.env` text into entries; never fails (lines it does not understand are kept as they are). */
export function parseDotenv(text: string): DotenvFile {
  const bom = BOM.exec(text)?.[0] ?? '';
  const lines = splitLines(text.slice(bom.length));
  const entries: DotenvEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = ASSIGNMENT.exec(lines[i].text);
    const end = m ? valueEnd(lines, i, m[3]) : i;
    const entryText = lines
      .slice(i, end + 1)
      .map((l, j) => l.text + (i + j < end ? l.eol : ''))
      .join('');
    entries.push({
      text: entryText,
      eol: lines[end].eol,
      assignment: m ? split(m[1], m[2], entryText.slice(m[1].length), end > i) : undefined,
    });
    i = end;
  }
  return { bom, entries };
}

/** The file's text again: `serializeDotenv(parseDotenv(t)) === t` for every `t`. */
export function serializeDotenv(file: DotenvFile): string {
  return file.bom + file.entries.map((e) => e.text + e.eol).join('');
}

/**
 * Index of the line that closes a quoted value opened on line `start` (`start` itself for one-line values). As Node's
 * dotenv does, the first later unescaped quote closes it, and only if nothing but a comment follows that quote: else
 * the opening quote is unterminated and the value is one line, so `A="x` never swallows the lines after it.
 */
function valueEnd(lines: readonly Line[], start: number, value: string): number {
  const quote = value[0];
  if ((quote !== '"' && quote !== "'") || closingQuote(value, 1, quote) >= 0) return start;
  for (let i = start + 1; i < lines.length; i++) {
    const at = closingQuote(lines[i].text, 0, quote);
    if (at >= 0) return /^\s*(?:#[\s\S]*)?$/.test(lines[i].text.slice(at + 1)) ? i : start;
  }
  return start;
}

/** Position of the first unescaped `quote` at or after `from`, or -1 (only double quotes have escapes). */
function closingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\' && quote === '"') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

/** The closing quote of a multi-line value: the first unescaped one on its last line (valueEnd found it there). */
function closingOnLastLine(rest: string, quote: string): number {
  const lineStart = Math.max(rest.lastIndexOf('\n'), rest.lastIndexOf('\r')) + 1;
  return lineStart + closingQuote(rest.slice(lineStart), 0, quote);
}

/** Splits what follows `head` into the value and the tail that an update keeps. */
function split(head: string, key: string, rest: string, multiLine: boolean): DotenvAssignment {
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = multiLine ? closingOnLastLine(rest, quote) : closingQuote(rest, 1, quote);
    // Unterminated: the whole rest is the value (an update rewrites it rather than guess where it ends).
    const end = close >= 0 ? close + 1 : rest.length;
    // Text after the closing quote other than a comment (`A="x"y`) makes the whole thing an unquoted value, as in
    // Node's dotenv; so only a comment survives an update.
    if (/^\s*(?:#[\s\S]*)?$/.test(rest.slice(end))) {
      return { key, head, value: rest.slice(0, end), tail: rest.slice(end) };
    }
  }
  const comment = /\s+#[\s\S]*$/.exec(rest);
  const end = comment ? comment.index : rest.length;
  return { key, head, value: rest.slice(0, end), tail: rest.slice(end) };
}

/**
 * Sets `key` to `value`: every entry of the key gets the new value (keeping its head and tail), so no duplicate is
 * added; a missing key is appended as `KEY=value` with the file's line ending. Every other byte is kept.
 */
export function setDotenvKey(
  file: DotenvFile,
  key: string,
  value: string,
  write: ValueWriter = formatEnvValue,
): DotenvFile {
  if (!KEY.test(key)) throw new Error(`not a valid environment variable name: "${key}"`);
  const written = write(value);
  let found = false;
  const entries = file.entries.map((e) => {
    if (e.assignment?.key !== key) return e;
    found = true;
    // `A="x"#c` → `A='v'#c`, `A="" ` → `A='v' `: a bare value would swallow the comment that touches it, or the blanks
    // that follow it (formatEnvValue's bare values hold no quote, so single quotes read back the same).
    const bare = (e.assignment.tail.startsWith('#') || /^\s+$/.test(e.assignment.tail)) && !/^["']/.test(written);
    const a = { ...e.assignment, value: bare ? `'${written}'` : written };
    return { text: a.head + a.value + a.tail, eol: e.eol, assignment: a };
  });
  return found ? { bom: file.bom, entries } : appendEntry(file, key, written);
}

function appendEntry(file: DotenvFile, key: string, written: string): DotenvFile {
  const eol = eolOf(serializeDotenv(file));
  const entries = [...file.entries];
  const last = entries[entries.length - 1];
  if (last && last.eol === '') entries[entries.length - 1] = { ...last, eol }; // the file lacked a final line break
  const head = `${key}=`;
  return {
    bom: file.bom,
    entries: [...entries, { text: head + written, eol, assignment: { key, head, value: written, tail: '' } }],
  };
}

/** Removes every entry of `key` (whole lines, with a multi-line value's lines). Every other byte is kept. */
export function removeDotenvKey(file: DotenvFile, key: string): DotenvFile {
  return { bom: file.bom, entries: file.entries.filter((e) => e.assignment?.key !== key) };
}

/** The keys assigned in the file, first occurrence order. */
export function dotenvKeys(file: DotenvFile): string[] {
  return [...new Set(file.entries.flatMap((e) => (e.assignment ? [e.assignment.key] : [])))];
}

/**
 * Sets `vars` in the text of a `.env` file (pure). Existing keys (also with `export `) are updated in place, every
 * occurrence, keeping their inline comments; new keys are appended in the order given. All other bytes are kept.
 * E.g. `mergeEnvFile('A=1\n# c\n', { B: '2' })` → `'A=1\n# c\nB=2\n'`.
 */
export function mergeEnvFile(
  existingText: string,
  vars: Readonly<Record<string, string>>,
  write: ValueWriter = formatEnvValue,
): string {
  let file = parseDotenv(existingText);
  for (const [key, value] of Object.entries(vars)) file = setDotenvKey(file, key, value, write);
  return serializeDotenv(file);
}

/**
 * mergeEnvFile for a file's bytes: UTF-8 files are edited as text; any other bytes are read as latin1 (one char per
 * byte, so nothing is lost or replaced by U+FFFD) and the new values are written as their UTF-8 bytes.
 */
export function mergeEnvBytes(bytes: Uint8Array, vars: Readonly<Record<string, string>>): Uint8Array {
  const text = utf8OrUndefined(bytes);
  if (text !== undefined) return Buffer.from(mergeEnvFile(text, vars), 'utf8');
  const latin1 = Buffer.from(bytes).toString('latin1');
  const merged = mergeEnvFile(latin1, vars, (v) => Buffer.from(formatEnvValue(v), 'utf8').toString('latin1'));
  return Buffer.from(merged, 'latin1');
}

/** `bytes` as UTF-8 text (a BOM kept), or undefined when they are not valid UTF-8. */
function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
