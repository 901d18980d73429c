// Helpers of the "feels native" tests: the axe-core scan of a webview (run by the runner in the page, see
// scripts/vscode-test/axe.mjs), screenshots that become the walkthrough's images, and a local HTTPS server with a
// self-signed certificate for the Check panel to show.
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { canScreenshot, EXTENSION_ID, screenshot, selfSignedCert, waitFor } from './helpers';

/** Line prefix the runner watches for to run axe-core in a webview (scripts/vscode-test/axe.mjs). */
export const AXE_MARKER = '__TLS_DOCTOR_AXE__';

/** One axe violation as the runner reports it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact?: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/** What the runner found: violations and the Tab order, or why it could not look. */
export type AxeResult =
  | { readonly violations: readonly AxeViolation[]; readonly tabOrder: readonly string[]; readonly focusable: number }
  | { readonly skipped: string }
  | { readonly error: string };

/**
 * Asks the runner to run axe-core in the webview whose document matches `selector` and to walk it with Tab.
 * Undefined when no runner can (desktop test-electron runs).
 */
export async function axeScan(selector: string, timeoutMs = 60_000): Promise<AxeResult | undefined> {
  if (!canScreenshot()) return undefined;
  const ack = path.join(os.tmpdir(), `tls-doctor-axe-${process.pid}-${Date.now()}.ack`);
  console.log(`${AXE_MARKER} ${JSON.stringify({ selector, ack })}`);
  const raw = await waitFor(
    () => fs.existsSync(ack) && fs.readFileSync(ack, 'utf8'),
    timeoutMs,
    `axe scan of ${selector}`,
  );
  fs.rmSync(ack, { force: true });
  return JSON.parse(raw) as AxeResult;
}

function repoRoot(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
  return ext.extensionPath;
}

const UPDATING = process.env.TLS_DOCTOR_UPDATE_SCREENSHOTS === '1';

/**
 * A screenshot that is an image of the walkthrough: with TLS_DOCTOR_UPDATE_SCREENSHOTS=1 it replaces
 * media/walkthrough/<file>.png (shipped in the VSIX); otherwise it stays in test-results/screenshots/.
 */
export async function walkthroughShot(file: string): Promise<string | undefined> {
  return moved(
    await screenshot(`walkthrough-${file}`),
    UPDATING ? path.join(repoRoot(), 'media', 'walkthrough', `${file}.png`) : undefined,
  );
}

/** A screenshot for people to look at, never for the docs: always test-results/screenshots/<name>.png. */
export async function reviewShot(name: string): Promise<string | undefined> {
  return moved(
    await screenshot(name),
    UPDATING ? path.join(repoRoot(), 'test-results', 'screenshots', `${name}.png`) : undefined,
  );
}

function moved(saved: string | undefined, dest: string | undefined): string | undefined {
  if (!saved || !dest) return saved;
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.copyFileSync(saved, dest);
  fs.rmSync(saved, { force: true });
  return dest;
}

/** A local HTTPS server with a self-signed P-256 certificate (openssl CLI); `url` is its https://127.0.0.1:port/. */
export async function selfSignedServer(): Promise<{ url: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-doctor-native-'));
  const { key, cert } = selfSignedCert(dir, { cn: 'dev.example.test' });
  const server = https.createServer({ key, cert }, (_req, res) => res.end('ok\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}
