// YAML (CI workflows, Ansible, Compose, Kubernetes): the values of run-like keys as shell, and `env:`-like maps and
// lists as environment assignments. Text inside block scalars of other keys is data, never read as keys.
import { EnvAssignment, Line, linesOf, Source, SourceBuilder } from '../env';
import { Surfaces, unquote } from './types';

const RUN_KEYS = new Set([
  'run',
  'script',
  'before_script',
  'after_script',
  'shell',
  'bash',
  'sh',
  'pwsh',
  'powershell',
  'inlineScript',
  'command',
  'cmd',
  'entrypoint',
  'ansible.builtin.shell',
  'ansible.builtin.command',
  'ansible.builtin.raw',
  'raw',
]);
const ENV_KEYS = new Set(['env', 'variables', 'environment', 'containerEnv', 'remoteEnv']);
const YAML_KEY = /^(\s*)((?:-\s+)*)([\w.-]+|"[^"]*"|'[^']*')\s*:(?=\s|$)[ \t]*(.*)$/;

/** Indentation (spaces) of a line, or -1 for blank and comment-only lines. */
function indentOf(line: string): number {
  const t = line.trimStart();
  return t === '' || t.startsWith('#') ? -1 : line.length - t.length;
}

/**
 * The scripts and env assignments of a YAML file. `relevant` (a keyword test whose matches never span lines) lets
 * scripts that cannot matter be skipped unbuilt.
 */
export function yaml(text: string, relevant?: RegExp): Surfaces {
  const lines = linesOf(text);
  const out: Surfaces = { sources: [], env: [] };
  const hits = relevant && matchStarts(text, relevant);
  out.env.push(...leadingEnvList(lines), ...leadingEnvMap(lines));
  const leading = leadingScript(lines);
  if (leading) out.sources.push(leading);
  const aliases = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const m = YAML_KEY.exec(lines[i].text);
    if (!m) continue;
    const key = m[3][0] === '"' || m[3][0] === "'" ? m[3].replace(/^["']|["']$/g, '') : m[3];
    const keyCol = m[1].length + m[2].length;
    const valueCol = lines[i].text.length - m[4].length;
    if (RUN_KEYS.has(key) && mayMatch(lines, i, keyCol, hits)) {
      out.sources.push(...yamlScripts(lines, i, keyCol, valueCol));
    } else if (ENV_KEYS.has(key)) {
      // `variables: &vars` (an anchor on the map) is the map itself; `environment: *common` is another map's.
      const value = m[4].replace(ANCHOR, '');
      if (isEmptyValue(value)) out.env.push(...yamlEnv(lines, i, keyCol, aliases));
      else if (ALIAS.test(value)) aliases.add(ALIAS.exec(value)![1]);
    }
    // Text inside a block scalar (`description: |`) is data, not keys: never read `run:` lines out of prose.
    if (/^[|>][-+0-9]*\s*(?:#.*)?$/.test(m[4])) i = blockEnd(lines, i + 1, m[1].length + m[2].length) - 1;
  }
  if (aliases.size > 0) out.env.push(...anchoredEnv(lines, aliases, out.env));
  return out;
}

/** An anchor before a value (`&vars`, `&common-env `). */
const ANCHOR = /^&[\w.-]+[ \t]*/;
/** A value that is an alias of an anchored node (`*common-env`, group 1 the name). */
const ALIAS = /^\*([\w.-]+)\s*(?:#.*)?$/;
/** A merge key in a map: `<<: *common-env` (group 1 the name). */
const MERGE = /^\s*<<\s*:\s*\*([\w.-]+)\s*(?:#.*)?$/;

/**
 * The maps an env key takes through an alias (`environment: *common-env`, `<<: *common-env` inside one): a
 * Compose `x-env: &common-env` extension, a CI `.vars: &vars` hidden key. Their entries are read as assignments
 * where the anchored map writes them, once, however many services take it; a map already read is not read again.
 */
function anchoredEnv(lines: Line[], aliases: ReadonlySet<string>, read: readonly EnvAssignment[]): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  const seen = new Set(read.map((a) => a.start));
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].text.indexOf(': &');
    if (at < 0) continue;
    const m = YAML_KEY.exec(lines[i].text);
    const anchor = m && /^&([\w.-]+)\s*(?:#.*)?$/.exec(m[4]);
    if (!m || !anchor || !aliases.has(anchor[1])) continue;
    for (const a of yamlEnv(lines, i, m[1].length + m[2].length)) if (!seen.has(a.start)) out.push(a);
  }
  return out;
}

/**
 * False when nothing the value of the key on line `i` can span (the rest of that line, then every line indented past
 * the key, or a list item at its column) holds a `relevant` match: its scripts are then not built at all (building
 * maps every character back to the file, the costly part of a long workflow). `hits` are the file offsets where the
 * matches start, found once per file: testing each key's lines joined anew was most of a 10,000-line re-scan.
 */
function mayMatch(lines: Line[], i: number, keyCol: number, hits?: readonly number[]): boolean {
  if (!hits) return true;
  let j = i + 1;
  for (; j < lines.length; j++) {
    const ind = indentOf(lines[j].text);
    if (ind !== -1 && (ind < keyCol || (ind === keyCol && !/^\s*-\s/.test(lines[j].text)))) break;
  }
  const from = lines[i].at;
  const to = lines[j - 1].at + lines[j - 1].text.length;
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < hits.length && hits[lo] < to;
}

/** Where the matches of `re` start in `text`, in order (a global copy of `re` does the walk). */
function matchStarts(text: string, re: RegExp): number[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: number[] = [];
  for (let m = g.exec(text); m; m = g.exec(text)) {
    out.push(m.index);
    if (m[0] === '') g.lastIndex++;
  }
  return out;
}

/** Index of the first line after a block scalar that starts at `from` and belongs to a node indented `parentCol`. */
function blockEnd(lines: Line[], from: number, parentCol: number): number {
  let j = from;
  while (
    j < lines.length &&
    (lines[j].text.trim() === '' || lines[j].text.length - lines[j].text.trimStart().length > parentCol)
  ) {
    j++;
  }
  return j;
}

function isEmptyValue(v: string): boolean {
  return v.trim() === '' || v.trim().startsWith('#');
}

/** The value of `key:` as scripts: a scalar (plain, quoted, `|`/`>` block) or a list of them. */
function yamlScripts(lines: Line[], i: number, keyCol: number, valueCol: number): Source[] {
  const value = lines[i].text.slice(valueCol);
  if (!isEmptyValue(value)) return [yamlScalar(lines, i, valueCol, keyCol)];
  const out: Source[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const ind = indentOf(lines[j].text);
    if (ind === -1) continue;
    const item = /^(\s*)-\s+/.exec(lines[j].text);
    if (ind < keyCol || (ind === keyCol && !item)) break;
    if (item && ind <= childIndent(lines, i, keyCol)) out.push(yamlScalar(lines, j, item[0].length, ind));
  }
  return out;
}

/** Indentation of the first child line after line `i` (list items may sit at the key's own column). */
function childIndent(lines: Line[], i: number, keyCol: number): number {
  for (let j = i + 1; j < lines.length; j++) {
    const ind = indentOf(lines[j].text);
    if (ind !== -1) return ind;
  }
  return keyCol;
}

/** A scalar starting at `col` of line `i`, owned by a node indented `parentCol`. */
function yamlScalar(lines: Line[], i: number, col: number, parentCol: number): Source {
  const line = lines[i];
  const v = line.text.slice(col);
  if (/^[|>][-+0-9]*\s*(?:#.*)?$/.test(v)) return blockScalar(lines, i + 1, parentCol, v[0] === '>');
  if (v[0] === '"' || v[0] === "'") return quotedScalar(line, col);
  const b = new SourceBuilder();
  const plain = v.replace(/\s+#.*$/, '');
  b.push(plain, line.at + col);
  for (let j = i + 1; j < lines.length; j++) {
    const ind = indentOf(lines[j].text);
    if (ind === -1) break;
    if (ind <= parentCol || /^\s*-\s|^\s*[\w.-]+\s*:(\s|$)/.test(lines[j].text)) break;
    b.synthetic(' ', lines[j].at).push(lines[j].text.slice(ind).replace(/\s+#.*$/, ''), lines[j].at + ind);
  }
  return b.build();
}

function blockScalar(lines: Line[], from: number, parentCol: number, folded: boolean): Source {
  const b = new SourceBuilder();
  for (let j = from; j < lines.length; j++) {
    const t = lines[j].text;
    const ind = t.length - t.trimStart().length;
    if (t.trim() !== '' && ind <= parentCol) break;
    b.push(t, lines[j].at).synthetic(folded ? ' ' : '\n', lines[j].at + t.length);
  }
  return b.build();
}

function quotedScalar(line: Line, col: number): Source {
  const q = line.text[col];
  const b = new SourceBuilder();
  for (let k = col + 1; k < line.text.length; k++) {
    const c = line.text[k];
    if (c === q && q === "'" && line.text[k + 1] === "'") {
      b.push("'", line.at + k);
      k++;
      continue;
    }
    if (c === q) break;
    if (c === '\\' && q === '"') {
      b.synthetic(line.text[k + 1] ?? '', line.at + k);
      k++;
      continue;
    }
    b.push(c, line.at + k);
  }
  return b.build();
}

/**
 * Indented lines the text opens with that are neither keys, list items nor comments: the inside of a block scalar
 * whose key is out of sight (an excerpt of a `run: |` step that begins on its commands). Read as a script up to the
 * first line indented less than the first; a text that opens with a key, as whole files do, has none.
 */
function leadingScript(lines: Line[]): Source | undefined {
  const first = lines.findIndex((l) => indentOf(l.text) !== -1);
  if (first === -1) return undefined;
  const t = lines[first].text;
  const col = indentOf(t);
  if (col === 0 || YAML_KEY.test(t) || /^\s*(?:-(?:\s|$)|\{\{|[[\]{}])/.test(t)) return undefined;
  return blockScalar(lines, first, col - 1, false);
}

/**
 * Indented `- NAME=value` items the text opens with: a Compose `environment:` list whose key is out of sight (an
 * excerpt, a diff hunk, a template fragment). Only the leading run, and only while every item has that shape.
 */
function leadingEnvList(lines: Line[]): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  for (const [j, line] of lines.entries()) {
    if (indentOf(line.text) === -1) continue;
    if (!/^\s+-\s+["']?[A-Za-z_]\w*=/.test(line.text)) break;
    const a = envEntry(lines, j);
    if (a) out.push(a);
  }
  return out;
}

/**
 * Indented `NAME: value` entries the text opens with, the first NAME in upper case: a CI `variables:` or `env:` map
 * whose key is out of sight (an excerpt, a template fragment). Only the leading run at the first line's indentation.
 */
function leadingEnvMap(lines: Line[]): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  let col = -1;
  let entries = 0;
  for (const [j, line] of lines.entries()) {
    const ind = indentOf(line.text);
    if (ind === -1) continue;
    if (col === -1) col = ind;
    if (col === 0 || ind < col) break;
    if (ind > col) continue;
    const name = /^\s+["']?([A-Za-z_]\w*)["']?\s*:/.exec(line.text);
    if (!name || (entries++ === 0 && !/^[A-Z_][A-Z0-9_]*$/.test(name[1]))) break;
    const a = envEntry(lines, j);
    if (a) out.push(a);
  }
  return out;
}

/** `env:` children: `NAME: value` maps, `- NAME=value` lists (Compose) and `- name: N` / `value: V` lists (Kubernetes). */
function yamlEnv(lines: Line[], i: number, keyCol: number, aliases?: Set<string>): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  const child = childIndent(lines, i, keyCol);
  for (let j = i + 1; j < lines.length; j++) {
    const ind = indentOf(lines[j].text);
    if (ind === -1) continue;
    if (ind < keyCol || (ind === keyCol && !/^\s*-\s/.test(lines[j].text)) || ind < child) break;
    if (ind !== child) continue;
    const merged = aliases && lines[j].text.includes('<<') ? MERGE.exec(lines[j].text) : null;
    if (merged) aliases!.add(merged[1]);
    const a = envEntry(lines, j);
    if (a) out.push(a);
  }
  return out;
}

function envEntry(lines: Line[], j: number): EnvAssignment | undefined {
  const line = lines[j];
  const listed = /^(\s*-\s+)(["']?)([A-Za-z_]\w*)=(.*?)\2\s*(?:#.*)?$/.exec(line.text);
  if (listed) {
    const start = line.at + listed[1].length;
    return {
      name: listed[3],
      value: unquote(listed[4]),
      start,
      end: start + listed[2].length * 2 + listed[3].length + 1 + listed[4].length,
    };
  }
  const m = YAML_KEY.exec(line.text);
  if (!m) return undefined;
  const key = m[3].replace(/^["']|["']$/g, '');
  if (key === 'name' && m[2]) return k8sEnv(lines, j, m);
  if (isEmptyValue(m[4])) return undefined;
  const valueCol = line.text.length - m[4].length;
  const v = yamlScalar(lines, j, valueCol, m[1].length + m[2].length);
  const start = line.at + m[1].length + m[2].length;
  return { name: key, value: v.text, start, end: scalarEnd(lines[j], valueCol, v) };
}

/** File offset just past a scalar value: its closing quote, the end of a plain value, or the last block line. */
function scalarEnd(line: Line, valueCol: number, v: Source): number {
  const raw = line.text.slice(valueCol);
  const q = raw[0];
  if (q === '"' || q === "'") {
    const close = raw.indexOf(q, 1);
    return line.at + valueCol + (close === -1 ? raw.length : close + 1);
  }
  if (/^[|>]/.test(raw)) return v.text.length ? v.at(v.text.trimEnd().length - 1) + 1 : line.at + line.text.length;
  return line.at + valueCol + raw.replace(/\s+#.*$/, '').trimEnd().length;
}

/** Kubernetes `- name: NODE_TLS_REJECT_UNAUTHORIZED` followed by `value: "0"` in the same list item. */
function k8sEnv(lines: Line[], j: number, m: RegExpExecArray): EnvAssignment | undefined {
  const itemCol = m[1].length + m[2].length;
  for (let k = j + 1; k < lines.length; k++) {
    const ind = indentOf(lines[k].text);
    if (ind === -1) continue;
    if (ind !== itemCol) break;
    const vm = YAML_KEY.exec(lines[k].text);
    if (vm?.[3] !== 'value') continue;
    const valueCol = lines[k].text.length - vm[4].length;
    const v = yamlScalar(lines, k, valueCol, itemCol);
    const name = m[4].replace(/\s+#.*$/, '').replace(/^["']|["']$/g, '');
    const end = scalarEnd(lines[k], valueCol, v);
    return { name, value: v.text, start: lines[j].at + itemCol, end, context: [lines[j].at + itemCol, end] };
  }
  return undefined;
}
