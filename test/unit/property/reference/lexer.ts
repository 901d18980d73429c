// The lexer as it was before the re-scan speed work (issue 18), kept unchanged as the oracle of
// scan-equivalence.property.test.ts: the optimised lexer in src/core/rules/lexer.ts must mark every character the
// same. Not used by the product.
// A tiny, language-agnostic lexer: it does not tokenise, it only tells code from comments and string literals.
// That is all the matchers need to avoid findings in comments, docstrings and strings that merely mention a flag,
// and it is fast (one pass, no allocation per token), which keeps live re-scans of big files well under 10 ms.
import { lineStartsOf } from '../../../../src/core/text/lines';

/** What a character of the source is part of. */
export const enum Kind {
  Code = 0,
  String = 1,
  Comment = 2,
}

/** How one family of languages writes comments and strings. */
export interface Syntax {
  /** Line-comment openers, e.g. `['//']` or `['#']`. */
  readonly line: readonly string[];
  /** Block comments, e.g. `[['/*', '*\/']]`; Ruby's `=begin`/`=end` too. */
  readonly block: readonly (readonly [string, string])[];
  /** Quote characters whose strings use backslash escapes and end at the same quote. */
  readonly quotes: string;
  /** Python and Kotlin/Java text blocks: `"""…"""` (and `'''…'''` when `'` is a quote). */
  readonly triple?: boolean;
  /** JavaScript template literals (backtick with `${…}` code inside). */
  readonly template?: boolean;
  /** Quote characters whose strings have no escapes at all (Go raw strings: backtick). */
  readonly raw?: string;
  /** JavaScript-style regular expression literals. */
  readonly regex?: boolean;
  /** `'` starts a char literal only when it closes within a few characters (Rust lifetimes, Kotlin chars). */
  readonly shortSingle?: boolean;
  /** C# verbatim strings `@"…"` with `""` as the escape. */
  readonly verbatim?: boolean;
  /** Rust raw strings `r#"…"#`. */
  readonly rustRaw?: boolean;
  /** Quoted strings may span lines (PHP, Ruby, shell); otherwise an unterminated string ends at the newline. */
  readonly multiline?: boolean;
}

/** Source text split into code, comments and strings: `code` is `text` with comments blanked (same length). */
export interface Lexed {
  readonly text: string;
  /** `text` with every comment character replaced by a space (newlines kept), so regexes never match inside comments. */
  readonly code: string;
  /** One Kind per UTF-16 unit of `text`. */
  readonly kinds: Uint8Array;
  /** Offsets of line starts, for offset → position conversion. */
  readonly lineStarts: readonly number[];
}

/** Common syntaxes, ready to pass to `lex`. */
export const SYNTAX = {
  python: { line: ['#'], block: [], quotes: '"\'', triple: true },
  js: { line: ['//'], block: [['/*', '*/']], quotes: '"\'', template: true, regex: true },
  go: { line: ['//'], block: [['/*', '*/']], quotes: '"\'', raw: '`' },
  jvm: { line: ['//'], block: [['/*', '*/']], quotes: '"\'', triple: true, shortSingle: true },
  csharp: { line: ['//'], block: [['/*', '*/']], quotes: '"\'', verbatim: true, shortSingle: true },
  rust: { line: ['//'], block: [['/*', '*/']], quotes: '"\'', shortSingle: true, rustRaw: true },
  ruby: { line: ['#'], block: [['\n=begin', '\n=end']], quotes: '"\'', multiline: true },
  php: { line: ['//', '#'], block: [['/*', '*/']], quotes: '"\'', multiline: true },
  hash: { line: ['#'], block: [], quotes: '"\'' },
} satisfies Record<string, Syntax>;

/** The last few texts lexed: the endpoint resolver and the fixes lex the same text once per finding, and the scan
 * lexes it once more; sharing the result also shares its bracket index (brackets.ts keys it by the Lexed). */
const recent: Lexed[] = [];
const recentSyntax: Syntax[] = [];
const RECENT = 2;

/** Lexes `text` with `syntax`. One pass; see `Lexed`. The result is shared: treat it as read-only. */
export function lex(text: string, syntax: Syntax): Lexed {
  for (let i = 0; i < recent.length; i++) if (recentSyntax[i] === syntax && recent[i].text === text) return recent[i];
  const lexed = lexFresh(text, syntax);
  recent.unshift(lexed);
  recentSyntax.unshift(syntax);
  recent.length = recentSyntax.length = Math.min(recent.length, RECENT);
  return lexed;
}

function lexFresh(text: string, syntax: Syntax): Lexed {
  const kinds = new Uint8Array(text.length);
  new Lexer(text, syntax, kinds).run();
  return { text, code: blankComments(text, kinds), kinds, lineStarts: lineStartsOf(text) };
}

// Line starts live in the text layer; re-exported so the families keep importing them from here.
export { lineStartsOf };

/** Blanks for comments up to this long are slices of one string (a `repeat` per comment cost more than the rest). */
const BLANKS = ' '.repeat(256);

const blanks = (n: number) => (n <= BLANKS.length ? BLANKS.slice(0, n) : ' '.repeat(n));

function blankComments(text: string, kinds: Uint8Array): string {
  let out = '';
  let from = 0;
  // The next `\r` at or after the comment being blanked (-1: none left), searched again only once passed: one
  // search per comment would read the rest of the file each time.
  let cr = -2;
  let i = kinds.indexOf(Kind.Comment);
  while (i !== -1) {
    let j = i + 1;
    while (j < kinds.length && kinds[j] === Kind.Comment) j++;
    if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
    out += text.slice(from, i) + blankLines(text, i, j, cr !== -1 && cr < j);
    from = j;
    i = kinds.indexOf(Kind.Comment, j);
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The comment [i, j) blanked, its line breaks (`\n`, `\r`) kept when it spans lines. Line by line: a replace of every
 * character took 50 ms on a JDK source whose Javadoc is most of its 430 KB. */
function blankLines(text: string, i: number, j: number, hasCr: boolean): string {
  let nl = text.indexOf('\n', i);
  if (nl === -1 || nl >= j) return blanks(j - i);
  if (hasCr) return text.slice(i, j).replace(/[^\n\r]/g, ' ');
  let out = '';
  for (let at = i; ; nl = text.indexOf('\n', at)) {
    const end = nl === -1 || nl >= j ? j : nl;
    out += blanks(end - at);
    if (end === j) return out;
    out += '\n';
    at = end + 1;
  }
}

const REGEX_PRECEDERS = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|void|yield|await|delete|throw|new)$/;

/** The scanning state machine. Marks strings and comments in `kinds`; everything else stays Code. */
class Lexer {
  private i = 0;
  /** Brace depth stack for `${…}` inside template literals. */
  private readonly templateDepth: number[] = [];
  private braces = 0;
  /** See nextBackslash: -2 until the first search. */
  private backslash = -2;

  /** ASCII codes that may start a comment, string or template piece; every other character is skipped at once. */
  private readonly interesting = new Uint8Array(128);

  constructor(
    private readonly s: string,
    private readonly syn: Syntax,
    private readonly kinds: Uint8Array,
  ) {
    const starters = [
      ...syn.line,
      ...syn.block.map((b) => b[0].replace('\n', '')),
      syn.quotes,
      syn.raw ?? '',
      syn.template ? '`{}' : '',
      syn.regex ? '/' : '',
      syn.verbatim ? '@' : '',
      syn.rustRaw ? 'r' : '',
    ].join('');
    for (const ch of starters) this.interesting[ch.charCodeAt(0)] = 1;
  }

  run(): void {
    const s = this.s;
    const n = s.length;
    const interesting = this.interesting;
    // The position lives in a local between special characters (a field read and written per character cost twice
    // as much on a 10,000-line file).
    let i = this.i;
    while (i < n) {
      const code = s.charCodeAt(i);
      if (code < 128 && interesting[code] === 0) {
        i++;
        continue;
      }
      this.i = i;
      if (!this.special(s[i])) this.i++;
      i = this.i;
    }
    this.i = i;
  }

  /** Handles a comment/string/template start at `i`; returns false when `c` is ordinary code. */
  private special(c: string): boolean {
    const syn = this.syn;
    if (syn.template && this.templateBrace(c)) return true;
    for (const open of syn.line) if (this.s.startsWith(open, this.i)) return this.lineComment();
    for (const [open, close] of syn.block) if (this.atBlock(open)) return this.blockComment(open, close);
    if (syn.triple && (c === '"' || c === "'") && syn.quotes.includes(c) && this.s.startsWith(c + c + c, this.i)) {
      return this.triple(c);
    }
    if (syn.verbatim && c === '@' && this.s[this.i + 1] === '"') return this.verbatim();
    if (
      syn.rustRaw &&
      c === 'r' &&
      /^r#*"/.test(this.s.slice(this.i, this.i + 8)) &&
      !/[\w$]/.test(this.s[this.i - 1] ?? '')
    ) {
      return this.rustRaw();
    }
    if (syn.template && c === '`') return this.template(this.i + 1);
    if (syn.raw?.includes(c)) return this.rawString(c);
    if (c === "'" && syn.shortSingle) return this.charLiteral();
    if (syn.quotes.includes(c)) return this.quoted(c);
    if (syn.regex && c === '/' && this.regexAllowed()) return this.regexLiteral();
    return false;
  }

  /** Block openers written with a leading newline (Ruby's `=begin`) only count at the start of a line. */
  private atBlock(open: string): boolean {
    if (open[0] !== '\n') return this.s.startsWith(open, this.i);
    return (this.i === 0 || this.s[this.i - 1] === '\n') && this.s.startsWith(open.slice(1), this.i);
  }

  private mark(from: number, to: number, kind: Kind): boolean {
    this.kinds.fill(kind, from, Math.min(to, this.s.length));
    this.i = to;
    return true;
  }

  private lineComment(): boolean {
    const end = this.s.indexOf('\n', this.i);
    return this.mark(this.i, end === -1 ? this.s.length : end, Kind.Comment);
  }

  private blockComment(open: string, close: string): boolean {
    const end = this.s.indexOf(close, this.i + open.length - (open[0] === '\n' ? 1 : 0));
    return this.mark(this.i, end === -1 ? this.s.length : end + close.length, Kind.Comment);
  }

  /** A string with backslash escapes that ends at `quote` (or, for single-line quotes, at the end of the line). */
  private quoted(quote: string): boolean {
    const s = this.s;
    let j = this.i + 1;
    const multiline = this.syn.multiline;
    while (j < s.length && s[j] !== quote && (multiline || s[j] !== '\n')) j += s[j] === '\\' ? 2 : 1;
    return this.mark(this.i, j + 1, Kind.String);
  }

  /**
   * A text block: it ends at the first closing triple quote that no backslash escapes. Found with indexOf (the close,
   * then any backslash before it) instead of a test at every character: docstrings are most of Python's text.
   */
  private triple(q: string): boolean {
    const s = this.s;
    const close = q + q + q;
    let j = this.i + 3;
    for (;;) {
      const end = s.indexOf(close, j);
      const escape = this.nextBackslash(j);
      if (end === -1 && escape === -1) {
        j = s.length;
        break;
      }
      if (escape === -1 || (end !== -1 && end < escape)) {
        j = end;
        break;
      }
      j = escape + 2; // the escaped character can never start the close
    }
    return this.mark(this.i, j + 3, Kind.String);
  }

  /** The first backslash at or after `j` (-1: none left), remembered: the lexer only moves forward, so all the
   * searches of a file together read it once (a search per text block would be quadratic without backslashes). */
  private nextBackslash(j: number): number {
    if (this.backslash !== -1 && this.backslash < j) this.backslash = this.s.indexOf('\\', j);
    return this.backslash;
  }

  private rawString(q: string): boolean {
    const end = this.s.indexOf(q, this.i + 1);
    return this.mark(this.i, end === -1 ? this.s.length : end + 1, Kind.String);
  }

  private verbatim(): boolean {
    const s = this.s;
    let j = this.i + 2;
    while (j < s.length && !(s[j] === '"' && s[j + 1] !== '"')) j += s[j] === '"' ? 2 : 1;
    return this.mark(this.i, j + 1, Kind.String);
  }

  private rustRaw(): boolean {
    const hashes = /^r(#*)"/.exec(this.s.slice(this.i, this.i + 8))![1];
    const end = this.s.indexOf('"' + hashes, this.i + 2 + hashes.length);
    return this.mark(this.i, end === -1 ? this.s.length : end + 1 + hashes.length, Kind.String);
  }

  /** `'x'`, `'\n'`, `'\u{1F600}'` are char literals; `'a` (a Rust lifetime) is code. */
  private charLiteral(): boolean {
    const m = /^'(?:\\[^']{1,10}|[^'\\\n]{1,2})'/.exec(this.s.slice(this.i, this.i + 14));
    if (!m) {
      this.i++;
      return true;
    }
    return this.mark(this.i, this.i + m[0].length, Kind.String);
  }

  /** Template literal from `from` (just after the backtick or a closing `}`) to the closing backtick or `${`. */
  private template(from: number): boolean {
    const s = this.s;
    let j = from;
    while (j < s.length && s[j] !== '`' && !(s[j] === '$' && s[j + 1] === '{')) j += s[j] === '\\' ? 2 : 1;
    if (s[j] === '$') {
      this.templateDepth.push(this.braces);
      this.mark(from - 1, j + 2, Kind.String);
      return true;
    }
    return this.mark(from - 1, j + 1, Kind.String);
  }

  /** Tracks `{`/`}` so that the `}` closing a `${` resumes the template literal. */
  private templateBrace(c: string): boolean {
    if (c === '{') {
      this.braces++;
      return false;
    }
    if (c !== '}') return false;
    const depth = this.templateDepth[this.templateDepth.length - 1];
    if (depth !== undefined && depth === this.braces) {
      this.templateDepth.pop();
      return this.template(this.i + 1);
    }
    this.braces--;
    return false;
  }

  private regexAllowed(): boolean {
    const s = this.s;
    if (s[this.i + 1] === '/' || s[this.i + 1] === '*') return false;
    let j = this.i - 1;
    while (
      j >= 0 &&
      (s[j] === ' ' || s[j] === '\t' || s[j] === '\n' || s[j] === '\r' || this.kinds[j] === Kind.Comment)
    ) {
      j--;
    }
    if (j < 0) return true;
    return REGEX_PRECEDERS.has(s[j]) || REGEX_KEYWORDS.test(s.slice(Math.max(0, j - 10), j + 1));
  }

  private regexLiteral(): boolean {
    const s = this.s;
    let j = this.i + 1;
    let inClass = false;
    while (j < s.length && s[j] !== '\n' && (inClass || s[j] !== '/')) {
      if (s[j] === '[') inClass = true;
      else if (s[j] === ']') inClass = false;
      j += s[j] === '\\' ? 2 : 1;
    }
    if (s[j] !== '/') {
      this.i++;
      return true;
    }
    return this.mark(this.i, j + 1, Kind.String);
  }
}
