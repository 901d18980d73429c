// The endpoints feature in a real VS Code (trusted workspace): a finding whose code calls a local server with a
// private root gets a "Probe endpoint" CodeLens; probing appends the verdict and cause code to the diagnostic;
// "Check all" lists the endpoint with days to expiry (and warns: the leaf expires within the warning window);
// `auto` probes in the background after a scan. Only 127.0.0.1 may be probed (TLS_DOCTOR_PROBE_HOSTS), so fixture
// files that mention other hosts never make the test connect anywhere else.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { CountingServer, countingServer, openRewritten, privatePki, tempDir } from './endpoints.fixture';
import { ProbeService } from '../../src/extension/endpoints/service';
import { activateExtension, screenshot, sleep, tlsDiagnostics, waitFor } from './helpers';

type ProbeResult = {
  url: string;
  verdict: string;
  causes: string[];
  findings: { remedy: string; summary: string; causes: string[] }[];
};
type CheckAllEntry = { key: string; verdict?: string; causes: string[]; daysToExpiry?: number; expiring: boolean };

describe('endpoints: probe referenced endpoints (trusted)', function () {
  this.timeout(60_000);
  let server: CountingServer;
  let tmp: string;
  const savedAllow = process.env.TLS_DOCTOR_PROBE_HOSTS;

  before(async () => {
    process.env.TLS_DOCTOR_PROBE_HOSTS = '127.0.0.1';
    await activateExtension();
    tmp = tempDir();
    const pki = privatePki(tmp, 10); // expires within the default 30-day warning window
    server = await countingServer(pki.key, pki.chain);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('probe.referencedEndpoints', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    if (savedAllow === undefined) delete process.env.TLS_DOCTOR_PROBE_HOSTS;
    else process.env.TLS_DOCTOR_PROBE_HOSTS = savedAllow;
  });

  it('offers "Probe endpoint", and probing adds the verdict and cause to the diagnostic', async () => {
    const doc = await openRewritten('billing.py', 'billing_live.py', { __PRIVATE_ROOT_URL__: server.url });
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('verify=False'));
    await waitFor(
      () => tlsDiagnostics(doc.uri).some((d) => d.range.start.line === line),
      15_000,
      'the verify=False finding',
    );
    const lenses = await waitFor(
      async () => {
        const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
        return all.filter((l) => l.command?.command === 'tlsDoctor.probeEndpoint');
      },
      10_000,
      'a Probe endpoint CodeLens',
    );
    assert.strictEqual(lenses[0].range.start.line, line);
    assert.match(lenses[0].command?.title ?? '', new RegExp(`Probe endpoint 127\\.0\\.0\\.1:${server.port}`));
    assert.strictEqual(server.accepted(), 0, 'nothing connects before the user asks (onDemand)');

    const r = await vscode.commands.executeCommand<ProbeResult>(
      lenses[0].command!.command,
      ...(lenses[0].command!.arguments ?? []),
    );
    assert.strictEqual(r.url, `${server.url}/invoices`);
    assert.strictEqual(r.verdict, 'fail');
    assert.ok(r.causes.includes('untrusted-root'), r.causes.join(','));
    assert.strictEqual(r.findings[0].remedy, 'trust-ca');
    assert.ok(server.accepted() > 0);

    const d = await waitFor(
      () => tlsDiagnostics(doc.uri).find((x) => x.range.start.line === line && x.message.includes('[untrusted-root]')),
      10_000,
      'the enriched diagnostic',
    );
    assert.match(d.message, /TLS Doctor IT Private Root/);
    assert.match(d.message, /trust that CA/);
    assert.ok(
      d.relatedInformation?.some((ri) => /remedy: trust-ca/.test(ri.message)),
      'related information names the remedy',
    );
    // For the README: the enriched diagnostic's hover on the verify=False line, with the verdict CodeLens above it.
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(d.range.start, d.range.start);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1500);
    await screenshot('endpoints-probe-verdict');
  });

  it('"Check all" lists the endpoint with its verdict, days to expiry and an expiry warning', async () => {
    const results = await vscode.commands.executeCommand<CheckAllEntry[]>('tlsDoctor.endpoints.checkAll', {
      hosts: ['127.0.0.1'],
    });
    const mine = results.find((e) => e.key === `127.0.0.1:${server.port}`);
    assert.ok(mine, `endpoint listed in ${JSON.stringify(results.map((e) => e.key))}`);
    assert.strictEqual(mine.verdict, 'fail');
    assert.ok(
      mine.daysToExpiry !== undefined && mine.daysToExpiry >= 8 && mine.daysToExpiry <= 10,
      `days: ${mine.daysToExpiry}`,
    );
    assert.strictEqual(mine.expiring, true);
    assert.ok(
      results.every((e) => e.key.startsWith('127.0.0.1:')),
      'only allowed hosts were checked',
    );
  });

  it('the endpoints list follows files: a new file adds its endpoint, deleting it removes the endpoint', async () => {
    const key = `127.0.0.1:${server.port}`;
    const keys = async () =>
      (
        (await vscode.commands.executeCommand<CheckAllEntry[]>('tlsDoctor.endpoints.checkAll', {
          hosts: ['127.0.0.1'],
        })) ?? []
      ).map((e) => e.key);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(folder, 'endpoints', 'extra_live.py');
    const other = `127.0.0.1:${server.port + 1}`;
    await vscode.workspace.fs.writeFile(file, Buffer.from(`API = "https://${other}/health"\n`));
    await waitFor(async () => (await keys()).includes(other), 15_000, `${other} listed after the file was created`);
    await vscode.workspace.fs.delete(file);
    await waitFor(async () => !(await keys()).includes(other), 15_000, `${other} gone after the file was deleted`);
    assert.ok((await keys()).includes(key), 'endpoints of other files stay');
  });

  it('the endpoints list leaves out files created in excluded folders, as the first inventory does', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const excluded = vscode.Uri.joinPath(folder, 'build', 'generated_live.py'); // build/ is a built-in exclude
    const included = vscode.Uri.joinPath(folder, 'endpoints', 'kept_live.py');
    const hosts = async () =>
      (await vscode.commands.executeCommand<{ host: string }[]>('tlsDoctor.endpoints.list')).map((e) => e.host);
    await vscode.workspace.fs.writeFile(excluded, Buffer.from('API = "https://generated.test/api"\n'));
    await vscode.workspace.fs.writeFile(included, Buffer.from('API = "https://kept.test/api"\n'));
    try {
      await waitFor(
        async () => (await hosts()).includes('kept.test'),
        15_000,
        'kept.test listed after its file was created',
      );
      await sleep(500); // the excluded file's event came first; give its (skipped) reload time to land
      assert.ok(!(await hosts()).includes('generated.test'), 'a file under build/ adds no endpoint');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'build'), { recursive: true });
      await vscode.workspace.fs.delete(included);
    }
  });

  it('keeps endpoint results across a window reload (workspaceState), as the last result but never as a fresh one', () => {
    const kept = {
      report: {
        url: 'https://kept.test/',
        host: 'kept.test',
        port: 443,
        verdict: 'fail',
        causes: [{ code: 'untrusted-root', message: 'x', fixes: [] }],
        chain: [],
        trust: {},
      },
      at: Date.now() - 3_600_000,
    };
    const store = new Map<string, unknown>([
      ['tlsDoctor.endpoints.lastReports', { 'kept.test:443': kept, 'junk.test:443': { at: 'no' } }],
    ]);
    const memento = {
      keys: () => [...store.keys()],
      get: <T>(k: string) => store.get(k) as T,
      update: async (k: string, v: unknown) => {
        store.set(k, v);
      },
    } as vscode.Memento;
    const quiet = () => undefined;
    const log = {
      info: quiet,
      warn: quiet,
      error: quiet,
      debug: quiet,
      trace: quiet,
    } as unknown as vscode.LogOutputChannel;
    const probes = new ProbeService(log, memento);
    try {
      assert.strictEqual(
        probes.last({ host: 'kept.test', port: 443 })?.at,
        kept.at,
        'the report from before the reload is the last result',
      );
      assert.strictEqual(
        probes.verdict({ host: 'kept.test', port: 443 }, 'python.requests-verify-false')?.causes[0],
        'untrusted-root',
      );
      assert.strictEqual(probes.last({ host: 'junk.test', port: 443 }), undefined, 'a damaged entry is dropped');
    } finally {
      probes.dispose();
    }
  });

  it('lists object-style Node calls, https.request({ host, port }), in the TLS Endpoints view', async () => {
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'endpoints', 'object_call.js');
    await vscode.workspace.fs.writeFile(
      file,
      Buffer.from(
        "const https = require('https');\nhttps.request({ host: 'objcall.test', port: 20443, rejectUnauthorized: false }).end();\n",
      ),
    );
    try {
      const list = await waitFor(
        async () => {
          const l = await vscode.commands.executeCommand<{ key: string; uses: number }[]>('tlsDoctor.endpoints.list');
          return l.some((e) => e.key === 'objcall.test:20443') ? l : undefined;
        },
        15_000,
        'objcall.test:20443 in the endpoints list',
      );
      assert.strictEqual(list.find((e) => e.key === 'objcall.test:20443')?.uses, 1);
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });

  it('lists the workspace endpoints without connecting (what the dev-certificate prompt draws local hosts from)', async () => {
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'endpoints', 'dev_live.py');
    await vscode.workspace.fs.writeFile(file, Buffer.from('BILLING = "https://billing.test:8443/api"\n'));
    try {
      const before = server.accepted();
      const list = await waitFor(
        async () => {
          const l =
            await vscode.commands.executeCommand<{ host: string; port: number; uses: number }[]>(
              'tlsDoctor.endpoints.list',
            );
          return l.some((e) => e.host === 'billing.test') ? l : undefined;
        },
        15_000,
        'billing.test in the endpoints list',
      );
      assert.deepStrictEqual(
        list.filter((e) => e.host === 'billing.test').map((e) => [e.port, e.uses]),
        [[8443, 1]],
      );
      assert.strictEqual(server.accepted(), before, 'listing opens no connection');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });

  it('auto mode probes in the background after a scan', async () => {
    await vscode.workspace
      .getConfiguration('tlsDoctor')
      .update('probe.referencedEndpoints', 'auto', vscode.ConfigurationTarget.Workspace);
    const second = await countingServer(
      ...(() => {
        const p = privatePki(tempDir(), 90);
        return [p.key, p.chain] as const;
      })(),
    );
    try {
      const doc = await openRewritten('status.js', 'status_live.js', { __STATUS_URL__: second.url });
      const d = await waitFor(
        () => tlsDiagnostics(doc.uri).find((x) => x.message.includes('[untrusted-root]')),
        20_000,
        'a diagnostic enriched without a command',
      );
      assert.match(d.message, new RegExp(`127\\.0\\.0\\.1:${second.port}`));
      assert.ok(second.accepted() > 0);
    } finally {
      await second.close();
    }
  });
});
