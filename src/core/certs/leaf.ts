// Leaf (server) certificates signed by the development CA.
import forge from 'node-forge';
import { LoadedCa, loadCa, utf8Attr } from './ca';
import {
  BACKDATE_MS, DEFAULT_LEAF_KEY_TYPE, LEAF_KEY_BITS, LEAF_MAX_VALIDITY_DAYS, LeafKeyType, ORGANIZATION, ownerLabel, randomSerialHex,
} from './profile';
import { generateEcKey, generateRsaKey, Host, LeafKey, parseHosts, rsaSpkiDer, signNative, skiExtension, subjectAltNames } from './x509';

const { pki } = forge;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Options for a leaf certificate. */
export interface LeafOptions {
  /** Validity in days, 1…825 (default 825, Apple's limit). */
  validityDays?: number;
  /** `ecdsa` (P-256, default: fast) or `rsa` (2048 bits, for clients without ECDSA). */
  keyType?: LeafKeyType;
}

/** A leaf certificate and its private key (PEM). The key belongs in a 0600 file. */
export interface Leaf {
  certPem: string;
  keyPem: string;
}

/** Validates the validity in days against Apple's 825-day limit; throws a readable error. */
export function checkValidityDays(days: number | undefined): number {
  const d = days ?? LEAF_MAX_VALIDITY_DAYS;
  if (!Number.isInteger(d) || d < 1 || d > LEAF_MAX_VALIDITY_DAYS) {
    throw new Error(`validity must be a whole number of days from 1 to ${LEAF_MAX_VALIDITY_DAYS} (Apple platforms reject longer); got ${days}`);
  }
  return d;
}

/** Builds a leaf certificate (PEM) for `hosts` with `key`, signed by `ca`. */
export function buildLeafCert(ca: LoadedCa, key: LeafKey, hosts: readonly Host[], validityDays: number, now = new Date()): string {
  const cert = pki.createCertificate();
  // forge needs an RSA key object to serialise; signNative swaps in the real SPKI (EC or RSA) before signing.
  cert.publicKey = ca.cert.publicKey;
  const isEc = isEcSpki(key.spkiDer);
  cert.serialNumber = randomSerialHex();
  cert.validity.notBefore = new Date(now.getTime() - BACKDATE_MS);
  // Counted from notBefore, so notAfter − notBefore is exactly the requested validity (≤ 825 days).
  cert.validity.notAfter = new Date(cert.validity.notBefore.getTime() + validityDays * DAY_MS);
  // No CN (CA/B BR §7.1.4.3: deprecated; clients match SANs only). O/OU say where the certificate comes from.
  cert.setSubject([utf8Attr('O', `${ORGANIZATION} certificate`), utf8Attr('OU', ownerLabel())]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    // Critical CA:FALSE: the leaf can't sign anything (Go/mkcert also mark it critical).
    { name: 'basicConstraints', critical: true, cA: false },
    // digitalSignature for (EC)DHE; keyEncipherment only for RSA keys (TLS 1.2 RSA key exchange; RFC 8813 §3
    // forbids it on EC keys). Critical, as RFC 5280 §4.2.1.3 advises.
    { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: !isEc },
    // EKU serverAuth: clients check it ("unsuitable certificate purpose" otherwise).
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: subjectAltNames(hosts) },
    skiExtension(key.spkiDer),
    // RFC 5280 §4.2.1.1: AKI MUST be present and match the CA's SKI ("Missing Authority Key Identifier" otherwise).
    { name: 'authorityKeyIdentifier', keyIdentifier: caKeyIdentifier(ca.cert) },
  ]);
  signNative(cert, ca.key, key.spkiDer);
  return pki.certificateToPem(cert);
}

/** True for an id-ecPublicKey SubjectPublicKeyInfo (OID 1.2.840.10045.2.1). */
function isEcSpki(spkiDer: Buffer): boolean {
  return spkiDer.includes(Buffer.from('06072a8648ce3d0201', 'hex'));
}

/** The CA's SKI as raw bytes (from its extension, so AKI matches even for a CA that another tool made). */
function caKeyIdentifier(caCert: forge.pki.Certificate): string {
  const ski = caCert.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier?: string } | undefined;
  if (ski?.subjectKeyIdentifier) return forge.util.hexToBytes(ski.subjectKeyIdentifier);
  return caCert.generateSubjectKeyIdentifier().getBytes();
}

/**
 * Issues a leaf for `hosts` (DNS names, wildcards, IPv4/IPv6 addresses) from the CA in `caDir`, which must exist
 * (see ensureCa). E.g. `issueLeaf(dir, ['localhost', '127.0.0.1', '::1'])`.
 */
export async function issueLeaf(caDir: string, hosts: string[], opts: LeafOptions = {}): Promise<Leaf> {
  const parsed = parseHosts(hosts);
  const days = checkValidityDays(opts.validityDays);
  const keyPromise = generateLeafKey(opts.keyType ?? DEFAULT_LEAF_KEY_TYPE); // thread pool, while the CA loads
  const ca = loadCa(caDir);
  const key = await keyPromise;
  return { certPem: buildLeafCert(ca, key, parsed, days), keyPem: key.privatePem };
}

/** A leaf key of the requested type. */
export async function generateLeafKey(type: LeafKeyType): Promise<LeafKey> {
  if (type === 'ecdsa') return generateEcKey();
  if (type !== 'rsa') throw new Error(`key type must be ecdsa or rsa (got "${type}")`);
  const rsa = await generateRsaKey(LEAF_KEY_BITS);
  return { privatePem: rsa.privatePem, spkiDer: rsaSpkiDer(rsa.publicKey) };
}
