// The certificate viewer's HTML (src/extension/inspect/render.ts): every field of a hostile certificate is text, the
// page keeps the nonce CSP, and the verdict, next step and actions follow from the report.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { inspectBuffer, inspectFile } from '../../../src/core/inspect/index';
import { hostOf, nextStep, renderInspection, topCa } from '../../../src/extension/inspect/render';
import { Files, makeFiles } from './fixture';

const ctx = { nonce: 'N0NCE', cspSource: 'vscode-webview:', styleUri: 's.css', scriptUri: 's.js', now: new Date() };
const opts = { title: 'chain.pem', pemFile: true, hasFile: true, textFile: true };
const stores = (f: Files) => ({ env: {}, certifiPath: null, osStorePaths: [f['small.pem']] });

describe('inspect: the viewer page', function () {
  this.timeout(30_000);
  let f: Files;
  before(() => {
    f = makeFiles();
  });
  after(() => fs.rmSync(f.dir, { recursive: true, force: true }));

  it('a hostile subject and SAN are rendered as text; the CSP allows only the nonce’d script', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'evil.key',
        '-out',
        'evil.pem',
        '-subj',
        `/CN=${evil}`,
        '-days',
        '5',
        '-addext',
        `subjectAltName=DNS:"><script>x</script>`,
      ],
      { cwd: f.dir, stdio: 'ignore' },
    );
    const r = await inspectFile(path.join(f.dir, 'evil.pem'), { stores: stores(f) });
    const html = renderInspection(r, ctx, opts);
    assert.ok(!html.includes('<img'), 'no element from the subject');
    assert.ok(!html.includes('<script>x'), 'no element from the SAN');
    // Node escapes the angle brackets of a DN (RFC 4514); the page escapes them again as text.
    assert.ok(html.includes('\\&lt;img src=x onerror=alert(1)\\&gt;'));
    assert.match(html, /script-src &#39;nonce-N0NCE&#39;/);
    assert.strictEqual((html.match(/<script/g) ?? []).length, 1);
    const tags = html.match(/<[^>]+>/g) ?? [];
    assert.deepStrictEqual(
      tags.filter((t) => /\sstyle=|\son[a-z]+=/i.test(t)),
      [],
      'no inline style or handler in any tag',
    );
  });

  it('a chain: verdict headline, next step for an unknown root, actions for its host and its CA', async () => {
    const r = await inspectFile(f['chain.pem'], { stores: stores(f) });
    const html = renderInspection(r, ctx, opts);
    assert.match(html, /✗ Not trusted by Node\.js, OS/);
    assert.match(nextStep(r) ?? '', /Its root “Inspect Test Root” is in no public or system store/);
    assert.strictEqual(hostOf(r.certificates[1]), 'app.example.test');
    assert.strictEqual(topCa(r), 0);
    assert.match(html, /data-action="checkUrl" data-url="https:\/\/app\.example\.test"/);
    assert.match(html, /data-action="createBundle" data-index="0"/);
    assert.match(html, /data-action="openText"/);
    assert.match(html, /<a href="#cert-0">\(certificate 1 of this file\)<\/a>/);
    for (const field of ['SHA-1', 'OCSP', 'CRL', 'Policies', 'Permitted names', 'Basic constraints']) {
      assert.ok(html.includes(`<dt>${field}</dt>`), field);
    }
  });

  it('a trusted self-signed root: "Trusted by OS", no next step; a binary file gets no "Open as text"', async () => {
    const r = await inspectBuffer(fs.readFileSync(f['small.pem']), { stores: stores(f) });
    const html = renderInspection(r, ctx, { ...opts, textFile: false, pemFile: false });
    assert.match(html, /✗ Not trusted by Node\.js; trusted by OS/);
    assert.ok(!html.includes('data-action="openText"'));
    assert.match(html, /data-action="useAsExtraCa"[^>]*disabled/);
  });

  it('a locked PKCS#12: "Enter password…" first, and the next step says so', async () => {
    const r = await inspectFile(f['new.p12'], { stores: false });
    const html = renderInspection(r, ctx, { ...opts, textFile: false });
    assert.match(html, /class="btn" data-action="enterPassword"/);
    assert.strictEqual(nextStep(r), 'Enter the password to see the certificates.');
  });
});
