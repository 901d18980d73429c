// Where shell commands and environment assignments live in build and CI files: Dockerfile RUN/ENV/ARG, Makefile
// recipes and variables, package.json scripts, and YAML (GitHub Actions/GitLab/Azure/CircleCI `run:`/`script:`,
// Ansible `shell:`/`command:`, `env:`/`variables:`/`environment:` maps, Kubernetes `env:` lists). Each surface is
// cut out as a Source (text + map back to file offsets) for shell.ts to analyse. Line-based and forgiving: a
// half-typed file in the editor still yields what can be read.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { baseName, EnvAssignment, jsonStringSource, Line, linesOf, Source, SourceBuilder } from './env';

/** What a file contributes to the shell rules. */
export interface Surfaces {
  readonly sources: Source[];
  readonly env: EnvAssignment[];
}

type Kind = 'shell' | 'dockerfile' | 'makefile' | 'package' | 'yaml';

const SHELL_EXT = /\.(?:sh|bash|zsh|ksh|dash|command)$/i;
const SHELL_NAMES = new Set(['.envrc', '.bashrc', '.bash_profile', '.bash_login', '.profile', '.zshrc', '.zprofile', '.zshenv', '.kshrc', 'PKGBUILD']);
const SHEBANG = /^#![^\n]*\b(?:ba|z|k|da|a)?sh\b/;

/** Which kind of surface a path is, or undefined. Extension-less files are 'shell' candidates (checked for a shebang). */
function kindOf(path: string, languageId?: string): Kind | undefined {
  const base = baseName(path);
  if (languageId === 'dockerfile' || /^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:dockerfile|containerfile)$/i.test(base)) return 'dockerfile';
  if (languageId === 'makefile' || /^(?:GNUmakefile|makefile|Makefile)$|\.(?:mk|mak)$/.test(base)) return 'makefile';
  if (base === 'package.json') return 'package';
  if (/\.ya?ml$/i.test(base) || languageId === 'yaml') return 'yaml';
  if (isNamedShell(base, languageId)) return 'shell';
  if (!base.includes('.') && !languageId) return 'shell';
  return undefined;
}

/** True for files whose commands or environment the shell family reads. */
export function isShellSurface(path: string, languageId?: string): boolean {
  return kindOf(path, languageId) !== undefined;
}

/** Cuts the shell sources and env assignments out of a file. */
export function surfacesOf(text: string, path: string, languageId?: string, relevant?: RegExp): Surfaces {
  switch (kindOf(path, languageId)) {
    case 'dockerfile': return dockerfile(text, relevant);
    case 'makefile': return makefile(text);
    case 'package': return { sources: packageScripts(text), env: [] };
    case 'yaml': return yaml(text, relevant);
    case 'shell': return shellScript(text, path, languageId);
    default: return { sources: [], env: [] };
  }
}

function shellScript(text: string, path: string, languageId?: string): Surfaces {
  const known = isNamedShell(baseName(path), languageId);
  return { sources: known || SHEBANG.test(text) ? [new Source(text, 0)] : [], env: [] };
}

/** A shell script by language id or name; other extension-less files count only with a shell shebang. */
function isNamedShell(base: string, languageId?: string): boolean {
  return languageId === 'shellscript' || SHELL_EXT.test(base) || SHELL_NAMES.has(base);
}

// ---- package.json ----------------------------------------------------------------------------------------

function packageScripts(text: string): Source[] {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const scripts = root && findNodeAtLocation(root, ['scripts']);
  if (!scripts || scripts.type !== 'object') return [];
  const out: Source[] = [];
  for (const prop of scripts.children ?? []) {
    const val = prop.children?.[1];
    if (val?.type === 'string') out.push(jsonStringSource(text, val.offset, val.length));
  }
  return out;
}

// ---- Dockerfile ------------------------------------------------------------------------------------------

const DOCKER_SHELL = /^(?:RUN|CMD|ENTRYPOINT|HEALTHCHECK|ONBUILD)$/i;

/** Docker drops comment (and blank) lines inside a continued instruction; the continuation goes on after them. */
function skippedInside(line: Line): boolean {
  return /^\s*#/.test(line.text) || line.text.trim() === '';
}

/** Index of the last line of the instruction that starts at line `i`. */
function instructionEnd(lines: Line[], i: number): number {
  let j = i;
  let continued = /\\\s*$/.test(lines[j].text);
  while (continued && j + 1 < lines.length) {
    j++;
    if (!skippedInside(lines[j])) continued = /\\\s*$/.test(lines[j].text);
  }
  return j;
}

/**
 * One instruction: keyword plus its arguments across continuation lines (comment lines inside dropped). With
 * `relevant`, instructions whose raw text does not match it (and opens no here-document) are left out unbuilt:
 * mapping every character back to the file is the costly part, and most instructions cannot produce a finding.
 */
function dockerInstructions(lines: Line[], relevant?: RegExp): { keyword: string; body: Source; next: number; line: number }[] {
  const out: { keyword: string; body: Source; next: number; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*([A-Za-z]+)(\s+|$)/.exec(lines[i].text);
    if (!m || lines[i].text.trimStart().startsWith('#')) continue;
    const end = instructionEnd(lines, i);
    const raw = relevant ? lines.slice(i, end + 1).map((l) => l.text).join('\n') : '';
    if (relevant && !relevant.test(raw) && !raw.includes('<<')) { i = end; continue; }
    const b = new SourceBuilder();
    b.push(lines[i].text.slice(m[0].length), lines[i].at + m[0].length);
    for (let j = i + 1; j <= end; j++) if (!skippedInside(lines[j])) b.synthetic('\n', lines[j].at).push(lines[j].text, lines[j].at);
    out.push({ keyword: m[1].toUpperCase(), body: b.build(), next: end + 1, line: i });
    i = end;
  }
  return out;
}

function dockerfile(text: string, relevant?: RegExp): Surfaces {
  const lines = linesOf(text);
  const sources: Source[] = [];
  const env: EnvAssignment[] = [];
  let skipUntil = -1;
  for (const ins of dockerInstructions(lines, relevant)) {
    if (ins.line < skipUntil) continue;
    if (DOCKER_SHELL.test(ins.keyword)) skipUntil = dockerShell(ins.body, lines, ins.next, sources);
    else if (ins.keyword === 'ENV' || ins.keyword === 'ARG') env.push(...dockerEnv(ins.body));
  }
  return { sources, env };
}

/** RUN body: strips `--mount=…` options; exec form `["sh","-c","…"]` becomes words; `<<EOF` bodies are scripts. */
function dockerShell(body: Source, lines: Line[], next: number, out: Source[]): number {
  const opts = /^(?:\s*--[\w-]+=\S+)*\s*/.exec(body.text)![0].length;
  const rest = body.text.slice(opts);
  const heredoc = /^<<-?\s*(["']?)([\w.-]+)\1/.exec(rest);
  if (heredoc) {
    let end = next;
    while (end < lines.length && lines[end].text.trim() !== heredoc[2]) end++;
    if (end > next) out.push(new Source(lines.slice(next, end).map((l) => l.text).join('\n'), lines[next].at));
    return end + 1;
  }
  if (rest.startsWith('[')) out.push(execForm(body, opts));
  else out.push(body.slice(opts, body.text.length));
  return -1;
}

/** `["curl", "-k", "x"]`: each JSON string's value, separated by spaces, mapped back to the file. */
function execForm(body: Source, from: number): Source {
  const json = body.text.slice(from);
  const arr = parseTree(json);
  const inner = body.slice(from, body.text.length);
  const b = new SourceBuilder();
  for (const item of arr?.children ?? []) {
    if (item.type !== 'string') continue;
    const value = jsonStringSource(json, item.offset, item.length);
    for (let i = 0; i < value.text.length; i++) b.push(value.text[i], inner.at(value.at(i)));
    b.synthetic(' ', inner.at(item.offset));
  }
  return b.build();
}

/** `ENV A=1 B="2"` (any number of pairs) or the legacy `ENV NAME value with spaces`. */
function dockerEnv(body: Source): EnvAssignment[] {
  const t = body.text;
  const legacy = /^\s*([A-Za-z_]\w*)\s+(?!\S*=)(.*?)\s*$/s.exec(t);
  if (legacy) {
    const startIdx = t.indexOf(legacy[1]);
    const valueIdx = t.lastIndexOf(legacy[2]);
    const [start, end] = body.span(startIdx, Math.max(valueIdx + legacy[2].length, startIdx + legacy[1].length));
    return [{ name: legacy[1], value: unquote(legacy[2]), start, end }];
  }
  const out: EnvAssignment[] = [];
  const pair = /([A-Za-z_]\w*)=("(?:[^"\\]|\\.)*"|'[^']*'|(?:[^\s\\]|\\.)*)/g;
  for (let m = pair.exec(t); m; m = pair.exec(t)) {
    const [start, end] = body.span(m.index, m.index + m[0].length);
    out.push({ name: m[1], value: unquote(m[2]), start, end });
  }
  return out;
}

function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === '\'') && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

// ---- Makefile --------------------------------------------------------------------------------------------

const MAKE_VAR = /^\s*(?:export\s+|override\s+)*([A-Za-z_]\w*)\s*(?::{1,3}=|\?=|\+=|!=|=)\s*(.*?)\s*$/;

function makefile(text: string): Surfaces {
  const b = new SourceBuilder();
  const env: EnvAssignment[] = [];
  for (const line of linesOf(text)) {
    if (line.text.startsWith('\t')) {
      const prefix = /^\t[@+\-\s]*/.exec(line.text)![0].length;
      b.push(line.text.slice(prefix), line.at + prefix).synthetic('\n', line.at + line.text.length);
      continue;
    }
    const m = MAKE_VAR.exec(line.text.replace(/\s#.*$/, ''));
    if (m && !line.text.trimStart().startsWith('#')) {
      const nameAt = line.at + line.text.indexOf(m[1]);
      const end = line.at + line.text.indexOf(m[2], line.text.indexOf(m[1]) + m[1].length) + m[2].length;
      env.push({ name: m[1], value: unquote(m[2]), start: nameAt, end });
    }
  }
  return { sources: [b.build()], env };
}

// ---- YAML ------------------------------------------------------------------------------------------------

const RUN_KEYS = new Set(['run', 'script', 'before_script', 'after_script', 'shell', 'bash', 'sh', 'pwsh', 'powershell',
  'inlineScript', 'command', 'cmd', 'entrypoint', 'ansible.builtin.shell', 'ansible.builtin.command', 'ansible.builtin.raw', 'raw']);
const ENV_KEYS = new Set(['env', 'variables', 'environment', 'containerEnv', 'remoteEnv']);
const YAML_KEY = /^(\s*)((?:-\s+)*)([\w.-]+|"[^"]*"|'[^']*')\s*:(?=\s|$)[ \t]*(.*)$/;

/** Indentation (spaces) of a line, or -1 for blank and comment-only lines. */
function indentOf(line: string): number {
  const t = line.trimStart();
  return t === '' || t.startsWith('#') ? -1 : line.length - t.length;
}

function yaml(text: string, relevant?: RegExp): Surfaces {
  const lines = linesOf(text);
  const out: Surfaces = { sources: [], env: [] };
  for (let i = 0; i < lines.length; i++) {
    const m = YAML_KEY.exec(lines[i].text);
    if (!m) continue;
    const key = m[3].replace(/^["']|["']$/g, '');
    const keyCol = m[1].length + m[2].length;
    const valueCol = lines[i].text.length - m[4].length;
    if (RUN_KEYS.has(key) && mayMatch(lines, i, keyCol, relevant)) out.sources.push(...yamlScripts(lines, i, keyCol, valueCol));
    else if (ENV_KEYS.has(key) && isEmptyValue(m[4])) out.env.push(...yamlEnv(lines, i, keyCol));
    // Text inside a block scalar (`description: |`) is data, not keys: never read `run:` lines out of prose.
    if (/^[|>][-+0-9]*\s*(?:#.*)?$/.test(m[4])) i = blockEnd(lines, i + 1, m[1].length + m[2].length) - 1;
  }
  return out;
}

/**
 * False when nothing the value of the key on line `i` can span (the rest of that line, then every line indented past
 * the key, or a list item at its column) matches `relevant`: its scripts are then not built at all (building maps
 * every character back to the file, the costly part of a long workflow).
 */
function mayMatch(lines: Line[], i: number, keyCol: number, relevant?: RegExp): boolean {
  if (!relevant) return true;
  let j = i + 1;
  for (; j < lines.length; j++) {
    const ind = indentOf(lines[j].text);
    if (ind !== -1 && (ind < keyCol || (ind === keyCol && !/^\s*-\s/.test(lines[j].text)))) break;
  }
  return relevant.test(lines.slice(i, j).map((l) => l.text).join('\n'));
}

/** Index of the first line after a block scalar that starts at `from` and belongs to a node indented `parentCol`. */
function blockEnd(lines: Line[], from: number, parentCol: number): number {
  let j = from;
  while (j < lines.length && (lines[j].text.trim() === '' || lines[j].text.length - lines[j].text.trimStart().length > parentCol)) j++;
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
  if (v[0] === '"' || v[0] === '\'') return quotedScalar(line, col);
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
    if (c === q && q === '\'' && line.text[k + 1] === '\'') { b.push('\'', line.at + k); k++; continue; }
    if (c === q) break;
    if (c === '\\' && q === '"') { b.synthetic(line.text[k + 1] ?? '', line.at + k); k++; continue; }
    b.push(c, line.at + k);
  }
  return b.build();
}

/** `env:` children: `NAME: value` maps, `- NAME=value` lists (Compose) and `- name: N` / `value: V` lists (Kubernetes). */
function yamlEnv(lines: Line[], i: number, keyCol: number): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  const child = childIndent(lines, i, keyCol);
  for (let j = i + 1; j < lines.length; j++) {
    const ind = indentOf(lines[j].text);
    if (ind === -1) continue;
    if (ind < keyCol || (ind === keyCol && !/^\s*-\s/.test(lines[j].text)) || ind < child) break;
    if (ind !== child) continue;
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
    return { name: listed[3], value: unquote(listed[4]), start, end: start + listed[2].length * 2 + listed[3].length + 1 + listed[4].length };
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
  if (q === '"' || q === '\'') {
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
