// The OS trust store on macOS and Windows, read with the platform's own tools (Node 20 has no API for it). Tested on
// Linux against recorded output of those tools (test/fixtures/tls/platform/), so the parsing is verified here and
// the tool invocations only on the platforms themselves.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { pemCertificates } from '../text/pem';

/** Runs a tool and gives its stdout, or an error message. Injectable for tests. */
export type Runner = (
  cmd: string,
  args: readonly string[],
  timeoutMs: number,
) => Promise<{ stdout: string } | { error: string }>;

const run: Runner = (cmd, args, timeoutMs) =>
  new Promise((resolve) => {
    execFile(
      cmd,
      [...args],
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, windowsHide: true },
      // The tool's own words (stderr), e.g. "No Trust Settings were found.", not just "Command failed: …".
      (err, stdout, stderr) =>
        resolve(err ? { error: `${cmd}: ${(String(stderr).trim() || err.message).split('\n')[0]}` } : { stdout }),
    );
  });

/** macOS keychains whose certificates the system trusts for TLS (System roots, admin-added, the user's login). */
export const MAC_KEYCHAINS = [
  '/System/Library/Keychains/SystemRootCertificates.keychain',
  '/Library/Keychains/System.keychain',
  '~/Library/Keychains/login.keychain-db',
];

/** Windows stores holding roots and enterprise roots, machine and user. */
export const WINDOWS_STORES = [
  'Cert:\\LocalMachine\\Root',
  'Cert:\\LocalMachine\\AuthRoot',
  'Cert:\\CurrentUser\\Root',
  'Cert:\\LocalMachine\\CA',
];

/** What a trust-settings domain says about one certificate for SSL: trusted as a root, denied, or no decision. */
export type SslTrust = 'trust' | 'deny' | 'unspecified';

/**
 * `security dump-trust-settings [-d]` (the user or the admin domain), as it prints them:
 *
 *     Number of trusted certs = 2
 *     Cert 0: Corp Root CA
 *        Number of trust settings : 0
 *     Cert 1: Old Root
 *        Number of trust settings : 2
 *        Trust Setting 0:
 *           Policy OID            : Apple X509 Basic
 *        Trust Setting 1:
 *           Policy OID            : SSL
 *           Result Type           : kSecTrustSettingsResultDeny
 *
 * → label → decision for SSL. Apple's SecTrustSettings rules: no settings at all means "trust as a root for every
 * policy"; otherwise the first setting whose policy is SSL (or that names no policy) decides, its Result Type
 * defaulting to TrustRoot; TrustAsRoot counts as trust, Deny as deny, Unspecified (and no applicable setting) as no
 * decision. Labels are the certificates' names (the keychain's print name: the subject CN, else the O).
 */
export function parseTrustSettings(stdout: string): Map<string, SslTrust> {
  const out = new Map<string, SslTrust>();
  for (const block of stdout.split(/^Cert \d+: /m).slice(1)) {
    const label = block.split(/\r?\n/)[0].trim();
    const count = Number(/Number of trust settings\s*:\s*(\d+)/.exec(block)?.[1] ?? '0');
    if (count === 0) {
      out.set(label, 'trust');
      continue;
    }
    let decision: SslTrust = 'unspecified';
    for (const setting of block.split(/^\s*Trust Setting \d+:/m).slice(1)) {
      const policy = /Policy OID\s*:\s*(.+)/.exec(setting)?.[1]?.trim();
      if (policy !== undefined && policy !== 'SSL') continue;
      const result = /Result Type\s*:\s*(\S+)/.exec(setting)?.[1] ?? 'kSecTrustSettingsResultTrustRoot';
      decision = /Deny$/.test(result) ? 'deny' : /Unspecified$/.test(result) ? 'unspecified' : 'trust';
      break;
    }
    out.set(label, decision);
  }
  return out;
}

/** The name `security` prints for a certificate: its subject CN, else its O. */
export function keychainLabel(pem: string): string {
  const subject = new X509Certificate(pem).subject;
  return (/^CN=(.*)$/m.exec(subject) ?? /^O=(.*)$/m.exec(subject))?.[1]?.trim() ?? subject;
}

/** `security dump-trust-settings` exits non-zero with this when a domain has no settings: an empty domain. */
const NO_SETTINGS = /No Trust Settings were found/i;

/** `security find-certificate -a -p KEYCHAIN` prints PEM blocks, one per certificate. */
export function parseSecurityOutput(stdout: string): string[] {
  return pemCertificates(stdout);
}

/** The PowerShell below prints one certificate per line as base64 DER; turned into PEM. */
export function parsePowerShellOutput(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => /^[A-Za-z0-9+/]{40,}={0,2}$/.test(l))
    .map((b64) => `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`);
}

/** The PowerShell command: every certificate of the stores, base64 DER per line. */
export function powerShellCommand(stores: readonly string[] = WINDOWS_STORES): string {
  return `${stores.map((s) => `'${s}'`).join(',')} | ForEach-Object { Get-ChildItem -Path $_ } | ForEach-Object { [Convert]::ToBase64String($_.RawData) }`;
}

/** What reading a platform store gave: its certificates, where they came from, and what could not be read. */
export interface PlatformStore {
  readonly pems: readonly string[];
  readonly source: string;
  readonly unreadable: readonly string[];
  /** Certificates left out because the trust settings do not trust them for SSL (macOS), with why. */
  readonly excluded?: readonly string[];
}

/** Reads the macOS keychains or the Windows stores; `undefined` on other platforms. On macOS the trust settings
 * decide (readMac); on Windows every certificate of the Root/AuthRoot/CA stores counts (Windows keeps distrusted
 * certificates in the Disallowed store, which is not read). */
export async function readPlatformStore(
  platform: NodeJS.Platform,
  opts: { timeoutMs: number; home?: string; runner?: Runner },
): Promise<PlatformStore | undefined> {
  const runner = opts.runner ?? run;
  if (platform === 'darwin') {
    return readMac(runner, opts.timeoutMs, opts.home ?? process.env.HOME ?? '~');
  }
  if (platform === 'win32') {
    const r = await runner(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-Command', powerShellCommand()],
      opts.timeoutMs,
    );
    return collect(
      [r],
      ['Windows certificate stores (' + WINDOWS_STORES.join(', ') + ')'],
      parsePowerShellOutput,
      'Windows certificate stores',
    );
  }
  return undefined;
}

function collect(
  results: readonly ({ stdout: string } | { error: string })[],
  names: readonly string[],
  parse: (s: string) => string[],
  what: string,
): PlatformStore {
  const pems: string[] = [];
  const unreadable: string[] = [];
  results.forEach((r, i) => {
    if ('error' in r) unreadable.push(`${names[i]}: ${r.error}`);
    else pems.push(...parse(r.stdout));
  });
  return { pems: [...new Set(pems)], source: what, unreadable };
}

/**
 * macOS: the keychains' certificates, filtered by the trust settings of the user and admin domains (the user's win,
 * as in SecTrustSettings). A system root is trusted unless a setting denies it or leaves SSL unspecified; a
 * certificate of the System or login keychain only when a setting trusts it for SSL (being in a keychain alone
 * trusts nothing). Trust settings that cannot be read are said, and then only the system roots count.
 */
async function readMac(runner: Runner, timeoutMs: number, home: string): Promise<PlatformStore> {
  const chains = MAC_KEYCHAINS.map((k) => k.replace(/^~/, home));
  const [results, user, admin] = await Promise.all([
    Promise.all(chains.map((k) => runner('security', ['find-certificate', '-a', '-p', k], timeoutMs))),
    runner('security', ['dump-trust-settings'], timeoutMs),
    runner('security', ['dump-trust-settings', '-d'], timeoutMs),
  ]);
  const unreadable: string[] = [];
  const settings = new Map<string, SslTrust>();
  for (const [name, r] of [
    ['admin', admin],
    ['user', user],
  ] as const) {
    if ('error' in r) {
      if (!NO_SETTINGS.test(r.error)) unreadable.push(`${name} trust settings: ${r.error}`);
    } else for (const [label, d] of parseTrustSettings(r.stdout)) settings.set(label, d);
  }
  const pems: string[] = [];
  const excluded: string[] = [];
  results.forEach((r, i) => {
    if ('error' in r) {
      unreadable.push(`${chains[i]}: ${r.error}`);
      return;
    }
    const systemRoots = i === 0;
    for (const pem of parseSecurityOutput(r.stdout)) {
      const label = keychainLabel(pem);
      const d = settings.get(label);
      const trusted = systemRoots ? d === undefined || d === 'trust' : d === 'trust';
      if (trusted) pems.push(pem);
      else if (d) {
        excluded.push(
          `${label} (${chains[i]}): ${d === 'deny' ? 'denied' : 'unspecified'} for SSL in the trust settings`,
        );
      }
    }
  });
  return { pems: [...new Set(pems)], source: 'macOS keychains (trust settings applied)', unreadable, excluded };
}
