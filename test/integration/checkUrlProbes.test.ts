// "Check TLS for URL" probes through the shared ProbeService: the allow-list (and so the trust guard) applies to it,
// an explicit check always makes a new connection (never a cached report), and its report reaches the other
// features (the "Probe endpoint" lens of a finding on the same host:port shows the verdict with no probe of its own).
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CheckReport } from '../../src/core/tls/types';
import { countingServer, CountingServer, openRewritten, privatePki, tempDir } from './endpoints.fixture';
import { activateExtension, tlsDiagnostics, waitFor, workspacePath } from './helpers';

describe('checkUrl goes through the ProbeService', function () {
  this.timeout(60_000);
  let server: CountingServer;
  const saved = process.env.TLS_DOCTOR_PROBE_HOSTS;

  before(async () => {
    await activateExtension();
    const pki = privatePki(tempDir(), 30);
    server = await countingServer(pki.key, pki.chain);
  });

  after(async () => {
    await server.close();
    if (saved === undefined) delete process.env.TLS_DOCTOR_PROBE_HOSTS;
    else process.env.TLS_DOCTOR_PROBE_HOSTS = saved;
    fs.rmSync(workspacePath('endpoints/status_checkurl.js'), { force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('refuses a host the allow-list leaves out, without connecting', async () => {
    process.env.TLS_DOCTOR_PROBE_HOSTS = 'only-this.invalid';
    const report = await vscode.commands.executeCommand<CheckReport | undefined>(
      'tlsDoctor.checkUrl',
      `${server.url}/`,
    );
    assert.strictEqual(report, undefined);
    assert.strictEqual(server.accepted(), 0, 'no connection');
  });

  it("connects anew on every explicit check, and its report feeds the finding's lens", async () => {
    process.env.TLS_DOCTOR_PROBE_HOSTS = '127.0.0.1';
    const doc = await openRewritten('status.js', 'status_checkurl.js', { __STATUS_URL__: server.url });
    await waitFor(() => tlsDiagnostics(doc.uri).length > 0, 15_000, 'the finding in the copied fixture');
    const first = await vscode.commands.executeCommand<CheckReport | undefined>(
      'tlsDoctor.checkUrl',
      `${server.url}/status`,
    );
    assert.strictEqual(first?.verdict, 'fail');
    const afterFirst = server.accepted();
    assert.ok(afterFirst > 0, 'the first check connected');
    const second = await vscode.commands.executeCommand<CheckReport | undefined>(
      'tlsDoctor.checkUrl',
      `${server.url}/status`,
    );
    assert.strictEqual(second?.verdict, 'fail');
    assert.ok(
      server.accepted() > afterFirst,
      'the second check connected again: no cached report for an explicit check',
    );
    const title = await waitFor(
      async () => {
        const lenses =
          (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
        return lenses.map((l) => l.command?.title ?? '').find((t) => t.includes(`127.0.0.1:${server.port}: fail`));
      },
      10_000,
      "the lens to show the check's verdict",
    );
    assert.match(title, /untrusted-root/);
  });
});
