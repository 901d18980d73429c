// The leaf's AIA "CA Issuers" URL: fetching it tells an incomplete chain (the intermediate exists, the server just
// didn't send it) from an unknown root. Browsers do this silently, which is why "it works in the browser".
// The URL comes from the server, so the fetch is fenced (README "What is sent over the network"): http(s) only, no
// redirects, at most MAX_BYTES, within what is left of the check's deadline, through the proxy a client would use,
// only to hosts TLS_DOCTOR_PROBE_HOSTS allows, and never to a loopback, private or link-local address unless the
// probed server is on one itself (a public server must not make the tool reach into the local network).
import { X509Certificate } from 'node:crypto';
import { promises as dns } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import { BlockList, isIP } from 'node:net';
import * as tls from 'node:tls';
import { pemCertificates } from '../text/pem';
import { redact } from '../text/url';
import { openTunnel, proxyAuthorization, proxyFor } from './proxy';

/** Certificates are a few KB; anything much larger is not one. */
export const MAX_AIA_BYTES = 64 * 1024;
/** The environment variable listing the hosts the tool may connect to (comma-separated; unset = any). */
export const PROBE_HOSTS_ENV = 'TLS_DOCTOR_PROBE_HOSTS';

/** Result of fetching one AIA URL. */
export interface AiaResult {
  readonly url: string;
  readonly cert?: X509Certificate;
  readonly error?: string;
}

/** How to fetch. */
export interface AiaOptions {
  /** Wall-clock budget for the whole fetch (lookup, connect, proxy, body). */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Proxy and allow-list variables. */
  readonly env: NodeJS.ProcessEnv;
  /** The address (or, through a proxy, the host) of the server being checked: internal addresses are allowed only
   * when it is internal itself. */
  readonly probed: string;
  /** Name resolution (default dns.lookup, all addresses). */
  readonly lookup?: (host: string) => Promise<readonly string[]>;
}

/** Fetches a DER or PEM certificate. Never throws. */
export async function fetchIssuer(url: string, o: AiaOptions): Promise<AiaResult> {
  const shown = redact(url);
  const started = performance.now();
  const left = () => Math.max(1, Math.ceil(o.timeoutMs - (performance.now() - started)));
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { url: shown, error: 'not a valid URL' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return { url: shown, error: `only http(s) AIA URLs are fetched, not ${u.protocol.slice(0, -1)}` };
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const refused = notAllowed(host, o.env);
  if (refused) return { url: shown, error: refused };
  const port = Number(u.port) || (u.protocol === 'https:' ? 443 : 80);
  let proxy: URL | undefined;
  try {
    proxy = proxyFor(host, port, o.env, u.protocol === 'https:' ? 'https' : 'http');
  } catch (e) {
    return { url: shown, error: (e as Error).message };
  }
  const addresses = await addressesOf(host, left(), o.lookup);
  if (addresses.length === 0 && !proxy) return { url: shown, error: `cannot resolve ${host}` };
  const internal = addresses.find((a) => isInternal(a));
  if (internal && !isInternal(o.probed)) {
    return {
      url: shown,
      error: `not fetched: ${host} is ${internal}, a loopback, private or link-local address, and the checked server is not`,
    };
  }
  const got = await get(u, { proxy, address: addresses[0], timeoutMs: left(), signal: o.signal });
  return 'error' in got ? { url: shown, error: redact(got.error) } : parseCert(shown, got.body);
}

/** Why the allow-list refuses `host`, or undefined. */
function notAllowed(host: string, env: NodeJS.ProcessEnv): string | undefined {
  const allow = env[PROBE_HOSTS_ENV];
  if (
    allow === undefined ||
    allow
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .includes(host.toLowerCase())
  ) {
    return undefined;
  }
  return `not fetched: ${PROBE_HOSTS_ENV} does not list ${host}`;
}

/** The host's addresses (an IP literal as it is); none when it does not resolve in time. */
async function addressesOf(host: string, timeoutMs: number, lookup = defaultLookup): Promise<readonly string[]> {
  if (isIP(host)) return [host];
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<readonly string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), timeoutMs);
  });
  try {
    return await Promise.race([lookup(host).catch(() => []), late]);
  } finally {
    clearTimeout(timer);
  }
}

function defaultLookup(host: string): Promise<readonly string[]> {
  return dns.lookup(host, { all: true }).then((l) => l.map((a) => a.address));
}

/** Loopback, private (RFC 1918, ULA), link-local, CGNAT, unspecified and multicast ranges, v4 and v6. */
const INTERNAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const) {
  INTERNAL.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL.addSubnet(net, bits, 'ipv6');
}

/** True for an address in INTERNAL (IPv4-mapped IPv6 judged as its IPv4); false for names. */
export function isInternal(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const a = mapped ? mapped[1] : address;
  const family = isIP(a);
  if (family === 0) return false;
  return INTERNAL.check(a, family === 4 ? 'ipv4' : 'ipv6');
}

interface GetSpec {
  readonly proxy?: URL;
  /** The checked address to connect to (so DNS cannot answer differently the second time). */
  readonly address?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** One GET, no redirects, at most MAX_AIA_BYTES, within `timeoutMs` in all (a hard timer: the request's own
 * `timeout` is idle time, which a server sending one byte a second never reaches). */
function get(u: URL, s: GetSpec): Promise<{ body: Buffer } | { error: string }> {
  return new Promise((resolve) => {
    let req: http.ClientRequest | undefined;
    let settled = false;
    const end = (r: { body: Buffer } | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req?.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => end({ error: `no complete answer within ${s.timeoutMs} ms` }), s.timeoutMs);
    const onResponse = (res: http.IncomingMessage) => {
      if (res.statusCode !== 200) {
        res.destroy();
        const to = res.headers.location ? ` (redirect to ${res.headers.location}, not followed)` : '';
        return end({ error: `HTTP ${res.statusCode}${to}` });
      }
      if (Number(res.headers['content-length']) > MAX_AIA_BYTES) {
        return end({ error: `response too large for a certificate (over ${MAX_AIA_BYTES} bytes)` });
      }
      readBody(res).then(
        (body) => end({ body }),
        (e: Error) => end({ error: e.message }),
      );
    };
    requestFor(u, s).then(
      (r) => {
        if (settled) {
          r.destroy();
          return;
        }
        req = r;
        r.once('response', onResponse);
        r.once('error', (e) => end({ error: e.message }));
        r.end();
      },
      (e: Error) => end({ error: e.message }),
    );
  });
}

/** The request, direct to the checked address or through the proxy (absolute URI for http, a CONNECT tunnel for
 * https). `agent: false`: no keep-alive socket outlives the check. */
async function requestFor(u: URL, s: GetSpec): Promise<http.ClientRequest> {
  const path = `${u.pathname}${u.search}`;
  const headers: http.OutgoingHttpHeaders = {
    host: u.host,
    accept: 'application/pkix-cert, application/x-x509-ca-cert, */*',
  };
  const servername = isIP(u.hostname.replace(/^\[(.*)\]$/, '$1')) ? undefined : u.hostname;
  const port = Number(u.port) || (u.protocol === 'https:' ? 443 : 80);
  if (!s.proxy) {
    const host = s.address ?? u.hostname;
    const base = { host, port, path, headers, agent: false as const, signal: s.signal };
    return u.protocol === 'https:' ? https.request({ ...base, servername }) : http.request(base);
  }
  const auth = proxyAuthorization(s.proxy);
  if (u.protocol === 'http:') {
    return http.request({
      host: s.proxy.hostname,
      port: s.proxy.port || 80,
      path: u.href,
      agent: false,
      signal: s.signal,
      headers: { ...headers, ...(auth ? { 'proxy-authorization': auth } : {}) },
    });
  }
  const socket = await openTunnel(s.proxy, u.hostname.replace(/^\[(.*)\]$/, '$1'), port, s.timeoutMs, s.signal);
  return http.request({
    path,
    headers,
    agent: false,
    signal: s.signal,
    createConnection: () => tls.connect({ socket, servername }),
  });
}

function readBody(res: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    res.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_AIA_BYTES) {
        res.destroy(new Error(`response too large for a certificate (over ${MAX_AIA_BYTES} bytes)`));
      } else parts.push(b);
    });
    res.once('end', () => resolve(Buffer.concat(parts)));
    res.once('error', reject);
  });
}

function parseCert(url: string, body: Buffer): AiaResult {
  try {
    const pem = pemCertificates(body.toString('latin1'))[0];
    return { url, cert: new X509Certificate(pem ?? body) };
  } catch {
    return { url, error: 'the response is not a DER or PEM certificate (PKCS#7 bundles are not read)' };
  }
}
