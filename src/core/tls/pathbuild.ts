// Offline chain building against one trust store, the way OpenSSL 3 does it by default (trusted-first, no partial
// chains): from the leaf, look for an issuer in the store first, then among the certificates the server sent, until a
// self-signed certificate from the store is reached (once a store certificate is used, only the store is searched
// above it). Only the building step is reproduced here; what OpenSSL checks
// after it (purpose, key and digest levels, validity) is taken from the one real handshake (see verify.ts).
import { X509Certificate } from 'node:crypto';
import { cachedByPems } from './pemcache';

/** A trust store's certificates by subject name, parsed once per store content. */
export interface StoreIndex {
  readonly bySubject: ReadonlyMap<string, readonly X509Certificate[]>;
  readonly size: number;
}

/** OpenSSL's code and text for a chain that could not be built (the wording of Node 20's OpenSSL 3.0). */
export interface VerifyError {
  readonly code: string;
  readonly message: string;
}

/** The chain one store yields: `path` from the leaf up (ending at the anchor when trusted), or the building error. */
export interface PathResult {
  readonly trusted: boolean;
  readonly path: readonly X509Certificate[];
  /** Set when untrusted: the error OpenSSL ends with for this chain when nothing after building fails. */
  readonly error?: VerifyError;
}

/** OpenSSL's default maximum chain depth (X509_VERIFY_PARAM depth 100). */
const MAX_DEPTH = 100;

const ERRORS: Readonly<Record<string, string>> = {
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  CERT_CHAIN_TOO_LONG: 'certificate chain too long',
};

/** The codes chain building (and the lone-leaf check right after it) can end with. */
export const BUILD_CODES: ReadonlySet<string> = new Set(Object.keys(ERRORS));

/** The index of `pems`, built once per store content. */
export const indexFor: (pems: readonly string[]) => StoreIndex = cachedByPems(buildIndex);

function buildIndex(pems: readonly string[]): StoreIndex {
  const bySubject = new Map<string, X509Certificate[]>();
  let size = 0;
  for (const pem of pems) {
    const x = parse(pem);
    if (!x) continue; // OpenSSL skips unreadable entries of a bundle too
    bySubject.set(x.subject, [...(bySubject.get(x.subject) ?? []), x]);
    size++;
  }
  return { bySubject, size };
}

function parse(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

const signedCache = new WeakMap<X509Certificate, WeakMap<X509Certificate, boolean>>();

/** Does `issuer` sign `child`? Name match, then the signature (cached: RSA verification costs ~0.05 ms).
 * OpenSSL picks candidates by name and key identifiers and checks signatures later; checking the signature right
 * away picks the same issuer except for a forged/mismatched one, which OpenSSL would reject anyway. */
export function signs(issuer: X509Certificate, child: X509Certificate): boolean {
  if (child.issuer !== issuer.subject) return false;
  let m = signedCache.get(child);
  if (!m) signedCache.set(child, (m = new WeakMap()));
  let ok = m.get(issuer);
  if (ok === undefined) {
    try {
      ok = child.verify(issuer.publicKey);
    } catch {
      ok = false;
    }
    m.set(issuer, ok);
  }
  return ok;
}

/** Self-signed as OpenSSL's X509_self_signed sees it: its own issuer by name and signature (no keyUsage check). */
export function selfSigned(x: X509Certificate): boolean {
  return signs(x, x);
}

/** The store certificate that issued `x`, if any. */
function storeIssuer(index: StoreIndex, x: X509Certificate): X509Certificate | undefined {
  return index.bySubject.get(x.issuer)?.find((c) => signs(c, x));
}

/** Builds the chain of `sent` (leaf first, then the server's other certificates in any order) against `index`. */
export function buildPath(sent: readonly X509Certificate[], index: StoreIndex): PathResult {
  const path: X509Certificate[] = [sent[0]];
  let usedStore = false;
  for (;;) {
    const top = path[path.length - 1];
    if (path.length > MAX_DEPTH) return untrusted(path, 'CERT_CHAIN_TOO_LONG');
    const fromStore = storeIssuer(index, top);
    if (fromStore && selfSigned(fromStore)) {
      // A self-signed top that the store vouches for is replaced by the store's copy, as OpenSSL does.
      if (selfSigned(top)) path[path.length - 1] = fromStore;
      else path.push(fromStore);
      return { trusted: true, path };
    }
    if (fromStore && !path.includes(fromStore)) {
      path.push(fromStore);
      usedStore = true;
      continue;
    }
    if (selfSigned(top)) {
      return untrusted(path, path.length === 1 ? 'DEPTH_ZERO_SELF_SIGNED_CERT' : 'SELF_SIGNED_CERT_IN_CHAIN');
    }
    // Above a store certificate OpenSSL only searches the store: the server's certificates are no longer considered.
    const next = usedStore
      ? undefined
      : sent.find((c) => !path.some((p) => p.fingerprint256 === c.fingerprint256) && signs(c, top));
    if (next) {
      path.push(next);
      continue;
    }
    return untrusted(
      path,
      path.length === 1
        ? 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
        : usedStore
          ? 'UNABLE_TO_GET_ISSUER_CERT'
          : 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    );
  }
}

/** A lone leaf that is not self-signed: building fails with "unable to get local issuer certificate", and then
 * OpenSSL's signature pass reports UNABLE_TO_VERIFY_LEAF_SIGNATURE, which is the one Node keeps (the last error). */
function untrusted(path: X509Certificate[], code: string): PathResult {
  return { trusted: false, path, error: { code, message: ERRORS[code] } };
}

/** Same certificates in the same order. */
export function samePath(a: readonly X509Certificate[], b: readonly X509Certificate[]): boolean {
  return a.length === b.length && a.every((x, i) => x.fingerprint256 === b[i].fingerprint256);
}

/** Is `a` a leading part of (or equal to) `b`? */
export function isPrefix(a: readonly X509Certificate[], b: readonly X509Certificate[]): boolean {
  return a.length <= b.length && a.every((x, i) => x.fingerprint256 === b[i].fingerprint256);
}
