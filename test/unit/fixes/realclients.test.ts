// End to end at core level: a local HTTPS server with a private root, code that turns verification off, the core fix
// pointing at a bundle built with createBundle, and the real client run before and after. Before the fix, the same
// code with verification on fails; after it, verification is on AND the request succeeds.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { createBundle } from '../../../src/core/certs/index';
import { applyEdits, trustBundleFix } from '../../../src/core/fixes/index';
import { scanText } from '../../../src/core/scan/index';
import { createTestPki } from '../../fixtures/tls';

interface Run {
  code: number;
  out: string;
}

function run(cmd: string, args: string[], cwd: string): Promise<Run> {
  // No proxies, no inherited CA variables: the client sees only what the fixed code tells it.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd, NO_PROXY: '*', no_proxy: '*' };
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env, timeout: 15_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

/** The text after applying the trust-bundle fix to the one finding of `ruleId`. */
function fixed(text: string, file: string, ruleId: string, bundle: string): string {
  const f = scanText(text, file).find((x) => x.ruleId === ruleId);
  assert.ok(f, `no ${ruleId} finding in ${text}`);
  const r = trustBundleFix(text, f, { bundle, path: file });
  assert.ok(r, 'no fix');
  const out = applyEdits(text, r.edits);
  assert.deepStrictEqual(
    scanText(out, file).map((x) => x.ruleId),
    [],
    `still insecure:\n${out}`,
  );
  return out;
}

describe('fixes: real clients trust the bundle the fix points at', function () {
  this.timeout(60_000);
  let dir: string;
  let server: https.Server;
  let url: string;
  let bundle: string;

  before(async () => {
    const pki = createTestPki();
    const leaf = pki.leaf({ hosts: ['localhost', '127.0.0.1'] });
    // A folder with a space: the fix must quote the path for each language.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-doctor-fix-'));
    fs.mkdirSync(path.join(dir, 'ca dir'));
    bundle = path.join(dir, 'ca dir', 'bundle.pem');
    fs.writeFileSync(bundle, createBundle([pki.root.certPem]));
    server = https.createServer({ key: leaf.keyPem, cert: leaf.certPem + pki.intermediate.certPem }, (_, res) =>
      res.end('hello over verified TLS'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Python requests: verify=False → verify="<bundle>" succeeds; verify=True fails', async () => {
    const insecure = `import requests\nr = requests.get("${url}", verify=False)\nprint(r.status_code, r.text)\n`;
    fs.writeFileSync(path.join(dir, 'strict.py'), insecure.replace('verify=False', 'verify=True'));
    const before = await run('/usr/bin/python3', ['strict.py'], dir);
    assert.notStrictEqual(before.code, 0);
    assert.match(before.out, /CERTIFICATE_VERIFY_FAILED/);

    const after = fixed(insecure, 'client.py', 'python.requests-verify-false', bundle);
    assert.ok(after.includes(`verify="${bundle}"`), after);
    fs.writeFileSync(path.join(dir, 'client.py'), after);
    const ok = await run('/usr/bin/python3', ['client.py'], dir);
    assert.strictEqual(ok.code, 0, ok.out);
    assert.match(ok.out, /^200 hello over verified TLS/);
  });

  it('Python ssl: _create_unverified_context() → create_default_context(cafile=...) succeeds with urllib', async () => {
    const insecure = `import ssl, urllib.request\nctx = ssl._create_unverified_context()\nprint(urllib.request.urlopen("${url}", context=ctx).read().decode())\n`;
    fs.writeFileSync(path.join(dir, 'ctx.py'), fixed(insecure, 'ctx.py', 'python.unverified-context', bundle));
    const ok = await run('/usr/bin/python3', ['ctx.py'], dir);
    assert.strictEqual(ok.code, 0, ok.out);
    assert.match(ok.out, /hello over verified TLS/);
  });

  it('Node https: rejectUnauthorized: false → ca: fs.readFileSync(...) (with the added require) succeeds', async () => {
    const insecure = `const https = require('https');\nhttps.get('${url}', { rejectUnauthorized: false }, (res) => res.pipe(process.stdout)).on('error', (e) => { console.error(e.code); process.exit(3); });\n`;
    fs.writeFileSync(
      path.join(dir, 'strict.js'),
      insecure.replace('rejectUnauthorized: false', 'rejectUnauthorized: true'),
    );
    const before = await run(process.execPath, ['strict.js'], dir);
    assert.strictEqual(before.code, 3);
    assert.match(before.out, /UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED|UNABLE_TO_VERIFY/);
    fs.writeFileSync(
      path.join(dir, 'client.js'),
      fixed(insecure, 'client.js', 'javascript.reject-unauthorized-false', bundle),
    );
    const ok = await run(process.execPath, ['client.js'], dir);
    assert.strictEqual(ok.code, 0, ok.out);
    assert.match(ok.out, /hello over verified TLS/);
  });

  it('curl in a shell script: -k → --cacert <bundle> succeeds; without -k it fails', async () => {
    const insecure = `#!/bin/sh\nset -e\ncurl -sS -k ${url}\n`;
    fs.writeFileSync(path.join(dir, 'strict.sh'), insecure.replace(' -k', ''));
    const before = await run('/bin/sh', ['strict.sh'], dir);
    assert.notStrictEqual(before.code, 0);
    fs.writeFileSync(path.join(dir, 'get.sh'), fixed(insecure, 'get.sh', 'shell.curl-insecure', bundle));
    const ok = await run('/bin/sh', ['get.sh'], dir);
    assert.strictEqual(ok.code, 0, ok.out);
    assert.match(ok.out, /hello over verified TLS/);
  });
});
