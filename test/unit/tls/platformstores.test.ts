// OS stores where users have them (issue 10, item 4): the macOS and Windows readers are tested here, on Linux,
// against recorded output of `security find-certificate -a -p` and of the PowerShell RawData listing
// (test/fixtures/tls/platform/, written in the tools' documented formats); `check --os-store FILE` points it elsewhere.
import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import {
  keychainLabel,
  parsePowerShellOutput,
  parseTrustSettings,
  parseSecurityOutput,
  powerShellCommand,
  readPlatformStore,
  Runner,
} from '../../../src/core/tls/platformstores';
import { main } from '../../../src/cli';
import type { Io } from '../../../src/cli/command';
import type { CheckReport } from '../../../src/core/tls/index';
import { createTestPki, Matrix, startMatrix } from '../../fixtures/tls';

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
      'security dump-trust-settings',
      'security dump-trust-settings -d',
    ]);
    assert.deepStrictEqual(fingerprints(s?.pems ?? []), expected, 'duplicates across keychains counted once');
    assert.match(s?.unreadable.join() ?? '', /login\.keychain-db: .*could not be found/);
  });

  describe('macOS trust settings (recorded `security dump-trust-settings` of the user and admin domains)', () => {
    const pki = createTestPki();
    const mk = (commonName: string) => pki.leaf({ commonName, hosts: [], selfSigned: true }).certPem;
    const own = {
      login: mk('TLS Doctor Test Login Root'),
      corp: mk('TLS Doctor Test Corp Root'),
      overridden: mk('TLS Doctor Test Overridden Root'),
      untrusted: mk('TLS Doctor Test Untrusted'),
    };
    const [entrust, quovadis2, quovadis3] = tls.rootCertificates.slice(0, 3);
    const runner =
      (user: { stdout: string } | { error: string }, admin: { stdout: string } | { error: string }): Runner =>
      async (_cmd, args) => {
        if (args[0] === 'dump-trust-settings') return args[1] === '-d' ? admin : user;
        const k = String(args[3]);
        if (k.includes('SystemRoot')) return { stdout: recorded('macos-security-find-certificate.txt') };
        if (k.includes('login')) return { stdout: own.login };
        return { stdout: [own.corp, own.overridden, own.untrusted].join('') };
      };
    const user = { stdout: recorded('macos-dump-trust-settings-user.txt') };
    const admin = { stdout: recorded('macos-dump-trust-settings-admin.txt') };

    it("parses each certificate's decision for SSL: no settings = trust, first SSL (or policy-less) setting decides", () => {
      assert.deepStrictEqual(Object.fromEntries(parseTrustSettings(user.stdout)), {
        'QuoVadis Root CA 2': 'deny',
        'TLS Doctor Test Login Root': 'trust',
        'TLS Doctor Test Overridden Root': 'deny',
      });
      assert.deepStrictEqual(Object.fromEntries(parseTrustSettings(admin.stdout)), {
        'QuoVadis Root CA 3': 'unspecified',
        'TLS Doctor Test Corp Root': 'trust',
        'TLS Doctor Test Overridden Root': 'trust',
      });
      assert.strictEqual(keychainLabel(quovadis2), 'QuoVadis Root CA 2');
    });

    it('denied / unspecified for SSL is not trusted; a keychain certificate counts only with a trust setting; user beats admin', async () => {
      const s = await readPlatformStore('darwin', { timeoutMs: 1000, home: '/Users/u', runner: runner(user, admin) });
      assert.deepStrictEqual(
        new Set(fingerprints(s?.pems ?? [])),
        new Set(fingerprints([entrust, own.login, own.corp])),
      );
      assert.deepStrictEqual(s?.unreadable, []);
      const excluded = s?.excluded?.join('\n') ?? '';
      assert.match(
        excluded,
        /QuoVadis Root CA 2 \(\/System\/Library\/Keychains\/SystemRootCertificates\.keychain\): denied for SSL/,
      );
      assert.match(excluded, /QuoVadis Root CA 3 .*: unspecified for SSL/);
      assert.match(excluded, /TLS Doctor Test Overridden Root \(\/Library\/Keychains\/System\.keychain\): denied/);
      assert.doesNotMatch(excluded, /Untrusted/, 'no setting at all: simply not a trust anchor');
      assert.ok(!fingerprints(s?.pems ?? []).includes(fingerprints([quovadis3])[0]));
    });

    it('"No Trust Settings were found" is an empty domain; another failure is said, and then only system roots count', async () => {
      const none = { error: 'security: SecTrustSettingsCopyCertificates: No Trust Settings were found.' };
      const s = await readPlatformStore('darwin', { timeoutMs: 1000, home: '/u', runner: runner(none, none) });
      assert.deepStrictEqual(s?.unreadable, []);
      assert.deepStrictEqual(
        fingerprints(s?.pems ?? []),
        expected,
        'the three system roots, nothing from other keychains',
      );
      const broken = { error: 'security: spawn security ETIMEDOUT' };
      const b = await readPlatformStore('darwin', { timeoutMs: 1000, home: '/u', runner: runner(broken, none) });
      assert.match(b?.unreadable.join() ?? '', /user trust settings: security: spawn security ETIMEDOUT/);
      assert.deepStrictEqual(fingerprints(b?.pems ?? []), expected);
    });
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
