// Who would trust the certificates of a file: each store's chain is built from the file's certificates the way
// OpenSSL builds it (tls/pathbuild.ts, the diagnosis core's own builder), then the checks OpenSSL runs after
// building that need no connection: validity, key size and signature digest (tls/weak.ts). Host name and purpose
// depend on how the certificate is used: `tls-doctor check URL` tells those from a real handshake.
import type { X509Certificate } from 'node:crypto';
import { certInfo } from '../tls/chain';
import { buildPath, indexFor } from '../tls/pathbuild';
import type { Store } from '../tls/stores';
import type { TrustVerdict } from '../tls/types';
import { weakKeyReason, weakSignatureReason } from '../tls/weak';
import type { CertVerdicts, Inspection } from './types';

/** Certificates judged per file: a bundle of 150 roots gets a verdict for the first ones, and a note. */
export const MAX_JUDGED = 20;

/** The note every report with verdicts carries, so nobody reads "trusted" as "this server will work". */
export const OFFLINE_NOTE =
  'Trust is judged from this file alone: each store builds the chain from these certificates as OpenSSL does, then validity, key size and signature digest are checked. The host name and key usage depend on where the certificate is used: check the server with "Check TLS for URL" (tls-doctor check URL).';

/** The certificates to judge: those no other certificate of the file was issued by (leaves; each root of a bundle). */
export function judgedIndexes(inspection: Inspection): number[] {
  const issuers = new Set(inspection.certificates.map((c) => c.issuedBy));
  return inspection.certificates.map((_, i) => i).filter((i) => !issuers.has(i));
}

/** OpenSSL's error for a built path that a later check refuses, in its own words (X509_verify_cert_error_string). */
function laterError(path: readonly X509Certificate[], now: Date): string | undefined {
  for (const [depth, x] of path.entries()) {
    const c = certInfo(x);
    if (Date.parse(c.notAfter) < now.getTime()) return 'CERT_HAS_EXPIRED: certificate has expired';
    if (Date.parse(c.notBefore) > now.getTime()) return 'CERT_NOT_YET_VALID: certificate is not yet valid';
    if (weakKeyReason(c)) {
      return depth === 0 ? 'EE_KEY_TOO_SMALL: ee key too small' : 'CA_KEY_TOO_SMALL: ca key too small';
    }
    if (weakSignatureReason(c)) return 'CA_MD_TOO_WEAK: ca md too weak';
  }
  return undefined;
}

function verdict(store: Store, x509: readonly X509Certificate[], index: number, now: Date): TrustVerdict {
  const base = { store: store.name, ...(store.source ? { source: store.source } : {}) };
  if (!store.pems) return { ...base, trusted: null, note: store.note ?? 'not checked' };
  const sent = [x509[index], ...x509.filter((_, i) => i !== index)];
  const built = buildPath(sent, indexFor(store.pems));
  if (!built.trusted) return { ...base, trusted: false, error: `${built.error?.code}: ${built.error?.message}` };
  const later = laterError(built.path, now);
  if (later) return { ...base, trusted: false, error: later };
  const anchor = built.path[built.path.length - 1];
  const isAnchor = built.path.length === 1 || anchor.fingerprint256 === x509[index].fingerprint256;
  const note = isAnchor ? 'this certificate is one of the store’s roots' : `chains to ${oneLine(anchor.subject)}`;
  return { ...base, trusted: true, note: store.note ? `${note}; ${store.note}` : note };
}

function oneLine(dn: string | undefined): string {
  return (dn ?? '').split('\n').filter(Boolean).join(', ');
}

/** The verdict of every store for each judged certificate (at most MAX_JUDGED; `notes` says when more were left). */
export function judge(
  inspection: Inspection,
  x509: readonly X509Certificate[],
  stores: readonly Store[],
  now: Date = new Date(),
): { verdicts: CertVerdicts[]; notes: string[] } {
  const targets = judgedIndexes(inspection);
  const notes =
    targets.length > MAX_JUDGED
      ? [`trust was judged for the first ${MAX_JUDGED} of ${targets.length} top-level certificates`]
      : [];
  const verdicts = targets.slice(0, MAX_JUDGED).map((index) => ({
    index,
    subject: inspection.certificates[index].subject,
    stores: stores.map((s) => verdict(s, x509, index, now)),
  }));
  return { verdicts, notes: verdicts.length ? [OFFLINE_NOTE, ...notes] : notes };
}
