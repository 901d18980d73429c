// One TLS connection: TCP connect (directly or through an HTTP CONNECT proxy), handshake, and what it showed.
import type { X509Certificate } from 'node:crypto';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { openTunnel } from './proxy';
import { linkChain, sentCertificates } from './chain';
import { cachedByPems } from './pemcache';

/** A client certificate to present when the server asks for one (mTLS), PEM text. */
export interface ClientCert {
  readonly cert: string;
  readonly key: string;
}

/**
 * `contextOf` as given, or, with a client certificate, a context trusting the same PEMs that also presents it. Node
 * ignores `cert`/`key` passed to tls.connect next to a `secureContext`, so the certificate has to be in the context;
 * cached per PEM list like `contextOf`, so stores with the same content still share one handshake.
 */
export function withClientCert(contextOf: (pems: readonly string[]) => tls.SecureContext, client?: ClientCert): (pems: readonly string[]) => tls.SecureContext {
  if (!client) return contextOf;
  return cachedByPems((pems) => tls.createSecureContext({ ca: [...pems], cert: client.cert, key: client.key }));
}

/** What one handshake showed. `error` is set when no TLS session was established. */
export interface ProbeResult {
  readonly address: string;
  /** The chain relinked leaf-first by issuer (what the report shows). */
  readonly chain: Buffer[];
  /** Every certificate the server sent, in its order (the untrusted pool for offline path building). */
  readonly sent: X509Certificate[];
  readonly protocol?: string;
  readonly cipher?: string;
  /** OpenSSL's verdict against the context's `ca` (undefined = verified). */
  readonly verifyError?: { code: string; message: string };
  readonly error?: ProbeError;
  readonly elapsedMs: number;
}

/** A failure before or during the handshake, with Node's code (ECONNREFUSED, ERR_SSL_…, TIMEOUT). */
export interface ProbeError {
  readonly code: string;
  readonly message: string;
  readonly stage: 'connect' | 'handshake';
}

/** Where and how to connect. */
export interface ProbeSpec {
  readonly host: string;
  readonly port: number;
  /** The IP to connect to (already resolved), or the host when going through a proxy. */
  readonly address: string;
  readonly secureContext: tls.SecureContext;
  readonly timeoutMs: number;
  readonly proxy?: URL;
  readonly signal?: AbortSignal;
}

/** Connects, handshakes and closes. Never throws: failures come back in `error`. */
export async function probe(spec: ProbeSpec): Promise<ProbeResult> {
  const started = performance.now();
  const done = (r: Omit<ProbeResult, 'elapsedMs' | 'address'>): ProbeResult =>
    ({ address: spec.address, ...r, elapsedMs: Math.round((performance.now() - started) * 10) / 10 });
  let socket: net.Socket;
  try {
    socket = await openSocket(spec);
  } catch (e) {
    return done({ chain: [], sent: [], error: asProbeError(e, 'connect') });
  }
  return done(await handshake(spec, socket));
}

/** TCP to the address, or a CONNECT tunnel through the proxy, within the timeout. */
function openSocket(spec: ProbeSpec): Promise<net.Socket> {
  if (spec.proxy) return openTunnel(spec.proxy, spec.host, spec.port, spec.timeoutMs, spec.signal);
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: spec.address, port: spec.port });
    const fail = (e: Error) => { cleanup(); s.destroy(); reject(e); };
    const timer = setTimeout(() => fail(timeoutError(`TCP connect to ${spec.address}:${spec.port} timed out after ${spec.timeoutMs} ms`)), spec.timeoutMs);
    const onAbort = () => fail(abortError());
    const cleanup = () => { clearTimeout(timer); spec.signal?.removeEventListener('abort', onAbort); };
    if (spec.signal?.aborted) return fail(abortError());
    spec.signal?.addEventListener('abort', onAbort);
    s.once('error', fail);
    s.once('connect', () => { cleanup(); s.removeListener('error', fail); resolve(s); });
  });
}

/** The TLS handshake over an open socket. `rejectUnauthorized: false` so we still see the chain of a bad server. */
function handshake(spec: ProbeSpec, socket: net.Socket): Promise<Omit<ProbeResult, 'elapsedMs' | 'address'>> {
  return new Promise((resolve) => {
    const servername = net.isIP(spec.host) ? undefined : spec.host; // no SNI for IP literals, as Node/OpenSSL clients do
    // checkServerIdentity is skipped: the store verdict is about the chain only (the host is checked once, in
    // check.ts); Node would otherwise test IP targets against "localhost" because we pass a socket and no servername.
    const t = tls.connect({ socket, servername, secureContext: spec.secureContext, rejectUnauthorized: false, checkServerIdentity: () => undefined });
    const finish = (r: Omit<ProbeResult, 'elapsedMs' | 'address'>) => { cleanup(); t.destroy(); socket.destroy(); resolve(r); };
    const fail = (e: unknown) => finish({ chain: [], sent: [], error: asProbeError(e, 'handshake') });
    const timer = setTimeout(() => fail(timeoutError(`connected, but no TLS handshake within ${spec.timeoutMs} ms (is it a TLS port?)`)), spec.timeoutMs);
    const onAbort = () => fail(abortError());
    const cleanup = () => { clearTimeout(timer); spec.signal?.removeEventListener('abort', onAbort); };
    spec.signal?.addEventListener('abort', onAbort);
    t.once('error', fail);
    t.once('end', () => fail(Object.assign(new Error('the server closed the connection during the TLS handshake'), { code: 'ECONNRESET' })));
    t.once('secureConnect', () => finish(established(t)));
  });
}

function established(t: tls.TLSSocket): Omit<ProbeResult, 'elapsedMs' | 'address'> {
  const sent = sentCertificates(t.getPeerX509Certificate());
  return {
    chain: linkChain(sent).map((x) => x.raw),
    sent,
    protocol: t.getProtocol() ?? undefined,
    cipher: t.getCipher()?.name,
    verifyError: verifyErrorOf(t),
  };
}

/** OpenSSL's verify result. `authorizationError` holds only Node's code (and just "UNSPECIFIED" for the ~half of
 * OpenSSL's codes Node doesn't name), so read the Error from the handle, which carries OpenSSL's own text. */
function verifyErrorOf(t: tls.TLSSocket): ProbeResult['verifyError'] {
  if (!t.authorizationError) return undefined;
  const handle = (t as unknown as { _handle?: { verifyError?: () => (Error & { code?: string }) | null } })._handle;
  const e = handle?.verifyError?.();
  const code = e?.code ?? String(t.authorizationError);
  return { code, message: e?.message ?? code };
}

function asProbeError(e: unknown, stage: ProbeError['stage']): ProbeError {
  const err = e as Error & { code?: string };
  return { code: err.code ?? 'UNKNOWN', message: err.message ?? String(e), stage };
}

function timeoutError(message: string): Error {
  return Object.assign(new Error(message), { code: 'ETIMEDOUT' });
}

function abortError(): Error {
  return Object.assign(new Error('the check was cancelled'), { code: 'ABORT_ERR' });
}
