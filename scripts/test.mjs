#!/usr/bin/env node
// `npm test`: lint, type-check, bundle, unit tests (plain mocha), trust-store client tests, integration tests (real VS Code extension host).
// Stops at the first failing stage and exits non-zero; ends with one "N passed, N failed" line over both suites.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'tls-doctor-test-'));
const totals = { passes: 0, failures: 0, pending: 0 };

function run(title, cmd, args, env = {}) {
  console.log(`\n=== ${title}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function suite(label, cmd, args) {
  const file = join(tmp, `${label}.json`);
  const status = run(label, cmd, args, { MOCHA_SUMMARY_FILE: file, MOCHA_SUMMARY_LABEL: label });
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    for (const k of Object.keys(totals)) totals[k] += c[k] ?? 0;
  } else if (status === 0) {
    console.error(`${label}: the run reported no results`);
    return 1;
  }
  return status;
}

const stages = [
  // Lint is three checks: eslint (code), prettier (format) and dependency-cruiser (the import graph: layers, cycles, see docs/architecture.md).
  () =>
    run('lint', 'npx', ['eslint', 'src', 'test', 'scripts', 'bench']) ||
    // The formatter (120 columns; data tables exempt, see .prettierignore): `npm run format` fixes what this reports.
    run('lint: format', 'npx', [
      'prettier',
      '--check',
      'src',
      'test',
      'scripts',
      'bench',
      'esbuild.js',
      'eslint.config.mjs',
      '.dependency-cruiser.cjs',
    ]) ||
    run('lint: import graph', 'npx', [
      'depcruise',
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'err',
      'src',
    ]),
  () => run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']),
  () => run('build', 'node', ['esbuild.js']),
  // Two jobs: the unit files wait on real clients and local servers much of the time, so a second file overlaps that
  // wait (the suite is CPU-light per file, and every file is independent: nothing imports another test file).
  () => suite('unit', 'npx', ['mocha', '--parallel', '--jobs', '2', 'test/unit/**/*.test.ts']),
  // End-to-end runs of real tools that take seconds to minutes each (pre-commit installing the hook, headless Chromium
  // and a JVM against the trust stores, every tool after `trust apply`): their own stage, so the unit suite stays fast.
  () => suite('e2e', 'npx', ['mocha', '--timeout', '300000', 'test/e2e/**/*.test.ts']),
  () => suite('integration', 'node', ['scripts/vscode-test/run.mjs']),
];

let failed = false;
for (const stage of stages) {
  if (stage() !== 0) {
    failed = true;
    break;
  }
}
const skipped = totals.pending ? `, ${totals.pending} skipped` : '';
console.log(`\n${totals.passes} passed, ${totals.failures} failed${skipped}`);
process.exit(failed || totals.failures ? 1 : 0);
