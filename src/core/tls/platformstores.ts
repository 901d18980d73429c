// The OS trust store on macOS and Windows, read with the platform's own tools (Node 20 has no API for it). Tested on
// Linux against recorded output of those tools (test/fixtures/tls/platform/), so the parsing is verified here and
// the tool invocations only on the platforms themselves.
import { execFile } from 'node:child_process';
import { pemCertificates } from '../text/pem';

/** Runs a tool and gives its stdout, or an error message. Injectable for tests. */
export type Runner = (
  cmd: string,
  args: readonly string[],
  timeoutMs: number,
) => Promise<{ stdout: string } | { error: string }>;

const run: Runner = (cmd, args, timeoutMs) =>
  new Promise((resolve) => {
    execFile(cmd, [...args], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (err, stdout) =>
      resolve(err ? { error: `${cmd}: ${err.message.split('\n')[0]}` } : { stdout }),
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
}

/** Reads the macOS keychains or the Windows stores; `undefined` on other platforms. Trust settings (a root marked
 * "never trust", a constrained policy) are not evaluated: every certificate listed counts as trusted. */
export async function readPlatformStore(
  platform: NodeJS.Platform,
  opts: { timeoutMs: number; home?: string; runner?: Runner },
): Promise<PlatformStore | undefined> {
  const runner = opts.runner ?? run;
  if (platform === 'darwin') {
    const chains = MAC_KEYCHAINS.map((k) => k.replace(/^~/, opts.home ?? process.env.HOME ?? '~'));
    const results = await Promise.all(
      chains.map((k) => runner('security', ['find-certificate', '-a', '-p', k], opts.timeoutMs)),
    );
    return collect(results, chains, parseSecurityOutput, 'macOS keychains');
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
