// `tls-doctor scan --probe` in CI (issue 16, item 5): bounded in time (--probe-timeout per check, --probe-budget for
// all), TLS_DOCTOR_PROBE_HOSTS respected before any socket opens, HTTPS_PROXY/NO_PROXY honoured, and the verdict in
// SARIF and text as well as JSON. Every server is local (127.0.0.1) and every run starts from an explicit environment.
import * as assert from 'assert';
import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { createTestPki, Matrix, startMatrix } from '../fixtures/tls';
import { isProbeHostAllowed, probeHostsAllowList } from '../../src/core/endpoints/probe-hosts';
import { runCliWith } from './cliHarness';

async function run(argv: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const started = Date.now();
  const r = await runCliWith(argv, { cwd, env });
  return { ...r, ms: Date.now() - started };
}

/** A server that counts connections; `tarpit` ones accept and never answer (the TLS handshake never completes). */
async function countingServer(server: net.Server) {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  server.on('connection', (s: net.Socket) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

type Ep = { url: string; verdict: string; causes: string[]; remedy: string; reason?: string };
type JsonOut = { findings: { file: string; line: number; endpoint?: Ep }[] };

describe('TLS_DOCTOR_PROBE_HOSTS parsing', () => {
  it('allows every host when unset, only the listed ones (trimmed, any case) when set, none when empty', () => {
    assert.strictEqual(probeHostsAllowList({}), undefined);
    assert.ok(isProbeHostAllowed('anything.test', probeHostsAllowList({})));
    const list = probeHostsAllowList({ TLS_DOCTOR_PROBE_HOSTS: ' Api.Internal , ,127.0.0.1' });
    assert.deepStrictEqual([...(list ?? [])], ['api.internal', '127.0.0.1']);
    assert.ok(isProbeHostAllowed('API.internal', list));
    assert.ok(!isProbeHostAllowed('other.internal', list));
    assert.ok(!isProbeHostAllowed('localhost', probeHostsAllowList({ TLS_DOCTOR_PROBE_HOSTS: '' })));
  });
});

describe('cli scan --probe in CI', function () {
  this.timeout(60000);
  let m: Matrix;
  let dir: string;
  let tarpit: Awaited<ReturnType<typeof countingServer>>;
  let tarpit2: Awaited<ReturnType<typeof countingServer>>;
  let counted: Awaited<ReturnType<typeof countingServer>>;
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, ...extra });
  const write = async (sub: string, files: Record<string, string>) => {
    const d = path.join(dir, sub);
    await fs.mkdir(d);
    for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(d, name), text);
    return d;
  };
  const pyGet = (url: string) => `import requests\nrequests.get("${url}", verify=False)\n`;

  before(async () => {
    m = await startMatrix();
    tarpit = await countingServer(net.createServer());
    tarpit2 = await countingServer(net.createServer());
    const leaf = createTestPki().leaf();
    const server = tls.createServer({ key: leaf.keyPem, cert: leaf.certPem }, (s) => s.end());
    server.on('tlsClientError', () => undefined);
    counted = await countingServer(server);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tls-doctor-scan-probe-ci-'));
  });
  after(async () => {
    await Promise.all([m?.close(), tarpit?.close(), tarpit2?.close(), counted?.close()]);
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('ends within --probe-budget against tarpits, reporting the rest "not checked", with the usual exit code', async () => {
    const d = await write('tarpit', {
      'a.py': pyGet(`https://127.0.0.1:${tarpit.port}/x`),
      'b.py': pyGet(`https://127.0.0.1:${tarpit2.port}/y`),
    });
    const plain = await run(['scan', '--format', 'json', '.'], d, env());
    const r = await run(
      ['scan', '--probe', '--probe-timeout', '20000', '--probe-budget', '400', '--format', 'json', '.'],
      d,
      env(),
    );
    assert.ok(r.ms < 400 + 3000, `took ${r.ms} ms`);
    assert.strictEqual(r.code, plain.code, 'the exit code follows the findings');
    assert.strictEqual(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.strictEqual(out.findings.length, 2);
    for (const f of out.findings) {
      assert.deepStrictEqual(
        f.endpoint && { verdict: f.endpoint.verdict, reason: f.endpoint.reason, causes: f.endpoint.causes },
        { verdict: 'not-checked', reason: 'probe budget exhausted', causes: [] },
        JSON.stringify(f),
      );
    }
    assert.ok(
      tarpit.connections >= 1 && tarpit2.connections >= 1,
      'both probes started and were cut off by the budget',
    );
  });

  it('bounds each check by --probe-timeout: a tarpit is unreachable, not a hang, well inside the budget', async () => {
    const d = await write('timeout', { 'a.py': pyGet(`https://127.0.0.1:${tarpit.port}/x`) });
    const r = await run(
      ['scan', '--probe', '--probe-timeout', '300', '--probe-budget', '30000', '--format', 'json', '.'],
      d,
      env(),
    );
    assert.ok(r.ms < 300 + 3000, `took ${r.ms} ms`);
    const [f] = (JSON.parse(r.stdout) as JsonOut).findings;
    assert.strictEqual(f.endpoint?.verdict, 'unreachable', JSON.stringify(f));
  });

  it('never connects to a host outside TLS_DOCTOR_PROBE_HOSTS', async () => {
    const d = await write('allow', { 'a.py': pyGet(`https://127.0.0.1:${counted.port}/x`) });
    const before = counted.connections;
    const r = await run(
      ['scan', '--probe', '--format', 'json', '.'],
      d,
      env({ TLS_DOCTOR_PROBE_HOSTS: 'example.test, other.test' }),
    );
    const [f] = (JSON.parse(r.stdout) as JsonOut).findings;
    assert.deepStrictEqual(f.endpoint, {
      url: `https://127.0.0.1:${counted.port}/x`,
      verdict: 'not-checked',
      causes: [],
      remedy: 'none',
      reason: 'outside TLS_DOCTOR_PROBE_HOSTS',
    });
    assert.strictEqual(counted.connections, before, 'no socket reached the server');
    // Listed (case-insensitively, among others): probed, and the server sees the connection.
    const allowed = await run(
      ['scan', '--probe', '--format', 'json', '.'],
      d,
      env({ TLS_DOCTOR_PROBE_HOSTS: 'example.test,127.0.0.1' }),
    );
    const [g] = (JSON.parse(allowed.stdout) as JsonOut).findings;
    assert.strictEqual(g.endpoint?.verdict, 'fail', JSON.stringify(g));
    assert.ok(counted.connections > before);
  });

  it('goes through HTTPS_PROXY, and not for NO_PROXY hosts', async () => {
    const d = await write('proxy', { 'a.py': pyGet(`${m.urls.expired}data`) });
    const before = m.proxyLog.length;
    const via = await run(['scan', '--probe', '--format', 'json', '.'], d, env({ HTTPS_PROXY: m.proxyUrl }));
    const [f] = (JSON.parse(via.stdout) as JsonOut).findings;
    assert.ok(f.endpoint?.causes.includes('expired'), JSON.stringify(f));
    assert.ok(m.proxyLog.length > before, 'the probe was tunnelled');
    const after = m.proxyLog.length;
    const direct = await run(
      ['scan', '--probe', '--format', 'json', '.'],
      d,
      env({ HTTPS_PROXY: m.proxyUrl, NO_PROXY: '127.0.0.1' }),
    );
    assert.ok((JSON.parse(direct.stdout) as JsonOut).findings[0].endpoint?.causes.includes('expired'));
    assert.strictEqual(m.proxyLog.length, after, 'NO_PROXY host connected directly');
  });

  it('carries the verdict in SARIF (properties.tlsDoctor.endpoint and one sentence in the message)', async () => {
    const d = await write('sarif', {
      'a.py': pyGet(`${m.urls.expired}data`),
      'b.py': 'import requests\ndef f(u):\n    return requests.get(u, verify=False)\n',
    });
    const r = await run(['scan', '--probe', '--format', 'sarif', '--fail-on', 'none', '.'], d, env());
    assert.strictEqual(r.code, 0, r.stderr);
    type Res = {
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      properties?: { tlsDoctor?: { endpoint?: Ep } };
    };
    const results = (JSON.parse(r.stdout) as { runs: { results: Res[] }[] }).runs[0].results;
    const of = (uri: string) => results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === uri);
    const a = of('a.py');
    assert.strictEqual(a?.properties?.tlsDoctor?.endpoint?.url, `${m.urls.expired}data`);
    assert.strictEqual(a?.properties?.tlsDoctor?.endpoint?.verdict, 'fail');
    assert.ok(a?.properties?.tlsDoctor?.endpoint?.causes.includes('expired'));
    assert.strictEqual(a?.properties?.tlsDoctor?.endpoint?.remedy, 'renew');
    assert.match(a?.message.text ?? '', /\. Probe: \S+ fails verification \(.*expired.*; remedy: renew\)\.$/);
    const b = of('b.py');
    assert.ok(b, 'the parameter-URL finding is still there');
    assert.strictEqual(b?.properties, undefined);
    assert.doesNotMatch(b?.message.text ?? '', /Probe:/);
    const plain = await run(['scan', '--format', 'sarif', '--fail-on', 'none', '.'], d, env());
    const plainResults = (JSON.parse(plain.stdout) as { runs: { results: Res[] }[] }).runs[0].results;
    assert.ok(
      plainResults.every((x) => x.properties === undefined && !x.message.text.includes('Probe:')),
      'no probe, no endpoint',
    );
  });

  it('adds an indented probe line under the finding in text output', async () => {
    const d = await write('text', { 'a.py': pyGet(`https://127.0.0.1:${counted.port}/x`) });
    const r = await run(['scan', '--probe', '.'], d, env({ TLS_DOCTOR_PROBE_HOSTS: 'nowhere.test' }));
    const lines = r.stdout.trimEnd().split('\n');
    assert.strictEqual(lines.length, 3, r.stdout);
    assert.match(lines[0], /^a\.py:2:\d+ /);
    assert.strictEqual(
      lines[1],
      `    Probe: https://127.0.0.1:${counted.port}/x not checked: outside TLS_DOCTOR_PROBE_HOSTS.`,
    );
    assert.match(lines[2], /^1 finding /);
  });

  it('rejects bad probe flags with exit 2', async () => {
    const d = await write('flags', { 'a.py': 'x = 1\n' });
    for (const argv of [
      ['--probe', '--probe-budget', '0'],
      ['--probe', '--probe-timeout', '999999'],
      ['--probe', '--probe-budget', 'soon'],
      ['--probe-timeout', '100'],
    ]) {
      const r = await run(['scan', ...argv, '.'], d, env());
      assert.strictEqual(r.code, 2, argv.join(' '));
      assert.match(r.stderr, /--probe/);
    }
  });
});
