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
