// A tiny, language-agnostic lexer: it does not tokenise, it only tells code from comments and string literals.
// That is all the matchers need to avoid findings in comments, docstrings and strings that merely mention a flag,
// and it is fast (one pass, no allocation per token), which keeps live re-scans of big files well under 10 ms.
import { lineStartsOf, rememberLineStarts } from '../text/lines';

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
  for (let i = 0; i < recent.length; i++) {
    if (recentSyntax[i] === syntax && recent[i].text === text) {
      lastOf.set(syntax, recent[i]);
      return recent[i];
    }
  }
  const before = lastOf.get(syntax);
  const lexed = before ? lexAfterEdit(before, text, syntax) : lexFresh(text, syntax);
  lastOf.set(syntax, lexed);
  recent.unshift(lexed);
  recentSyntax.unshift(syntax);
  recent.length = recentSyntax.length = Math.min(recent.length, RECENT);
  return lexed;
}

/** The last text lexed with each syntax: the next one is most often the same document after an edit. */
const lastOf = new WeakMap<Syntax, Lexed>();

/**
 * Where the lexer stood between tokens, outside any template literal, every CHECKPOINT_EVERY characters or so:
 * `at[k]`, and `read[k]`, past every character it had read to get there (a token's end plus the look-ahead of its
 * test, or where a regex literal that did not close gave up). The kinds before `at[k]` depend only on the text before
 * `read[k]`: a text with the same first `read[k]` characters is lexed the same way that far, from the same state.
 */
interface Checkpoints {
  readonly at: number[];
  readonly read: number[];
}

const CHECKPOINT_EVERY = 1024;
/** A shorter common head than this is lexed afresh: the copies would save less than the search for it costs. */
const REUSE_FROM = 4096;
/** What a token's test may read past where the lexer goes on: a char literal's 12 characters, a Rust raw string's 8. */
const LOOK_AHEAD = 12;

const checkpointsOf = new WeakMap<Lexed, Checkpoints>();

/**
 * Lexes `text`, reusing what `before` (the same syntax) found in the head and the tail both texts share: a re-scan
 * after an edit lexes from the last checkpoint before the edit until the lexing meets the earlier one again in the
 * shared tail (see Convergence), not to the end of the file (half of a 10,000-line file for an edit in its middle).
 * Gives what lexFresh gives (test/unit/property/rescan-paths compares both on random edits).
 */
function lexAfterEdit(before: Lexed, text: string, syntax: Syntax): Lexed {
  const marks = checkpointsOf.get(before);
  if (!marks || marks.at.length === 0 || text.length < REUSE_FROM) return lexFresh(text, syntax);
  const same = commonHead(before.text, text);
  // The last checkpoint whose reads all lie in the shared head (`read` only grows).
  let lo = 0;
  let hi = marks.read.length - 1;
  let k = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (marks.read[mid] <= same) {
      k = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (k < 0 || marks.at[k] < REUSE_FROM) return lexFresh(text, syntax);
  const from = marks.at[k];
  lexReuse.texts++;
  lexReuse.chars += from;
  const tail = commonTail(before.text, text, Math.min(before.text.length, text.length) - same);
  const kinds = new Uint8Array(text.length);
  kinds.set(before.kinds.subarray(0, from));
  const mine: Checkpoints = { at: marks.at.slice(0, k + 1), read: marks.read.slice(0, k + 1) };
  const meet: Convergence = {
    before,
    marks,
    delta: text.length - before.text.length,
    tailStart: text.length - tail,
    at: -1,
  };
  new Lexer(text, syntax, kinds, from, mine, meet).run();
  const end = meet.at === -1 ? text.length : meet.at;
  let code = blankComments(text, kinds, from, before.code.slice(0, from), end);
  if (end < text.length) {
    kinds.set(before.kinds.subarray(end - meet.delta), end);
    code += before.code.slice(end - meet.delta);
    lexReuse.tailChars += text.length - end;
  }
  const lineStarts = lineStartsAfterEdit(before, text, from, tail);
  rememberLineStarts(text, lineStarts); // what lineStartsOf(text) would have found, for the callers after the lexing
  const lexed: Lexed = { text, code, kinds, lineStarts };
  checkpointsOf.set(lexed, mine);
  // `before` is remembered by the text lexed from it only: a chain of edits keeps one earlier text alive, not all.
  sharedHeads.delete(before);
  sharedHeads.set(lexed, { before, length: from, tail: text.length - end });
  return lexed;
}

/**
 * Where a lexing after an edit may stop and copy the rest from the lexing `before` it: at a checkpoint of `before`
 * (between tokens, outside any template), `delta` later in the new text, when the lexer stands there between tokens
 * outside any template too and in the tail both texts share (from `tailStart` on, new offsets). From there on both
 * lexers read the same characters in the same state, so they mark the same kinds; what a test reads behind it (a
 * regex literal's preceding token, over blanks and comments) is checked to lie in the shared tail, with the same
 * kinds (see `Lexer.meets`). `at`: where it met (-1: never, lexed to the end).
 */
interface Convergence {
  readonly before: Lexed;
  readonly marks: Checkpoints;
  readonly delta: number;
  readonly tailStart: number;
  at: number;
}

/** How far back of a meeting point the kinds of both lexings must agree (and the texts lie in the shared tail). */
const MEET_BEHIND = 64;

/** The line starts of `text`, an edit of `before.text` sharing its first `head` and last `tail` characters: those
 * of the head and the tail kept from `before`'s, the lines between them found. */
function lineStartsAfterEdit(before: Lexed, text: string, head: number, tail: number): number[] {
  const old = before.lineStarts;
  const delta = text.length - before.text.length;
  const starts: number[] = [];
  let k = 0;
  // A start s follows a `\n` at s - 1: the head's are those with s <= head, the tail's those with s - 1 in it.
  for (; k < old.length && old[k] <= head; k++) starts.push(old[k]);
  const tailFrom = text.length - tail; // new offsets
  for (let i = text.indexOf('\n', head); i !== -1 && i < tailFrom; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  for (; k < old.length && old[k] - 1 < tailFrom - delta; k++);
  for (; k < old.length; k++) starts.push(old[k] + delta);
  return starts;
}

/** Per text lexed from an earlier one: that one, how long a head of `code` both have (same text, same kinds), and
 * how long a tail (the earlier one's last `tail` characters of `code` and kinds are this one's). */
const sharedHeads = new WeakMap<Lexed, SharedParts>();

interface SharedParts {
  readonly before: Lexed;
  readonly length: number;
  readonly tail: number;
}

/** The earlier lexing `lexed` reused and the lengths of the head and the tail of `code` they share, if any: per-text
 * searches over `code` (match.ts's literal offsets) can keep what they found in those. */
export function sharedHead(lexed: Lexed): SharedParts | undefined {
  return sharedHeads.get(lexed);
}

/** The length of the longest common head of `a` and `b`: equal slices compared natively, halving the step at a
 * difference (a few dozen comparisons of slices for 0.8 MB). */
export function commonHead(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (let step = 1 << 16; step > 0;) {
    if (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
    else step >>= 1;
  }
  return i;
}

/** The length of the longest common tail of `a` and `b`, at most `max` (as commonHead, from the ends). */
export function commonTail(a: string, b: string, max: number): number {
  let i = 0;
  for (let step = 1 << 16; step > 0;) {
    if (i + step <= max && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) {
      i += step;
    } else step >>= 1;
  }
  return i;
}

function lexFresh(text: string, syntax: Syntax): Lexed {
  const kinds = new Uint8Array(text.length);
  const marks: Checkpoints = { at: [], read: [] };
  new Lexer(text, syntax, kinds, 0, marks).run();
  const lexed: Lexed = { text, code: blankComments(text, kinds), kinds, lineStarts: lineStartsOf(text) };
  checkpointsOf.set(lexed, marks);
  return lexed;
}

/** How often a lexing reused an earlier one, and how many characters of heads and of tails it did not lex again (for
 * the tests). */
export const lexReuse = { texts: 0, chars: 0, tailChars: 0 };

/** Where the lexing of `lexed` can resume (for the tests). */
export function resumePoints(lexed: Lexed): readonly number[] {
  return checkpointsOf.get(lexed)?.at ?? [];
}

/** Lexes `text` from its start, whatever was lexed before: the oracle of the reuse's equivalence test. */
export function lexAfresh(text: string, syntax: Syntax): Lexed {
  return lexFresh(text, syntax);
}

// Line starts live in the text layer; re-exported so the families keep importing them from here.
export { lineStartsOf };

/** Blanks for comments up to this long are slices of one string (a `repeat` per comment cost more than the rest). */
const BLANKS = ' '.repeat(256);

const blanks = (n: number) => (n <= BLANKS.length ? BLANKS.slice(0, n) : ' '.repeat(n));

/** `text` with its comments blanked, from `start` to `end` (`head`: the blanked text before `start`, from an earlier
 * lexing; a character's blank depends on it and its kind alone, so a comment may be cut at either end). */
function blankComments(text: string, kinds: Uint8Array, start = 0, head = '', end = text.length): string {
  let out = head;
  let from = start;
  // The next `\r` at or after the comment being blanked (-1: none left), searched again only once passed: one
  // search per comment would read the rest of the file each time.
  let cr = -2;
  const ks = end < kinds.length ? kinds.subarray(0, end) : kinds; // what lies past `end` is not lexed yet
  let i = ks.indexOf(Kind.Comment, start);
  while (i !== -1) {
    let j = i + 1;
    while (j < end && kinds[j] === Kind.Comment) j++;
    if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
    out += text.slice(from, i) + blankLines(text, i, j, cr !== -1 && cr < j);
    from = j;
    i = ks.indexOf(Kind.Comment, j);
  }
  if (end < text.length) return out + text.slice(from, end);
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

// What an ASCII character may start, per syntax: one bit per check of `Lexer.special`, which runs only the checks
// whose bit is set, in the same order. Characters with no bit (most of a file) are skipped by `run` at once.
const TEMPLATE_BRACE = 1;
const LINE = 2;
const BLOCK = 4;
const TRIPLE = 8;
const VERBATIM = 16;
const RUST_RAW = 32;
const TEMPLATE = 64;
const RAW = 128;
const CHAR = 256;
const QUOTE = 512;
const REGEX = 1024;

/**
 * A Syntax in one fixed shape, with the table of what each ASCII character may start. Made once per Syntax: the
 * SYNTAX objects have different sets of fields, and reading fields of objects of many shapes at one place in the hot
 * loop is a slow (megamorphic) property access; a re-scan of Go after Python and JavaScript in the same process cost
 * 5× the lexing of Go alone.
 */
class Plan {
  readonly starts = new Uint16Array(128);
  readonly line: readonly string[];
  readonly block: readonly (readonly [string, string])[];
  readonly quotes: string;
  readonly multiline: boolean;

  constructor(syn: Syntax) {
    this.line = syn.line;
    this.block = syn.block;
    this.quotes = syn.quotes;
    this.multiline = syn.multiline === true;
    const set = (chars: string, bit: number) => {
      for (const ch of chars) if (ch.charCodeAt(0) < 128) this.starts[ch.charCodeAt(0)] |= bit;
    };
    if (syn.template) set('{}', TEMPLATE_BRACE);
    for (const open of syn.line) set(open[0], LINE);
    for (const [open] of syn.block) set(open[0] === '\n' ? open[1] : open[0], BLOCK);
    if (syn.triple) set(['"', "'"].filter((q) => syn.quotes.includes(q)).join(''), TRIPLE);
    if (syn.verbatim) set('@', VERBATIM);
    if (syn.rustRaw) set('r', RUST_RAW);
    if (syn.template) set('`', TEMPLATE);
    if (syn.raw) set(syn.raw, RAW);
    if (syn.shortSingle) set("'", CHAR);
    set(syn.quotes, QUOTE);
    if (syn.regex) set('/', REGEX);
    const hex = [...this.starts.keys()]
      .filter((c) => this.starts[c] !== 0)
      .map((c) => `\\x${c.toString(16).padStart(2, '0')}`);
    this.next = new RegExp(`[${hex.join('')}]`, 'g');
  }

  /** Any character with a bit: `run` jumps from one to the next with the regex engine, which skips the others
   * natively (a test per character cost twice as much on a 10,000-line file). */
  readonly next: RegExp;
}

const plans = new WeakMap<Syntax, Plan>();

function planOf(syn: Syntax): Plan {
  let plan = plans.get(syn);
  if (!plan) plans.set(syn, (plan = new Plan(syn)));
  return plan;
}

/** `[\w$]`: a character of an identifier. */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** The scanning state machine. Marks strings and comments in `kinds`; everything else stays Code. */
class Lexer {
  private i = 0;
  /** Brace depth stack for `${…}` inside template literals. */
  private readonly templateDepth: number[] = [];
  private braces = 0;
  /** See nextBackslash: -2 until the first search. */
  private backslash = -2;
  private readonly plan: Plan;

  /** Past every character read so far (see Checkpoints). */
  private read = 0;

  constructor(
    private readonly s: string,
    syntax: Syntax,
    private readonly kinds: Uint8Array,
    start: number,
    private readonly marks: Checkpoints,
    private readonly meet?: Convergence,
  ) {
    this.plan = planOf(syntax);
    this.i = start;
    this.read = start;
  }

  /** Next checkpoint of the earlier lexing (`meet`) that this one may meet, by index, and its offset in this text. */
  private theirs = -1;
  private theirsAt = Infinity;

  /** Moves `theirs` to the earlier lexing's first checkpoint at or after `i` (new offsets); Infinity: none left. */
  private nextTheirs(i: number): void {
    const meet = this.meet!;
    const at = meet.marks.at;
    if (this.theirs === -1) {
      // The first one that can lie far enough into the shared tail, by binary search.
      let lo = 0;
      let hi = at.length;
      const want = Math.max(i, meet.tailStart + MEET_BEHIND) - meet.delta;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (at[mid] < want) lo = mid + 1;
        else hi = mid;
      }
      this.theirs = lo;
    }
    while (this.theirs < at.length && at[this.theirs] + meet.delta < i) this.theirs++;
    this.theirsAt = this.theirs < at.length ? at[this.theirs] + meet.delta : Infinity;
  }

  /**
   * True when this lexing, between tokens at `i` outside any template, may stop and take the rest from the earlier
   * one, which stood at the same place of the shared tail in the same state (see Convergence). What a test may read
   * behind `i` must be the same too: the characters are (the tail is shared from MEET_BEHIND before), and so must be
   * the kinds; a regex literal's test skips blanks and comments backwards, so a character of code or string must
   * stop it within the window, with room for the keyword it reads before that.
   */
  private meets(i: number): boolean {
    const meet = this.meet!;
    const theirs = meet.before.kinds;
    const s = this.s;
    const kinds = this.kinds;
    const j = i - meet.delta;
    let stop = false;
    for (let b = 1; b <= MEET_BEHIND; b++) {
      if (kinds[i - b] !== theirs[j - b]) return false;
      if (!stop && b <= MEET_BEHIND - 16 && kinds[i - b] !== Kind.Comment) {
        const c = s.charCodeAt(i - b);
        stop = c !== 32 && c !== 9 && c !== 10 && c !== 13;
      }
    }
    return stop;
  }

  run(): void {
    const s = this.s;
    const n = s.length;
    const starts = this.plan.starts;
    // The position lives in a local between special characters (a field read and written per character cost twice
    // as much on a 10,000-line file).
    const next = this.plan.next;
    const marks = this.marks;
    let i = this.i;
    // A text too short to be reused records none (a notebook's cells, most files of a tree).
    let mark = n < REUSE_FROM ? Infinity : marks.at.length ? marks.at[marks.at.length - 1] : 0;
    if (this.meet) this.nextTheirs(i);
    while (i < n) {
      // Nothing starts with a character outside ASCII (the old lexer tried every check on them and none passed).
      next.lastIndex = i;
      if (!next.test(s)) break;
      i = next.lastIndex - 1;
      if (i >= this.theirsAt) {
        if (i === this.theirsAt && this.templateDepth.length === 0 && this.meets(i)) return this.met(i);
        this.nextTheirs(i + 1);
      }
      // Between tokens, at the next character that may start one: what came before it was read, and up to the
      // look-ahead of each test past where it went on (see regexLiteral).
      if (i - mark >= CHECKPOINT_EVERY && this.templateDepth.length === 0) {
        marks.at.push(i);
        marks.read.push(Math.max(this.read, i));
        mark = i;
      }
      const code = s.charCodeAt(i);
      this.i = i;
      if (!this.special(code, starts[code])) this.i++;
      i = this.i;
      if (mark !== Infinity) this.read = Math.max(this.read, i + LOOK_AHEAD);
    }
    this.i = Math.max(i, n);
  }

  /** Stops at `i`, where this lexing met the earlier one: its checkpoints from there on are this one's, moved. */
  private met(i: number): void {
    const meet = this.meet!;
    const { at, read } = meet.marks;
    const marks = this.marks;
    const readHere = Math.max(this.read, i);
    if (marks.at[marks.at.length - 1] !== i) {
      marks.at.push(i);
      marks.read.push(readHere);
    }
    // What was read to reach each later one: its own reads, moved, and anything this lexing read before meeting.
    for (let k = this.theirs + 1; k < at.length; k++) {
      marks.at.push(at[k] + meet.delta);
      marks.read.push(Math.max(read[k] + meet.delta, readHere));
    }
    meet.at = i;
    this.i = i;
  }

  /** Handles a comment/string/template start at `i`; returns false when the character is ordinary code. */
  private special(c: number, bits: number): boolean {
    const s = this.s;
    if (bits & TEMPLATE_BRACE && this.templateBrace(c)) return true;
    if (bits & LINE) for (const open of this.plan.line) if (s.startsWith(open, this.i)) return this.lineComment();
    if (bits & BLOCK) {
      for (const [open, close] of this.plan.block) if (this.atBlock(open)) return this.blockComment(open, close);
    }
    const triple = bits & TRIPLE && s.charCodeAt(this.i + 1) === c && s.charCodeAt(this.i + 2) === c;
    if (triple) return this.triple(s[this.i]);
    if (bits & VERBATIM && s.charCodeAt(this.i + 1) === 34) return this.verbatim();
    if (bits & RUST_RAW && this.atRustRaw()) return this.rustRaw();
    if (bits & TEMPLATE) return this.template(this.i + 1);
    if (bits & RAW) return this.rawString(s[this.i]);
    if (bits & CHAR) return this.charLiteral();
    if (bits & QUOTE) return this.quoted(c);
    if (bits & REGEX && this.regexAllowed()) return this.regexLiteral();
    return false;
  }

  /** `r"`, `r#"`, … up to `r#######"` (what `/^r#*"/` finds in 8 characters), not after an identifier character. */
  private atRustRaw(): boolean {
    const s = this.s;
    let j = this.i + 1;
    const end = Math.min(this.i + 8, s.length);
    while (j < end && s.charCodeAt(j) === 35) j++;
    return j < end && s.charCodeAt(j) === 34 && !(this.i > 0 && isWordCode(s.charCodeAt(this.i - 1)));
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
  private quoted(quote: number): boolean {
    const s = this.s;
    const n = s.length;
    let j = this.i + 1;
    if (this.plan.multiline) {
      for (let c = s.charCodeAt(j); j < n && c !== quote; c = s.charCodeAt(j)) j += c === 92 ? 2 : 1;
    } else {
      for (let c = s.charCodeAt(j); j < n && c !== quote && c !== 10; c = s.charCodeAt(j)) j += c === 92 ? 2 : 1;
    }
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

  /**
   * `'x'`, `'\n'`, `'\u{1F600}'` are char literals; `'a` (a Rust lifetime) is code. What
   * `/^'(?:\\[^']{1,10}|[^'\\\n]{1,2})'/` matches, without a slice and a regex per quote.
   */
  private charLiteral(): boolean {
    const len = this.charLiteralLength();
    if (len === 0) {
      this.i++;
      return true;
    }
    return this.mark(this.i, this.i + len, Kind.String);
  }

  private charLiteralLength(): number {
    const s = this.s;
    const i = this.i;
    const c1 = s.charCodeAt(i + 1);
    if (c1 === 92) {
      // A backslash, 1-10 characters that are not quotes, the closing quote.
      const close = s.indexOf("'", i + 2);
      return close >= i + 3 && close <= i + 12 ? close - i + 1 : 0;
    }
    const plain = (c: number) => c === c && c !== 39 && c !== 92 && c !== 10; // c === c: not NaN (past the end)
    if (!plain(c1)) return 0;
    const c2 = s.charCodeAt(i + 2);
    if (plain(c2) && s.charCodeAt(i + 3) === 39) return 4;
    return c2 === 39 ? 3 : 0;
  }

  /** Template literal from `from` (just after the backtick or a closing `}`) to the closing backtick or `${`. */
  private template(from: number): boolean {
    const s = this.s;
    const n = s.length;
    let j = from;
    for (
      let c = s.charCodeAt(j);
      j < n && c !== 96 && !(c === 36 && s.charCodeAt(j + 1) === 123);
      c = s.charCodeAt(j)
    ) {
      j += c === 92 ? 2 : 1;
    }
    if (j < n && s.charCodeAt(j) === 36) {
      this.templateDepth.push(this.braces);
      this.mark(from - 1, j + 2, Kind.String);
      return true;
    }
    return this.mark(from - 1, j + 1, Kind.String);
  }

  /** Tracks `{`/`}` so that the `}` closing a `${` resumes the template literal. */
  private templateBrace(c: number): boolean {
    if (c === 123) {
      this.braces++;
      return false;
    }
    if (c !== 125) return false;
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
      this.read = Math.max(this.read, j + 1); // it read to the line's end for a close that is not there
      this.i++;
      return true;
    }
    return this.mark(this.i, j + 1, Kind.String);
  }
}
