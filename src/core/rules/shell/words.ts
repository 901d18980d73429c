// Shell words: splits shell text into simple commands (lists of words with quotes removed), the way a POSIX shell
// would for the parts that matter here. Skips comments and here-document bodies; marks words whose value is only
// known at run time. The per-program analysers (programs.ts) read these words.

/** One shell word: its value after quote removal and the [start, end) of its text in the Source. */
export interface Word {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** Contains `$…` or a backtick outside single quotes: only known at run time. */
  readonly dynamic: boolean;
}

const SEPARATORS = new Set([';', '&', '|', '(', ')', '`', '\n', '{', '}']);
/** A run of characters with no quoting, expansion or operator meaning (read in one regex step, for speed). */
const PLAIN = /[^\s'"\\$<>;&|()`{}]+/y;
/** Blanks between words. */
const BLANKS = /[ \t\r]+/y;

/**
 * Splits shell text into simple commands (lists of words). Skips comments and here-document bodies. With `relevant`,
 * also skips whole lines that cannot matter: a line that starts a command, does not match `relevant`, and carries no
 * state into the next line (no trailing `\`, no `<<`, an even number of each quote character) yields no words.
 * Building words is the costly part, and most lines of a long script are such lines.
 */
export function commands(src: string, relevant?: RegExp): Word[][] {
  return new Tokenizer(src, relevant).run();
}

/** The global copy of each `relevant` regex, made once: a package.json has a Source per script, and compiling the
 * copy for each of 10,000 scripts was a third of its re-scan. Sharing is safe: every search sets `lastIndex` first. */
const globals = new WeakMap<RegExp, RegExp>();

function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g')));
  return g;
}

class Tokenizer {
  private i = 0;
  private readonly out: Word[][] = [];
  private cmd: Word[] = [];
  private heredocs: { tag: string; strip: boolean }[] = [];
  /** `relevant`, global, run forward over the whole text: one pass instead of one test per line. */
  private readonly hits?: RegExp;
  /** Start of the first `relevant` match at or after the offset it was searched from (Infinity: none). */
  private hit = -1;

  constructor(
    private readonly s: string,
    private readonly relevant?: RegExp,
    /** Where reading stops (a substitution's closing parenthesis); the text's end by default. */
    private readonly stop = s.length,
  ) {
    if (relevant) this.hits = globalOf(relevant);
  }

  /** Whether a `relevant` match starts in [from, to). The patterns match within a line, so this is the line's test. */
  private relevantIn(from: number, to: number): boolean {
    if (this.hit < from) {
      this.hits!.lastIndex = from;
      const m = this.hits!.exec(this.s);
      this.hit = m ? m.index : Infinity;
    }
    return this.hit < to;
  }

  run(): Word[][] {
    this.skipIrrelevantLine();
    while (this.i < this.stop) this.step();
    this.end();
    return this.out;
  }

  /** At the start of a line with no command under way: jump over the line if it cannot produce a finding. */
  private skipIrrelevantLine(): void {
    while (this.relevant && this.cmd.length === 0 && this.i < this.s.length) {
      const nl = this.s.indexOf('\n', this.i);
      const to = nl === -1 ? this.s.length : nl;
      if (this.relevantIn(this.i, to)) return;
      const line = this.s.slice(this.i, to);
      if (line.endsWith('\\') || line.endsWith('\\\r') || line.includes('<<') || odd(line, "'") || odd(line, '"')) {
        return;
      }
      this.i = nl === -1 ? this.s.length : nl + 1;
    }
  }

  private step(): void {
    const s = this.s;
    const c = s[this.i];
    if (c === ' ' || c === '\t' || c === '\r') {
      BLANKS.lastIndex = this.i;
      BLANKS.exec(s);
      this.i = BLANKS.lastIndex;
      return;
    }
    if (c === '\\' && (s[this.i + 1] === '\n' || (s[this.i + 1] === '\r' && s[this.i + 2] === '\n'))) {
      this.i += s[this.i + 1] === '\n' ? 2 : 3;
      return;
    }
    if (c === '#') {
      this.skipTo('\n');
      return;
    }
    if (c === '\n') {
      this.end();
      this.i++;
      this.skipHeredocs();
      this.skipIrrelevantLine();
      return;
    }
    if (SEPARATORS.has(c) || (c === '$' && s[this.i + 1] === '(')) {
      this.end();
      this.i += c === '$' ? 2 : 1;
      return;
    }
    if (c === '<' && s[this.i + 1] === '<' && s[this.i + 2] !== '<') {
      this.heredoc();
      return;
    }
    if (c === '<' || c === '>') {
      this.i++;
      return;
    }
    this.word();
  }

  private skipTo(ch: string): void {
    const j = this.s.indexOf(ch, this.i);
    this.i = j === -1 ? this.s.length : j;
  }

  private end(): void {
    if (this.cmd.length) this.out.push(this.cmd);
    this.cmd = [];
  }

  /** `<<TAG`, `<<-TAG`, `<<'TAG'`: remember the tag; the body starts after the end of this line. */
  private heredoc(): void {
    const m = /^<<(-?)[ \t]*(["']?)([\w.-]+)\2/.exec(this.s.slice(this.i, this.i + 80));
    if (!m) {
      this.i += 2;
      return;
    }
    this.heredocs.push({ tag: m[3], strip: m[1] === '-' });
    this.i += m[0].length;
  }

  private skipHeredocs(): void {
    for (const h of this.heredocs) {
      while (this.i < this.s.length) {
        const nl = this.s.indexOf('\n', this.i);
        const line = this.s.slice(this.i, nl === -1 ? this.s.length : nl).replace(/\r$/, '');
        this.i = nl === -1 ? this.s.length : nl + 1;
        if ((h.strip ? line.replace(/^\t+/, '') : line).trim() === h.tag) break;
      }
    }
    this.heredocs = [];
  }

  /** Reads one word: quotes are removed, `\x` escapes resolved, `$` marks the word dynamic. */
  private word(): void {
    const s = this.s;
    const start = this.i;
    let value = '';
    let dynamic = false;
    while (this.i < s.length) {
      PLAIN.lastIndex = this.i;
      const run = PLAIN.exec(s);
      if (run) {
        value += run[0];
        this.i += run[0].length;
        continue;
      }
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '<' || c === '>' || SEPARATORS.has(c)) break;
      if (c === '$' && s[this.i + 1] === '(') break;
      if (c === "'") {
        const j = s.indexOf("'", this.i + 1);
        const e = j === -1 ? s.length : j;
        value += s.slice(this.i + 1, e);
        this.i = e + 1;
        continue;
      }
      if (c === '"') {
        const r = this.doubleQuoted();
        value += r.value;
        dynamic ||= r.dynamic;
        continue;
      }
      if (c === '\\') {
        value += s[this.i + 1] ?? '';
        this.i += 2;
        continue;
      }
      if (c === '$' && s[this.i + 1] === '{') {
        // `${NAME}`, `${NAME:-default}`: one expansion inside the word (its braces are not a group).
        const e = braceEnd(s, this.i + 1);
        value += s.slice(this.i, e);
        dynamic = true;
        this.i = e;
        continue;
      }
      if (c === '$') dynamic = true;
      value += c;
      this.i++;
    }
    if (this.i > start) this.cmd.push({ value, start, end: Math.min(this.i, s.length), dynamic });
    else this.i++;
  }

  private doubleQuoted(): { value: string; dynamic: boolean } {
    const s = this.s;
    let value = '';
    let dynamic = false;
    let j = this.i + 1;
    for (; j < s.length && s[j] !== '"'; j++) {
      if (s[j] === '\\' && '"\\$`\n'.includes(s[j + 1])) {
        value += s[++j];
        continue;
      }
      if (s[j] === '$' && s[j + 1] === '(') {
        // `"$(curl -sSk …)"`: a command substitution inside the quotes is a command list of its own (its quotes
        // do not close the outer ones); its commands are read in place, offsets into the same text.
        const e = substitutionEnd(s, j + 2);
        this.substituted(j + 2, e - 1);
        value += s.slice(j, e);
        dynamic = true;
        j = e - 1;
        continue;
      }
      if (s[j] === '$' || s[j] === '`') dynamic = true;
      value += s[j];
    }
    this.i = j + 1;
    return { value, dynamic };
  }

  /** The commands of `s[from, to)` (a substitution's inside), added to this text's commands. */
  private substituted(from: number, to: number): void {
    const inner = new Tokenizer(this.s, undefined, to);
    inner.i = from;
    for (const cmd of inner.run()) this.out.push(cmd);
  }
}

/**
 * Index after the `)` that closes the substitution whose text starts at `from` (nested parentheses counted, quoted
 * text skipped), or the text's end if none does.
 */
function substitutionEnd(s: string, from: number): number {
  let depth = 1;
  for (let j = from; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === "'") {
      const q = s.indexOf("'", j + 1);
      j = q === -1 ? s.length : q;
    } else if (c === '"') {
      for (j++; j < s.length && s[j] !== '"'; j++) if (s[j] === '\\') j++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
    else if (c === '\n' && s[j - 1] !== '\\') return j;
  }
  return s.length;
}

/** Index after the `}` that closes the `{` at `open` (nested `${…}` counted), or the line's end if none does. */
function braceEnd(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length && s[j] !== '\n'; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return j + 1;
  }
  const nl = s.indexOf('\n', open);
  return nl === -1 ? s.length : nl;
}

/** True when `line` holds an odd number of `quote` characters (a quote may stay open into the next line). */
function odd(line: string, quote: string): boolean {
  let n = 0;
  for (let j = line.indexOf(quote); j !== -1; j = line.indexOf(quote, j + 1)) n++;
  return n % 2 === 1;
}
