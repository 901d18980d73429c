// Expiry monitoring handed to the Prometheus blackbox exporter: `tls-doctor endpoints --format prometheus` on a
// workspace that refers to a local TLS server, then Debian's blackbox_exporter, run with docs/examples/blackbox.yml's
// module (plus the test CA), probes each generated target and must report the leaf's notAfter as
// `probe_ssl_earliest_cert_expiry`.
import * as assert from 'assert';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { runCli } from '../cliHarness';
import { createTestPki } from '../../fixtures/tls';
import { cleanEnv, parseYaml, skipBecause, which } from './tools';

const ROOT = path.resolve(__dirname, '../../..');
const EXPORTER = 'prometheus-blackbox-exporter';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => {
            body += c;
          })
          .on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** Polls the exporter until it answers (it starts in well under a second). */
async function waitUp(base: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${EXPORTER} exited ${child.exitCode}:\n${log()}`);
    try {
      if ((await get(`${base}/-/healthy`)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${EXPORTER} did not start:\n${log()}`);
}

/** A metric's value in Prometheus text exposition format, or undefined. */
function metric(body: string, name: string): number | undefined {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(body);
  return m ? Number(m[1]) : undefined;
}

describe('endpoints --format prometheus with the blackbox exporter', function () {
  this.timeout(30_000);
  const skipReason = which(EXPORTER) ? undefined : `${EXPORTER} is not installed (apt-get install ${EXPORTER})`;
  let tmp = '';
  let server: tls.Server | undefined;
  let exporter: ChildProcess | undefined;
  let exporterLog = '';
  let base = '';
  let notAfter = 0;
  let tlsPort = 0;
  let pki: ReturnType<typeof createTestPki>;

  beforeEach(function () {
    if (skipReason) skipBecause(this, skipReason);
  });
  before(async () => {
    if (skipReason) return;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-blackbox-'));
    pki = createTestPki();
    const leaf = pki.leaf({ notAfter: new Date(Date.now() + 20 * 86_400_000) });
    notAfter = Math.floor(leaf.cert.validity.notAfter.getTime() / 1000);
    server = tls.createServer({ key: leaf.keyPem, cert: [leaf.certPem, pki.intermediate.certPem].join('\n') }, (s) =>
      s.end(),
    );
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    tlsPort = (server.address() as net.AddressInfo).port;

    // The documented module, with the test CA as its trust (as a team adds its internal CA).
    const caFile = path.join(tmp, 'ca.pem');
    fs.writeFileSync(caFile, pki.root.certPem);
    const config = parseYaml(fs.readFileSync(path.join(ROOT, 'docs/examples/blackbox.yml'), 'utf8')) as {
      modules: Record<string, { tcp: { tls_config: Record<string, unknown> } }>;
    };
    config.modules.tls_expiry.tcp.tls_config.ca_file = caFile;
    fs.writeFileSync(path.join(tmp, 'blackbox.yml'), JSON.stringify(config)); // JSON is YAML

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    fs.mkdirSync(path.join(tmp, 'home'));
    exporter = spawn(
      which(EXPORTER)!,
      [`--config.file=${path.join(tmp, 'blackbox.yml')}`, `--web.listen-address=127.0.0.1:${port}`],
      { env: cleanEnv(path.join(tmp, 'home')), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    exporter.stdout!.on('data', (c) => {
      exporterLog += c;
    });
    exporter.stderr!.on('data', (c) => {
      exporterLog += c;
    });
    await waitUp(base, exporter, () => exporterLog);
  });
  after(async () => {
    exporter?.kill();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the generated targets yield probe_ssl_earliest_cert_expiry = the leaf notAfter', async () => {
    const ws = path.join(tmp, 'ws');
    fs.mkdirSync(ws);
    fs.writeFileSync(
      path.join(ws, 'client.py'),
      `import requests\nAPI = "https://127.0.0.1:${tlsPort}/v1"\nrequests.get(API, verify=False)\n`,
    );
    const r = await runCli(['endpoints', '--format', 'prometheus'], ws);
    assert.strictEqual(r.code, 0, r.stderr);
    const groups = JSON.parse(r.stdout) as { targets: string[]; labels: Record<string, string> }[];
    assert.deepStrictEqual(
      groups.map((g) => g.targets),
      [[`127.0.0.1:${tlsPort}`]],
    );
    assert.strictEqual(groups[0].labels.tls_doctor_insecure, 'true');
    assert.strictEqual(groups[0].labels.tls_doctor_first_use, 'client.py:2');
    for (const v of Object.values(groups[0].labels)) {
      assert.strictEqual(typeof v, 'string', 'file_sd label values are strings');
    }

    const res = await get(`${base}/probe?module=tls_expiry&target=${encodeURIComponent(groups[0].targets[0])}`);
    assert.strictEqual(res.status, 200);
    assert.strictEqual(metric(res.body, 'probe_success'), 1, `${res.body}\n${exporterLog}`);
    assert.strictEqual(metric(res.body, 'probe_ssl_earliest_cert_expiry'), notAfter);
  });

  it('a certificate the module does not trust fails the probe: the module verifies the chain', async () => {
    const rogue = pki.leaf({ selfSigned: true }); // same key, no path to the CA the module trusts
    const other = tls.createServer({ key: rogue.keyPem, cert: rogue.certPem }, (sock) => sock.end());
    other.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const res = await get(
        `${base}/probe?module=tls_expiry&target=127.0.0.1:${(other.address() as net.AddressInfo).port}`,
      );
      assert.strictEqual(res.status, 200);
      assert.strictEqual(metric(res.body, 'probe_success'), 0, res.body);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
