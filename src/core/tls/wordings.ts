// THE wording table: error text → ranked cause codes, for every client family TLS Doctor knows (Python/OpenSSL, Node,
// curl, GnuTLS git, wget, Go crypto/tls, Java PKIX, .NET, SChannel, rustls, browsers). One source for both readers:
// the probe maps its own OpenSSL/Node errors to codes (diagnose.ts, through `matchCodes`), and src/core/explain ranks
// a pasted message's causes per client on top of `matchWordings`. It lives in the tls layer because the probe needs it.
// Names and texts only, never numbers alone: OpenSSL 3 renumbered some codes and writes "self-signed" where 1.1.1
// wrote "self signed".
import { CAUSES } from './causes';
import type { CauseCode } from './types';
import { INSPECTION_WORDS } from './inspection';

/**
 * The diagnosis vocabulary plus four codes this explainer needs before the probe learns them (the lead merges them
 * into CauseCode): a bare "verify failed" with no reason, the server rejecting *our* client certificate, a
 * certificate with only a Common Name (Go ≥ 1.15, urllib3 2), and a revocation check that could not complete.
 */
export type ExplainCauseCode = CauseCode | 'revocation-check-failed';

/** One recognisable wording: the causes it points to, most likely first, and what it adds to the explanation. */
export interface Wording {
  readonly re: RegExp;
  readonly codes: readonly ExplainCauseCode[];
  /** A sentence on what this exact wording tells (shown with the most likely cause). */
  readonly says?: string;
  /**
   * True when the wording names no reason at all (an outer exception whose reason is in an inner one): its codes are
   * the usual reasons, ranked, not what the message read, so the probe never takes them for its own reading.
   */
  readonly hidden?: true;
  /**
   * For a wording that says only that verification failed ("certificate verify failed" alone, .NET's "remote
   * certificate is invalid"): the usual reasons behind it, most frequent first (what the threads of such messages
   * establish, tallied). When this wording leads, the explainer ranks these instead of `codes` and words the first as
   * likely, never as certain; when a more specific wording leads, `codes` add their alternatives as usual, and the
   * probe reads `codes` (what the message states: verification-failed).
   */
  readonly bare?: readonly ExplainCauseCode[];
}

const SELF = 'self[- ]signed';
const CHAIN: readonly ExplainCauseCode[] = ['untrusted-root', 'incomplete-chain', 'trusted-by-os-not-by-client'];

/**
 * The usual reasons behind a message that says only "certificate verify failed", most frequent first: what the
 * threads of every such message in the corpus and the held-out sets establish (notes/explain20/bare-tally.md). A root
 * this client does not trust leads by far (an old client's outdated CA bundle, a CA file it cannot find, a
 * TLS-inspecting proxy's root); a self-signed server comes next; the other chain failures follow as possibilities.
 */
const BARE_USUAL: readonly ExplainCauseCode[] = ['untrusted-root', 'self-signed', 'incomplete-chain', 'expired'];
const BARE_SAYS =
  'The message says only that the certificate was rejected, not why: what follows is the usual reason for it (an old client\'s outdated CA bundle, a CA file it cannot find, or a TLS-inspecting proxy\'s root), not one it read.';

/**
 * The table, most specific first: the first wording that matches names the most likely cause, the others add
 * alternatives. A generic wording ("certificate verify failed") must come after every wording that refines it.
 */
export const WORDINGS: readonly Wording[] = [
  // The *server's* log says a client rejected its certificate: the mirror image of the client-side error.
  // (…also a TLS-intercepting proxy's log of its browser side: "Securing client connection failed: handshake error:
  // remote error: tls: bad certificate" is the browser refusing the proxy's own CA.)
  { re: /(?:TLS handshake error from \S+|client connection failed: (?:TLS )?handshake error): remote error: tls: (bad certificate|unknown certificate authority)/, codes: ['untrusted-root', 'client-cert-required'], says: 'This line is from the server\'s log: a client refused the server\'s certificate.' },
  // The server rejected the client: alerts sent *by the server* about our certificate.
  // …and over QUIC (quic-go, HTTP/3, DoQ): CRYPTO_ERROR 0x100 + the alert, 0x12a bad_certificate, 0x12e
  // certificate_unknown, 0x130 unknown_ca, 0x174 certificate_required. In a server's log (accepting a stream) the alert
  // came from the client, which refused the server's certificate; in a client's, from the server, about ours.
  { re: /\b(?:accept(?:ing)?|server)\b[^\n]*CRYPTO_ERROR \(?0x1(?:2a|2e|30)\)?/i, codes: ['untrusted-root', 'self-signed'], says: 'This line is from the server\'s log: a QUIC client refused the server\'s certificate (its TLS alert closed the connection).' },
  { re: /CRYPTO_ERROR \(?0x1(?:2a|2e|30|74)\)?/, codes: ['client-cert-required'], says: 'The QUIC connection was closed with a TLS alert about a certificate: the server rejected the client certificate this client sent (or wanted one and got none).' },
  { re: /remote error: tl(?:s|cp): (bad certificate|unknown certificate authority|expired certificate|certificate required|certificate unknown|revoked certificate|unsupported certificate)|tlsv13 alert certificate required|alert (bad certificate|certificate required|certificate unknown)|ALERT_(BAD_CERTIFICATE|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN)|Received fatal alert: (bad_certificate|certificate_required|certificate_unknown|unknown_ca)|received fatal alert: (?:BadCertificate|CertificateRequired|CertificateUnknown|UnknownCA)\b|No required SSL certificate was sent|tlsv1 alert unknown ca/i, codes: ['client-cert-required'], says: 'The alert came from the server: it rejected the client certificate this client sent (or wanted one and got none).' },
  { re: /legacy Common Name field|x509ignoreCN/, codes: ['legacy-cn-only'], says: 'The certificate names its host only in the Common Name; Go ≥ 1.15 (and urllib3 2, browsers) read only subjectAltName.' },
  // A name error on the certificate a CDN hands to clients that send no server name (SNI): Fastly's r.ssl.fastly.net
  // and a.sni.fastly.net, Cloudflare's sslNNN.cloudflaressl.com under its "Legacy Server CA", or urllib3's warning
  // that this Python cannot send SNI, or a wget older than 1.14 (the first with SNI): the client sent no name.
  { re: /^(?=[\s\S]*(?:did not match expected hostname|doesn't match (?:either of\b|u?'|requested host name)|no certificate subject alternative name matches|does not match (?:the )?(?:target host|certificate)|CertificateHostnameMismatch|hostname mismatch))(?=[\s\S]*(?:\br\.ssl\.fastly\.net\b|\b[a-z]\.sni\.(?:global-ssl\.)?fastly\.net\b|\bssl\d+\.cloudflaressl\.com\b|Legacy Server CA|SNIMissingWarning|GNU Wget 1\.(?:\d|1[0-3])\b))/i, codes: ['sni-required', 'hostname-mismatch'], says: 'The certificate the server sent is the default one its CDN gives a client that sends no server name (SNI): an old client (Python before 2.7.9, wget before 1.14, an old OpenSSL or Java), or a connection by IP address.' },
  { re: /doesn't contain any IP SANs|IP address mismatch|No subject alternative names matching IP address/i, codes: ['hostname-mismatch'], says: 'The client connected by IP address and the certificate has no IP subjectAltName for it.' },
  { re: /CRYPT_E_NO_REVOCATION_CHECK|CRYPT_E_REVOCATION_OFFLINE|0x8009201[23]|revocation function (was )?unable to check|CERT_TRUST_REVOCATION_STATUS_UNKNOWN/i, codes: ['revocation-check-failed', 'untrusted-root'], says: 'Windows could not reach the CRL/OCSP server named in the certificate (a TLS-inspecting proxy\'s certificates often name none that is reachable).' },
  // Browsers. Chrome ≥ 58 and Firefox read only subjectAltName: a name error whose certificate names the very host
  // visited (Chrome's "its security certificate is from <the same name>", Firefox's "only valid for <the same name>",
  // which both take from the CN when there is no SAN), or that says the SAN is missing, is a CN-only certificate.
  // Not for an IP address: a certificate with the IP in its CN and no IP SAN reads as a name mismatch, as Go's
  // "doesn't contain any IP SANs" does.
  { re: /does not specify Subject Alternative Names|\[missing_subjectAltName\]|Subject Alternative Name (?:is )?missing|could(?: not|n['’]t) prove that it(?: is|['’]s) (?![\d.]+;)([^\s;]+); its security certificate is from \1(?=[.\s]|$)|not valid for (?![\d.]+\.?\s)([^\s]+?)\.?\s+The certificate is only valid for \2\.?(?=\s|$)/i, codes: ['legacy-cn-only', 'hostname-mismatch'], says: 'The certificate names the host only in its Common Name: browsers (Chrome ≥ 58, Firefox) match only the subjectAltName extension.' },
  // …and on localhost, where a name error almost always means a development certificate made without a SAN (an old
  // openssl recipe), unless the page names another host the certificate is for.
  { re: /^(?![\s\S]*(?:only valid for|security certificate is from) (?!localhost\b))(?=[\s\S]*\blocalhost\b)[\s\S]*(?:ERR_CERT_COMMON_NAME_INVALID|SSL_ERROR_BAD_CERT_DOMAIN)/i, codes: ['legacy-cn-only', 'hostname-mismatch'], says: 'A development certificate for localhost made without a subjectAltName: browsers match only that extension, not the Common Name.' },
  // Browser pages in prose, without their error code: Chrome's "…could not prove that it is x; its security certificate
  // expired 3 days ago" / "…is not trusted by your computer's operating system", Firefox's "The certificate for x
  // expired on …" (before the name wording: "could not prove that it is" starts all of Chrome's).
  { re: /its security certificate expired\b|The certificate for \S+ expired on\b|certificates, which are valid for a set time period/, codes: ['expired', 'not-yet-valid'] },
  { re: /its security certificate is not trusted by your computer's operating system/, codes: ['untrusted-root', 'self-signed', 'incomplete-chain'] },
  // …and on a certificate the user made: "generating certificates locally", "openssl req", mkcert-less self-made ones
  // lack subjectAltName unless asked for it, and Chrome reads only that.
  { re: /^(?=[\s\S]*(?:ERR_CERT_COMMON_NAME_INVALID|SSL_ERROR_BAD_CERT_DOMAIN))(?=[\s\S]*(?:[Gg]enerat\w* (?:\w+ ){0,3}certificates? locally|locally[- ]generated certificate|\bopenssl req\b))/, codes: ['legacy-cn-only', 'hostname-mismatch'], says: 'A certificate made by hand (openssl req) carries the host only in its Common Name unless a subjectAltName is added; Chrome ≥ 58 reads only the subjectAltName.' },
  { re: /ERR_CERT_COMMON_NAME_INVALID|SSL_ERROR_BAD_CERT_DOMAIN|could(?: not|n['’]t) prove that it(?: is|['’]s) |net_error -200\b/, codes: ['hostname-mismatch', 'legacy-cn-only', 'untrusted-root'] },
  // Firefox: a certificate whose signature does not verify with its issuer's key (a leaf from an older CA of the same
  // name, as after regenerating a local development CA).
  // …and OpenSSL's "certificate signature failure" (X509_V_ERR_CERT_SIGNATURE_FAILURE), the same verdict.
  { re: /SEC_ERROR_BAD_SIGNATURE|Peer['’]s certificate has an invalid signature|certificate verify failed: certificate signature failure/, codes: ['wrong-intermediate', 'invalid-ca'], says: 'The certificate\'s signature does not verify with the key of the CA it names: usually a certificate issued by an older CA of the same name (a regenerated development CA) or a stale intermediate.' },
  { re: /ERR_CERT_DATE_INVALID|SEC_ERROR_EXPIRED_(ISSUER_)?CERTIFICATE|net_error -201\b/, codes: ['expired', 'not-yet-valid'] },
  { re: /MOZILLA_PKIX_ERROR_NOT_YET_VALID_(?:ISSUER_)?CERTIFICATE/, codes: ['not-yet-valid', 'expired'] },
  { re: /MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT|not trusted because it is self-signed/, codes: ['self-signed', 'untrusted-root'] },
  // Firefox's "the reply is no TLS record" (plain HTTP on the TLS port) and its bare end of stream mid-handshake.
  { re: /SSL_ERROR_RX_RECORD_TOO_LONG/, codes: ['not-tls'] },
  { re: /SSL_ERROR_WEAK_SERVER_EPHEMERAL_DH_KEY/, codes: ['handshake-failure'], says: 'The server offers Diffie-Hellman parameters under 1024 bits, which browsers refuse.' },
  { re: /MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE/, codes: ['weak-key'] },
  { re: /ERR_SSL_OBSOLETE_VERSION/, codes: ['handshake-failure'], says: 'The server offers only TLS 1.0/1.1, which current browsers refuse.' },
  { re: /PR_END_OF_FILE_ERROR|PR_CONNECT_RESET_ERROR/, codes: ['handshake-failure', 'not-tls'] },
  // Chromium and curl when the server wants a client certificate this client cannot present.
  // (…and Chrome's page for it in words: "This server requires a certificate for authentication, and didn't accept the
  // one sent by the browser."; Go's server: "tls: client didn't provide a certificate".)
  { re: /ERR_BAD_SSL_CLIENT_AUTH_CERT|ERR_SSL_CLIENT_AUTH_CERT_NEEDED|requires a certificate for authentication, and did(?:n't| not) accept the one sent by the browser|\btl(?:s|cp): client didn't provide a certificate|unable to (?:set private key file|use client certificate)|could not load PEM client certificate|SEC_E_NO_CREDENTIALS/, codes: ['client-cert-required'] },
  // Chromium's built-in verifier logs why a chain failed (cert_verify_proc_builtin.cc, in Electron apps' and headless
  // Chrome's consoles): "ERROR: No matching issuer found" below the certificate it could not chain.
  { re: /CertVerifyProcBuiltin for \S+ failed:[\s\S]*?ERROR: No matching issuer found/, codes: ['untrusted-root', 'incomplete-chain'], says: "Chromium's verifier found no trusted issuer for the chain." },
  { re: /CertVerifyProcBuiltin for \S+ failed:[\s\S]*?ERROR: Time is after notAfter/, codes: ['expired'] },
  { re: /CertVerifyProcBuiltin for \S+ failed:[\s\S]*?ERROR: Time is before notBefore/, codes: ['not-yet-valid'] },
  { re: /no issuer chain was provided/, codes: ['incomplete-chain', 'untrusted-root'], says: 'Firefox found no path to a root: the server probably sends no intermediate certificate.' },
  { re: /ERR_CERT_AUTHORITY_INVALID|SEC_ERROR_UNKNOWN_ISSUER|Peer['’]s Certificate issuer is not recognized|does not trust \S+ because its certificate issuer is unknown|SEC_ERROR_UNTRUSTED_ISSUER|MOZILLA_PKIX_ERROR_MITM_DETECTED|net_error -202\b/, codes: ['untrusted-root', 'self-signed', 'incomplete-chain'] },
  { re: /SEC_ERROR_INADEQUATE_(KEY_USAGE|CERT_TYPE)|MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY/, codes: ['wrong-purpose'] },
  { re: /ERR_CERT_WEAK_SIGNATURE_ALGORITHM|SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED/, codes: ['weak-signature'] },
  { re: /ERR_SSL_VERSION_OR_CIPHER_MISMATCH|SSL_ERROR_NO_CYPHER_OVERLAP|SSL_ERROR_UNSUPPORTED_VERSION|ERR_SSL_PROTOCOL_ERROR/, codes: ['handshake-failure', 'not-tls'] },
  // .NET, PowerShell, SChannel.
  { re: /RemoteCertificateNameMismatch/, codes: ['hostname-mismatch', 'untrusted-root'] },
  // .NET ≥ 7 names the X509ChainStatus after "errors in the certificate chain:": the status is the cause.
  { re: /errors in the certificate chain: (RevocationStatusUnknown|OfflineRevocation)/, codes: ['revocation-check-failed', 'untrusted-root'], says: '.NET could not reach the CRL/OCSP server the certificate names (proxies often block them, and TLS-inspecting proxies often name none that is reachable).' },
  { re: /errors in the certificate chain: PartialChain/, codes: ['untrusted-root', 'incomplete-chain'], says: '"PartialChain": .NET found no issuer for a certificate of the chain, as OpenSSL\'s "unable to get local issuer certificate": the CA is not in this machine\'s (or container\'s) store, or the server omits an intermediate.' },
  { re: /errors in the certificate chain: NotTimeValid/, codes: ['expired', 'not-yet-valid'] },
  { re: /errors in the certificate chain: UntrustedRoot/, codes: ['untrusted-root', 'self-signed'] },
  { re: /RemoteCertificateChainErrors/, codes: ['untrusted-root', 'incomplete-chain', 'expired', 'self-signed'] },
  { re: /SEC_E_UNTRUSTED_ROOT|0x80090325|CERT_E_UNTRUSTEDROOT|0x800B0109|-2146762487|terminated in a root certificate which is not trusted|在不受信任提供程序信任的根证书中终止/i, codes: ['untrusted-root', 'self-signed', 'incomplete-chain'] },
  { re: /certificate chain could not be built to a trusted root|CERT_E_CHAINING|0x800B010A/i, codes: ['untrusted-root', 'incomplete-chain'] },
  // (.NET Framework's SSPI words it "was provided by an authority that is not trusted".)
  { re: /certificate chain was (?:issued|provided) by an authority that is not trusted|untrusted root/i, codes: ['untrusted-root', 'self-signed', 'incomplete-chain'] },
  // CryptoAPI chain status flags (curl/libcurl with schannel, R, .NET Framework): the flag is the cause.
  { re: /CERT_TRUST_IS_UNTRUSTED_ROOT/, codes: ['untrusted-root', 'self-signed'], says: 'Windows built the chain to a root that is not in its Trusted Root store (or the machine may not fetch roots: automatic root updates off).' },
  { re: /CERT_TRUST_IS_NOT_TIME_VALID/, codes: ['expired', 'not-yet-valid'] },
  { re: /CERT_TRUST_IS_NOT_VALID_FOR_USAGE/, codes: ['wrong-purpose'] },
  { re: /CERT_TRUST_IS_PARTIAL_CHAIN/, codes: ['incomplete-chain', 'untrusted-root'], says: 'Windows could not build the chain up to any root: a missing intermediate, or a root this machine does not trust.' },
  { re: /SEC_E_WRONG_PRINCIPAL|CERT_E_CN_NO_MATCH|0x80090322/, codes: ['hostname-mismatch'] },
  // SChannel's catch-all for a certificate it could not process: no reason given; a chain it could not complete is
  // the usual one.
  { re: /SEC_E_CERT_UNKNOWN|0x80090327/, codes: ['verification-failed', 'incomplete-chain', 'untrusted-root'], says: 'SChannel gives no reason ("an unknown error occurred while processing the certificate"): usually a chain it could not complete or a certificate it cannot parse; certutil -verify on the saved certificate names it.' },
  { re: /SEC_E_CERT_EXPIRED|CERT_E_EXPIRED/, codes: ['expired'] },
  { re: /message received was unexpected or badly formatted|SEC_E_ILLEGAL_MESSAGE|0x80090326|-2146893018|SEC_E_INVALID_TOKEN|0x80090308/i, codes: ['handshake-failure', 'not-tls'], says: 'SChannel could not parse what the server (or a proxy in between) sent during the handshake: often a proxy that answers in plain HTTP, or a TLS version or cipher SChannel refuses.' },
  { re: /Could not create SSL\/TLS secure channel|An unexpected error occurred on a send|do not possess a common algorithm|SEC_E_ALGORITHM_MISMATCH|RemoteCertificateNotAvailable/, codes: ['handshake-failure'], says: 'Windows PowerShell 5.1 and old .NET Framework apps offer only TLS 1.0/1.1 unless told otherwise, and most servers now require TLS 1.2+.' },
  // .NET's and PowerShell's words for any certificate it refused, with the reason (if any) in an inner exception.
  { re: /remote certificate is invalid according to the validation procedure|Could not establish trust relationship for the SSL\/TLS/, codes: ['verification-failed', 'untrusted-root', 'hostname-mismatch', 'expired'], bare: ['untrusted-root', 'self-signed', 'hostname-mismatch', 'expired'], says: BARE_SAYS },
  // rustls (reqwest, uv, Deno, cargo-installed tools); rustls < 0.20 wrapped webpki's reason: "WebPKIError(CertExpired)".
  { re: /(?:invalid (?:peer )?certificate: |InvalidCertificate\(|WebPKIError\()(certificate not valid for name|NotValidForName|CertNotValidForName)/, codes: ['hostname-mismatch'] },
  { re: /(?:invalid (?:peer )?certificate: |InvalidCertificate\(|WebPKIError\()(certificate expired|Expired|CertExpired)/, codes: ['expired', 'not-yet-valid'] },
  { re: /(?:invalid (?:peer )?certificate: |InvalidCertificate\(|WebPKIError\()(certificate not valid yet|NotValidYet|CertNotValidYet)/, codes: ['not-yet-valid'] },
  { re: /(?:invalid (?:peer )?certificate: |InvalidCertificate\(|WebPKIError\()(InvalidPurpose|UnsupportedCertVersion)/, codes: ['wrong-purpose'] },
  // rustls' BadSignature: a signature in the chain it could not verify, most often one made with an algorithm its
  // verifier does not support (webpki's short list), rarely a forged or stale one.
  { re: /(?:invalid (?:peer )?certificate: |InvalidCertificate\(|WebPKIError\()(?:BadSignature|bad signature)\b/, codes: ['verification-failed', 'wrong-intermediate'], says: 'rustls could not verify a signature in the chain: often an algorithm its verifier does not support (check the chain with openssl s_client -showcerts), rarely a stale intermediate.' },
  { re: /(?:invalid (?:peer )?certificate: |InvalidCertificate\(|WebPKIError\()(UnknownIssuer?|unknown issuer)/, codes: ['untrusted-root', 'trusted-by-os-not-by-client', 'incomplete-chain', 'self-signed'], says: 'rustls found no trusted root for the chain; rustls builds often carry their own Mozilla root list and ignore the OS store.' },
  // Go crypto/x509 and crypto/tls (Docker, kubectl, Helm, Terraform…).
  // Go ≥ 1.17 ignores the Common Name entirely: a certificate with no subjectAltName is "not valid for any names",
  // which is a Common-Name-only certificate far more often than one that names nothing.
  { re: /x509: certificate is not valid for any names/, codes: ['legacy-cn-only', 'hostname-mismatch'], says: 'The certificate has no subjectAltName at all: Go (≥ 1.17) no longer reads the host from the Common Name.' },
  { re: /x509: certificate is valid for .*, not \S+|certificate is valid for [^\n]*, not /, codes: ['hostname-mismatch', 'untrusted-root'] },
  // kubeadm's own check, which Go's "has expired or is not yet valid" above it cannot tell apart.
  { re: /the certificate is not valid yet|certificate is not yet valid\b(?! or)/, codes: ['not-yet-valid', 'expired'] },
  { re: /x509: certificate has expired or is not yet valid: current time \S+ is before/, codes: ['not-yet-valid'], says: 'The current time is before the certificate\'s notBefore: this machine\'s clock is behind, or the certificate was issued moments ago with a clock ahead.' },
  { re: /x509: certificate has expired or is not yet valid/, codes: ['expired', 'not-yet-valid'] },
  // Go could not even parse the server's certificate ("x509: RSA modulus is not a positive number", "negative serial
  // number"): public CAs' certificates parse, so it was minted by an intercepting proxy or an appliance's own tooling.
  { re: /tls: failed to parse certificate from server: x509: /, codes: ['tls-inspection', 'self-signed'], says: 'Go could not parse the certificate it was sent: certificates from public CAs parse, so this one was most likely made by an intercepting proxy or a device\'s own tooling.' },
  // Go found the issuer by name but refuses it as a CA (no basicConstraints CA:TRUE, or no keyCertSign usage).
  // Go found the issuer but will not check its signature: an algorithm it refuses (MD5, SHA-1 on old roots such as
  // CAcert's) or an old Go build lacks: "x509: cannot verify signature: algorithm unimplemented" / "insecure algorithm".
  { re: /x509: cannot verify signature: (?:algorithm unimplemented|insecure algorithm)/, codes: ['weak-signature', 'untrusted-root'], says: 'Go found the issuing certificate but will not verify the algorithm its signature uses: MD5 or SHA-1, which Go refuses (re-issue with SHA-256), or one an old Go build lacks (update the program).' },
  { re: /x509: certificate signed by unknown authority \(possibly because of "x509: invalid signature: parent certificate cannot sign/, codes: ['invalid-ca', 'untrusted-root'], says: 'Go found the issuing certificate but it is not allowed to sign certificates (no CA:TRUE basic constraint or no keyCertSign usage): a home-made CA must be reissued as a CA.' },
  { re: /x509: certificate signed by unknown authority \(possibly because of "crypto\/rsa: verification error"/, codes: ['untrusted-root'], says: 'The client has a CA configured, but not the one that signed this certificate (typical after a cluster or CA was recreated).' },
  { re: /x509: certificate signed by unknown authority|x509: failed to load system roots|x509: “[^”]+” certificate is not trusted/, codes: ['untrusted-root', 'incomplete-chain', 'self-signed'] },
  { re: /tls: first record does not look like a TLS handshake|server gave HTTP response to HTTPS client|tls: oversized record received/, codes: ['not-tls'] },
  // The other way round: a plain-HTTP client read a TLS alert record (0x15 0x03 …) as its reply, or the server says so.
  { re: /malformed HTTP response "\\x15\\x03|Client sent an HTTP request to an HTTPS server/, codes: ['not-tls'], says: 'The client spoke plain HTTP to a port that expects TLS (an http:// URL, or a tool run without its TLS flag).' },
  // Java (PKIX), Gradle, Maven.
  { re: /No subject alternative (DNS )?names?( matching| present)|No name matching \S+ found|SSLPeerUnverifiedException: Hostname \S+ not verified/, codes: ['hostname-mismatch'] },
  // Android's and the JDK's words for a trust store with no root for the chain (or no roots at all).
  { re: /Trust anchor for certification path not found|the trustAnchors parameter must be non-empty|ValidatorException: No trusted certificate found/, codes: ['untrusted-root', 'incomplete-chain'], says: 'The JVM (or Android) found no trusted root for the chain, or its trust store is empty or unreadable.' },
  { re: /PKIX path building failed|unable to find valid certification path|SunCertPathBuilderException/, codes: ['untrusted-root', 'incomplete-chain', 'trusted-by-os-not-by-client'], says: 'Java trusts only its own cacerts file, not the OS store.' },
  // A PKIX wording cut off where the paste ends ("> (certificate_unknown) PKIX path"), after Gradle's "Got SSL
  // handshake exception during request": the building failure, the most common PKIX reason.
  { re: /\bPKIX path\s*$|Got SSL handshake exception during request[\s\S]*\bPKIX path\b/, codes: ['untrusted-root', 'incomplete-chain', 'trusted-by-os-not-by-client'] },
  { re: /peer not authenticated|SSLPeerUnverifiedException/, codes: ['untrusted-root', 'verification-failed'], says: 'Older Java HTTP clients hide the PKIX failure behind "peer not authenticated": the JVM did not trust the chain (a TLS-inspecting proxy or an internal CA is the usual reason).' },
  // (…also the validator's exception alone, "CertPathValidatorException: validity check failed", as a test log or a
  // wrapper prints it: the JDK's name for a certificate outside its validity period, expired far more often than not.)
  { re: /CertificateExpiredException|PKIX path validation failed.*validity check failed|CertPathValidatorException: validity check failed/, codes: ['expired', 'not-yet-valid'] },
  { re: /CertPathValidatorException: timestamp check failed/, codes: ['expired', 'not-yet-valid'] },
  { re: /CertificateNotYetValidException/, codes: ['not-yet-valid'] },
  // Before wget/GnuTLS: when an openssl transcript is pasted along, its "first certificate" verdict is the sharper one.
  { re: /UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify the first certificate|num=21:/i, codes: ['incomplete-chain', 'untrusted-root', 'trusted-by-os-not-by-client'], says: 'The client could not link the server\'s own certificate to any issuer: usually the server omits its intermediate.' },
  // wget and GnuTLS (Debian's git).
  { re: /Issued certificate has expired/, codes: ['expired'] },
  // GnuTLS builds of wget: "ERROR: The certificate of ‘host’ is not trusted." and a second line with the reason.
  { re: /The certificate of [‘'`"]?\S+?['’"]? has expired/, codes: ['expired', 'not-yet-valid'] },
  { re: /The certificate of [‘'`"]?\S+?['’"]? is not yet activated/, codes: ['not-yet-valid'] },
  { re: /The certificate of [‘'`"]?\S+?['’"]? (?:doesn't have|hasn't got) a known issuer/, codes: ['untrusted-root', 'incomplete-chain', 'self-signed'] },
  { re: /The certificate's owner does not match hostname/, codes: ['hostname-mismatch'] },
  // Ruby's OpenSSL::SSL::SSLError for a name mismatch (post_connection_check).
  { re: /hostname "[^"\n]+" does not match the server certificate/, codes: ['hostname-mismatch'] },
  // Apple's Secure Transport status codes (libcurl's darwinssl backend, native-tls on macOS): errSSLNoRootCert,
  // errSSLUnknownRootCert, errSSLXCertChainInvalid; errSSLCertExpired.
  { re: /OSStatus -98(?:13|12|07)\b|errSSL(?:NoRootCert|UnknownRootCert|XCertChainInvalid)\b/, codes: ['untrusted-root', 'self-signed', 'incomplete-chain'] },
  { re: /OSStatus -9814\b|errSSLCertExpired\b/, codes: ['expired', 'not-yet-valid'] },
  { re: /The certificate of [‘'`"]?\S+?['’"]? was signed using an insecure algorithm/, codes: ['weak-signature'] },
  { re: /The certificate of [‘'`"]?\S+?['’"]? is not trusted/, codes: ['untrusted-root', 'incomplete-chain', 'expired'] },
  { re: /Self-signed certificate encountered/, codes: ['self-signed'] },
  { re: /Unable to locally verify the issuer's authority/, codes: ['untrusted-root', 'incomplete-chain'] },
  { re: /server certificate verification failed\. CAfile: none/, codes: ['untrusted-root', 'incomplete-chain', 'expired'], says: 'git (GnuTLS) found no CA file at all ("CAfile: none"): install ca-certificates, or point git at one.' },
  // (The threads behind it name an untrusted root most often, a wrong clock once: notes/explain20/bare-tally.md.)
  { re: /server certificate verification failed/, codes: ['untrusted-root', 'incomplete-chain', 'expired'], bare: ['untrusted-root', 'incomplete-chain', 'expired', 'not-yet-valid'], says: 'GnuTLS says the same for every chain failure, so what follows is the usual reason, not one it read; the probe tells them apart.' },
  // An openssl s_client transcript lists every verify error: when certificate 0 signed itself, that is the cause
  // (its expiry or its names come second: no client trusts it either way), so it goes before the expiry wording.
  { re: /verify error:num=18:/, codes: ['self-signed', 'untrusted-root'] },
  // OpenSSL wording (Python, Node, curl, Ruby, PHP, Rust native-tls, the openssl CLI).
  { re: /ERR_TLS_CERT_ALTNAME_INVALID|hostname mismatch|did not match expected hostname|Peer certificate CN=\S+ did not match expected CN=|requested domain name does not match the server's certificate|certificate common name [‘'`"]?\S+?['’"]? doesn't match requested host name|(?:does not|doesn't) match certificate's altnames|doesn't match (either of\b|u?')|no alternative certificate subject name matches|no certificate subject alternative name matches|does not match (the )?(target host|certificate)|certificate is (only )?valid for|certificate subject name .* does not match target host/i, codes: ['hostname-mismatch'] },
  { re: /CERT_HAS_EXPIRED|certificate (has )?expired|certificate is expired|num=10:/i, codes: ['expired', 'not-yet-valid'] },
  // Node 0.10's own code for a chain that ends in a root it does not trust (old npm after the registry left its own
  // CA, in 2014): "npm ERR! Error: CERT_UNTRUSTED".
  { re: /\bCERT_UNTRUSTED\b/, codes: ['untrusted-root', 'self-signed'] },
  { re: /CERT_NOT_YET_VALID|not yet valid|num=9:/i, codes: ['not-yet-valid'] },
  { re: new RegExp(`SELF_SIGNED_CERT_IN_CHAIN|${SELF} certificate in (?:the )?(?:certificate )?chain|num=19:`, 'i'), codes: ['untrusted-root', 'trusted-by-os-not-by-client'], says: 'The server (or a proxy in between) sent a root certificate this client does not trust.' },
  { re: new RegExp(`DEPTH_ZERO_SELF_SIGNED_CERT|${SELF} certificate(?! in (?:the )?(?:certificate )?chain)|num=18:`, 'i'), codes: ['self-signed', 'untrusted-root'] },
  { re: /UNABLE_TO_GET_ISSUER_CERT_LOCALLY|unable to get local issuer certificate|num=20:|code: 20\b|Verify return code: 20/i, codes: CHAIN },
  { re: /SSL certificate problem: Invalid certificate chain/, codes: CHAIN, says: 'macOS (Secure Transport) could not build the chain to a root in the keychain: a private or TLS-inspecting CA the keychain does not trust, or a missing intermediate.' },
  { re: /Peer certificate cannot be authenticated with (?:given|known) CA certificates/i, codes: CHAIN, says: 'libcurl found no CA in its bundle that vouches for the chain (older libcurl words "unable to get local issuer certificate" this way, before 7.31 "with known CA certificates").' },
  { re: /UNABLE_TO_GET_ISSUER_CERT\b|unable to get issuer certificate|num=2:/i, codes: ['untrusted-root', 'trusted-by-os-not-by-client'], says: '"issuer certificate" without "local": the server sent its intermediates, and the root they lead to is not trusted here.' },
  { re: /CA_MD_TOO_WEAK|signature digest algorithm too weak|md too weak|Algorithm constraints check failed on signature algorithm/i, codes: ['weak-signature'] },
  { re: /insecure algorithm SHA1|SHA1 ?with ?RSA.*(disabled|not allowed)/i, codes: ['weak-signature'] },
  // The server signed the handshake with an algorithm this OpenSSL refuses (SHA-1 or MD5 at security level 2, as
  // OpenSSL 3 and Debian set it): an old server, or a client pinned to a strict level.
  { re: /WRONG_SIGNATURE_TYPE|wrong signature type|tls12_check_peer_sigalg/i, codes: ['handshake-failure', 'weak-signature'], says: 'The server signed its part of the handshake with an algorithm this client\'s OpenSSL refuses (SHA-1 or MD5 at security level 2): an old server or load balancer, or a client configured stricter than the server.' },
  { re: /DH_KEY_TOO_SMALL|dh key too small/i, codes: ['handshake-failure'], says: 'The server offers Diffie-Hellman parameters under 2048 bits, which OpenSSL ≥ 1.1 refuses.' },
  { re: /(EE|CA)_KEY_TOO_SMALL|key too (small|weak)|Algorithm constraints check failed on keysize/i, codes: ['weak-key'] },
  { re: /INVALID_PURPOSE|(unsupported|unsuitable) certificate purpose|Extended key usage does not permit|incompatible key usage/i, codes: ['wrong-purpose'] },
  { re: /Missing Authority Key Identifier|Missing Subject Key Identifier|Basic Constraints of CA cert not marked critical|CA cert does not include key usage extension|Authority and Subject Key Identifier mismatch/i, codes: ['invalid-ca', 'untrusted-root'], says: 'Strict X.509 checks (OpenSSL 3 with X509_V_FLAG_X509_STRICT, on by default in Python ≥ 3.13) reject a CA certificate that breaks RFC 5280, typically a TLS-inspecting proxy\'s or an internal CA\'s root: the CA must be reissued, or that client\'s strict flag relaxed.' },
  { re: /INVALID_CA|CA_CERT_INVALID|Issuer certificate (?:is )?invalid|invalid CA certificate|parent certificate cannot sign this kind of certificate|this is not a CA certificate/i, codes: ['invalid-ca'] },
  { re: /PATH_LENGTH_EXCEEDED|path length constraint exceeded|pathLenConstraint violated|too many intermediates for path length constraint|(PERMITTED|EXCLUDED)_VIOLATION|(permitted|excluded) subtree violation|name constraints? (check )?(failed|violat)|not authorized to sign for this name|not permitted by any constraint/i, codes: ['constraint-violation'] },
  { re: /UNSAFE_LEGACY_RENEGOTIATION|unsafe legacy renegotiation/i, codes: ['handshake-failure'], says: 'The server lacks secure renegotiation (RFC 5746), which OpenSSL 3 requires by default: an old server or load balancer.' },
  // (…also cut at the end of a paste: "ssl3_get_record:wrong version".)
  { re: /WRONG_VERSION_NUMBER|wrong version number|:ssl3_get_record:wrong version\b|GET_SERVER_HELLO:unknown protocol|packet length too long|HTTP_REQUEST|Unsupported or unrecognized SSL message|Unrecognized SSL message, plaintext connection|handshake failed due to an unexpected packet format|does not look like a TLS handshake|plain HTTP|record layer failure/i, codes: ['not-tls'] },
  // OpenSSL's reason "http request" (a plain-HTTP request reached a TLS port), not git's "HTTP request failed".
  // Only as OpenSSL prints it, after a colon or its "[SSL: HTTP_REQUEST]" tag: botocore's "Sending http request:" and
  // "Exception received when sending HTTP request." are log lines about any request.
  { re: /(?::|\] )http request\b(?! failed)/i, codes: ['not-tls'] },
  // OpenSSL 3's only words for a TLS 1.0/1.1 server whose key exchange is signed with SHA-1 (or MD5+SHA-1), which
  // the default security level refuses: an "internal error" in tls_process_key_exchange, no reason given.
  { re: /tls_process_key_exchange:internal error/i, codes: ['protocol-version', 'weak-signature', 'handshake-failure'], says: 'OpenSSL 3 refused the server\'s key exchange without saying why: almost always a server that speaks only TLS 1.0/1.1 and signs with SHA-1, which OpenSSL 3 accepts only at security level 0 (-cipher \'DEFAULT@SECLEVEL=0\' or -legacy options); the fix is a server with TLS 1.2.' },
  // The client refused the version the *server* chose (OpenSSL's ssl_choose_client_version, BoringSSL's, Go's "server
  // selected unsupported protocol version 301"): the server is the old side, unlike the "protocol version" alert, which
  // the server sends when the client is too old.
  { re: /ssl_choose_client_version:?\s*unsupported protocol|'ssl_choose_client_version', 'unsupported protocol'|server selected unsupported protocol version|OPENSSL_internal:UNSUPPORTED_PROTOCOL|\[SSL: UNSUPPORTED_PROTOCOL\]/i, codes: ['protocol-version', 'handshake-failure'], says: 'The server answered with a TLS version below this client\'s minimum (TLS 1.0/1.1 or SSLv3): the server is the old side (a "protocol version" alert is the other way round).' },
  { re: /TLSV1_ALERT_PROTOCOL_VERSION|tlsv1 alert protocol version|ALERT_PROTOCOL_VERSION|unsupported protocol|no protocols available|protocol_version|No appropriate protocol/i, codes: ['handshake-failure'], says: 'Client and server share no TLS version: one side is too old (or pinned to an old version).' },
  { re: /tlsv1 unrecognized name|UNRECOGNIZED_NAME|unrecognized_name/i, codes: ['handshake-failure'], says: 'The server does not serve this host name (SNI): wrong name, or a client that sends no SNI.' },
  // macOS's Secure Transport (Apple's curl, Homebrew's older builds) words every handshake failure as "the server most
  // likely requires a client certificate": a TLS version or cipher the server refuses is as often the reason.
  { re: /SSL peer handshake failed, the server most likely requires a client certificate/, codes: ['handshake-failure', 'client-cert-required'], says: 'Secure Transport (macOS) says this of every handshake the server aborted: the guess about a client certificate is its own, an old TLS version or cipher is as likely.' },
  { re: /ALERT_HANDSHAKE_FAILURE|sslv3 alert handshake failure|handshake[_ ]failure|AlertReceived\(HandshakeFailure\)|no shared cipher|NO_SHARED_CIPHER|no ciphers available/i, codes: ['handshake-failure', 'client-cert-required'] },
  { re: /UNEXPECTED_EOF_WHILE_READING|EOF occurred in violation of protocol|SSLEOFError|unexpected eof while reading|SSL_ERROR_SYSCALL|SSL_connect SYSCALL returned=5(?![^\n]*certificate verify failed)|TLS\/SSL connection has been closed \(EOF\)|SSLZeroReturnError/i, codes: ['handshake-failure', 'not-tls'], says: 'The connection was closed in the middle of the handshake, without a TLS alert: a proxy or firewall cutting it, or a server that refuses this client\'s TLS version, SNI or ciphers.' },
  // The same without the EOF words: libcurl's "SSL connect error" (code 35), SChannel's "failed to receive
  // handshake", GnuTLS's "non-properly terminated", a reset during the handshake (Node, .NET, Windows), Java's
  // "Remote host terminated the handshake".
  { re: /schannel: failed to receive handshake|server closed abruptly|missing close_notify|Remote host (?:terminated the|closed connection during) handshake|\bSSL connect error\b|Client network socket disconnected before secure TLS connection|remote party has closed the transport stream|远程方已关闭传输流|Authentication failed because the remote party has closed\b|unexpected EOF or 0 bytes from the transport stream|gnutls_handshake\(\) failed|TLS connection was non-properly terminated|GnuTLS recv error \(-\d+\)|SSL_(?:connect|read): Connection was reset|(?:TCP connection|SSL: Connection) reset by peer|Unknown SSL protocol error in connection to|received fatal alert: (?:HandshakeFailure|ProtocolVersion|InsufficientSecurity)\b|Recv failure: Connection reset by peer|error trying to connect: Connection reset by peer|SSLException: Connection reset|GnuTLS: A TLS fatal alert has been received|Unable to establish SSL connection|existing connection was forcibly closed by the remote host|\bssl_client: (?:\S+: )?TLS connect failed\b|\bgot bad TLS record \(len:\d+\) while expecting\b|\bwget: error getting response: Connection reset by peer/i, codes: ['handshake-failure', 'not-tls'], says: 'The connection was closed during the handshake without saying why: a proxy or firewall cutting it, or a server that refuses this client\'s TLS version, SNI or ciphers.' },
  // A record that fails its integrity check during the handshake ("decryption failed or bad record mac"): a middlebox
  // rewriting the stream, or an old client and the server disagreeing on the protocol (an OpenSSL 0.9.8 Python).
  { re: /decryption failed or bad record mac|DECRYPTION_FAILED_OR_BAD_RECORD_MAC/i, codes: ['handshake-failure', 'tls-inspection'], says: 'A TLS record failed its integrity check during the handshake: a device between the two rewriting the stream, or a client too old for what the server negotiates.' },
  // Python 2's urlopen reset during the handshake ("[Errno 54] Connection reset by peer", 104 on Linux, 10054 on
  // Windows): servers that refuse an old OpenSSL's protocol versions close the connection so.
  { re: /urlopen error \[Errno (?:54|104|10054)\] Connection reset by peer/, codes: ['handshake-failure', 'not-tls'], says: 'The server closed the connection during the handshake: often a server that refuses the TLS versions an old Python (OpenSSL 0.9.8) offers.' },
  // Cloudflare's 525 (any client relays it): the handshake that failed is Cloudflare's with the site's origin server.
  { re: /\b525\b[^\n]{0,40}Origin SSL Handshake Error|Origin SSL Handshake Error[^\n]{0,20}\b525\b|Error code 525\b/i, codes: ['handshake-failure'], says: 'HTTP 525 is Cloudflare saying its own TLS handshake with the site\'s origin server failed: this machine reached Cloudflare fine; the origin\'s TLS setup (certificate, versions, ciphers) must be fixed.' },
  // The same, closed or reset with no reason given, in pyOpenSSL's words.
  { re: /SysCallError\((?:-1, 'Unexpected EOF'|10054, 'WSAECONNRESET'|104, 'ECONNRESET')\)/i, codes: ['handshake-failure', 'not-tls'], says: 'The connection was closed during the handshake without a TLS alert: a proxy or firewall cutting it, or a server that refuses this client\'s TLS version, SNI or ciphers.' },
  // Alerts and handshake wordings with no more specific entry above (the probe's own Node/OpenSSL errors end here too).
  // (Bouncy Castle names the alert it received: "TlsFatalAlertReceived: bad_certificate(42)", "certificate_required(116)".)
  { re: /alert (number )?(116|42)\b|peer did not return a certificate|\bCERTIFICATE_REQUIRED\b|TlsFatalAlertReceived: (?:bad_certificate|certificate_required)\b/i, codes: ['client-cert-required'] },
  { re: /protocol version|UNSUPPORTED_PROTOCOL|no (shared )?cipher|alert (number )?40\b|tlsv1 alert|sslv3 alert|unrecognized name/i, codes: ['handshake-failure'] },
  // libcurl could not read the CA file it was given (code 77): it trusts no root at all until it can.
  { re: /Problem with the SSL CA cert \(path\? access rights\?\)|error setting certificate verify locations|Could not find a suitable TLS CA certificate bundle/i, codes: ['untrusted-root'], says: 'The client could not read its CA bundle (a wrong path or permissions), so it trusts no root at all.' },
  // Python could not load the CA file it was pointed at (REQUESTS_CA_BUNDLE, AWS_CA_BUNDLE, a cafile setting naming
  // a missing file, or a file with no PEM certificate in it): it trusts no root at all until the path is right.
  { re: /load_verify_locations\([^)\n]*\)\s*\n[^\n]*(?:FileNotFoundError|No such file or directory)|\[X509: NO_CERTIFICATE_OR_CRL_FOUND\]|\[X509\] no certificate or crl found/i, codes: ['untrusted-root'], says: 'Python could not load the CA file it was given (a path that does not exist, or a file with no PEM certificate in it: DER, or empty), so it trusts no root.' },
  // OpenSSL could not open the CA file or folder it was given (PHP's openssl.cafile, a static build's compiled-in
  // path) and then failed the verification: it trusts no root at all until the path is right.
  { re: /(?:system library:(?:fopen)?:No such file or directory|BIO routines:(?:BIO_new_file|FILE_CTRL):(?:no such file|system lib))[\s\S]*certificate verify failed/i, codes: ['untrusted-root', 'verification-failed'], says: 'OpenSSL could not open the CA file it was pointed at (a wrong path in the client\'s settings or a build\'s compiled-in default), so it trusts no root.' },
  // A CA file the client was told to use that it cannot read (Bun's "invalid CA file", Node's warning for
  // NODE_EXTRA_CA_CERTS): the extra root never arrives, so the chain it was for stays untrusted.
  { re: /HTTPThread: invalid CA file|Ignoring extra certs from `[^`]*`, load failed/, codes: ['untrusted-root'], says: 'The client could not load the CA file it was given (a wrong path, or a DER/.cer file where PEM is expected), so the root in it is not trusted.' },
  // gcloud's summary under its traceback: its own bundled roots (or core/custom_ca_certs_file) lack the chain's.
  { re: /default CA certificates failed to verify your connection/i, codes: CHAIN, says: 'gcloud checks certificates against its own bundled CA list, not the OS store: a TLS-inspecting proxy\'s or internal root is missing from it.' },
  // Last among certificate wordings: a verification failure with no reason given (old Python/pip, Ruby, conda, Bun);
  // OpenSSL's function name carries it when a log cuts "failed" off.
  { re: /certificate verify failed|CERTIFICATE_VERIFY_FAILED|(?:tls_process_server_certificate|ssl3_get_server_certificate):certificate verify\b|\bERR_CERT_INVALID\b|UNKNOWN_CERTIFICATE_VERIFICATION_ERROR|SSL verification error|SSL validation failed|There was a problem confirming the ssl certificate|Could not verify the SSL certificate for|SSL operation failed with code 1|SSL peer certificate or SSH remote key was not OK|The SSL certificate is invalid|rejected by the provided RemoteCertificateValidationCallback/i, codes: ['verification-failed', 'untrusted-root', 'expired'], bare: BARE_USUAL, says: BARE_SAYS },
  // Not TLS at all: the connection never got that far.
  { re: /\bEMFILE\b|\bENFILE\b|too many open files/i, codes: ['local-resource-limit'] },
  // curl's "Failed to connect to h port 443 after 21050 ms: Timed out" is a timeout; its reason follows the colon.
  // …nor a connection that reached the handshake ("Failed to connect to host: the handshake failed: …"): not refused.
  { re: /ECONNREFUSED|connection refused|actively refused|couldn't connect to server|Failed to connect(?![^\n]*(?:timed? ?out|handshake|SSL|TLS|certificate))/i, codes: ['connection-refused'] },
  // A setting is no timeout: "(timeout 7200 secs)", "read timeout=None" name a limit, not an expired one.
  { re: /ETIMEDOUT|timed ?out|\btime ?out\b(?!\s*[=:]?\s*(?:\d|None\b))|ConnectTimeoutError|Timeout was reached/i, codes: ['timeout'] },
  { re: /ENOTFOUND|EAI_AGAIN|getaddrinfo|Name or service not known|nodename nor servname|Could not resolve host|name resolution|UnknownHostException|NameResolutionError|no such host/i, codes: ['dns-failure'] },
  // Issue 10 codes, after every wording that names them as a possibility: they add alternatives, first codes stay.
  { re: /TLSV1_ALERT_PROTOCOL_VERSION|tlsv1 alert protocol version|UNSUPPORTED_PROTOCOL|unsupported protocol|No appropriate protocol/i, codes: ['protocol-version'], says: 'The server (or the client) is limited to a TLS version the other side refuses, usually a server with TLS 1.0/1.1 only.' },
  { re: /tlsv1 unrecognized name|UNRECOGNIZED_NAME|unrecognized_name/i, codes: ['sni-required'] },
  { re: /EXCESSIVE_MESSAGE_SIZE|excessive message size/i, codes: ['certificate-too-large'], says: 'The server\'s certificate message is over OpenSSL\'s 100 KB limit.' },
  { re: /CERT_SIGNATURE_FAILURE|certificate signature failure/i, codes: ['wrong-intermediate'], says: 'A certificate\'s signature does not verify with its issuer\'s key: typically a stale intermediate (right name, wrong key).' },
  { re: /UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify the first certificate/i, codes: ['missing-intermediate'] },
  { re: INSPECTION_WORDS, codes: ['tls-inspection'], says: 'The message names a TLS-inspection product: its proxy re-signs the connection.' },
  // Chrome's and Electron's answers that name no reason: the interstitial a site with HSTS gets ("sent back unusual
  // and incorrect credentials", no way past it), and ERR_INSECURE_RESPONSE, what a page's fetch or XHR gets when the
  // certificate was refused (no interstitial is shown for a subresource), typically a development server's own.
  { re: /sent back\s+unusual and incorrect credentials|the website uses HSTS/, codes: ['untrusted-root', 'expired', 'hostname-mismatch', 'self-signed'], hidden: true, says: 'Chrome\'s HSTS page does not say which check failed (Advanced and the certificate viewer do): what follows is the usual reason, an intercepting proxy\'s or captive portal\'s certificate.' },
  { re: /\bERR_INSECURE_RESPONSE\b/, codes: ['self-signed', 'untrusted-root', 'expired', 'hostname-mismatch'], hidden: true, says: 'ERR_INSECURE_RESPONSE says only that the certificate was refused for a request the page made (fetch, XHR, an image): open the URL itself in a tab to see the reason.' },
  // macOS App Transport Security (Electron's auto-updater, NSURLSession apps): -9802 says only that the server fails
  // one of its requirements (TLS 1.2, a certificate signed with SHA-256 or better, forward secrecy, a trusted root);
  // the threads name a SHA-1-signed certificate most often.
  { re: /kCFStreamErrorDomainSSL, -9802|An SSL error has occurred and a secure connection to the server cannot be made/, codes: ['weak-signature', 'untrusted-root', 'protocol-version'], hidden: true, says: 'App Transport Security (macOS) does not say which of its requirements the server failed (TLS 1.2, a SHA-256 or better signature, forward-secret ciphers, a trusted root): what follows is the usual reason, not the one it read.' },
  // PowerShellGet's "Unable to resolve package source" (and PackageManagement's "Unable to download from URI … to ''")
  // names no reason; against the PowerShell Gallery (TLS 1.2 only since April 2020) it is Windows PowerShell 5.1
  // offering TLS 1.0 (the threads: forcing Tls12 fixes it).
  { re: /Unable to resolve package source '[^'\n]+'|Unable to download from URI '[^'\n]+' to ''|Unable to download the list of available providers/, codes: ['handshake-failure', 'untrusted-root', 'dns-failure'], hidden: true, says: 'PowerShellGet does not say why it could not reach the source: what follows is the usual reason, not the one it read (Windows PowerShell 5.1 offers only TLS 1.0/1.1 by default, which the PowerShell Gallery refuses).' },
  // conda's HTTP 000 alone: no HTTP answer came back, and conda printed no reason below it (its SSL reason, when there
  // is one, matched above). Ranked guesses: a root conda does not trust (a corporate proxy's, by far the threads'
  // most frequent), a handshake cut short.
  { re: /CondaHTTPError: HTTP 000 CONNECTION FAILED/, codes: ['untrusted-root', 'tls-inspection', 'handshake-failure'], hidden: true, says: 'conda\'s HTTP 000 says no HTTP answer came back, not why: conda --verbose (or -vvv) prints the SSL reason.' },
  // Last: .NET's outer exception with its reason left in the inner one ("see inner exception"), pasted alone.
  // Ranked guesses, worded as such; the explainer puts the client's most frequent one first.
  { re: /The SSL connection could not be established/, codes: ['untrusted-root', 'self-signed', 'hostname-mismatch', 'handshake-failure'], hidden: true, says: 'The message hides the reason in its inner exception (the next lines of the error, or $Error[0].Exception.InnerException in PowerShell): what follows is the usual reason, not the one it read.' },
];

/** A match: the codes in order and the sentences the matching wordings add. */
export interface CodeMatch {
  readonly codes: ExplainCauseCode[];
  readonly says?: string;
  /** True when the leading wording names no reason (Wording.hidden or Wording.bare): every code is a guess. */
  readonly hidden?: true;
}

/**
 * Terminals and CI pages wrap long lines, even inside words ("unable to get loca\n  l issuer certificate"): every
 * wording is also tried on the text with line breaks joined by a space and with them removed.
 */
function unwrapped(text: string): string {
  return `${text}\n${text.replace(/\s*\n\s*/g, ' ')}\n${text.replace(/\n\s*/g, '')}`;
}

/**
 * Advice some clients print under every certificate error, whatever the cause: it names causes ("a proxy that
 * intercepts traffic with a self-signed certificate") the failure itself may not have, so wordings never read it.
 * (Client identification still does: the advice is a fine signature of who printed it.)
 */
const ADVICE: readonly RegExp[] = [
  // Azure CLI, after every SSLError.
  'Certificate verification failed. This typically happens when using Azure CLI behind a proxy that intercepts traffic with a self-signed certificate.',
  // Bundler's CertificateFailureError.
  "There is a chance you are experiencing a man-in-the-middle attack, but most likely your system doesn't have the CA certificates needed for verification.",
].map(adviceSentence);

/**
 * A sentence as a pattern that survives a console's wrap: any whitespace, or none (a line cut at a blank loses it
 * when the lines are joined without one), between and inside its words.
 */
function adviceSentence(sentence: string): RegExp {
  const chars = sentence.replace(/\s+/g, '').split('');
  return new RegExp(chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'g');
}

function withoutAdvice(text: string): string {
  return ADVICE.reduce((t, re) => t.replace(re, ' '), text);
}

/** Cause codes a message points to, most likely first (the first matching wording leads), without duplicates. */
export function matchWordings(text: string): CodeMatch {
  const codes: ExplainCauseCode[] = [];
  const all = withoutAdvice(unwrapped(text));
  let says: string | undefined;
  let hidden = false;
  for (const w of WORDINGS) {
    if (!w.re.test(all)) continue;
    const leads = codes.length === 0;
    if (leads) {
      says = w.says;
      hidden = w.hidden === true || w.bare !== undefined;
    }
    for (const c of (leads && w.bare) || w.codes) if (!codes.includes(c)) codes.push(c);
  }
  return { codes, ...(says ? { says } : {}), ...(hidden ? { hidden: true as const } : {}) };
}

const inVocabulary = (c: ExplainCauseCode): c is CauseCode => Object.hasOwn(CAUSES, c);

/**
 * The probe's reading (diagnose.ts): what the matching wordings *say*, each one's leading code and not the
 * alternatives a reader should weigh ("certificate has expired" is expired, not also not-yet-valid), limited to the
 * diagnosis vocabulary (codes only a pasted message shows, like a Windows revocation failure, are left out).
 */
export function matchCodes(text: string): CauseCode[] {
  const all = unwrapped(text);
  const out: CauseCode[] = [];
  for (const w of WORDINGS) {
    const lead = w.codes[0];
    if (!w.hidden && w.re.test(all) && inVocabulary(lead) && !out.includes(lead)) out.push(lead);
  }
  return out;
}

/** Every code the wordings point to, alternatives included, in the diagnosis vocabulary (the legacy explainError). */
export function rankedCodes(text: string): CauseCode[] {
  return matchWordings(text).codes.filter(inVocabulary);
}
