// Environment variables that switch TLS verification off for a whole process (Node, Python, git, npm, pip, Go).
// The same knobs show up in .env files, VS Code launch/tasks/devcontainer `env` objects, shell `export`s,
// Dockerfile ENV, CI `env:` maps and package.json scripts: the matcher here judges one NAME=VALUE, and the shell
// family (shell/) feeds it the assignments it finds in commands. This file also holds the small text helpers
// (Source, SourceBuilder, linesOf) that the shell and config families share.
import { parseTree, Node as JsonNode } from 'jsonc-parser';
import { lineStartsOf } from './lexer';
import { finding } from './match';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily, RuleMeta } from './types';
import { ENV } from './catalog/env';
import { CFG } from './catalog/config';

/** A knob: which variable names it covers and which literal values disable verification. */
interface Knob {
  readonly rule: RuleMeta;
  readonly name: RegExp;
  readonly insecure: (value: string) => boolean;
}

const FALSE = /^(?:false|0|no|off)$/i;
const TRUE = /^(?:true|1|yes|on)$/i;
const KNOBS: readonly Knob[] = [
  { rule: ENV.nodeTls, name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, insecure: (v) => v === '0' },
  { rule: ENV.pythonHttpsVerify, name: /^PYTHONHTTPSVERIFY$/, insecure: (v) => v === '0' },
  { rule: ENV.gitNoVerify, name: /^GIT_SSL_NO_VERIFY$/, insecure: () => true },
  { rule: ENV.emptyCaBundle, name: /^(?:CURL|REQUESTS)_CA_BUNDLE$/, insecure: (v) => v === '' },
  {
    rule: ENV.npmStrictSsl,
    name: /^(?:npm_config_strict_ssl|yarn_strict_ssl|yarn_enable_strict_ssl)$/i,
    insecure: (v) => FALSE.test(v),
  },
  { rule: ENV.pipTrustedHost, name: /^PIP_TRUSTED_HOST$/, insecure: (v) => v.trim() !== '' },
  { rule: ENV.goInsecure, name: /^GOINSECURE$/, insecure: (v) => v.trim() !== '' },
  { rule: ENV.gcloud, name: /^CLOUDSDK_AUTH_DISABLE_SSL_VALIDATION$/, insecure: (v) => /^(?:true|1|yes|on)$/i.test(v) },
  { rule: ENV.poetry, name: /^POETRY_CERTIFICATES_\w+_CERT$/, insecure: (v) => FALSE.test(v) },
  // Other tools' own switches (one rule, `env.tool-verify-off`): HashiCorp and OpenBao clients, OpenLDAP, the Azure
  // CLI, govc, OpenStack clients, conda, Bundler, Helm, Ansible, uv and the MinIO client.
  {
    rule: ENV.toolVerifyOff,
    name: /^(?:VAULT|BAO|NOMAD)_SKIP_VERIFY$|^(?:GOVC|OS|MC)_INSECURE$/,
    insecure: (v) => TRUE.test(v),
  },
  {
    rule: ENV.toolVerifyOff,
    name: /^HELM_KUBEINSECURE_SKIP_TLS_VERIFY$|^ANSIBLE_GALAXY_IGNORE$/,
    insecure: (v) => TRUE.test(v),
  },
  {
    rule: ENV.toolVerifyOff,
    name: /^CONSUL_HTTP_SSL_VERIFY$|^CONDA_SSL_VERIFY$|^K8S_AUTH_VERIFY_SSL$/,
    insecure: (v) => FALSE.test(v),
  },
  { rule: ENV.toolVerifyOff, name: /^LDAPTLS_REQCERT$/, insecure: (v) => /^(?:never|allow|try)$/i.test(v) },
  { rule: ENV.toolVerifyOff, name: /^BUNDLE_SSL_VERIFY_MODE$/, insecure: (v) => v === '0' },
  // Kafka images and kafka-ui map these variables to `ssl.endpoint.identification.algorithm` (empty = no host check).
  {
    rule: CFG.kafkaEndpointIdentification,
    name: /^[A-Z0-9_]*SSL_ENDPOINT_IDENTIFICATION_ALGORITHM$/,
    insecure: (v) => v.trim() === '' || /^none$/i.test(v),
  },
  // Elastic images map these to `elasticsearch.ssl.verificationMode` (Kibana) or `ssl.verification_mode` (Beats);
  // a server's own listener (`SERVER_SSL_…`, `XPACK_SECURITY_HTTP_SSL_…`) only asks no client certificate.
  {
    rule: ENV.toolVerifyOff,
    name: /^(?!SERVER_|XPACK_SECURITY_HTTP_)[A-Z0-9_]*SSL_VERIFICATION_?MODE$/,
    insecure: (v) => /^none$/i.test(v.trim()),
  },
  {
    rule: ENV.toolVerifyOff,
    name: /^AZURE_CLI_DISABLE_CONNECTION_VERIFICATION$|^UV_INSECURE_HOST$/,
    insecure: (v) => v.trim() !== '',
  },
];

/** True when a value is (or contains) a reference that is only known at run time: `$X`, `${X}`, `${{ x }}`, `$(cmd)`, `%X%`. */
export function isDynamic(value: string): boolean {
  return /\$[\w{(]|`|%\w+%/.test(value);
}

/** The rule that `NAME=value` breaks, or undefined. `value` is unquoted; a dynamic value is never a finding. */
export function envRuleFor(name: string, value: string): RuleMeta | undefined {
  if (isDynamic(value)) return undefined;
  return KNOBS.find((k) => k.name.test(name) && k.insecure(value))?.rule;
}

/** One `NAME=value` assignment found in a file, with file offsets of the whole assignment. */
export interface EnvAssignment {
  readonly name: string;
  /** The value as the program sees it (quotes removed). */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** The statement or line it belongs to, when wider than the assignment. */
  readonly context?: readonly [number, number];
}

/** Where findings are reported: the file text and its line starts (shared by every helper here). */
export interface Doc {
  readonly text: string;
  readonly lineStarts: readonly number[];
}

/** Builds a Doc for `text`. */
export function docOf(text: string): Doc {
  return { text, lineStarts: lineStartsOf(text) };
}

/** A line of a file with its file offset (without the newline; a trailing \r removed). */
export interface Line {
  readonly text: string;
  readonly at: number;
}

/** Every line of `text` with its offset. */
export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    out.push({ text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, at });
    at += raw.length + 1;
  }
  return out;
}

/** Judges one assignment and appends its finding, if any. */
export function checkEnv(doc: Doc, a: EnvAssignment, out: Finding[]): void {
  const rule = envRuleFor(a.name, a.value);
  if (rule) out.push(finding(doc, rule, a.start, a.end, a.context));
}

/**
 * A piece of text cut out of a file (a YAML block, a JSON string, a Dockerfile instruction) with a map back to
 * file offsets, so matchers can work on the clean text and still report exact ranges. The map is a list of runs
 * (text start, file start, synthetic?) rather than one offset per character: building and querying stay cheap.
 */
export class Source {
  /** `runs[k]` = [start in text, file offset of that character, 1 when synthetic (every char maps to the same offset)]. */
  constructor(
    readonly text: string,
    private readonly runs: readonly (readonly [number, number, number])[] | number,
  ) {}

  /** File offset of `text[i]`. */
  at(i: number): number {
    if (typeof this.runs === 'number') return this.runs + i;
    const [start, at, synthetic] = this.runs[this.runIndex(i)] ?? [0, 0, 1];
    return synthetic ? at : at + (i - start);
  }

  /** File offsets [start, end) of `text.slice(i, j)` (j > i). */
  span(i: number, j: number): [number, number] {
    return [this.at(i), this.at(j - 1) + 1];
  }

  /** The part [from, to) of this Source, still mapped to the file. */
  slice(from: number, to: number): Source {
    if (typeof this.runs === 'number') return new Source(this.text.slice(from, to), this.runs + from);
    const b = new SourceBuilder();
    let i = from;
    while (i < to) {
      const runEnd = this.runEnd(i, to);
      // A one-character synthetic run maps like a pushed character, so only longer ones need keeping synthetic.
      const synthetic = runEnd - i > 1 && this.isSynthetic(i);
      if (synthetic) b.synthetic(this.text.slice(i, runEnd), this.at(i));
      else b.push(this.text.slice(i, runEnd), this.at(i));
      i = runEnd;
    }
    return b.build();
  }

  private runIndex(i: number): number {
    const runs = this.runs as readonly (readonly [number, number, number])[];
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid][0] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private runEnd(i: number, to: number): number {
    const runs = this.runs as readonly (readonly [number, number, number])[];
    const k = this.runIndex(i);
    return Math.min(to, runs[k + 1]?.[0] ?? this.text.length);
  }

  private isSynthetic(i: number): boolean {
    return (this.runs as readonly (readonly [number, number, number])[])[this.runIndex(i)][2] === 1;
  }
}

/** Assembles a Source from file slices and synthetic separators. */
export class SourceBuilder {
  private readonly parts: string[] = [];
  private readonly runs: [number, number, number][] = [];
  private length = 0;

  /** Appends `text`, whose first character is at file offset `at` (one character per offset). */
  push(text: string, at: number): this {
    return this.add(text, at, 0);
  }

  /** Appends characters that are not in the file (e.g. a newline between YAML list items), mapped to `at`. */
  synthetic(text: string, at: number): this {
    return this.add(text, at, 1);
  }

  private add(text: string, at: number, synthetic: number): this {
    if (!text) return this;
    const last = this.runs[this.runs.length - 1];
    // Extend the previous run when this text continues it in the file (e.g. JSON strings without escapes).
    if (!(last && !synthetic && !last[2] && last[1] + (this.length - last[0]) === at)) {
      this.runs.push([this.length, at, synthetic]);
    }
    this.parts.push(text);
    this.length += text.length;
    return this;
  }

  build(): Source {
    return new Source(this.parts.join(''), this.runs);
  }
}

/** Maps JSON string escapes (`\"`, `\n`, `\u0041`) of the literal at [offset, offset+length) to a Source of its value. */
export function jsonStringSource(text: string, offset: number, length: number): Source {
  const end = offset + length - 1;
  // Without escapes the value is the literal's inside, one run: a package.json of 10,000 scripts built a builder,
  // its arrays and a join for each.
  const inner = text.slice(offset + 1, end);
  if (inner && !inner.includes('\\')) return new Source(inner, offset + 1);
  const b = new SourceBuilder();
  for (let i = offset + 1; i < end; i++) {
    if (text[i] !== '\\') {
      // The run up to the next escape in one push (the builder merged the one-character pushes into one run anyway).
      let j = i + 1;
      while (j < end && text.charCodeAt(j) !== 92) j++;
      b.push(text.slice(i, j), i);
      i = j - 1;
      continue;
    }
    const e = text[i + 1];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
    if (e === 'u') {
      b.synthetic(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16) || 0), i);
      i += 5;
      continue;
    }
    b.synthetic(simple[e] ?? e, i);
    i++;
  }
  return b.build();
}

// ---- .env files ------------------------------------------------------------------------------------------

const DOTENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.]*)[ \t]*=[ \t]*(.*?)[ \t]*\r?$/dgm;

/** Unquotes a .env value: `"x"`/`'x'` keep their contents, an unquoted value ends at ` #`. */
function dotenvValue(raw: string): { value: string; length: number } {
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.indexOf(q, 1) > 0) {
    const close = raw.indexOf(q, 1);
    return { value: raw.slice(1, close), length: close + 1 };
  }
  const hash = raw.search(/\s#/);
  const value = (hash === -1 ? raw : raw.slice(0, hash)).trimEnd();
  return { value, length: value.length };
}

/** NAME=value assignments of a .env file (comments and blank lines skipped). */
export function dotenvAssignments(text: string): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  DOTENV_LINE.lastIndex = 0;
  for (let m = DOTENV_LINE.exec(text); m; m = DOTENV_LINE.exec(text)) {
    const { value, length } = dotenvValue(m[2]);
    out.push({ name: m[1], value, start: m.indices![1]![0], end: m.indices![2]![0] + length });
  }
  return out;
}

// ---- JSON env objects: launch.json, tasks.json, devcontainer.json --------------------------------------------

const ENV_OBJECT_KEYS = new Set(['env', 'containerEnv', 'remoteEnv']);

/** `"NAME": "value"` pairs inside `env` / `containerEnv` / `remoteEnv` objects anywhere in a JSONC document. */
export function jsonEnvAssignments(text: string): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  const visit = (node: JsonNode | undefined): void => {
    if (!node) return;
    if (
      node.type === 'property' &&
      ENV_OBJECT_KEYS.has(node.children?.[0]?.value) &&
      node.children?.[1]?.type === 'object'
    ) {
      for (const prop of node.children[1].children ?? []) pushJsonPair(prop, out);
    }
    node.children?.forEach(visit);
  };
  visit(parseTree(text, [], { allowTrailingComma: true }));
  return out;
}

function pushJsonPair(prop: JsonNode, out: EnvAssignment[]): void {
  const [key, val] = prop.children ?? [];
  if (!key || !val || (val.type !== 'string' && val.type !== 'number' && val.type !== 'boolean')) return;
  out.push({ name: String(key.value), value: String(val.value), start: prop.offset, end: val.offset + val.length });
}

// ---- the family ------------------------------------------------------------------------------------------

const PREFILTER =
  /NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY|GIT_SSL_NO_VERIFY|_CA_BUNDLE|strict_ssl|PIP_TRUSTED_HOST|GOINSECURE|CLOUDSDK_AUTH|POETRY_CERTIFICATES|_SKIP_VERIFY|_INSECURE|SSL_VERIFY|VERIFY_SSL|LDAPTLS_REQCERT|DISABLE_CONNECTION_VERIFICATION|GALAXY_IGNORE|INSECURE_HOST|ENDPOINT_IDENTIFICATION|VERIFICATION_?MODE/i;

/** File name without directories. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** `.env`, `.env.local`, `production.env`, … (not `.envrc`, which is a shell script). */
export function isDotenv(path: string, languageId?: string): boolean {
  const base = baseName(path);
  return languageId === 'dotenv' || base === '.env' || base.startsWith('.env.') || /^[\w.-]+\.env$/.test(base);
}

/** VS Code's launch.json / tasks.json and dev container definitions: JSONC with `env` objects. */
export function isVscodeEnvJson(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return (
    /(?:^|\/)\.vscode\/(?:launch|tasks)\.json$/.test(p) ||
    /(?:^|\/)\.?devcontainer\.json$/.test(p) ||
    p.endsWith('.code-workspace')
  );
}

/** Docs: which files this family reads (ends each rule page's "What is and is not matched"). */
const WHERE =
  'Where: `.env`, `.env.*` and `*.env` files; `env`/`containerEnv`/`remoteEnv` objects in `.vscode/launch.json`, `tasks.json`, `devcontainer.json` and `*.code-workspace`; and, through the shell family, `export`/inline assignments in scripts, Dockerfile `ENV`/`ARG`, Makefile variables, CI `env:`/`variables:`/`environment:` maps (an anchored map they take by alias or `<<:` merge included, read where it is written), Kubernetes `env:` lists, Terraform `environment`/`variables` maps, batch-file `set NAME=value`, `package.json` scripts, and the `.env` or Compose file a script writes (`echo … >> .env`, `cat > docker-compose.yml <<EOF`).';

const PREFILTER_ALL = new RegExp(PREFILTER.source, 'gi');

/**
 * `dotenvAssignments` of only the lines that can hold a finding: every knob's name holds a PREFILTER word, so a line
 * without one cannot (a property test compares this with the whole-file parse). A 10,000-line .env re-scan parsed
 * and tested every line; now it reads the few lines that mention a switch.
 */
export function dotenvCandidates(text: string): EnvAssignment[] {
  const out: EnvAssignment[] = [];
  let lastLine = -1;
  PREFILTER_ALL.lastIndex = 0;
  for (let m = PREFILTER_ALL.exec(text); m; m = PREFILTER_ALL.exec(text)) {
    const ls = text.lastIndexOf('\n', m.index) + 1;
    if (ls === lastLine) continue;
    lastLine = ls;
    const le = text.indexOf('\n', m.index);
    for (const a of dotenvAssignments(text.slice(ls, le === -1 ? text.length : le))) {
      out.push({ ...a, start: a.start + ls, end: a.end + ls });
    }
  }
  return out;
}

/** Environment variables in .env files and VS Code JSON `env` objects (shell and CI surfaces: see shell/). */
export const envFamily: RuleFamily = defineFamily({
  id: 'env',
  prefilter: PREFILTER,
  rules: ENV,
  notes: `${WHERE}\n\n${NOTES.text}`,
  appliesTo: (path, languageId) => isDotenv(path, languageId) || isVscodeEnvJson(path),
  scan(text, path, languageId) {
    if (!PREFILTER.test(text)) return [];
    const doc = docOf(text);
    const out: Finding[] = [];
    const assignments = isDotenv(path, languageId) ? dotenvCandidates(text) : jsonEnvAssignments(text);
    for (const a of assignments) checkEnv(doc, a, out);
    return out;
  },
});
