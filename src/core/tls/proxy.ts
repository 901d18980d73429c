// HTTPS_PROXY / NO_PROXY, and the HTTP CONNECT tunnel: behind a TLS-inspecting proxy the chain a client sees is
// the proxy's, so the probe must go the same way the client does.
import * as http from 'node:http';
import type * as net from 'node:net';

/** The proxy a client would use for https://host:port, following curl/requests conventions, or undefined. */
export function proxyFor(host: string, port: number, env: NodeJS.ProcessEnv): URL | undefined {
  const raw = env.HTTPS_PROXY ?? env.https_proxy ?? env.ALL_PROXY ?? env.all_proxy;
  if (!raw || bypassed(host, port, env.NO_PROXY ?? env.no_proxy ?? '')) return undefined;
  try {
    return new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    throw new Error(`HTTPS_PROXY="${raw}" is not a valid URL`);
  }
}

/** NO_PROXY matching as curl does it: "*" , exact names, domain suffixes (".corp" or "corp"), optional :port. */
export function bypassed(host: string, port: number, noProxy: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return noProxy.split(/[\s,]+/).filter(Boolean).some((entry) => {
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase().replace(/^\[(.*)\]/, '$1'));
    const name = (m?.[1] ?? '').replace(/^\*?\./, '');
    if (m?.[2] && Number(m[2]) !== port) return false;
    return name !== '' && (h === name || h.endsWith(`.${name}`));
  });
}

/** Opens a CONNECT tunnel to host:port through an http:// proxy. */
export function openTunnel(proxy: URL, host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<net.Socket> {
  if (proxy.protocol !== 'http:') return Promise.reject(new Error(`proxy ${proxy.origin}: only http:// proxies are supported for CONNECT`));
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const headers: http.OutgoingHttpHeaders = { host: authority };
  if (proxy.username) headers['proxy-authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: proxy.hostname, port: proxy.port || 80, method: 'CONNECT', path: authority, headers, timeout: timeoutMs, signal });
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(Object.assign(new Error(`proxy ${proxy.host} refused CONNECT ${authority}: HTTP ${res.statusCode}`), { code: 'EPROXY' }));
    });
    req.once('timeout', () => req.destroy(Object.assign(new Error(`proxy ${proxy.host} did not answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.once('error', reject);
    req.end();
  });
}
