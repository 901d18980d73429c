// The local development CA: created once per user, reused afterwards (like mkcert's CAROOT).
import * as fs from 'fs';
import * as path from 'path';
import forge from 'node-forge';
import {
  BACKDATE_MS, CA_KEY_BITS, CA_VALIDITY_YEARS, ORGANIZATION, ownerLabel, randomSerialHex,
} from './profile';
import { CA_CERT_FILE, CA_KEY_FILE, CA_KEY_MODE, CERT_MODE, ensurePrivateDir, readRequired, writeFileExclusive } from './store';
import { certIds, generateRsaKey, nameConstraintsExtension, RsaKey, signNative } from './x509';

const { pki } = forge;

/** Options for creating the CA; ignored when a CA already exists in the folder. */
export interface CaOptions {
  /** Add name constraints (localhost, .test, private IPs, …) so the CA can't vouch for public sites. */
  nameConstrained?: boolean;
}

/** What callers get to know about the CA: its public certificate only, never the key. */
export interface CaResult {
  certPem: string;
  certPath: string;
  /** True when this call created the CA; false when it reused an existing one. */
  created: boolean;
  /** Whether the CA (existing or new) carries name constraints. */
  nameConstrained: boolean;
}

/** A UTF8String subject attribute (forge defaults to PrintableString, which can't hold `@` or non-ASCII names). */
export function utf8Attr(shortName: string, value: string): forge.pki.CertificateField {
  return { shortName, value, valueTagClass: forge.asn1.Type.UTF8 } as unknown as forge.pki.CertificateField;
}

/** Builds the self-signed CA certificate (PEM) for `key`. */
export function buildCaCert(key: RsaKey, opts: CaOptions = {}, now = new Date()): string {
  const cert = pki.createCertificate();
  cert.publicKey = key.publicKey;
  cert.serialNumber = randomSerialHex();
  cert.validity.notBefore = new Date(now.getTime() - BACKDATE_MS);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setFullYear(now.getFullYear() + CA_VALIDITY_YEARS);
  const owner = ownerLabel();
  // A CN with part of the serial: two CAs made on one machine (e.g. after deleting one) stay tell-apart in UIs.
  const subject = [utf8Attr('O', ORGANIZATION), utf8Attr('OU', owner), utf8Attr('CN', `TLS Doctor ${owner} ${cert.serialNumber.slice(0, 8)}`)];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    // RFC 5280 §4.2.1.9: critical in CA certificates (x509_strict checks it). pathlen:0: it signs leaves only.
    { name: 'basicConstraints', critical: true, cA: true, pathLenConstraint: 0 },
    // RFC 5280 §4.2.1.3: keyCertSign for a CA; critical like mkcert's root.
    { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true },
    // RFC 5280 §4.2.1.2: CA certificates MUST carry a SKI; AKI = SKI on the root satisfies strict validators.
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: true },
    ...(opts.nameConstrained ? [nameConstraintsExtension()] : []),
  ]);
  signNative(cert, key.privatePem);
  return pki.certificateToPem(cert);
}

/** True when the PEM certificate carries a nameConstraints extension. */
export function hasNameConstraints(certPem: string): boolean {
  return pki.certificateFromPem(certPem).getExtension('nameConstraints') != null;
}

/**
 * Returns the CA in `caDir`, creating it (RSA-3072, 10 years) if the folder has none. The folder is made 0700 and the
 * key 0400. Throws with the file's name when only half a CA (cert without key or the reverse) is present.
 */
export async function ensureCa(caDir: string, opts: CaOptions = {}): Promise<CaResult> {
  const certPath = path.join(caDir, CA_CERT_FILE);
  const keyPath = path.join(caDir, CA_KEY_FILE);
  ensurePrivateDir(caDir);
  const hasCert = fs.existsSync(certPath);
  const hasKey = fs.existsSync(keyPath);
  if (hasCert !== hasKey) {
    throw new Error(`incomplete CA in ${caDir}: ${hasCert ? CA_KEY_FILE : CA_CERT_FILE} is missing; move the folder away to create a new CA`);
  }
  if (!hasCert) {
    const created = await createCa(certPath, keyPath, opts);
    if (created) return { ...created, created: true };
  }
  return existingCa(certPath);
}

async function createCa(certPath: string, keyPath: string, opts: CaOptions): Promise<Omit<CaResult, 'created'> | undefined> {
  const key = await generateRsaKey(CA_KEY_BITS);
  const certPem = buildCaCert(key, opts);
  // Key first and exclusively: if another process won the race, use its CA instead of overwriting it.
  if (!writeFileExclusive(keyPath, key.privatePem, CA_KEY_MODE)) {
    await waitForFile(certPath);
    return undefined;
  }
  writeFileExclusive(certPath, certPem, CERT_MODE);
  return { certPem, certPath, nameConstrained: Boolean(opts.nameConstrained) };
}

async function waitForFile(file: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > end) throw new Error(`another process is creating the CA but ${file} did not appear`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function existingCa(certPath: string): CaResult {
  const certPem = readRequired(certPath, 'CA certificate');
  try {
    return { certPem, certPath, created: false, nameConstrained: hasNameConstraints(certPem) };
  } catch (e) {
    throw new Error(`the CA certificate ${certPath} is not readable (${(e as Error).message}); move the folder away to create a new CA`, { cause: e });
  }
}

/** Path and fingerprints of the CA in `caDir` (for trust-store commands); throws when there is no CA there. */
export function caIdentity(caDir: string): { certPath: string; sha256: string; sha1: string; serial: string } {
  const certPath = path.join(caDir, CA_CERT_FILE);
  if (!fs.existsSync(certPath)) throw new Error(`there is no development CA in ${caDir} yet: create a development certificate first`);
  const { sha256, sha1, serial } = certIds(readRequired(certPath, 'CA certificate'));
  return { certPath, sha256, sha1, serial };
}
