// The check panel's accessibility markup (src/extension/checkUrl/render.ts): landmarks, labelled sections and
// tables, the verdict in a live region, every state said in words (never by colour alone), labelled copy buttons, and
// the remote-machine note when the extension host runs elsewhere. The real-workbench axe scan is in
// test/integration/accessibility.test.ts; this pins the markup it relies on.
import * as assert from 'assert';
import type { CheckReport } from '../../../src/core/tls/types';
import { PageContext, renderReport } from '../../../src/extension/checkUrl/render';
import { renderExplanation } from '../../../src/extension/explain/render';
import { explain } from '../../../src/core/explain/index';

const CTX: PageContext = {
  nonce: 'bm9uY2U=',
  cspSource: 'vscode-resource:',
  styleUri: 's.css',
  scriptUri: 's.js',
  now: new Date('2025-06-01T00:00:00Z'),
};

const REPORT: CheckReport = {
  url: 'https://localhost:8443/',
  host: 'localhost',
  port: 8443,
  verdict: 'fail',
  causes: [
    {
      code: 'self-signed',
      message: 'Self-signed.',
      fixes: [{ client: 'node', text: 'Add it.', snippet: 'NODE_EXTRA_CA_CERTS=/w/ca.pem' }],
    },
  ],
  chain: [
    {
      subject: 'CN=localhost',
      issuer: 'CN=localhost',
      notBefore: '2025-01-01T00:00:00.000Z',
      notAfter: '2026-01-01T00:00:00.000Z',
      sans: ['DNS:localhost'],
      sha256: 'AB',
      serialNumber: '01',
      keyType: 'EC',
      signatureAlgorithm: 'ecdsa-with-SHA256',
      isCA: false,
      selfSigned: true,
      pem: 'PEM',
    },
  ],
  trust: {
    node: { store: 'node', trusted: false },
    os: { store: 'os', trusted: true },
    certifi: { store: 'certifi', trusted: null },
  },
  environment: { SSL_CERT_FILE: undefined },
};

/** Ids referred to by aria-labelledby and href="#…" that no element of the page has. */
function danglingRefs(html: string): string[] {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  const refs = [...html.matchAll(/aria-labelledby="([^"]+)"/g), ...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  return refs.filter((r) => !ids.has(r));
}

describe('check panel accessibility markup', () => {
  const html = renderReport(REPORT, CTX);

  it('has one banner, one navigation and one main landmark, in that order', () => {
    const order = ['<header class="summary', '<nav class="toc" aria-label="Sections">', '<main'].map((s) =>
      html.indexOf(s),
    );
    assert.ok(
      order.every((i) => i >= 0),
      `landmarks found at ${order.join(', ')}`,
    );
    assert.deepStrictEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
    assert.strictEqual(html.match(/<main/g)?.length, 1);
  });

  it('announces the verdict in a polite live region', () => {
    assert.match(
      html,
      /<div class="verdict" role="status" aria-live="polite">✗ Not trusted — Self-signed certificate<\/div>/,
    );
    assert.match(renderExplanation({ text: 'x', explanation: explain('x') }, CTX), /role="status" aria-live="polite"/);
    const explained = renderExplanation(
      { text: 'SSLError: certificate verify failed', explanation: explain('SSLError: certificate verify failed') },
      CTX,
    );
    assert.deepStrictEqual(danglingRefs(explained), []);
    assert.strictEqual(
      explained.match(/<section aria-label(ledby)?=/g)?.length,
      explained.match(/<section/g)?.length,
      'every section is labelled',
    );
    assert.match(explained, /<main>/);
  });

  it('labels every section, table and certificate card by a heading that exists, and links the sections', () => {
    assert.deepStrictEqual(danglingRefs(html), []);
    assert.strictEqual(
      html.match(/<section aria-label(ledby)?=/g)?.length,
      html.match(/<section/g)?.length,
      'every section is labelled',
    );
    assert.match(html, /<table class="trust" aria-labelledby="trust-title"><thead><tr><th scope="col">/);
    assert.match(html, /<article class="cert" aria-labelledby="cert-0">/);
    assert.match(html, /<a href="#chain-title">Certificate chain<\/a>/);
  });

  it('says each trust state in words next to its mark, so colour is never the only signal', () => {
    assert.match(html, /✗ Node\.js<\/span><span class="sr-only">: not trusted<\/span>/);
    assert.match(html, /✓ OS<\/span><span class="sr-only">: trusted<\/span>/);
    assert.match(html, /– certifi<\/span><span class="sr-only">: not checked<\/span>/);
    assert.match(html, /<ul class="stores" aria-label="Trust stores">/);
    assert.match(html, /role="img" aria-label="\d+% of the validity period elapsed"/);
  });

  it('names each copy button after its snippet, and groups the actions', () => {
    assert.match(
      html,
      /data-action="copy" data-index="0" title="Copy to clipboard" aria-label="Copy the Node\.js snippet">Copy<\/button>/,
    );
    assert.match(html, /<div class="actions" role="group" aria-label="Actions">/);
  });

  it('says where the check ran when the extension host is remote, and nothing locally', () => {
    assert.ok(!html.includes('class="remote"'));
    const remote = renderReport(REPORT, { ...CTX, remote: 'ssh-remote<x>' });
    assert.match(
      remote,
      /<p class="remote" role="note"><strong>Checked from the remote machine \(ssh-remote&lt;x&gt;\)\.<\/strong>/,
    );
    assert.match(remote, /browser on your local computer/);
  });
});
