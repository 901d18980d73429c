// A CheckReport, read from the point of view of the code that turned verification off: which trust store that code
// would use, what the endpoint's real problem is, and which remedy keeps verification on.
import { ruleById } from '../rules/registry';
import type { Client } from '../rules/vocabulary';
import type { Cause, CauseCode, CertInfo, CheckReport, ClientId, Fix } from '../tls/types';

/** The remedy to offer on the finding (quick-fixes attach to it). */
export type RemedyKind =
  | 'trust-ca' // the chain is sound but rooted at a CA the client lacks: trust that CA (a bundle)
  | 'remove-flag' // the endpoint verifies with the client's default trust: the flag is unnecessary
  | 'renew' // expired / not yet valid / weak / wrong purpose: the server needs a new certificate
  | 'fix-chain' // the server omits its intermediate (or backends disagree): fix the server's configuration
  | 'fix-hostname' // the certificate doesn't name this host: reissue it or connect by a name it has
  | 'none'; // the endpoint couldn't be checked (refused, timeout, not TLS…)

/** What a probe means for one finding. */
export interface EndpointVerdict {
  readonly url: string;
  /** `ok`: the client would verify it; `fail`: it wouldn't; `unreachable`: no TLS session to judge. */
  readonly verdict: 'ok' | 'fail' | 'unreachable';
  readonly causes: readonly CauseCode[];
  readonly remedy: RemedyKind;
  /** The trust store that decided (the one the finding's client uses), e.g. `certifi`, `node`, `os`. */
  readonly store: string;
  /** One line for the diagnostic message. */
  readonly summary: string;
  /** The CA to trust for `trust-ca`, when the server sent it (a root, or a self-signed leaf). */
  readonly ca?: { readonly subject: string; readonly pem: string };
  /** The probe's fixes for this client (and the server side), for hovers and the related information. */
  readonly fixes: readonly Fix[];
  /** Days until the leaf expires (negative: expired), when a chain was seen. */
  readonly daysToExpiry?: number;
}

/** Which client (and so which trust store) a rule's code uses. */
export interface ClientStore {
  readonly client: ClientId;
  /** Store names in the report, first match wins: a CA variable the client honours, then its default store. */
  readonly stores: readonly string[];
}

const UNREACHABLE: ReadonlySet<CauseCode> = new Set([
  'connection-refused',
  'timeout',
  'dns-failure',
  'not-tls',
  'handshake-failure',
  'client-cert-required',
  'local-resource-limit',
  'sni-required',
  'protocol-version',
  'certificate-too-large',
]);
const TRUST: ReadonlySet<CauseCode> = new Set([
  'self-signed',
  'untrusted-root',
  'trusted-by-os-not-by-client',
  'tls-inspection',
]);
/** Server-side causes, most blocking first: each would still fail after trusting the CA. */
const SERVER_REMEDY: readonly (readonly [CauseCode, RemedyKind])[] = [
  ['expired', 'renew'],
  ['not-yet-valid', 'renew'],
  ['hostname-mismatch', 'fix-hostname'],
  ['incomplete-chain', 'fix-chain'],
  ['inconsistent-certificates', 'fix-chain'],
  ['weak-signature', 'renew'],
  ['weak-key', 'renew'],
  ['wrong-purpose', 'renew'],
  ['constraint-violation', 'renew'],
  ['invalid-ca', 'renew'],
  ['legacy-cn-only', 'fix-hostname'],
  ['verification-failed', 'renew'],
  ['wrong-intermediate', 'fix-chain'],
  ['missing-intermediate', 'fix-chain'],
];
const DAY_MS = 86_400_000;

const REQUESTS: ClientStore = {
  client: 'python-requests',
  stores: ['REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE', 'certifi'],
};
const PYTHON_SSL: ClientStore = { client: 'python-ssl', stores: ['SSL_CERT_FILE', 'os'] };
const NODE: ClientStore = { client: 'node', stores: ['NODE_EXTRA_CA_CERTS', 'node'] };
const CURL: ClientStore = { client: 'curl', stores: ['CURL_CA_BUNDLE', 'os'] };
const SERVER: ClientStore = { client: 'server', stores: ['os', 'node'] };

/** Which trust store each client (a rule's `client`) reads: Python requests/httpx certifi, Python ssl and tools OpenSSL's paths, Node its roots. */
const STORE_OF: Partial<Readonly<Record<Client, ClientStore>>> = {
  'python-requests': REQUESTS,
  'python-httpx': REQUESTS,
  'python-aiohttp': REQUESTS,
  'python-ssl': PYTHON_SSL,
  'python-urllib3': PYTHON_SSL,
  node: NODE,
  npm: NODE,
  yarn: NODE,
  git: { client: 'git', stores: ['os'] },
  curl: CURL,
  wget: CURL,
  'php-curl': CURL,
  pip: { client: 'pip', stores: ['os', 'certifi'] },
};

/** The client the code of rule `ruleId` uses, and so the trust stores to read (a server's view when unknown). */
export function clientStoreOf(ruleId: string): ClientStore {
  const client = ruleById(ruleId)?.client;
  return (client && STORE_OF[client]) || SERVER;
}

/** Reads `report` for the finding of rule `ruleId`. */
export function enrich(report: CheckReport, ruleId: string, now = new Date()): EndpointVerdict {
  const cs = clientStoreOf(ruleId);
  const store = cs.stores.find((s) => report.trust[s]?.trusted != null) ?? cs.stores[cs.stores.length - 1];
  const codes = report.causes.map((c) => c.code);
  const base = {
    url: report.url,
    store,
    causes: codes,
    fixes: fixesFor(report.causes, cs.client),
    ...expiry(report.chain, now),
  };
  const down = report.causes.find((c) => UNREACHABLE.has(c.code));
  if (down) {
    return {
      ...base,
      verdict: 'unreachable',
      remedy: 'none',
      summary: `could not check ${report.url}: ${title(down)} [${down.code}]`,
    };
  }
  const server = SERVER_REMEDY.find(([code]) => codes.includes(code));
  const trusted = report.trust[store]?.trusted ?? (report.verdict === 'ok' ? true : null);
  if (server) return { ...base, verdict: 'fail', remedy: server[1], summary: serverSummary(report, server[0]) };
  if (trusted === true) {
    return {
      ...base,
      verdict: 'ok',
      remedy: 'remove-flag',
      summary: `${report.url} verifies with default trust (${store}): turning verification off is unnecessary; remove it`,
    };
  }
  return trustVerdict(report, base, store, codes);
}

function trustVerdict(
  report: CheckReport,
  base: Omit<EndpointVerdict, 'verdict' | 'remedy' | 'summary'>,
  store: string,
  codes: CauseCode[],
): EndpointVerdict {
  const ca = caToTrust(report.chain);
  const code = codes.find((c) => TRUST.has(c)) ?? 'untrusted-root';
  const root = ca
    ? `a chain rooted at "${ca.subject}"`
    : `a chain whose root ("${report.chain[report.chain.length - 1]?.issuer ?? 'unknown'}") it didn't send`;
  const summary = `${report.url} presents ${root}, which ${store} does not trust [${code}]: trust that CA instead of turning verification off`;
  return { ...base, verdict: 'fail', remedy: 'trust-ca', summary, ...(ca ? { ca } : {}) };
}

/** The certificate to trust: the top of the sent chain when it is self-signed (a root, or a lone self-signed leaf). */
export function caToTrust(chain: readonly CertInfo[]): { subject: string; pem: string } | undefined {
  const top = chain[chain.length - 1];
  return top?.selfSigned ? { subject: top.subject, pem: top.pem } : undefined;
}

function serverSummary(report: CheckReport, code: CauseCode): string {
  const what: Partial<Record<CauseCode, string>> = {
    expired: 'renew the certificate on the server',
    'not-yet-valid': 'check the clocks, or reissue the certificate',
    'hostname-mismatch': 'reissue the certificate with this name, or connect by a name it has',
    'incomplete-chain': 'configure the server to send its intermediate certificate',
    'inconsistent-certificates': 'deploy the same certificate to every backend',
  };
  const cause = report.causes.find((c) => c.code === code) as Cause;
  return `${report.url}: ${title(cause)} [${code}]: ${what[code] ?? 'reissue the certificate'}; turning verification off only hides it`;
}

/** The probe's first sentence for a cause is the table's explanation; its title is shorter for a one-line message. */
function title(c: Cause): string {
  return c.message
    .split(/(?<=\.)\s/)[0]
    .replace(/\.$/, '')
    .replace(/^./, (ch) => ch.toLowerCase());
}

function fixesFor(causes: readonly Cause[], client: ClientId): Fix[] {
  return causes.flatMap((c) => c.fixes.filter((f) => f.client === client || f.client === 'server'));
}

function expiry(chain: readonly CertInfo[], now: Date): { daysToExpiry?: number } {
  const leaf = chain[0];
  return leaf ? { daysToExpiry: Math.floor((Date.parse(leaf.notAfter) - now.getTime()) / DAY_MS) } : {};
}
