// Certificate-file inspection (src/core/inspect): every format read into the same model, chain links and order,
// the per-store verdicts from the diagnosis core's chain builder, and bad input as results within bounds.
import * as assert from 'assert';
import { X509Certificate } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { inspectBuffer, inspectFile, MAX_CERTIFICATES, parseBytes } from '../../../src/core/inspect/index';
import type { InspectReport } from '../../../src/core/inspect/index';
import { certificatePem } from '../../../src/core/text/pem';
import { Files, makeFiles, PASSWORD } from './fixture';

/** Only the root of the fixture as "the OS store", no certifi, no environment bundles. */
const stores = (f: Files) => ({ env: {}, certifiPath: null, osStorePaths: [f['root.pem']] });

describe('inspect: certificate files → the inspection model', function () {
  this.timeout(30_000);
  let f: Files;
  before(() => {
    f = makeFiles();
  });
  after(() => fs.rmSync(f.dir, { recursive: true, force: true }));

  const read = (name: string, opts = {}) => inspectFile(f[name], { stores: stores(f), ...opts });

  function leafOf(r: InspectReport) {
    const leaf = r.certificates.find((c) => c.subject.startsWith('CN=app.example.test'));
    assert.ok(leaf, `a leaf in ${JSON.stringify(r.problems)}`);
    return leaf;
  }

  it('PEM with text around the blocks: both certificates, every field, links and leaf → root order', async () => {
    const r = await read('chain.pem');
    assert.strictEqual(r.kind, 'pem');
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.totalCertificates, 2);
    const [root, leaf] = r.certificates;
    assert.strictEqual(root.role, 'root');
    assert.strictEqual(leaf.role, 'leaf');
    assert.strictEqual(leaf.issuedBy, 0, 'the leaf is linked to the root of the same file');
    assert.strictEqual(root.issuedBy, undefined);
    assert.deepStrictEqual(r.chainOrder, [1, 0]);
    assert.strictEqual(leaf.subject, 'CN=app.example.test, O=Acme');
    assert.deepStrictEqual(leaf.sans, ['DNS:app.example.test', 'IP:10.0.0.1']);
    assert.ok(leaf.daysLeft >= 88 && leaf.daysLeft <= 90, `daysLeft ${leaf.daysLeft}`);
    assert.strictEqual(leaf.keyType, 'EC');
    assert.strictEqual(leaf.keyBits, 256);
    assert.strictEqual(leaf.signatureAlgorithm, 'sha256WithRSAEncryption');
    const x = new X509Certificate(fs.readFileSync(f['leaf.pem']));
    assert.strictEqual(leaf.sha256, x.fingerprint256);
    assert.strictEqual(leaf.sha1, x.fingerprint);
    assert.deepStrictEqual(leaf.extKeyUsage, ['serverAuth']);
    assert.deepStrictEqual(leaf.keyUsage, ['digitalSignature']);
    assert.deepStrictEqual(leaf.ocspUrls, ['http://ocsp.example.test']);
    assert.deepStrictEqual(leaf.aiaIssuers, ['http://ca.example.test/root.crt']);
    assert.deepStrictEqual(leaf.crlUrls, ['http://crl.example.test/root.crl']);
    assert.deepStrictEqual(leaf.policies, ['2.23.140.1.2.1 (domain validated)']);
    assert.deepStrictEqual(root.basicConstraints, { ca: true, pathLength: 0 });
    assert.deepStrictEqual(root.nameConstraints, {
      permitted: ['DNS:.example.test'],
      excluded: ['IP:10.9.0.0/255.255.0.0'],
    });
    assert.match(root.origin, /^PEM block 1 \(line 2\)$/);
    assert.match(leaf.origin, /^PEM block 2 \(line \d+\)$/);
  });

  it('verdict per store from the chain builder: the OS store holding the root trusts the leaf, Node does not', async () => {
    const r = await read('chain.pem');
    assert.deepStrictEqual(
      r.verdicts.map((v) => v.index),
      [1],
      'only the leaf is judged',
    );
    const by = Object.fromEntries(r.verdicts[0].stores.map((s) => [s.store, s]));
    assert.strictEqual(by.os.trusted, true);
    assert.match(by.os.note ?? '', /chains to CN=Inspect Test Root/);
    assert.strictEqual(by.node.trusted, false);
    assert.match(by.node.error ?? '', /^SELF_SIGNED_CERT_IN_CHAIN/);
    assert.strictEqual(by.certifi.trusted, null);
    assert.ok(r.notes.some((n) => /judged from this file alone/.test(n)));
  });

  it('a lone leaf (DER) without its issuer: untrusted by Node, trusted by the store holding its root; a root alone is "one of the store’s roots"', async () => {
    const der = await read('leaf.der');
    assert.strictEqual(der.kind, 'der');
    assert.strictEqual(leafOf(der).origin, 'the file');
    const by = Object.fromEntries(der.verdicts[0].stores.map((s) => [s.store, s]));
    assert.match(by.node.error ?? '', /^UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    assert.strictEqual(by.os.trusted, true);
    const root = await read('root.pem');
    const os = root.verdicts[0].stores.find((s) => s.store === 'os');
    assert.strictEqual(os?.trusted, true);
    assert.match(os?.note ?? '', /one of the store’s roots/);
  });

  it('PKCS#7 (.p7b): the certificates of the SignedData', async () => {
    const r = await read('chain.p7b');
    assert.strictEqual(r.kind, 'pkcs7');
    assert.strictEqual(r.certificates.length, 2);
    assert.ok(leafOf(r).issuedBy !== undefined);
  });

  for (const name of ['new.p12', 'legacy.p12']) {
    it(`PKCS#12 ${name} with the password: certificates, and the key paired with the leaf`, async () => {
      const r = await read(name, { password: PASSWORD });
      assert.strictEqual(r.kind, 'pkcs12');
      assert.deepStrictEqual(r.problems, []);
      assert.strictEqual(r.certificates.length, 2);
      const leaf = leafOf(r);
      assert.deepStrictEqual(
        r.keys.map((k) => [k.encrypted, k.matches]),
        [[true, leaf.sha256]],
      );
    });

    it(`PKCS#12 ${name}: no password → password-required, a wrong one → wrong-password (results, not throws)`, async () => {
      const none = await read(name);
      assert.deepStrictEqual(
        none.problems.map((p) => p.code),
        ['password-required'],
      );
      const wrong = await read(name, { password: 'nope' });
      assert.deepStrictEqual(
        wrong.problems.map((p) => p.code),
        ['wrong-password'],
      );
      assert.match(wrong.problems[0].message, /wrong password/);
      assert.strictEqual(wrong.certificates.length, 0);
    });
  }

  it('PKCS#12 made with an empty password opens without one', async () => {
    const r = await read('nopass.p12');
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.certificates.length, 1);
  });

  it('CSR: subject, requested SANs, key and a verified self-signature; a tampered one does not verify', async () => {
    const r = await read('leaf.csr');
    assert.strictEqual(r.kind, 'csr');
    assert.deepStrictEqual(r.verdicts, []);
    const [q] = r.requests;
    assert.strictEqual(q.subject, 'CN=app.example.test, O=Acme');
    assert.deepStrictEqual(q.sans, ['DNS:app.example.test', 'IP:10.0.0.1']);
    assert.deepStrictEqual(
      [q.keyType, q.keyBits, q.signatureAlgorithm, q.signatureValid],
      ['EC', 256, 'ecdsa-with-SHA256', true],
    );
    const der = Buffer.from(q.pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const i = der.indexOf(Buffer.from('Acme'));
    der[i] = 'a'.charCodeAt(0);
    const tampered = parseBytes(der).inspection.requests[0];
    assert.strictEqual(tampered.subject, 'CN=app.example.test, O=acme');
    assert.strictEqual(tampered.signatureValid, false);
  });

  it('strict checks: SHA-1, RSA 1024 and CN-only named, with the over-398-days validity', async () => {
    const r = await read('weak.pem');
    const [c] = r.certificates;
    assert.strictEqual(c.role, 'self-signed');
    const joined = c.strict.join('\n');
    assert.match(joined, /CN only/);
    assert.match(joined, /RSA 1024-bit key/);
    assert.match(joined, /over the 398-day limit/);
    // A self-signed leaf's own signature is still a signature clients check (only a CA root is exempt).
    assert.match(joined, /signed with sha1WithRSAEncryption/);
    const clean = leafOf(await read('leaf.pem'));
    assert.deepStrictEqual(clean.strict, []);
  });

  it('keys in a PEM file are found (never their content), and paired with the certificate they belong to', async () => {
    const both = Buffer.concat([
      fs.readFileSync(f['leaf.pem']),
      fs.readFileSync(f['leaf.key']),
      fs.readFileSync(f['root.key']),
    ]);
    const r = await inspectBuffer(both, { stores: false });
    assert.strictEqual(r.keys.length, 2);
    assert.strictEqual(r.keys[0].matches, r.certificates[0].sha256);
    assert.strictEqual(r.keys[1].matches, undefined);
    assert.ok(!JSON.stringify(r).includes('PRIVATE KEY-----'), 'no key material in the model');
  });

  it('bare base64 (a kubeconfig certificate-authority-data value) is read as DER', async () => {
    const b64 = new X509Certificate(fs.readFileSync(f['root.pem'])).raw.toString('base64');
    const r = await inspectBuffer(Buffer.from(`${b64}\n`), { stores: false });
    assert.strictEqual(r.certificates[0]?.subject, 'CN=Inspect Test Root');
  });

  it('bad input: clear problems, never a throw', async () => {
    const codes = async (name: string) => (await read(name)).problems.map((p) => `${p.code}: ${p.message}`);
    assert.match((await codes('garbage.bin'))[0], /^not-certificate-data: .*neither PEM text nor DER/);
    assert.match((await codes('trunc.der'))[0], /^truncated/);
    assert.match((await codes('key.der'))[0], /private key .* not a certificate/);
    assert.match((await codes('empty.pem'))[0], /^empty/);
    const missing = await inspectFile(path.join(f.dir, 'nope.pem'));
    assert.match(missing.problems[0].message, /cannot read .*ENOENT/);
    const dir = await inspectFile(f.dir);
    assert.strictEqual(dir.problems[0].code, 'not-a-file');
    const pem = fs.readFileSync(f['leaf.pem'], 'utf8');
    const cut = await inspectBuffer(Buffer.from(pem.slice(0, pem.length - 40)), { stores: false });
    assert.strictEqual(cut.problems[0].code, 'bad-block');
    assert.match(cut.problems[0].message, /truncated/);
    const broken = await inspectBuffer(Buffer.from(pem.replace(/\n[A-Za-z0-9+/]{64}\n/, '\nAAAA\n')), {
      stores: false,
    });
    assert.strictEqual(broken.problems[0].code, 'bad-block');
    assert.match(broken.problems[0].message, /^PEM block 1 \(line 1\) is not a readable certificate/);
  });

  it('a 10,000-certificate bundle: read within bounds, the cap and the count said in a note', async function () {
    const one = certificatePem(new X509Certificate(fs.readFileSync(f['small.pem'])).raw.toString('base64'));
    const bundle = Buffer.from(one.repeat(10_000));
    const t = Date.now();
    const r = await inspectBuffer(bundle, { stores: stores(f) });
    const ms = Date.now() - t;
    assert.strictEqual(r.totalCertificates, 10_000);
    assert.strictEqual(r.certificates.length, MAX_CERTIFICATES);
    assert.ok(r.notes.some((n) => /holds 10000 certificates; the first 500/.test(n)));
    assert.ok(r.verdicts.length <= 20);
    assert.ok(ms < 10_000, `took ${ms} ms`);
  });
});
