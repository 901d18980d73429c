// The other containers a certificate file can be: a PKCS#7 "certs-only" SignedData (.p7b/.p7c, RFC 5652) and a
// PKCS#10 certificate signing request (.csr, RFC 2986). Each reader throws on malformed DER; read.ts reports it.
import * as crypto from 'node:crypto';
import { children, oidText, readTlv, Tlv } from '../der/read';
import { pem } from '../der/write';
import { generalNames, nameText } from './asn1';
import type { InspectedCsr } from './types';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const SAN = '2.5.29.17';

/** CSR signature algorithms → display name and the digest crypto.verify needs (null: the key type implies it). */
const CSR_SIG_ALGS: Readonly<Record<string, { name: string; hash: string | null }>> = {
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', hash: 'sha1' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', hash: 'sha512' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', hash: 'sha1' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', hash: 'sha512' },
  '1.3.101.112': { name: 'Ed25519', hash: null },
  '1.3.101.113': { name: 'Ed448', hash: null },
};

/** The whole element `t` (header included), given its parent's content range starts at `from`. */
function elementBytes(buf: Buffer, from: number, t: Tlv): Buffer {
  return buf.subarray(from, t.end);
}

/** True when `der` is a ContentInfo of type signedData. */
export function looksLikePkcs7(der: Buffer): boolean {
  try {
    const [type] = children(der, readTlv(der, 0));
    return type?.tag === 0x06 && oidText(der, type) === SIGNED_DATA;
  } catch {
    return false;
  }
}

/** The certificates (DER) of a PKCS#7 SignedData, in the file's order. */
export function pkcs7Certificates(der: Buffer): Buffer[] {
  const [, wrapped] = children(der, readTlv(der, 0));
  const signed = children(der, wrapped)[0];
  const certSet = children(der, signed).find((t) => t.tag === 0xa0);
  if (!certSet) return [];
  const out: Buffer[] = [];
  let pos = certSet.start;
  for (const c of children(der, certSet)) {
    // Only Certificate SEQUENCEs: [0]/[1]/[2]/[3] alternatives (attribute certificates) are skipped.
    if (c.tag === 0x30) out.push(Buffer.from(elementBytes(der, pos, c)));
    pos = c.end;
  }
  return out;
}

/** True when `der` is shaped like CertificationRequest: SEQUENCE { SEQUENCE { INTEGER 0, Name, SPKI, [0] … } … }. */
export function looksLikeCsr(der: Buffer): boolean {
  try {
    const [info] = children(der, readTlv(der, 0));
    const f = children(der, info);
    return f.length >= 3 && f[0].tag === 0x02 && f[1].tag === 0x30 && f[2].tag === 0x30 && f[3]?.tag === 0xa0;
  } catch {
    return false;
  }
}

export function keyDetails(k: crypto.KeyObject): { keyType: string; keyBits?: number } {
  const d = k.asymmetricKeyDetails;
  const keyType = (k.asymmetricKeyType ?? 'unknown').toUpperCase().replace('ED25519', 'Ed25519');
  const curveBits = d?.namedCurve ? Number(/(\d{3})/.exec(d.namedCurve)?.[1]) || undefined : undefined;
  const keyBits = d?.modulusLength ?? curveBits;
  return keyBits === undefined ? { keyType } : { keyType, keyBits };
}

/** The SANs an extensionRequest attribute asks for. */
function requestedSans(der: Buffer, attrs: Tlv | undefined): string[] {
  if (!attrs) return [];
  for (const attr of children(der, attrs)) {
    const [type, values] = children(der, attr);
    if (oidText(der, type) !== EXTENSION_REQUEST) continue;
    const exts = children(der, values)[0];
    for (const ext of children(der, exts)) {
      const parts = children(der, ext);
      if (oidText(der, parts[0]) !== SAN) continue;
      const v = parts[parts.length - 1];
      return generalNames(der.subarray(v.start, v.end));
    }
  }
  return [];
}

/** A CSR (DER) → InspectedCsr, its self-signature checked with its own key. */
export function inspectCsr(der: Buffer, origin: string): InspectedCsr {
  const top = readTlv(der, 0);
  const [info, alg, sig] = children(der, top);
  const [, subject, spki, attrs] = children(der, info);
  const infoBytes = elementBytes(der, top.start, info);
  const spkiStart = subject.end;
  const key = crypto.createPublicKey({ key: der.subarray(spkiStart, spki.end), format: 'der', type: 'spki' });
  const algOid = oidText(der, children(der, alg)[0]);
  const known = CSR_SIG_ALGS[algOid];
  let signatureValid: boolean | undefined;
  if (known) {
    try {
      // BIT STRING: the first content byte is the unused-bit count.
      signatureValid = crypto.verify(known.hash, infoBytes, key, der.subarray(sig.start + 1, sig.end));
    } catch {
      signatureValid = undefined;
    }
  }
  return {
    subject: nameText(der, subject),
    sans: requestedSans(der, attrs?.tag === 0xa0 ? attrs : undefined),
    ...keyDetails(key),
    signatureAlgorithm: known?.name ?? algOid,
    ...(signatureValid === undefined ? {} : { signatureValid }),
    origin,
    pem: pem('CERTIFICATE REQUEST', der.subarray(0, top.end)),
  };
}
