// One TLS connection: TCP connect (directly or through an HTTP CONNECT proxy), handshake, and what it showed.
import type { X509Certificate } from 'node:crypto';
import * as net from 'node:net';
import { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import type { Deadline } from './deadline';
import { openTunnel } from './proxy';
import { linkChain, sentCertificates } from './chain';
import { connectionSlots } from './limit';
import { readServerHead, ServerHead } from './serverhead';
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
export function withClientCert(
  contextOf: (pems: readonly string[]) => tls.SecureContext,
  client?: ClientCert,
): (pems: readonly string[]) => tls.SecureContext {
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
  /** What the server's first bytes showed (a CertificateRequest, or the banner of another protocol). */
  readonly head?: ServerHead;
}

/** Where and how to connect. */
export interface ProbeSpec {
  readonly host: string;
  readonly port: number;
  /** The IP to connect to (already resolved), or the host when going through a proxy. */
  readonly address: string;
  readonly secureContext: tls.SecureContext;
  /** The check's deadline: each step (connect, CONNECT, handshake, the read after it) gets what is left of it. */
  readonly deadline: Deadline;
  readonly proxy?: URL;
  readonly signal?: AbortSignal;
  /** SNI to send instead of the host's (sni-required: an IP target retried with its reverse name). */
  readonly servername?: string;
}

/** Connects, handshakes and closes. Never throws: failures come back in `error`. Waits for one of the process-wide
 * connection slots first (limit.ts); the check's deadline keeps running meanwhile (one deadline per check, whatever
 * it waits for), and a probe whose deadline passed in the queue fails at once as a timeout. */
export function probe(spec: ProbeSpec): Promise<ProbeResult> {
  return connectionSlots.run(() => probeNow(spec));
}

async function probeNow(spec: ProbeSpec): Promise<ProbeResult> {
  const started = performance.now();
  const done = (r: Omit<ProbeResult, 'elapsedMs' | 'address'>): ProbeResult => ({
    address: spec.address,
    ...r,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  });
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
  const budget = spec.deadline.remaining();
  if (spec.proxy) return openTunnel(spec.proxy, spec.host, spec.port, budget, spec.signal);
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: spec.address, port: spec.port });
    const fail = (e: Error) => {
      cleanup();
      s.destroy();
      reject(e);
    };
    const timer = setTimeout(
      () =>
        fail(
          timeoutError(
            `TCP connect to ${spec.address}:${spec.port} timed out after ${budget} ms (what was left of the check's timeout)`,
          ),
        ),
      budget,
    );
    const onAbort = () => fail(abortError());
    const cleanup = () => {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onAbort);
    };
    if (spec.signal?.aborted) return fail(abortError());
    spec.signal?.addEventListener('abort', onAbort);
    s.once('error', fail);
    s.once('connect', () => {
      cleanup();
      s.removeListener('error', fail);
      resolve(s);
    });
  });
}

/** The TLS handshake over an open socket. `rejectUnauthorized: false` so we still see the chain of a bad server. */
function handshake(spec: ProbeSpec, socket: net.Socket): Promise<Omit<ProbeResult, 'elapsedMs' | 'address'>> {
  return new Promise((resolve) => {
    const started = performance.now();
    const budget = spec.deadline.remaining();
    const servername = spec.servername ?? (net.isIP(spec.host) ? undefined : spec.host); // no SNI for IP literals, as Node/OpenSSL clients do
    const tap = new Tap(socket);
    // checkServerIdentity is skipped: the store verdict is about the chain only (the host is checked once, in
    // check.ts); Node would otherwise test IP targets against "localhost" because we pass a socket and no servername.
    const t = tls.connect({
      socket: tap,
      servername,
      secureContext: spec.secureContext,
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    let result: Omit<ProbeResult, 'elapsedMs' | 'address'> | undefined; // set once the handshake completed
    const finish = (r: Omit<ProbeResult, 'elapsedMs' | 'address'>) => {
      cleanup();
      t.destroy();
      socket.destroy();
      resolve(r);
    };
    const fail = (e: unknown) =>
      finish({ chain: [], sent: [], error: { ...asProbeError(e, 'handshake'), ...headOf(tap) } });
    const accept = () => finish(result as Omit<ProbeResult, 'elapsedMs' | 'address'>);
    const timer = setTimeout(
      () =>
        result
          ? accept()
          : fail(timeoutError(`connected, but no TLS handshake within ${budget} ms (is it a TLS port?)`)),
      budget,
    );
    let grace: NodeJS.Timeout | undefined;
    const onAbort = () => fail(abortError());
    const cleanup = () => {
      clearTimeout(timer);
      clearTimeout(grace);
      spec.signal?.removeEventListener('abort', onAbort);
    };
    spec.signal?.addEventListener('abort', onAbort);
    t.once('error', fail);
    const onEnd = () =>
      fail(
        Object.assign(new Error('the server closed the connection during the TLS handshake'), { code: 'ECONNRESET' }),
      );
    t.once('end', onEnd);
    // A session ticket (or data) after the handshake means the server accepted our Finished (and our lack of a
    // client certificate). Listening from the start: Node asks OpenSSL for tickets only when someone listens.
    t.on('session', () => {
      if (result) accept();
    });
    t.once('secureConnect', () => {
      result = established(t);
      if (t.getProtocol() !== 'TLSv1.3') return accept();
      // TLS 1.3: the server judges the client's (empty) certificate only after the client's Finished, so a server
      // that requires one rejects us after secureConnect, with a certificate_required alert. Read briefly for it:
      // twice the handshake's duration (a round trip and then some), 100 ms to 1 s, within the timeout above.
      t.removeListener('end', onEnd);
      t.once('end', accept);
      t.once('data', accept);
      grace = setTimeout(accept, Math.min(1000, Math.max(100, 2 * (performance.now() - started))));
    });
  });
}

/** The server's first bytes (at most HEAD_BYTES), copied as they pass into TLS. A Duplex around the socket because
 * TLS reads a net.Socket's handle directly, where no JavaScript listener would see the bytes. */
const HEAD_BYTES = 64 * 1024;

class Tap extends Duplex {
  private readonly head: Buffer[] = [];
  private size = 0;

  constructor(private readonly socket: net.Socket) {
    super();
    socket.on('data', (d: Buffer) => {
      if (this.size < HEAD_BYTES) {
        this.head.push(d.subarray(0, HEAD_BYTES - this.size));
        this.size += Math.min(d.length, HEAD_BYTES - this.size);
      }
      if (!this.push(d)) socket.pause();
    });
    socket.once('end', () => this.push(null));
    socket.once('error', (e) => this.destroy(e));
  }

  /** Everything captured so far. */
  captured(): Buffer {
    return Buffer.concat(this.head);
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.socket.write(chunk, cb);
  }

  override _final(cb: (e?: Error | null) => void): void {
    this.socket.end();
    cb();
  }

  override _destroy(e: Error | null, cb: (e?: Error | null) => void): void {
    this.socket.destroy();
    cb(e);
  }
}

/** The `head` of a failed handshake's error, when the bytes showed something. */
function headOf(tap: Tap): { head?: ServerHead } {
  const head = readServerHead(tap.captured());
  return head.certificateRequested || head.speaks ? { head } : {};
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
