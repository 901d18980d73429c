// "Explain with TLS Doctor" where the errors are: a Python script prints a requests traceback (CERTIFICATE_VERIFY_FAILED
// for 127.0.0.1:<port>) in the integrated terminal; the registered terminal link provider puts a link on the error
// lines and none on the frames; activating a link explains the whole block (the command line and every traceback
// line, recorded through shell integration) in the check panel, with Python requests' fix first; "Check <host>" then
// re-states it from the probe of a real local server with a self-signed certificate.
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activateExtension,
  clearNotifications,
  screenshot,
  selfSignedCert,
  sleep,
  terminalHover,
  waitFor,
} from './helpers';

interface LinkInfo {
  startIndex: number;
  length: number;
  tooltip?: string;
  text: string;
}
interface Explained {
  client: string | null;
  causes: {
    code: string;
    likelihood: string;
    message: string;
    fixes: { client: string; text: string; snippet?: string }[];
  }[];
  host: string | null;
  port: number | null;
  url?: string;
  text: string;
}

/** The traceback requests 2 prints on Python 3.12 for a self-signed chain (trimmed to the frames that matter). */
function traceback(port: number): string[] {
  const ssl =
    'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1000)';
  return [
    'Traceback (most recent call last):',
    '  File "/venv/lib/python3.12/site-packages/urllib3/connectionpool.py", line 466, in _make_request',
    '    self._validate_conn(conn)',
    ssl,
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    '  File "/app/fetch.py", line 3, in <module>',
    `    requests.get("https://127.0.0.1:${port}/health", timeout=5)`,
    '  File "/venv/lib/python3.12/site-packages/requests/adapters.py", line 698, in send',
    '    raise SSLError(e, request=request)',
    `requests.exceptions.SSLError: HTTPSConnectionPool(host='127.0.0.1', port=${port}): Max retries exceeded with url: /health (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1000)')))`,
  ];
}

const explainTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) =>
        t.input instanceof vscode.TabInputWebview &&
        /tlsDoctor\.check$/.test(t.input.viewType) &&
        t.label === 'TLS Error Explained',
    );

describe('explain: terminal links on a Python traceback', () => {
  let tmp: string;
  let server: https.Server;
  let port: number;
  let terminal: vscode.Terminal;
  let lines: string[];

  before(async function () {
    this.timeout(90_000);
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-doctor-explain-'));
    server = https.createServer(
      selfSignedCert(tmp, { cn: 'tls-doctor-explain.test', days: 30, san: 'IP:127.0.0.1' }),
      (_req, res) => res.end('ok\n'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    lines = traceback(port);
    const script = path.join(tmp, 'fetch.py');
    fs.writeFileSync(script, `import sys\nsys.stderr.write(${JSON.stringify(`${lines.join('\n')}\n`)})\nsys.exit(1)\n`);
    // A clean, explicit environment: the machine presets CA variables that have nothing to do with this test.
    terminal = vscode.window.createTerminal({ name: 'tls-doctor explain', shellPath: '/bin/bash', cwd: tmp }); // no shellArgs: VS Code injects shell integration only then
    terminal.show();
    const integration = await waitFor(() => terminal.shellIntegration, 30_000, 'shell integration in the terminal');
    const ended = new Promise<void>((resolve) => {
      const sub = vscode.window.onDidEndTerminalShellExecution((e) => {
        if (e.terminal === terminal) {
          sub.dispose();
          resolve();
        }
      });
    });
    integration.executeCommand(`python3 ${script}`);
    await ended;
    await sleep(300); // the last chunk of output reaches the reader after the end event
  });

  after(async () => {
    terminal?.dispose();
    await new Promise((resolve) => server?.close(resolve));
    fs.rmSync(tmp, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('puts an "Explain with TLS Doctor" link on the error lines, none on frames or blank lines', async () => {
    const errorLine = lines[lines.length - 1];
    const r = await vscode.commands.executeCommand<{ links: LinkInfo[] }>(
      'tlsDoctor.explain.terminalLinks',
      terminal,
      errorLine,
    );
    assert.strictEqual(r.links.length, 1);
    assert.deepStrictEqual(
      [r.links[0].startIndex, r.links[0].length, r.links[0].tooltip],
      [0, errorLine.length, 'Explain with TLS Doctor'],
    );
    for (const frame of [lines[1], lines[2], lines[5], '']) {
      const none = await vscode.commands.executeCommand<{ links: LinkInfo[] }>(
        'tlsDoctor.explain.terminalLinks',
        terminal,
        frame,
      );
      assert.deepStrictEqual(none.links, [], frame);
    }
  });

  it('explains the whole block: from the command line to the last traceback line, whichever error line is clicked', async () => {
    for (const at of [3, lines.length - 1]) {
      const r = await vscode.commands.executeCommand<{ links: LinkInfo[] }>(
        'tlsDoctor.explain.terminalLinks',
        terminal,
        lines[at],
      );
      const block = r.links[0].text.split('\n');
      assert.match(block[0], /^\$ python3 .*fetch\.py$/, 'the block starts at the command');
      assert.deepStrictEqual(block.slice(1), lines, `the block around line ${at} is the whole traceback`);
    }
  });

  it("activating the link opens the explanation with Python requests' fix first", async () => {
    const sslLine = lines[3]; // plain ssl wording: only the block says it is requests, and which host
    const r = await vscode.commands.executeCommand<{ opened: Explained }>(
      'tlsDoctor.explain.terminalLinks',
      terminal,
      sslLine,
      true,
    );
    const e = r.opened;
    assert.strictEqual(e.client, 'python-requests');
    assert.deepStrictEqual([e.host, e.port, e.url], ['127.0.0.1', port, `https://127.0.0.1:${port}/`]);
    assert.strictEqual(e.causes[0].likelihood, 'likely');
    assert.strictEqual(e.causes[0].code, 'self-signed');
    assert.strictEqual(
      e.causes[0].fixes[0].client,
      'python-requests',
      e.causes[0].fixes.map((f) => f.client).join(', '),
    );
    assert.match(e.causes[0].fixes[0].snippet ?? '', /REQUESTS_CA_BUNDLE=/);
    assert.ok(e.causes.slice(1).every((c) => c.likelihood === 'possible'));
    await waitFor(() => explainTabs()[0], 10_000, 'the explanation in the check panel');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await clearNotifications();
    await sleep(1500); // let the webview paint
    const png = await screenshot('explain-terminal-link');
    if (png) console.log(`screenshot: ${png}`);
  });

  it('explains the selection of an editor when called with no argument', async () => {
    const doc = await vscode.workspace.openTextDocument({
      content: ['build log: step 3', ...lines, 'build log: done'].join('\n'),
    });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 0, lines.length, lines[lines.length - 1].length);
    const r = await vscode.commands.executeCommand<Explained>('tlsDoctor.explainError');
    assert.strictEqual(r.text, lines.join('\n'));
    assert.deepStrictEqual(
      [r.client, r.causes[0].code, r.causes[0].fixes[0].client],
      ['python-requests', 'self-signed', 'python-requests'],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('in the real terminal UI: hovering the error line shows the link, ctrl+click opens the explanation', async () => {
    const config = vscode.workspace.getConfiguration('terminal.integrated');
    await config.update('gpuAcceleration', 'off', vscode.ConfigurationTarget.Global); // DOM rows the runner can find
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitFor(() => explainTabs().length === 0, 5_000, 'the panel to close');
      terminal.show();
      await sleep(1000);
      const hovered = await terminalHover('requests.exceptions.SSLError', true);
      if (!hovered) return; // desktop runs: no page to drive (helpers.terminalHover says so in the log)
      assert.match(hovered.hover, /Explain with TLS Doctor/);
      await waitFor(() => explainTabs()[0], 15_000, 'the explanation opened by the link');
    } finally {
      await config.update('gpuAcceleration', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('"Check <host>" probes the server and re-states the explanation from what it saw', async () => {
    const r = await vscode.commands.executeCommand<Explained & { checked?: { url: string; verdict: string } }>(
      'tlsDoctor.explainError',
      { text: lines.join('\n'), check: true },
    );
    assert.deepStrictEqual(r.checked, { url: `https://127.0.0.1:${port}/`, verdict: 'fail' });
    assert.ok(
      r.causes.length > 0 && r.causes.every((c) => c.likelihood === 'confirmed'),
      r.causes.map((c) => `${c.code}:${c.likelihood}`).join(', '),
    );
    assert.ok(r.causes.some((c) => c.code === 'self-signed'));
    assert.strictEqual(r.causes.find((c) => c.code === 'self-signed')?.fixes[0].client, 'python-requests');
    await waitFor(() => explainTabs()[0], 10_000, 'the re-stated explanation in the panel');
  });
});
