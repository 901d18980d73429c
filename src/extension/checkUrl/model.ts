// Pure view-model helpers for the check panel: problem badges per certificate, the copyable snippets, the anchor
// certificate to save, file names. No `vscode` import, so the unit tests exercise them with plain mocha.
import type { Cause, CauseCode, CertInfo, CheckReport } from '../../core/tls/types';
import { weakKeyReason, weakSignatureReason } from '../../core/tls/weak';

/** One problem or property shown as a badge on a certificate card. `level` picks the colour. */
export interface Badge {
  readonly label: string;
  readonly level: 'error' | 'warning' | 'info';
  readonly title: string;
}

/** How far a certificate is through its validity period, for the validity bar. */
export interface Validity {
  readonly daysLeft: number;
  /** 0..100, elapsed share of the validity period. */
  readonly percentElapsed: number;
  readonly state: 'valid' | 'expiring' | 'expired' | 'not-yet-valid';
}

const DAY_MS = 86_400_000;
/** Same default as tlsDoctor.endpoints.expiryWarningDays: a renewal a month out is the usual warning. */
export const EXPIRY_WARNING_DAYS = 30;

/** Where `now` falls in the certificate's validity period. Unparseable dates count as expired (never hide a bad one). */
export function validityOf(cert: CertInfo, now: Date, warnDays = EXPIRY_WARNING_DAYS): Validity {
  const from = Date.parse(cert.notBefore);
  const to = Date.parse(cert.notAfter);
  const t = now.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) return { daysLeft: 0, percentElapsed: 100, state: 'expired' };
  const daysLeft = Math.floor((to - t) / DAY_MS);
  const span = Math.max(to - from, 1);
  const percentElapsed = Math.min(100, Math.max(0, ((t - from) / span) * 100));
  if (t < from) return { daysLeft, percentElapsed: 0, state: 'not-yet-valid' };
  if (t > to) return { daysLeft, percentElapsed: 100, state: 'expired' };
  return { daysLeft, percentElapsed, state: daysLeft <= warnDays ? 'expiring' : 'valid' };
}

function validityBadge(v: Validity): Badge | undefined {
  if (v.state === 'expired') return { label: 'expired', level: 'error', title: `Expired ${-v.daysLeft} day(s) ago` };
  if (v.state === 'not-yet-valid') {
    return {
      label: 'not yet valid',
      level: 'error',
      title: "Its validity starts in the future: check the certificate and this machine's clock",
    };
  }
  if (v.state === 'expiring') return { label: `expires in ${v.daysLeft} d`, level: 'warning', title: 'Renew it soon' };
  return undefined;
}

function leafBadges(cert: CertInfo, codes: ReadonlySet<CauseCode>): Badge[] {
  const out: Badge[] = [];
  if (codes.has('hostname-mismatch')) {
    out.push({
      label: 'name mismatch',
      level: 'error',
      title: 'The host name or IP is not among its subject alternative names',
    });
  }
  if (codes.has('wrong-purpose')) {
    out.push({
      label: 'wrong purpose',
      level: 'error',
      title: 'Key usage / extended key usage does not allow TLS server authentication',
    });
  }
  if (codes.has('incomplete-chain') && (cert.aiaIssuers?.length ?? 0) > 0) {
    out.push({
      label: 'issuer not sent',
      level: 'error',
      title: 'The server did not send the intermediate certificate that issued this one',
    });
  }
  if (
    cert.extKeyUsage &&
    cert.extKeyUsage.length > 0 &&
    !cert.extKeyUsage.some((u) => /serverAuth|1\.3\.6\.1\.5\.5\.7\.3\.1|TLS Web Server/i.test(u))
  ) {
    if (!codes.has('wrong-purpose')) {
      out.push({
        label: 'no serverAuth',
        level: 'warning',
        title: `Extended key usage: ${cert.extKeyUsage.join(', ')}`,
      });
    }
  }
  return out;
}

/** The badges of certificate `index` of the report's chain (index 0 = leaf). */
export function badgesFor(report: CheckReport, index: number, now: Date): Badge[] {
  const cert = report.chain[index];
  const codes = new Set(report.causes.map((c) => c.code));
  const out: Badge[] = [];
  if (cert.selfSigned) {
    out.push(
      index === 0
        ? { label: 'self-signed', level: 'error', title: 'The server certificate signs itself: no CA vouches for it' }
        : { label: 'root', level: 'info', title: 'Self-signed root sent by the server' },
    );
  } else if (cert.isCA) out.push({ label: 'CA', level: 'info', title: 'Basic constraints: CA' });
  const v = validityBadge(validityOf(cert, now));
  if (v) out.push(v);
  // The core's definition of weak (a root's self-signature is never verified, so its digest does not matter).
  if (weakSignatureReason(cert)) {
    out.push({
      label: 'weak signature',
      level: 'error',
      title: `${cert.signatureAlgorithm} is rejected by current clients`,
    });
  }
  if (weakKeyReason(cert)) {
    out.push({
      label: 'weak key',
      level: 'error',
      title: `${cert.keyType} ${cert.keyBits} bits is below the accepted minimum`,
    });
  }
  if (index === 0) out.push(...leafBadges(cert, codes));
  if (index === report.chain.length - 1 && codes.has('untrusted-root')) {
    out.push({
      label: 'untrusted root',
      level: 'error',
      title: 'The chain ends at a root the trust stores do not have',
    });
  }
  // Sent but skipped by the verified path (e.g. an expired cross-signed root): it fails no client, so no red badge.
  if (report.notOnPath?.includes(cert.sha256)) {
    return out.map((b) =>
      b.level === 'error'
        ? {
            ...b,
            level: 'warning',
            title: `${b.title} (not on the verified path: clients that build the same path ignore it)`,
          }
        : b,
    );
  }
  return out;
}

/** A snippet the user can copy from the panel; the webview only ever sends back its index. */
export interface Snippet {
  readonly cause: CauseCode;
  readonly text: string;
}

/** Every fix snippet of the report, in display order (the panel maps copy requests by index). */
export function collectSnippets(causes: readonly Cause[]): Snippet[] {
  const out: Snippet[] = [];
  for (const cause of causes) {
    for (const fix of cause.fixes) if (fix.snippet) out.push({ cause: cause.code, text: fix.snippet });
  }
  return out;
}

/**
 * The certificate to trust: the last one the server sent (the root when it sends it, the self-signed leaf when there
 * is only that). `complete` says whether it is a self-signed anchor; when false the server did not send its root.
 */
export function anchorCert(chain: readonly CertInfo[]): { cert: CertInfo; complete: boolean } | undefined {
  if (chain.length === 0) return undefined;
  const cert = chain[chain.length - 1];
  return { cert, complete: cert.selfSigned };
}

/** A file-name-safe form of a host (IPv6 colons, brackets and anything odd become "_"). */
export function safeFileStem(host: string): string {
  const stem = host
    .replace(/^\[|\]$/g, '')
    .replace(/[^A-Za-z0-9.-]/g, '_')
    .replace(/^\.+/, '');
  return stem.length > 0 ? stem.slice(0, 100) : 'endpoint';
}

/** Environment lines (dotenv syntax, one KEY=value per variable); `format` quotes values (certs' formatEnvValue). */
export function envLines(vars: Readonly<Record<string, string>>, format: (value: string) => string): string {
  return (
    Object.entries(vars)
      .map(([k, v]) => `${k}=${format(v)}`)
      .join('\n') + '\n'
  );
}

/** One line for the log: never certificate or key material, only what identifies the check and its outcome. */
export function logLine(report: CheckReport): string {
  const codes = report.causes.map((c) => c.code).join(', ') || 'none';
  const elapsed = report.elapsedMs !== undefined ? ` in ${Math.round(report.elapsedMs)} ms` : '';
  return `check ${report.host}:${report.port} → ${report.verdict} (causes: ${codes}; chain: ${report.chain.length})${elapsed}`;
}
