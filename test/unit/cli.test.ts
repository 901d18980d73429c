import * as assert from 'assert';
import { runCli } from './cliHarness';

describe('cli', () => {
  it('prints help listing every subcommand and exits 0', async () => {
    const r = await runCli(['--help']);
    assert.strictEqual(r.code, 0);
    for (const c of ['scan', 'check', 'devcert']) assert.match(r.stdout, new RegExp(`^  ${c} `, 'm'));
  });

  it('prints the package version', async () => {
    const r = await runCli(['--version']);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.stdout.trim(), require('../../package.json').version);
  });

  it('rejects an unknown command with a usage line and exit 2', async () => {
    const r = await runCli(['frobnicate']);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /unknown command "frobnicate"/);
    assert.match(r.stderr, /Usage: tls-doctor/);
  });

  it('rejects an unknown flag on a subcommand with exit 2 and the usage line', async () => {
    const r = await runCli(['scan', '--bogus']);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /Unknown option '--bogus'/);
    assert.match(r.stderr, /Usage: tls-doctor scan/);
  });

  it('with no arguments prints help and exits 2', async () => {
    const r = await runCli([]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stdout, /Usage: tls-doctor <command>/);
  });
});
