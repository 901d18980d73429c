// Leaf certificates (server, or client for mTLS) built as DER and signed with Node's crypto: no node-forge on the
// path people run most (a leaf from an existing CA), which keeps the whole process ahead of mkcert's. The X.509
// pieces here (Name, Extension, key identifiers) are shared with the CA builder in ca.ts.
// The profile is the one profile.ts describes, and passes `openssl verify -x509_strict` (see the unit tests).
import * as crypto from 'crypto';
import * as path from 'path';
import { children, extensionValue, readTlv } from '../der/read';
import {
  bits,
  bool,
  Der,
  explicit,
  implicit,
  int,
  ipBytes,
  nul,
  octets,
  oid,
  pem,
  seq,
  set,
  time,
  uint,
  utf8,
} from '../der/write';
import type { Host } from './hosts';
import { assertKeyMatchesCert } from './integrity';
import {
  BACKDATE_MS,
  LEAF_KEY_BITS,
  LeafKeyType,
  ORGANIZATION,
  ownerLabel,
  randomSerialHex,
  RSA_PUBLIC_EXPONENT,
  SIGNATURE_HASH,
} from './profile';
import { CA_CERT_FILE, CA_KEY_FILE, readRequired } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;
export const OID = {
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  nameConstraints: '2.5.29.30',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

/** sha256WithRSAEncryption with its NULL parameters: the signature algorithm of the CA and every leaf. */
export const SIG_ALG = seq(oid(OID.sha256WithRSA), nul());

/** The CA as leaf signing needs it: its subject (DER, copied as the leaf's issuer), key identifier and key. */
export interface SigningCa {
  certPem: string;
  subjectDer: Buffer;
  keyId: Buffer;
  key: crypto.KeyObject;
  nameConstrained: boolean;
}

/** Loads the CA in `caDir` for signing; throws CA_KEY_MISMATCH when the key is not the certificate's. */
export function loadSigningCa(caDir: string): SigningCa {
  const certPem = readRequired(path.join(caDir, CA_CERT_FILE), 'CA certificate');
  const keyPem = readRequired(path.join(caDir, CA_KEY_FILE), 'CA key');
  let ca: SigningCa;
  try {
    const x = new crypto.X509Certificate(certPem);
    const der = x.raw;
    const tbs = children(der, readTlv(der, 0))[0];
    const fields = children(der, tbs);
    // TBSCertificate: [0] version, serial, signature, issuer, validity, subject, … (RFC 5280 §4.1).
    const subject = fields[fields[0].tag === 0xa0 ? 5 : 4];
    const subjectDer = Buffer.from(der.subarray(tlvStart(der, tbs, subject), subject.end));
    ca = {
      certPem,
      subjectDer,
      keyId: caKeyId(der, x),
      key: crypto.createPrivateKey(keyPem),
      nameConstrained: extensionValue(der, OID.nameConstraints) !== undefined,
    };
  } catch (e) {
    throw new Error(
      `the CA in ${caDir} can't be loaded (${(e as Error).message}); move the folder away to create a new CA`,
      { cause: e },
    );
  }
  assertKeyMatchesCert(certPem, ca.key, caDir);
  return ca;
}

/** Where the element whose content starts at `t.start` begins (its tag byte), found by walking its parent. */
function tlvStart(der: Buffer, parent: { start: number; end: number }, t: { start: number }): number {
  for (let pos = parent.start; pos < parent.end;) {
    const el = readTlv(der, pos);
    if (el.start === t.start) return pos;
    pos = el.next;
  }
  throw new Error('malformed certificate');
}

/** The CA's SKI (from its extension, so AKI matches a CA another tool made), else RFC 5280 method 1 of its key. */
function caKeyId(der: Buffer, x: crypto.X509Certificate): Buffer {
  const ext = extensionValue(der, OID.subjectKeyIdentifier);
  if (ext) {
    const inner = readTlv(ext, 0);
    return Buffer.from(ext.subarray(inner.start, inner.end));
  }
  return keyIdOf(x.publicKey.export({ type: 'spki', format: 'der' }));
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's bits. */
export function keyIdOf(spkiDer: Buffer): Buffer {
  const bitString = children(spkiDer, readTlv(spkiDer, 0))[1];
  return crypto
    .createHash('sha1')
    .update(spkiDer.subarray(bitString.start + 1, bitString.end))
    .digest();
}

/** A leaf key: PKCS#8 PEM for the file, SubjectPublicKeyInfo DER for the certificate. */
export interface LeafKeyDer {
  privatePem: string;
  spkiDer: Buffer;
}

/** ECDSA P-256 (≈1 ms) or RSA-2048 (100–250 ms), generated natively on the thread pool. */
export function generateLeafKeyDer(type: LeafKeyType): Promise<LeafKeyDer> {
  if (type !== 'ecdsa' && type !== 'rsa') {
    return Promise.reject(new Error(`key type must be ecdsa or rsa (got "${type}")`));
  }
  return new Promise((resolve, reject) => {
    const enc = {
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    } as const;
    const done = (err: Error | null, pub: Buffer, priv: string) => {
      if (err) {
        reject(
          new Error(`${type === 'rsa' ? `RSA-${LEAF_KEY_BITS}` : 'P-256'} key generation failed: ${err.message}`, {
            cause: err,
          }),
        );
      } else resolve({ privatePem: priv, spkiDer: pub });
    };
    if (type === 'ecdsa') crypto.generateKeyPair('ec', { namedCurve: 'P-256', ...enc }, done);
    else {
      crypto.generateKeyPair(
        'rsa',
        { modulusLength: LEAF_KEY_BITS, publicExponent: RSA_PUBLIC_EXPONENT, ...enc },
        done,
      );
    }
  });
}

/** What the leaf is for: a server (SANs = hosts, EKU serverAuth) or an mTLS client (CN = name, EKU clientAuth). */
export type LeafPurpose = { kind: 'server' } | { kind: 'client'; name: string };

/** The serial of profile.ts (126 random bits, positive, minimal DER). */
function serial(): Buffer {
  return Buffer.from(randomSerialHex(), 'hex');
}

/** One X.509 Extension: OID, critical flag (only when true: DEFAULT FALSE), the value's DER in an OCTET STRING. */
export function ext(id: string, critical: boolean, value: Der): Der {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

/** A Name of one UTF8String attribute per RDN (UTF8: `@` and non-ASCII user names fit, unlike PrintableString). */
export function name(attrs: [string, string][]): Der {
  return seq(...attrs.map(([id, v]) => set(seq(oid(id), utf8(v)))));
}

function generalNames(hosts: readonly Host[], email?: string): Der {
  return seq(
    ...(email ? [implicit(1, Buffer.from(email, 'ascii'))] : []),
    ...hosts.map((h) => (h.kind === 'ip' ? implicit(7, ipBytes(h.value)) : implicit(2, Buffer.from(h.value, 'ascii')))),
  );
}

/** True for an id-ecPublicKey SubjectPublicKeyInfo. */
function isEc(spkiDer: Buffer): boolean {
  return spkiDer.includes(oid(OID.ecPublicKey));
}

/** Key usage bits: digitalSignature (bit 0) always, keyEncipherment (bit 2) for RSA only (RFC 8813 §3). */
function keyUsage(ec: boolean): Der {
  return ec ? Buffer.from([0x03, 0x02, 0x07, 0x80]) : Buffer.from([0x03, 0x02, 0x05, 0xa0]);
}

/** Builds and signs a leaf certificate (PEM) for `hosts`, valid `days` from an hour ago. */
export function buildLeafDer(
  ca: SigningCa,
  key: LeafKeyDer,
  hosts: readonly Host[],
  days: number,
  purpose: LeafPurpose = { kind: 'server' },
  now = new Date(),
): string {
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  // Counted from notBefore, so notAfter − notBefore is exactly the requested validity (≤ 825 days).
  const notAfter = new Date(notBefore.getTime() + days * DAY_MS);
  const client = purpose.kind === 'client';
  const email = client && /^[^@\s]+@[^@\s]+$/.test(purpose.name) ? purpose.name : undefined;
  // Servers: no CN (CA/B BR §7.1.4.3; clients match SANs only). Clients: the CN names the user or service, which
  // is what mTLS servers log and authorise on.
  const subject = name([
    [OID.O, `${ORGANIZATION} certificate`],
    [OID.OU, ownerLabel()],
    ...(client ? [[OID.CN, purpose.name] as [string, string]] : []),
  ]);
  const sanNeeded = hosts.length > 0 || email !== undefined;
  const sigAlg = SIG_ALG;
  const tbs = seq(
    explicit(0, int(2)),
    uint(serial()),
    sigAlg,
    ca.subjectDer,
    seq(time(notBefore), time(notAfter)),
    subject,
    key.spkiDer,
    explicit(
      3,
      seq(
        // Critical CA:FALSE (the DEFAULT, so an empty SEQUENCE in DER): the leaf can't sign anything.
        ext(OID.basicConstraints, true, seq()),
        ext(OID.keyUsage, true, keyUsage(isEc(key.spkiDer))),
        // EKU: clients check it ("unsuitable certificate purpose" otherwise).
        ext(OID.extKeyUsage, false, seq(oid(client ? OID.clientAuth : OID.serverAuth))),
        ...(sanNeeded ? [ext(OID.subjectAltName, false, generalNames(hosts, email))] : []),
        ext(OID.subjectKeyIdentifier, false, octets(keyIdOf(key.spkiDer))),
        // RFC 5280 §4.2.1.1: AKI MUST be present and match the CA's SKI ("Missing Authority Key Identifier" otherwise).
        ext(OID.authorityKeyIdentifier, false, seq(implicit(0, ca.keyId))),
      ),
    ),
  );
  const signature = crypto.sign(SIGNATURE_HASH, tbs, ca.key);
  return pem('CERTIFICATE', seq(tbs, sigAlg, bits(signature)));
}
