// Error text (Python, Node, curl, git, Java, Go, OpenSSL wording) → cause codes. Matches names and texts, never
// numeric codes: OpenSSL 3 renumbered some and says "self-signed" where 1.1.1 said "self signed".
import type { CauseCode } from './types';
import { extractPoolTarget, extractUrls } from './url';
import { INSPECTION_WORDS } from './inspection';

/** One recognisable wording and the causes it points to, most likely first. */
interface Pattern {
  readonly re: RegExp;
  readonly codes: readonly CauseCode[];
}

const SELF = 'self[- ]signed';
/** Chain problems share wording across causes; the probe tells them apart, a message alone cannot. */
const CHAIN: readonly CauseCode[] = ['untrusted-root', 'incomplete-chain', 'trusted-by-os-not-by-client'];

/** The wording table. Order matters only for the order of the returned causes. */
export const PATTERNS: readonly Pattern[] = [
  { re: new RegExp(`DEPTH_ZERO_SELF_SIGNED_CERT|${SELF} certificate(?! in (the )?certificate chain)`, 'i'), codes: ['self-signed'] },
  { re: new RegExp(`SELF_SIGNED_CERT_IN_CHAIN|${SELF} certificate in (the )?certificate chain`, 'i'), codes: ['untrusted-root', 'trusted-by-os-not-by-client'] },
  { re: /UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify the first certificate/i, codes: ['incomplete-chain', 'untrusted-root', 'trusted-by-os-not-by-client'] },
  { re: /UNABLE_TO_GET_ISSUER_CERT|unable to get (local )?issuer certificate|unable to find valid certification path|PKIX path building failed|signed by unknown authority|server certificate verification failed|certificate chain was issued by an authority that is not trusted|untrusted root/i, codes: CHAIN },
  { re: /CERT_HAS_EXPIRED|certificate (has )?expired|CertificateExpiredException|certificate is expired/i, codes: ['expired'] },
  { re: /CERT_NOT_YET_VALID|not yet valid|CertificateNotYetValidException/i, codes: ['not-yet-valid'] },
  { re: /ERR_TLS_CERT_ALTNAME_INVALID|hostname mismatch|ip address mismatch|does not match certificate's altnames|doesn't match|does not match (the )?(target host|certificate)|no alternative certificate subject name matches|No subject alternative (DNS )?names?( matching| present)|certificate is (only )?valid for|certificate is not valid for/i, codes: ['hostname-mismatch'] },
  { re: /CA_MD_TOO_WEAK|signature digest algorithm too weak|md too weak|Algorithm constraints check failed on signature algorithm|insecure algorithm SHA1|SHA1 ?with ?RSA.*(disabled|not allowed)/i, codes: ['weak-signature'] },
  { re: /(EE|CA)_KEY_TOO_SMALL|key too (small|weak)|Algorithm constraints check failed on keysize/i, codes: ['weak-key'] },
  { re: /INVALID_PURPOSE|(unsupported|unsuitable) certificate purpose|Extended key usage does not permit|incompatible key usage/i, codes: ['wrong-purpose'] },
  { re: /INVALID_CA|invalid CA certificate|parent certificate cannot sign this kind of certificate|this is not a CA certificate/i, codes: ['invalid-ca'] },
  { re: /PATH_LENGTH_EXCEEDED|path length constraint exceeded|pathLenConstraint violated|too many intermediates for path length constraint|(PERMITTED|EXCLUDED)_VIOLATION|(permitted|excluded) subtree violation|name constraints? (check )?(failed|violat)|not authorized to sign for this name|not permitted by any constraint/i, codes: ['constraint-violation'] },
  { re: /legacy Common Name field|ERR_CERT_COMMON_NAME_INVALID/i, codes: ['legacy-cn-only'] },
  { re: /CERTIFICATE_REQUIRED|certificate required|alert (number )?116|peer did not return a certificate|ALERT_BAD_CERTIFICATE|alert bad certificate|alert number 42/i, codes: ['client-cert-required'] },
  { re: /WRONG_VERSION_NUMBER|wrong version number|packet length too long|HTTP_REQUEST|http request|Unsupported or unrecognized SSL message|does not look like a TLS handshake|plain HTTP/i, codes: ['not-tls'] },
  { re: /ALERT_HANDSHAKE_FAILURE|ALERT_PROTOCOL_VERSION|handshake[_ ]failure|protocol version|unsupported protocol|no (shared )?cipher|no ciphers available|no protocols available|NO_SHARED_CIPHER|UNSUPPORTED_PROTOCOL|alert (number )?40|tlsv1 alert|sslv3 alert|UNSAFE_LEGACY_RENEGOTIATION|unrecognized name/i, codes: ['handshake-failure'] },
  { re: /EMFILE|ENFILE|too many open files/i, codes: ['local-resource-limit'] },
  { re: /ECONNREFUSED|connection refused|actively refused|couldn't connect to server|Failed to connect/i, codes: ['connection-refused'] },
  { re: /ETIMEDOUT|timed? ?out|ConnectTimeoutError|Timeout was reached/i, codes: ['timeout'] },
  { re: /ENOTFOUND|EAI_AGAIN|getaddrinfo|Name or service not known|nodename nor servname|Could not resolve host|name resolution|UnknownHostException|NameResolutionError|no such host/i, codes: ['dns-failure'] },
  // Issue 10 codes: appended, so they add alternatives and never change a wording's first code.
  { re: /TLSV1_ALERT_PROTOCOL_VERSION|alert protocol version|UNSUPPORTED_PROTOCOL|unsupported protocol/i, codes: ['protocol-version'] },
  { re: /UNRECOGNIZED_NAME|unrecognized name/i, codes: ['sni-required'] },
  { re: /EXCESSIVE_MESSAGE_SIZE|excessive message size/i, codes: ['certificate-too-large'] },
  { re: /CERT_SIGNATURE_FAILURE|certificate signature failure/i, codes: ['wrong-intermediate'] },
  { re: /UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify the first certificate/i, codes: ['missing-intermediate'] },
  { re: INSPECTION_WORDS, codes: ['tls-inspection'] },
];

/** Cause codes a message points to, most likely first, without duplicates. */
export function matchCodes(text: string): CauseCode[] {
  const out: CauseCode[] = [];
  for (const p of PATTERNS) {
    if (!p.re.test(text)) continue;
    for (const c of p.codes) if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** The URL an error message mentions: a literal URL, or urllib3's "host='x', port=443". */
export function urlInMessage(text: string): string | undefined {
  const urls = extractUrls(text).filter((u) => !DOC_URLS.test(u));
  return urls.find((u) => /^https:/i.test(u)) ?? extractPoolTarget(text) ?? urls[0];
}

/** Help pages clients print with their errors (curl's "More details here: https://curl.se/docs/sslcerts.html"). */
const DOC_URLS = /^https?:\/\/(curl\.se|curl\.haxx\.se|nodejs\.org|urllib3\.readthedocs\.io|requests\.readthedocs\.io|docs\.python\.org|github\.com\/nodejs)\//i;
