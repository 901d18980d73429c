// Fixture code pointing at the local server matrix → real findings (detection core) → resolved endpoints → real
// probes (checkUrl) → enrich: each finding gets the right cause and remedy. The trust-CA remedy is then applied for
// real: Python requests with verify=<bundle of public roots + the CA the endpoint presents> succeeds.
import * as assert from 'assert';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { enrich, EndpointVerdict } from '../../../src/core/endpoints/enrich';
import { resolveEndpoint } from '../../../src/core/endpoints/resolve';
import { scanText } from '../../../src/core/scan/index';
import { checkUrl } from '../../../src/core/tls/index';
import { createBundle } from '../../../src/core/certs/index';
import { Issued, Matrix, Scenario, startMatrix } from '../../fixtures/tls';

/**
 * A TLS server of our own for the calls that succeed: it destroys its sockets on close (a completed HTTPS exchange
 * can leave the matrix's sockets open, which would hold its close() forever).
 */
async function ownServer(leaf: Issued, chain: readonly string[]): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<tls.TLSSocket>();
  const server = tls.createServer({ key: leaf.keyPem, cert: [leaf.certPem, ...chain].join('\n') }, (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.end('HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok');
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `https://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((r) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => r());
      }),
  };
}

/** Python code with one requests call per scenario, its URL built from a module constant (as real code does). */
function pythonFixture(urls: Record<string, string>, scenarios: readonly Scenario[]): string {
  const lines = ['import requests', ''];
  scenarios.forEach((s, i) => lines.push(`BASE_${i} = "${urls[s].replace(/\/$/, '')}"  # ${s}`));
  lines.push('', 'def run():');
  scenarios.forEach((_, i) => lines.push(`    requests.get(BASE_${i} + "/health", verify=False)`));
  return lines.join('\n') + '\n';
}

/** Runs `code` through scan → resolve → checkUrl → enrich, one verdict per finding (in source order). */
async function verdicts(code: string, file: string, env: NodeJS.ProcessEnv): Promise<EndpointVerdict[]> {
  const findings = scanText(code, file);
  return Promise.all(
    findings.map(async (f) => {
      const ep = resolveEndpoint(code, f);
      assert.ok(ep, `no endpoint resolved for ${f.ruleId} at line ${f.range.start.line + 1}`);
      const report = await checkUrl(ep.url, { env, timeoutMs: 4000 });
      return enrich(report, f.ruleId);
    }),
  );
}

function python(script: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      '/usr/bin/python3',
      ['-c', script, ...args],
      { timeout: 15000, env: { PATH: process.env.PATH ?? '' } },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

const GET =
  'import sys, requests\nv = sys.argv[2]\nr = requests.get(sys.argv[1], verify=(True if v == "default" else v), timeout=5)\nprint("status", r.status_code)';

describe('endpoints/enrich against the local server matrix', function () {
  this.timeout(60000);
  let m: Matrix;
  let tmp: string;
  before(async () => {
    m = await startMatrix();
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tls-doctor-enrich-'));
  });
  after(async () => {
    await m?.close();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  const cases: readonly [Scenario, string, EndpointVerdict['remedy'], EndpointVerdict['verdict']][] = [
    ['root-sent', 'untrusted-root', 'trust-ca', 'fail'],
    ['root-not-sent', 'untrusted-root', 'trust-ca', 'fail'],
    ['self-signed', 'self-signed', 'trust-ca', 'fail'],
    ['expired', 'expired', 'renew', 'fail'],
    ['wrong-host', 'hostname-mismatch', 'fix-hostname', 'fail'],
    ['incomplete-chain', 'incomplete-chain', 'fix-chain', 'fail'],
    ['not-tls', 'not-tls', 'none', 'unreachable'],
    ['closed', 'connection-refused', 'none', 'unreachable'],
  ];

  it('gives each Python finding the cause and remedy of the endpoint it calls', async () => {
    const code = pythonFixture(
      m.urls,
      cases.map((c) => c[0]),
    );
    const got = await verdicts(code, 'client.py', {});
    assert.strictEqual(got.length, cases.length);
    cases.forEach(([scenario, cause, remedy, verdict], i) => {
      const v = got[i];
      assert.strictEqual(v.url, `${m.urls[scenario]}health`, scenario);
      assert.ok(v.causes.includes(cause as never), `${scenario}: expected ${cause} in ${v.causes.join(',')}`);
      assert.deepStrictEqual([v.remedy, v.verdict], [remedy, verdict], `${scenario}: ${v.summary}`);
      assert.match(v.summary, new RegExp(`\\[${cause}\\]`), scenario);
    });
    const [rootSent, rootNotSent, selfSigned] = got;
    assert.match(rootSent.ca?.subject ?? '', /Root/i);
    assert.strictEqual(rootSent.store, 'certifi');
    assert.strictEqual(rootNotSent.ca, undefined, 'the root was not sent: nothing to offer as the CA');
    assert.ok(selfSigned.ca?.pem.includes('BEGIN CERTIFICATE'));
  });

  it('recommends removing the flag when the client already trusts the endpoint (REQUESTS_CA_BUNDLE)', async () => {
    const code = pythonFixture(m.urls, ['ok']);
    const [v] = await verdicts(code, 'client.py', { REQUESTS_CA_BUNDLE: m.rootFile });
    assert.deepStrictEqual([v.verdict, v.remedy, v.store], ['ok', 'remove-flag', 'REQUESTS_CA_BUNDLE']);
    assert.match(v.summary, /verifies with default trust \(REQUESTS_CA_BUNDLE\)/);
    assert.ok(v.daysToExpiry !== undefined && v.daysToExpiry >= 28 && v.daysToExpiry <= 31, `days: ${v.daysToExpiry}`);
  });

  it("judges a Node finding by Node's store (NODE_EXTRA_CA_CERTS), not certifi", async () => {
    const code = `const https = require('https');\nconst API = '${m.urls.ok.replace(/\/$/, '')}';\nhttps.get(\`\${API}/x\`, { agent: new https.Agent({ rejectUnauthorized: false }) });\n`;
    const [trusted] = await verdicts(code, 'client.js', { NODE_EXTRA_CA_CERTS: m.rootFile });
    assert.deepStrictEqual([trusted.remedy, trusted.store], ['remove-flag', 'NODE_EXTRA_CA_CERTS']);
    const [untrusted] = await verdicts(code, 'client.js', { REQUESTS_CA_BUNDLE: m.rootFile });
    assert.deepStrictEqual([untrusted.remedy, untrusted.store], ['trust-ca', 'node']);
  });

  it('the trust-CA remedy makes a real requests call succeed with verification on', async () => {
    const srv = await ownServer(m.pki.leaf(), [m.pki.intermediate.certPem, m.rootPem]);
    try {
      const [v] = await verdicts(pythonFixture({ 'root-sent': srv.url }, ['root-sent']), 'client.py', {});
      assert.strictEqual(v.remedy, 'trust-ca');
      assert.ok(v.ca, 'the probe offers the root the server sent');
      const bundle = path.join(tmp, 'bundle.pem');
      await fs.writeFile(bundle, createBundle([v.ca.pem]));
      const before = await python(GET, [v.url, 'default']);
      assert.notStrictEqual(before.code, 0);
      assert.match(before.out, /CERTIFICATE_VERIFY_FAILED/);
      const after = await python(GET, [v.url, bundle]);
      assert.strictEqual(after.code, 0, after.out);
      assert.match(after.out, /status 200/);
    } finally {
      await srv.close();
    }
  });

  it('trusting the self-signed certificate itself makes requests succeed', async () => {
    const srv = await ownServer(m.pki.leaf({ selfSigned: true }), []);
    try {
      const [v] = await verdicts(pythonFixture({ 'self-signed': srv.url }, ['self-signed']), 'client.py', {});
      assert.deepStrictEqual([v.causes, v.remedy], [['self-signed'], 'trust-ca']);
      const pem = path.join(tmp, 'server.pem');
      await fs.writeFile(pem, v.ca?.pem ?? '');
      const r = await python(GET, [v.url, pem]);
      assert.strictEqual(r.code, 0, r.out);
      assert.match(r.out, /status 200/);
    } finally {
      await srv.close();
    }
  });
});
