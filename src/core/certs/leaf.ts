// Leaf (server) certificates signed by the development CA.
// Built as DER by leafder.ts with Node's crypto (no node-forge: this is the path people run over and over).
import { parseHosts } from './hosts';
import { buildLeafDer, generateLeafKeyDer, loadSigningCa } from './leafder';
import { DEFAULT_LEAF_KEY_TYPE, LEAF_MAX_VALIDITY_DAYS, LeafKeyType } from './profile';

/** Options for a leaf certificate. */
export interface LeafOptions {
  /** Validity in days, 1…825 (default 825, Apple's limit). */
  validityDays?: number;
  /** `ecdsa` (P-256, default: fast) or `rsa` (2048 bits, for clients without ECDSA). */
  keyType?: LeafKeyType;
  /** Issue an mTLS client certificate for this name (CN, EKU clientAuth) instead of a server one; hosts optional. */
  client?: string;
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
    throw new Error(
      `validity must be a whole number of days from 1 to ${LEAF_MAX_VALIDITY_DAYS} (Apple platforms reject longer); got ${days}`,
    );
  }
  return d;
}

/**
 * Issues a leaf for `hosts` (DNS names, wildcards, IPv4/IPv6 addresses) from the CA in `caDir`, which must exist
 * (see ensureCa). E.g. `issueLeaf(dir, ['localhost', '127.0.0.1', '::1'])`.
 */
export async function issueLeaf(caDir: string, hosts: string[], opts: LeafOptions = {}): Promise<Leaf> {
  const parsed = opts.client && hosts.length === 0 ? [] : parseHosts(hosts);
  const days = checkValidityDays(opts.validityDays);
  const keyPromise = generateLeafKeyDer(opts.keyType ?? DEFAULT_LEAF_KEY_TYPE); // thread pool, while the CA loads
  const ca = loadSigningCa(caDir);
  const key = await keyPromise;
  const purpose = opts.client
    ? { kind: 'client' as const, name: checkClientName(opts.client) }
    : { kind: 'server' as const };
  return { certPem: buildLeafDer(ca, key, parsed, days, purpose), keyPem: key.privatePem };
}

/** A client name for the CN: 1–64 characters (RFC 5280's ub-common-name), no control characters. */
export function checkClientName(name: string): string {
  const n = name.trim();
  // eslint-disable-next-line no-control-regex
  if (n.length === 0 || n.length > 64 || /[\u0000-\u001f\u007f]/.test(n)) {
    throw new Error(
      `the client name must be 1 to 64 printable characters, e.g. "alice" or "build-bot@ci" (got ${JSON.stringify(name)})`,
    );
  }
  return n;
}
