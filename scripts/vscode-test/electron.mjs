#!/usr/bin/env node
// The same integration suites in desktop VS Code through @vscode/test-electron, for machines WITH internet access
// (it downloads VS Code from Microsoft's update server into .vscode-test/; the offline route is run.mjs).
//   npm run test:integration:electron                      # VS Code "stable"
//   TLS_DOCTOR_VSCODE_VERSION=1.100.0 npm run test:integration:electron   # the oldest version engines.vscode allows
// Desktop runs cannot take screenshots: helpers.screenshot() skips them (TLS_DOCTOR_SCREENSHOTS is not set).
// Flags and TLS_DOCTOR_GREP / MOCHA_SUMMARY_FILE as in run.mjs.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { build, hasTests, suiteWorkspace, log, parseArgs, report, DEFAULT_TESTS_OUT, ROOT } from './common.mjs';

const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');

const VERSION = process.env.TLS_DOCTOR_VSCODE_VERSION || 'stable';

/** Counts from the result file index.ts writes; a suite that wrote none (crashed, failed to load) counts as a failure. */
function readCounts(file, ok) {
  if (!existsSync(file)) return { passes: 0, failures: 1, pending: 0 };
  const { passes, failures, pending } = JSON.parse(readFileSync(file, 'utf8'));
  return { passes, failures: failures || (ok ? 0 : 1), pending };
}

/** Runs one suite in a fresh desktop window and returns its counts. */
async function runSuite(suite, testsOut) {
  const tmp = mkdtempSync(join(tmpdir(), `tls-doctor-it-electron-${suite}-`));
  const launchArgs = [
    suiteWorkspace(suite, join(tmp, 'workspace')),
    '--disable-extensions', // only the extension under development
    '--skip-welcome',
    '--skip-release-notes',
    '--disable-telemetry',
    '--user-data-dir',
    join(tmp, 'user-data'),
    '--extensions-dir',
    join(tmp, 'extensions'),
  ];
  if (suite !== 'untrusted') launchArgs.push('--disable-workspace-trust');
  const resultFile = join(tmp, 'result.json');
  log(`\n[runner] suite "${suite}" in desktop VS Code ${VERSION}`);
  let ok = false;
  try {
    await runTests({
      version: VERSION,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(testsOut, 'index.js'),
      launchArgs,
      extensionTestsEnv: {
        TLS_DOCTOR_SUITE: suite,
        TLS_DOCTOR_GREP: process.env.TLS_DOCTOR_GREP ?? '',
        TLS_DOCTOR_RESULT_FILE: resultFile,
      },
    });
    ok = true;
  } catch (e) {
    log(`[runner] suite "${suite}" failed: ${e instanceof Error ? e.message : e}`);
  }
  const counts = readCounts(resultFile, ok);
  rmSync(tmp, { recursive: true, force: true });
  return counts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { testsOut, cleanup } = opts.build ? build() : { testsOut: DEFAULT_TESTS_OUT, cleanup: () => {} };
  const totals = { passes: 0, failures: 0, pending: 0 };
  for (const suite of opts.suites) {
    if (!hasTests(suite, testsOut)) {
      log(`[runner] suite "${suite}": no compiled tests, skipped`);
      continue;
    }
    const counts = await runSuite(suite, testsOut);
    for (const k of Object.keys(totals)) totals[k] += counts[k];
  }
  cleanup();
  report(totals);
  return totals.failures > 0 || totals.passes === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(`[runner] ERROR: ${e.message}`);
    process.exit(1);
  },
);
