// One certificate → InspectedCert: the diagnosis core's CertInfo (tls/chain.ts) plus what a viewer shows and the
// strict checks (weak.ts, the public-trust validity limit). Extensions that fail to decode are left out, never fatal.
import type { X509Certificate } from 'node:crypto';
import { extensionValue } from '../der/read';
import { certInfo } from '../tls/chain';
import { weakKeyReason, weakSignatureReason } from '../tls/weak';
import type { CertInfo } from '../tls/types';
import { basicConstraints, nameConstraints, policies, urisIn } from './asn1';
import type { InspectedCert } from './types';

const DAY_MS = 86_400_000;

/** CA/Browser Forum BR §6.3.2: publicly trusted TLS leaves issued since 2020-09-01 live at most 398 days. */
export const PUBLIC_MAX_VALIDITY_DAYS = 398;
const PUBLIC_LIMIT_SINCE = Date.UTC(2020, 8, 1);

/** Whole days from `now` to notAfter: 0 on the last day, negative once expired. */
export function daysLeft(notAfter: string, now: Date): number {
  return Math.floor((Date.parse(notAfter) - now.getTime()) / DAY_MS);
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** What strict clients or the public-trust rules refuse in this certificate (empty when nothing). */
export function strictProblems(c: CertInfo): string[] {
  const out: string[] = [];
  const leaf = !c.isCA;
  if (leaf && !c.sans.some((s) => /^(DNS|IP):/.test(s)) && /(^|, )CN=/.test(c.subject)) {
    out.push('names its host in the CN only (no subjectAltName): Chrome, Go, Python 3.7+ and Node refuse it');
  }
  const sig = weakSignatureReason(c);
  if (sig) out.push(`${sig}: current clients refuse SHA-1 and MD5 signatures`);
  const key = weakKeyReason(c);
  if (key) out.push(key);
  const days = Math.round((Date.parse(c.notAfter) - Date.parse(c.notBefore)) / DAY_MS);
  if (leaf && days > PUBLIC_MAX_VALIDITY_DAYS && Date.parse(c.notBefore) >= PUBLIC_LIMIT_SINCE) {
    out.push(
      `valid for ${days} days, over the ${PUBLIC_MAX_VALIDITY_DAYS}-day limit for publicly trusted certificates (browsers refuse it from a public CA; Apple platforms refuse any over 825 days)`,
    );
  }
  return out;
}

function role(c: CertInfo): InspectedCert['role'] {
  if (c.selfSigned) return c.isCA ? 'root' : 'self-signed';
  return c.isCA ? 'intermediate' : 'leaf';
}

/** The InspectedCert of `x`; `issuedBy` is filled in later, once the whole file is read. */
export function inspectCert(x: X509Certificate, origin: string, now: Date): InspectedCert {
  const info = certInfo(x);
  const der = x.raw;
  const ext = (oid: string) => safe(() => extensionValue(der, oid));
  const bc = ext('2.5.29.19');
  const nc = ext('2.5.29.30');
  const crl = ext('2.5.29.31');
  const pol = ext('2.5.29.32');
  const ocsp = [...(x.infoAccess ?? '').matchAll(/OCSP - URI:(\S+)/g)].map((m) => m[1]);
  const basic = bc ? safe(() => basicConstraints(bc)) : undefined;
  const names = nc ? safe(() => nameConstraints(nc)) : undefined;
  return {
    ...info,
    sha1: x.fingerprint,
    daysLeft: daysLeft(info.notAfter, now),
    origin,
    ...(basic ? { basicConstraints: basic } : {}),
    ...(names ? { nameConstraints: names } : {}),
    ocspUrls: ocsp,
    crlUrls: (crl && safe(() => urisIn(crl))) || [],
    policies: (pol && safe(() => policies(pol))) || [],
    role: role(info),
    strict: strictProblems(info),
  };
}
