// The one definition of "too weak" for a certificate, shared by the diagnosis (src/core/tls/diagnose.ts) and the
// Check TLS panel's badges (src/extension/checkUrl/model.ts), so both always agree.
import type { CertInfo } from './types';

/**
 * Minimum key sizes clients accept: NIST SP 800-131A disallows RSA/DSA under 2048 bits and EC under 224 bits; the
 * CA/Browser Forum BR §6.1.5 and Debian's OpenSSL SECLEVEL=2 (112-bit security) agree.
 */
export const MIN_KEY_BITS: Readonly<Record<string, number>> = { RSA: 2048, 'RSA-PSS': 2048, DSA: 2048, EC: 224 };

// Digests whose collisions are practical, as OpenSSL/X509Certificate name them (`sha1WithRSAEncryption`,
// `ecdsa-with-SHA1`, `md5WithRSAEncryption`): clients refuse SHA-1 since 2017 and MD2/MD4/MD5 long before.
const WEAK_DIGEST = /md[245]|sha-?1(?!\d)/i;

/** True when a signature algorithm uses a digest current clients refuse, e.g. `sha1WithRSAEncryption`. */
export function isWeakSignatureAlgorithm(algorithm: string): boolean {
  return WEAK_DIGEST.test(algorithm);
}

/** Why this certificate's key is too small, or undefined (key types are compared case-insensitively). */
export function weakKeyReason(c: Pick<CertInfo, 'keyType' | 'keyBits'>): string | undefined {
  const min = MIN_KEY_BITS[c.keyType.toUpperCase()];
  if (min === undefined || c.keyBits === undefined || c.keyBits >= min) return undefined;
  return `${c.keyType} ${c.keyBits}-bit key (at least ${min} needed)`;
}

/** Why this certificate's signature is weak, or undefined. Roots are exempt: nobody verifies a trust anchor's
 * self-signature. */
export function weakSignatureReason(
  c: Pick<CertInfo, 'selfSigned' | 'isCA' | 'signatureAlgorithm'>,
): string | undefined {
  if (c.selfSigned && c.isCA) return undefined;
  return isWeakSignatureAlgorithm(c.signatureAlgorithm) ? `signed with ${c.signatureAlgorithm}` : undefined;
}
