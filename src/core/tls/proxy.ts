// HTTPS_PROXY / NO_PROXY, and the HTTP CONNECT tunnel: behind a TLS-inspecting proxy the chain a client sees is
// the proxy's, so the probe must go the same way the client does.
import * as http from 'node:http';
import type * as net from 'node:net';
import { redact } from '../text/url';

/** The proxy a client would use for https://host:port (or http://, for an AIA URL), following curl/requests
 * conventions, or undefined. */
export function proxyFor(
  host: string,
  port: number,
  env: NodeJS.ProcessEnv,
  scheme: 'https' | 'http' = 'https',
): URL | undefined {
  const raw =
    (scheme === 'https' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy)) ??
    env.ALL_PROXY ??
    env.all_proxy;
  if (!raw || bypassed(host, port, env.NO_PROXY ?? env.no_proxy ?? '')) return undefined;
  try {
    return new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    throw new Error(`${scheme.toUpperCase()}_PROXY="${redact(raw)}" is not a valid URL`);
  }
}

/** NO_PROXY matching as curl does it: "*" , exact names, domain suffixes (".corp" or "corp"), optional :port. */
export function bypassed(host: string, port: number, noProxy: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const m = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase().replace(/^\[(.*)\]/, '$1'));
      const name = (m?.[1] ?? '').replace(/^\*?\./, '');
      if (m?.[2] && Number(m[2]) !== port) return false;
      return name !== '' && (h === name || h.endsWith(`.${name}`));
    });
}

/** Opens a CONNECT tunnel to host:port through an http:// proxy, within `timeoutMs` in all: a wall-clock timer,
 * not the request's idle `timeout`, which a proxy dribbling its answer a byte at a time would reset forever. */
export function openTunnel(
  proxy: URL,
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<net.Socket> {
  if (proxy.protocol !== 'http:') {
    return Promise.reject(new Error(`proxy ${proxy.host}: only http:// proxies are supported for CONNECT`));
  }
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const headers: http.OutgoingHttpHeaders = { host: authority };
  const auth = proxyAuthorization(proxy);
  if (auth) headers['proxy-authorization'] = auth;
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'CONNECT',
      path: authority,
      headers,
      signal,
    });
    const timer = setTimeout(
      () =>
        req.destroy(
          Object.assign(new Error(`proxy ${proxy.host} did not answer CONNECT within ${timeoutMs} ms`), {
            code: 'ETIMEDOUT',
          }),
        ),
      timeoutMs,
    );
    req.once('connect', (res, socket) => {
      clearTimeout(timer);
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(
        Object.assign(new Error(`proxy ${proxy.host} refused CONNECT ${authority}: HTTP ${res.statusCode}`), {
          code: 'EPROXY',
        }),
      );
    });
    req.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end();
  });
}

/** The Proxy-Authorization header for a proxy URL with user:password@, or undefined. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username) return undefined;
  return `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`;
}
