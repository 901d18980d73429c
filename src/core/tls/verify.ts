// Per-store verdicts. Decision: re-handshake once per store with `ca` = that store and read OpenSSL's own
// `authorizationError`, rather than re-implementing path building offline. OpenSSL is what Node, Python, curl and
// git (mostly) run, so its verdict includes what a home-made verifier would miss (security level, weak digests,
// purpose, path length, name constraints). The price is one extra handshake per store, run concurrently; the
// SecureContexts are built once per distinct store content and cached (~40 ms each to build).
import { createHash } from 'node:crypto';
import * as tls from 'node:tls';
import type { ProbeResult } from './connect';
import type { Store } from './stores';
import type { TrustVerdict } from './types';

const contexts = new Map<string, tls.SecureContext>();

/** A cached SecureContext trusting exactly `pems` (an empty list trusts nothing). */
export function contextFor(pems: readonly string[]): tls.SecureContext {
  const key = createHash('sha256').update(pems.join('\n')).digest('base64');
  let ctx = contexts.get(key);
  if (!ctx) {
    // `ca: []` is deliberate: any array replaces Node's default roots, so an empty one trusts nothing.
    ctx = tls.createSecureContext({ ca: [...pems] });
    contexts.set(key, ctx);
  }
  return ctx;
}

/** The context for the "as sent" probe: trusting nothing, Node's getPeerCertificate(true) cannot append a root from
 * a store, so the chain we read is what the server sent (relinked by issuer; unrelated extras are dropped). */
export function sentChainContext(): tls.SecureContext {
  return contextFor([]);
}

/** The verdict of one store from the handshake made with its context. */
export function verdictOf(store: Store, r: ProbeResult | undefined): TrustVerdict {
  const base = { store: store.name, ...(store.source ? { source: store.source } : {}) };
  if (!store.pems) return { ...base, trusted: null, note: store.note ?? 'not checked' };
  if (!r) return { ...base, trusted: null, note: 'no TLS session to evaluate' };
  if (r.error) return { ...base, trusted: null, note: `could not connect to check: ${r.error.message}` };
  if (r.verifyError) return { ...base, trusted: false, error: `${r.verifyError.code}: ${r.verifyError.message}` };
  return { ...base, trusted: true, ...(store.note ? { note: store.note } : {}) };
}
