// "Explain TLS Error": a pasted message → which client printed it, the most likely cause and the alternatives it
// leaves open (each with the check that settles it), that client's fix first, and the endpoint to probe.
// Pure: `restateFromProbe` takes a CheckReport the caller obtained (the CLI's --check, the extension's "Check").
import { isIP } from 'node:net';
import { CAUSES } from '../tls/causes';
import type { CauseCode, CheckReport } from '../tls/types';
import { ClientInfo, clientInfo, CLIENTS, identifyClient } from './clients';
import type { ClientFamily, ExplainClientId } from './clients';
import { endpointOf } from './facts';
import type { Endpoint } from './facts';
import { unblock, unlayout, unwrapConsole } from './layout';
import { normalise } from './normalise';
import { wraps } from './precedence';
import { CLIENT_FIXES, ExplainFix } from './fixes';
import { clientHint } from './hint';
import type { ClientHint } from './hint';
import { CAUSE_TEXTS } from './texts';
import { ExplainCauseCode, matchWordings } from '../tls/wordings';

export type { ExplainClientId, ClientInfo, ClientFamily } from './clients';
export type { ExplainFix } from './fixes';
export type { ClientHint, HintOs } from './hint';
export type { ExplainCauseCode } from '../tls/wordings';
export { CLIENTS, identifyClient } from './clients';
export { clientHint, unrecognisedLabel } from './hint';
export { endpointOf } from './facts';
export { CAUSE_TEXTS, causeTitle } from './texts';

/** How sure the explanation is: read from the message, one of its possibilities, or seen by the probe. */
export type Likelihood = 'likely' | 'possible' | 'confirmed';

export interface ExplainedCause {
  readonly code: ExplainCauseCode;
  readonly likelihood: Likelihood;
  readonly message: string;
  readonly fixes: readonly ExplainFix[];
  /**
   * On the most likely cause of a message that states no reason (or hides it): the cause is the usual one for such
   * messages, not one the message read, so it is shown as probable, never as certain.
   */
  readonly guessed?: true;
}

/** The whole explanation; its JSON is what `tls-doctor explain --format json` prints. */
export interface Explanation {
  readonly client: ClientInfo | null;
  readonly causes: readonly ExplainedCause[];
  readonly host: string | null;
  readonly port: number | null;
  readonly url: string | null;
}

/** Causes a connection error can have before TLS starts; they are noise beside a certificate wording. */
const NETWORK = new Set<ExplainCauseCode>(['connection-refused', 'timeout', 'dns-failure']);
/** At most this many possibilities after the most likely cause: more is a list, not an explanation. */
const MAX_ALTERNATIVES = 3;

/** Explains one error message (a line, a traceback, a CI log excerpt). */
export function explain(pasted: string): Explanation {
  // CI prefixes and Markdown first (a log prefix sits before Terraform's box), then the terminal's layout.
  const normalised = normalise(pasted);
  const text = unlayout(normalised);
  // A console's hard wrap is undone for the client and the endpoint (a URL cut in two names no host); the wordings
  // read both forms, in case the "wrap" was lines of equal length by chance.
  const joined = unwrapConsole(text);
  // One line cut at a terminal's width may be a wrap (a long line pasted from an 80-column console) or a line that
  // happens to be that long: that reading only fills in what the text as it stands leaves open.
  const loose = unwrapConsole(text, 1);
  const client = inTerraformBox(normalised, moreSpecific(identifyClient(joined), identifyClient(loose)) ?? null);
  const endpoint = acrossWraps(endpointOf(joined), endpointOf(loose));
  const match = matchWordings([...new Set([joined, text, loose, unblock(text)])].join('\n'));
  const read = namedByHost(match.hidden ? usualFirst(match.codes, client) : match.codes, endpoint.host);
  const codes = rank(privateIssuer(sniSent(read, client, endpoint.host), endpoint.host), client);
  // Unrecognised: the weaker evidence orders the fixes (the documented JSON keeps `client: null`; hintFor says why).
  const hint = client ? null : clientHint(joined);
  const ctx = { host: endpoint.host, port: endpoint.port, hint };
  const causes = codes.map((code, i): ExplainedCause => {
    const t = CAUSE_TEXTS[code];
    const said = i === 0 && match.says ? ` ${match.says}` : '';
    // A message that hides its reason gets its most likely cause worded as a possibility too, after saying so.
    const message =
      i === 0 && match.hidden
        ? `${match.says ?? ''} ${t.possible} Check: ${fill(t.check, ctx)}`.trim()
        : `${i === 0 ? t.likely : t.possible}${said} Check: ${fill(t.check, ctx)}`;
    const guessed = match.hidden === true;
    const fixes = fixesFor(code, client, ctx, guessed);
    return {
      code,
      likelihood: i === 0 ? 'likely' : 'possible',
      message,
      fixes,
      ...(i === 0 && guessed ? { guessed } : {}),
    };
  });
  const found = { host: endpoint.host ?? null, port: endpoint.port ?? null, url: endpoint.url ?? null };
  return { client, causes, ...found };
}

/**
 * What a pasted text suggests about its client when none is recognised (null when one is): the same reading of the
 * text as explain's, for the "Client: not recognised (…)" line. Pass the text's explanation when there is one (it is
 * not worked out again).
 */
export function hintFor(pasted: string, explained: Explanation = explain(pasted)): ClientHint | null {
  return explained.client ? null : clientHint(unwrapConsole(unlayout(normalise(pasted))));
}

/** Terraform's (and OpenTofu's) diagnostic box around an error: "│ Error: …" (unlayout removes the box). */
const TERRAFORM_BOX = /^[ \t]*│ (?:Error|Warning): /m;

/**
 * The client, or Terraform when the error sits in Terraform's box and the words inside name only a Go library or
 * tool (a provider's or a data source's request: "│ Error: Error making request: Get "https://…": x509: …").
 */
function inTerraformBox(text: string, client: ClientInfo | null): ClientInfo | null {
  if (!TERRAFORM_BOX.test(text) || (client && client.family !== 'go')) return client;
  return clientInfo('terraform');
}

/**
 * Of two readings' clients, the outer program when one runs the other (precedence.ts: Guzzle over PHP's curl), else
 * the one the table ranks first (a tool before the library its words also name).
 */
function moreSpecific(a: ClientInfo | undefined, b: ClientInfo | undefined): ClientInfo | undefined {
  if (!a || !b) return a ?? b;
  if (wraps(a.id, b.id)) return a;
  if (wraps(b.id, a.id)) return b;
  const rank = (c: ClientInfo) => CLIENTS.findIndex((x) => x.id === c.id);
  return rank(b) < rank(a) ? b : a;
}

/**
 * A host cut at the end of a full-width line ("… not 192.168." / "56.101") reads whole when that one line is joined
 * to the next; the joined reading is kept where it extends the host the text gives as it stands, or gives one where
 * the text gives none (a URL cut inside its scheme or host names nothing until joined).
 */
function acrossWraps(asIs: Endpoint, joined: Endpoint): Endpoint {
  if (!asIs.host) return joined.host ? joined : asIs;
  const longer = joined.host && joined.host.length > asIs.host.length && joined.host.startsWith(asIs.host);
  // A host at a sentence's end joined to the next line's first word ("…, not registry-1.docker.io." + "See 'docker
  // run --help'.") is no longer name: a wrapped label goes on in lower case, a new sentence starts with a capital.
  const sentence = longer && /^\.[A-Z]/.test(joined.host!.slice(asIs.host.length));
  return longer && !sentence ? joined : asIs;
}

/**
 * The reason a client meets most often, for a message that hides or states no reason ("The SSL connection could not
 * be established, see inner exception" alone, "Could not establish trust relationship"): PowerShell mostly talks to
 * appliances and management interfaces (iLO, vCenter, Intersight) that serve a self-signed certificate, the only
 * reason its threads establish (notes/explain20/bare-tally.md); other clients keep the table's order (a root the
 * client does not trust, by far the most frequent in the tally).
 */
const USUAL_HIDDEN_REASON: Partial<Record<ExplainClientId, ExplainCauseCode>> = { powershell: 'self-signed' };

function usualFirst(codes: readonly ExplainCauseCode[], client: ClientInfo | null): readonly ExplainCauseCode[] {
  const usual = client ? USUAL_HIDDEN_REASON[client.id] : undefined;
  return usual && codes.includes(usual) ? [usual, ...codes.filter((c) => c !== usual)] : codes;
}

/**
 * badssl.com's test hosts are named after the defect they serve ("incomplete-chain.badssl.com", "wrong.host…"): where
 * the message's wording leaves that reason among its possibilities (curl's bare "verification failed" beside an
 * omitted intermediate), the host's own name settles it.
 */
const BADSSL: Readonly<Record<string, ExplainCauseCode>> = {
  expired: 'expired',
  'self-signed': 'self-signed',
  'untrusted-root': 'untrusted-root',
  'incomplete-chain': 'incomplete-chain',
  'wrong.host': 'hostname-mismatch',
  'sha1-intermediate': 'weak-signature',
  rsa1024: 'weak-key',
};

function namedByHost(codes: readonly ExplainCauseCode[], host: string | undefined): readonly ExplainCauseCode[] {
  const m = host ? /^(.+)\.badssl\.com$/i.exec(host) : null;
  const named = m ? BADSSL[m[1].toLowerCase()] : undefined;
  return named && codes.includes(named) ? [named, ...codes.filter((c) => c !== named)] : codes;
}

/**
 * Families whose clients always send the server name (Node since 0.x, browsers, Go, rustls/reqwest): a CDN's default
 * certificate (a.sni.fastly.net) reaching one of them by host name means the name is not set up on that CDN (DNS
 * pointing elsewhere), not a client that sent no SNI.
 */
const SENDS_SNI = new Set<ClientFamily>(['node', 'browser', 'go', 'rust']);

function sniSent(codes: readonly ExplainCauseCode[], client: ClientInfo | null, host: string | undefined) {
  const byName = host !== undefined && isIP(host) === 0;
  const sends = client !== null && SENDS_SNI.has(client.family) && byName;
  return sends && codes[0] === 'sni-required' && codes.includes('hostname-mismatch')
    ? ['hostname-mismatch' as const, ...codes.filter((c) => c !== 'hostname-mismatch')]
    : codes;
}

/**
 * A loopback or private name (localhost, 127.0.0.1, 10.x, *.local) never has a public CA's certificate: when the
 * client found no issuer for it ("unable to verify the first certificate"), the issuer is a private CA the client
 * does not trust, more likely than a public chain missing its intermediate.
 */
const PRIVATE_HOST =
  /^(?:localhost|[\w.-]+\.(?:localhost|local|internal|lan)|127(?:\.\d{1,3}){3}|10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|::1)$/i;

function privateIssuer(codes: readonly ExplainCauseCode[], host: string | undefined) {
  const lan = host !== undefined && PRIVATE_HOST.test(host);
  return lan && codes[0] === 'incomplete-chain' && codes.includes('untrusted-root')
    ? ['untrusted-root' as const, ...codes.filter((c) => c !== 'untrusted-root')]
    : codes;
}

/** Drops what the message or the client contradicts, and keeps the list short. */
function rank(codes: readonly ExplainCauseCode[], client: ClientInfo | null): ExplainCauseCode[] {
  // A client that reads the OS store cannot fail *because* only the OS trusts the CA ("curl: (60)" is not that).
  const kept = codes.filter((c) => c !== 'trusted-by-os-not-by-client' || !client || client.ownStore);
  const [first, ...rest] = kept;
  if (first === undefined) return [];
  // Chromium fetches a missing intermediate itself: an omitted intermediate is no possibility beside another reading.
  const fetched = client?.fetchesIntermediates ? rest.filter((c) => c !== 'incomplete-chain') : rest;
  const alternatives = NETWORK.has(first) ? fetched : fetched.filter((c) => !NETWORK.has(c));
  return [first, ...alternatives.slice(0, MAX_ALTERNATIVES)];
}

interface FixContext {
  readonly host?: string;
  readonly port?: number;
  /** With no client recognised: the order the text's weaker evidence gives the common clients' fixes. */
  readonly hint?: ClientHint | null;
}

/** Fills a fix's placeholders; `own` replaces the CA files with the server's certificate (self-signed: trust itself). */
function fill(s: string, ctx: FixContext, own?: string): string {
  const host = ctx.host ?? 'HOST';
  const port = ctx.port ?? 443;
  return s
    .replace(/\{hostport\}/g, port === 443 ? host : `${host}:${port}`)
    .replace(/\{host\}/g, host)
    .replace(/\{port\}/g, String(port))
    .replace(/\{bundle\}/g, own ?? '/path/to/ca-bundle.pem')
    .replace(/\{ca\}/g, own ?? 'corp-ca.pem');
}

type Slot = 'trust' | 'systemStore' | 'updateStore' | 'clientCert' | 'protocol' | 'revocation';

/** Which of a client's levers answer each cause, in order (the first one the client has is shown first). */
const SLOTS: Partial<Record<ExplainCauseCode, readonly Slot[]>> = {
  'untrusted-root': ['trust'],
  'self-signed': ['trust'],
  'incomplete-chain': ['trust'],
  'trusted-by-os-not-by-client': ['systemStore', 'trust'],
  'verification-failed': ['updateStore', 'trust'],
  expired: ['updateStore'],
  'client-cert-required': ['clientCert'],
  'revocation-check-failed': ['revocation'],
  'handshake-failure': ['protocol'],
  // An inspecting proxy re-signs every site: its root CA is what the client must trust (its cure is the client's).
  'tls-inspection': ['trust'],
};

/**
 * The levers for a cause the message does not state but the explainer guesses from what such messages usually mean:
 * an untrusted root behind a bare "certificate verify failed" is as often an old client's outdated CA bundle as a
 * proxy's or internal root (the tally of their threads), so refreshing the client's roots comes first, then trusting
 * the missing CA; every lever the client has is shown.
 */
const GUESSED_SLOTS: Partial<Record<ExplainCauseCode, readonly Slot[]>> = {
  'untrusted-root': ['updateStore', 'trust'],
};

/** What the client's own fix says for a cause that is the client's to cure but has no lever in the table. */
const GENERIC: Partial<Record<ExplainCauseCode, (title: string) => Omit<ExplainFix, 'client'>>> = {
  'not-tls': (title) => ({
    text: `${title}: use the TLS port (usually 443) with https://, or http:// if the service has no TLS; a proxy variable written https:// for a plain-HTTP proxy causes this too`,
    snippet: 'export HTTPS_PROXY=http://proxy.example:3128   # http://, not https://',
  }),
  // No lever sends a server name from a client that cannot: the client itself must be newer.
  'sni-required': (title) => ({
    text: `${title}: use a build that sends the server name (SNI): Python ≥ 2.7.9 (pip and requests with it), wget ≥ 1.14, a current OpenSSL or JDK; and connect by host name, not IP address`,
    snippet: 'python -c "import ssl; print(ssl.HAS_SNI)"   # False: this Python sends no SNI',
  }),
};

/** That client's fixes for a cause (lever text with its placeholders filled). */
function clientFixes(code: ExplainCauseCode, id: ExplainClientId, ctx: FixContext, guessed = false): ExplainFix[] {
  const levers = CLIENT_FIXES[id];
  const title = CLIENTS.find((c) => c.id === id)?.title ?? id;
  // A self-signed server certificate is trusted as itself: the same lever, with the server's PEM as the bundle.
  const bundle = code === 'self-signed' ? 'server.pem' : undefined;
  const out: ExplainFix[] = [];
  const every = guessed ? GUESSED_SLOTS[code] : undefined;
  for (const slot of every ?? SLOTS[code] ?? []) {
    const lever = levers[slot];
    if (!lever) continue;
    const prefix =
      code === 'self-signed' && slot === 'trust'
        ? 'Trust exactly this certificate (save it as server.pem first). '
        : code === 'incomplete-chain'
          ? 'Until the server sends its intermediate, trust a bundle that contains it. '
          : code === 'tls-inspection'
            ? "Trust the inspecting proxy's root CA (ask IT for it, or export it from the OS store). "
            : '';
    out.push({
      client: id,
      text: prefix + fill(lever.text, ctx, bundle),
      ...(lever.snippet ? { snippet: fill(lever.snippet, ctx, bundle) } : {}),
    });
    if (slot === 'trust') {
      for (const more of levers.more ?? []) {
        out.push({
          client: id,
          text: fill(more.text, ctx),
          ...(more.snippet ? { snippet: fill(more.snippet, ctx) } : {}),
        });
      }
    }
    if (!every) break;
  }
  const generic = GENERIC[code];
  if (out.length === 0 && generic) {
    const g = generic(title);
    out.push({ client: id, text: g.text, ...(g.snippet ? { snippet: g.snippet } : {}) });
  }
  return out;
}

/** Server-side fixes: the diagnosis table's, plus the ones for codes only the explainer knows yet. */
function serverFixes(code: ExplainCauseCode, ctx: FixContext): ExplainFix[] {
  const own = EXTRA_SERVER_FIXES[code];
  if (own) return own.map((f) => ({ ...f, text: fill(f.text, ctx) }));
  const doc = (CAUSES as Partial<Record<string, (typeof CAUSES)[CauseCode]>>)[code];
  return (doc?.fixes ?? [])
    .filter((f) => f.client === 'server')
    .map((f) => ({
      client: 'server',
      text: fill(f.text, ctx),
      ...(f.snippet ? { snippet: fill(f.snippet, ctx) } : {}),
    }));
}

const EXTRA_SERVER_FIXES: Partial<Record<ExplainCauseCode, readonly ExplainFix[]>> = {
  'verification-failed': [],
  'client-cert-required': [
    {
      client: 'server',
      text: 'If you run the server: check which CAs it accepts for client certificates (nginx ssl_client_certificate, Go ClientCAs) and that the client certificate is current and has extendedKeyUsage clientAuth',
    },
  ],
  'legacy-cn-only': [
    {
      client: 'server',
      text: 'Reissue the server certificate with every host name as a subjectAltName (DNS:, and IP: for addresses), e.g. tls-doctor devcert {host}; no client setting restores Common Name matching',
    },
  ],
  'revocation-check-failed': [
    {
      client: 'server',
      text: 'If the certificates come from your proxy or internal CA: publish CRL/OCSP URLs the clients can reach, or issue certificates without unreachable ones',
    },
  ],
};

/** The other clients whose fix for this cause is worth folding below: the same family, or the hint's order. */
function otherClients(client: ClientInfo | null, hint: ClientHint | null | undefined): ExplainClientId[] {
  if (!client) return [...(hint ?? clientHint('')).order];
  return CLIENTS.filter((c) => c.family === client.family && c.id !== client.id)
    .map((c) => c.id)
    .slice(0, 4);
}

/** The fixes for one cause: the client's first when the cure is the client's, the server's first otherwise. */
function fixesFor(code: ExplainCauseCode, client: ClientInfo | null, ctx: FixContext, guessed = false): ExplainFix[] {
  const mine = client ? clientFixes(code, client.id, ctx, guessed) : [];
  const server = serverFixes(code, ctx);
  const others = otherClients(client, ctx.hint).flatMap((id) => clientFixes(code, id, ctx, guessed));
  const clientFirst = mine.length > 0 && client !== null && cureLiesWithClient(code, client.id);
  // Unrecognised, but the text points somewhere (a Python traceback, a registry's URL): for a cure on the client
  // side the likeliest client's fix leads; with no such evidence the server's fix stays first.
  const hinted = ctx.hint?.reasons.length && ctx.hint.order[0] && cureLiesWithClient(code, ctx.hint.order[0]);
  if (clientFirst) return [...mine, ...server, ...others];
  return hinted && others.length > 0 ? [...others, ...server] : [...server, ...mine, ...others];
}

/**
 * Whether the cure for `code` lies with this client (its fix then comes first): the cause's usual side, except that
 * a refused handshake is the client's to cure where old defaults are the usual reason (Windows PowerShell 5.1 and
 * .NET Framework offering only TLS 1.0/1.1).
 */
export function cureLiesWithClient(code: ExplainCauseCode, client: ExplainClientId): boolean {
  if (code === 'handshake-failure') return client === 'powershell' || client === 'dotnet';
  return CAUSE_TEXTS[code].cure === 'client';
}

/**
 * The explanation again, from what the probe saw instead of what the message allows: the probe's causes, each
 * confirmed, with this client's fixes. When the chain verifies from here, the failure is local to where the error
 * was printed (its trust store, proxy or clock): the message's client-side causes stay, as possibilities.
 */
export function restateFromProbe(e: Explanation, report: CheckReport, hint?: ClientHint | null): Explanation {
  const ctx = { host: report.host, port: report.port };
  const base = { client: e.client, host: report.host, port: report.port, url: report.url };
  if (report.verdict === 'fail' && report.causes.length) {
    const causes = report.causes.map((c): ExplainedCause => ({
      code: c.code,
      likelihood: 'confirmed',
      message: `Seen by the probe: ${c.message}`,
      fixes: fixesFor(c.code, e.client, { ...ctx, hint }),
    }));
    return { ...base, causes };
  }
  const local = e.causes.filter((c) => CAUSE_TEXTS[c.code].cure === 'client');
  const causes = local.map((c): ExplainedCause => ({
    ...c,
    likelihood: 'possible',
    message: `From this machine the chain verifies with default trust, so the failure is local to where the error was printed. ${CAUSE_TEXTS[c.code].possible}`,
    fixes: fixesFor(c.code, e.client, { ...ctx, hint }),
  }));
  return { ...base, causes };
}
