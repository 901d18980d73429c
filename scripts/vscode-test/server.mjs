// Starts and stops VS Code's server build (from the code-server npm package installed by setup.sh).
// We start server-main.js directly: code-server's own launcher rejects --enable-smoke-test-driver.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where setup.sh puts the VS Code server. */
export function serverPaths(root) {
  const vscodeDir = join(root, '.vscode-test', 'node_modules', 'code-server', 'lib', 'vscode');
  return { vscodeDir, serverMain: join(vscodeDir, 'out', 'server-main.js') };
}

/** VS Code version of the installed server build, e.g. "1.100.3". */
export function serverVersion(vscodeDir) {
  const pkg = JSON.parse(readFileSync(join(vscodeDir, 'package.json'), 'utf8'));
  const product = JSON.parse(readFileSync(join(vscodeDir, 'product.json'), 'utf8'));
  return { version: pkg.version, commit: product.commit ?? 'unknown' };
}

/** Settings that keep the workbench quiet and deterministic: no welcome page, tours, update or telemetry chatter. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'npm.autoDetect': 'off',
  'typescript.tsc.autoDetect': 'off',
  'typescript.disableAutomaticTypeAcquisition': true,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  // The trust modal only opens when the page has focus, which headless Chromium never gives; 'never' makes that
  // explicit. The untrusted suite therefore runs in Restricted Mode, as a user who has not answered yet would.
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'editor.accessibilitySupport': 'off',
  'remote.autoForwardPorts': false, // tests start local TLS servers; no "forwarded port" toasts in screenshots
  // The built-in TypeScript checker would add its own errors about fixture files to the Problems panel.
  'typescript.validate.enable': false,
  'javascript.validate.enable': false,
};

/**
 * Writes the quiet settings where this server build reads them (checked with configuration.inspect() in the
 * extension host): <user-data-dir>/User/settings.json is the workbench's user settings (code-server keeps them on
 * the server) and <user-data-dir>/Machine/settings.json the remote (machine) settings.
 */
export function writeSettings(userDataDir) {
  const text = JSON.stringify(QUIET_SETTINGS, null, 2);
  for (const dir of [join(userDataDir, 'User'), join(userDataDir, 'Machine')]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'settings.json'), text);
  }
}

/**
 * Spawns the server on a free loopback port (`--port 0`; the port is read back from its greeting) and resolves
 * { proc, port } once it listens. `onLine` receives every output line, `onSpawn` the process at once. Rejects if
 * it exits or does not listen in time.
 */
export function startServer({ serverMain, dirs, trusted, env, onLine, onSpawn, startTimeoutMs = 60_000 }) {
  const args = [
    serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir',
    dirs.userData,
    '--server-data-dir',
    dirs.serverData,
    '--extensions-dir',
    dirs.extensions,
    '--logsPath',
    dirs.logs,
  ];
  if (trusted) args.push('--disable-workspace-trust');
  if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: run bash scripts/vscode-test/setup.sh`);
  // detached: its own process group, so cleanup can kill the extension host and pty host with it.
  const proc = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  onSpawn?.(proc); // the caller owns the process from here on, so it can kill it even if startup never finishes
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the VS Code server did not start within ${startTimeoutMs} ms`)),
      startTimeoutMs,
    );
    const onData = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        onLine(line);
        const m = /Extension host agent listening on (\d+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve({ proc, port: Number(m[1]) });
        }
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the VS Code server exited early (code ${code}, signal ${signal})`));
    });
  });
}

/** Kills the server's whole process group (server, extension host, pty host); waits briefly for the exit. */
export async function stopServer(proc) {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  try {
    process.kill(-proc.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 3000);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  clearTimeout(timer);
}
