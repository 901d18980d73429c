// What each cause means, worded two ways: as the most likely reading of the message, and as a possibility with the
// check that settles it. `{host}` and `{port}` are filled from the message (HOST / 443 when it names none).
import { CAUSES } from '../tls/causes';
import type { ExplainCauseCode } from '../tls/wordings';

export interface CauseText {
  /** Only where a pasted message wants other words than the diagnosis table's title (core/tls/causes.ts). */
  readonly title?: string;
  /** Stated as the most likely cause. */
  readonly likely: string;
  /** Stated as one possibility among others ("If …"). */
  readonly possible: string;
  /** The command or observation that settles it. */
  readonly check: string;
  /**
   * Where the cure usually lies: the client's trust or configuration, or elsewhere (the server's certificate, the
   * network, this machine's clock), which the fix table files under 'server'.
   */
  readonly cure: 'client' | 'server';
}

const SCLIENT = 'openssl s_client -connect {host}:{port} -servername {host} -showcerts </dev/null';

export const CAUSE_TEXTS: Readonly<Record<ExplainCauseCode, CauseText>> = {
  'untrusted-root': { cure: 'client',
    likely: 'The certificate chain leads to a root CA this client does not trust: typically a company\'s TLS-inspecting proxy (Zscaler, Netskope, Palo Alto, …) or a private/internal CA.',
    possible: 'If your company inspects TLS, or the server uses an internal CA, the chain ends at a root this client does not trust.',
    check: `Look at the issuer of the top certificate: ${SCLIENT} (a proxy's name there, e.g. "Zscaler Root CA", settles it).` },
  'self-signed': { cure: 'client',
    likely: 'The server presents a certificate that signed itself, so no CA vouches for it and no client trusts it by default.',
    possible: 'If the server uses a self-signed certificate (common on appliances, dev servers and internal tools), nothing vouches for it.',
    check: `Compare subject and issuer of certificate 0: ${SCLIENT}` },
  'incomplete-chain': { cure: 'server',
    likely: 'The server sends only its own certificate, not the intermediate that links it to a root. Browsers fetch the missing intermediate themselves, so "it works in the browser" is typical.',
    possible: 'If it works in a browser but not here, the server is probably omitting its intermediate certificate.',
    check: `Count the certificates the server sends: ${SCLIENT} (a single certificate whose issuer is not a root settles it).` },
  expired: { cure: 'server',
    likely: 'A certificate in the chain is past its notAfter date.',
    possible: 'If the site works in an up-to-date browser, the certificate is fine and this client\'s trust store is old: a root it relies on has expired (Let\'s Encrypt\'s DST Root CA X3, 30 Sept 2021, is the classic). Updating the client\'s CA bundle fixes that.',
    check: `Print the dates: ${SCLIENT} | openssl x509 -noout -dates; and check this machine's clock with: date -u` },
  'not-yet-valid': { cure: 'server',
    likely: 'A certificate in the chain has a notBefore date in the future: this machine\'s clock is behind, or the certificate was just issued by a machine whose clock is ahead.',
    possible: 'If this machine\'s clock is wrong, every certificate looks not yet valid (or expired).',
    check: 'Compare this machine\'s clock with a reliable one: date -u; curl -sI https://www.google.com | grep -i ^date' },
  'hostname-mismatch': { cure: 'server',
    likely: 'The host name (or IP address) the client connected to is not among the certificate\'s subject alternative names.',
    possible: 'If the client connects by a different name or by IP address, the certificate does not cover that name.',
    check: `List the names: ${SCLIENT} | openssl x509 -noout -ext subjectAltName` },
  'weak-signature': { cure: 'server',
    likely: 'A certificate is signed with SHA-1 or MD5, which modern clients reject.',
    possible: 'If a certificate in the chain is signed with SHA-1, modern clients reject it.',
    check: `${SCLIENT} | openssl x509 -noout -text | grep 'Signature Algorithm'` },
  'weak-key': { cure: 'server',
    likely: 'A certificate has an RSA key under 2048 bits, which OpenSSL at security level 2 (Debian, Ubuntu, RHEL 9) rejects.',
    possible: 'If the server\'s key is RSA-1024, strict OpenSSL builds reject it.',
    check: `${SCLIENT} | openssl x509 -noout -text | grep 'Public-Key'` },
  'wrong-purpose': { cure: 'server',
    likely: 'The certificate\'s key usage / extended key usage does not allow TLS server authentication (or a CA certificate is used as the server\'s own).',
    possible: 'If the certificate lacks the serverAuth extended key usage, clients reject it.',
    check: `${SCLIENT} | openssl x509 -noout -ext keyUsage,extendedKeyUsage,basicConstraints` },
  'inconsistent-certificates': { cure: 'server',
    likely: 'Different backends behind the same name present different certificates.',
    possible: 'If it fails only sometimes, backends behind a load balancer may present different certificates.',
    check: 'Run tls-doctor check https://{host}:{port}/ --repeat 10' },
  'not-tls': { cure: 'client',
    likely: 'Something answered in plain text (usually HTTP) instead of TLS: the wrong port, an http:// service addressed as https://, or an HTTP proxy written as https://.',
    possible: 'If the port or scheme is wrong, or HTTPS_PROXY says https:// for a plain-HTTP proxy, the reply is not TLS at all.',
    check: 'curl -sv http://{host}:{port}/ (an HTTP answer settles it); echo "$HTTPS_PROXY" (should usually start with http://)' },
  'handshake-failure': { cure: 'server',
    likely: 'Client and server could not agree on how to talk TLS: version, cipher suite, key-exchange parameters, renegotiation, or SNI.',
    possible: 'If the two sides share no TLS version or cipher suite (an old server, or an old client), the handshake fails before any certificate is checked.',
    check: 'Try each version: openssl s_client -connect {host}:{port} -servername {host} -tls1_2 (then -tls1_3); compare with your client\'s TLS library version' },
  'local-resource-limit': { cure: 'client',
    likely: 'This machine, not the server, ran out of open files or sockets (EMFILE/ENFILE), so no connection could be made.',
    possible: 'If many connections run at once, the process may hit its open-file limit before reaching the server.',
    check: 'ulimit -n (and lsof -p <pid> | wc -l while it runs)' },
  'constraint-violation': { cure: 'server',
    likely: 'A CA in the chain limits what it may sign (a path length or permitted names), and this certificate breaks that limit.',
    possible: 'If the chain comes from a name-constrained or path-limited private CA, the server certificate may be outside what the CA may sign.',
    check: `Print each CA's constraints: ${SCLIENT} -showcerts | openssl x509 -noout -ext basicConstraints,nameConstraints` },
  'invalid-ca': { cure: 'server',
    likely: 'A certificate that signed another one in the chain is not marked as a CA (basicConstraints CA:FALSE or missing), so clients refuse to use it as an issuer.',
    possible: 'If a leaf certificate was used to sign another (a home-made chain), clients refuse it as an issuer.',
    check: `Print the issuer's basicConstraints: ${SCLIENT} -showcerts | openssl x509 -noout -ext basicConstraints` },
  'connection-refused': { cure: 'server',
    likely: 'Nothing listens on that address and port, or a firewall rejects the connection.',
    possible: 'If the service is down or listens elsewhere, connections are refused.',
    check: 'nc -vz {host} {port}' },
  timeout: { cure: 'server',
    likely: 'The connection or the handshake did not complete in time: a firewall dropping packets, or a network that needs a proxy.',
    possible: 'If a firewall drops the packets or a proxy is required, the connection times out.',
    check: 'nc -vz -w 5 {host} {port}; echo "$HTTPS_PROXY"' },
  'dns-failure': { cure: 'server',
    likely: 'The host name could not be resolved to an address.',
    possible: 'If the name is only resolvable on a VPN or internal DNS, lookups fail elsewhere.',
    check: 'nslookup {host}' },
  'trusted-by-os-not-by-client': { title: 'Trusted by the OS store, not by this client', cure: 'client',
    likely: 'The root is in the operating system\'s store, but this client uses its own bundled roots (Node, Python\'s certifi, Java\'s cacerts, rustls\' webpki roots), so the OS trust does not reach it.',
    possible: 'If curl or a browser on this machine reaches the same URL, the CA is trusted by the OS but not by this client\'s own root list.',
    check: 'curl -sI https://{host}:{port}/ (curl reads the OS store: success while this client fails settles it)' },
  'verification-failed': { title: 'Certificate rejected, reason not given', cure: 'client',
    likely: 'The client rejected the server\'s certificate without saying why; old Python, Ruby and OpenSSL builds print no reason.',
    possible: 'If the client is old, it may reject a certificate only because its CA bundle is outdated.',
    check: `See the real reason: ${SCLIENT} (the "Verify return code" line names it)` },
  'client-cert-required': { title: 'Server rejected the client certificate', cure: 'client',
    likely: 'The server (not this client) ended the handshake: it requires a client certificate (mutual TLS) and got none, or rejected the one sent (unknown CA, expired, wrong usage).',
    possible: 'If the server requires mutual TLS, it rejects clients that send no certificate or one it does not trust.',
    check: 'openssl s_client -connect {host}:{port} -servername {host} -cert client.pem -key client.key (the "Acceptable client certificate CA names" list shows what it wants)' },
  'legacy-cn-only': { title: 'Certificate names its host only in the Common Name', cure: 'server',
    likely: 'The certificate has no subjectAltName; Go ≥ 1.15 (GODEBUG=x509ignoreCN=0 stopped working in 1.17), urllib3 2 and browsers ignore the Common Name.',
    possible: 'If the certificate was made with an old openssl recipe, it may carry the name only in the CN.',
    check: `${SCLIENT} | openssl x509 -noout -ext subjectAltName (no output settles it)` },
  'tls-inspection': { cure: 'client',
    likely: 'A TLS-inspecting proxy or security product (Zscaler, Netskope, Palo Alto, Fortinet, antivirus HTTPS scanning, …) re-signs the connection with its own root, which this client\'s root list lacks.',
    possible: 'If your company or your antivirus inspects HTTPS, the certificate this client sees is the proxy\'s, issued by its own root.',
    check: `Look at the issuer of the top certificate: ${SCLIENT} (a product's name there, e.g. "Zscaler Root CA", settles it; tls-doctor check names it)` },
  'sni-required': { cure: 'client',
    likely: 'The server picks its certificate by the host name the client sends (SNI) and refuses a handshake without one: connecting by IP address, or an old client that sends no SNI.',
    possible: 'If the client connects by IP address (or sends no SNI), a server hosting several names may refuse the handshake.',
    check: 'Compare: openssl s_client -connect {host}:{port} -servername {host} with the same command without -servername (-noservername)' },
  'wrong-intermediate': { cure: 'server',
    likely: 'The server sends an intermediate with the right name but another key than the one that signed its certificate: an outdated chain file after the CA re-keyed.',
    possible: 'If the CA renewed its intermediate recently, the server may still send the old one.',
    check: `${SCLIENT} then openssl verify -untrusted intermediate.pem server.pem ("certificate signature failure" settles it)` },
  'missing-intermediate': { title: 'Intermediate certificate missing', cure: 'server',
    likely: 'The server sends its certificate without the intermediate that links it to a root, and this client does not fetch it (only browsers fetch missing intermediates from the AIA URL).',
    possible: 'If it works in a browser but not in code, the server may omit its intermediate and the browser fetches it for you.',
    check: `Count the certificates the server sends: ${SCLIENT} (one certificate, not a CA, settles it)` },
  'protocol-version': { cure: 'server',
    likely: 'The server offers only TLS 1.0/1.1 (or below the client\'s minimum), which OpenSSL 3, Node, Python 3.10+, Java 16+ and browsers refuse.',
    possible: 'If the server is an old appliance or a legacy build, it may not speak TLS 1.2.',
    check: 'openssl s_client -connect {host}:{port} -tls1 -cipher DEFAULT@SECLEVEL=0 (success while -tls1_2 fails settles it)' },
  'certificate-too-large': { cure: 'server',
    likely: 'The server sends more than 100 KB of certificates, OpenSSL\'s default limit ("excessive message size"): thousands of names, or many extra certificates.',
    possible: 'If the certificate carries thousands of names, or the server sends many extra certificates, clients refuse the oversized message.',
    check: `${SCLIENT} | grep -c BEGIN (and the size of what it prints)` },
  'revocation-check-failed': { title: 'Revocation check could not complete', cure: 'client',
    likely: 'Windows (SChannel) could not reach the CRL or OCSP server named in the certificate, so it refuses it; TLS-inspecting proxies and locked-down networks cause this.',
    possible: 'If the network blocks the CA\'s CRL/OCSP URLs, revocation checks fail.',
    check: 'certutil -urlfetch -verify server.cer (shows which CRL/OCSP URL fails)' },
};

/** The heading of a cause in an explanation: this table's own wording, else the one diagnosis table's title. */
export function causeTitle(code: ExplainCauseCode): string {
  return CAUSE_TEXTS[code]?.title ?? (CAUSES as Partial<Record<string, { title: string }>>)[code]?.title ?? code;
}
