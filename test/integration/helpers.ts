// Shared helpers for integration tests. They run inside the extension host and use the VS Code API only.
import { execFile, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

/** The extension under test, as `publisher.name` in package.json. */
export const EXTENSION_ID = 'tls-doctor.tls-doctor';

/** Line prefix the runner watches for in the console to take a screenshot (see scripts/vscode-test/run.mjs). */
export const SCREENSHOT_MARKER = '__TLS_DOCTOR_SCREENSHOT__';

/**
 * `itemResolveCount` for vscode.executeCodeActionProvider: resolve every action, as the lightbulb resolves the one the
 * user picks (TLS Doctor builds quick-fix edits in resolveCodeAction, not when the lightbulb asks).
 */
export const RESOLVE_ALL = 50;

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `T` without the falsy values that `waitFor` keeps polling past. */
export type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

/**
 * Polls `fn` until it returns a truthy value (or a promise of one) and returns that value. Exceptions count as
 * "not yet". On timeout throws an Error naming `what` and the last exception, so a failing test says what it waited for.
 */
export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as Truthy<T>;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await sleep(100);
  }
}

/** Absolute path of `rel` inside the opened workspace (a fresh temp copy of test/fixtures/workspace). */
export function workspacePath(rel = ''): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the runner should open a copy of test/fixtures/workspace');
  return path.join(folder.uri.fsPath, rel);
}

/** TLS Doctor's diagnostics on `uri`: all of them, or those of `ruleId`. */
export function tlsDiagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter(
      (d) =>
        d.source === 'TLS Doctor' && (ruleId === undefined || (typeof d.code === 'object' && d.code.value === ruleId)),
    );
}

/** Activates the extension under test and returns it (its `exports` are whatever `activate()` returned). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this extension host`);
  await ext.activate();
  return ext;
}

/** Closes all notification toasts, e.g. before a screenshot, so earlier tests' messages do not cover the view. */
export async function clearNotifications(): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
}

let modulesAfterActivation: readonly string[] | undefined;

/**
 * Activates the extension and records which modules the extension host had loaded right then. index.ts calls it
 * before any test runs, so the list shows what activation itself loaded (tests later load lazy bundles on purpose).
 */
export async function recordActivation(): Promise<void> {
  await activateExtension();
  modulesAfterActivation = Object.keys(require.cache);
}

/** Module paths loaded in the extension host when the extension had just activated (see recordActivation). */
export function modulesLoadedAtActivation(): readonly string[] {
  if (!modulesAfterActivation) {
    throw new Error('recordActivation() was not called before the tests (see test/integration/index.ts)');
  }
  return modulesAfterActivation;
}

/** True when a runner that can take screenshots is listening (the code-server route; not test-electron). */
export function canScreenshot(): boolean {
  return process.env.TLS_DOCTOR_SCREENSHOTS === '1';
}

/**
 * Asks the runner to save a PNG of the whole workbench as docs/images/<name>.png and waits until it is written.
 * Give the UI a moment to settle first (e.g. `waitFor` the thing you want to show). Returns the PNG path, or
 * undefined when no runner can take screenshots (desktop test-electron runs).
 */
export async function screenshot(
  name: string,
  timeoutMs = 30_000,
  opts: { keepNotifications?: boolean } = {},
): Promise<string | undefined> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new Error(`screenshot name "${name}" must be lower-case letters, digits and dashes`);
  }
  if (!canScreenshot()) {
    console.log(`screenshot "${name}" skipped: this runner cannot take screenshots`);
    return undefined;
  }
  // Toasts left by earlier tests would cover the part of the UI being shown (unless the toast is the subject).
  if (!opts.keepNotifications) await clearNotifications();
  const ack = path.join(os.tmpdir(), `tls-doctor-shot-${process.pid}-${Date.now()}-${name}.ack`);
  console.log(`${SCREENSHOT_MARKER} ${JSON.stringify({ name, ack })}`);
  const saved = await waitFor(
    () => fs.existsSync(ack) && fs.readFileSync(ack, 'utf8'),
    timeoutMs,
    `screenshot "${name}"`,
  );
  fs.rmSync(ack, { force: true });
  if (saved.startsWith('error:')) throw new Error(`screenshot "${name}" failed: ${saved}`);
  return saved;
}

/**
 * Asks the runner (playwright) to hover the integrated terminal's first row showing `text`, and with `click` to
 * ctrl+click it; returns the hover text the workbench showed. Undefined where no runner drives the page (desktop
 * test-electron runs). The row must be in the DOM: turn terminal.integrated.gpuAcceleration off first.
 */
export async function terminalHover(
  text: string,
  click = false,
  timeoutMs = 30_000,
): Promise<{ hover: string } | undefined> {
  if (!canScreenshot()) {
    console.log(`terminal hover on "${text}" skipped: this runner cannot drive the page`);
    return undefined;
  }
  const ack = path.join(os.tmpdir(), `tls-doctor-hover-${process.pid}-${Date.now()}.ack`);
  console.log(`__TLS_DOCTOR_TERMINAL_HOVER__ ${JSON.stringify({ text, click, ack })}`);
  const raw = await waitFor(
    () => fs.existsSync(ack) && fs.readFileSync(ack, 'utf8'),
    timeoutMs,
    `terminal hover on "${text}"`,
  );
  fs.rmSync(ack, { force: true });
  const result = JSON.parse(raw) as { hover?: string; error?: string };
  if (result.error !== undefined) throw new Error(`terminal hover failed: ${result.error}`);
  // The workbench renders hover text with non-breaking and zero-width spaces: compare it as plain words.
  return { hover: (result.hover ?? '').replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, ' ').trim() };
}

/** One step the runner performs on the workbench page (playwright); `hasText` is a regex source. */
export type PageStep =
  | { do: 'wait' | 'click' | 'hover'; selector: string; hasText?: string; anyFrame?: boolean; timeoutMs?: number }
  | { do: 'press'; key: string }
  | { do: 'type'; text: string }
  | { do: 'read'; selector: string };

/**
 * Asks the runner to perform `steps` on the page (click a quick-pick row or a dialog button as a user would) and returns
 * the texts of the `read` steps, one array each. Undefined where no runner drives the page (desktop test-electron runs).
 */
export async function pageSteps(steps: readonly PageStep[], timeoutMs = 60_000): Promise<string[][] | undefined> {
  if (!canScreenshot()) {
    console.log('page steps skipped: this runner cannot drive the page');
    return undefined;
  }
  const ack = path.join(os.tmpdir(), `tls-doctor-page-${process.pid}-${Date.now()}.ack`);
  console.log(`__TLS_DOCTOR_PAGE__ ${JSON.stringify({ steps, ack })}`);
  const raw = await waitFor(() => fs.existsSync(ack) && fs.readFileSync(ack, 'utf8'), timeoutMs, 'page steps');
  fs.rmSync(ack, { force: true });
  const result = JSON.parse(raw) as { texts?: string[][]; error?: string };
  if (result.error !== undefined) throw new Error(`page steps failed: ${result.error}`);
  return result.texts ?? [];
}

/**
 * A P-256 self-signed server certificate made by the openssl CLI in `dir` (the tests' stand-in for a developer's
 * self-signed server). `san` defaults to 127.0.0.1 and localhost.
 */
export function selfSignedCert(
  dir: string,
  opts: { cn: string; days?: number; san?: string },
): { key: string; cert: string; keyFile: string; certFile: string } {
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      String(opts.days ?? 365),
      '-subj',
      `/CN=${opts.cn}`,
      '-addext',
      `subjectAltName=${opts.san ?? 'IP:127.0.0.1,DNS:localhost'}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`openssl req failed: ${r.stderr}`);
  return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8'), keyFile, certFile };
}

/** Variables that change which CAs a client trusts or route it through a proxy (these machines preset several):
 * never inherited by a client run. */
const CLIENT_ENV_DROP = [
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'NODE_EXTRA_CA_CERTS',
  'NODE_TLS_REJECT_UNAUTHORIZED',
  'NODE_OPTIONS',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
];

/** Runs the real client `cmd file` from `cwd` with a clean environment plus `extra` (asynchronous: the test's server
 * lives in this extension host); status null when it could not run or timed out. */
export function runClient(
  cmd: string,
  file: string,
  cwd: string,
  extra: NodeJS.ProcessEnv = {},
): Promise<{ status: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of CLIENT_ENV_DROP) delete env[k];
  return new Promise((resolve) => {
    execFile(
      cmd,
      [file],
      { cwd, env: { ...env, ...extra }, encoding: 'utf8', timeout: 20_000 },
      (err, stdout, stderr) => {
        const status = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        resolve({ status, out: `${stdout}${stderr}${err && typeof err.code !== 'number' ? String(err) : ''}` });
      },
    );
  });
}
