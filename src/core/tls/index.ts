// Public surface of the TLS probe, trust stores and diagnosis (bundled separately as dist/tls.js).
import { CAUSES, causeFor } from './causes';
import type { Cause } from './types';
import { extractPoolTarget, extractUrls } from './url';
import { rankedCodes } from './wordings';

export * from './types';
export { checkUrl, MAX_REPEAT, MAX_TIMEOUT_MS } from './check';
export { checkSlots, MAX_CONCURRENT_CHECKS, MAX_CONCURRENT_CONNECTIONS, Slots } from './limit';
export { MAX_CA_FILE_BYTES } from './stores';
export { parseTarget, extractUrls } from './url';
export { CAUSES, causeFor, PLACEHOLDERS, renamePath, retarget } from './causes';
export type { CauseDoc } from './causes';
export { certInfo } from './chain';
export { readableCertCount } from './stores';

/** Reads an error message (Python, Node, curl, git, Java, Go wording) → likely causes with fixes, and its URL if any.
 * e.g. explainError("SSL: CERTIFICATE_VERIFY_FAILED ... self-signed certificate in certificate chain"). */
export function explainError(text: string): { causes: Cause[]; url?: string } {
  const url = urlInMessage(text);
  const endpoint = url ? safeEndpoint(url) : {};
  const causes = rankedCodes(text).map((code) => causeFor(code, undefined, endpoint));
  return { causes, ...(url ? { url } : {}) };
}

/** The URL an error message mentions: a literal URL, or urllib3's "host='x', port=443". */
function urlInMessage(text: string): string | undefined {
  const urls = extractUrls(text).filter((u) => !DOC_URLS.test(u));
  return urls.find((u) => /^https:/i.test(u)) ?? extractPoolTarget(text) ?? urls[0];
}

/** Help pages clients print with their errors (curl's "More details here: https://curl.se/docs/sslcerts.html"). */
const DOC_URLS =
  /^https?:\/\/(curl\.se|curl\.haxx\.se|nodejs\.org|urllib3\.readthedocs\.io|requests\.readthedocs\.io|docs\.python\.org|github\.com\/nodejs)\//i;

/** Host and port of a URL for the fixes' placeholders; a mangled URL in a message just leaves them generic. */
function safeEndpoint(url: string): { host?: string; port?: number } {
  try {
    const u = new URL(url);
    return { host: u.hostname, port: Number(u.port) || 443 };
  } catch {
    return {};
  }
}

/** Every cause code with its title, for docs and UIs. */
export function causeTitles(): Record<string, string> {
  return Object.fromEntries(Object.values(CAUSES).map((c) => [c.code, c.title]));
}
