// The hosts a development certificate was issued for, in `hosts.json` beside it (the same small file and shape the
// CLI's devcert writes), so "Create Development Certificate…" run again adds to them instead of silently dropping names
// a project still serves. Pure file helpers, no vscode import: unit-tested directly.
import { X509Certificate } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The manifest's file name in the output folder. */
export const MANIFEST_FILE = 'hosts.json';

/** What an output folder already holds: the certificate's hosts (manifest first, else the certificate's SANs). */
export interface PreviousCert {
  readonly hosts: readonly string[];
  readonly notAfter?: string;
}

/** Reads what `outDir` already holds, or undefined when it has no certificate. Never throws. */
export function readPrevious(outDir: string, certFile = 'cert.pem'): PreviousCert | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')) as {
      hosts?: unknown;
      notAfter?: unknown;
    };
    if (Array.isArray(m.hosts) && m.hosts.length > 0 && m.hosts.every((h) => typeof h === 'string')) {
      return { hosts: m.hosts as string[], ...(typeof m.notAfter === 'string' ? { notAfter: m.notAfter } : {}) };
    }
  } catch {
    // missing or hand-edited into junk: the certificate itself says which hosts it covers
  }
  try {
    const x = new X509Certificate(fs.readFileSync(path.join(outDir, certFile)));
    const hosts = (x.subjectAltName ?? '')
      .split(/,\s*/)
      .map((s) => /^(?:DNS|IP Address):(.+)$/.exec(s)?.[1])
      .filter((h): h is string => Boolean(h));
    return hosts.length ? { hosts, notAfter: x.validTo } : undefined;
  } catch {
    return undefined;
  }
}

/** How a new run treats an existing certificate. */
export type HostsMode = 'add' | 'replace';

/** The hosts to issue for: the old ones plus the new ones (first-seen order, case-insensitive), or only the new ones. */
export function plannedHosts(
  previous: readonly string[] | undefined,
  requested: readonly string[],
  mode: HostsMode,
): string[] {
  const all = mode === 'replace' || !previous ? requested : [...previous, ...requested];
  const seen = new Set<string>();
  return all.filter((h) => {
    const k = h.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The manifest's text (pretty JSON, one trailing newline). */
export function manifestText(m: { hosts: readonly string[]; caSha256: string; notAfter: string }): string {
  return `${JSON.stringify({ version: 1, hosts: m.hosts, caSha256: m.caSha256, notAfter: m.notAfter }, null, 2)}\n`;
}

/** Writes the manifest beside the certificate. */
export function writeManifest(
  outDir: string,
  m: { hosts: readonly string[]; caSha256: string; notAfter: string },
): void {
  fs.writeFileSync(path.join(outDir, MANIFEST_FILE), manifestText(m));
}
