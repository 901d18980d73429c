// Own CA recognised (issue 10, item 5): a chain rooted at TLS Doctor's development CA or at a CA file in the
// workspace's certificate folder is named as such, its fixes use real paths, and --save-chain / --save-bundle write
// PEM files that every snippet then names.
import * as assert from 'assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createBundle } from '../../../src/core/certs/bundle';
import type { CheckReport } from '../../../src/core/tls/index';
import { Matrix, startMatrix } from '../../fixtures/tls';
import { runCliWith } from '../cliHarness';

function cli(argv: string[], env: NodeJS.ProcessEnv, cwd: string) {
  return runCliWith(argv, { cwd, env: { PATH: process.env.PATH, ...env } });
}

const snippets = (r: CheckReport) => r.causes.flatMap((c) => c.fixes.map((f) => f.snippet ?? '')).join('\n');

describe('own CA recognised, real paths in fixes', function () {
  this.timeout(30_000);
  let m: Matrix;
  let dir: string;
  before(async () => {
    m = await startMatrix();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tls-doctor-ownca-'));
  });
  after(async () => {
    await m?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('a chain rooted at .certs/ca.pem: named, fixes use .certs/bundle.pem, the verdict unchanged', async () => {
    const certs = path.join(dir, 'ws', '.certs');
    await fs.mkdir(certs, { recursive: true });
    await fs.writeFile(path.join(certs, 'ca.pem'), m.rootPem);
    await fs.writeFile(path.join(certs, 'bundle.pem'), createBundle([m.rootPem]));
    const run = await cli(
      ['check', m.urls['root-not-sent'], '--format', 'json', '--timeout', '2000'],
      { TLS_DOCTOR_CAROOT: path.join(dir, 'nocaroot') },
      path.join(dir, 'ws'),
    );
    const r = JSON.parse(run.stdout) as CheckReport;
    assert.strictEqual(r.verdict, 'fail');
    assert.deepStrictEqual(
      r.causes.map((c) => c.code),
      ['untrusted-root'],
    );
    assert.match(
      r.causes[0].message,
      /rooted at a CA in the workspace's certificate folder \(\.certs\/ca\.pem\), "CN=TLS Doctor Test Root/,
    );
    assert.strictEqual(r.ownCa?.file, path.join(certs, 'ca.pem'));
    assert.ok(snippets(r).includes(`REQUESTS_CA_BUNDLE=${path.join(certs, 'bundle.pem')}`), snippets(r));
    assert.ok(!snippets(r).includes('/path/to/ca-bundle.pem'));
  });

  it('a chain rooted at the development CA (TLS_DOCTOR_CAROOT): named as such, its file in the fixes', async () => {
    const caroot = path.join(dir, 'caroot');
    await fs.mkdir(caroot, { recursive: true });
    await fs.writeFile(path.join(caroot, 'rootCA.pem'), m.rootPem);
    const run = await cli(
      ['check', m.urls['root-not-sent'], '--format', 'json', '--timeout', '2000'],
      { TLS_DOCTOR_CAROOT: caroot },
      dir,
    );
    const r = JSON.parse(run.stdout) as CheckReport;
    assert.match(r.causes[0].message, /rooted at TLS Doctor's development CA/);
    assert.ok(snippets(r).includes(`NODE_EXTRA_CA_CERTS=${path.join(caroot, 'rootCA.pem')}`), snippets(r));
    const other = await cli(
      ['check', m.urls['root-not-sent'], '--format', 'json', '--timeout', '2000'],
      { TLS_DOCTOR_CAROOT: path.join(dir, 'nocaroot') },
      dir,
    );
    assert.doesNotMatch(
      (JSON.parse(other.stdout) as CheckReport).causes[0].message,
      /rooted at/,
      'an unrelated CA is not claimed',
    );
  });

  it('--save-chain and --save-bundle write PEM, and the snippets name them instead of server.pem / placeholders', async () => {
    const chain = path.join(dir, 'saved-chain.pem');
    const bundle = path.join(dir, 'saved-bundle.pem');
    const run = await cli(
      [
        'check',
        m.urls['self-signed'],
        '--save-chain',
        chain,
        '--save-bundle',
        bundle,
        '--format',
        'json',
        '--timeout',
        '2000',
      ],
      { TLS_DOCTOR_CAROOT: path.join(dir, 'nocaroot') },
      dir,
    );
    const r = JSON.parse(run.stdout) as CheckReport;
    assert.deepStrictEqual(
      r.causes.map((c) => c.code),
      ['self-signed'],
    );
    assert.strictEqual(await fs.readFile(chain, 'utf8'), r.chain.map((c) => c.pem).join(''));
    const written = await fs.readFile(bundle, 'utf8');
    assert.ok(
      written.includes(r.chain[0].pem.trim().split('\n')[1]),
      "the bundle holds the server's self-signed certificate",
    );
    assert.ok((written.match(/BEGIN CERTIFICATE/g) ?? []).length > 100, 'and the public roots');
    assert.ok(snippets(r).includes(`NODE_EXTRA_CA_CERTS=${chain}`) && !snippets(r).includes('server.pem'), snippets(r));
    assert.match(run.stderr, /saved the chain to .*saved the bundle to/s);
  });
});
