// Issue 19 item 1 and 4 at core level: anchored references (code relative to its own file, launch.json with
// ${workspaceFolder}, .env relative or absolute when git-ignored), no duplicate .env keys, existing CA decisions and
// the NODE_TLS_REJECT_UNAUTHORIZED=0 follow-up.
import * as assert from 'assert';
import { applyEdits, trustBundleFix } from '../../../src/core/fixes/index';
import type { AnchorOptions, FixResult } from '../../../src/core/fixes/index';
import { only } from './helpers';

const ROOT = '/w/proj';
const BUNDLE = `${ROOT}/.certs/bundle.pem`;

function anchored(
  text: string,
  rel: string,
  ruleId: string,
  anchor: Partial<AnchorOptions> = {},
  mergedCas?: string[],
): { out: string; r: FixResult } {
  const path = `${ROOT}/${rel}`;
  const r = trustBundleFix(text, only(text, rel, ruleId), {
    bundle: '.certs/bundle.pem',
    path,
    anchor: { bundleFile: BUNDLE, ...anchor },
    ...(mergedCas ? { mergedCas } : {}),
  });
  assert.ok(r, `no fix for ${ruleId}`);
  return { out: applyEdits(text, r.edits), r };
}

describe('fixes: paths that work from any working directory', () => {
  it('Python: Path(__file__) anchored, `from pathlib import Path` added once after imports / docstring / __future__', () => {
    const { out } = anchored(
      '"""Doc."""\nfrom __future__ import annotations\nimport requests\n\nrequests.get(u, verify=False)\n',
      'app/client.py',
      'python.requests-verify-false',
    );
    assert.strictEqual(
      out,
      '"""Doc."""\nfrom __future__ import annotations\nimport requests\nfrom pathlib import Path\n\nrequests.get(u, verify=str(Path(__file__).resolve().parent / "../.certs/bundle.pem"))\n',
    );
    const reuse = anchored(
      'from pathlib import Path\nimport ssl\nctx = ssl._create_unverified_context()\n',
      'c.py',
      'python.unverified-context',
    ).out;
    assert.strictEqual(
      reuse,
      'from pathlib import Path\nimport ssl\nctx = ssl.create_default_context(cafile=str(Path(__file__).resolve().parent / ".certs/bundle.pem"))\n',
    );
    const mod = anchored(
      'import pathlib\nimport requests\ns.verify = False\n',
      'a/b/c.py',
      'python.session-verify-false',
    ).out;
    assert.match(
      mod,
      /s\.verify = str\(pathlib\.Path\(__file__\)\.resolve\(\)\.parent \/ "\.\.\/\.\.\/\.certs\/bundle\.pem"\)\n$/,
    );
    assert.ok(!mod.includes('from pathlib'), mod);
  });

  it("Node CommonJS: path.join(__dirname, …) with a require in the file's style; ESM: new URL(…, import.meta.url)", () => {
    const cjs = anchored(
      "const https = require('https')\nhttps.get(u, { rejectUnauthorized: false })\n",
      'src/c.js',
      'javascript.reject-unauthorized-false',
    ).out;
    assert.strictEqual(
      cjs,
      "const https = require('https')\nconst fs = require('fs')\nconst path = require('path')\nhttps.get(u, { ca: fs.readFileSync(path.join(__dirname, '../.certs/bundle.pem')) })\n",
    );
    const esm = anchored(
      "import https from 'node:https';\nhttps.get(u, { rejectUnauthorized: false });\n",
      'src/c.mjs',
      'javascript.reject-unauthorized-false',
    ).out;
    assert.strictEqual(
      esm,
      "import https from 'node:https';\nimport * as fs from 'node:fs';\nhttps.get(u, { ca: fs.readFileSync(new URL('../.certs/bundle.pem', import.meta.url)) });\n",
    );
    // TypeScript written with imports runs as CommonJS unless package.json says "type": "module".
    const ts = anchored(
      "import * as https from 'https';\nimport * as path from 'path';\nnew https.Agent({ rejectUnauthorized: false });\n",
      'src/a.ts',
      'javascript.reject-unauthorized-false',
    ).out;
    assert.match(ts, /ca: fs\.readFileSync\(path\.join\(__dirname, '\.\.\/\.certs\/bundle\.pem'\)\)/);
    assert.strictEqual((ts.match(/from 'path'/g) ?? []).length, 1, ts);
    const typed = anchored(
      "import * as https from 'https';\nnew https.Agent({ rejectUnauthorized: false });\n",
      'src/a.ts',
      'javascript.reject-unauthorized-false',
      { moduleType: 'module' },
    ).out;
    assert.match(typed, /new URL\('\.\.\/\.certs\/bundle\.pem', import\.meta\.url\)/);
  });

  it('ESM URLs percent-encode spaces and #; a taken `path` name gets nodePath', () => {
    const r = trustBundleFix(
      "import https from 'https';\nhttps.get(u, { rejectUnauthorized: false });\n",
      only(
        "import https from 'https';\nhttps.get(u, { rejectUnauthorized: false });\n",
        'c.mjs',
        'javascript.reject-unauthorized-false',
      ),
      { bundle: 'x', path: `${ROOT}/c.mjs`, anchor: { bundleFile: `${ROOT}/ca #1/b.pem` } },
    );
    assert.match(
      applyEdits("import https from 'https';\nhttps.get(u, { rejectUnauthorized: false });\n", r!.edits),
      /new URL\('\.\/ca%20%231\/b\.pem', import\.meta\.url\)/,
    );
    const taken = anchored(
      "const https = require('https')\nconst path = '/api'\nhttps.get(u, { rejectUnauthorized: false })\n",
      'c.js',
      'javascript.reject-unauthorized-false',
    ).out;
    assert.match(
      taken,
      /const nodePath = require\('path'\)\n[\s\S]*nodePath\.join\(__dirname, '\.certs\/bundle\.pem'\)/,
    );
  });

  it('shell scripts: "$(dirname "$0")/…"; package.json scripts: relative to package.json; launch.json: ${workspaceFolder}', () => {
    assert.strictEqual(
      anchored('#!/bin/sh\ncurl -k https://x\n', 'scripts/get.sh', 'shell.curl-insecure').out,
      '#!/bin/sh\ncurl --cacert "$(dirname "$0")/../.certs/bundle.pem" https://x\n',
    );
    assert.strictEqual(
      anchored(
        '{"scripts": {"start": "NODE_TLS_REJECT_UNAUTHORIZED=0 node app.js"}}\n',
        'web/package.json',
        'env.node-tls-reject-unauthorized',
      ).out,
      '{"scripts": {"start": "NODE_EXTRA_CA_CERTS=../.certs/bundle.pem node app.js"}}\n',
    );
    assert.strictEqual(
      anchored(
        '{"configurations": [{"env": {"NODE_TLS_REJECT_UNAUTHORIZED": "0"}}]}\n',
        '.vscode/launch.json',
        'env.node-tls-reject-unauthorized',
      ).out,
      '{"configurations": [{"env": {"NODE_EXTRA_CA_CERTS": "${workspaceFolder}/.certs/bundle.pem"}}]}\n',
    );
  });

  it('.env: relative to the .env folder with a note, absolute only when git-ignored', () => {
    const rel = anchored('NODE_TLS_REJECT_UNAUTHORIZED=0\n', 'app/.env', 'env.node-tls-reject-unauthorized');
    assert.strictEqual(rel.out, 'NODE_EXTRA_CA_CERTS=../.certs/bundle.pem\n');
    assert.match(rel.r.note ?? '', /relative to app\/.*committed/);
    const abs = anchored('NODE_TLS_REJECT_UNAUTHORIZED=0\n', '.env', 'env.node-tls-reject-unauthorized', {
      gitIgnored: true,
    });
    assert.strictEqual(abs.out, `NODE_EXTRA_CA_CERTS=${BUNDLE}\n`);
    assert.match(abs.r.note ?? '', /absolute.*git-ignored/);
  });

  it('Go: the helper reads $TLS_CA_BUNDLE first when anchoring', () => {
    const { out } = anchored(
      'package main\n\nimport "crypto/tls"\n\nvar c = &tls.Config{InsecureSkipVerify: true}\n',
      'main.go',
      'go.insecure-skip-verify',
    );
    assert.match(out, /RootCAs: loadRootCAs\("\.certs\/bundle\.pem"\)/);
    assert.match(out, /if p := os\.Getenv\("TLS_CA_BUNDLE"\); p != "" \{\n\t\tpath = p\n\t\}/);
  });

  it('env values in code: os.environ gets str(Path(...)), an ESM env object fileURLToPath(new URL(...)); httpx gets both imports once', () => {
    const py = anchored(
      "import os\nos.environ['PYTHONHTTPSVERIFY'] = '0'\n",
      'app/run.py',
      'python.pythonhttpsverify-off',
    ).out;
    assert.strictEqual(
      py,
      'import os\nfrom pathlib import Path\nos.environ[\'SSL_CERT_FILE\'] = str(Path(__file__).resolve().parent / "../.certs/bundle.pem")\n',
    );
    const esm = anchored(
      "import { spawn } from 'child_process';\nspawn('node', ['a.js'], { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });\n",
      'run.mjs',
      'javascript.node-tls-reject-unauthorized',
    ).out;
    assert.match(esm, /^import \{ fileURLToPath \} from 'url';$/m);
    assert.match(esm, /NODE_EXTRA_CA_CERTS: fileURLToPath\(new URL\('\.\/\.certs\/bundle\.pem', import\.meta\.url\)\)/);
    const httpx = anchored('import httpx\nhttpx.get(u, verify=False)\n', 'h.py', 'python.httpx-verify-false').out;
    assert.strictEqual(
      httpx,
      'import httpx\nfrom pathlib import Path\nimport ssl\nhttpx.get(u, verify=ssl.create_default_context(cafile=str(Path(__file__).resolve().parent / ".certs/bundle.pem")))\n',
    );
  });

  it('without anchor options the path is written as given (backward compatible)', () => {
    const text = 'requests.get(u, verify=False)\n';
    const r = trustBundleFix(text, only(text, 'c.py', 'python.requests-verify-false'), {
      bundle: '.certs/bundle.pem',
      path: 'c.py',
    });
    assert.strictEqual(applyEdits(text, r!.edits), 'requests.get(u, verify=".certs/bundle.pem")\n');
  });
});

describe('fixes: .env edits that never lose data', () => {
  const NODE = 'env.node-tls-reject-unauthorized';
  it('no duplicate NODE_EXTRA_CA_CERTS when the file already has it (regression)', () => {
    const text = 'NODE_EXTRA_CA_CERTS=.certs/bundle.pem\nNODE_TLS_REJECT_UNAUTHORIZED=0\nA=1\n';
    const r = trustBundleFix(text, only(text, '.env', NODE), { bundle: '.certs/bundle.pem', path: '.env' })!;
    const out = applyEdits(text, r.edits);
    assert.strictEqual(out, 'NODE_EXTRA_CA_CERTS=.certs/bundle.pem\nA=1\n');
    assert.strictEqual(r.existingCa?.decision, 'same');
  });

  it('another CA in the variable: `ask` unless the caller merged it (then `merge`), one line either way', () => {
    const text = '# corp\nREQUESTS_CA_BUNDLE=/etc/corp.pem\r\nCURL_CA_BUNDLE=""\r\n';
    const ask = trustBundleFix(text, only(text, '.env', 'env.empty-ca-bundle'), {
      bundle: '.certs/b.pem',
      path: '.env',
    })!;
    assert.deepStrictEqual(ask.existingCa, {
      variable: 'REQUESTS_CA_BUNDLE',
      value: '/etc/corp.pem',
      line: 1,
      decision: 'ask',
    });
    assert.strictEqual(applyEdits(text, ask.edits), '# corp\nREQUESTS_CA_BUNDLE=.certs/b.pem\r\n');
    const merged = trustBundleFix(text, only(text, '.env', 'env.empty-ca-bundle'), {
      bundle: '.certs/b.pem',
      path: '.env',
      mergedCas: ['/etc/corp.pem'],
    })!;
    assert.strictEqual(merged.existingCa?.decision, 'merge');
  });

  it('offers removing leftover NODE_TLS_REJECT_UNAUTHORIZED=0 lines once Node trusts the bundle', () => {
    const text =
      "const https = require('https');\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nhttps.get(u, { rejectUnauthorized: false });\n";
    const r = trustBundleFix(text, only(text, 'c.js', 'javascript.reject-unauthorized-false'), {
      bundle: 'b.pem',
      path: 'c.js',
    })!;
    assert.strictEqual(r.followUps?.length, 1);
    const out = applyEdits(text, [...r.edits, ...r.followUps![0].edits]);
    assert.strictEqual(
      out,
      "const https = require('https');\nconst fs = require('fs');\nhttps.get(u, { ca: fs.readFileSync('b.pem') });\n",
    );
    const py = 'requests.get(u, verify=False)\n';
    assert.strictEqual(
      trustBundleFix(py, only(py, 'c.py', 'python.requests-verify-false'), { bundle: 'b.pem', path: 'c.py' })!
        .followUps,
      undefined,
    );
  });
});
