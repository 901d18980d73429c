// The Check TLS panel inside the real workbench, for keyboard and screen-reader users: axe-core finds no serious
// or critical violation (default and High Contrast themes), every button and disclosure is reached with Tab alone,
// and a High Contrast screenshot is kept for people to look at (test-results/screenshots/). The runner runs axe in
// the webview's frame (scripts/vscode-test/axe.mjs); the test skips, saying why, when it can't.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, canScreenshot, sleep } from './helpers';
import { AxeResult, axeScan, reviewShot, selfSignedServer } from './native';

/** The Check panel's report page (a selector only our page matches). */
const CHECK_PAGE = 'header.summary .verdict[role="status"]';

function serious(result: AxeResult): string[] {
  if (!('violations' in result)) return [];
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.join(' | ')})`);
}

/** Runs the scan, or skips the test with the runner's reason; fails on a runner error. */
async function scanOrSkip(ctx: Mocha.Context): Promise<Extract<AxeResult, { violations: unknown }>> {
  const result = await axeScan(CHECK_PAGE);
  if (!result) ctx.skip(); // desktop test-electron run: no page access
  if ('skipped' in result!) {
    console.log(`axe scan skipped: ${result.skipped}`);
    ctx.skip();
  }
  if ('error' in result!) assert.fail(`axe scan failed: ${result.error}`);
  return result as Extract<AxeResult, { violations: unknown }>;
}

describe('accessibility: the Check TLS panel in the workbench', function () {
  this.timeout(180_000);
  let server: Awaited<ReturnType<typeof selfSignedServer>>;

  before(async function () {
    if (!canScreenshot()) this.skip();
    await activateExtension();
    server = await selfSignedServer();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const report = await vscode.commands.executeCommand<{ verdict: string }>('tlsDoctor.checkUrl', server.url);
    assert.strictEqual(report?.verdict, 'fail');
    await sleep(1000);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('workbench')
      .update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await server?.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('has no serious or critical axe-core violation, and every control is reached with Tab', async function () {
    const result = await scanOrSkip(this);
    const minor = result.violations.filter((v) => !serious({ ...result, violations: [v] }).length);
    if (minor.length) {
      console.log(`axe (minor/moderate, not failing): ${minor.map((v) => `${v.impact} ${v.id}`).join(', ')}`);
    }
    assert.deepStrictEqual(serious(result), []);
    console.log(`Tab order (${result.tabOrder.length}): ${result.tabOrder.join(' → ')}`);
    assert.ok(
      result.tabOrder.some((t) => t.startsWith('button[recheck]')),
      'Re-check is reached by Tab',
    );
    assert.ok(
      result.tabOrder.some((t) => t.startsWith('a:')),
      'the section links are reached by Tab',
    );
    assert.ok(
      result.tabOrder.some((t) => t.startsWith('summary')),
      'the cause and PEM disclosures are reached by Tab',
    );
    assert.ok(
      result.tabOrder.length >= result.focusable,
      `all ${result.focusable} enabled controls reached (got ${result.tabOrder.length})`,
    );
  });

  it('says in the page that the check ran on the remote machine (this extension host is remote)', async function () {
    if (!vscode.env.remoteName) this.skip();
    const result = await axeScan('p.remote[role="note"]');
    assert.ok(
      result && !('error' in result),
      `the remote note is in the page (${result && 'error' in result ? result.error : ''})`,
    );
  });

  it('High Contrast: no serious or critical violation; screenshot kept for review', async function () {
    await vscode.workspace
      .getConfiguration('workbench')
      .update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Global);
    await sleep(1500);
    await reviewShot('check-url-panel-high-contrast');
    const result = await scanOrSkip(this);
    assert.deepStrictEqual(serious(result), []);
  });
});
