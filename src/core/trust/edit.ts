// Lossless edits of the user's configuration files: set one key (in an optional [section]) or one marked line, and
// keep every other byte (comments, order, blank lines, CRLF/LF, a missing final line break). Setting a value that is
// already there returns the text unchanged, which is what makes re-applying idempotent.
import { eolOf, Line, splitLines } from '../text/lines';

/** One setting to write: the line to put in place of every line that `match`es, inside `section` when given. */
export interface KeyEdit {
  /** `[section]` header name, compared case-insensitively (git, pip, TOML); undefined: the top level. */
  readonly section?: string;
  /** Matches a line that sets this key (never a comment). */
  readonly match: RegExp;
  /** The whole new line, indentation included, without its line break. */
  readonly line: string;
  /** The file has no sections (shell startup files, .npmrc, .curlrc, YAML): `[` at a line start means nothing. */
  readonly flat?: boolean;
}

const HEADER = /^\s*\[\s*([^\]\s"]+)\s*(?:"[^"]*")?\s*\]/;

/** The section name of a header line (`[http]` → "http", `[http "https://x"]` → undefined: a sub-section), else null. */
function headerName(text: string): string | undefined | null {
  const m = HEADER.exec(text);
  if (!m) return null;
  return /"/.test(text.slice(0, text.indexOf(']'))) ? undefined : m[1].toLowerCase();
}

/** Line index ranges [start, end) of the lines inside `section` (the top level when undefined), in file order. */
function sectionRanges(lines: readonly Line[], section: string | undefined, flat = false): [number, number][] {
  if (flat) return [[0, lines.length]];
  const out: [number, number][] = [];
  let current: string | undefined | null = section === undefined ? '' : null; // '' = top level
  let start = 0;
  const want = section === undefined ? '' : section.toLowerCase();
  lines.forEach((l, i) => {
    const h = headerName(l.text);
    if (h === null) return;
    if (current === want) out.push([start, i]);
    current = h ?? null;
    start = i + 1;
  });
  if (current === want) out.push([start, lines.length]);
  return out;
}

function join(lines: readonly Line[]): string {
  return lines.map((l) => l.text + l.eol).join('');
}

/** Sets `edit` in `text`: every matching line of the section is replaced (keeping its line break); a missing key is
 * added at the end of the section's last block (or in a new section at the end of the file). */
export function setKey(text: string, edit: KeyEdit): string {
  const eol = eolOf(text);
  const lines = splitLines(text).map((l) => ({ ...l }));
  const ranges = sectionRanges(lines, edit.section, edit.flat);
  let found = false;
  for (const [s, e] of ranges) {
    for (let i = s; i < e; i++) {
      if (edit.match.test(lines[i].text)) {
        found = true;
        lines[i] = { text: edit.line, eol: lines[i].eol };
      }
    }
  }
  if (found) return join(lines);
  const last = lines[lines.length - 1];
  if (last && last.eol === '') last.eol = eol;
  const block = ranges[ranges.length - 1];
  if (!block || (edit.section === undefined && block[1] === lines.length)) {
    // No such section (or the top level runs to the end of the file): append.
    const add = edit.section === undefined ? [edit.line] : [`[${edit.section}]`, edit.line];
    return join([...lines, ...add.map((t) => ({ text: t, eol }))]);
  }
  // Insert after the block's last non-blank line, so blank lines separating it from the next section stay put.
  let at = block[1];
  while (at > block[0] && lines[at - 1].text.trim() === '') at--;
  lines.splice(at, 0, { text: edit.line, eol });
  return join(lines);
}

/** The value of the first line matching `match` in `section` (group 1 of the match), for audits. */
export function readKey(text: string, section: string | undefined, match: RegExp, flat = false): string | undefined {
  const lines = splitLines(text);
  for (const [s, e] of sectionRanges(lines, section, flat)) {
    for (let i = s; i < e; i++) {
      const m = match.exec(lines[i].text);
      if (m) return m[1];
    }
  }
  return undefined;
}

/** Makes sure `line` (identified by its `marker` comment) is in `text`: replaced where marked, else appended. */
export function setMarkedLine(text: string, marker: string, line: string): string {
  const escaped = marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return setKey(text, { match: new RegExp(`${escaped}\\s*$`), line, flat: true });
}
