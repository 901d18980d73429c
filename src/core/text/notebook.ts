// Jupyter notebooks (.ipynb): the code cells of the JSON document, each as plain text with a map from every
// character back to its offset in the file. Findings in a cell can then be reported at the exact place of the .ipynb
// (its JSON line, which nbformat writes one source line per JSON line) and as "cell N, line M" for humans. Pure: text
// in, cells out; the notebook rule family (rules/notebook.ts) runs the code families over them.
import { findNodeAtLocation, Node as JsonNode, parseTree } from 'jsonc-parser';

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
function notebookLanguage(root: JsonNode): string {
  for (const path of [
    ['metadata', 'kernelspec', 'language'],
    ['metadata', 'language_info', 'name'],
  ]) {
    const n = findNodeAtLocation(root, path);
    if (n?.type === 'string' && typeof n.value === 'string') return n.value.toLowerCase();
  }
  return 'python';
}

/** Decodes the JSON string literal at `node`, pushing each decoded UTF-16 unit and its file offset. */
function decodeString(raw: string, node: JsonNode, chars: string[], offsets: number[]): void {
  const end = node.offset + node.length - 1;
  for (let i = node.offset + 1; i < end; i++) {
    if (raw[i] !== '\\') {
      chars.push(raw[i]);
      offsets.push(i);
      continue;
    }
    const e = raw[i + 1];
    if (e === 'u') {
      chars.push(String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16) || 0));
      offsets.push(i);
      i += 5;
      continue;
    }
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
    chars.push(simple[e] ?? e);
    offsets.push(i);
    i++;
  }
}

/** The code cells of a notebook's JSON text; [] when it is not a notebook. Never throws. */
export function notebookCells(raw: string): NotebookCell[] {
  const root = parseTree(raw, [], { allowTrailingComma: true });
  const cells = root && findNodeAtLocation(root, ['cells']);
  if (!root || cells?.type !== 'array') return [];
  const language = notebookLanguage(root);
  const out: NotebookCell[] = [];
  (cells.children ?? []).forEach((cell, index) => {
    if (findNodeAtLocation(cell, ['cell_type'])?.value !== 'code') return;
    const source = findNodeAtLocation(cell, ['source']);
    const parts = source?.type === 'array' ? (source.children ?? []) : source?.type === 'string' ? [source] : [];
    const chars: string[] = [];
    const offsets: number[] = [];
    for (const p of parts) if (p.type === 'string') decodeString(raw, p, chars, offsets);
    const last = parts[parts.length - 1];
    offsets.push(last ? last.offset + last.length - 1 : (source?.offset ?? 0));
    const text = chars.join('');
    out.push({
      index,
      language: /^%%(?:bash|sh|script\s+(?:ba)?sh)\b/.test(text) ? 'shell' : language,
      text,
      offsets: Int32Array.from(offsets),
    });
  });
  return out;
}
