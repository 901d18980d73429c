// `tls-doctor scan --probe --format json` over fixture code pointing at local TLS servers: findings with a
// resolvable endpoint get `endpoint: {url, verdict, causes, remedy}`, the others don't, and nothing else changes.
import * as assert from 'assert';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './cliHarness';
import { Matrix, startMatrix } from '../fixtures/tls';

describe('cli scan --probe', function () {
  this.timeout(60000);
  let m: Matrix;
  let dir: string;
  before(async () => {
    m = await startMatrix();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tls-doctor-scan-probe-'));
    const base = m.urls['root-sent'].replace(/\/$/, '');
    await fs.writeFile(
      path.join(dir, 'client.py'),
      [
        'import requests',
        `BILLING = "${base}"`,
        'requests.get(BILLING + "/invoices", verify=False)',
        'def f(url):',
        '    return requests.get(url, verify=False)',
        '',
      ].join('\n'),
    );
    await fs.writeFile(path.join(dir, 'fetch.sh'), `#!/bin/sh\ncurl -k ${m.urls.expired}data.json -o data.json\n`);
  });
  after(async () => {
    await m?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('adds the probe verdict to findings with a known endpoint', async () => {
    const r = await runCli(['scan', '--probe', '--format', 'json', '--fail-on', 'none', '.'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      version: number;
      findings: {
        ruleId: string;
        file: string;
        line: number;
        endpoint?: { url: string; verdict: string; causes: string[]; remedy: string };
      }[];
    };
    assert.strictEqual(out.version, 1);
    const byLine = (file: string, line: number) => out.findings.find((f) => f.file === file && f.line === line);
    const billing = byLine('client.py', 3);
    assert.deepStrictEqual(
      billing?.endpoint && { ...billing.endpoint, causes: billing.endpoint.causes.includes('untrusted-root') },
      { url: `${m.urls['root-sent']}invoices`, verdict: 'fail', causes: true, remedy: 'trust-ca' },
    );
    assert.ok(byLine('client.py', 5), 'the parameter-URL call is still reported');
    assert.strictEqual(byLine('client.py', 5)?.endpoint, undefined, 'no endpoint for a URL passed in as a parameter');
    const curl = out.findings.find((f) => f.file === 'fetch.sh');
    assert.strictEqual(curl?.endpoint?.verdict, 'fail');
    assert.ok(curl?.endpoint?.causes.includes('expired'), JSON.stringify(curl?.endpoint));
    assert.strictEqual(curl?.endpoint?.remedy, 'renew');
  });

  it('leaves the JSON unchanged without --probe', async () => {
    const r = await runCli(['scan', '--format', 'json', '--fail-on', 'none', '.'], dir);
    const out = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    assert.ok(out.findings.length >= 3);
    assert.ok(out.findings.every((f) => !('endpoint' in f)));
  });
});
