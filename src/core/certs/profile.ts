// Every cryptographic choice of the development CA and its leaves, with why and where it comes from. The profile
// must pass strict validators: `openssl verify -x509_strict`, i.e. Python 3.13's VERIFY_X509_STRICT (field notes §1).
import { randomBytes } from 'crypto';
import * as os from 'os';

/**
 * CA key: RSA-3072, as mkcert's root (field notes §3). The CA lives 10 years, past 2030, after which NIST SP 800-57
 * Part 1 (Table 4) no longer accepts 112-bit strength (RSA-2048); 3072 bits gives 128-bit strength. An ECDSA CA would
 * be faster to create; RSA stays, as mkcert's default root, and the leaf signing code (leafder.ts) assumes it.
 */
export const CA_KEY_BITS = 3072;

/** Leaf key when RSA is asked for: RSA-2048, as mkcert's leaves and the CA/B Baseline Requirements' minimum (§6.1.5). */
export const LEAF_KEY_BITS = 2048;

/** The leaf key types on offer. */
export type LeafKeyType = 'ecdsa' | 'rsa';

/**
 * Default leaf key: ECDSA P-256 (128-bit strength, accepted by every current TLS client, and by Debian's
 * SECLEVEL=2). Its keygen takes ≈1 ms where RSA-2048 takes 100–250 ms, which is what keeps issuing a leaf from an
 * existing CA under 100 ms. mkcert offers the same with `-ecdsa`; RSA stays available for old clients.
 */
export const DEFAULT_LEAF_KEY_TYPE: LeafKeyType = 'ecdsa';

/** RSA public exponent F4 = 65537: the only one most libraries generate, and what Node's native keygen uses. */
export const RSA_PUBLIC_EXPONENT = 0x10001;

/** CA validity: 10 years, as mkcert. A root is not subject to the 825-day leaf limit. */
export const CA_VALIDITY_YEARS = 10;

/**
 * Leaf validity upper bound: 825 days. Apple platforms reject TLS server certificates valid longer than that
 * (support.apple.com/103769, "Requirements for trusted certificates in iOS 13 and macOS 10.15"); mkcert uses it too.
 */
export const LEAF_MAX_VALIDITY_DAYS = 825;

/**
 * notBefore is set this far in the past so a client whose clock lags a little (VMs, containers, WSL after sleep)
 * does not see CERT_NOT_YET_VALID. It counts inside the validity, so notAfter − notBefore stays ≤ the limit.
 */
export const BACKDATE_MS = 60 * 60 * 1000;

/**
 * Signature: sha256WithRSAEncryption. SHA-1 signatures fail at OpenSSL security level ≥ 1 ("CA signature digest
 * algorithm too weak", field notes §1); SHA-256 is what every client accepts.
 */
export const SIGNATURE_HASH = 'sha256';

/**
 * Serial: 128 random bits from the CSPRNG with the top two bits forced to 01, so the DER INTEGER is positive
 * (RFC 5280 §4.1.2.2: positive, ≤ 20 octets) and minimally encoded (no leading zero octet), leaving 126 random bits
 * (CA/B Baseline Requirements §7.1 ask for ≥ 64). mkcert draws a random 128-bit serial too.
 */
export function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x3f) | 0x40;
  return bytes.toString('hex');
}

/**
 * Name constraints of the optional constrained CA (RFC 5280 §4.2.1.10): a dNSName "x" permits x and every name
 * ending in ".x". Only names reserved for private use: localhost (RFC 6761 §6.3), test (RFC 6761 §6.2),
 * internal (ICANN 2024 reservation for private use), home.arpa (RFC 8375), local (mDNS, RFC 6762).
 */
export const PERMITTED_DNS = ['localhost', 'test', 'internal', 'home.arpa', 'local'] as const;

/**
 * Permitted IP ranges: loopback (127.0.0.0/8, ::1), the RFC 1918 private ranges, link-local 169.254.0.0/16 and
 * IPv6 unique-local fc00::/7 (RFC 4193). Public addresses are not covered, so the CA can't vouch for them.
 */
export const PERMITTED_IP_CIDRS = [
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '169.254.0.0/16',
  '::1/128',
  'fc00::/7',
] as const;

/** Who the certificate is for, shown in trust-store UIs: like mkcert, user@host so several machines' CAs differ. */
export function ownerLabel(): string {
  let user = 'user';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): a generic label is fine.
  }
  return `${user}@${os.hostname()}`;
}

/** Organisation shown on the CA and leaves, so a user who finds them in a trust store knows where they came from. */
export const ORGANIZATION = 'TLS Doctor development CA';
