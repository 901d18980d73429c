// Peer certificates → CertInfo (plain text, safe to render or serialise), plus the per-certificate weaknesses.
import { X509Certificate } from 'node:crypto';
import { extensionValue, readTlv, signatureOid } from '../der/read';
import { selfSigned } from './pathbuild';
import type { CertInfo } from './types';

/** Signature algorithm OIDs → names (RFC 3279, 4055, 5758, 8410). */
const SIG_ALGS: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

/** Extended key usage OIDs (RFC 5280 §4.2.1.12). */
const EKUS: Readonly<Record<string, string>> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

/** keyUsage bit names in bit order (RFC 5280 §4.2.1.3). */
const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

/** Reads one certificate (DER or PEM) into a CertInfo. */
export function certInfo(input: Buffer | string | X509Certificate): CertInfo {
  const x = input instanceof X509Certificate ? input : new X509Certificate(input);
  const details = x.publicKey.asymmetricKeyDetails;
  return {
    subject: oneLine(x.subject),
    issuer: oneLine(x.issuer),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    sans: splitList(x.subjectAltName),
    sha256: x.fingerprint256,
    serialNumber: x.serialNumber,
    keyType: (x.publicKey.asymmetricKeyType ?? 'unknown').toUpperCase().replace('ED25519', 'Ed25519'),
    keyBits: details?.modulusLength ?? curveBits(details?.namedCurve),
    signatureAlgorithm:
      safe(() => {
        const o = signatureOid(x.raw);
        return SIG_ALGS[o] ?? o;
      }) ?? 'unknown',
    isCA: x.ca,
    // Not checkIssued(x): OpenSSL's issuer check also wants keyCertSign, which a self-signed *leaf* lacks. The same
    // test path building uses (and has usually cached for the sent certificates).
    selfSigned: selfSigned(x),
    keyUsage: safe(() => keyUsage(x.raw)),
    extKeyUsage: x.keyUsage?.map((o) => EKUS[o] ?? o),
    aiaIssuers: aiaIssuers(x.infoAccess),
    pem: x.toString(),
  };
}

/** "CN=a\nO=b" → "CN=a, O=b". Node leaves `subject` undefined for an empty name (seen in hostile chains). */
function oneLine(dn: string | undefined): string {
  return (dn ?? '').split('\n').filter(Boolean).join(', ');
}

/** "DNS:a, IP Address:1.2.3.4" → ["DNS:a", "IP:1.2.3.4"]. */
function splitList(list: string | undefined): string[] {
  if (!list) return [];
  return list.split(/,\s*/).map((s) => s.replace(/^IP Address:/, 'IP:'));
}

function curveBits(curve: string | undefined): number | undefined {
  const m = curve ? /(\d{3})/.exec(curve) : null;
  return m ? Number(m[1]) : undefined;
}

/** "CA Issuers - URI:http://x/y.crt" lines of the AIA extension. */
function aiaIssuers(info: string | undefined): string[] | undefined {
  if (!info) return undefined;
  const urls = [...info.matchAll(/CA Issuers - URI:(\S+)/g)].map((m) => m[1]);
  return urls.length ? urls : undefined;
}

/** The keyUsage BIT STRING as names, or undefined when the extension is absent. */
function keyUsage(der: Buffer): string[] | undefined {
  const value = extensionValue(der, '2.5.29.15');
  if (!value) return undefined;
  const bits = readTlv(value, 0);
  const bytes = value.subarray(bits.start + 1, bits.end); // first content byte = unused-bit count
  return KEY_USAGE_BITS.filter((_, i) => (bytes[i >> 3] ?? 0) & (0x80 >> (i & 7)));
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Why a leaf cannot authenticate a TLS server (EKU without serverAuth, keyUsage without a signing bit). */
export function wrongPurposeReason(leaf: CertInfo): string | undefined {
  const eku = leaf.extKeyUsage;
  if (eku && !eku.includes('serverAuth') && !eku.includes('anyExtendedKeyUsage')) {
    return `extended key usage is ${eku.join(', ')} (no serverAuth)`;
  }
  const ku = leaf.keyUsage;
  if (ku && !ku.includes('digitalSignature') && !ku.includes('keyEncipherment') && !ku.includes('keyAgreement')) {
    return `key usage is ${ku.join(', ') || 'empty'} (no digitalSignature)`;
  }
  return undefined;
}

/** The certificates exactly as the server sent them, in its order. Node's `getPeerX509Certificate()` links them in
 * the order of OpenSSL's peer stack and, unlike `getPeerCertificate(true)`, never appends a root from the context's
 * store, so the primary handshake can verify against a real store and still show what was sent. Node 20 consumes the
 * peer stack while linking it: call this once per connection. */
export function sentCertificates(peer: X509Certificate | undefined): X509Certificate[] {
  const out: X509Certificate[] = [];
  const seen = new Set<string>();
  for (let c = peer; c && !seen.has(c.fingerprint256); c = c.issuerCertificate) {
    seen.add(c.fingerprint256);
    out.push(c);
  }
  return out;
}

/** The sent chain relinked leaf-first by issuer, as Node's getPeerCertificate(true) orders it (unrelated extras are
 * dropped). */
export function linkChain(sent: readonly X509Certificate[]): X509Certificate[] {
  if (sent.length === 0) return [];
  const out = [sent[0]];
  const rest = sent.slice(1);
  for (let i = 0; i >= 0;) {
    const top = out[out.length - 1];
    i = rest.findIndex((c) => top.checkIssued(c));
    if (i >= 0) out.push(...rest.splice(i, 1));
  }
  return out;
}
