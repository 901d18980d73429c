// How each client matches the host name against the certificate, where clients differ: the host-name columns of the
// per-client truth table (clients.ts), which says per row whether it was measured here or comes from documentation.
import { CLIENT_RULES, splitClients } from './clients';

/** One client's host-name matching. */
export interface HostnameRule {
  readonly client: string;
  /** Falls back to the subject CN when the certificate has no DNS subjectAltName. */
  readonly cnFallback: boolean;
  /** Ignores one trailing dot of the host ("localhost." matches DNS:localhost); undefined when not established. */
  readonly trailingDot?: boolean;
  readonly source: string;
}

export const HOSTNAME_RULES: readonly HostnameRule[] = CLIENT_RULES.map((r) => ({
  client: r.client,
  cnFallback: r.cnFallback,
  ...(r.trailingDot !== undefined ? { trailingDot: r.trailingDot } : {}),
  source: r.source,
}));

/** Clients that accept / reject a certificate whose only name is the CN. */
export function cnOnlySplit(): { accept: string[]; reject: string[] } {
  return splitClients((r) => r.cnFallback);
}

/** Clients that accept / reject a host written with a trailing dot (only those where it is established). */
export function trailingDotSplit(): { accept: string[]; reject: string[] } {
  return splitClients((r) => r.trailingDot);
}
