// Jupyter notebooks (.ipynb): the code cells of the JSON document, each as plain text with a map from every
// character back to its offset in the file. Findings in a cell can then be reported at the exact place of the .ipynb
// (its JSON line, which nbformat writes one source line per JSON line) and as "cell N, line M" for humans. Pure: text
// in, cells out; the notebook rule family (rules/notebook.ts) runs the code families over them.
import type { Node as JsonNode } from 'jsonc-parser';
import { JsonDoc, jsonDoc } from './json';

/** One code cell: its index among all cells, language, text and the file offset of each text character. */
export interface NotebookCell {
  /** 0-based index among all cells of the notebook (markdown cells included, as Jupyter numbers them). */
  readonly index: number;
  /** `python` unless the notebook's kernel or the cell says otherwise (`%%bash` cells are `shell`). */
  readonly language: string;
  readonly text: string;
  /** `offsets[i]` = file offset of `text[i]`; `offsets[text.length]` = just past the last character. */
  readonly offsets: Int32Array;
}

/** The notebook's language: `metadata.kernelspec.language`, else `metadata.language_info.name`, else python. */
function notebookLanguage(doc: JsonDoc, root: JsonNode): string {
  for (const path of [
    ['metadata', 'kernelspec', 'language'],
    ['metadata', 'language_info', 'name'],
  ]) {
    const n = doc.find(root, path);
    if (n?.type === 'string' && typeof n.value === 'string') return n.value.toLowerCase();
  }
  return 'python';
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

/**
 * Decodes the JSON string literal at `node`: pushes its text in pieces (a run without escapes is one slice) and writes
 * the file offset of each decoded UTF-16 unit into `offsets` from `at`; returns the next free index. A push per
 * character (and the join of 500,000 one-character strings) was most of a 10,000-line notebook's re-scan.
 */
function decodeString(raw: string, node: JsonNode, pieces: string[], offsets: Int32Array, at: number): number {
  const end = node.offset + node.length - 1;
  let i = node.offset + 1;
  while (i < end) {
    let run = i;
    while (run < end && raw.charCodeAt(run) !== 92) offsets[at++] = run++;
    if (run > i) {
      pieces.push(raw.slice(i, run));
      i = run;
      if (i >= end) break;
    }
    // raw[i] is a backslash
    const e = raw[i + 1];
    offsets[at++] = i;
    if (e === 'u') {
      pieces.push(String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16) || 0));
      i += 6;
      continue;
    }
    pieces.push(SIMPLE_ESCAPES[e] ?? e);
    i += 2;
  }
  return at;
}

/** The text of a cell's `source` node (a string, or an array of strings) and the file offset of each character. */
function decodeSource(raw: string, source: JsonNode | undefined): { text: string; offsets: Int32Array } {
  const parts = source?.type === 'array' ? (source.children ?? []) : source?.type === 'string' ? [source] : [];
  const pieces: string[] = [];
  // Each decoded unit comes from at least one character of its literal: the literals' lengths bound the count.
  const room = new Int32Array(parts.reduce((n, p) => n + (p.type === 'string' ? p.length : 0), 1));
  let n = 0;
  for (const p of parts) if (p.type === 'string') n = decodeString(raw, p, pieces, room, n);
  const last = parts[parts.length - 1];
  room[n++] = last ? last.offset + last.length - 1 : (source?.offset ?? 0);
  return { text: pieces.join(''), offsets: room.slice(0, n) };
}

/**
 * The same text as `decodeSource`, read by JSON.parse from the node's slice of a plain JSON file: native decoding, no
 * walk over the source lines' nodes. A re-scan of a 10,000-line notebook decoded every line this way in 1 ms, where
 * the walk and its per-character offsets took 6 ms for the few cells that hold a finding.
 */
function sourceText(raw: string, source: JsonNode | undefined): string {
  if (source?.type !== 'array' && source?.type !== 'string') return '';
  const value = JSON.parse(raw.slice(source.offset, source.offset + source.length)) as unknown;
  if (typeof value === 'string') return value;
  let text = '';
  for (const v of value as unknown[]) if (typeof v === 'string') text += v;
  return text;
}

/** A cell of a plain JSON notebook: its offsets are decoded when a finding in it is moved into the file. */
class LazyCell implements NotebookCell {
  private map?: Int32Array;
  constructor(
    readonly index: number,
    readonly language: string,
    readonly text: string,
    private readonly raw: string,
    private readonly source: JsonNode | undefined,
  ) {}

  get offsets(): Int32Array {
    return (this.map ??= decodeSource(this.raw, this.source).offsets);
  }
}

/** `%%bash`-like first lines make a cell shell. */
const SHELL_CELL = /^%%(?:bash|sh|script\s+(?:ba)?sh)\b/;

/** The code cells of a notebook's JSON text; [] when it is not a notebook. Never throws. */
export function notebookCells(raw: string): NotebookCell[] {
  const doc = jsonDoc(raw);
  const root = doc.root;
  const cells = root && doc.find(root, ['cells']);
  if (!root || cells?.type !== 'array') return [];
  const language = notebookLanguage(doc, root);
  const out: NotebookCell[] = [];
  (cells.children ?? []).forEach((cell, index) => {
    if (doc.find(cell, ['cell_type'])?.value !== 'code') return;
    const source = doc.find(cell, ['source']);
    const lang = (text: string) => (SHELL_CELL.test(text) ? 'shell' : language);
    if (doc.plain) {
      const text = sourceText(raw, source);
      out.push(new LazyCell(index, lang(text), text, raw, source));
      return;
    }
    const { text, offsets } = decodeSource(raw, source);
    out.push({ index, language: lang(text), text, offsets });
  });
  return out;
}
