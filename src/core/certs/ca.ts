// The local development CA: created once per user, reused afterwards (like mkcert's CAROOT).
import * as fs from 'fs';
import * as path from 'path';
import * as crypto from 'crypto';
import { extensionValue } from '../der/read';
import { bits, bool, explicit, implicit, int, ipBytes, octets, pem, seq, time, uint } from '../der/write';
import { certIds } from './ids';
import { ext, keyIdOf, name, OID, SIG_ALG } from './leafder';
import {
  BACKDATE_MS,
  CA_KEY_BITS,
  CA_VALIDITY_YEARS,
  ORGANIZATION,
  ownerLabel,
  PERMITTED_DNS,
  PERMITTED_IP_CIDRS,
  randomSerialHex,
  RSA_PUBLIC_EXPONENT,
  SIGNATURE_HASH,
} from './profile';
import {
  CA_CERT_FILE,
  CA_KEY_FILE,
  CA_KEY_MODE,
  CERT_MODE,
  ensurePrivateDir,
  readRequired,
  writeFileExclusive,
} from './store';

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

/** A fresh RSA key: PKCS#8 PEM for the file, SubjectPublicKeyInfo DER for the certificate. */
export interface RsaKey {
  privatePem: string;
  spkiDer: Buffer;
}

/** Generates the CA's RSA key natively and asynchronously (libuv thread pool: the extension host stays free). */
export function generateRsaKey(bitCount: number): Promise<RsaKey> {
  return new Promise((resolve, reject) => {
    crypto.generateKeyPair(
      'rsa',
      {
        modulusLength: bitCount,
        publicExponent: RSA_PUBLIC_EXPONENT,
        publicKeyEncoding: { type: 'spki', format: 'der' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (err, pub, priv) => {
        if (err) reject(new Error(`RSA-${bitCount} key generation failed: ${err.message}`, { cause: err }));
        else resolve({ privatePem: priv, spkiDer: pub });
      },
    );
  });
}

/** A CIDR as the iPAddress form of a name constraint: address octets followed by mask octets (RFC 5280 §4.2.1.10). */
function cidrBytes(cidr: string): Buffer {
  const [addr, bitsText] = cidr.split('/');
  const bytes = ipBytes(addr);
  const n = Number(bitsText);
  const mask = Buffer.from([...bytes].map((_b, i) => 0xff & (0xff << Math.max(0, 8 - Math.max(0, n - 8 * i)))));
  return Buffer.concat([bytes, mask]);
}

/**
 * The nameConstraints value, critical as RFC 5280 §4.2.1.10 requires: SEQUENCE { [0] permittedSubtrees
 * GeneralSubtree { base GeneralName }… } with dNSName [2] and iPAddress [7] bases.
 */
function nameConstraints(): Buffer {
  const subtrees = [
    ...PERMITTED_DNS.map((d) => seq(implicit(2, Buffer.from(d, 'ascii')))),
    ...PERMITTED_IP_CIDRS.map((c) => seq(implicit(7, cidrBytes(c)))),
  ];
  return seq(explicit(0, Buffer.concat(subtrees)));
}

/** Builds the self-signed CA certificate (PEM) for `key`, as DER signed with Node's crypto (no node-forge). */
export function buildCaCert(key: RsaKey, opts: CaOptions = {}, now = new Date()): string {
  const serialHex = randomSerialHex();
  const notAfter = new Date(now.getTime());
  notAfter.setFullYear(now.getFullYear() + CA_VALIDITY_YEARS);
  const owner = ownerLabel();
  // A CN with part of the serial: two CAs made on one machine (e.g. after deleting one) stay tell-apart in UIs.
  const subject = name([
    [OID.O, ORGANIZATION],
    [OID.OU, owner],
    [OID.CN, `TLS Doctor ${owner} ${serialHex.slice(0, 8)}`],
  ]);
  const keyId = keyIdOf(key.spkiDer);
  const tbs = seq(
    explicit(0, int(2)),
    uint(Buffer.from(serialHex, 'hex')),
    SIG_ALG,
    subject,
    seq(time(new Date(now.getTime() - BACKDATE_MS)), time(notAfter)),
    subject,
    key.spkiDer,
    explicit(
      3,
      seq(
        // RFC 5280 §4.2.1.9: critical in CA certificates (x509_strict checks it). pathlen:0: it signs leaves only.
        ext(OID.basicConstraints, true, seq(bool(true), int(0))),
        // RFC 5280 §4.2.1.3: keyCertSign (bit 5) and cRLSign (bit 6); critical like mkcert's root.
        ext(OID.keyUsage, true, Buffer.from([0x03, 0x02, 0x01, 0x06])),
        // RFC 5280 §4.2.1.2: CA certificates MUST carry a SKI; AKI = SKI on the root satisfies strict validators.
        ext(OID.subjectKeyIdentifier, false, octets(keyId)),
        ext(OID.authorityKeyIdentifier, false, seq(implicit(0, keyId))),
        ...(opts.nameConstrained ? [ext(OID.nameConstraints, true, nameConstraints())] : []),
      ),
    ),
  );
  const signature = crypto.sign(SIGNATURE_HASH, tbs, crypto.createPrivateKey(key.privatePem));
  return pem('CERTIFICATE', seq(tbs, SIG_ALG, bits(signature)));
}

/** True when the PEM certificate carries a nameConstraints extension. */
export function hasNameConstraints(certPem: string): boolean {
  return extensionValue(new crypto.X509Certificate(certPem).raw, OID.nameConstraints) !== undefined;
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
    throw new Error(
      `incomplete CA in ${caDir}: ${hasCert ? CA_KEY_FILE : CA_CERT_FILE} is missing; move the folder away to create a new CA`,
    );
  }
  if (!hasCert) {
    const created = await createCa(certPath, keyPath, opts);
    if (created) return { ...created, created: true };
  }
  return existingCa(certPath);
}

async function createCa(
  certPath: string,
  keyPath: string,
  opts: CaOptions,
): Promise<Omit<CaResult, 'created'> | undefined> {
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
    throw new Error(
      `the CA certificate ${certPath} is not readable (${(e as Error).message}); move the folder away to create a new CA`,
      { cause: e },
    );
  }
}

/** Path and fingerprints of the CA in `caDir` (for trust-store commands); throws when there is no CA there. */
export function caIdentity(caDir: string): { certPath: string; sha256: string; sha1: string; serial: string } {
  const certPath = path.join(caDir, CA_CERT_FILE);
  if (!fs.existsSync(certPath)) {
    throw new Error(`there is no development CA in ${caDir} yet: create a development certificate first`);
  }
  const { sha256, sha1, serial } = certIds(readRequired(certPath, 'CA certificate'));
  return { certPath, sha256, sha1, serial };
}
