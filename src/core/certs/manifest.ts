// The hosts a leaf was issued for, in a small JSON file beside it, so a rerun adds to them instead of silently
// dropping names a project still serves (`devcert api.test` after `devcert localhost` keeps localhost).
import { X509Certificate } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The manifest's file name in the output folder (not a PEM, so `*.pem` ignore rules don't hide its absence). */
export const MANIFEST_FILE = 'hosts.json';

/** What the manifest holds: the certificate's hosts in the order they were given, and what it was issued from. */
export interface Manifest {
  version: 1;
  hosts: string[];
  caSha256: string;
  notAfter: string;
}

/** The leaf an output folder already holds: its hosts (from the manifest, else from the certificate's SANs). */
export interface PreviousLeaf {
  hosts: string[];
  notAfter?: string;
}

/** Reads what `outDir` already holds, or undefined when it has no certificate yet. Never throws. */
export function readPrevious(outDir: string, certFile: string, useManifest = true): PreviousLeaf | undefined {
  const fromManifest = useManifest ? readManifest(outDir) : undefined;
  if (fromManifest) return { hosts: fromManifest.hosts, notAfter: fromManifest.notAfter };
  return hostsOfCert(path.join(outDir, certFile));
}

function readManifest(outDir: string): Manifest | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    if (Array.isArray(m.hosts) && m.hosts.every((h) => typeof h === 'string') && m.hosts.length > 0) {
      return m as Manifest;
    }
  } catch {
    // missing or hand-edited into junk: fall back to the certificate itself
  }
  return undefined;
}

/** A leaf written before manifests existed (or with the manifest deleted): its SANs are its hosts. */
function hostsOfCert(certPath: string): PreviousLeaf | undefined {
  try {
    const x = new X509Certificate(fs.readFileSync(certPath));
    const hosts = (x.subjectAltName ?? '')
      .split(/,\s*/)
      .map((s) => /^(?:DNS|IP Address):(.+)$/.exec(s)?.[1])
      .filter((h): h is string => Boolean(h));
    return hosts.length ? { hosts, notAfter: x.validTo } : undefined;
  } catch {
    return undefined;
  }
}

/** The manifest's text (pretty JSON, one trailing newline, so diffs and `cat` read well). */
export function manifestText(m: Omit<Manifest, 'version'>): string {
  return `${JSON.stringify({ version: 1, ...m }, null, 2)}\n`;
}
