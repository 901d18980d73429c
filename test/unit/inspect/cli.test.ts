// `tls-doctor inspect FILE...`: text and JSON over the inspect core, the password file, and the exit codes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../../src/cli';
import type { Io } from '../../../src/cli/command';
import { exitCode } from '../../../src/cli/inspect';
import type { InspectReport } from '../../../src/core/inspect/index';
import { Files, makeFiles, PASSWORD } from './fixture';

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    isTTY: false,
    cwd,
    env: {}, // a clean environment: these machines preset CA bundle variables
  };
  const code = await main(['inspect', ...argv], io);
  return { code, stdout, stderr };
}

describe('cli: tls-doctor inspect', function () {
  this.timeout(30_000);
  let f: Files;
  before(() => {
    f = makeFiles();
    fs.writeFileSync(path.join(f.dir, 'pw.txt'), `${PASSWORD}\n`);
  });
  after(() => fs.rmSync(f.dir, { recursive: true, force: true }));

  it('text: each certificate with its fields, the chain order and each store’s verdict', async () => {
    const r = await run(['chain.pem', '--os-store', 'root.pem'], f.dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /chain\.pem: PEM, 2 certificates \(one chain, leaf → root: 2 → 1\)/);
    assert.match(r.stdout, /\[2\] leaf {2}CN=app\.example\.test, O=Acme/);
    assert.match(r.stdout, /Issuer: +CN=Inspect Test Root {2}\(certificate 1 of this file\)/);
    assert.match(r.stdout, /OCSP: +http:\/\/ocsp\.example\.test/);
    assert.match(r.stdout, /Permitted: +DNS:\.example\.test/);
    assert.match(r.stdout, /^ +os +✓ trusted {2}chains to CN=Inspect Test Root$/m);
    assert.match(r.stdout, /^ +node +✗ not trusted {2}SELF_SIGNED_CERT_IN_CHAIN/m);
  });

  it('--password-file opens a PKCS#12; without it the file is a clear error and exit 2', async () => {
    const ok = await run(['new.p12', '--password-file', 'pw.txt', '--format', 'json'], f.dir);
    assert.strictEqual(ok.code, 0, ok.stderr);
    const [report] = JSON.parse(ok.stdout) as InspectReport[];
    assert.strictEqual(report.kind, 'pkcs12');
    assert.strictEqual(report.certificates.length, 2);
    assert.ok(!ok.stdout.includes('PRIVATE KEY-----'), 'no key material printed');
    const none = await run(['new.p12'], f.dir);
    assert.strictEqual(none.code, 2);
    assert.match(none.stdout, /error: this PKCS#12 file is protected by a password/);
    const missing = await run(['new.p12', '--password-file', 'nope.txt'], f.dir);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /--password-file nope\.txt: ENOENT/);
  });

  it('exit 2 for garbage among good files, and for no file or a bad --format', async () => {
    const r = await run(['leaf.pem', 'garbage.bin'], f.dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stdout, /garbage\.bin: not readable\n {2}error: not certificate data/);
    assert.strictEqual((await run([], f.dir)).code, 2);
    assert.strictEqual((await run(['leaf.pem', '--format', 'xml'], f.dir)).code, 2);
  });

  it('CSR: the request, its names and whether its signature verifies', async () => {
    const r = await run(['leaf.csr'], f.dir);
    assert.strictEqual(r.code, 0);
    assert.match(r.stdout, /leaf\.csr: certificate signing request, 1 request/);
    assert.match(r.stdout, /Signature: +ecdsa-with-SHA256 \(verifies\)/);
  });

  it('exit 1 when a certificate has expired (the code is computed from the model)', () => {
    const base = { kind: 'pem', requests: [], keys: [], problems: [], notes: [], totalCertificates: 1, verdicts: [] };
    const cert = { daysLeft: -3, notBefore: '2020-01-01T00:00:00.000Z' };
    assert.strictEqual(exitCode([{ ...base, certificates: [cert] } as unknown as InspectReport]), 1);
    assert.strictEqual(
      exitCode([{ ...base, certificates: [{ ...cert, daysLeft: 10 }] } as unknown as InspectReport]),
      0,
    );
  });
});
