// OS stores where users have them (issue 10, item 4): the macOS and Windows readers are tested here, on Linux,
// against recorded output of `security find-certificate -a -p` and of the PowerShell RawData listing
// (test/fixtures/tls/platform/, written in the tools' documented formats); `check --os-store FILE` points it elsewhere.
import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import {
  parsePowerShellOutput,
  parseSecurityOutput,
  powerShellCommand,
  readPlatformStore,
  Runner,
} from '../../../src/core/tls/platformstores';
import { main } from '../../../src/cli';
import type { Io } from '../../../src/cli/command';
import type { CheckReport } from '../../../src/core/tls/index';
import { Matrix, startMatrix } from '../../fixtures/tls';

const FIXTURES = path.join(__dirname, '../../fixtures/tls/platform');
const recorded = (f: string) => readFileSync(path.join(FIXTURES, f), 'utf8');
const fingerprints = (pems: readonly string[]) => pems.map((p) => new X509Certificate(p).fingerprint256);
const expected = fingerprints(tls.rootCertificates.slice(0, 3));

describe('platform trust stores (macOS, Windows) and --os-store', function () {
  this.timeout(30_000);

  it('parses `security find-certificate -a -p` output', () => {
    assert.deepStrictEqual(
      fingerprints(parseSecurityOutput(recorded('macos-security-find-certificate.txt'))),
      expected,
    );
  });

  it('parses the PowerShell RawData listing (CRLF, a warning line skipped)', () => {
    assert.deepStrictEqual(fingerprints(parsePowerShellOutput(recorded('windows-powershell-rawdata.txt'))), expected);
    assert.match(powerShellCommand(), /Cert:\\LocalMachine\\Root.*Cert:\\CurrentUser\\Root.*RawData/);
  });

  it('reads every keychain on macOS; one that cannot be read is said, not hidden', async () => {
    const calls: string[] = [];
    const runner: Runner = async (cmd, args) => {
      calls.push(`${cmd} ${args.join(' ')}`);
      return String(args[3]).includes('login')
        ? { error: 'security: SecKeychainSearchCopyNext: The specified keychain could not be found.' }
        : { stdout: recorded('macos-security-find-certificate.txt') };
    };
    const s = await readPlatformStore('darwin', { timeoutMs: 1000, home: '/Users/u', runner });
    assert.deepStrictEqual(calls, [
      'security find-certificate -a -p /System/Library/Keychains/SystemRootCertificates.keychain',
      'security find-certificate -a -p /Library/Keychains/System.keychain',
      'security find-certificate -a -p /Users/u/Library/Keychains/login.keychain-db',
    ]);
    assert.deepStrictEqual(fingerprints(s?.pems ?? []), expected, 'duplicates across keychains counted once');
    assert.match(s?.unreadable.join() ?? '', /login\.keychain-db: .*could not be found/);
  });

  it('Windows through PowerShell; Linux is not a platform store', async () => {
    const runner: Runner = async (cmd, args) =>
      cmd === 'powershell.exe' && args.includes('-NonInteractive')
        ? { stdout: recorded('windows-powershell-rawdata.txt') }
        : { error: 'unexpected' };
    assert.deepStrictEqual(
      fingerprints((await readPlatformStore('win32', { timeoutMs: 1000, runner }))?.pems ?? []),
      expected,
    );
    const failing: Runner = async () => ({ error: 'powershell.exe: spawn ENOENT' });
    assert.match(
      (await readPlatformStore('win32', { timeoutMs: 1000, runner: failing }))?.unreadable[0] ?? '',
      /ENOENT/,
    );
    assert.strictEqual(await readPlatformStore('linux', { timeoutMs: 1000, runner }), undefined);
  });

  describe('check --os-store FILE', () => {
    let m: Matrix;
    before(async () => {
      m = await startMatrix();
    });
    after(async () => {
      await m?.close();
    });

    it('reads the given file as the OS store: trusted by the OS, not by Node', async () => {
      let stdout = '';
      const io: Io = {
        out: (t) => {
          stdout += t;
        },
        err: () => undefined,
        isTTY: false,
        cwd: process.cwd(),
        env: { PATH: process.env.PATH },
      };
      const code = await main(
        ['check', m.urls['root-not-sent'], '--os-store', m.rootFile, '--format', 'json', '--timeout', '3000'],
        io,
      );
      const r = JSON.parse(stdout) as CheckReport;
      assert.strictEqual(code, 1);
      assert.strictEqual(r.trust.os.trusted, true);
      assert.strictEqual(r.trust.os.source, m.rootFile);
      assert.ok(
        r.causes.some((c) => c.code === 'trusted-by-os-not-by-client'),
        r.causes.map((c) => c.code).join(),
      );
    });
  });
});
