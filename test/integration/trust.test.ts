// "Fix Trust for All Tools…" in the real workbench, driven as a user drives it (playwright clicks the modal's button
// and the checklist's rows): on a temporary HOME (the extension host's process.env, which the command reads), against
// a local HTTPS server whose chain ends at a test "inspection" root. The files change, curl and python3 verify ✓ in a
// new shell, Undo restores every byte. Then "Audit Tool Trust" lists a broken setting with its fix.
import * as assert from 'assert';
import { X509Certificate } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { InspectionServer, makeBareRepo, startInspectionServer } from '../unit/trust/server';
import {
  activateExtension,
  canScreenshot,
  clearNotifications,
  pageSteps,
  screenshot,
  waitFor,
  workspacePath,
} from './helpers';
import { walkthroughShot } from './native';

/** The variables the command reads; each test sets them and restores them. */
const VARS = ['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'PATH', 'TLS_DOCTOR_PROBE_HOSTS', 'NPM_CONFIG_USERCONFIG'];

/** A PATH with only the tools this test verifies (and bash for the new shell), so the checklist stays short. */
function toolsBin(dir: string): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  for (const t of ['bash', 'curl', 'python3', 'git', 'env']) {
    const real = ['/usr/bin', '/bin', '/usr/local/bin'].map((d) => path.join(d, t)).find((f) => fs.existsSync(f));
    if (real) fs.symlinkSync(real, path.join(bin, t));
  }
  return bin;
}

const ORIGINAL: Record<string, string> = {
  '.bashrc': "# my bashrc\nalias ll='ls -l'\n",
  '.profile': '# ~/.profile\n',
  '.curlrc': '# my curl defaults\n--connect-timeout 20\n',
  '.gitconfig': '[user]\n\tname = Test User\n',
};

const QUICK_ROW = '.quick-input-widget .quick-input-list .monaco-list-row';

describe('trust: Fix Trust for All Tools in the workbench (temp HOME, local inspection server)', function () {
  this.timeout(180_000);
  let dir: string;
  let home: string;
  let server: InspectionServer;
  const saved: Record<string, string | undefined> = {};

  before(async function () {
    if (!canScreenshot()) this.skip(); // the modal and the checklist are driven through the page
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-doctor-trust-it-'));
    home = path.join(dir, 'home');
    fs.mkdirSync(home);
    for (const [f, text] of Object.entries(ORIGINAL)) fs.writeFileSync(path.join(home, f), text);
    server = await startInspectionServer(makeBareRepo(dir));
    for (const v of VARS) saved[v] = process.env[v];
    process.env.HOME = home;
    delete process.env.XDG_CONFIG_HOME;
    delete process.env.XDG_DATA_HOME;
    delete process.env.NPM_CONFIG_USERCONFIG;
    process.env.PATH = toolsBin(dir);
    process.env.TLS_DOCTOR_PROBE_HOSTS = '127.0.0.1';
  });

  after(async () => {
    for (const v of VARS) {
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
    }
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('without a URL it offers the package hosts the workspace uses (its .npmrc registry first), a URL and a CA file', async () => {
    const run = vscode.commands.executeCommand<{ step: string }>('tlsDoctor.fixTrust');
    const [rows] = (await pageSteps([
      { do: 'wait', selector: QUICK_ROW, hasText: 'npm\\.internal\\.example' },
      { do: 'read', selector: QUICK_ROW },
    ]))!;
    assert.match(rows[0], /https:\/\/npm\.internal\.example\/.*\.npmrc/, rows.join(' | '));
    assert.ok(
      rows.some((r) => /registry\.npmjs\.org/.test(r)),
      'package.json: the public npm registry too',
    );
    assert.ok(rows.some((r) => /Another URL/.test(r)) && rows.some((r) => /A CA certificate file/.test(r)));
    await screenshot('trust-source');
    await pageSteps([{ do: 'press', key: 'Escape' }]);
    assert.strictEqual((await run)?.step, 'cancelled');
  });

  it('asks in a modal with the subject and fingerprint first; declined (VS Code refuses modals in tests), nothing is written', async () => {
    const outcome = await vscode.commands.executeCommand<{ step: string; consent?: string }>('tlsDoctor.fixTrust', {
      url: server.url,
    });
    const sha = new X509Certificate(server.pki.root.certPem).fingerprint256;
    assert.strictEqual(outcome?.step, 'declined');
    assert.ok(
      outcome.consent?.includes(`SHA-256: ${sha}`),
      `the modal shows the fingerprint ${sha}: ${outcome.consent}`,
    );
    assert.match(outcome.consent ?? '', /Subject: CN=TLS Doctor Test Root/);
    assert.ok(!fs.existsSync(path.join(home, '.local', 'share', 'tls-doctor')), 'nothing written without consent');
    for (const [f, text] of Object.entries(ORIGINAL)) {
      assert.strictEqual(fs.readFileSync(path.join(home, f), 'utf8'), text);
    }
  });

  it('once confirmed: the checklist, apply of the ticked tools, real verification, and Undo restores every byte', async () => {
    await clearNotifications();
    const sha = new X509Certificate(server.pki.root.certPem).fingerprint256;
    const run = vscode.commands.executeCommand<{
      step: string;
      tools?: string[];
      written?: string[];
      results?: { tool: string; status: string; detail?: string }[];
    }>('tlsDoctor.fixTrust', { url: server.url, confirmedSha256: [sha] });

    // 2. The checklist: every tool ticked, with its mechanism; untick git, look at curl's diff, accept.
    const [rows] = (await pageSteps([
      { do: 'wait', selector: '.quick-input-widget', hasText: 'Trust plan for' },
      { do: 'wait', selector: QUICK_ROW, hasText: 'curlrc' },
      { do: 'read', selector: QUICK_ROW },
    ]))!;
    assert.ok(
      rows.some((r) => /^curl/.test(r) && /\.curlrc cacert/.test(r)),
      `curl's row names its mechanism: ${rows.join(' | ')}`,
    );
    assert.ok(
      rows.some((r) => /^python/.test(r) && /REQUESTS_CA_BUNDLE/.test(r)),
      rows.join(' | '),
    );
    await screenshot('trust-checklist');
    await walkthroughShot('fix-trust');
    await pageSteps([
      { do: 'click', selector: `${QUICK_ROW} .quick-input-list-label`, hasText: '^git ' },
      { do: 'hover', selector: `${QUICK_ROW}:has-text("curlrc")` },
      { do: 'click', selector: `${QUICK_ROW}:has-text("curlrc") .quick-input-list-entry-action-bar .action-label` },
    ]);
    const diff = await waitFor(
      () =>
        vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'tls-doctor-trust')?.document.getText(),
      15_000,
      "curl's diff document",
    );
    assert.match(diff, /\+cacert = ".*bundle\.pem"/, diff);
    assert.match(diff, /--connect-timeout 20/, 'the diff shows the context of the existing file');
    await pageSteps([
      { do: 'click', selector: '.quick-input-widget .quick-input-action .monaco-button', hasText: 'OK' },
    ]);

    // 3. Applied and verified with the real tools: the results list with ✓ per tool, and Undo.
    const [results] = (await pageSteps([
      { do: 'wait', selector: '.quick-input-widget', hasText: 'tool\\(s\\) verified', timeoutMs: 90_000 },
      { do: 'read', selector: QUICK_ROW },
    ]))!;
    assert.ok(
      results.some((r) => /curl/.test(r) && /verified/.test(r)),
      results.join(' | '),
    );
    assert.ok(!results.some((r) => /^git/.test(r)), `git was unticked: ${results.join(' | ')}`);
    const curlrc = fs.readFileSync(path.join(home, '.curlrc'), 'utf8');
    assert.match(curlrc, /^--connect-timeout 20$/m, 'the existing line is kept');
    assert.match(curlrc, /^cacert = /m);
    assert.match(fs.readFileSync(path.join(home, '.bashrc'), 'utf8'), /# tls-doctor trust$/m);
    assert.strictEqual(fs.readFileSync(path.join(home, '.gitconfig'), 'utf8'), ORIGINAL['.gitconfig'], 'git unticked');
    await screenshot('trust-results');
    await pageSteps([{ do: 'click', selector: QUICK_ROW, hasText: 'Undo' }]);

    const outcome = await run;
    assert.strictEqual(outcome?.step, 'undone');
    assert.ok(outcome.tools?.includes('curl') && !outcome.tools.includes('git'), String(outcome.tools));
    const status = Object.fromEntries((outcome.results ?? []).map((r) => [r.tool, r.status]));
    assert.strictEqual(status.curl, 'ok', JSON.stringify(outcome.results));
    assert.strictEqual(status.python, 'ok', JSON.stringify(outcome.results));
    for (const [f, text] of Object.entries(ORIGINAL)) {
      assert.strictEqual(fs.readFileSync(path.join(home, f), 'utf8'), text, `${f} restored byte for byte`);
    }
    assert.ok(
      !fs.existsSync(path.join(home, '.local', 'share', 'tls-doctor', 'trust', 'bundle.pem')),
      'bundle removed',
    );
    assert.ok(!fs.existsSync(path.join(home, '.config', 'tls-doctor')), 'env folder removed');
  });

  it('the workspace scope: the checklist switches to the workspace plan; apply writes .env and launch.json there, verified, Undo restores them', async () => {
    const sha = new X509Certificate(server.pki.root.certPem).fingerprint256;
    const files = ['.env', '.vscode/launch.json'].map((f) => workspacePath(f));
    const before = files.map((f) => (fs.existsSync(f) ? fs.readFileSync(f) : undefined));
    const run = vscode.commands.executeCommand<{
      step: string;
      scope?: string;
      results?: { tool: string; status: string }[];
    }>('tlsDoctor.fixTrust', { url: server.url, confirmedSha256: [sha] });
    await pageSteps([
      { do: 'wait', selector: '.quick-input-widget', hasText: 'Trust plan for' },
      { do: 'click', selector: '.quick-input-titlebar .action-label[aria-label*="workspace instead"]' },
      { do: 'wait', selector: '.quick-input-widget', hasText: 'Trust plan for this workspace' },
      { do: 'wait', selector: QUICK_ROW, hasText: 'CURL_CA_BUNDLE' },
    ]);
    await screenshot('trust-checklist-workspace');
    await pageSteps([
      { do: 'hover', selector: QUICK_ROW, hasText: 'CURL_CA_BUNDLE' }, // away from the title button's tooltip
      { do: 'click', selector: '.quick-input-widget .quick-input-action .monaco-button', hasText: 'OK' },
      { do: 'wait', selector: '.quick-input-widget', hasText: 'tool\\(s\\) verified', timeoutMs: 90_000 },
    ]);
    const env = fs.readFileSync(workspacePath('.env'), 'utf8');
    assert.match(env, /^CURL_CA_BUNDLE=\.tls-doctor\/trust\/bundle\.pem$/m);
    assert.ok(fs.existsSync(workspacePath('.tls-doctor/trust/bundle.pem')), 'the bundle is in the workspace');
    assert.ok(!fs.existsSync(path.join(home, '.local', 'share', 'tls-doctor')), 'nothing in HOME');
    await pageSteps([{ do: 'click', selector: QUICK_ROW, hasText: 'Undo' }]);
    const outcome = await run;
    assert.strictEqual(outcome?.scope, 'workspace');
    assert.strictEqual(outcome.step, 'undone');
    const status = Object.fromEntries((outcome.results ?? []).map((r) => [r.tool, r.status]));
    assert.strictEqual(status.curl, 'ok', JSON.stringify(outcome.results));
    files.forEach((f, i) => assert.deepStrictEqual(fs.existsSync(f) ? fs.readFileSync(f) : undefined, before[i], f));
    assert.ok(!fs.existsSync(workspacePath('.tls-doctor')), 'what apply created is removed');
  });

  it("Check TLS offers it on the panel for an untrusted root; the button starts it with the report's root (no new probe)", async () => {
    const report = await vscode.commands.executeCommand<{ causes: { code: string }[] }>(
      'tlsDoctor.checkUrl',
      server.url,
    );
    assert.ok(
      report?.causes.some((c) => c.code === 'untrusted-root' || c.code === 'tls-inspection'),
      JSON.stringify(report?.causes.map((c) => c.code)),
    );
    await pageSteps([{ do: 'wait', selector: 'button[data-action="fixTrust"]', anyFrame: true }]);
    await screenshot('trust-check-panel');
    await pageSteps([
      { do: 'click', selector: 'button[data-action="fixTrust"]', hasText: 'Fix Trust for All Tools', anyFrame: true },
    ]);
    const outcome = await waitFor(
      async () => {
        // The previous test's run ended 'undone': wait for the run this button started.
        const o = await vscode.commands.executeCommand<{ step: string; consent?: string } | undefined>(
          'tlsDoctor.trust.lastOutcome',
        );
        return o?.step === 'declined' ? o : undefined;
      },
      20_000,
      'the run the panel button started',
    );
    const sha = new X509Certificate(server.pki.root.certPem).fingerprint256;
    assert.strictEqual(outcome.step, 'declined', 'the modal asked first (VS Code refuses it in tests)');
    assert.ok(outcome.consent?.includes(`SHA-256: ${sha}`), outcome.consent);
    assert.match(outcome.consent ?? '', new RegExp(`From: ${server.url.replace(/[.]/g, '\\.')}`));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Audit Tool Trust lists a setting that turns verification off, with its fix', async () => {
    fs.writeFileSync(path.join(home, '.curlrc'), '--insecure\n');
    try {
      const run = vscode.commands.executeCommand<{ where: string; message: string }[]>('tlsDoctor.auditTrust');
      const [rows] = (await pageSteps([
        { do: 'wait', selector: QUICK_ROW, hasText: 'curlrc insecure' },
        { do: 'read', selector: QUICK_ROW },
      ]))!;
      assert.ok(
        rows.some((r) => /curlrc insecure/.test(r) && /Fix Trust for All Tools/.test(r)),
        rows.join(' | '),
      );
      await screenshot('trust-audit');
      await pageSteps([{ do: 'press', key: 'Escape' }]);
      const findings = await run;
      assert.ok(
        findings?.some((f) => /\.curlrc insecure$/.test(f.where)),
        JSON.stringify(findings),
      );
    } finally {
      fs.writeFileSync(path.join(home, '.curlrc'), ORIGINAL['.curlrc']);
    }
  });
});
