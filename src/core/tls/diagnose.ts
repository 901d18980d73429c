// Facts the probe gathered → cause codes. Each rule is data: a code and a test that returns what it saw (or nothing).
import { causeFor, FixContext } from './causes';
import { wrongPurposeReason } from './chain';
import { weakKeyReason, weakSignatureReason } from './weak';
import type { ProbeError } from './connect';
import { matchCodes } from './explain';
import type { Cause, CauseCode, CertInfo, TrustVerdict } from './types';

/** Everything the rules look at. */
export interface Facts {
  readonly host: string;
  readonly port: number;
  /** Set when no connection got as far as a TLS session. */
  readonly connectError?: ProbeError;
  readonly chain: readonly CertInfo[];
  readonly hostMatches: boolean;
  readonly trust: Readonly<Record<string, TrustVerdict>>;
  /** The store whose verdict decides (--ca when given, else node). */
  readonly reference: string;
  /** The issuer fetched from the leaf's AIA URL, and whether some store knows that issuer's root. */
  readonly aia?: { readonly url: string; readonly issuer?: CertInfo; readonly rootKnown?: boolean; readonly error?: string };
  /** Leaf fingerprints seen across all connections, with the addresses that served each. */
  readonly leaves: ReadonlyMap<string, readonly string[]>;
  readonly now: Date;
}

/** One diagnosis rule: `test` returns a detail sentence when the cause applies. */
interface Rule {
  readonly code: CauseCode;
  readonly test: (f: Facts, trust: ReadonlySet<CauseCode>) => string | undefined;
}

const CONNECT_CODES = new Set<CauseCode>(['local-resource-limit', 'dns-failure', 'connection-refused', 'timeout', 'not-tls', 'handshake-failure']);

/** Which connection-level cause an error is. Node codes first, then the wording table. */
function connectCause(e: ProbeError): CauseCode {
  // Out of file descriptors is this machine's problem: never report it as the server refusing the connection.
  if (e.code === 'EMFILE' || e.code === 'ENFILE') return 'local-resource-limit';
  if (/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)$/.test(e.code)) return 'dns-failure';
  if (/^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EPROXY)$/.test(e.code)) return 'connection-refused';
  if (e.code === 'ETIMEDOUT' || e.code === 'ABORT_ERR') return 'timeout';
  const found = matchCodes(`${e.code} ${e.message}`).find((c) => CONNECT_CODES.has(c));
  return found ?? (e.stage === 'handshake' ? 'handshake-failure' : 'connection-refused');
}

/** A trust verdict by name, and the OS store's. */
const verdict = (f: Facts, name: string) => f.trust[name]?.trusted;

/** Chain-of-trust causes from the reference store's OpenSSL error, refined by what the chain and AIA show. */
export function trustCauses(f: Facts): Set<CauseCode> {
  const out = new Set<CauseCode>();
  const ref = f.trust[f.reference];
  if (!ref || ref.trusted !== false || f.chain.length === 0) return out;
  const codes = matchCodes(ref.error ?? '');
  const chainIssue = codes.some((c) => c === 'untrusted-root' || c === 'incomplete-chain' || c === 'self-signed');
  for (const c of codes) if (!['untrusted-root', 'incomplete-chain', 'self-signed', 'trusted-by-os-not-by-client'].includes(c)) out.add(c);
  if (!chainIssue) return out;
  if (verdict(f, 'os') === true && f.reference !== '--ca') out.add('trusted-by-os-not-by-client');
  else for (const c of chainShape(f)) out.add(c);
  return out;
}

/** self-signed leaf, root sent but unknown, intermediate missing (AIA found it), or root unknown and not sent. */
function chainShape(f: Facts): CauseCode[] {
  const leaf = f.chain[0];
  if (f.chain.length === 1 && leaf.selfSigned) return ['self-signed'];
  const top = f.chain[f.chain.length - 1];
  if (top.selfSigned) return ['untrusted-root'];
  if (f.aia?.issuer && !f.aia.issuer.selfSigned) return f.aia.rootKnown ? ['incomplete-chain'] : ['incomplete-chain', 'untrusted-root'];
  return ['untrusted-root'];
}

const fmtDate = (iso: string) => iso.slice(0, 10);
const nonRoot = (f: Facts) => f.chain.filter((c) => !(c.selfSigned && c.isCA));

/** The rule table, in the order causes are reported (most fundamental first). */
const RULES: readonly Rule[] = [
  ...[...CONNECT_CODES].map((code): Rule => ({ code, test: (f) => (f.connectError && connectCause(f.connectError) === code ? f.connectError.message : undefined) })),
  { code: 'self-signed', test: (f, t) => (t.has('self-signed') ? `The certificate "${f.chain[0].subject}" is its own issuer.` : undefined) },
  { code: 'untrusted-root', test: (f, t) => (t.has('untrusted-root') ? untrustedDetail(f) : undefined) },
  { code: 'incomplete-chain', test: (f, t) => (t.has('incomplete-chain') ? `The server sent ${f.chain.length} certificate(s); the issuer "${f.chain[f.chain.length - 1].issuer}" is missing, and is available at ${f.aia?.url}.` : undefined) },
  { code: 'trusted-by-os-not-by-client', test: (f, t) => (t.has('trusted-by-os-not-by-client') || osOnly(f) ? `Trusted by: ${trustedBy(f, true)}; not by: ${trustedBy(f, false)}.` : undefined) },
  { code: 'expired', test: (f, t) => first(f.chain.filter((c) => new Date(c.notAfter) < f.now).map((c) => `"${c.subject}" expired on ${fmtDate(c.notAfter)}.`)) ?? (t.has('expired') ? 'OpenSSL reports an expired certificate.' : undefined) },
  { code: 'not-yet-valid', test: (f, t) => first(f.chain.filter((c) => new Date(c.notBefore) > f.now).map((c) => `"${c.subject}" is valid only from ${c.notBefore} (this machine's clock: ${f.now.toISOString()}).`)) ?? (t.has('not-yet-valid') ? 'OpenSSL reports a not-yet-valid certificate.' : undefined) },
  { code: 'hostname-mismatch', test: (f) => (f.chain.length && !f.hostMatches ? `"${f.host}" is not in the certificate's names: ${f.chain[0].sans.join(', ') || 'it has no subjectAltName at all'}.` : undefined) },
  { code: 'weak-signature', test: (f, t) => first(nonRoot(f).map((c) => weakSignatureReason(c) && `"${c.subject}" is ${weakSignatureReason(c)}.`)) ?? (t.has('weak-signature') ? 'OpenSSL rejects a signature digest as too weak.' : undefined) },
  { code: 'weak-key', test: (f, t) => first(nonRoot(f).map((c) => weakKeyReason(c) && `"${c.subject}" has an ${weakKeyReason(c)}.`)) ?? (t.has('weak-key') ? 'OpenSSL rejects a key as too small.' : undefined) },
  { code: 'wrong-purpose', test: (f, t) => (f.chain.length ? wrongPurposeReason(f.chain[0]) : undefined) ?? (t.has('wrong-purpose') ? 'OpenSSL reports an unsuitable certificate purpose.' : undefined) },
  { code: 'inconsistent-certificates', test: (f) => (f.leaves.size > 1 ? `${f.leaves.size} different leaf certificates: ${[...f.leaves].map(([sha, a]) => `${sha.slice(0, 23)}… from ${[...new Set(a)].join(', ')}`).join('; ')}.` : undefined) },
];

/** When nothing else is wrong but a client store (node, certifi) rejects a chain the OS store accepts. */
function osOnly(f: Facts): boolean {
  if (f.reference === '--ca' || verdict(f, 'os') !== true) return false;
  return verdict(f, 'node') === false || verdict(f, 'certifi') === false;
}

function trustedBy(f: Facts, yes: boolean): string {
  return Object.values(f.trust).filter((v) => v.trusted === yes).map((v) => v.store).join(', ') || 'none';
}

function untrustedDetail(f: Facts): string {
  const top = f.chain[f.chain.length - 1];
  if (top.selfSigned) return `The server sent the root "${top.subject}", which no checked store contains (${trustedBy(f, true) === 'none' ? 'trusted by none' : `trusted only by ${trustedBy(f, true)}`}).`;
  const via = f.aia?.issuer ? ` (the intermediate from ${f.aia.url} is issued by "${f.aia.issuer.issuer}")` : '';
  return `The chain ends at "${top.subject}", issued by "${top.issuer}", which the store doesn't have${via}.`;
}

function first(list: readonly (string | undefined | false)[]): string | undefined {
  return list.find((s): s is string => typeof s === 'string' && s !== '');
}

/** The causes the facts show, in table order; empty means `ok`. */
export function diagnose(f: Facts, ctx: FixContext = {}): Cause[] {
  const trust = f.connectError ? new Set<CauseCode>() : trustCauses(f);
  const fix = { host: f.host, port: f.port, ...ctx };
  const out: Cause[] = [];
  for (const rule of RULES) {
    if (f.connectError && !CONNECT_CODES.has(rule.code)) continue;
    const detail = rule.test(f, trust);
    if (detail !== undefined) out.push(causeFor(rule.code, detail, fix));
  }
  return out;
}
