// Bracket matching over a lexed text, in time that stays linear in the file. The rules ask two questions per match —
// "which unmatched `(` encloses this offset?" and "where does the bracket at this offset close?" — and a walk per
// question costs up to 20,000 / 50,000 characters each: fine for a handful of matches, quadratic for a file of
// thousands (200 KB of `verify = False` lines took 10 s). So each text starts with the walks, and once they have
// cost more than a few passes over the text, one forward pass builds an index that answers both in O(log n + depth).
import { Kind, Lexed, sharedHead } from './lexer';

const OPEN = '([{';
const CLOSE = ')]}';

/** Per text: characters walked so far, then the index once built; and the walks' answers (see `remembered`). */
const state = new WeakMap<Lexed, { walked: number; index?: BracketIndex; answers?: Map<string, Answer> }>();

/** A walk's answer and the characters it read, [from, to). */
interface Answer {
  readonly answer: number;
  readonly from: number;
  readonly to: number;
}

/** Walks may cost this many passes over the text before the index is built: its one pass (found by the regex
 * engine) costs about half a walk over the whole text, so a text that asks more than that gets the index. */
const WALK_BUDGET_PASSES = 2;

/** Any bracket: the index's pass finds them with the regex engine, which skips the other characters natively
 * (a `charCodeAt` test per character cost ~3× as much; the index of a 10,000-line Go file took 3 ms). */
const BRACKET = /[()[\]{}]/g;

/**
 * The brackets of one text, each type matched on its own (as the walks do: a stray `]` never closes a `(`). Per type
 * t, `opens[t]` lists its openers in text order; for the k-th, `close[t][k]` is one past its matching bracket (-1:
 * never closed) and `parent[t][k]` the number of the opener of that type that encloses it (-1: none). Arrays as long
 * as the brackets, not the text: two text-long typed arrays cost more to allocate than the pass that fills them.
 */
class BracketIndex {
  readonly opens: number[][] = [[], [], []];
  readonly close: number[][] = [[], [], []];
  readonly parent: number[][] = [[], [], []];

  constructor(lexed: Lexed) {
    const s = lexed.code;
    const kinds = lexed.kinds;
    const stacks: number[][] = [[], [], []];
    BRACKET.lastIndex = 0;
    while (BRACKET.test(s)) {
      const i = BRACKET.lastIndex - 1;
      if (kinds[i] !== Kind.Code) continue;
      const ch = s[i];
      const open = OPEN.indexOf(ch);
      if (open !== -1) {
        const stack = stacks[open];
        this.parent[open].push(stack.length ? stack[stack.length - 1] : -1);
        this.close[open].push(-1);
        stack.push(this.opens[open].length);
        this.opens[open].push(i);
        continue;
      }
      const t = CLOSE.indexOf(ch);
      const stack = stacks[t];
      if (stack.length) this.close[t][stack.pop()!] = i + 1;
    }
  }

  /** The innermost opener of type `t` before `offset` whose bracket is still open at `offset`, or -1. */
  enclosing(t: number, offset: number): number {
    const list = this.opens[t];
    const close = this.close[t];
    const parent = this.parent[t];
    // The last opener before offset, then up its ancestors: the first one not closed before offset encloses it.
    for (let k = firstAtOrAfter(list, offset) - 1; k !== -1; k = parent[k]) {
      const c = close[k];
      if (c === -1 || c - 1 >= offset) return list[k];
    }
    return -1;
  }

  /** One past the bracket matching the opener at `offset` (-1: never closed, or no code opener there). */
  closeOf(offset: number, code: string): number {
    const t = OPEN.indexOf(code[offset]);
    if (t === -1) return -1;
    const list = this.opens[t];
    const k = firstAtOrAfter(list, offset);
    return list[k] === offset ? this.close[t][k] : -1;
  }
}

/** The first index of sorted `list` whose value is >= `offset` (list.length: none). */
function firstAtOrAfter(list: readonly number[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index for `lexed` once it is built. */
function builtIndex(lexed: Lexed): BracketIndex | undefined {
  return state.get(lexed)?.index;
}

/** Charges the characters the last walk read to `lexed`; once they exceed the budget, the index is built. Charged
 * after the walk, what it read: charging the limit up front (20,000 back, 50,000 forward) built the index on a
 * few dozen matches whose walks read a few hundred characters each, 2 ms of a 0.8 MB bundle's re-scan. */
function charge(lexed: Lexed): void {
  let st = state.get(lexed);
  if (!st) state.set(lexed, (st = { walked: 0 }));
  st.walked += lastWalk;
  if (st.walked > WALK_BUDGET_PASSES * lexed.code.length + 4096) st.index = new BracketIndex(lexed);
}

function remember(lexed: Lexed, key: string, answer: number, from: number, to: number): void {
  let st = state.get(lexed);
  if (!st) state.set(lexed, (st = { walked: 0 }));
  (st.answers ??= new Map()).set(key, { answer, from, to });
}

/**
 * The answer of a walk from `at` (keyed `key`) that the text lexed before `lexed` gave, when everything it read lies
 * in the head or the tail the two share (sharedHead: same code, same kinds): a re-scan after an edit asks the same
 * questions at the same places, and their walks were most of a big file's re-scan (20 statements of a Kotlin file
 * walked back ~20,000 characters each). The offset moves with the edit in the tail (an answer at the end of the
 * text too). Undefined: walk.
 */
function remembered(lexed: Lexed, key: string, at: number): number | undefined {
  const shared = sharedHead(lexed);
  if (!shared) return undefined;
  const earlier = state.get(shared.before)?.answers;
  if (!earlier) return undefined;
  const delta = lexed.code.length - shared.before.code.length;
  let found = earlier.get(key);
  if (found && found.to <= shared.length) {
    // The same answer, save the end of the text (matchingClose's answer when the close lies past its limit).
    const answer = found.answer === shared.before.code.length ? lexed.code.length : found.answer;
    remember(lexed, key, answer, found.from, found.to);
    walksKept.answers++;
    return answer;
  }
  const tailFrom = shared.before.code.length - shared.tail; // old offsets
  if (at - delta < tailFrom) return undefined;
  found = earlier.get(key.replace(/\d+/, String(at - delta)));
  if (!found || found.from < tailFrom) return undefined;
  const answer = found.answer === -1 ? -1 : found.answer + delta;
  remember(lexed, key, answer, found.from + delta, found.to + delta);
  walksKept.answers++;
  return answer;
}

/** How many walks a text took from the text lexed before it (for the tests). */
export const walksKept = { answers: 0 };

/** Characters read by the last walk (walkBack / walkForward). */
let lastWalk = 0;

/** Offset of the unmatched opening bracket (one of `opens`) that encloses `offset`, or -1. Skips strings and comments.
 * An unmatched `{` nearer than any of `opens` (when `{` is not one of them) is a block boundary: -1. */
export function enclosingOpen(lexed: Lexed, offset: number, opens = '(', limit = 20000): number {
  const index = builtIndex(lexed);
  if (!index) {
    const key = `b${offset},${opens},${limit}`;
    const known = remembered(lexed, key, offset);
    if (known !== undefined) return known;
    const found = walkBack(lexed, offset, opens, limit);
    remember(lexed, key, found, offset - lastWalk, offset);
    charge(lexed);
    return found;
  }
  let best = -1;
  for (const c of opens) best = Math.max(best, index.enclosing(OPEN.indexOf(c), offset));
  if (!opens.includes('{') && index.enclosing(2, offset) > best) return -1;
  return best > offset - limit ? best : -1;
}

/** Offset just past the bracket matching the one at `open`, or the end of the text (also when it closes more than
 * `limit` characters later). Skips strings and comments. */
export function matchingClose(lexed: Lexed, open: number, limit = 50000): number {
  const s = lexed.code;
  const index = builtIndex(lexed);
  if (!index) {
    const key = `f${open},${limit}`;
    const known = remembered(lexed, key, open);
    if (known !== undefined) return known;
    const found = walkForward(lexed, open, limit);
    remember(lexed, key, found, open, open + lastWalk);
    charge(lexed);
    return found;
  }
  const c = index.closeOf(open, s);
  // The walk stops after `limit` characters: a close at open + limit or later is not seen.
  return c === -1 || c - 1 - open >= limit ? s.length : c;
}

/** The walk `enclosingOpen` starts with (exported as the reference the index is tested against). Character codes,
 * bracket test first: most characters are not brackets, and these walks are most of a big file's re-scan. */
export function walkBack(lexed: Lexed, offset: number, opens: string, limit: number): number {
  const s = lexed.code;
  const kinds = lexed.kinds;
  const paren = opens.includes('(');
  const square = opens.includes('[');
  const brace = opens.includes('{');
  let parens = 0;
  let squares = 0;
  let braces = 0;
  for (let i = offset - 1; i >= 0 && offset - i < limit; i--) {
    const c = s.charCodeAt(i);
    if (c !== 40 && c !== 41 && c !== 91 && c !== 93 && c !== 123 && c !== 125) continue;
    if (kinds[i] !== Kind.Code) continue;
    if (c === 41) parens++;
    else if (c === 93) squares++;
    else if (c === 125) braces++;
    else if (c === 40) {
      if (parens > 0) parens--;
      else if (paren) return walked(offset - i, i);
    } else if (c === 91) {
      if (squares > 0) squares--;
      else if (square) return walked(offset - i, i);
    } else if (braces > 0) braces--;
    else return walked(offset - i, brace ? i : -1); // an unmatched `{` not looked for is a block boundary: stop looking for a call
  }
  return walked(Math.min(offset, limit), -1);
}

/** The walk `matchingClose` starts with (the reference for tests, as walkBack). */
export function walkForward(lexed: Lexed, open: number, limit: number): number {
  const s = lexed.code;
  const kinds = lexed.kinds;
  const opener = s.charCodeAt(open);
  const type = OPEN.indexOf(s[open]);
  const want = type === -1 ? -1 : CLOSE.charCodeAt(type);
  let depth = 0;
  for (let i = open; i < s.length && i - open < limit; i++) {
    const c = s.charCodeAt(i);
    if ((c !== opener && c !== want) || kinds[i] !== Kind.Code) continue;
    if (c === opener) depth++;
    else if (--depth === 0) return walked(i + 1 - open, i + 1);
  }
  return walked(Math.min(s.length - open, limit), s.length);
}

/** Records that a walk read `n` characters; returns its answer. */
function walked(n: number, answer: number): number {
  lastWalk = n;
  return answer;
}
