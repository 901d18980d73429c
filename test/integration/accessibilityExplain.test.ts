// The Explain panel (tlsDoctor.explainError) inside the real workbench, for keyboard and screen-reader users: axe-core
// finds no serious or critical violation in the default and High Contrast themes, and Tab alone reaches the Check
// button, every Copy button and every disclosure (causes, other clients' fixes, the quoted message). Screenshots for
// review go to test-results/screenshots/. The runner runs axe in the webview's frame (scripts/vscode-test/axe.mjs).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, canScreenshot, clearNotifications, sleep, waitFor } from './helpers';
import { AXE_MARKER, AxeResult, reviewShot } from './native';

/** The Explain page (the check report has no `header.explain`). */
const EXPLAIN_PAGE = 'header.summary.explain .verdict[role="status"]';

/** A Node.js client's message for a self-signed chain: several causes, fixes with snippets, other clients folded. */
const MESSAGE = [
  'node:internal/process/promises:391',
  'Error: self-signed certificate in certificate chain',
  '    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34)',
  "  code: 'SELF_SIGNED_CERT_IN_CHAIN'",
  'FetchError: request to https://127.0.0.1:8443/health failed, reason: self-signed certificate in certificate chain',
  '  host: 127.0.0.1, port: 8443',
].join('\n');

type Scanned = Extract<AxeResult, { violations: unknown }>;

function serious(result: Scanned): string[] {
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.join(' | ')})`);
}

/**
 * native.axeScan with every disclosure opened first (`openAll`, see scripts/vscode-test/axe.mjs): the closed cause
 * cards hold Copy buttons and summaries that Tab must reach once opened. Undefined when no runner can scan.
 */
async function axeScanOpen(selector: string, timeoutMs = 60_000): Promise<AxeResult | undefined> {
  if (!canScreenshot()) return undefined;
  const ack = path.join(os.tmpdir(), `tls-doctor-axe-explain-${process.pid}-${Date.now()}.ack`);
  console.log(`${AXE_MARKER} ${JSON.stringify({ selector, ack, openAll: true })}`);
  const raw = await waitFor(
    () => fs.existsSync(ack) && fs.readFileSync(ack, 'utf8'),
    timeoutMs,
    `axe scan of ${selector}`,
  );
  fs.rmSync(ack, { force: true });
  return JSON.parse(raw) as AxeResult;
}

/** Runs the scan, or skips the test with the runner's reason; fails on a runner error. */
async function scanOrSkip(ctx: Mocha.Context): Promise<Scanned> {
  const result = await axeScanOpen(EXPLAIN_PAGE);
  if (!result) ctx.skip();
  if ('skipped' in result!) {
    console.log(`axe scan skipped: ${result.skipped}`);
    ctx.skip();
  }
  if ('error' in result!) assert.fail(`axe scan failed: ${result.error}`);
  return result as Scanned;
}

describe('accessibility: the Explain panel in the workbench', function () {
  this.timeout(180_000);

  before(async function () {
    if (!canScreenshot()) this.skip();
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const r = await vscode.commands.executeCommand<{ causes: unknown[] }>('tlsDoctor.explainError', MESSAGE);
    assert.ok(r && r.causes.length > 1, 'the message is recognised, with alternatives');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await clearNotifications();
    await sleep(1500); // let the webview paint
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('workbench')
      .update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('has no serious or critical axe-core violation, and every control is reached with Tab', async function () {
    await reviewShot('explain-panel');
    const result = await scanOrSkip(this);
    const minor = result.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
    if (minor.length) {
      console.log(`axe (minor/moderate, not failing): ${minor.map((v) => `${v.impact} ${v.id}`).join(', ')}`);
    }
    assert.deepStrictEqual(serious(result), []);
    console.log(`Tab order (${result.tabOrder.length}): ${result.tabOrder.join(' → ')}`);
    assert.ok(
      result.tabOrder.some((t) => t.startsWith('button[checkUrl]')),
      'the Check button is reached by Tab',
    );
    assert.ok(
      result.tabOrder.some((t) => t.startsWith('button[copy]')),
      'a Copy button is reached by Tab',
    );
    assert.ok(
      result.tabOrder.filter((t) => t.startsWith('button[copy]')).every((t) => / snippet$/.test(t)),
      'each Copy button is named after its snippet',
    );
    assert.ok(
      result.tabOrder.some((t) => /^summary: The message/.test(t)),
      'the quoted message disclosure is reached by Tab',
    );
    assert.ok(
      result.tabOrder.filter((t) => t.startsWith('summary')).length >= 2,
      'the cause disclosures are reached by Tab',
    );
    assert.ok(
      result.tabOrder.length >= result.focusable,
      `all ${result.focusable} enabled controls reached (got ${result.tabOrder.length})`,
    );
  });

  it('High Contrast: no serious or critical violation; screenshot kept for review', async function () {
    await vscode.workspace
      .getConfiguration('workbench')
      .update('colorTheme', 'Default High Contrast', vscode.ConfigurationTarget.Global);
    await sleep(1500);
    await reviewShot('explain-panel-high-contrast');
    const result = await scanOrSkip(this);
    assert.deepStrictEqual(serious(result), []);
  });
});
