#!/usr/bin/env node
// Side-by-side run for issue #18: a small tree-sitter detector (web-tree-sitter + the grammars of
// @vscode/tree-sitter-wasm, a devDependency) against the shipped scanner, for the three main switches: Python
// `verify=False`, JavaScript/TypeScript `rejectUnauthorized: false`, Go `InsecureSkipVerify: true`, each with the
// same-file data flow the scanner follows (constants, dicts/objects spread or held in variables, partial, wrapper
// defaults, aliases). It reports recall and false positives on the rules' own flagged/ok examples, hand-made probes
// and the test fixtures, time per file on those and on the scan bench tree's files, and the VSIX bytes the runtime
// and grammars would add. Nothing here is shipped or imported by src/: it is evidence for docs/parser-comparison.md.
// Usage: node bench/treesitter.mjs [--tree-mb N]   (N: MB of each language from the bench tree, default 20)
import * as fs from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { deflateRawSync } from 'node:zlib';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const wasmDir = join(repo, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
const benchTree = join(tmpdir(), 'tls-doctor-bench', 'tree');
const treeMbArg = process.argv.indexOf('--tree-mb');
const TREE_MB = treeMbArg > 0 ? Number(process.argv[treeMbArg + 1]) : 20;

// ---- the shipped scanner, bundled as the scan bench does ------------------------------------------------------
const coreFile = join(repo, 'bench', 'work', 'treesitter-core.js');
fs.mkdirSync(dirname(coreFile), { recursive: true });
require('esbuild').buildSync({
  stdin: {
    contents: `export { families } from './src/core/rules/registry'; export * from './src/core/rules/examples'; export * from './src/core/scan/index';`,
    resolveDir: repo,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: coreFile,
  mainFields: ['module', 'main'],
  logLevel: 'error',
});
const core = require(coreFile);

/** The switches compared, by language: the scanner's rule ids that stand for each. */
const TARGETS = {
  python: ['python.requests-verify-false', 'python.session-verify-false', 'python.httpx-verify-false'],
  js: ['javascript.reject-unauthorized-false'],
  go: ['go.insecure-skip-verify'],
};
const languageOf = (file) =>
  /\.pyw?$/.test(file) ? 'python' : /\.(?:[cm]?[jt]sx?)$/.test(file) ? 'js' : /\.go$/.test(file) ? 'go' : undefined;
const grammarOf = (file) =>
  /\.pyw?$/.test(file)
    ? 'python'
    : /\.[cm]?tsx$|\.jsx$/.test(file)
      ? 'tsx'
      : /\.[cm]?ts$/.test(file)
        ? 'typescript'
        : /\.[cm]?js$/.test(file)
          ? 'javascript'
          : 'go';

// ---- tree-sitter ---------------------------------------------------------------------------------------------
const TS = require(join(wasmDir, 'tree-sitter.js'));
let t = performance.now();
await TS.Parser.init({ locateFile: (f) => join(wasmDir, f) });
const initMs = performance.now() - t;
const parser = new TS.Parser();
const languages = {};
const loadMs = {};
const grammarName = new Map();
for (const g of ['python', 'javascript', 'typescript', 'tsx', 'go']) {
  t = performance.now();
  languages[g] = await TS.Language.load(join(wasmDir, `tree-sitter-${g}.wasm`));
  grammarName.set(languages[g], g); // Language.name is null for the TypeScript grammars
  loadMs[g] = performance.now() - t;
}

/**
 * Every node of `root` with one of `types`, in source order. One tree-sitter query per language and node-type set
 * (run inside the wasm module) is far cheaper than walking the tree node by node from JavaScript; the result of a
 * root is kept so each detector's several questions cost one query.
 */
const queries = new Map();
let cached = { root: undefined, types: undefined, nodes: undefined };
function nodesOf(root, types) {
  const lang = root.tree.language;
  const name = grammarName.get(lang);
  if (cached.root !== root) {
    let q = queries.get(name);
    if (!q) queries.set(name, (q = new TS.Query(lang, `[${[...ALL_TYPES[name]].map((t) => `(${t})`).join(' ')}] @n`)));
    cached = { root, nodes: q.captures(root).map((c) => c.node) };
  }
  return cached.nodes.filter((n) => types.has(n.type));
}
/** Nodes of `types` inside `node` (by range), from the root's one query. */
function nodesWithin(root, node, types) {
  return nodesOf(root, types).filter((n) => n.startIndex >= node.startIndex && n.endIndex <= node.endIndex);
}
/** The node types each language's detector asks for (the one query selects them all). */
const ALL_TYPES = {
  python: new Set(['import_statement', 'import_from_statement', 'assignment', 'call']),
  javascript: new Set(['variable_declarator', 'assignment_expression', 'pair', 'shorthand_property_identifier']),
  typescript: new Set(['variable_declarator', 'assignment_expression', 'pair', 'shorthand_property_identifier']),
  tsx: new Set(['variable_declarator', 'assignment_expression', 'pair', 'shorthand_property_identifier']),
  go: new Set([
    'const_spec',
    'var_spec',
    'short_var_declaration',
    'assignment_statement',
    'type_spec',
    'keyed_element',
  ]),
};

const unquote = (s) => s.replace(/^(['"`])(.*)\1$/s, '$2');
const line = (node) => node.startPosition.row;

// Python ------------------------------------------------------------------------------------------------------
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'send', 'stream']);
const HTTP_CLASSES = new Set(['Session', 'Client', 'AsyncClient', 'HTTPTransport', 'AsyncHTTPTransport']);
const HTTP_MODULES = new Set(['requests', 'httpx', 'aiohttp', 'urllib3']);
const NON_HTTP =
  /(?:^|_)(?:cache|caches|redis|memcache|config|conf|cfg|settings|environ|registry|queue|store|storage|db|kv|dict|map|kwargs|params|options|opts|headers|cookies|data|meta|metadata|state)$/i;

function pythonDetector(root) {
  const found = new Set();
  const lastName = (text) => /(\w+)(?:\(\))?$/.exec(text)?.[1] ?? '';
  const receiver = (text) => (text.includes('.') ? text.slice(0, text.lastIndexOf('.')) : '');
  // import aliases: `import requests as r` → r is requests; `from requests import get as fetch` → fetch is HTTP.
  const modules = new Set(HTTP_MODULES);
  const httpNames = new Set();
  for (const imp of nodesOf(root, new Set(['import_statement', 'import_from_statement']))) {
    const text = imp.text;
    const from = /^from\s+(\w+)/.exec(text)?.[1];
    if (from && HTTP_MODULES.has(from)) {
      for (const m of text.replace(/^from\s+\S+\s+import\s+/, '').matchAll(/(\w+)(?:\s+as\s+(\w+))?/g)) {
        httpNames.add(m[2] ?? m[1]);
      }
    }
    for (const m of text.matchAll(/import\s+(\w+)\s+as\s+(\w+)/g)) if (HTTP_MODULES.has(m[1])) modules.add(m[2]);
  }
  // Names bound once to False (module constants), and names bound to an HTTP method (`_request = requests.Session.request`).
  const assigns = nodesOf(root, new Set(['assignment']));
  const bindings = new Map();
  for (const a of assigns) {
    const left = a.childForFieldName('left');
    if (left?.type === 'identifier') (bindings.get(left.text) ?? bindings.set(left.text, []).get(left.text)).push(a);
  }
  const falseConstant = (name) => {
    const b = bindings.get(name);
    return b?.length === 1 && isFalse(b[0].childForFieldName('right')) ? b[0] : undefined;
  };
  for (const [name, b] of bindings) {
    const right = b[0].childForFieldName('right');
    if (b.length === 1 && right?.type === 'attribute' && VERBS.has(lastName(right.text))) httpNames.add(name);
  }
  const isFalse = (v) => v && (v.type === 'false' || (v.type === 'integer' && v.text === '0'));
  const isHttpCallee = (text, call) => {
    const name = lastName(text);
    const recv = receiver(text);
    if (name === 'partial' || name === 'partialmethod') {
      const first = call.childForFieldName('arguments')?.namedChildren[0];
      return Boolean(first && isHttpCallee(first.text, call));
    }
    if (!recv) return httpNames.has(name);
    const head = recv.split('.')[0];
    if (HTTP_CLASSES.has(name)) return modules.has(head);
    return VERBS.has(name) && !NON_HTTP.test(lastName(recv));
  };
  const add = (node) => found.add(line(node));
  const functionOf = (node) => {
    for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return n;
    return undefined;
  };
  for (const call of nodesOf(root, new Set(['call']))) {
    const fn = call.childForFieldName('function');
    const args = call.childForFieldName('arguments');
    if (!fn || !args || !isHttpCallee(fn.text, call)) continue;
    for (const arg of args.namedChildren) {
      if (arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'verify') {
        const v = arg.childForFieldName('value');
        if (isFalse(v)) add(arg);
        else if (v?.type === 'identifier') {
          const c = falseConstant(v.text);
          if (c) add(c);
          // A wrapper's parameter that defaults to False and is passed on here.
          const def = functionOf(call);
          for (const p of def?.childForFieldName('parameters')?.namedChildren ?? []) {
            if (p.type === 'default_parameter' && p.childForFieldName('name')?.text === v.text) {
              if (isFalse(p.childForFieldName('value'))) add(p);
            }
          }
        }
      }
      if (arg.type === 'dictionary_splat') {
        const name = arg.namedChildren[0]?.text;
        for (const b of bindings.get(name) ?? []) {
          const right = b.childForFieldName('right');
          if (right?.type !== 'dictionary') continue;
          for (const pair of right.namedChildren) {
            if (pair.type === 'pair' && unquote(pair.childForFieldName('key')?.text ?? '') === 'verify') {
              if (isFalse(pair.childForFieldName('value'))) add(pair);
            }
          }
        }
        // `kwargs["verify"] = False` in the same function, then `**kwargs`.
        const def = functionOf(call);
        for (const a of def ? nodesWithin(root, def, new Set(['assignment'])) : []) {
          const left = a.childForFieldName('left');
          if (left?.type !== 'subscript' || left.childForFieldName('value')?.text !== name) continue;
          const key = left.childForFieldName('subscript');
          if (key && unquote(key.text) === 'verify' && isFalse(a.childForFieldName('right'))) add(a);
        }
      }
    }
  }
  // `session.verify = False`
  for (const a of assigns) {
    const left = a.childForFieldName('left');
    if (left?.type === 'attribute' && left.childForFieldName('attribute')?.text === 'verify') {
      const right = a.childForFieldName('right');
      if (isFalse(right)) add(a);
      else if (right?.type === 'identifier' && falseConstant(right.text)) add(falseConstant(right.text));
    }
  }
  return found;
}

// JavaScript / TypeScript --------------------------------------------------------------------------------------
function jsDetector(root) {
  const found = new Set();
  const falseNames = new Map();
  for (const d of nodesOf(root, new Set(['variable_declarator']))) {
    const name = d.childForFieldName('name');
    if (name?.type === 'identifier') {
      falseNames.set(
        name.text,
        (falseNames.get(name.text) ?? 0) + (d.childForFieldName('value')?.type === 'false' ? 1 : 100),
      );
    }
  }
  // a name reassigned anywhere is not bound once
  for (const a of nodesOf(root, new Set(['assignment_expression']))) {
    const left = a.childForFieldName('left');
    if (left?.type === 'identifier') falseNames.set(left.text, 100);
  }
  const isFalse = (v) => v && (v.type === 'false' || (v.type === 'identifier' && falseNames.get(v.text) === 1));
  for (const pair of nodesOf(root, new Set(['pair']))) {
    if (unquote(pair.childForFieldName('key')?.text ?? '') !== 'rejectUnauthorized') continue;
    if (isFalse(pair.childForFieldName('value'))) found.add(line(pair));
  }
  for (const s of nodesOf(root, new Set(['shorthand_property_identifier']))) {
    if (s.text === 'rejectUnauthorized' && falseNames.get(s.text) === 1) found.add(line(s));
  }
  for (const a of nodesOf(root, new Set(['assignment_expression']))) {
    const left = a.childForFieldName('left');
    if (left?.type === 'member_expression' && left.childForFieldName('property')?.text === 'rejectUnauthorized') {
      if (isFalse(a.childForFieldName('right'))) found.add(line(a));
    }
  }
  return found;
}

// Go ----------------------------------------------------------------------------------------------------------
function goDetector(root) {
  const found = new Set();
  const trueNames = new Map();
  for (const spec of nodesOf(
    root,
    new Set(['const_spec', 'var_spec', 'short_var_declaration', 'assignment_statement']),
  )) {
    const names =
      spec.type === 'const_spec' || spec.type === 'var_spec'
        ? spec.childrenForFieldName('name')
        : (spec.childForFieldName('left')?.namedChildren ?? []);
    const values =
      spec.type === 'const_spec' || spec.type === 'var_spec'
        ? (spec.childForFieldName('value')?.namedChildren ?? [])
        : (spec.childForFieldName('right')?.namedChildren ?? []);
    names.forEach((n, i) => {
      if (n.type !== 'identifier') return;
      trueNames.set(
        n.text,
        (trueNames.get(n.text) ?? 0) + (values[i]?.type === 'true' && spec.type !== 'assignment_statement' ? 1 : 100),
      );
    });
  }
  const ownTypes = new Set(nodesOf(root, new Set(['type_spec'])).map((s) => s.childForFieldName('name')?.text));
  const isTrue = (v) => v && (v.type === 'true' || (v.type === 'identifier' && trueNames.get(v.text) === 1));
  for (const kv of nodesOf(root, new Set(['keyed_element']))) {
    const [key, value] = kv.namedChildren;
    if (key?.text !== 'InsecureSkipVerify' || !isTrue(value?.namedChildren[0] ?? value)) continue;
    const literal = kv.parent?.parent; // literal_value → composite_literal
    const type = literal?.childForFieldName('type');
    if (type && ownTypes.has(type.text)) continue; // the user's own struct, not a tls.Config
    found.add(line(kv));
  }
  for (const a of nodesOf(root, new Set(['assignment_statement']))) {
    const left = a.childForFieldName('left')?.namedChildren[0];
    const right = a.childForFieldName('right')?.namedChildren[0];
    if (
      left?.type === 'selector_expression' &&
      left.childForFieldName('field')?.text === 'InsecureSkipVerify' &&
      isTrue(right)
    ) {
      found.add(line(a));
    }
  }
  return found;
}

const DETECTORS = { python: pythonDetector, js: jsDetector, go: goDetector };

/** ERROR and MISSING nodes under `node` (only the subtrees that have any are entered). */
function errorCount(node) {
  if (!node.hasError) return 0;
  if (node.isError || node.isMissing) return 1;
  let n = 0;
  for (const c of node.children) n += errorCount(c);
  return n;
}

/** Parses `text` as `file` and runs the detector: the set of 0-based lines with a finding. Snippets without a Go
 * package clause are wrapped in one (and a function) when that parses with fewer errors, lines mapped back. */
function treeSitterLines(text, file) {
  const lang = languageOf(file);
  parser.setLanguage(languages[grammarOf(file)]);
  let tree = parser.parse(text);
  let shift = 0;
  if (lang === 'go' && !/^\s*package\s/m.test(text)) {
    const errors = (tr) => errorCount(tr.rootNode);
    const tries = [
      [tree, 0],
      [parser.parse(`package p\n${text}`), 1],
      [parser.parse(`package p\nfunc _() {\n${text}\n}`), 2],
    ].map(([tr, sh]) => ({ tr, sh, e: errors(tr) }));
    const best = tries.reduce((x, y) => (y.e < x.e ? y : x));
    for (const x of tries) if (x !== best) x.tr.delete();
    tree = best.tr;
    shift = best.sh;
  }
  const lines = DETECTORS[lang](tree.rootNode);
  tree.delete();
  // The scanner's inline suppressions (`# tls-doctor: ignore <rule>` on the line or the one above) apply here too.
  const src = text.split('\n');
  const covered = (l) => {
    const s = core.suppressedOn(src[l] ?? '');
    return s === '*' || (s && [...s].some((id) => TARGETS[lang].includes(id) || id === 'verification-off'));
  };
  return new Set([...lines].map((l) => l - shift).filter((l) => l >= 0 && !covered(l) && !covered(l - 1)));
}

/** The shipped scanner's lines with a finding of the language's target rules. */
function scannerLines(text, file) {
  const lang = languageOf(file);
  return new Set(
    core
      .scanText(text, file, { testFileSeverity: 'default' })
      .filter((f) => TARGETS[lang].includes(f.ruleId))
      .map((f) => f.range.start.line),
  );
}

// ---- labelled samples ------------------------------------------------------------------------------------------
const lineOf = (text, offset) => text.slice(0, offset).split('\n').length - 1;
const samples = []; // { source, file, text, expected: Set<line> }
for (const rule of core.allRules()) {
  for (const [kind, list] of [
    ['flagged', core.flaggedExamples(rule)],
    ['ok', core.okExamples(rule)],
  ]) {
    for (const ex of list) {
      const lang = languageOf(ex.file);
      if (!lang) continue;
      const expected = new Set(
        ex.marks.filter((m) => TARGETS[lang].includes(m.ruleId)).map((m) => lineOf(ex.text, m.start)),
      );
      samples.push({ source: `example ${kind} ${rule.id}`, file: ex.file, text: ex.text, expected });
    }
  }
}

// Hand-made probes: the data-flow classes of issue #18 and their reverse cases (`«` marks a line that must be found).
const PROBES = [
  ['app.py', 'import requests as r\nS = r.Session()\n«S.get(u, verify=False)»\n'],
  ['app.py', 'from httpx import Client\n«c = Client(verify=False)»\n'],
  ['app.py', 'import requests\nKW = dict(timeout=3)\nrequests.get(u, **KW)\n'],
  ['app.py', 'import requests\n«opts = {"verify": False}»\nrequests.post(u, data=d, **opts)\n'],
  ['app.py', 'x = cache.get(key, verify=False)\ny = self.settings.get("a", verify=False)\n'],
  [
    'app.py',
    'import requests\ndef fetch(u, «verify=False»):\n    return requests.get(\n        u,\n        verify=verify,\n    )\n',
  ],
  [
    'client.ts',
    'const insecure = false;\nconst agent = new https.Agent({\n  keepAlive: true,\n  «rejectUnauthorized: insecure»,\n});\n',
  ],
  ['client.ts', 'type Opts = { rejectUnauthorized: false };\nfunction f(o: { rejectUnauthorized: false }) {}\n'],
  ['client.js', 'const o = {};\n«o.rejectUnauthorized = false»;\nhttps.get(u, o);\n'],
  ['client.js', 'const tls = { "rejectUnauthorized": true };\n'],
  [
    'main.go',
    'package main\n\nimport "crypto/tls"\n\nconst insecure = true\n\nfunc c() *tls.Config {\n\treturn &tls.Config{\n\t\tMinVersion: tls.VersionTLS12,\n\t\t«InsecureSkipVerify: insecure»,\n\t}\n}\n',
  ],
  ['main.go', 'package main\n\ntype Cfg struct{ InsecureSkipVerify bool }\n\nvar c = Cfg{InsecureSkipVerify: true}\n'],
  ['main.go', 'package main\n\nfunc f(t *http.Transport) {\n\t«t.TLSClientConfig.InsecureSkipVerify = true»\n}\n'],
];
for (const [file, marked] of PROBES) {
  const { text, marks } = core.parseMarks(marked, 'probe');
  samples.push({ source: 'probe', file, text, expected: new Set(marks.map((m) => lineOf(text, m.start))) });
}

// Test fixtures: no labels of their own; the two detectors are compared with each other there.
const fixtureFiles = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (languageOf(p) && !p.endsWith('.min.js') && fs.statSync(p).size < 200_000) fixtureFiles.push(p);
  }
})(join(repo, 'test', 'fixtures', 'workspace'));

// ---- accuracy --------------------------------------------------------------------------------------------------
const stats = {};
const misses = [];
for (const s of samples) {
  const lang = languageOf(s.file);
  const st = (stats[lang] ??= {
    samples: 0,
    expected: 0,
    scanner: { hit: 0, fp: 0, ms: 0 },
    ts: { hit: 0, fp: 0, ms: 0 },
  });
  st.samples++;
  st.expected += s.expected.size;
  for (const [who, run] of [
    ['scanner', scannerLines],
    ['ts', treeSitterLines],
  ]) {
    const t0 = performance.now();
    const got = run(s.text, s.file);
    st[who].ms += performance.now() - t0;
    for (const l of got) {
      if (s.expected.has(l)) st[who].hit++;
      else {
        st[who].fp++;
        misses.push(`${who} FP  ${s.source} (${s.file}) line ${l + 1}: ${s.text.split('\n')[l]?.trim()}`);
      }
    }
    for (const l of s.expected) {
      if (!got.has(l)) {
        misses.push(`${who} MISS ${s.source} (${s.file}) line ${l + 1}: ${s.text.split('\n')[l]?.trim()}`);
      }
    }
  }
}
const fixtures = {};
for (const f of fixtureFiles) {
  const text = fs.readFileSync(f, 'utf8');
  const lang = languageOf(f);
  const fx = (fixtures[lang] ??= { files: 0, both: 0, scannerOnly: 0, tsOnly: 0 });
  fx.files++;
  const a = scannerLines(text, f);
  const b = treeSitterLines(text, f);
  for (const l of a) {
    if (b.has(l)) fx.both++;
    else {
      fx.scannerOnly++;
      misses.push(`scanner only, fixture ${relative(repo, f)} line ${l + 1}: ${text.split('\n')[l]?.trim()}`);
    }
  }
  for (const l of b) {
    if (a.has(l)) continue;
    fx.tsOnly++;
    misses.push(`tree-sitter only, fixture ${relative(repo, f)} line ${l + 1}: ${text.split('\n')[l]?.trim()}`);
  }
}

// ---- speed on the bench tree ------------------------------------------------------------------------------------
function treeFiles(lang) {
  const out = [];
  if (!fs.existsSync(benchTree)) return out;
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (languageOf(p) === lang && !p.includes('/fixtures/')) out.push(p);
    }
  })(benchTree);
  return out;
}

const speed = {};
for (const lang of ['python', 'js', 'go']) {
  const files = treeFiles(lang);
  // A deterministic spread over the tree (every k-th file) of about TREE_MB megabytes.
  const total = files.reduce((a, f) => a + fs.statSync(f).size, 0);
  const step = Math.max(1, Math.round(total / (TREE_MB * 1e6)));
  const picked = files.filter((_, i) => i % step === 0);
  const sp = {
    files: 0,
    bytes: 0,
    parseMs: 0,
    parseOnlyMs: 0,
    prefilterPass: 0,
    prefilterBytes: 0,
    passParseMs: 0,
    scannerMs: 0,
    maxFileMs: 0,
    maxFile: '',
  };
  for (const f of picked) {
    const raw = fs.readFileSync(f);
    if (raw.length > 2 * 1024 * 1024) continue;
    const text = raw.toString('utf8');
    const rel = relative(benchTree, f);
    sp.files++;
    sp.bytes += raw.length;
    let t0 = performance.now();
    core.scanText(text, rel);
    sp.scannerMs += performance.now() - t0;
    t0 = performance.now();
    parser.setLanguage(languages[grammarOf(f)]);
    parser.parse(text).delete();
    sp.parseOnlyMs += performance.now() - t0;
    t0 = performance.now();
    treeSitterLines(text, f);
    const ms = performance.now() - t0;
    sp.parseMs += ms;
    if (ms > sp.maxFileMs) [sp.maxFileMs, sp.maxFile] = [ms, rel];
    if (core.mayHaveFindings(raw.toString('latin1'), rel)) {
      sp.prefilterPass++;
      sp.prefilterBytes += raw.length;
      sp.passParseMs += ms;
    }
  }
  // Behind today's prefilters: every file of the language in the tree, parsed only when mayHaveFindings passes.
  let gated = 0;
  let gatedFiles = 0;
  let gatedBytes = 0;
  for (const f of files) {
    const raw = fs.readFileSync(f);
    if (raw.length > 2 * 1024 * 1024 || !core.mayHaveFindings(raw.toString('latin1'), relative(benchTree, f))) continue;
    gatedFiles++;
    gatedBytes += raw.length;
    const t0 = performance.now();
    treeSitterLines(raw.toString('utf8'), f);
    gated += performance.now() - t0;
  }
  speed[lang] = { ...sp, treeFiles: files.length, treeBytes: total, gated, gatedFiles, gatedBytes };
}

// ---- re-scan of a 10,000-line Python file after an edit (as the scan bench), full and incremental parse --------
function rescanPython() {
  const lines = [];
  for (const f of [
    'ssl.py',
    'urllib/request.py',
    'http/client.py',
    'asyncio/sslproto.py',
    'argparse.py',
    'typing.py',
    'inspect.py',
    'subprocess.py',
  ]) {
    const p = join('/usr/lib/python3.11', f);
    if (fs.existsSync(p)) lines.push(...fs.readFileSync(p, 'utf8').split('\n'));
  }
  if (lines.length < 10000) return undefined;
  const base = lines.slice(0, 10000);
  base[5000] = '    r = requests.get(url, verify=False)';
  parser.setLanguage(languages.python);
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const scanner = [];
  const full = [];
  const incremental = [];
  const detect = [];
  let text = base.join('\n');
  let tree = parser.parse(text);
  for (let i = 0; i < 21; i++) {
    const before = text;
    base[5001] = `    x = ${i}  # edited`;
    text = base.join('\n');
    let t0 = performance.now();
    core.scanText(text, 'big.py');
    scanner.push(performance.now() - t0);
    t0 = performance.now();
    parser.parse(text).delete();
    full.push(performance.now() - t0);
    // The edited line's byte range (ASCII source: UTF-16 index = byte offset).
    const start = before.split('\n').slice(0, 5001).join('\n').length + 1;
    const oldEnd = start + before.split('\n')[5001].length;
    const newEnd = start + base[5001].length;
    t0 = performance.now();
    tree.edit({
      startIndex: start,
      oldEndIndex: oldEnd,
      newEndIndex: newEnd,
      startPosition: { row: 5001, column: 0 },
      oldEndPosition: { row: 5001, column: oldEnd - start },
      newEndPosition: { row: 5001, column: newEnd - start },
    });
    const next = parser.parse(text, tree);
    incremental.push(performance.now() - t0);
    tree.delete();
    tree = next;
    t0 = performance.now();
    pythonDetector(tree.rootNode);
    detect.push(performance.now() - t0);
  }
  tree.delete();
  return { scanner: med(scanner), full: med(full), incremental: med(incremental), detect: med(detect) };
}
const rescan = rescanPython();

// ---- what it would add to the VSIX ------------------------------------------------------------------------------
const deflated = (p) => deflateRawSync(fs.readFileSync(p), { level: 9 }).length;
const sizeParts = [
  'tree-sitter.js',
  'tree-sitter.wasm',
  'tree-sitter-python.wasm',
  'tree-sitter-javascript.wasm',
  'tree-sitter-typescript.wasm',
  'tree-sitter-tsx.wasm',
  'tree-sitter-go.wasm',
].map((f) => ({
  f,
  raw: fs.statSync(join(wasmDir, f)).size,
  zip: deflated(join(wasmDir, f)),
}));

// ---- report ------------------------------------------------------------------------------------------------------
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '-');
const names = {
  python: 'Python (verify=False)',
  js: 'JS/TS (rejectUnauthorized: false)',
  go: 'Go (InsecureSkipVerify: true)',
};
console.log(
  `load average: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; tree-sitter init ${initMs.toFixed(0)} ms, grammar loads ${Object.entries(loadMs)
    .map(([g, ms]) => `${g} ${ms.toFixed(0)} ms`)
    .join(', ')}\n`,
);
console.log(
  '| language | samples | expected | scanner recall | scanner FP | tree-sitter recall | tree-sitter FP | ms per sample (scanner / tree-sitter) |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const [lang, st] of Object.entries(stats)) {
  console.log(
    `| ${names[lang]} | ${st.samples} | ${st.expected} | ${st.scanner.hit}/${st.expected} (${pct(st.scanner.hit, st.expected)}%) | ${st.scanner.fp} | ${st.ts.hit}/${st.expected} (${pct(st.ts.hit, st.expected)}%) | ${st.ts.fp} | ${(st.scanner.ms / st.samples).toFixed(3)} / ${(st.ts.ms / st.samples).toFixed(3)} |`,
  );
}
console.log('\nTest fixtures (test/fixtures/workspace), the detectors against each other:');
console.log('| language | files | lines both find | scanner only | tree-sitter only |');
console.log('|---|---|---|---|---|');
for (const [lang, fx] of Object.entries(fixtures)) {
  console.log(`| ${names[lang]} | ${fx.files} | ${fx.both} | ${fx.scannerOnly} | ${fx.tsOnly} |`);
}
console.log(`\nSpeed on the scan bench tree (${benchTree}, every k-th file, about ${TREE_MB} MB per language):`);
console.log(
  '| language | files (of tree) | MB | scanner scanText | tree-sitter parse only | parse+detect, every file | per MB | files past the prefilter | tree-sitter on those only | slowest file |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [lang, sp] of Object.entries(speed)) {
  if (!sp.files) {
    console.log(`| ${names[lang]} | 0 | | | | | | | | (no bench tree: run npm run bench first) |`);
    continue;
  }
  console.log(
    `| ${names[lang]} | ${sp.files} (${sp.treeFiles}) | ${(sp.bytes / 1e6).toFixed(1)} | ${sp.scannerMs.toFixed(0)} ms | ${sp.parseOnlyMs.toFixed(0)} ms | ${sp.parseMs.toFixed(0)} ms | ${(sp.parseMs / (sp.bytes / 1e6)).toFixed(1)} ms | ${sp.prefilterPass} (${(sp.prefilterBytes / 1e6).toFixed(1)} MB) | ${sp.passParseMs.toFixed(0)} ms | ${sp.maxFileMs.toFixed(1)} ms ${sp.maxFile} |`,
  );
}
if (rescan) {
  console.log(
    `\nRe-scan of a 10,000-line Python file after an edit (median of 21): scanner ${rescan.scanner.toFixed(1)} ms; tree-sitter full parse ${rescan.full.toFixed(1)} ms, incremental re-parse ${rescan.incremental.toFixed(1)} ms + detector query ${rescan.detect.toFixed(1)} ms`,
  );
}
console.log("\nBehind today's prefilters, over the whole bench tree (only files that pass are parsed):");
for (const [lang, sp] of Object.entries(speed)) {
  if (sp.treeFiles) {
    console.log(
      `  ${names[lang]}: ${sp.gatedFiles} of ${sp.treeFiles} files (${(sp.gatedBytes / 1e6).toFixed(1)} of ${(sp.treeBytes / 1e6).toFixed(1)} MB) parsed + detected in ${sp.gated.toFixed(0)} ms`,
    );
  }
}
console.log('\nVSIX bytes the runtime and grammars would add (deflate level 9, as in a .vsix zip):');
for (const s of sizeParts) {
  console.log(`  ${s.f}: ${(s.raw / 1e6).toFixed(2)} MB raw, ${(s.zip / 1e6).toFixed(2)} MB compressed`);
}
console.log(
  `  total: ${(sizeParts.reduce((a, s) => a + s.raw, 0) / 1e6).toFixed(2)} MB raw, ${(sizeParts.reduce((a, s) => a + s.zip, 0) / 1e6).toFixed(2)} MB compressed`,
);
if (process.argv.includes('--details')) {
  console.log('\nmisses and false positives:');
  for (const m of misses) console.log(`  ${m}`);
}
