// Finding URLs in text: the host grammar and the URL-in-free-text scanner shared by endpoint resolution
// (src/core/endpoints/url.ts), error-message explanations (src/core/tls/url.ts) and the editor's Check TLS lenses
// (src/extension/checkUrl/urls.ts).

/** A DNS name (letters, digits, inner hyphens per label; no trailing dot), as a regex source to embed. */
export const DNS_NAME = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*';
/** A bracketed IPv6 literal as it appears in a URL (`[::1]`), as a regex source to embed. */
export const IPV6_LITERAL = '\\[[0-9A-Fa-f:.]+\\]';
/** The host of a URL we would connect to: a DNS name or a bracketed IPv6 literal. */
export const URL_HOST = `(?:${IPV6_LITERAL}|${DNS_NAME})`;

const HOST_ONLY = new RegExp(`^${URL_HOST}$`);

/** True when `host` (as written in a URL: IPv6 in brackets) is a DNS name or an IPv6 literal, e.g. `api.example.com`. */
export function isUrlHost(host: string): boolean {
  return HOST_ONLY.test(host);
}

// A URL in prose ends at whitespace, quotes, brackets, backslashes and template syntax: what surrounds it, not it.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s'"`<>\\(){}[\]]+/gi;
/** Sentence punctuation after a URL ("see https://x.org.") belongs to the sentence. */
const TRAILING_PUNCT = /[.,;:!?]+$/;

/** `url` without the sentence punctuation that followed it. */
export function trimTrailingPunctuation(url: string): string {
  return url.replace(TRAILING_PUNCT, '');
}

/** One URL found in a text, with its [start, end) offsets. */
export interface UrlMatch {
  readonly url: string;
  readonly start: number;
  readonly end: number;
}

/** Every http(s) URL in free text (an error message, a log line, an editor line) in order, trailing punctuation removed. */
export function urlsInText(text: string): UrlMatch[] {
  return [...text.matchAll(URL_IN_TEXT)].map((m) => {
    const url = trimTrailingPunctuation(m[0]);
    return { url, start: m.index, end: m.index + url.length };
  });
}

/** What stands in for removed credentials. */
export const REDACTED = '***';

// The user-info of a URL in text: "scheme://user:password@" up to the last "@" before the path. Greedy on purpose:
// an unencoded "@" in a password ("p@ss") must not leave its tail behind. A "'" may be in a password (URL encoding
// leaves it as it is), so only double quotes and backticks end the user-info.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"`<>]*(?:@[^\s/?#@"`<>]*)*@/gi;
// A proxy value written without a scheme ("user:password@proxy:3128", as HTTPS_PROXY often is), at the start of the
// text or after whitespace, "=" or a quote. The ":" before the "@" tells it from an e-mail address.
const BARE_USERINFO = /(^|[\s='"`])[^\s/?#@:='"`<>]+:[^\s/?#"`<>]*@(?=[^\s@]+$|[^\s@]*[\s'"`])/g;

/**
 * `text` with every URL credential removed, e.g. "http://alice:s3cret@proxy:3128" → "http://***:***@proxy:3128" and
 * "https://TOKEN@host/" → "https://***@host/" (a user name alone is often a token). The one function every output
 * (report, text, JSON, errors, logs) passes through.
 */
export function redact(text: string): string {
  return text
    .replace(
      URL_USERINFO,
      (m, scheme: string) =>
        `${scheme}${m.slice(scheme.length, -1).includes(':') ? `${REDACTED}:${REDACTED}` : REDACTED}@`,
    )
    .replace(BARE_USERINFO, (_m, before: string) => `${before}${REDACTED}:${REDACTED}@`);
}

/** `value` with `redact` applied to every string inside it (objects and arrays copied, other values as they are). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)])) as T;
  }
  return value;
}
