// checkUrl: resolve, probe (repeatedly, every address), read the chain, ask every trust store, fetch AIA, diagnose.
import { X509Certificate } from 'node:crypto';
import { promises as dns } from 'node:dns';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pemCertificates } from '../text/pem';
import { isIP } from 'node:net';
import * as tls from 'node:tls';
import type { SecureContext } from 'node:tls';
import { AiaOptions, fetchIssuer } from './aia';
import { Deadline } from './deadline';
import { detectVersions, detectYarn } from './versions';
import { redactDeep } from '../text/url';
import { certInfo } from './chain';
import { probe, ProbeError, ProbeResult, ProbeSpec, withClientCert } from './connect';
import { diagnose, Facts, notesOf, PROTOCOL_VERSION_ERROR, warningsOf } from './diagnose';
import { proxyFor } from './proxy';
import { indexFor, signs } from './pathbuild';
import { CA_ENV_VARS, loadStores, referenceStores, Store } from './stores';
import type { CertInfo, CheckOptions, CheckReport, ConnectionInfo, TrustVerdict } from './types';
import { parseTarget, Target } from './url';
import { contextFor, offlineVerdict, Reference, referenceOf, verdictOf } from './verify';

const DEFAULT_TIMEOUT_MS = 5000;
/** The longest budget a step may have. Node's timers hold at most 2^31-1 ms and turn anything larger into 1 ms,
 * which made `--timeout 99999999999` a false `timeout`; two minutes is already far beyond any real handshake. */
export const MAX_TIMEOUT_MS = 120_000;
/** The most connections per address a check makes (each repeat is one socket per address). */
export const MAX_REPEAT = 50;
/** Variables whose effective values the report shows (machines often preset them). */
const SHOWN_VARS = [
  ...CA_ENV_VARS,
  'SSL_CERT_DIR',
  'PIP_CERT',
  'GIT_SSL_CAINFO',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NO_PROXY',
  'no_proxy',
];

/** Probes `url` and diagnoses it. Rejects only on a malformed URL (see parseTarget); network failures are causes. */
export async function checkUrl(url: string, opts: CheckOptions = {}): Promise<CheckReport> {
  const started = performance.now();
  const target = parseTarget(url);
  const env = opts.env ?? process.env;
  const timeoutMs = clamp(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, MAX_TIMEOUT_MS);
  // One deadline for the whole check: every step below gets what is left of it (deadline.ts).
  const deadline = new Deadline(timeoutMs, started);
  const proxy = proxyFor(target.host, target.port, env);
  // The reference stores (node, --ca) are all the primary handshake needs; the others (certifi asks Python) load
  // meanwhile, so a slow interpreter does not eat the network's deadline.
  const earlyP = referenceStores({ extraCaFiles: opts.extraCaFiles, extraCaAlone: opts.extraCaAlone });
  const storesP = loadStores(
    {
      env,
      extraCaFiles: opts.extraCaFiles,
      osStorePaths: opts.osStorePaths,
      certifiPath: opts.certifiPath,
      pythonPath: opts.pythonPath,
      timeoutMs,
    },
    earlyP,
  );
  const base = {
    url: target.url,
    host: target.host,
    port: target.port,
    environment: environmentOf(env),
    ...(proxy ? { proxy: proxy.origin } : {}),
  };
  const resolved = proxy ? { addresses: [target.host] } : await resolve(target.host, opts, deadline.remaining());
  const early = await earlyP;
  if ('error' in resolved) return finish(base, failedFacts(target, resolved.error, await storesP), [], {}, started);
  const spec = { host: target.host, port: target.port, deadline, proxy, signal: opts.signal };
  const refStore = referenceStore(early, opts);
  // With --cert/--key (mTLS) every handshake presents the client certificate: the contexts carry it.
  const contextOf = withClientCert(contextFor, opts.clientCert);
  const sent = await Promise.all(
    plan(resolved.addresses, opts).map((address) =>
      probe({ ...spec, address, secureContext: contextOf(refStore.pems) }),
    ),
  );
  const primary = sent.find((r) => !r.error);
  const stores = await storesP;
  if (!primary) {
    const error = sent[0].error as ProbeError;
    const legacy = await legacyProtocol(error, { ...spec, address: resolved.addresses[0] });
    const sni = await sniName(
      error,
      { ...spec, address: resolved.addresses[0], secureContext: contextOf(refStore.pems) },
      opts,
    );
    return finish(
      { ...base, addresses: resolved.addresses },
      {
        ...failedFacts(target, error, stores),
        ...(legacy ? { legacyProtocol: legacy } : {}),
        ...(sni ? { sniWorks: sni } : {}),
      },
      sent,
      {},
      started,
    );
  }
  const ref = referenceOf(refStore, primary);
  const { trust, runs } = await judgeStores(
    stores,
    ref,
    (ctx) => probe({ ...spec, address: primary.address, secureContext: ctx }),
    contextOf,
  );
  const facts = await chainFacts(target, primary, [...sent, ...runs], trust, ref, { ...opts, env }, deadline, stores);
  // Behind a proxy, a rejected chain is compared with what a direct connection gets (a re-signing proxy changes it).
  // Which OS-store switch a client has depends on its version: asked only when that is the question.
  if (
    facts.trust.os?.trusted === true &&
    (facts.trust.node?.trusted === false || facts.trust.certifi?.trusted === false) &&
    !deadline.expired
  ) {
    Object.assign(facts, {
      versions: await detectVersions(opts.pythonPath ?? 'python3', Math.min(1000, deadline.remaining()), env),
    });
  }
  // Yarn's CA-file key depends on the version the workspace uses: read from its files when a trust fix may be shown.
  if (opts.workspace && facts.trust[facts.reference]?.trusted === false) {
    const yarn = await detectYarn(opts.workspace);
    if (yarn) Object.assign(facts, { yarn });
  }
  const own = await ownCaOf(primary.sent, opts.ownCas ?? []);
  if (own) {
    Object.assign(facts, { ownCa: { file: own.file, label: own.label, subject: own.subject, bundle: own.bundle } });
  }
  const resigned =
    proxy && facts.trust[facts.reference]?.trusted === false
      ? await directIssuer(spec, target, opts, deadline)
      : undefined;
  if (resigned && resigned !== primary.sent[primary.sent.length - 1]?.issuer) {
    const proxied = facts.chain[facts.chain.length - 1]?.issuer ?? '';
    Object.assign(facts, { proxyResigned: { proxied, direct: certInfoName(resigned) } });
  }
  return finish(
    {
      ...base,
      addresses: resolved.addresses,
      protocol: primary.protocol,
      cipher: primary.cipher,
      ...(own ? { ownCa: own } : {}),
    },
    facts,
    [...sent, ...runs],
    trust,
    started,
    opts.fixPaths,
  );
}

/** The store the primary handshake verifies against: --ca (Node's roots + the files, or the files alone with
 * extraCaAlone) when given and readable, else Node's bundled roots. Its verdict decides the main diagnosis
 * (Facts.reference); a caller proving a bundle also reads the --ca store's own verdict (an unreadable one falls back). */
function referenceStore(stores: readonly Store[], opts: CheckOptions): Reference['store'] {
  const want = opts.extraCaFiles?.length ? '--ca' : 'node';
  const found = stores.find((s) => s.name === want && s.pems) ?? stores.find((s) => s.name === 'node');
  return found as Reference['store'];
}

/** Every store's verdict: offline where that is exact, else one handshake per distinct store content (machines often
 * point several variables at the same bundle). */
async function judgeStores(
  stores: readonly Store[],
  ref: Reference,
  handshake: (ctx: SecureContext) => Promise<ProbeResult>,
  contextOf: (pems: readonly string[]) => SecureContext = contextFor,
) {
  const offline = new Map(stores.map((s) => [s, offlineVerdict(s, ref)]));
  const byContext = new Map<SecureContext, Promise<ProbeResult>>();
  const runs: (ProbeResult & { purpose: string })[] = [];
  const verdicts = await Promise.all(
    stores.map(async (s) => {
      const v = offline.get(s);
      if (v || !s.pems) return v ?? verdictOf(s, undefined);
      const ctx = contextOf(s.pems);
      if (!byContext.has(ctx)) byContext.set(ctx, handshake(ctx));
      const r = await (byContext.get(ctx) as Promise<ProbeResult>);
      runs.push({ ...r, purpose: s.name });
      return verdictOf(s, r);
    }),
  );
  return { trust: Object.fromEntries(verdicts.map((v) => [v.store, v])), runs };
}

/** Addresses to connect to: each one `repeat` times (at least once). */
function plan(addresses: readonly string[], opts: CheckOptions): string[] {
  const repeat = clamp(Math.floor(opts.repeat ?? 1), 1, MAX_REPEAT);
  return addresses.flatMap((a) => Array<string>(repeat).fill(a));
}

/** `n` within [lo, hi]; NaN becomes `lo` (the callers validate, this only keeps the core safe from odd input). */
function clamp(n: number, lo: number, hi: number): number {
  return Number.isNaN(n) ? lo : Math.min(hi, Math.max(lo, n));
}

/** All addresses (or the first) of the host; IP literals as they are. */
async function resolve(
  host: string,
  opts: CheckOptions,
  timeoutMs: number,
): Promise<{ addresses: string[] } | { error: ProbeError }> {
  if (isIP(host)) return { addresses: [host] };
  const lookup = opts.lookup ?? ((h: string) => dns.lookup(h, { all: true }).then((l) => l.map((a) => a.address)));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`resolving ${host} took more than ${timeoutMs} ms`), { code: 'EAI_AGAIN' })),
      timeoutMs,
    );
  });
  try {
    const all = await Promise.race([lookup(host), timeout]);
    if (all.length === 0) throw Object.assign(new Error(`${host} has no addresses`), { code: 'ENOTFOUND' });
    return { addresses: opts.resolveAll === false ? [all[0]] : [...new Set(all)] };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return {
      error: { code: err.code ?? 'ENOTFOUND', message: `cannot resolve ${host}: ${err.message}`, stage: 'connect' },
    };
  } finally {
    clearTimeout(timer);
  }
}

function failedFacts(t: Target, error: ProbeError, stores: Store[]): Facts {
  const trust = Object.fromEntries(stores.map((s) => [s.name, verdictOf(s, undefined)]));
  return {
    host: t.host,
    port: t.port,
    connectError: error,
    chain: [],
    hostMatches: false,
    trust,
    reference: 'node',
    leaves: new Map(),
    now: new Date(),
  };
}

/** Facts from a successful handshake: parsed chain, the path the reference store built, host match, distinct
 * leaves, AIA. The reference is the store the primary handshake verified against, so an unreadable --ca falls back to
 * node here too (its null verdict must not pass an untrusted chain). */
async function chainFacts(
  t: Target,
  primary: ProbeResult,
  runs: ProbeResult[],
  trust: Record<string, TrustVerdict>,
  ref: Reference,
  opts: CheckOptions & { env: NodeJS.ProcessEnv },
  deadline: Deadline,
  stores: readonly Store[],
): Promise<Facts> {
  const refStore = ref.store;
  const linked = primary.chain.map((der) => primary.sent.find((x) => x.raw.equals(der)) ?? new X509Certificate(der));
  const chain = linked.map((x) => certInfo(x));
  const leafX = linked[0];
  // Node's checkServerIdentity drops one trailing dot of the host, and so does every client but Python's ssl module
  // (see hostnames.ts; notesOf says so).
  const name = t.host.replace(/(?<=[^.])\.$/, '');
  const hostMatches = isIP(t.host) ? leafX.checkIP(t.host) !== undefined : leafX.checkHost(name) !== undefined;
  const reference = refStore.name;
  // Path-dependent checks use the path the reference built, but only when path building agrees with OpenSSL there.
  const path = ref.consistent ? ref.path.path.map((x) => certInfo(x)) : undefined;
  const onPath = new Set((path ?? chain).map((c) => c.sha256));
  const unused = primary.sent.filter((x) => !onPath.has(x.fingerprint256)).map((x) => certInfo(x));
  // The AIA issuer only refines a rejected chain (incomplete vs unknown root): a verified one needs no network fetch.
  const rejected = trust[reference]?.trusted === false;
  const probed = isIP(primary.address) ? primary.address : t.host;
  const aia =
    rejected && opts.aia !== false
      ? await aiaFacts(chain, refStore.pems, {
          timeoutMs: deadline.remaining(),
          signal: opts.signal,
          env: opts.env,
          probed,
          lookup: opts.lookup,
        })
      : undefined;
  return {
    host: t.host,
    port: t.port,
    chain,
    path,
    unused,
    hostMatches,
    trust,
    reference,
    aia,
    leaves: leavesOf(runs),
    now: new Date(),
    staleIssuer: staleIssuerOf(primary.sent),
    knownIntermediate: knownIntermediate(linked[linked.length - 1], stores),
    aiaOff: opts.aia === false,
  };
}

/** Walking up from the leaf through what the server sent: a CA named as the issuer whose key did not sign, when none
 * sent with that name did (a stale intermediate: right name, wrong key). Certificates off the leaf's path are not
 * looked at (a hostile server's unrelated junk is not a stale intermediate). */
function staleIssuerOf(sent: readonly X509Certificate[]): Facts['staleIssuer'] {
  const seen = new Set<X509Certificate>();
  for (let child = sent[0]; child && !seen.has(child);) {
    seen.add(child);
    const c = child;
    const named = sent.filter((x) => x !== c && x.ca && x.subject === c.issuer);
    const signer = named.find((x) => signs(x, c));
    if (named.length && !signer) return { issuer: certInfo(named[0]), child: certInfo(c) };
    child = signer as X509Certificate;
  }
  return undefined;
}

/** True when a store holds an intermediate (a CA, not self-signed) named like the top certificate's issuer. */
function knownIntermediate(top: X509Certificate, stores: readonly Store[]): boolean {
  return stores.some(
    (s) => s.pems && (indexFor(s.pems).bySubject.get(top.issuer) ?? []).some((c) => c.ca && c.subject !== c.issuer),
  );
}

/** The top issuer of the chain a direct connection (no proxy) gets, or undefined when it cannot connect in time. */
async function directIssuer(
  spec: Omit<ProbeSpec, 'address' | 'secureContext'>,
  t: Target,
  opts: CheckOptions,
  deadline: Deadline,
): Promise<string | undefined> {
  const r = isIP(t.host) ? { addresses: [t.host] } : await resolve(t.host, opts, deadline.remaining());
  if ('error' in r || deadline.expired) return undefined;
  const direct = await probe({ ...spec, proxy: undefined, address: r.addresses[0], secureContext: contextFor([]) });
  return direct.error ? undefined : direct.sent[direct.sent.length - 1]?.issuer;
}

function certInfoName(multiLine: string): string {
  return multiLine.split('\n').filter(Boolean).join(', ');
}

/** sni-required: an IP target (probed without SNI, as clients do) whose handshake failed is retried once with the
 * address's reverse name (getnameinfo: /etc/hosts, then DNS) as SNI; the name when that handshake completes. */
async function sniName(error: ProbeError, spec: ProbeSpec, opts: CheckOptions): Promise<string | undefined> {
  if (error.stage !== 'handshake' || error.head || !isIP(spec.host) || spec.proxy || spec.deadline.expired) {
    return undefined;
  }
  const reverse =
    opts.reverseLookup ??
    ((ip: string) =>
      dns.lookupService(ip, 443).then(
        (r) => r.hostname,
        () => undefined,
      ));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((r) => {
    timer = setTimeout(() => r(undefined), spec.deadline.remaining());
  });
  const name = await Promise.race([reverse(spec.host), late]).finally(() => clearTimeout(timer));
  if (!name || isIP(name) || spec.deadline.expired) return undefined;
  const r = await probe({ ...spec, servername: name });
  return r.error ? undefined : name;
}

/** The first of `cas` (files of PEM certificates) holding the chain's root: the top sent certificate itself, or the
 * CA whose key signed it. Unreadable files are skipped (they are hints, not inputs the user typed). */
async function ownCaOf(
  sent: readonly X509Certificate[],
  cas: NonNullable<CheckOptions['ownCas']>,
): Promise<CheckReport['ownCa']> {
  const top = sent[sent.length - 1];
  if (!top) return undefined;
  for (const { file, label } of cas) {
    const text = await fs.readFile(file, 'latin1').catch(() => '');
    const pems = pemCertificates(text.slice(0, 1024 * 1024));
    // A file of many certificates is a bundle (public roots among them), not one's own CA.
    if (pems.length > 10) continue;
    for (const pem of pems) {
      const x = parseCert(pem);
      if (!x?.ca || !(x.fingerprint256 === top.fingerprint256 || signs(x, top))) continue;
      // `tls-doctor devcert` writes ca.pem next to bundle.pem (public roots + the CA): the fixes want the bundle.
      const bundle = path.join(path.dirname(file), 'bundle.pem');
      const hasBundle =
        path.basename(file) === 'ca.pem' &&
        (await fs.access(bundle).then(
          () => true,
          () => false,
        ));
      return { file, label, subject: certInfoName(x.subject), pem: x.toString(), ...(hasBundle ? { bundle } : {}) };
    }
  }
  return undefined;
}

function parseCert(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

/**
 * A context that allows TLS 1.0 and SHA-1-era ciphers: only to learn which old version a server speaks. Created on
 * first use: a secure context loads every root certificate (≈ 15 ms), which every CLI command paid at startup.
 */
let legacyContext: tls.SecureContext | undefined;

/** protocol-version: the version a legacy-enabled handshake reaches, or undefined. */
async function legacyProtocol(error: ProbeError, spec: Omit<ProbeSpec, 'secureContext'>): Promise<string | undefined> {
  if (
    error.stage !== 'handshake' ||
    !PROTOCOL_VERSION_ERROR.test(`${error.code} ${error.message}`) ||
    spec.deadline.expired
  ) {
    return undefined;
  }
  const r = await probe({
    ...spec,
    secureContext: (legacyContext ??= tls.createSecureContext({ minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' })),
  });
  return r.error ? undefined : r.protocol;
}

/** Leaf fingerprint → addresses that served it, over every successful connection. */
function leavesOf(runs: readonly ProbeResult[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of runs) {
    if (!r.sent[0]) continue;
    const sha = r.sent[0].fingerprint256;
    out.set(sha, [...(out.get(sha) ?? []), r.address]);
  }
  return out;
}

/** When the top of the sent chain is not a root and has an AIA URL, fetch its issuer and look for that one's root. */
async function aiaFacts(chain: CertInfo[], pems: readonly string[], o: AiaOptions): Promise<Facts['aia']> {
  const top = chain[chain.length - 1];
  const url = top.aiaIssuers?.[0];
  if (top.selfSigned || !url) return undefined;
  const r = await fetchIssuer(url, o);
  if (!r.cert) return { url: r.url, error: r.error };
  const fetched = r.cert;
  const rootKnown = (indexFor(pems).bySubject.get(fetched.issuer) ?? []).some((c) => signs(c, fetched));
  return { url: r.url, issuer: certInfo(fetched.raw), rootKnown };
}

function environmentOf(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(SHOWN_VARS.filter((v) => env[v] !== undefined).map((v) => [v, env[v]]));
}

function finish(
  base: Omit<CheckReport, 'verdict' | 'causes' | 'chain' | 'trust'>,
  facts: Facts,
  runs: readonly (ProbeResult & { purpose?: string })[],
  trust: Record<string, TrustVerdict>,
  started: number,
  fixPaths: CheckOptions['fixPaths'] = {},
): CheckReport {
  // Only a bundle saved: it also stands for "this certificate" (it holds the server's root or self-signed
  // certificate), so no snippet keeps the server.pem placeholder.
  const causes = diagnose(facts, {
    ...(fixPaths.bundle ? { bundle: fixPaths.bundle } : {}),
    ...(fixPaths.chain
      ? { chain: fixPaths.chain }
      : fixPaths.bundle
        ? { chain: fixPaths.bundle, chainIsBundle: true }
        : {}),
  });
  const connections: ConnectionInfo[] = runs.map((r) => ({
    address: r.address,
    purpose: r.purpose ?? 'sent-chain',
    elapsedMs: r.elapsedMs,
    ...(r.sent[0] ? { leafSha256: r.sent[0].fingerprint256 } : {}),
    ...(r.error ? { error: r.error.message } : {}),
  }));
  // `ok` needs both: the reference store verified the chain, and no cause applies (diagnose never returns an empty
  // list for an unverified chain, but the verdict does not rely on that alone).
  const verified = facts.trust[facts.reference]?.trusted === true;
  const notes = notesOf(facts);
  const skipped = verified ? (facts.unused ?? []).map((c) => c.sha256) : [];
  // Credentials in the URL, the proxy variables or an error message never reach any output (text, JSON, webview,
  // logs): the report is redacted once, here, for every consumer.
  return redactDeep({
    ...base,
    verdict: verified && causes.length === 0 ? 'ok' : 'fail',
    causes,
    warnings: warningsOf(facts),
    ...(notes.length ? { notes } : {}),
    chain: facts.chain,
    ...(skipped.length ? { notOnPath: skipped } : {}),
    trust: Object.keys(trust).length ? trust : facts.trust,
    connections,
    elapsedMs: Math.round(performance.now() - started),
  });
}
