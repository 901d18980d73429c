// The 10,000-line files of the re-scan benchmark, one per surface the scanner reads (issue 18: "re-scan of a
// 10,000-line file after an edit under 5 ms for every surface"). Real source where this machine has it (Python's
// standard library, mocha's and the TypeScript compiler's JavaScript and TypeScript's declarations from node_modules,
// Go's net/http, the JDK's TLS sources), with a finding inserted every 500 lines; elsewhere generated lines in the
// shape of real files of that kind (comments, strings, nesting), with a finding every 500 lines. Each surface's `edit(i)` is the line written
// at index 5001 before each re-scan, in the file's own syntax, as a user's keystrokes would leave it.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const LINES = 10000;

/** `make(i)` for every line, `finding` at every 500th. */
function synthetic(make, finding, n = LINES) {
  return Array.from({ length: n }, (_, i) => (i % 500 === 0 ? finding : make(i)));
}

/** Cycles through `shapes` (each a function of the line number) for a file in a realistic rhythm. */
const cycle =
  (...shapes) =>
  (i) =>
    shapes[i % shapes.length](i);

/** Lines of the first files that exist, cut to 10,000, with `finding` inserted every 500 lines; undefined: none. */
function real(files, finding) {
  const lines = [];
  for (const f of files) {
    if (lines.length >= LINES) break;
    let text;
    try {
      text = fs.readFileSync(f, 'utf8');
    } catch {
      continue; // another machine may lack this file: the surface falls back to generated lines
    }
    for (const line of text.split('\n')) lines.push(line); // not push(...spread): a bundle has 100,000s of lines
  }
  if (lines.length < LINES) return undefined;
  const out = [];
  for (let i = 0; out.length < LINES; i++) {
    if (out.length % 500 === 250) out.push(finding);
    out.push(lines[i]);
  }
  return out;
}

/** Java sources of the JDK's TLS implementation, read out of its src.zip (undefined: no JDK sources here). */
function jdkLines(finding) {
  const zip = ['/usr/lib/jvm/default-java/lib/src.zip']
    .concat(
      (() => {
        try {
          return fs.readdirSync('/usr/lib/jvm').map((d) => join('/usr/lib/jvm', d, 'lib', 'src.zip'));
        } catch {
          return [];
        }
      })(),
    )
    .find((p) => fs.existsSync(p));
  if (!zip) return undefined;
  try {
    const text = execFileSync('unzip', ['-p', zip, 'java.base/sun/security/ssl/*.java'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const dir = fs.mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'rescan-java-'));
    const file = join(dir, 'ssl.java');
    fs.writeFileSync(file, text);
    const lines = real([file], finding);
    fs.rmSync(dir, { recursive: true, force: true });
    return lines;
  } catch {
    return undefined;
  }
}

const goSrc = ['/usr/local/go/src', '/usr/lib/go/src', '/usr/share/go-1.19/src', '/usr/share/go/src'].find((p) =>
  fs.existsSync(join(p, 'net', 'http', 'transport.go')),
);

/** Every surface: `what` (the table's name), `path` (picks the families), `lines`, `edit(i)` and `source`. */
export function surfaces(repo) {
  const py = [];
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
    py.push(...fs.readFileSync(join('/usr/lib/python3.11', f), 'utf8').split('\n'));
  }
  const python = py.slice(0, LINES);
  python[5000] = '    r = requests.get(url, verify=False)';
  const tsLib = join(repo, 'node_modules', 'typescript', 'lib');
  const jsFinding = 'const agent = new https.Agent({ rejectUnauthorized: false });';
  const goFinding = '\tcfg := &tls.Config{InsecureSkipVerify: true}';
  const javaFinding = '        conn.setHostnameVerifier((h, s) -> true);';
  const list = [
    { what: 'Python', path: 'big.py', lines: python, edit: (i) => `    x = ${i}  # edited`, source: 'stdlib' },
    pick(
      'JavaScript',
      'big.js',
      real([join(repo, 'node_modules', 'mocha', 'mocha.js')], jsFinding),
      genJs(jsFinding),
      (i) => `var edited = ${i};`,
    ),
    // The TypeScript compiler's bundle: twice the bytes per line of hand-written JavaScript (0.8 MB in 10,000 lines).
    pick(
      'JavaScript (dense bundle)',
      'bundle.js',
      real([join(tsLib, '_tsc.js')], jsFinding),
      genJs(jsFinding),
      (i) => `var edited = ${i};`,
    ),
    pick(
      'TypeScript',
      'big.ts',
      real([join(tsLib, 'typescript.d.ts')], jsFinding),
      genJs(jsFinding),
      (i) => `    edited${i}: number;`,
    ),
    pick(
      'Go',
      'big.go',
      goSrc &&
        real(
          ['transport.go', 'server.go', 'client.go', 'request.go', 'h2_bundle.go'].map((f) =>
            join(goSrc, 'net', 'http', f),
          ),
          goFinding,
        ),
      genGo(goFinding),
      (i) => `\tedited := ${i}`,
    ),
    pick('Java', 'Big.java', jdkLines(javaFinding), genJava(javaFinding), (i) => `        int edited = ${i};`),
    gen('Kotlin', 'Big.kt', genKotlin(), (i) => `    val edited = ${i}`),
    gen('Rust', 'big.rs', genRust(), (i) => `    let edited = ${i};`),
    gen('C#', 'Big.cs', genCsharp(), (i) => `            var edited = ${i};`),
    gen('Ruby', 'big.rb', genRuby(), (i) => `    edited = ${i}`),
    gen('PHP', 'big.php', genPhp(), (i) => `        $edited = ${i};`),
    gen(
      'shell script',
      'deploy.sh',
      synthetic((i) => `echo "step ${i}" && ls -la /tmp/dir${i} | grep foo`, 'curl -sk https://x.test/api'),
      (i) => `echo edited ${i}`,
    ),
    gen(
      'Dockerfile',
      'Dockerfile',
      ['FROM debian', ...synthetic((i) => `RUN echo ${i} && apt-get install -y pkg${i}`, 'RUN curl -k https://x.test')],
      (i) => `RUN echo edited ${i}`,
    ),
    gen(
      'CI YAML',
      '.github/workflows/ci.yml',
      [
        'jobs:',
        '  build:',
        '    steps:',
        ...synthetic((i) => `      - run: echo ${i}`, '      - run: curl -k https://x.test'),
      ],
      (i) => `      - run: echo edited ${i}`,
    ),
    gen(
      '.env',
      '.env',
      synthetic((i) => `VAR_${i}=value${i}`, 'NODE_TLS_REJECT_UNAUTHORIZED=0'),
      (i) => `EDITED=${i}`,
    ),
    gen('Makefile', 'Makefile', genMakefile(), (i) => `\t@echo edited ${i}`),
    gen('Jenkinsfile', 'Jenkinsfile', genJenkinsfile(), (i) => `                sh 'echo edited ${i}'`),
    gen('package.json scripts', 'package.json', genPackageJson(), (i) => `    "edited${i}": "echo ${i}",`),
    gen('YAML manifest (Kubernetes)', 'deploy/manifests.yaml', genManifest(), (i) => `          value: "edited-${i}"`),
    gen('HCL (Terraform)', 'main.tf', genHcl(), (i) => `  edited = ${i}`),
    gen('TOML', 'config.toml', genToml(), (i) => `edited = ${i}`),
    gen('JSON settings', '.vscode/settings.json', genSettings(), (i) => `  "edited.key${i}": ${i},`),
    gen('.npmrc', '.npmrc', genNpmrc(), (i) => `edited${i}=true`),
    gen('.gitconfig', '.gitconfig', genGitconfig(), (i) => `\tedited = ${i}`),
    { ...gen('notebook', 'analysis.ipynb', genNotebook(), (i) => `    "x = ${i}  # edited\\n",`), at: 5010 },
  ];
  return list;
}

function pick(what, path, realLines, generated, edit) {
  return realLines
    ? { what, path, lines: realLines, edit, source: 'real source' }
    : { what, path, lines: generated, edit, source: 'generated' };
}

function gen(what, path, lines, edit) {
  return { what, path, lines, edit, source: 'generated' };
}

function genJs(finding) {
  return synthetic(
    cycle(
      (i) => `// handler ${i}: fetch the record and render it`,
      (i) => `export async function load${i}(id, opts = {}) {`,
      (i) =>
        `  const res = await fetch(\`https://api.example.test/items/\${id}?page=${i}\`, { headers: opts.headers });`,
      (i) => `  if (!res.ok) throw new Error('load${i} failed: ' + res.status);`,
      (i) => `  return res.json().then((x) => ({ ...x, index: ${i} }));`,
      () => '}',
    ),
    finding,
  );
}

function genGo(finding) {
  return [
    'package big',
    '',
    'import (',
    '\t"crypto/tls"',
    '\t"net/http"',
    ')',
    ...synthetic(
      cycle(
        (i) => `// Handler${i} serves one route.`,
        (i) => `func Handler${i}(w http.ResponseWriter, r *http.Request) {`,
        (i) => `\tif r.URL.Query().Get("id") == "${i}" { // the common case`,
        (i) => `\t\tw.Write([]byte(\`raw ${i}\`))`,
        () => '\t}',
        (i) => `\t_ = &tls.Config{ServerName: "host${i}.example.test"}`,
        () => '}',
      ),
      finding,
      LINES - 6,
    ),
  ];
}

function genJava(finding) {
  return [
    'package big;',
    'public class Big {',
    ...synthetic(
      cycle(
        (i) => `    /** Fetches record ${i}. */`,
        (i) => `    public String fetch${i}(HttpClient client) throws Exception {`,
        (i) => `        HttpRequest req = HttpRequest.newBuilder(URI.create("https://api.example.test/${i}")).build();`,
        () => '        return client.send(req, HttpResponse.BodyHandlers.ofString()).body(); // body only',
        () => '    }',
      ),
      finding,
      LINES - 3,
    ),
    '}',
  ];
}

function genKotlin() {
  return synthetic(
    cycle(
      (i) => `// fetches record ${i}`,
      (i) => `fun fetch${i}(client: OkHttpClient): String {`,
      (i) => `    val req = Request.Builder().url("https://api.example.test/${i}").build()`,
      () => "    return client.newCall(req).execute().use { it.body!!.string() } // 'body' only",
      () => '}',
    ),
    'val client = OkHttpClient.Builder().hostnameVerifier { _, _ -> true }.build()',
  );
}

function genRust() {
  return synthetic(
    cycle(
      (i) => `/// Fetches record ${i}.`,
      (i) => `pub async fn fetch_${i}<'a>(client: &'a reqwest::Client) -> Result<String, Error> {`,
      (i) => `    let url = format!("https://api.example.test/{}", ${i}); // one item`,
      () => "    let c = 'x';",
      () => '    Ok(client.get(&url).send().await?.text().await?)',
      () => '}',
    ),
    'let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;',
  );
}

function genCsharp() {
  return [
    'namespace Big {',
    'public class Api {',
    ...synthetic(
      cycle(
        (i) => `    /// <summary>Fetches record ${i}.</summary>`,
        (i) => `    public async Task<string> Fetch${i}(HttpClient client) {`,
        (i) => `        var url = $"https://api.example.test/{${i}}"; // one item`,
        () => '        var path = @"C:\\data\\""quoted""";',
        () => '        return await client.GetStringAsync(url);',
        () => '    }',
      ),
      '        handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true;',
      LINES - 4,
    ),
    '}',
    '}',
  ];
}

function genRuby() {
  return synthetic(
    cycle(
      (i) => `# fetches record ${i}`,
      (i) => `def fetch_${i}(http)`,
      (i) => `  res = http.get("/items/${i}?q=#{query}", 'Accept' => 'application/json')`,
      () => '  res.body',
      () => 'end',
    ),
    'http.verify_mode = OpenSSL::SSL::VERIFY_NONE',
  );
}

function genPhp() {
  return [
    '<?php',
    'class Api {',
    ...synthetic(
      cycle(
        (i) => `    // fetches record ${i}`,
        (i) => `    public function fetch${i}($client) {`,
        (i) => `        $url = "https://api.example.test/{$this->base}/${i}"; # one item`,
        () => "        return $client->get($url, ['headers' => ['Accept' => 'application/json']]);",
        () => '    }',
      ),
      '        curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);',
      LINES - 3,
    ),
    '}',
  ];
}

function genMakefile() {
  return synthetic(
    cycle(
      (i) => `# target ${i}`,
      (i) => `build${i}: src/${i}.c`,
      (i) => `\t$(CC) -o out/${i} $< && echo "built ${i}"`,
      (i) => `VAR_${i} := value${i}`,
    ),
    '\tcurl -k https://x.test/artifact -o out.tgz',
  );
}

function genJenkinsfile() {
  return [
    'pipeline {',
    '    agent any',
    '    stages {',
    ...synthetic(
      cycle(
        (i) => `        stage('step ${i}') { steps {`,
        (i) => `                sh 'echo step ${i} && make build${i}'`,
        () => '        } } // end',
      ),
      "                sh 'curl -k https://x.test/artifact'",
      LINES - 5,
    ),
    '    }',
    '}',
  ];
}

function genPackageJson() {
  return [
    '{',
    '  "name": "big",',
    '  "scripts": {',
    ...synthetic(
      (i) => `    "task${i}": "node scripts/task.js --id ${i} && echo done",`,
      '    "fetch": "curl -k https://x.test",',
      LINES - 5,
    ),
    '    "last": "echo end"',
    '  }',
    '}',
  ];
}

function genManifest() {
  return synthetic(
    cycle(
      () => '---',
      () => 'apiVersion: apps/v1',
      () => 'kind: Deployment',
      () => 'metadata:',
      (i) => `  name: app-${i}`,
      () => 'spec:',
      () => '  template:',
      () => '    spec:',
      () => '      containers:',
      (i) => `        - name: app-${i}`,
      (i) => `          image: registry.example.test/app:${i} # pinned`,
      () => '          args:',
      (i) => `            - --port=${8000 + (i % 1000)}`,
      () => '          env:',
      () => '            - name: MODE',
      (i) => `              value: "prod-${i}"`,
    ),
    '            - --kubelet-insecure-tls',
  );
}

function genHcl() {
  return synthetic(
    cycle(
      (i) => `# bucket ${i}`,
      (i) => `resource "aws_s3_bucket" "b${i}" {`,
      (i) => `  bucket = "bucket-${i}"`,
      (i) => `  tags   = { Name = "b${i}", Env = "prod" }`,
      () => '}',
    ),
    '  insecure = true',
  );
}

function genToml() {
  return synthetic(
    cycle(
      (i) => `[section${i}]`,
      (i) => `name = "item-${i}" # the item`,
      (i) => `port = ${i}`,
      () => 'enabled = true',
    ),
    'insecure_skip_verify = true',
  );
}

function genSettings() {
  return [
    '{',
    ...synthetic(
      (i) => (i % 7 === 0 ? `  // setting ${i}` : `  "ext${i % 50}.option${i}": ${i % 3 === 0 ? '"value"' : i},`),
      '  "http.proxyStrictSSL": false,',
      LINES - 2,
    ),
    '  "last": true',
    '}',
  ];
}

function genNpmrc() {
  return synthetic(
    cycle(
      (i) => `; registry ${i}`,
      (i) => `@scope${i}:registry=https://npm.example.test/${i}/`,
      (i) => `//npm.example.test/${i}/:_authToken=\${TOKEN_${i}}`,
    ),
    'strict-ssl=false',
  );
}

function genGitconfig() {
  return synthetic(
    cycle(
      (i) => `[remote "r${i}"]`,
      (i) => `\turl = https://git.example.test/repo${i}.git`,
      () => '\tfetch = +refs/heads/*:refs/remotes/origin/*',
    ),
    '[http]',
  ).map((line, i) => (i % 500 === 1 ? '\tsslVerify = false' : line));
}

/** A notebook of 50-line Python code cells (one source line per JSON line), a `verify=False` every 500 lines. */
function genNotebook() {
  const lines = ['{', ' "cells": ['];
  let cell = 0;
  while (lines.length < LINES - 8) {
    lines.push('  {', '   "cell_type": "code",', '   "execution_count": null,', '   "metadata": {},');
    lines.push('   "outputs": [],', '   "source": [');
    for (let k = 0; k < 40; k++) {
      const n = lines.length;
      const src =
        n % 500 < 45 && k === 0
          ? 'r = requests.get(url, verify=False)'
          : k % 5 === 0
            ? `# step ${cell}.${k}`
            : `df${k} = pd.read_csv(\\"data/${cell}-${k}.csv\\").query(\\"x > ${k}\\")`;
      lines.push(`    "${src}\\n",`);
    }
    lines.push('    "print(1)"', '   ]', '  },');
    cell++;
  }
  lines[lines.length - 1] = '  }';
  lines.push(' ],', ' "metadata": {"kernelspec": {"language": "python", "name": "python3"}},');
  lines.push(' "nbformat": 4,', ' "nbformat_minor": 5', '}');
  return lines;
}

/**
 * Median wall and CPU time (ms) of 21 re-scans of `surface`, each after writing `edit(i)` at its line 5001 (or
 * `at`). With `baseline` (another build's scanText), both are timed in turn on the same text, so load hits both
 * alike; a run whose findings differ from the baseline's is reported.
 */
export function medianRescan(scanText, surface, baseline) {
  const base = [...surface.lines];
  const at = surface.at ?? 5001;
  const runs = { now: { wall: [], cpu: [] }, before: { wall: [], cpu: [] } };
  let findings = 0;
  let differs = false;
  const timed = (fn, text, into) => {
    const c = process.cpuUsage();
    const t = performance.now();
    const found = fn(text, surface.path);
    into.wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    into.cpu.push((u.user + u.system) / 1000);
    return found;
  };
  for (let i = 0; i < 21; i++) {
    base[at] = surface.edit(i);
    const text = base.join('\n');
    const found = timed(scanText, text, runs.now);
    findings = found.length;
    if (findings === 0) throw new Error(`re-scan of ${surface.path} (${surface.what}) found nothing`);
    if (baseline) {
      const old = timed(baseline, text, runs.before);
      if (JSON.stringify(old) !== JSON.stringify(found)) differs = true;
    }
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    what: surface.what,
    path: surface.path,
    source: surface.source,
    bytes: base.join('\n').length,
    findings,
    median: med(runs.now.wall),
    cpu: med(runs.now.cpu),
    before: baseline ? { median: med(runs.before.wall), cpu: med(runs.before.cpu), differs } : undefined,
  };
}
