// Turning a statically known string into an endpoint: only https URLs whose host and port are fully known.
import { isUrlHost } from '../text/url';
import type { StaticString } from './expr';

/** How the resolver found the endpoint (shown to the user, so they can judge it). */
export type EndpointSource = 'literal' | 'constant' | 'base-url' | 'host-port' | 'shell' | 'variable' | 'config';

/** An endpoint a finding talks to. `url` never carries credentials, a query or a fragment. */
export interface Endpoint {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly via: EndpointSource;
}

/** `host:port` with IPv6 brackets: the key of caches and of the endpoints tree. */
export function endpointKey(e: { host: string; port: number }): string {
  return e.host.includes(':') ? `[${e.host}]:${e.port}` : `${e.host}:${e.port}`;
}

/**
 * An https endpoint from a known string or prefix. The authority must be complete: either the whole string is
 * known or a `/`, `?` or `#` follows the host, so `"https://api." + domain` is rejected.
 */
export function toEndpoint(s: StaticString, via: EndpointSource): Endpoint | undefined {
  const m = /^https:\/\/([^/?#\s]+)([/?#][^\s]*)?$/i.exec(s.text.trim());
  if (!m || (!s.whole && m[2] === undefined)) return undefined;
  if (/[${}<>%\\'"`]/.test(m[1])) return undefined;
  let u: URL;
  try {
    u = new URL(`https://${m[1]}/`);
  } catch {
    return undefined;
  }
  if (!isUrlHost(u.hostname)) return undefined;
  const path = (m[2] ?? '').split(/[?#]/)[0];
  return fromParts(u.hostname, u.port ? Number(u.port) : 443, path, via);
}

/** An endpoint from a host and port given separately (`{host, port}`, `HTTPSConnection(host, port)`). */
export function fromHostPort(host: string, port: number, via: EndpointSource): Endpoint | undefined {
  const h = host.trim().toLowerCase();
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  const bare = h.replace(/^\[(.*)\]$/, '$1');
  const asUrlHost = bare.includes(':') ? `[${bare}]` : bare;
  if (!isUrlHost(asUrlHost)) return undefined;
  return fromParts(asUrlHost, port, '', via);
}

function fromParts(urlHost: string, port: number, path: string, via: EndpointSource): Endpoint {
  const host = urlHost.replace(/^\[(.*)\]$/, '$1');
  const authority = port === 443 ? urlHost : `${urlHost}:${port}`;
  return { url: `https://${authority}${path || '/'}`, host, port, via };
}
