import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './cliHarness';

describe('cli: endpoints', () => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-cli-endpoints-'));
    const write = (rel: string, body: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), body);
    };
    write(
      'app/client.py',
      '# see https://docs.example.com/\nimport requests\nAPI = "https://api.example.com/v1"\nrequests.get(API, verify=False)\n',
    );
    write(
      'app/conn.py',
      'import http.client\nc = http.client.HTTPSConnection("db.internal", 8443, context=ssl._create_unverified_context())\n',
    );
    write('web/app.ts', 'fetch("https://api.example.com/v2/items?x=1");\nfetch(`https://${host}/`);\n');
    write('README.md', 'https://readme.example.com/\n');
    write('package-lock.json', '{"resolved": "https://registry.npmjs.org/x.tgz"}\n');
    write('generated/x.ts', 'fetch("https://ignored.example.com/")\n');
    write('.gitignore', 'generated/\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists each host:port once with its URLs and uses: literals, constants, resolved findings; no comments, prose or lock files', async () => {
    const r = await runCli(['endpoints'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.strictEqual(out.version, 1);
    assert.deepStrictEqual(
      out.endpoints.map((e: { target: string }) => e.target),
      ['api.example.com:443', 'db.internal:8443'],
    );
    const [api, db] = out.endpoints;
    assert.deepStrictEqual(api.urls, ['https://api.example.com/v1', 'https://api.example.com/v2/items']);
    assert.strictEqual(api.insecure, true);
    assert.deepStrictEqual(api.uses, [
      { file: 'app/client.py', line: 3, column: 8, via: 'literal' },
      { file: 'app/client.py', line: 4, column: 19, via: 'constant', ruleId: 'python.requests-verify-false' },
      { file: 'web/app.ts', line: 1, column: 8, via: 'literal' },
    ]);
    // Known only through the finding's call (host and port arguments), not as a URL literal.
    assert.deepStrictEqual(
      [db.host, db.port, db.insecure, db.uses.length, db.uses[0].via],
      ['db.internal', 8443, true, 1, 'host-port'],
    );
  });

  it('--format prometheus: file_sd target groups with string labels; --no-ignore reads ignored files', async () => {
    const r = await runCli(['endpoints', 'web', '--format', 'prometheus', '--no-ignore'], dir);
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(JSON.parse(r.stdout), [
      {
        targets: ['api.example.com:443'],
        labels: {
          tls_doctor_url: 'https://api.example.com/v2/items',
          tls_doctor_first_use: 'web/app.ts:1',
          tls_doctor_uses: '1',
          tls_doctor_insecure: 'false',
        },
      },
    ]);
    const all = JSON.parse((await runCli(['endpoints', '--no-ignore'], dir)).stdout);
    assert.ok(all.endpoints.some((e: { host: string }) => e.host === 'ignored.example.com'));
  });

  it('exit 2 for a missing path or a bad format; listed in --help', async () => {
    const missing = await runCli(['endpoints', 'nope'], dir);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /nope: no such file or folder/);
    const bad = await runCli(['endpoints', '--format', 'csv'], dir);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of json, prometheus/);
    assert.match((await runCli(['--help'])).stdout, /^ {2}endpoints /m);
  });
});
