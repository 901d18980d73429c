// JSON documents read for a few of their values (package.json `scripts`, a notebook's cells): the tree jsonc-parser's
// `parseTree` builds, but built only along the paths asked for. jsonc-parser reads every token of the file into nodes
// (a 10,000-line notebook or package.json took ~10 ms, most of its re-scan). Here one pass checks that the text is
// plain JSON, as JSON.parse would accept it (no comments, no trailing commas, no errors: then both readings agree),
// and records where each string, array and object ends; the tree then jumps over the values nobody asks for by
// looking their ends up. Anything else goes to jsonc-parser, as before.
import { findNodeAtLocation, Node as JsonNode, parseTree } from 'jsonc-parser';

/** A path of property names and item indices, as findNodeAtLocation takes. */
export type JsonPath = readonly (string | number)[];

/** The document's tree (a jsonc-parser Node), whose `find(path)` answers as findNodeAtLocation on the full tree. */
export interface JsonDoc {
  readonly root: JsonNode | undefined;
  /** True when the text is plain JSON (JSON.parse reads any of its values' text the same way). */
  readonly plain: boolean;
  find(node: JsonNode | undefined, path: JsonPath): JsonNode | undefined;
}

/** Reads `text` as parseTree(text, [], { allowTrailingComma: true }) would, lazily when it is plain JSON or JSON
 * whose only extras are comments and trailing commas (settings.json, devcontainer.json): then jsonc-parser reads
 * it without an error, and comments are blanks to it. */
export function jsonDoc(text: string): JsonDoc {
  const plain = plainJson(text);
  if (plain) return { root: lazyNode(plain, skipGaps(text, 0), undefined), plain: plain.strict, find: findLazy };
  return {
    root: parseTree(text, [], { allowTrailingComma: true }),
    plain: false,
    find: (n, p) => n && findNodeAtLocation(n, [...p]),
  };
}

/**
 * A plain JSON text and the end of every string, array and object in it: `ends[k]` is one past the token that starts
 * at `starts[k]` (ascending). Numbers and literals are not listed (their end is the next delimiter).
 */
interface Plain {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** The index of the token whose end was looked up last. */
  last: number;
  /** False: the text has comments or trailing commas (JSON.parse would refuse it). */
  readonly strict: boolean;
}

/** A JSON string as JSON.parse reads it: no raw control character, only JSON's escapes. */
// eslint-disable-next-line no-control-regex -- the control characters JSON forbids in a string are the point
const STRING = /"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * The ends of `text`'s tokens when JSON.parse would accept it (one value between JSON blanks: `strict`), or when its
 * only extras are comments (`//`, `/* *\/`) and trailing commas, which jsonc-parser reads without an error; else
 * undefined. One pass, no values built: JSON.parse's check built the whole document (10,000 strings of a
 * notebook, 3 ms and their garbage) and the tree then found each container's end by scanning it again at every level
 * it was opened, four passes over a notebook's source lines. test/unit/property/scan-equivalence compares the
 * verdict with JSON.parse, and the trees with jsonc-parser's.
 */
export function plainJson(text: string): Plain | undefined {
  let extras = false; // a comment or a trailing comma seen
  const skip = (t: string, from: number) => {
    const b = skipBlanks(t, from);
    if (t.charCodeAt(b) !== 47) return b;
    extras = true;
    return skipGaps(t, b);
  };
  const starts: number[] = [];
  const ends: number[] = [];
  const open: number[] = []; // the indices (into starts) of the containers open at `at`
  let at = skip(text, 0);
  let keyDue = false; // at an object's first member, or after a comma in an object
  for (;;) {
    if (keyDue) {
      at = stringAt(text, at, starts, ends);
      if (at < 0) return undefined;
      at = skip(text, at);
      if (text.charCodeAt(at) !== 58) return undefined;
      at = skip(text, at + 1);
    }
    const c = text.charCodeAt(at);
    if (c === 123 || c === 91) {
      open.push(starts.length);
      starts.push(at);
      ends.push(-1);
      at = skip(text, at + 1);
      if (text.charCodeAt(at) !== (c === 123 ? 125 : 93)) {
        keyDue = c === 123;
        continue; // its first member
      }
      ends[open.pop()!] = ++at;
    } else if (c === 34) {
      at = stringAt(text, at, starts, ends);
      if (at < 0) return undefined;
    } else {
      at = scalarEnd(text, at);
      if (at < 0) return undefined;
    }
    // After a value: a comma and the next member, or the ends of the containers it closes.
    for (;;) {
      at = skip(text, at);
      if (!open.length) return at === text.length ? { text, starts, ends, last: -1, strict: !extras } : undefined;
      const top = open[open.length - 1];
      const object = text.charCodeAt(starts[top]) === 123;
      const close = object ? 125 : 93;
      const d = text.charCodeAt(at);
      if (d === 44) {
        at = skip(text, at + 1);
        if (text.charCodeAt(at) !== close) {
          keyDue = object;
          break;
        }
        extras = true;
      } else if (d !== close) return undefined;
      ends[open.pop()!] = ++at;
    }
  }
}

/** One past the string at `at` (recorded), or -1 when none is there. */
function stringAt(text: string, at: number, starts: number[], ends: number[]): number {
  if (text.charCodeAt(at) !== 34) return -1;
  STRING.lastIndex = at;
  if (!STRING.test(text)) return -1;
  starts.push(at);
  ends.push(STRING.lastIndex);
  return STRING.lastIndex;
}

/** One past the number, `true`, `false` or `null` at `at`, or -1. */
function scalarEnd(text: string, at: number): number {
  if (at >= text.length) return -1;
  if (text.startsWith('true', at) || text.startsWith('null', at)) return at + 4;
  if (text.startsWith('false', at)) return at + 5;
  NUMBER.lastIndex = at;
  return NUMBER.test(text) ? NUMBER.lastIndex : -1;
}

/** The recorded end of the string or container at `at` (-1: none starts there). Members are read in order, so the
 * token after the last one found is tried first (a key, then its value, then the next key), else a binary search. */
function recordedEnd(plain: Plain, at: number): number {
  const { starts } = plain;
  let k = plain.last + 1;
  if (starts[k] !== at) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    if (starts[lo] !== at) return -1;
    k = lo;
  }
  plain.last = k;
  return plain.ends[k];
}

/** Nodes whose children are read on first access; strings, numbers, booleans and null carry their value. */
type LazyNode = JsonNode | LazyContainer | LazyString;

/** `findNodeAtLocation` over lazy nodes: the first property of each key, like jsonc-parser. */
function findLazy(node: JsonNode | undefined, path: JsonPath): JsonNode | undefined {
  let n = node;
  for (const segment of path) {
    if (!n) return undefined;
    const kids = n.children;
    if (typeof segment === 'string') {
      if (n.type !== 'object' || !kids) return undefined;
      const prop = kids.find((p) => p.children?.length === 2 && p.children[0].value === segment);
      if (!prop) return undefined;
      n = prop.children![1];
    } else {
      if (n.type !== 'array' || !kids || segment < 0 || segment >= kids.length) return undefined;
      n = kids[segment];
    }
  }
  return n;
}

/** The node of the value at `at`, which ends at `end` (undefined: looked up when asked). */
function lazyNode(plain: Plain, at: number, parent: JsonNode | undefined, end?: number): LazyNode {
  const { text } = plain;
  const c = text.charCodeAt(at);
  if (c === 123 || c === 91) return new LazyContainer(plain, c === 123 ? 'object' : 'array', at, parent, end);
  const stop = end ?? valueEnd(plain, at);
  // Literals of one shape each, not spreads: a spread of objects whose `parent`s differ in shape is a slow copy.
  const length = stop - at;
  if (c === 34) return new LazyString(text, at, length, parent);
  const raw = text.slice(at, stop);
  if (raw === 'true' || raw === 'false') return { type: 'boolean', offset: at, length, parent, value: raw === 'true' };
  if (raw === 'null') return { type: 'null', offset: at, length, parent, value: null };
  return { type: 'number', offset: at, length, parent, value: Number(raw) };
}

/** An object or array whose members are read on first access (getters on the class: a pair of accessors defined
 * on each node made every node a slow dictionary object). */
class LazyContainer {
  kids?: JsonNode[];
  constructor(
    private readonly plain: Plain,
    readonly type: 'object' | 'array',
    readonly offset: number,
    readonly parent: JsonNode | undefined,
    private end?: number,
  ) {}

  get length(): number {
    return (this.end ??= valueEnd(this.plain, this.offset)) - this.offset;
  }

  get children(): JsonNode[] {
    const self = this as unknown as JsonNode;
    return (this.kids ??= this.type === 'object' ? properties(this.plain, self) : items(this.plain, self));
  }

  /** See memberValueSpans: the walk of `properties`, keeping only where each value starts and ends. */
  valueSpans(): number[] {
    const { plain } = this;
    const { text } = plain;
    const out: number[] = [];
    let at = skipGaps(text, this.offset + 1);
    while (text.charCodeAt(at) === 34) {
      const keyEnd = recordedEnd(plain, at);
      const colon = skipGaps(text, keyEnd);
      const valueAt = skipGaps(text, colon + 1);
      const valueEndAt = valueEnd(plain, valueAt);
      out.push(valueAt, valueEndAt);
      at = skipGaps(text, valueEndAt);
      if (text.charCodeAt(at) === 44) at = skipGaps(text, at + 1);
    }
    return out;
  }
}

function properties(plain: Plain, obj: JsonNode): JsonNode[] {
  const { text } = plain;
  const out: JsonNode[] = [];
  let at = skipGaps(text, obj.offset + 1);
  while (text.charCodeAt(at) === 34) {
    const keyEnd = recordedEnd(plain, at);
    const colon = skipGaps(text, keyEnd);
    const valueAt = skipGaps(text, colon + 1);
    const valueEndAt = valueEnd(plain, valueAt);
    const children: JsonNode[] = [];
    const prop: JsonNode = {
      type: 'property',
      offset: at,
      length: valueEndAt - at,
      parent: obj,
      colonOffset: colon,
      children,
    };
    // The key decoded when read too: of a package.json's 10,000 scripts only the values are read.
    children.push(new LazyString(text, at, keyEnd - at, prop), lazyNode(plain, valueAt, prop, valueEndAt));
    out.push(prop);
    at = skipGaps(text, valueEndAt);
    if (text.charCodeAt(at) === 44) at = skipGaps(text, at + 1);
  }
  return out;
}

/**
 * Where each member's value of an object of a lazy tree starts and ends, [start0, end0, start1, end1, …], as its
 * `children` would give them (the value node's offset and offset + length), without building a node: a package.json's
 * 10,000 scripts made 30,000 nodes per re-scan (1.3 ms and their garbage) for the few values a keyword is in.
 * Undefined for a node of jsonc-parser's tree (a text that is not plain JSON): read its `children`.
 */
export function memberValueSpans(node: JsonNode): number[] | undefined {
  if (!(node instanceof LazyContainer) || node.type !== 'object') return undefined;
  return node.valueSpans();
}

function items(plain: Plain, arr: JsonNode): JsonNode[] {
  const { text } = plain;
  const out: JsonNode[] = [];
  let at = skipGaps(text, arr.offset + 1);
  while (at < text.length && text.charCodeAt(at) !== 93) {
    const end = valueEnd(plain, at);
    out.push(lazyNode(plain, at, arr, end));
    at = skipGaps(text, end);
    if (text.charCodeAt(at) === 44) at = skipGaps(text, at + 1);
  }
  return out;
}

/** A string node whose value is decoded when read: a notebook's thousands of source lines are read from the raw
 * text (their offsets), never as values, and decoding each (JSON.parse for any escape) was half the walk. */
class LazyString {
  readonly type = 'string';
  private decoded?: string;
  constructor(
    private readonly text: string,
    readonly offset: number,
    readonly length: number,
    readonly parent: JsonNode | undefined,
  ) {}

  get value(): string {
    return (this.decoded ??= stringValue(this.text, this.offset, this.offset + this.length));
  }
}

function stringValue(text: string, at: number, end: number): string {
  const inner = text.slice(at + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(text.slice(at, end)) as string) : inner;
}

/** JSON's blanks: space, tab, line feed, carriage return. */
function skipBlanks(text: string, at: number): number {
  for (let c = text.charCodeAt(at); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(at)) at++;
  return at;
}

/**
 * Past blanks and comments, as jsonc-parser skips them (a `//` comment ends at a line break, a block comment at the
 * first `*\/`); one past the text's end for a block comment never closed, where nothing can be read.
 */
function skipGaps(text: string, at: number): number {
  for (;;) {
    at = skipBlanks(text, at);
    if (text.charCodeAt(at) !== 47) return at;
    const next = text.charCodeAt(at + 1);
    if (next === 47) {
      at += 2;
      for (let c = text.charCodeAt(at); at < text.length && c !== 10 && c !== 13; c = text.charCodeAt(at)) at++;
    } else if (next === 42) {
      const close = text.indexOf('*/', at + 2);
      if (close === -1) return text.length + 1;
      at = close + 2;
    } else return at;
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** One past the value that starts at `at`: recorded for strings and containers, else the next delimiter. */
function valueEnd(plain: Plain, at: number): number {
  const c = plain.text.charCodeAt(at);
  if (c === 34 || c === 123 || c === 91) return recordedEnd(plain, at);
  const { text } = plain;
  let end = at;
  // A number or a literal: up to the next delimiter.
  for (let d = text.charCodeAt(end); end < text.length && !isDelimiter(d); d = text.charCodeAt(end)) end++;
  return end;
}

function isDelimiter(c: number): boolean {
  return c === 44 || c === 93 || c === 125 || c === 47 || isBlank(c);
}
