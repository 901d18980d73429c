// Entry point that the extension host loads as `extensionTestsPath`: runs the compiled *.test.js files of one suite
// in mocha and settles when they are done (the workbench then reports the exit code to the runner).
// Suites: "trusted" = every test under this folder except untrusted/ and empty/; "untrusted" = untrusted/ only (run
// by the runner in a workspace that is NOT trusted); "empty" = empty/ only (run in an empty folder, no fixture files).
// The runner passes the suite in TLS_DOCTOR_SUITE.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { recordActivation } from './helpers';

/** Printed before the tests: the runner forwards the extension host's console to stdout from here on. */
export const START_MARKER = '__TLS_DOCTOR_SUITE_START__';
/** Printed once per run so the runner can add up results without parsing mocha's report. */
export const RESULT_MARKER = '__TLS_DOCTOR_RESULT__';

function findTests(dir: string, skipDirs: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !skipDirs.includes(entry.name)) out.push(...findTests(full, skipDirs));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) out.push(full);
  }
  return out.sort();
}

function suiteFiles(suite: string): string[] {
  if (suite === 'untrusted') return findTests(path.join(__dirname, 'untrusted'), []);
  if (suite === 'empty') return findTests(path.join(__dirname, 'empty'), []);
  if (suite === 'trusted') return findTests(__dirname, ['untrusted', 'empty']);
  throw new Error(`unknown TLS_DOCTOR_SUITE "${suite}" (expected "trusted", "untrusted" or "empty")`);
}

function createMocha(): Mocha {
  const grep = process.env.TLS_DOCTOR_GREP;
  return new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false, // the report travels through the browser console; escape codes would only be noise
    timeout: 60_000,
    slow: 5_000,
    ...(grep ? { grep: new RegExp(grep) } : {}),
  });
}

/** Called by the extension host. Rejects when any test failed, which makes the run exit non-zero. */
export async function run(): Promise<void> {
  const suite = process.env.TLS_DOCTOR_SUITE ?? 'trusted';
  await recordActivation();
  const mocha = createMocha();
  for (const file of suiteFiles(suite)) mocha.addFile(file);
  console.log(START_MARKER);
  console.log(
    `integration suite "${suite}": ${mocha.files.length} test file(s)${process.env.TLS_DOCTOR_GREP ? `, grep /${process.env.TLS_DOCTOR_GREP}/` : ''}`,
  );
  await mocha.loadFilesAsync();
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({ passes: 0, failures: 1, pending: 0 } as Mocha.Stats)));
  });
  const { passes, failures, pending } = stats;
  const result = JSON.stringify({ suite, passes, failures, pending });
  console.log(`${RESULT_MARKER} ${result}`);
  // Desktop runs (scripts/vscode-test/electron.mjs) cannot see this console; they read the counts from a file.
  if (process.env.TLS_DOCTOR_RESULT_FILE) fs.writeFileSync(process.env.TLS_DOCTOR_RESULT_FILE, result);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed in suite "${suite}"`);
}
