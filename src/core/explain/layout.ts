// What a terminal's or a tool's layout did to a message, undone before anything reads it (after normalise.ts has
// removed CI prefixes and Markdown): colours, Terraform's diagnostic box ("│ " before every line), and hard wraps at
// a fixed console width that cut words and URLs in two ("https://repo.example.or/" / "g/maven2"). Pure; line breaks
// that carry meaning stay. Word wraps (Terraform's, pip's) are left to the wording table, which tries lines joined
// with and without a space.

/** Terraform (and OpenTofu) draw a box around each diagnostic: "╷" above, "│ " before each line, "╵" below. */
const BOX_EDGE = /^[ \t]*[╷╵][ \t]*$/gm;
const BOX_SIDE = /^([ \t]*)│ ?/gm;

/** Removes a diagnostic box's edges and left side (the words inside keep their own indentation). */
function unboxed(text: string): string {
  if (!/^[ \t]*│/m.test(text)) return text;
  return text.replace(BOX_EDGE, '').replace(BOX_SIDE, '$1');
}

/** Older Firefox pages print the error code in lower case ("(Error code: sec_error_unknown_issuer)"). */
const FIREFOX_CODE = /\b(?:sec_error|mozilla_pkix_error|ssl_error)_[a-z_]+\b/g;

/**
 * Terminal colours copied along: the escape itself, its caret form ("^[[31m"), or what is left when the ESC byte was
 * lost on the way ("[0m[1m"). They sit inside words ("^[[32mDownload^[[0m https://…") and before line starts.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /(?:\x1b|\^\[)\[[0-9;?]*[A-Za-z]|\[(?:\d{1,3};)*\d{1,3}m(?=\S|$)/g;

/**
 * The text without terminal colours or a diagnostic box around it, Firefox codes as Firefox names them (CRLF read
 * as LF).
 */
export function unlayout(text: string): string {
  const plain = text
    .replace(/\r\n?/g, '\n')
    .replace(ANSI, '')
    .replace(FIREFOX_CODE, (c) => c.toUpperCase());
  return unboxed(plain);
}

/** Narrowest console width taken for a hard wrap: shorter equal lines are a coincidence, not a wrap. */
const MIN_WRAP_WIDTH = 60;
/**
 * Lines of exactly the widest length needed to call it a hard wrap: a word wrap (which cuts at spaces, so its lines
 * end anywhere up to the width) reaches the width exactly on a line or two by chance.
 */
const MIN_WRAPPED_LINES = 3;
/** Default widths of terminals, CI log viewers and Windows consoles. */
const CONSOLE_WIDTHS = new Set([80, 100, 120, 132, 140, 150, 160, 200]);

/**
 * The console width the text was hard-wrapped at, if it was: the longest line length, shared by several lines that
 * are not the last (a wrapped line is cut at exactly the width; the lines a wrap did not touch are shorter).
 */
function wrapWidth(lines: readonly string[], minCut: number): number | undefined {
  const width = Math.max(0, ...lines.map((l) => l.length));
  if (width < MIN_WRAP_WIDTH) return undefined;
  // Repeated log records of one length ("Retrying (Retry(total=4, …" then total=3, …) are no wrap: the pieces of a
  // wrapped line each start differently.
  const cut = new Set(
    lines
      .slice(0, -1)
      .filter((l) => l.length === width)
      .map((l) => l.slice(0, 24)),
  );
  // At a terminal's own width (80, 100, 120… columns) two cut lines already are a wrap: a paste's lines rarely share
  // exactly one of those lengths by chance. (One cut line is read only as a second reading, see explain().)
  const need = CONSOLE_WIDTHS.has(width) ? Math.min(minCut, 2) : minCut;
  return cut.size >= need ? width : undefined;
}

/**
 * The text with each line cut at the console width joined to the line after it, as it was printed. A line one short
 * of the width lost the blank it was cut at (pastes trim trailing blanks): the blank comes back. `minCut` lowers
 * how many cut lines it takes (a reader that only keeps what extends a cut name may join on one).
 */
export function unwrapConsole(text: string, minCut = MIN_WRAPPED_LINES): string {
  const lines = text.split('\n');
  const width = wrapWidth(lines, minCut);
  if (width === undefined) return text;
  let out = '';
  for (const [i, line] of lines.entries()) {
    out += line;
    if (i === lines.length - 1) break;
    if (line.length === width) continue;
    out += line.length === width - 1 && !/\s$/.test(line) ? ' ' : '\n';
  }
  return out;
}

/**
 * Symfony Console's error block (Composer's, Laravel's, WP-CLI's red box) cuts its text at the block's width inside
 * words and pads every line with two blanks each side ("SSL certificate prob  " / "  lem: unable to get local …"): the
 * text with those pieces joined back, as one more reading for the wording table (a cut that fell on a blank joins two
 * words, which the reading as it stands still has apart).
 */
export function unblock(text: string): string {
  // (Dedenting the paste may have taken one of the two blanks before each line.)
  return text.replace(/(\S)[ \t]{2,}\n {1,2}(?=\S)/g, '$1');
}
