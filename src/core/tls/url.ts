// Turning what a user typed (or what an error message contains) into a host and port to probe.
import { isIP } from 'node:net';
import { redact, urlsInText } from '../text/url';

/** A probe target: the normalised URL and where to connect. */
export interface Target {
  readonly url: string;
  readonly host: string;
  readonly port: number;
}

/** Schemes that speak TLS from the first byte, with their default ports. */
const TLS_SCHEMES: Readonly<Record<string, number>> = {
  'https:': 443,
  'wss:': 443,
  'ldaps:': 636,
  'smtps:': 465,
  'imaps:': 993,
};

/**
 * Parses "https://host[:port]/path", "host", "host:port" or "[::1]:8443" (no scheme means https).
 * Throws an Error with a readable message on anything else, e.g. parseTarget('http://x') explains http has no TLS.
 */
export function parseTarget(input: string): Target {
  // The text is quoted in error messages: without its credentials.
  const text = redact(input.trim());
  if (text === '') throw new Error('no URL given: expected something like https://example.com or example.com:443');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new Error(`"${text}" is not a valid URL: expected something like https://example.com or example.com:443`);
  }
  return targetOf(u, text);
}

function targetOf(u: URL, text: string): Target {
  if (u.protocol === 'http:') {
    throw new Error(`"${text}" is plain http: it uses no TLS; check the https:// URL instead`);
  }
  const defaultPort = TLS_SCHEMES[u.protocol];
  if (defaultPort === undefined) {
    throw new Error(`"${text}": scheme ${u.protocol.slice(0, -1)} is not supported (use https://)`);
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new Error(`"${text}" has no host name`);
  if (!isIP(host)) checkDnsLengths(text, host);
  if (!isIP(host) && !/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/i.test(host)) {
    throw new Error(`"${text}": "${host}" is not a valid host name`);
  }
  const port = u.port === '' ? defaultPort : Number(u.port);
  if (port === 0) throw new Error(`"${text}": port 0 is not a real port`);
  return { url: u.href, host, port };
}

/** DNS limits (RFC 1035): 253 characters in all (without the root dot), 63 per label. A longer name can never
 * resolve, so it is refused here rather than sent to the resolver. */
function checkDnsLengths(text: string, host: string): void {
  const name = host.replace(/\.$/, '');
  if (name.length > 253) {
    throw new Error(`"${shorten(text, 80)}": the host name is ${name.length} characters long; DNS allows at most 253`);
  }
  const long = name.split('.').find((l) => l.length > 63);
  if (long) {
    throw new Error(
      `"${shorten(text, 80)}": the label "${shorten(long, 20)}" is ${long.length} characters long; DNS allows at most 63 per label`,
    );
  }
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** Every http(s) URL in free text (an error message, a log line), trailing punctuation removed, in order. */
export function extractUrls(text: string): string[] {
  return urlsInText(text).map((u) => u.url);
}

/** The host:port pair Python's urllib3 prints, e.g. "HTTPSConnectionPool(host='x', port=443)". */
export function extractPoolTarget(text: string): string | undefined {
  const m = /host='([^']+)',\s*port=(\d+)/.exec(text);
  return m ? `https://${m[1].includes(':') ? `[${m[1]}]` : m[1]}:${m[2]}/` : undefined;
}
