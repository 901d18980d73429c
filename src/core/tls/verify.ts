// Per-store verdicts from ONE real OpenSSL verification. The primary handshake runs with the reference store's
// context (Node's bundled roots, plus --ca when given): its `authorizationError` is OpenSSL's own verdict, including
// what a home-made verifier would miss (security level, weak digests, purpose, path length, name constraints).
// Every other store is judged offline from the certificates the server sent (pathbuild.ts), and only when that
// cannot match OpenSSL faithfully is the store re-handshaken with its own context (see `offlineVerdict`).
//
// Why this is subtle: Node's verify callback accepts every error and reads SSL_get_verify_result afterwards, so OpenSSL
// runs all its checks and reports the LAST error: chain building first, then purpose/extensions, key and digest
// levels, then signatures and validity from the top down. An expired leaf under an unknown root therefore reports
// CERT_HAS_EXPIRED, not "unable to get local issuer certificate".
import type { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import type { ProbeResult } from './connect';
import { cachedByPems } from './pemcache';
import { BUILD_CODES, buildPath, indexFor, isPrefix, PathResult, samePath, VerifyError } from './pathbuild';
import type { Store } from './stores';
import type { TrustVerdict } from './types';

/** A cached SecureContext trusting exactly `pems` (an empty list trusts nothing). */
export const contextFor: (pems: readonly string[]) => tls.SecureContext = cachedByPems((pems) =>
  // `ca: []` is deliberate: any array replaces Node's default roots, so an empty one trusts nothing.
  tls.createSecureContext({ ca: [...pems] }),
);

/** What the primary handshake established: the reference store, what the server sent, OpenSSL's verdict. */
export interface Reference {
  readonly store: Store & { readonly pems: readonly string[] };
  readonly sent: readonly X509Certificate[];
  readonly verifyError?: VerifyError;
  /** The reference store's chain as pathbuild.ts builds it. */
  readonly path: PathResult;
  /** False when pathbuild.ts disagrees with OpenSSL on the reference store: then no store is judged offline. */
  readonly consistent: boolean;
}

/** The reference for a successful primary handshake made with `store`'s context. */
export function referenceOf(store: Reference['store'], primary: ProbeResult): Reference {
  const path = buildPath(primary.sent, indexFor(store.pems));
  const e = primary.verifyError;
  const consistent = path.trusted
    ? !e || !BUILD_CODES.has(e.code)
    : !!e && (!BUILD_CODES.has(e.code) || e.code === path.error?.code);
  return { store, sent: primary.sent, verifyError: e, path, consistent };
}

/** The verdict of `store` without a handshake, or undefined when only a handshake with its own context can tell.
 * Offline is exact in two cases:
 * 1. The store yields the same chain as the reference (same certificates, same trust, same building error): OpenSSL
 *    would run the same checks on the same certificates, so its answer is the reference's.
 * 2. The reference passed every check, and this store's chain is a leading part of the reference's that cannot be
 *    completed: the later checks on those certificates all passed already, so only the building error remains.
 * Anything else (the reference failed a later check, or this store completes a chain the reference could not) would
 * need OpenSSL's error ordering on certificates we did not verify together: that case re-handshakes. */
export function offlineVerdict(store: Store, ref: Reference): TrustVerdict | undefined {
  if (!store.pems) return unchecked(store, store.note ?? 'not checked');
  if (store === ref.store) return fromError(store, ref.verifyError);
  if (!ref.consistent) return undefined;
  const mine = buildPath(ref.sent, indexFor(store.pems));
  const same =
    mine.trusted === ref.path.trusted &&
    mine.error?.code === ref.path.error?.code &&
    samePath(mine.path, ref.path.path);
  if (same) return fromError(store, ref.verifyError);
  if (!ref.verifyError && !mine.trusted && isPrefix(mine.path, ref.path.path)) return fromError(store, mine.error);
  return undefined;
}

/** The verdict of one store from a handshake made with its own context (the fallback), or without any session. */
export function verdictOf(store: Store, r: ProbeResult | undefined): TrustVerdict {
  if (!store.pems) return unchecked(store, store.note ?? 'not checked');
  if (!r) return unchecked(store, 'no TLS session to evaluate');
  if (r.error) return unchecked(store, `could not connect to check: ${r.error.message}`);
  return fromError(store, r.verifyError);
}

function base(store: Store) {
  return { store: store.name, ...(store.source ? { source: store.source } : {}) };
}

function unchecked(store: Store, note: string): TrustVerdict {
  return { ...base(store), trusted: null, note };
}

function fromError(store: Store, e: VerifyError | undefined): TrustVerdict {
  if (e) return { ...base(store), trusted: false, error: `${e.code}: ${e.message}` };
  return { ...base(store), trusted: true, ...(store.note ? { note: store.note } : {}) };
}
