// The hosts a development certificate was issued for, in `hosts.json` beside it: the core writes and reads it (the
// CLI's devcert uses the same file), this module adds what the prompt needs, the plan of old + new hosts. No vscode
// import: unit-tested directly.
import * as path from 'path';
import {
  manifestText as coreManifestText,
  MANIFEST_FILE,
  PreviousLeaf,
  readPrevious as coreRead,
} from '../../core/certs/manifest';
import { CERT_MODE, writeFileAtomic } from '../../core/certs/store';

export { MANIFEST_FILE };

/** What an output folder already holds: the certificate's hosts (manifest first, else the certificate's SANs). */
export type PreviousCert = PreviousLeaf;

/** Reads what `outDir` already holds, or undefined when it has no certificate. Never throws. */
export function readPrevious(outDir: string, certFile = 'cert.pem'): PreviousCert | undefined {
  return coreRead(outDir, certFile);
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

/** The manifest's text (pretty JSON, one trailing newline), as the core writes it. */
export function manifestText(m: { hosts: readonly string[]; caSha256: string; notAfter: string }): string {
  return coreManifestText({ hosts: [...m.hosts], caSha256: m.caSha256, notAfter: m.notAfter });
}

/** Writes a manifest beside the certificate (the core's writeDevCert writes its own; kept for tools and tests). */
export function writeManifest(
  outDir: string,
  m: { hosts: readonly string[]; caSha256: string; notAfter: string },
): void {
  writeFileAtomic(path.join(outDir, MANIFEST_FILE), manifestText(m), CERT_MODE);
}
