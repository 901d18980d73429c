// Matching helpers shared by every rule family: regex search over code only, enclosing-call lookup, and
// turning offsets into findings. Families stay "data plus a small matcher" by leaning on these.
import { enclosingOpen, matchingClose } from './brackets';
import { commonHead, commonTail, Kind, Lexed, sharedHead } from './lexer';
import { Finding, Range, RuleMeta } from './types';
import { positionAt } from '../text/lines';

// Offsets ↔ positions live in the text layer; re-exported so the families keep importing them from here.
export { positionAt };

/** Converts offsets [start, end) into a Range. */
export function rangeOf(lexed: Pick<Lexed, 'lineStarts'>, start: number, end: number): Range {
  return { start: positionAt(lexed.lineStarts, start), end: positionAt(lexed.lineStarts, end) };
}

/**
 * `text.includes(needle)`, faster when the needle's first character is common: the needle is looked for by way of a
 * head, up to 6 of its characters from its rarest one (by how often each character occurs in source code: upper case,
 * digits and `*@$` rarest, then `qzjxkvbwyg…` down to `e`), so `verify_certs` looks for `verify` and `ssl_verify`
 * for `verify` too, rather than every `s` of the file. A search for up to 6 characters jumps between occurrences of
 * its first one (`memchr`), from 7 on it is Boyer-Moore-Horspool, 3-10× slower on source code; each head occurrence
 * is then checked in place (`startsWith`), and after 64 of them without the needle the rest of the text is searched
 * for it whole, so a head that turns out common costs one plain search more, never a quadratic walk. On a
 * 10,000-line Python file an absent needle cost 0.07-0.2 ms with `includes` and with a head taken from its first 6
 * characters (`ssl_verify`, `verify_certs`, `GIT_SSL_NO_VERIFY`), 0.005-0.02 ms now; the re-scan asks for ~25.
 */
export function contains(text: string, needle: string): boolean {
  const { head, off } = headOf(needle);
  if (off === 0 && head.length === needle.length) return text.includes(needle);
  let seen = 0;
  for (let h = text.indexOf(head, off); h !== -1; h = text.indexOf(head, h + 1)) {
    if (text.startsWith(needle, h - off)) return true;
    // Every needle start up to h - off was tried: the rest, whole.
    if (++seen === HEAD_TRIES) return text.includes(needle, h - off + 1);
  }
  return false;
}

/** Head occurrences checked in place before `contains` searches the rest of the text for the whole needle. */
const HEAD_TRIES = 64;

const heads = new Map<string, { readonly head: string; readonly off: number }>();

/** A needle's head: up to 6 characters from its rarest one, at least 3 unless the needle is shorter, and its offset. */
function headOf(needle: string): { readonly head: string; readonly off: number } {
  let found = heads.get(needle);
  if (found !== undefined) return found;
  let best = 0;
  let bestRank = -1;
  for (let i = 0; i === 0 || i + 3 <= needle.length; i++) {
    const r = rarity(needle.charCodeAt(i));
    if (r > bestRank) {
      bestRank = r;
      best = i;
    }
  }
  found = { head: needle.slice(best, best + 6), off: best };
  heads.set(needle, found);
  return found;
}

/** Lower-case letters from the most to the least common in source code (English words, keywords, identifiers). */
const LETTERS_BY_FREQUENCY = 'etaoinsrlcdhupmfgybwvkxjqz';

/** How rare a character is in source code, higher rarer: upper case, digits and a few symbols, then letters by frequency. */
function rarity(c: number): number {
  if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return 40;
  if (c >= 97 && c <= 122) return 10 + LETTERS_BY_FREQUENCY.indexOf(String.fromCharCode(c));
  if ('*@$~`^|&%!?'.includes(String.fromCharCode(c))) return 38;
  if (c === 95 || c === 45) return 14; // `_`, `-`: about as common as `r` in identifiers and options
  return 5; // blanks, `.`, `,`, brackets, quotes
}

/** True when the character at `offset` is code (not in a comment or string). */
export function isCode(lexed: Lexed, offset: number): boolean {
  return lexed.kinds[offset] === Kind.Code;
}

/**
 * Runs a global regex over the comment-blanked code and calls `onMatch` for each match whose group `anchor`
 * (0 = whole match) starts in code. Example: `/\bverify\s*=\s*False\b/g` never reports `"verify=False"` in a string.
 * A regex with literals (see `withLiterals`) is only tried near their occurrences, with the same matches.
 */
export function eachCodeMatch(lexed: Lexed, re: RegExp, onMatch: (m: RegExpExecArray) => void, anchor = 0): void {
  const lit = hintsOn ? literalsOf.get(re) : undefined;
  if (lit) return eachLiteralMatch(lexed, re, lit, onMatch, anchor);
  re.lastIndex = 0;
  for (let m = re.exec(lexed.code); m; m = re.exec(lexed.code)) {
    if (m[0].length === 0) re.lastIndex++;
    const at = anchor === 0 ? m.index : groupStart(m, anchor);
    if (at >= 0 && isCode(lexed, at)) onMatch(m);
  }
}

/** A regex's literals: every match holds one of `words`, starting at most `before` characters after the match. */
interface Literals {
  readonly words: readonly string[];
  readonly before: number;
  /** The regex, sticky: tried at single positions. */
  readonly sticky: RegExp;
}

const literalsOf = new WeakMap<RegExp, Literals>();
let hintsOn = true;

/**
 * Declares that every match of the global regex `re` contains one of `words` (case-sensitive), starting no more
 * than `before` characters after the match start (Infinity: anywhere, then the words only gate the pass); returns `re`. `eachCodeMatch` then tries `re` only at the few
 * positions each occurrence allows (with `indexOf`, a native search), instead of letting the regex engine try every
 * position of the file: a regex that starts with a look-behind, an optional prefix or an alternation cannot skip
 * ahead, and on a 10,000-line file each such pass cost 0.3-1.5 ms. The matches are the same, in the same order
 * (test/unit/property/scan-equivalence.property.test.ts compares both ways on every declared regex).
 * Example: `withLiterals(/(?<![\w.])(?:ssl\.)?_create_default_https_context\s*=/g, ['_create_default_https_context'], 4)`.
 */
export function withLiterals(re: RegExp, words: readonly string[], before = 0): RegExp {
  literalsOf.set(re, { words, before, sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y') });
  literalRegexes.push(re);
  return re;
}

/**
 * `code.indexOf(word, from)`, by way of the word's head as `contains` does: V8 searches for 7 characters or more with
 * Boyer-Moore-Horspool, several times slower on source code than the first-character jumps of a short search; and a
 * short search jumps between its first character's occurrences, every `e` of the file for `expect`, which `xpect`
 * skips (1.5 ms of a re-scan of the TypeScript compiler's bundle, whose messages say "expected" everywhere).
 */
function occurrence(code: string, word: string, from: number): number {
  const { head, off } = headOf(word);
  if (off === 0 && head.length === word.length) return code.indexOf(word, from);
  for (let h = code.indexOf(head, from + off); h !== -1; h = code.indexOf(head, h + 1)) {
    if (code.startsWith(word, h - off)) return h - off;
  }
  return -1;
}

/**
 * `re.test(text)` for a regex given literals (`withLiterals`), on raw text: the regex is tried only at the places its
 * literals allow, and the first match answers. For the keyword gates that run on every file before lexing, where an
 * alternation of words without a common first character makes the engine try every position (1.4 ms on the
 * TypeScript compiler's 0.8 MB bundle for `minVersion|maxVersion|secureProtocol|…` followed by a version).
 */
export function testFromLiterals(re: RegExp, text: string): boolean {
  const lit = hintsOn ? literalsOf.get(re) : undefined;
  if (!lit || lit.before === Infinity) {
    re.lastIndex = 0;
    const found = re.test(text);
    re.lastIndex = 0;
    return found;
  }
  const { words, before, sticky } = lit;
  for (const w of words) {
    for (let p = occurrence(text, w, 0); p !== -1; p = occurrence(text, w, p + 1)) {
      for (let q = Math.max(0, p - before); q <= p; q++) {
        sticky.lastIndex = q;
        if (sticky.test(text)) return true;
      }
    }
  }
  return false;
}

/**
 * False when none of the literals declared for `re` (withLiterals) occurs in `text`, so that `re` cannot match it;
 * true otherwise, also for a regex without literals. Through `present`: kept across a re-scan's edit, a cheap test
 * before `testFromLiterals`, whose search of each literal's occurrences reads the whole text.
 */
export function literalsPresent(re: RegExp, text: string): boolean {
  const lit = literalsOf.get(re);
  return !lit || lit.words.some((w) => present(text, w));
}

function withoutLiteralsOnce(lexed: Lexed, re: RegExp, onMatch: (m: RegExpExecArray) => void, anchor: number): void {
  const was = hintsOn;
  hintsOn = false;
  try {
    eachCodeMatch(lexed, re, onMatch, anchor);
  } finally {
    hintsOn = was;
  }
}

/** Every regex given literals, for the equivalence tests. */
export const literalRegexes: RegExp[] = [];

/** Every regex written over for speed, with the form it replaced (`rewritten`), for the equivalence tests. */
export const rewrittenRegexes: { readonly re: RegExp; readonly was: RegExp }[] = [];

/**
 * Declares that `re` is `was` written to fail fast, with the same matches and groups; returns `re`. The usual case:
 * two adjacent quantifiers over overlapping classes (`\{\s*[\w\s,]*->`), which the engine retries at every split of
 * a blank run, and the lexer blanks whole comments into such runs (a Javadoc block after `{` cost 7 ms per re-scan of
 * the JDK's sources; `\{[\w\s,]*->` matches the same strings, 0.2 ms). test/unit/property/scan-equivalence compares
 * both forms on generated code and on every rule example, so `was` is kept as the test's oracle.
 */
export function rewritten(re: RegExp, was: RegExp): RegExp {
  rewrittenRegexes.push({ re, was });
  return re;
}

/** Runs `fn` with the literals ignored (every regex searched by the regex engine alone), for the equivalence tests. */
export function withoutLiterals<T>(fn: () => T): T {
  hintsOn = false;
  try {
    return fn();
  } finally {
    hintsOn = true;
  }
}

/**
 * The global search of `re` over the code, done from the literals' occurrences: a match starting at q holds a literal
 * at p in [q, q + before], so the leftmost match at or after `from` starts in [p - before, p] of the first occurrence
 * p >= from whose window has one; positions are tried in increasing order, each once.
 */
function eachLiteralMatch(
  lexed: Lexed,
  re: RegExp,
  lit: Literals,
  onMatch: (m: RegExpExecArray) => void,
  anchor: number,
): void {
  const code = lexed.code;
  const { words, before, sticky } = lit;
  const lists = words.map((w) => offsetsOf(lexed, w));
  re.lastIndex = 0; // as the plain search leaves it, also when no literal occurs
  if (before === Infinity) {
    // A prefix of any length (`(?:[\w.]+\.)?Name`): the literals only gate the plain search.
    if (lists.some((l) => l.length > 0)) withoutLiteralsOnce(lexed, re, onMatch, anchor);
    return;
  }
  const next = words.map(() => 0); // per word, its first offset not yet passed
  let from = 0; // where the global search would resume
  let tried = -1; // every position up to this one failed
  for (;;) {
    // The first occurrence of any literal at or after `from`.
    let p = -1;
    for (let k = 0; k < words.length; k++) {
      const list = lists[k];
      while (next[k] < list.length && list[next[k]] < from) next[k]++;
      if (next[k] < list.length && (p === -1 || list[next[k]] < p)) p = list[next[k]];
    }
    if (p === -1) {
      re.lastIndex = 0;
      return;
    }
    let m: RegExpExecArray | null = null;
    for (let q = Math.max(from, p - before, tried + 1); q <= p && !m; q++) {
      sticky.lastIndex = q;
      m = sticky.exec(code);
      tried = q;
    }
    if (!m) {
      from = p + 1;
      continue;
    }
    from = m.index + (m[0].length === 0 ? 1 : m[0].length);
    re.lastIndex = from;
    const at = anchor === 0 ? m.index : groupStart(m, anchor);
    if (at >= 0 && isCode(lexed, at)) onMatch(m);
  }
}

/** Per text, the offsets of each literal looked for, found once: regexes share words (`rejectUnauthorized` is the
 * switch's and the named flag's), and each search for one was a pass over the code (1.5 ms on a 0.8 MB bundle). */
const offsetsByText = new WeakMap<Lexed, Map<string, readonly number[]>>();

function offsetsOf(lexed: Lexed, word: string): readonly number[] {
  let byWord = offsetsByText.get(lexed);
  if (!byWord) offsetsByText.set(lexed, (byWord = new Map()));
  let list = byWord.get(word);
  if (!list) {
    const offsets: number[] = [];
    const head = sharedHead(lexed);
    const earlier = head && offsetsByText.get(head.before)?.get(word);
    if (head && earlier) keptOffsets(lexed.code, word, head, earlier, offsets);
    else {
      for (let p = occurrence(lexed.code, word, 0); p !== -1; p = occurrence(lexed.code, word, p + 1)) offsets.push(p);
    }
    byWord.set(word, (list = offsets));
  }
  return list;
}

/**
 * After an edit, the offsets of `word` in `code` from those in the code lexed before (`earlier`): the occurrences
 * wholly in the head both share are that one's, so are those in the tail they share (moved by the edit's change of
 * length); only what lies between is searched (the lines around the edit of a 10,000-line file, not its second half).
 */
function keptOffsets(
  code: string,
  word: string,
  shared: { readonly before: Lexed; readonly length: number; readonly tail: number },
  earlier: readonly number[],
  offsets: number[],
): void {
  const from = Math.max(0, shared.length - word.length + 1);
  const tailFrom = code.length - shared.tail; // an occurrence starting here or later lies in the shared tail
  const delta = code.length - shared.before.code.length;
  let k = 0;
  for (; k < earlier.length && earlier[k] < from; k++) offsets.push(earlier[k]);
  // A slice (no copy) ends the search where the tail's occurrences begin: a search of the whole rest would read it.
  const between = code.slice(from, Math.min(code.length, tailFrom + word.length - 1));
  for (let p = occurrence(between, word, 0); p !== -1; p = occurrence(between, word, p + 1)) offsets.push(from + p);
  for (; k < earlier.length && earlier[k] < tailFrom - delta; k++);
  for (; k < earlier.length; k++) offsets.push(earlier[k] + delta);
}

/** The offsets of `word` in `lexed.code` as the literal search keeps them (kept across edits: see keptOffsets). */
export function literalOffsets(lexed: Lexed, word: string): readonly number[] {
  return offsetsOf(lexed, word);
}

/**
 * `text.includes(word)` for the keyword gates of a family's scan, kept across edits: per text, the first offset of
 * each word asked; a text that is an edit of the one asked before (the next keystroke's re-scan) takes it from that
 * one's where the head or the tail they share decides, and searches only the lines between (a gate of 12 characters
 * read the 0.8 MB bundle with Boyer-Moore-Horspool each re-scan, 0.5 ms). test/unit/property/rescan-paths checks it
 * against `includes` on random edits.
 */
export function present(text: string, word: string): boolean {
  return firstOffset(text, word) !== -1;
}

/**
 * A keyword gate `re.test(text)` answered through `present` when `re` is a plain alternation of words (literal
 * characters, escaped punctuation, classes of single characters such as `[rR]`, `(?:a|b)` groups and `?` on either):
 * it matches where one of the words it spells occurs, so each word is looked up as `present` keeps it across a
 * re-scan's edit. Any other regex (anchors, `\b`, repetitions, flags) is tested as it is. Example:
 * `gate(/Trust(?:All)?Strategy|isTrusted/, text)` looks up `TrustStrategy`, `TrustAllStrategy` and `isTrusted`.
 */
export function gate(re: RegExp, text: string): boolean {
  let words = gateWords.get(re);
  if (words === undefined) gateWords.set(re, (words = (re.flags === '' && wordsOf(re.source)) || null));
  if (words) return words.some((w) => present(text, w));
  re.lastIndex = 0;
  return re.test(text);
}

/** Per gate regex, its words (null: not a regex of words). */
const gateWords = new WeakMap<RegExp, readonly string[] | null>();

/** The words a regex source of words spells (see `gate`), or undefined: not such a regex, or more than 64 words. */
export function wordsOf(source: string): string[] | undefined {
  let at = 0;
  const fail = (): never => {
    throw new RangeError(source);
  };
  const limit = (words: string[]) => (words.length > 64 ? fail() : words);
  const alternation = (): string[] => {
    const words = [...sequence()];
    while (source[at] === '|') {
      at++;
      words.push(...sequence());
    }
    return limit(words);
  };
  const sequence = (): string[] => {
    let words = [''];
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      let atom = atomAt();
      if (source[at] === '?') {
        at++;
        atom = ['', ...atom];
      }
      words = limit(words.flatMap((w) => atom.map((a) => w + a)));
    }
    return words;
  };
  const atomAt = (): string[] => {
    const c = source[at++];
    if (c === '(') {
      if (!source.startsWith('?:', at)) fail();
      at += 2;
      const inner = alternation();
      if (source[at++] !== ')') fail();
      return inner;
    }
    if (c === '[') {
      const close = source.indexOf(']', at);
      const chars = close === -1 ? fail() : source.slice(at, close);
      if (chars === '' || /[\\^\-[]/.test(chars)) fail();
      at = close + 1;
      return [...chars];
    }
    if (c === '\\') {
      const e = source[at++] ?? fail();
      return /[^\w\s]/.test(e) ? [e] : fail(); // punctuation; `\b`, `\w`, `\d`, `\n` … are not words
    }
    if ('.^$*+?{}|)]'.includes(c)) fail();
    return [c];
  };
  try {
    const words = alternation();
    return at === source.length && words.every((w) => w !== '') ? words : undefined;
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** A text asked about by `present`: the first offset of each word, and how it shares a head and a tail with the
 * text asked before it (undefined: not an edit of it). */
interface Asked {
  readonly text: string;
  readonly first: Map<string, number>;
  readonly before?: Asked;
  readonly head: number;
  readonly tail: number;
}

/** The last two texts asked about (a caller may go back and forth between two). */
const asked: Asked[] = [];

/** Shared head and tail of less than this share of the text: not an edit, every word searched afresh. */
const EDIT_SHARE = 0.5;

function askedOf(text: string): Asked {
  if (asked[0]?.text === text) return asked[0];
  if (asked[1]?.text === text) {
    asked.reverse();
    return asked[0];
  }
  const prev = asked[0];
  let entry: Asked = { text, first: new Map(), head: 0, tail: 0 };
  if (prev) {
    const head = commonHead(prev.text, text);
    const tail = commonTail(prev.text, text, Math.min(prev.text.length, text.length) - head);
    if (head + tail >= EDIT_SHARE * text.length) {
      entry = { ...entry, before: { ...prev, before: undefined }, head, tail };
    }
  }
  asked.unshift(entry);
  asked.length = Math.min(asked.length, 2);
  return entry;
}

function firstOffset(text: string, word: string): number {
  const entry = askedOf(text);
  let first = entry.first.get(word);
  if (first !== undefined) return first;
  const before = entry.before;
  const known = before?.first.get(word);
  first = known === undefined ? occurrence(text, word, 0) : firstAfterEdit(entry, before!.text, word, known);
  entry.first.set(word, first);
  return first;
}

/** The first offset of `word` in the edited `entry.text`, from its first offset `known` in the text `was` before. */
function firstAfterEdit(entry: Asked, was: string, word: string, known: number): number {
  const { text, head, tail } = entry;
  const headEnd = head - word.length + 1; // an occurrence starting before this lies in the shared head
  if (known !== -1 && known < headEnd) return known;
  // None in the head: the first lies between head and tail, or in the tail (where `was` has it too, moved).
  const from = Math.max(0, headEnd);
  const tailFrom = text.length - tail;
  const between = occurrence(text.slice(from, Math.min(text.length, tailFrom + word.length - 1)), word, 0);
  if (between !== -1) return from + between;
  if (known === -1) return -1;
  const wasTail = was.length - tail;
  const inTail = known >= wasTail ? known : occurrence(was, word, wasTail);
  return inTail === -1 ? -1 : inTail + text.length - was.length;
}

/** Start offset of capture group `n` (requires the `d` flag) or -1 when it did not take part. */
export function groupStart(m: RegExpExecArray, n: number): number {
  const idx = m.indices?.[n];
  return idx ? idx[0] : -1;
}

/** End offset of capture group `n` (requires the `d` flag) or -1. */
export function groupEnd(m: RegExpExecArray, n: number): number {
  const idx = m.indices?.[n];
  return idx ? idx[1] : -1;
}

// Bracket matching (linear in the file, however many matches ask): see brackets.ts.
export { enclosingOpen, matchingClose };

/** A call expression around an offset: `callee(` … `)`. */
export interface Call {
  /** The callee as written, e.g. `requests.Session().get` or `$client->get`. */
  readonly callee: string;
  /** Last name of the callee, e.g. `get`. */
  readonly name: string;
  readonly start: number;
  readonly open: number;
  /** Offset just past the closing parenthesis. */
  readonly end: number;
}

/** The innermost call whose argument list contains `offset`, e.g. for `verify=False` in `requests.get(u, verify=False)`. */
export function enclosingCall(lexed: Lexed, offset: number): Call | undefined {
  const open = enclosingOpen(lexed, offset, '(');
  if (open < 0) return undefined;
  const start = calleeStart(lexed, open);
  const callee = lexed.code.slice(start, open).replace(/\s+/g, '');
  const name = /([A-Za-z_$][\w$]*)[!?]?$/.exec(callee)?.[1] ?? '';
  return { callee, name, start, open, end: matchingClose(lexed, open) };
}

/** Walks back from `(` over a member chain (`a.b`, `a?.b`, `a::b`, `$a->b`, `f().g`, `x[0].y`, chains across lines). */
export function calleeStart(lexed: Lexed, open: number): number {
  const s = lexed.code;
  let i = open;
  let last = open;
  for (;;) {
    let j = i;
    if (j !== open) while (j > 0 && /\s/.test(s[j - 1])) j--;
    if (j > 0 && (s[j - 1] === ')' || s[j - 1] === ']')) {
      const back = enclosingOpen(lexed, j - 1, s[j - 1] === ')' ? '(' : '[', 5000);
      if (back < 0) return i;
      j = back;
    }
    const word = /[$\w]+[!?]?$/.exec(s.slice(Math.max(0, j - 200), j));
    if (word) j -= word[0].length;
    if (j === i) return last;
    i = last = j;
    const sep = /(?:\?\.|\.|::|->)\s*$/.exec(s.slice(Math.max(0, i - 40), i));
    if (!sep) return i;
    i -= sep[0].length;
  }
}

/** Builds a finding from offsets: `value` is the text at [start, end), `context` the call or statement. */
export function finding(
  lexed: Pick<Lexed, 'text' | 'lineStarts'>,
  rule: RuleMeta,
  start: number,
  end: number,
  context?: readonly [number, number],
  message?: string,
): Finding {
  return {
    ruleId: rule.id,
    range: rangeOf(lexed, start, end),
    severity: rule.severity,
    message: message ?? rule.title,
    value: lexed.text.slice(start, end),
    context: context ? rangeOf(lexed, context[0], context[1]) : undefined,
  };
}

/** [start, end) of the line holding `offset`, without the newline: the context of a one-line statement. By binary
 * search over the line starts, not a scan of the text: a 200 KB one-line file with thousands of matches stays linear. */
export function lineAt(lexed: Lexed, offset: number): [number, number] {
  const line = positionAt(lexed.lineStarts, offset).line;
  const start = lexed.lineStarts[line];
  const end = line + 1 < lexed.lineStarts.length ? lexed.lineStarts[line + 1] - 1 : lexed.text.length;
  return [start, lexed.text[end - 1] === '\r' ? end - 1 : end];
}

/** The statement around `offset`: its line, extended to the end of an enclosing call when the call spans lines. */
export function statementAt(lexed: Lexed, offset: number): [number, number] {
  const call = enclosingCall(lexed, offset);
  const [ls, le] = lineAt(lexed, call ? call.start : offset);
  let first = ls; // the statement starts at the line's first non-blank (no slice of a possibly huge line)
  while (first < le && /\s/.test(lexed.text[first])) first++;
  return [first, Math.max(le, call?.end ?? 0)];
}

/**
 * The common case of a rule: every code match of `re` is a finding from group `startGroup` (0: the match start) to
 * the match end, anchored at group `anchor` (which must be code), with its statement as context.
 */
export function pushMatches(
  lexed: Lexed,
  re: RegExp,
  rule: RuleMeta,
  out: Finding[],
  anchor = 0,
  startGroup = 0,
  accept?: (m: RegExpExecArray) => boolean,
): void {
  eachCodeMatch(
    lexed,
    re,
    (m) => {
      if (accept && !accept(m)) return;
      const start = startGroup === 0 ? m.index : groupStart(m, startGroup);
      out.push(finding(lexed, rule, start, m.index + m[0].length, statementAt(lexed, start)));
    },
    anchor,
  );
}
