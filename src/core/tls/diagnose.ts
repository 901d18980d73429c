// Facts the probe gathered → cause codes. Each rule is data: a code and a test that returns what it saw (or nothing).
import { isIP } from 'node:net';
import { causeFor, fillFixes, fillPlaceholders, FixContext } from './causes';
import { wrongPurposeReason } from './chain';
import { weakKeyReason, weakSignatureReason } from './weak';
import type { ProbeError } from './connect';
import { matchCodes } from './wordings';
import { trailingDotSplit } from './hostnames';
import {
  chainIsPublic,
  ClientSplit,
  hostSplit,
  PUBLIC_MAX_VALIDITY_DAYS,
  rsaSplit,
  sha1Split,
  splitClients,
  validitySplit,
} from './clients';
import { inspectionVendor } from './inspection';
import { ClientVersions, osStoreFixes, SWITCHES, YarnFacts } from './versions';
import type { Cause, CauseCode, CertInfo, CheckWarning, Fix, TrustVerdict } from './types';

/** Everything the rules look at. */
export interface Facts {
  readonly host: string;
  readonly port: number;
  /** Set when no connection got as far as a TLS session. */
  readonly connectError?: ProbeError;
  readonly chain: readonly CertInfo[];
  /** The certificates path-dependent checks (validity, weak signature or key, CA-ness) apply to: the path the
   * reference store built (the one OpenSSL verified, or got stuck on). Absent: the sent chain, linked. */
  readonly path?: readonly CertInfo[];
  /** Sent certificates that are not on `path` (a cross-signed root path building skipped, a stray certificate). */
  readonly unused?: readonly CertInfo[];
  /** Host matches the leaf the way Node matches it (CN fallback without DNS SANs, one trailing dot ignored). */
  readonly hostMatches: boolean;
  readonly trust: Readonly<Record<string, TrustVerdict>>;
  /** The store whose verdict decides (--ca when given, else node). */
  readonly reference: string;
  /** The issuer fetched from the leaf's AIA URL, and whether some store knows that issuer's root. */
  readonly aia?: {
    readonly url: string;
    readonly issuer?: CertInfo;
    readonly rootKnown?: boolean;
    readonly error?: string;
  };
  /** Leaf fingerprints seen across all connections, with the addresses that served each. */
  readonly leaves: ReadonlyMap<string, readonly string[]>;
  readonly now: Date;
  /** A sent CA certificate with the name of the one it should have signed's issuer, whose key did not sign it. */
  readonly staleIssuer?: { readonly issuer: CertInfo; readonly child: CertInfo };
  /** Some store holds an intermediate (a CA that is not self-signed) named like the top certificate's issuer. */
  readonly knownIntermediate?: boolean;
  /** The AIA fetch was turned off (--no-aia, tlsDoctor.check.aia). */
  readonly aiaOff?: boolean;
  /** Through the configured proxy the chain's top issuer differs from the one a direct connection got. */
  readonly proxyResigned?: { readonly proxied: string; readonly direct: string };
  /** The user's own CA (a recognised file) the chain is rooted at. */
  readonly ownCa?: {
    readonly file: string;
    readonly label: string;
    readonly subject: string;
    readonly bundle?: string;
  };
  /** Versions of the clients on this machine (only looked up when the OS store trusts what a client does not). */
  readonly versions?: ClientVersions;
  /** The Yarn the workspace uses (packageManager, .yarnrc.yml, .yarnrc / yarn.lock), for the CA-file key. */
  readonly yarn?: YarnFacts;
  /** sni-required: the name whose SNI made the handshake of an IP target complete. */
  readonly sniWorks?: string;
  /** protocol-version: the version a legacy-enabled handshake reached (what the server speaks). */
  readonly legacyProtocol?: string;
}

/** One diagnosis rule: `test` returns a detail sentence when the cause applies. */
interface Rule {
  readonly code: CauseCode;
  readonly test: (f: Facts, trust: ReadonlySet<CauseCode>) => string | undefined;
}

const CONNECT_CODES = new Set<CauseCode>([
  'local-resource-limit',
  'dns-failure',
  'connection-refused',
  'timeout',
  'not-tls',
  'client-cert-required',
  'sni-required',
  'protocol-version',
  'certificate-too-large',
  'handshake-failure',
]);

/** OpenSSL/Node wording of a handshake that failed on the TLS version (either side's alert). */
export const PROTOCOL_VERSION_ERROR =
  /UNSUPPORTED_PROTOCOL|unsupported protocol|PROTOCOL_VERSION|alert protocol version|no protocols available/i;
const TOO_LARGE_ERROR = /EXCESSIVE_MESSAGE_SIZE|excessive message size/i;

/** Which connection-level cause an error is. What the server's bytes showed first, then Node codes, then the wording
 * table. */
function connectCause(e: ProbeError, sniWorks?: string): CauseCode {
  // Out of file descriptors is this machine's problem: never report it as the server refusing the connection.
  if (e.code === 'EMFILE' || e.code === 'ENFILE') return 'local-resource-limit';
  if (e.head?.speaks) return 'not-tls';
  // TLS 1.2: the server asked for a certificate, got none and ended the handshake (usually alert 40 or 42).
  if (e.head?.certificateRequested && e.stage === 'handshake') return 'client-cert-required';
  if (/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)$/.test(e.code)) return 'dns-failure';
  if (/^(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EPROXY)$/.test(e.code)) return 'connection-refused';
  if (e.code === 'ETIMEDOUT' || e.code === 'ABORT_ERR') return 'timeout';
  if (e.stage === 'handshake' && sniWorks) return 'sni-required';
  if (e.stage === 'handshake' && TOO_LARGE_ERROR.test(`${e.code} ${e.message}`)) return 'certificate-too-large';
  if (e.stage === 'handshake' && PROTOCOL_VERSION_ERROR.test(`${e.code} ${e.message}`)) return 'protocol-version';
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
  const chainIssue = codes.some(
    (c) => c === 'untrusted-root' || c === 'incomplete-chain' || c === 'self-signed' || c === 'missing-intermediate',
  );
  for (const c of codes) {
    if (
      ![
        'untrusted-root',
        'incomplete-chain',
        'self-signed',
        'trusted-by-os-not-by-client',
        ...DECIDED_BY_FACTS,
      ].includes(c)
    ) {
      out.add(c);
    }
  }
  // A stale intermediate explains the rejection whatever OpenSSL's wording ("signature failure", "local issuer").
  if (f.staleIssuer) return out.add('wrong-intermediate');
  if (!chainIssue) return out;
  if (verdict(f, 'os') === true && f.reference !== '--ca') out.add('trusted-by-os-not-by-client');
  else for (const c of chainShape(f)) out.add(c);
  return out;
}

/** self-signed leaf, root sent but unknown, intermediate missing (AIA found it: incomplete-chain; not seen:
 * missing-intermediate), or root unknown and not sent. An inspection proxy's root is tls-inspection (its own rule),
 * not untrusted-root. */
function chainShape(f: Facts): CauseCode[] {
  const leaf = f.chain[0];
  if (f.chain.length === 1 && leaf.selfSigned && !inspection(f)) return ['self-signed'];
  const top = f.chain[f.chain.length - 1];
  const root: CauseCode[] = inspection(f) ? [] : ['untrusted-root'];
  if (top.selfSigned) return root;
  if (f.aia?.issuer && !f.aia.issuer.selfSigned) {
    return f.aia.rootKnown ? ['incomplete-chain'] : ['incomplete-chain', ...root];
  }
  // The server sent no CA at all, and its certificate points at an issuer to fetch (AIA) or a store knows an
  // intermediate of that name: an intermediate is missing. A private root issuing leaves directly has neither.
  if (!top.isCA && (top.aiaIssuers?.length || f.knownIntermediate)) return ['missing-intermediate'];
  return root;
}

/** The inspection product (or re-signing proxy) the chain shows, as a sentence, or undefined. */
function inspection(f: Facts): string | undefined {
  const v = vendorOf(f);
  if (v) return `The chain is issued by "${v.name}": ${v.vendor} TLS inspection re-signs this connection.`;
  const p = f.proxyResigned;
  return p
    ? `Through the configured proxy the chain is issued by "${p.proxied}"; connected directly, by "${p.direct}": the proxy re-signs TLS.`
    : undefined;
}

/** The vendor a name on the chain (issuers first, then the top subject) belongs to. */
function vendorOf(f: Facts): { vendor: string; name: string } | undefined {
  for (const name of [...f.chain.map((c) => c.issuer), f.chain[f.chain.length - 1]?.subject ?? '']) {
    const vendor = inspectionVendor(name);
    if (vendor) return { vendor, name };
  }
  return undefined;
}

const fmtDate = (iso: string) => iso.slice(0, 10);
const onPath = (f: Facts) => f.path ?? f.chain;
const nonRoot = (f: Facts) => onPath(f).filter((c) => !(c.selfSigned && c.isCA));

/** What the probe saw for a connection-level cause: Node's message, and what the server's bytes said. */
function connectDetail(e: ProbeError, code: CauseCode): string {
  const speaks = e.head?.speaks;
  if (code === 'not-tls' && speaks) {
    return `The port answered "${speaks.banner}": it speaks ${speaks.protocol}, not TLS; ${speaks.hint}.`;
  }
  if (code === 'client-cert-required') {
    const how = e.head?.certificateRequested
      ? 'The server sent a CertificateRequest'
      : 'The server asked for a client certificate (TLS 1.3 certificate_required alert)';
    return `${how} and ended the handshake when none was sent: ${e.message.trim()}`;
  }
  return e.message;
}

/** sni-required: what failed without SNI and what worked with it. */
function sniDetail(f: Facts, e: ProbeError): string {
  return `Connected to ${f.host} without SNI (the probe, like clients, sends none for an IP address), the handshake failed: ${e.message.trim()}. Retried with SNI "${f.sniWorks}" (the address's reverse name), it completed.`;
}

/** protocol-version: Node's message, plus what a legacy-enabled handshake reached. */
function protocolDetail(f: Facts, e: ProbeError): string {
  const speaks = f.legacyProtocol
    ? ` With old versions allowed the handshake completes with ${f.legacyProtocol}: that is all the server speaks.`
    : '';
  return `${e.message.trim()}.${speaks}`;
}

/** The first certificate on the path that signed the one below it without being a CA (basicConstraints), when the
 * reference rejected the chain. OpenSSL decides: a verified chain is never invalid-ca, and a self-signed anchor is
 * exempt (X509v1 roots have no basicConstraints at all, and OpenSSL accepts them as trust anchors). */
function nonCaIssuer(f: Facts): { issuer: CertInfo; child: CertInfo } | undefined {
  if (f.trust[f.reference]?.trusted !== false) return undefined;
  const p = onPath(f);
  const i = p.findIndex((c, k) => k > 0 && !c.isCA && !c.selfSigned);
  return i > 0 ? { issuer: p[i], child: p[i - 1] } : undefined;
}

/** Codes the wording table may suggest for a store's error that only the probe's facts decide (the chain's shape, its
 * issuers' names and keys): a store's wording alone never adds them, nor makes a reason "known". */
const DECIDED_BY_FACTS: readonly CauseCode[] = [
  'missing-intermediate',
  'wrong-intermediate',
  'tls-inspection',
  'sni-required',
  'protocol-version',
  'certificate-too-large',
];

/** The reference store's raw OpenSSL reason when the wording table knows none of it. */
function unknownReason(f: Facts): string | undefined {
  const ref = f.trust[f.reference];
  const known = ref?.error ? matchCodes(ref.error).filter((c) => !DECIDED_BY_FACTS.includes(c)) : [];
  return ref?.trusted === false && !f.staleIssuer && ref.error && known.length === 0 ? ref.error : undefined;
}

function verificationFailedDetail(f: Facts, reason: string | undefined): string {
  const rejected = trustedBy(f, false);
  return reason
    ? `${f.reference} rejected the chain: ${reason} (rejected by: ${rejected}).`
    : `${f.reference} did not verify the chain, and no specific cause was found (rejected by: ${rejected}).`;
}

/** A host name matched only through the CN: no DNS subjectAltName at all. */
function cnOnly(f: Facts): boolean {
  const leaf = f.chain[0];
  return (
    !!leaf && f.hostMatches && !isIP(f.host.replace(/^\[|\]$/g, '')) && !leaf.sans.some((s) => s.startsWith('DNS:'))
  );
}

/** The rule table, in the order causes are reported (most fundamental first). */
const RULES: readonly Rule[] = [
  ...[...CONNECT_CODES].map((code): Rule => ({
    code,
    test: (f) =>
      f.connectError && connectCause(f.connectError, f.sniWorks) === code
        ? code === 'protocol-version'
          ? protocolDetail(f, f.connectError)
          : code === 'sni-required'
            ? sniDetail(f, f.connectError)
            : connectDetail(f.connectError, code)
        : undefined,
  })),
  {
    code: 'tls-inspection',
    test: (f) => (f.trust[f.reference]?.trusted === false && f.chain.length ? inspection(f) : undefined),
  },
  {
    code: 'wrong-intermediate',
    test: (f, t) =>
      t.has('wrong-intermediate') && f.staleIssuer
        ? `The server sent "${f.staleIssuer.issuer.subject}" as the issuer of "${f.staleIssuer.child.subject}", but its key did not sign it (serial ${f.staleIssuer.issuer.serialNumber}, valid to ${fmtDate(f.staleIssuer.issuer.notAfter)}): a stale or re-keyed intermediate. ${f.reference} says: ${f.trust[f.reference]?.error ?? 'rejected'}.`
        : undefined,
  },
  {
    code: 'self-signed',
    test: (f, t) => (t.has('self-signed') ? `The certificate "${f.chain[0].subject}" is its own issuer.` : undefined),
  },
  { code: 'untrusted-root', test: (f, t) => (t.has('untrusted-root') ? untrustedDetail(f) : undefined) },
  {
    code: 'incomplete-chain',
    test: (f, t) =>
      t.has('incomplete-chain')
        ? `The server sent ${f.chain.length} certificate(s); the issuer "${f.chain[f.chain.length - 1].issuer}" is missing, and is available at ${f.aia?.url}.`
        : undefined,
  },
  { code: 'missing-intermediate', test: (f, t) => (t.has('missing-intermediate') ? missingDetail(f) : undefined) },
  {
    code: 'trusted-by-os-not-by-client',
    test: (f, t) =>
      t.has('trusted-by-os-not-by-client') || osOnly(f)
        ? `Trusted by: ${trustedBy(f, true)}; not by: ${trustedBy(f, false)}.`
        : undefined,
  },
  {
    code: 'verification-failed',
    test: (f) => {
      const r = unknownReason(f);
      return r && verificationFailedDetail(f, r);
    },
  },
  {
    code: 'invalid-ca',
    test: (f, t) => {
      const n = nonCaIssuer(f);
      return n
        ? `"${n.issuer.subject}" signed "${n.child.subject}" but is not a CA (basicConstraints without CA:TRUE).`
        : t.has('invalid-ca')
          ? 'OpenSSL reports an invalid CA certificate.'
          : undefined;
    },
  },
  {
    code: 'constraint-violation',
    test: (f, t) =>
      t.has('constraint-violation') ? `${f.reference} reports: ${f.trust[f.reference]?.error}.` : undefined,
  },
  {
    code: 'expired',
    test: (f, t) =>
      first(
        onPath(f)
          .filter((c) => new Date(c.notAfter) < f.now)
          .map((c) => `"${c.subject}" expired on ${fmtDate(c.notAfter)}.`),
      ) ?? (t.has('expired') ? 'OpenSSL reports an expired certificate.' : undefined),
  },
  {
    code: 'not-yet-valid',
    test: (f, t) =>
      first(
        onPath(f)
          .filter((c) => new Date(c.notBefore) > f.now)
          .map(
            (c) => `"${c.subject}" is valid only from ${c.notBefore} (this machine's clock: ${f.now.toISOString()}).`,
          ),
      ) ?? (t.has('not-yet-valid') ? 'OpenSSL reports a not-yet-valid certificate.' : undefined),
  },
  {
    code: 'hostname-mismatch',
    test: (f) =>
      f.chain.length && !f.hostMatches
        ? `"${f.host}" is not in the certificate's names: ${f.chain[0].sans.join(', ') || 'it has no subjectAltName at all'}.${splitSentence(hostSplit(f.host, f.chain[0]), true)}`
        : undefined,
  },
  {
    code: 'legacy-cn-only',
    test: (f) =>
      cnOnly(f)
        ? `"${f.host}" is only the certificate's CN ("${f.chain[0].subject}"); it has ${f.chain[0].sans.length ? `no DNS name among its subjectAltNames (${f.chain[0].sans.join(', ')})` : 'no subjectAltName'}.${splitSentence(hostSplit(f.host, f.chain[0]))}`
        : undefined,
  },
  {
    code: 'weak-signature',
    test: (f, t) =>
      first(
        nonRoot(f).map(
          (c) =>
            weakSignatureReason(c) &&
            `"${c.subject}" is ${weakSignatureReason(c)}.${splitSentence(signatureSplit(f, c))}`,
        ),
      ) ?? (t.has('weak-signature') ? 'OpenSSL rejects a signature digest as too weak.' : undefined),
  },
  {
    code: 'weak-key',
    test: (f, t) =>
      first(
        nonRoot(f).map(
          (c) => weakKeyReason(c) && `"${c.subject}" has an ${weakKeyReason(c)}.${splitSentence(keySplit(f, c))}`,
        ),
      ) ?? (t.has('weak-key') ? 'OpenSSL rejects a key as too small.' : undefined),
  },
  // Node's OpenSSL reports a non-CA issuer as INVALID_PURPOSE (its last error): that is invalid-ca, not the leaf's purpose.
  {
    code: 'wrong-purpose',
    test: (f, t) =>
      (f.chain.length ? wrongPurposeReason(f.chain[0]) : undefined) ??
      (t.has('wrong-purpose') && !nonCaIssuer(f) ? 'OpenSSL reports an unsuitable certificate purpose.' : undefined),
  },
  {
    code: 'inconsistent-certificates',
    test: (f) =>
      f.leaves.size > 1
        ? `${f.leaves.size} different leaf certificates: ${[...f.leaves].map(([sha, a]) => `${sha.slice(0, 23)}… from ${[...new Set(a)].join(', ')}`).join('; ')}.`
        : undefined,
  },
];

/** When nothing else is wrong but a client store (node, certifi) rejects a chain the OS store accepts. */
function osOnly(f: Facts): boolean {
  if (f.reference === '--ca' || verdict(f, 'os') !== true) return false;
  return verdict(f, 'node') === false || verdict(f, 'certifi') === false;
}

function trustedBy(f: Facts, yes: boolean): string {
  return (
    Object.values(f.trust)
      .filter((v) => v.trusted === yes)
      .map((v) => v.store)
      .join(', ') || 'none'
  );
}

function untrustedDetail(f: Facts): string {
  if (f.ownCa) {
    return `The chain is rooted at ${f.ownCa.label}, "${f.ownCa.subject}" (${f.ownCa.file}), which this client does not trust yet: trust that file (the fixes below use it).`;
  }
  const top = f.chain[f.chain.length - 1];
  if (top.selfSigned) {
    return `The server sent the root "${top.subject}", which no checked store contains (${trustedBy(f, true) === 'none' ? 'trusted by none' : `trusted only by ${trustedBy(f, true)}`}).`;
  }
  const via = f.aia?.issuer ? ` (the intermediate from ${f.aia.url} is issued by "${f.aia.issuer.issuer}")` : '';
  return `The chain ends at "${top.subject}", issued by "${top.issuer}", which the store doesn't have${via}.`;
}

function first(list: readonly (string | undefined | false)[]): string | undefined {
  return list.find((s): s is string => typeof s === 'string' && s !== '');
}

/** " Accepted by: a, b; rejected by: c." (the per-client truth table, clients.ts); with `onlyIfSomeAccept`, nothing
 * when every client rejects (a plain mismatch needs no list). */
function splitSentence(s: ClientSplit, onlyIfSomeAccept = false): string {
  if (onlyIfSomeAccept && s.accept.length === 0) return '';
  return ` Accepted by: ${s.accept.join(', ') || 'none'}; rejected by: ${s.reject.join(', ') || 'none'}.`;
}

/** Who accepts this certificate's weak signature: SHA-1 per client; MD2/MD4/MD5 nobody. */
function signatureSplit(f: Facts, c: CertInfo): ClientSplit {
  return /sha-?1(?!\d)/i.test(c.signatureAlgorithm) ? sha1Split(chainIsPublic(f.chain)) : splitClients(() => false);
}

/** Who accepts this certificate's small key: RSA per client (rsaSplit); other key types as OpenSSL's levels, nobody. */
function keySplit(f: Facts, c: CertInfo): ClientSplit {
  return /^RSA/i.test(c.keyType) && c.keyBits !== undefined
    ? rsaSplit(c.keyBits, chainIsPublic(f.chain))
    : splitClients(() => false);
}

/** Structured extras of some causes, for JSON and UIs. */
const EXTRAS: Partial<Record<CauseCode, (f: Facts) => Partial<Cause>>> = {
  'verification-failed': (f) => ({
    ...(unknownReason(f) ? { reason: unknownReason(f) } : {}),
    rejectedBy: Object.values(f.trust)
      .filter((v) => v.trusted === false)
      .map((v) => v.store),
  }),
  'legacy-cn-only': (f) => ({ clients: hostSplit(f.host, f.chain[0]) }),
  'hostname-mismatch': (f) => (f.chain[0] ? { clients: hostSplit(f.host, f.chain[0]) } : {}),
  'weak-signature': (f) => {
    const c = nonRoot(f).find((x) => weakSignatureReason(x));
    return c ? { clients: signatureSplit(f, c) } : {};
  },
  'weak-key': (f) => {
    const c = nonRoot(f).find((x) => weakKeyReason(x));
    return c ? { clients: keySplit(f, c) } : {};
  },
  'wrong-intermediate': (f) => ({
    ...(f.trust[f.reference]?.error ? { reason: f.trust[f.reference]?.error } : {}),
    rejectedBy: Object.values(f.trust)
      .filter((v) => v.trusted === false)
      .map((v) => v.store),
  }),
  'tls-inspection': (f) => {
    const v = vendorOf(f);
    return v ? { vendor: v.vendor } : {};
  },
};

/** missing-intermediate: what is missing and why it was not fetched. */
function missingDetail(f: Facts): string {
  const top = f.chain[f.chain.length - 1];
  const url = top.aiaIssuers?.[0];
  const why = f.aiaOff
    ? `the AIA fetch is turned off (--no-aia / tlsDoctor.check.aia), so ${url} was not asked`
    : f.aia?.error
      ? `fetching it from ${f.aia.url} failed: ${f.aia.error}`
      : url
        ? `${url} did not give a CA certificate`
        : 'the certificate has no AIA URL to fetch it from, though a trust store knows an intermediate of that name';
  return `The server sent ${f.chain.length} certificate(s) and no CA; the issuer "${top.issuer}" is missing: ${why}. Whether its root is trusted is unknown until the intermediate is sent.`;
}

/** The causes the facts show, in table order. Never empty unless the reference store verified the chain: a rejection
 * nothing explains is still a `verification-failed`. */
export function diagnose(f: Facts, ctx: FixContext = {}): Cause[] {
  const trust = f.connectError ? new Set<CauseCode>() : trustCauses(f);
  // A recognised own CA: the CA file itself is what to trust (Node and curl add it; a bundle is still better for
  // requests/ssl, which replace their roots — a saved bundle, when there is one, wins).
  const fix = {
    host: f.host,
    port: f.port,
    ...(f.ownCa ? { bundle: f.ownCa.bundle ?? f.ownCa.file, ca: f.ownCa.file } : {}),
    ...ctx,
  };
  const out: Cause[] = [];
  const add = (code: CauseCode, detail: string) => out.push({ ...causeFor(code, detail, fix), ...EXTRAS[code]?.(f) });
  for (const rule of RULES) {
    if (f.connectError && !CONNECT_CODES.has(rule.code)) continue;
    const detail = rule.test(f, trust);
    if (detail !== undefined) add(rule.code, detail);
  }
  if (out.length === 0 && f.trust[f.reference]?.trusted !== true) {
    add('verification-failed', verificationFailedDetail(f, f.trust[f.reference]?.error));
  }
  return out.map((c) => withSharedBundle(f, withVersionFixes(f, c, fix)));
}

/** Causes a client's trust settings fix (the fixes that name a bundle or the OS store). */
const TRUST_FIXED = new Set<CauseCode>([
  'untrusted-root',
  'self-signed',
  'trusted-by-os-not-by-client',
  'tls-inspection',
  'missing-intermediate',
  'incomplete-chain',
]);

/** When a bundle a Python/curl variable names already trusts the chain and Node does not: Node's fix is that same file. */
function withSharedBundle(f: Facts, c: Cause): Cause {
  if (!TRUST_FIXED.has(c.code) || verdict(f, 'node') !== false || verdict(f, 'NODE_EXTRA_CA_CERTS') === true) return c;
  const shared = ['REQUESTS_CA_BUNDLE', 'SSL_CERT_FILE', 'CURL_CA_BUNDLE']
    .map((n) => f.trust[n])
    .find((v) => v?.trusted === true && v.source);
  if (!shared) return c;
  const fix = {
    client: 'node' as const,
    text: `${shared.store} (${shared.source}) already trusts this chain: point NODE_EXTRA_CA_CERTS at that same bundle`,
    snippet: `export NODE_EXTRA_CA_CERTS=${shared.source}`,
  };
  return { ...c, fixes: [fix, ...c.fixes.filter((x) => x.client !== 'node')] };
}

/** trusted-by-os-not-by-client: the switches the clients present have (Facts.versions), ahead of the generic fixes. */
function withVersionFixes(f: Facts, c: Cause, ctx: FixContext): Cause {
  const yarn = TRUST_FIXED.has(c.code) && f.yarn ? yarnFix(f.yarn, ctx) : undefined;
  const withYarn = yarn ? { ...c, fixes: [...c.fixes, yarn] } : c;
  if (c.code !== 'trusted-by-os-not-by-client' || !f.versions) return withYarn;
  const extra = fillFixes(osStoreFixes(f.versions), ctx);
  // A version-specific fix replaces the table's generic one for the same client (pip's "--cert", Node's variable).
  const clients = new Set(extra.map((x) => x.client));
  return {
    ...withYarn,
    fixes: [
      ...extra,
      ...withYarn.fixes.filter((x) => !clients.has(x.client) || x.client === 'node' || x.client === 'python-requests'),
    ],
  };
}

/** Yarn's CA-file setting for the version the workspace uses (SWITCHES.yarnCaKey); both Berry keys when only
 * `.yarnrc.yml` says it is Yarn 2+. */
function yarnFix(y: YarnFacts, ctx: FixContext): Fix {
  const key = y.major !== undefined ? SWITCHES.yarnCaKey(y.major) : undefined;
  const bundle = fillPlaceholders('{bundle}', ctx);
  if (key === 'cafile') {
    return {
      client: 'yarn',
      text: `Yarn 1 (${y.source}) reads \`cafile\` (it replaces the roots, so give it the bundle)`,
      snippet: `yarn config set cafile ${bundle}`,
    };
  }
  if (key) {
    return {
      client: 'yarn',
      text: `Yarn ${y.major} (${y.source}) reads \`${key}\` from .yarnrc.yml${key === 'httpsCaFilePath' ? ' (renamed from caFilePath in Yarn 4)' : ''}`,
      snippet: `yarn config set ${key} ${bundle}`,
    };
  }
  return {
    client: 'yarn',
    text: `Yarn 2+ (${y.source}): \`httpsCaFilePath\` in Yarn 4, \`caFilePath\` in Yarn 2 and 3`,
    snippet: `yarn config set httpsCaFilePath ${bundle}   # Yarn 2/3: yarn config set caFilePath ${bundle}`,
  };
}

/** certbot renews 30 days before expiry (its renew_before_expiry default), and the extension warns at 30 days
 * (tlsDoctor.endpoints.expiryWarningDays): a certificate with less left has missed a renewal that should have run. */
export const EXPIRING_SOON_DAYS = 30;

/** Warnings that do not fail the check: certificates on the path with fewer than EXPIRING_SOON_DAYS left. */
export function warningsOf(f: Facts): CheckWarning[] {
  const out: CheckWarning[] = [];
  for (const c of onPath(f)) {
    const left = Date.parse(c.notAfter) - f.now.getTime();
    const daysLeft = Math.floor(left / 86_400_000);
    if (left < 0 || daysLeft >= EXPIRING_SOON_DAYS) continue;
    out.push({
      code: 'expiring-soon',
      daysLeft,
      subject: c.subject,
      message: `"${c.subject}" expires on ${fmtDate(c.notAfter)} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left): renew it now.`,
    });
  }
  return out;
}

/** A leaf valid longer than 398 days: which clients would refuse it, stating the rule (Chrome and Safari enforce it
 * for publicly trusted leaves only; Safari caps private ones at 825 days). */
function longValidityNote(f: Facts): string | undefined {
  const leaf = f.chain[0];
  if (!leaf) return undefined;
  const days = Math.round((Date.parse(leaf.notAfter) - Date.parse(leaf.notBefore)) / 86_400_000);
  if (!(days > PUBLIC_MAX_VALIDITY_DAYS)) return undefined;
  const pub = chainIsPublic(f.chain);
  const s = validitySplit(days, pub);
  const rule = `Chrome and Safari reject publicly trusted leaves valid longer than ${PUBLIC_MAX_VALIDITY_DAYS} days (issued since 2020-09-01); leaves under a root the user or an admin added are exempt, except that Safari caps them at 825 days`;
  return `"${leaf.subject}" is valid ${days} days (${fmtDate(leaf.notBefore)} to ${fmtDate(leaf.notAfter)}), under a ${pub ? 'public' : 'private'} root. ${rule}. Accepted by: ${s.accept.join(', ') || 'none'}; rejected by: ${s.reject.join(', ') || 'none'}.`;
}

/** Remarks that are not problems for the client checked: certificates path building skipped, a trailing-dot host. */
export function notesOf(f: Facts): string[] {
  const out: string[] = [];
  // Only next to a verified path: when verification failed, a sent certificate path building skipped may be the very
  // one the client tried (a stale intermediate with the right name and the wrong key).
  const verified = f.trust[f.reference]?.trusted === true;
  for (const c of verified ? (f.unused ?? []) : []) {
    const issues = [
      new Date(c.notAfter) < f.now && `expired on ${fmtDate(c.notAfter)}`,
      weakSignatureReason(c),
      weakKeyReason(c),
    ].filter(Boolean);
    out.push(
      `The server also sent "${c.subject}"${issues.length ? ` (${issues.join('; ')})` : ''}, which is not on the path ${f.reference} verified: ` +
        'clients that build the same path ignore it; clients that build paths differently (OpenSSL 1.0.x, old Android, some Java versions) may use it' +
        `${issues.length ? ' and fail' : ''}. Remove it from the server's chain file.`,
    );
  }
  const v = verified ? vendorOf(f) : undefined;
  if (v) {
    out.push(
      `The chain is issued by "${v.name}" (${v.vendor} TLS inspection): this client trusts it, clients with their own root lists (Python certifi, Node, Java, containers) will not.`,
    );
  }
  const long = longValidityNote(f);
  if (long) out.push(long);
  if (f.host.endsWith('.') && f.chain.length) {
    const s = trailingDotSplit();
    out.push(
      `"${f.host}" ends with a dot: ${s.accept.join(', ')} ignore it when matching names; ${s.reject.join(', ')} ${s.reject.length === 1 ? 'does' : 'do'} not (use "${f.host.slice(0, -1)}").`,
    );
  }
  return out;
}
