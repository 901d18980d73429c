// JSON documents read for a few of their values (package.json `scripts`, a notebook's cells): the tree jsonc-parser's
// `parseTree` builds, but built only along the paths asked for. jsonc-parser reads every token of the file into nodes
// (a 10,000-line notebook or package.json took ~10 ms, most of its re-scan). Here the native JSON.parse first checks that
// the text is plain JSON (no comments, no trailing commas, no errors: then both readings agree), and a scan that
// trusts that check jumps over the values nobody asks for. Anything else goes to jsonc-parser, as before.
import { findNodeAtLocation, Node as JsonNode, parseTree } from 'jsonc-parser';

/** A path of property names and item indices, as findNodeAtLocation takes. */
export type JsonPath = readonly (string | number)[];

/** The document's tree (a jsonc-parser Node), whose `find(path)` answers as findNodeAtLocation on the full tree. */
export interface JsonDoc {
  readonly root: JsonNode | undefined;
  find(node: JsonNode | undefined, path: JsonPath): JsonNode | undefined;
}

/** Reads `text` as parseTree(text, [], { allowTrailingComma: true }) would, lazily when it is plain JSON. */
export function jsonDoc(text: string): JsonDoc {
  if (isPlainJson(text)) {
    const start = skipBlanks(text, 0);
    return { root: lazyNode(text, start, undefined), find: findLazy };
  }
  return {
    root: parseTree(text, [], { allowTrailingComma: true }),
    find: (n, p) => n && findNodeAtLocation(n, [...p]),
  };
}

function isPlainJson(text: string): boolean {
  try {
    JSON.parse(text);
    // JSON.parse reads a leading byte-order mark as an error already; an empty text is an error too.
    return true;
  } catch {
    return false;
  }
}

/** Nodes whose children are read on first access; strings, numbers, booleans and null carry their value. */
type LazyNode = JsonNode & { kids?: JsonNode[] };

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

/** The node of the value at `at`, which ends at `end` (undefined: found when asked). Text is plain JSON. */
function lazyNode(text: string, at: number, parent: JsonNode | undefined, end?: number): LazyNode {
  const c = text.charCodeAt(at);
  if (c === 123 || c === 91) {
    let length = end === undefined ? undefined : end - at;
    const node = { type: c === 123 ? 'object' : 'array', offset: at, parent } as LazyNode;
    Object.defineProperties(node, {
      length: { get: () => (length ??= valueEnd(text, at) - at), enumerable: true },
      children: { get: () => (node.kids ??= c === 123 ? properties(text, node) : items(text, node)), enumerable: true },
    });
    return node;
  }
  const stop = end ?? valueEnd(text, at);
  // Literals of one shape each, not spreads: a spread of objects whose `parent`s differ in shape is a slow copy.
  const length = stop - at;
  if (c === 34) return new LazyString(text, at, length, parent);
  const raw = text.slice(at, stop);
  if (raw === 'true' || raw === 'false') return { type: 'boolean', offset: at, length, parent, value: raw === 'true' };
  if (raw === 'null') return { type: 'null', offset: at, length, parent, value: null };
  return { type: 'number', offset: at, length, parent, value: Number(raw) };
}

function properties(text: string, obj: JsonNode): JsonNode[] {
  const out: JsonNode[] = [];
  let at = skipBlanks(text, obj.offset + 1);
  while (text.charCodeAt(at) === 34) {
    const keyEnd = stringEnd(text, at);
    const colon = skipBlanks(text, keyEnd);
    const valueAt = skipBlanks(text, colon + 1);
    const valueEndAt = valueEnd(text, valueAt);
    const children: JsonNode[] = [];
    const prop: JsonNode = {
      type: 'property',
      offset: at,
      length: valueEndAt - at,
      parent: obj,
      colonOffset: colon,
      children,
    };
    const key = { type: 'string', offset: at, length: keyEnd - at, parent: prop, value: stringValue(text, at, keyEnd) };
    children.push(key as JsonNode, lazyNode(text, valueAt, prop, valueEndAt));
    out.push(prop);
    at = skipBlanks(text, valueEndAt);
    if (text.charCodeAt(at) === 44) at = skipBlanks(text, at + 1);
  }
  return out;
}

function items(text: string, arr: JsonNode): JsonNode[] {
  const out: JsonNode[] = [];
  let at = skipBlanks(text, arr.offset + 1);
  while (at < text.length && text.charCodeAt(at) !== 93) {
    const end = valueEnd(text, at);
    out.push(lazyNode(text, at, arr, end));
    at = skipBlanks(text, end);
    if (text.charCodeAt(at) === 44) at = skipBlanks(text, at + 1);
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

/** One past the closing quote of the string that opens at `at`. */
function stringEnd(text: string, at: number): number {
  for (let q = text.indexOf('"', at + 1); ; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
  }
}

/** Quotes and brackets: a container's end is found by jumping between them, strings skipped whole. */
const STRUCTURE = /["[\]{}]/g;

/** One past the value that starts at `at`. */
function valueEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 34) return stringEnd(text, at);
  if (c !== 123 && c !== 91) {
    let end = at;
    // A number or a literal: up to the next delimiter.
    for (let d = text.charCodeAt(end); end < text.length && !isDelimiter(d); d = text.charCodeAt(end)) end++;
    return end;
  }
  let depth = 0;
  STRUCTURE.lastIndex = at;
  for (;;) {
    STRUCTURE.test(text);
    const i = STRUCTURE.lastIndex - 1;
    const ch = text.charCodeAt(i);
    if (ch === 34) {
      STRUCTURE.lastIndex = stringEnd(text, i);
      continue;
    }
    if (ch === 123 || ch === 91) depth++;
    else if (--depth === 0) return i + 1;
  }
}

function isDelimiter(c: number): boolean {
  return c === 44 || c === 93 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9;
}
