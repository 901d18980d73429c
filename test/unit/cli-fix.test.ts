// `tls-doctor scan --fix --ca-bundle` end to end (issue 19 item 6): a temp project whose Python requests, Node (CJS
// and ESM) and curl-in-shell clients turn verification off against a local HTTPS server with a private root; after
// --fix each REAL client succeeds with verification on from the project root, a subfolder and `/`, in a clean
// environment (these machines preset REQUESTS_CA_BUNDLE, SSL_CERT_FILE, CURL_CA_BUNDLE, NODE_EXTRA_CA_CERTS).
// --fix-dry-run changes no byte; CRLF, BOM and UTF-16 files keep them; usage errors exit 2.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './cliHarness';
import { createBundle } from '../../src/core/certs/index';
import { createTestPki } from '../fixtures/tls';

interface Run {
  code: number;
  out: string;
}

function run(cmd: string, args: string[], cwd: string): Promise<Run> {
  // An explicit environment: no inherited CA variables, no proxies; only what the fixed code says.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), NO_PROXY: '*', no_proxy: '*' };
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env, timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

function write(root: string, rel: string, body: string | Buffer): string {
  const f = path.join(root, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, body);
  return f;
}

/** Every file of a folder with its bytes (to prove a dry run changes nothing). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      const f = path.join(e.parentPath, e.name);
      out.set(f, fs.readFileSync(f).toString('base64'));
    }
  }
  return out;
}

describe('cli: scan --fix --ca-bundle', function () {
  this.timeout(120_000);
  let server: https.Server;
  let url: string;
  let pem: string;

  before(async () => {
    const pki = createTestPki();
    const leaf = pki.leaf({ hosts: ['localhost', '127.0.0.1'] });
    pem = createBundle([pki.root.certPem]);
    server = https.createServer({ key: leaf.keyPem, cert: leaf.certPem + pki.intermediate.certPem }, (_, res) =>
      res.end('hello over verified TLS'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A project with the four clients under app/ and scripts/, the bundle in `.certs dir/` (a space: quoting). */
  function project(): { dir: string; bundle: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-fix-'));
    const bundle = write(dir, '.certs dir/bundle.pem', pem);
    write(
      dir,
      'app/client.py',
      `"""Client."""\nimport requests\n\n\ndef get():\n    return requests.get("${url}", verify=False)\n\n\nprint(get().status_code, get().text)\n`,
    );
    write(
      dir,
      'app/client.js',
      `const https = require('https');\nhttps.get('${url}', { rejectUnauthorized: false }, (res) => res.pipe(process.stdout)).on('error', (e) => { console.error(e.code); process.exit(3); });\n`,
    );
    write(
      dir,
      'app/esm/client.mjs',
      `import https from 'node:https';\nhttps.get('${url}', { rejectUnauthorized: false }, (res) => res.pipe(process.stdout)).on('error', (e) => { console.error(e.code); process.exit(3); });\n`,
    );
    write(dir, 'scripts/get.sh', `#!/bin/sh\nset -e\ncurl -sS -k ${url}\n`);
    fs.chmodSync(path.join(dir, 'scripts/get.sh'), 0o755);
    return { dir, bundle };
  }

  it('fixes every client so that it verifies and succeeds from the root, a subfolder and /', async () => {
    const { dir } = project();
    try {
      const r = await runCli(['scan', '--fix', '--ca-bundle', '.certs dir/bundle.pem'], dir);
      assert.strictEqual(r.code, 0, `${r.stdout}\n${r.stderr}`);
      assert.match(
        r.stdout,
        /^fixed app\/client\.py:7 python\.requests-verify-false: return requests\.get\(.*verify=False\) → return requests\.get\(.*verify=str\(Path\(__file__\)\.resolve\(\)\.parent \/ "\.\.\/\.certs dir\/bundle\.pem"\)\)$/m,
      );
      assert.match(
        r.stdout,
        /^fixed scripts\/get\.sh:3 shell\.curl-insecure: curl -sS -k .* → curl -sS --cacert "\$\(dirname "\$0"\)\/\.\.\/\.certs dir\/bundle\.pem" /m,
      );
      // The line of the fixed file (two requires were inserted above it), and that line after the fix.
      assert.match(
        r.stdout,
        /^fixed app\/client\.js:4 javascript\.reject-unauthorized-false: https\.get\(.* → https\.get\('[^']*', \{ ca: fs\.readFileSync\(path\.join\(__dirname, '\.\.\/\.certs dir\/bundle\.pem'\)\) \}/m,
      );
      assert.match(r.stderr, /applied 4 fixes in 4 files/);
      assert.match(r.stdout, /No findings|0 findings/i);
      const py = fs.readFileSync(path.join(dir, 'app/client.py'), 'utf8');
      assert.ok(py.startsWith('"""Client."""\nimport requests\nfrom pathlib import Path\n'), py);
      assert.ok(!py.includes(dir), 'no machine-absolute path in a committed file');
      assert.strictEqual(fs.statSync(path.join(dir, 'scripts/get.sh')).mode & 0o777, 0o755, 'the mode is kept');
      const clients: [string, string[]][] = [
        ['/usr/bin/python3', [path.join(dir, 'app/client.py')]],
        [process.execPath, [path.join(dir, 'app/client.js')]],
        [process.execPath, [path.join(dir, 'app/esm/client.mjs')]],
        ['/bin/sh', [path.join(dir, 'scripts/get.sh')]],
      ];
      for (const cwd of [dir, path.join(dir, 'app'), '/']) {
        for (const [cmd, args] of clients) {
          const ok = await run(cmd, args, cwd);
          assert.strictEqual(ok.code, 0, `${path.basename(args[0])} from ${cwd}: ${ok.out}`);
          assert.match(ok.out, /hello over verified TLS/, `${path.basename(args[0])} from ${cwd}`);
        }
      }
      // Verification really is on: the same fixed code with another bundle fails.
      fs.writeFileSync(path.join(dir, '.certs dir/bundle.pem'), createBundle([createTestPki().root.certPem]));
      const refused = await run('/usr/bin/python3', [path.join(dir, 'app/client.py')], '/');
      assert.notStrictEqual(refused.code, 0);
      assert.match(refused.out, /CERTIFICATE_VERIFY_FAILED/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--fix-dry-run prints a unified diff, changes no byte, and exits 0 for what would remain', async () => {
    const { dir } = project();
    try {
      write(dir, 'app/win.py', 'import requests\r\nrequests.get(u, verify=False)\r\n'); // CRLF lines must patch too
      const before = snapshot(dir);
      const r = await runCli(['scan', '--fix-dry-run', '--ca-bundle', path.join(dir, '.certs dir/bundle.pem')], dir);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.deepStrictEqual(snapshot(dir), before);
      assert.match(r.stdout, /^--- a\/app\/client\.py\n\+\+\+ b\/app\/client\.py\n@@ -1,/m);
      assert.match(r.stdout, /^- {4}return requests\.get\(".*", verify=False\)$/m);
      assert.match(r.stdout, /^\+const path = require\('path'\);$/m);
      assert.match(r.stderr, /would apply 5 fixes in 5 files/);
      // The diff applies with patch(1) and gives what --fix writes.
      const patched = await run(
        '/usr/bin/patch',
        ['-p1', '-s', '-i', write(os.tmpdir(), `tlsd-${process.pid}.diff`, r.stdout)],
        dir,
      );
      assert.strictEqual(patched.code, 0, patched.out);
      assert.strictEqual(
        fs.readFileSync(path.join(dir, 'app/win.py'), 'utf8'),
        'import requests\r\nfrom pathlib import Path\r\nrequests.get(u, verify=str(Path(__file__).resolve().parent / "../.certs dir/bundle.pem"))\r\n',
      );
      assert.match(
        fs.readFileSync(path.join(dir, 'app/esm/client.mjs'), 'utf8'),
        /fs\.readFileSync\(new URL\('\.\.\/\.\.\/\.certs%20dir\/bundle\.pem', import\.meta\.url\)\)/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(path.join(os.tmpdir(), `tlsd-${process.pid}.diff`), { force: true });
    }
  });

  it('keeps CRLF, a UTF-8 BOM, UTF-16 (with its BOM) and latin-1 bytes; exits 1 for what it could not fix', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-fix-enc-'));
    try {
      write(dir, 'b.pem', pem);
      write(dir, 'crlf.py', 'import requests\r\nrequests.get(u, verify=False)\r\n');
      write(dir, 'bom.py', '\uFEFFimport requests\nrequests.get(u, verify=False)\n');
      write(
        dir,
        'wide.py',
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from('import requests\r\nrequests.get(u, verify=False)\r\n', 'utf16le'),
        ]),
      );
      write(dir, 'runtime.js', "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n");
      write(dir, 'twice.py', 'import requests\nrequests.get(u, verify=False)\nrequests.get(u, verify=False)\n'); // same line twice: both fixed
      write(dir, 'latin.py', Buffer.from('# caf\xe9\nimport requests\nrequests.get(u, verify=False)\n', 'latin1')); // not UTF-8
      const r = await runCli(['scan', '--fix', '--ca-bundle', 'b.pem', '--format', 'json'], dir);
      assert.strictEqual(r.code, 1, r.stderr);
      assert.deepStrictEqual(
        JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file),
        ['runtime.js'],
        'JSON stays parseable: the change list went to stderr',
      );
      assert.match(r.stderr, /not fixed runtime\.js:1 .*NODE_EXTRA_CA_CERTS=.*where the program starts/);
      const anchoredLine = 'requests.get(u, verify=str(Path(__file__).resolve().parent / "b.pem"))';
      assert.strictEqual(
        fs.readFileSync(path.join(dir, 'crlf.py'), 'utf8'),
        `import requests\r\nfrom pathlib import Path\r\n${anchoredLine}\r\n`,
      );
      assert.strictEqual(
        fs.readFileSync(path.join(dir, 'bom.py'), 'utf8'),
        `\uFEFFimport requests\nfrom pathlib import Path\n${anchoredLine}\n`,
      );
      assert.deepStrictEqual(
        fs.readFileSync(path.join(dir, 'latin.py')),
        Buffer.from(`# caf\xe9\nimport requests\nfrom pathlib import Path\n${anchoredLine}\n`, 'latin1'),
        'the latin-1 byte survives',
      );
      assert.strictEqual(
        fs.readFileSync(path.join(dir, 'twice.py'), 'utf8'),
        `import requests\nfrom pathlib import Path\n${anchoredLine}\n${anchoredLine}\n`,
      );
      assert.match(r.stdout + r.stderr, /fixed twice\.py:3 [\s\S]*fixed twice\.py:4 /);
      const wide = fs.readFileSync(path.join(dir, 'wide.py'));
      assert.deepStrictEqual([...wide.subarray(0, 2)], [0xff, 0xfe]);
      assert.strictEqual(
        wide.subarray(2).toString('utf16le'),
        `import requests\r\nfrom pathlib import Path\r\n${anchoredLine}\r\n`,
      );
      assert.deepStrictEqual(
        fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')),
        [],
        'no temp file left behind',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('.env: no duplicate key; another CA is left alone and reported; relative unless git-ignored', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-fix-env-'));
    try {
      write(dir, 'b.pem', pem);
      write(dir, 'app/.env', '# local\nNODE_EXTRA_CA_CERTS=../b.pem\nNODE_TLS_REJECT_UNAUTHORIZED=0\n');
      write(dir, '.env', 'REQUESTS_CA_BUNDLE=/etc/corp.pem\nCURL_CA_BUNDLE=""\n');
      const r = await runCli(['scan', '--fix', '--ca-bundle', 'b.pem'], dir);
      assert.strictEqual(
        fs.readFileSync(path.join(dir, 'app/.env'), 'utf8'),
        '# local\nNODE_EXTRA_CA_CERTS=../b.pem\n',
      );
      assert.strictEqual(
        fs.readFileSync(path.join(dir, '.env'), 'utf8'),
        'REQUESTS_CA_BUNDLE=/etc/corp.pem\nCURL_CA_BUNDLE=""\n',
      );
      assert.match(
        r.stderr,
        /not fixed \.env:2 env\.empty-ca-bundle: REQUESTS_CA_BUNDLE already names another CA \(\/etc\/corp\.pem, line 1\)/,
      );
      assert.strictEqual(r.code, 1);
      // A committed .env gets a path relative to its folder (with a note); a git-ignored one the absolute path.
      write(dir, 'web/.env', 'NODE_TLS_REJECT_UNAUTHORIZED=0\n');
      write(dir, 'local/.env', 'NODE_TLS_REJECT_UNAUTHORIZED=0\n');
      write(dir, 'local/.gitignore', '.env\n');
      assert.strictEqual((await run('git', ['init', '-q', path.join(dir, 'local')], dir)).code, 0);
      // (scan honours .gitignore, so a git-ignored .env is only reached with --no-ignore)
      const again = await runCli(['scan', 'web', 'local', '--no-ignore', '--fix', '--ca-bundle', 'b.pem'], dir);
      assert.strictEqual(again.code, 0, again.stderr);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'web/.env'), 'utf8'), 'NODE_EXTRA_CA_CERTS=../b.pem\n');
      assert.match(again.stdout, /fixed web\/\.env:1 .*\n {2}note: relative to web\/ .*committed/);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'local/.env'), 'utf8'), `NODE_EXTRA_CA_CERTS=${dir}/b.pem\n`);
      assert.match(again.stdout, /fixed local\/\.env:1 .*\n {2}note: absolute path: this \.env is git-ignored/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('usage: --ca-bundle is required, must exist and hold a certificate; --fix and --fix-dry-run exclude each other', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-fix-usage-'));
    try {
      write(dir, 'a.py', 'requests.get(u, verify=False)\n');
      write(dir, 'key.pem', createTestPki().root.keyPem);
      const cases: [string[], RegExp][] = [
        [['--fix'], /--fix needs --ca-bundle FILE/],
        [['--fix', '--ca-bundle', 'missing.pem'], /--ca-bundle file not found: .*missing\.pem/],
        [['--fix', '--ca-bundle', 'key.pem'], /--ca-bundle .*key\.pem: no certificate could be read/],
        [['--fix', '--ca-bundle', '.'], /--ca-bundle .*: not a regular file/],
        [['--fix', '--fix-dry-run', '--ca-bundle', 'key.pem'], /cannot be combined/],
        [['--ca-bundle', 'key.pem'], /only used with --fix/],
      ];
      for (const [args, msg] of cases) {
        const r = await runCli(['scan', ...args], dir);
        assert.strictEqual(r.code, 2, args.join(' '));
        assert.match(r.stderr, msg, args.join(' '));
      }
      assert.strictEqual(fs.readFileSync(path.join(dir, 'a.py'), 'utf8'), 'requests.get(u, verify=False)\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
