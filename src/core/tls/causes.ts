// THE table: one entry per stable cause code, with what it means and concrete fixes per client.
// `{bundle}` stands for a CA bundle (public roots + the private CA) such as the "Create a CA bundle" action writes;
// `{chain}` for the server's saved certificate (`check --save-chain`, else server.pem); `{host}` / `{port}` for the
// endpoint. `causeFor` fills them in: a saved bundle or chain, or a recognised CA file, replaces the placeholders.
import type { Cause, CauseCode, Fix } from './types';

/** Documentation of one cause: a title, what happened, and the fixes. */
export interface CauseDoc {
  readonly code: CauseCode;
  readonly title: string;
  /** The short name headlines, chips and lenses show (the Check panel's "✗ Not trusted — <label>"). */
  readonly label: string;
  readonly explanation: string;
  readonly fixes: readonly Fix[];
}

/** "Trust this CA" for every client: the fixes shared by untrusted-root and friends. */
const TRUST_CA: readonly Fix[] = [
  { client: 'python-requests', text: 'Point requests at a bundle of the public roots plus this CA (requests ignores SSL_CERT_FILE), or pass verify= per call', snippet: 'export REQUESTS_CA_BUNDLE={bundle}' },
  { client: 'python-ssl', text: 'Python ssl/urllib/httpx read OpenSSL\'s default paths: point SSL_CERT_FILE at the bundle', snippet: 'export SSL_CERT_FILE={bundle}' },
  { client: 'node', text: 'Add the CA to Node\'s bundled roots (read once at start-up: restart the process), or pass ca: in code', snippet: 'export NODE_EXTRA_CA_CERTS={bundle}' },
  { client: 'curl', text: 'Give curl the bundle', snippet: 'curl --cacert {bundle} https://{host}:{port}/' },
  { client: 'git', text: 'Tell git which CA file to use (per host is safest)', snippet: 'git config --global http.https://{host}/.sslCAInfo {bundle}   # or: export GIT_SSL_CAINFO={bundle}' },
  { client: 'pip', text: 'Give pip the bundle (pip ≥ 24.2 also reads the OS store)', snippet: 'pip config set global.cert {bundle}   # or: export PIP_CERT={bundle}' },
  { client: 'java', text: 'Import the CA into a truststore and use it', snippet: 'keytool -importcert -alias private-ca -file {ca} -keystore truststore.jks -storepass changeit -noprompt\njava -Djavax.net.ssl.trustStore=truststore.jks -Djavax.net.ssl.trustStorePassword=changeit …' },
];

const REISSUE = (what: string): Fix => ({ client: 'server', text: `Reissue the server certificate ${what}, then reload the server` });

const ENTRIES: readonly CauseDoc[] = [
  { code: 'self-signed', title: 'Self-signed server certificate', label: 'Self-signed certificate', explanation: 'The server presents a certificate that signed itself, so no CA vouches for it and no client trusts it by default.', fixes: [
    { client: 'server', text: 'Issue the server certificate from a CA (a local development CA such as `tls-doctor devcert`, or your organisation\'s CA) instead of self-signing it' },
    { client: 'python-requests', text: 'Trust exactly this certificate (save it as PEM first)', snippet: 'export REQUESTS_CA_BUNDLE={chain}' },
    { client: 'node', text: 'Trust exactly this certificate', snippet: 'export NODE_EXTRA_CA_CERTS={chain}' },
    { client: 'curl', text: 'Trust exactly this certificate', snippet: 'curl --cacert {chain} https://{host}:{port}/' },
    { client: 'git', text: 'Trust exactly this certificate for this host', snippet: 'git config --global http.https://{host}/.sslCAInfo {chain}' },
    { client: 'pip', text: 'Trust exactly this certificate', snippet: 'pip --cert {chain} install …' },
    { client: 'java', text: 'Import the certificate into a truststore', snippet: 'keytool -importcert -alias {host} -file {chain} -keystore truststore.jks -storepass changeit -noprompt' },
  ] },
  { code: 'untrusted-root', title: 'Chain ends at a root this client does not trust', label: 'Root CA not trusted', explanation: 'The chain leads to a root CA that is not in the trust store. This is typical of a corporate TLS-inspecting proxy or a private/internal CA.', fixes: [
    { client: 'server', text: 'If this is a public service, it must use a certificate from a publicly trusted CA' }, ...TRUST_CA] },
  { code: 'incomplete-chain', title: 'Server does not send its intermediate certificate', label: 'Incomplete chain (intermediate missing)', explanation: 'The server sends only its own certificate; clients cannot link it to a root. Browsers fetch the missing intermediate from the AIA URL, so "it works in the browser" is typical.', fixes: [
    { client: 'server', text: 'Configure the server with the full chain (leaf followed by the intermediate(s)): nginx ssl_certificate fullchain.pem; Apache SSLCertificateFile with the chain appended; Node cert: leaf + intermediate PEM' },
    { client: 'python-requests', text: 'Until the server is fixed: a bundle containing the public roots and the missing intermediate', snippet: 'export REQUESTS_CA_BUNDLE={bundle}' },
    { client: 'node', text: 'Until the server is fixed: add the intermediate', snippet: 'export NODE_EXTRA_CA_CERTS=intermediate.pem' },
    { client: 'curl', text: 'Until the server is fixed', snippet: 'curl --cacert {bundle} https://{host}:{port}/' },
  ] },
  { code: 'expired', title: 'Certificate expired', label: 'Certificate expired', explanation: 'A certificate in the chain is past its notAfter date.', fixes: [
    REISSUE('(renew it) and automate renewal, e.g. with certbot or cert-manager'),
    { client: 'server', text: 'If the dates look right, check the client machine\'s clock' }] },
  { code: 'not-yet-valid', title: 'Certificate not yet valid', label: 'Certificate not yet valid', explanation: 'A certificate in the chain has a notBefore date in the future: either it was just issued with a wrong clock, or this machine\'s clock is behind.', fixes: [
    { client: 'server', text: 'Check this machine\'s clock (compare with the server\'s HTTP Date header) and the issuing machine\'s clock' },
    REISSUE('with a notBefore in the past')] },
  { code: 'hostname-mismatch', title: 'Name not in the certificate', label: 'Host name not in certificate', explanation: 'The host name (or IP address) you connect to is not among the certificate\'s subject alternative names. IP addresses need an IP SAN; a CN alone is ignored by Python/urllib3 2.', fixes: [
    REISSUE('with every name and IP clients use as a subjectAltName (DNS: names, IP: addresses)'),
    { client: 'python-requests', text: 'Connect with a name that is in the certificate (do not disable verification)' },
    { client: 'node', text: 'Connect with a name that is in the certificate; `servername:` only changes SNI, not the check' }] },
  { code: 'weak-signature', title: 'Weak signature algorithm', label: 'Weak signature algorithm', explanation: 'A certificate is signed with SHA-1 or MD5, which OpenSSL 3 and modern clients reject ("CA signature digest algorithm too weak").', fixes: [
    REISSUE('signed with SHA-256 (and the intermediate too, if it is the weak one)')] },
  { code: 'weak-key', title: 'Key too small', label: 'Weak key', explanation: 'A certificate has an RSA key under 2048 bits (or a tiny EC key). Debian/Ubuntu OpenSSL at SECLEVEL=2 rejects it ("EE certificate key too weak"); Node accepts it.', fixes: [
    REISSUE('with an RSA-2048+ or ECDSA P-256 key')] },
  { code: 'wrong-purpose', title: 'Certificate not meant for TLS servers', label: 'Not valid for TLS servers', explanation: 'The leaf\'s extended key usage lacks serverAuth (or its key usage lacks digitalSignature), so clients reject it ("unsuitable certificate purpose").', fixes: [
    REISSUE('with extendedKeyUsage serverAuth and keyUsage digitalSignature (+ keyEncipherment for RSA)')] },
  { code: 'inconsistent-certificates', title: 'Different certificates on different connections', label: 'Different certificates across connections', explanation: 'Repeated connections (or different resolved addresses) got different server certificates: a load balancer with backends configured differently. Failures then look random ("works, then fails after a while").', fixes: [
    { client: 'server', text: 'Deploy the same certificate and chain to every backend / every address behind {host}; probe each address until they all match' }] },
  { code: 'not-tls', title: 'No TLS on this port', label: 'Not TLS on this port', explanation: 'The server answered in plain text (usually HTTP; or a mail, FTP or SSH banner) instead of a TLS handshake ("wrong version number").', fixes: [
    { client: 'server', text: 'Use the right port for TLS, or http:// if the service has no TLS. A proxy URL written https:// for a plain-HTTP proxy does this too: use HTTPS_PROXY=http://proxy:port' },
    { client: 'curl', text: 'Mail and FTP ports that greet in plain text need STARTTLS in the client, or the implicit-TLS port (SMTP 465, IMAP 993, POP3 995, FTPS 990)', snippet: 'curl --ssl-reqd smtp://{host}:587/   # STARTTLS; or: openssl s_client -starttls smtp -connect {host}:587' }] },
  { code: 'handshake-failure', title: 'TLS handshake refused', label: 'TLS handshake failed', explanation: 'Client and server could not agree on a TLS version or cipher suite (or the server needs SNI / a client certificate).', fixes: [
    { client: 'server', text: 'Enable TLS 1.2 and 1.3 with modern AEAD cipher suites on the server; check it serves a certificate for this name (SNI)' },
    { client: 'python-ssl', text: 'Do not lower the client\'s minimum version or security level to work around it: fix the server' }] },
  { code: 'connection-refused', title: 'Connection refused', label: 'Connection refused', explanation: 'Nothing listens on that address and port (or a firewall rejects the connection).', fixes: [
    { client: 'server', text: 'Check the port, that the service is running and listening on this interface, and firewall rules' }] },
  { code: 'timeout', title: 'Timed out', label: 'Timed out', explanation: 'The connection or the TLS handshake did not complete in time: a firewall dropping packets, a silent service, or a proxy is required.', fixes: [
    { client: 'server', text: 'Check the port and firewalls; if your network needs a proxy, set HTTPS_PROXY (and NO_PROXY for internal hosts)' }] },
  { code: 'local-resource-limit', title: 'Out of local resources (too many open files)', label: 'Out of local resources (too many open files)', explanation: 'This machine, not the server, ran out of a resource: the process hit its limit of open files or sockets (EMFILE), or the system did (ENFILE), so no connection could be made. Nothing is known about the server yet.', fixes: [
    { client: 'server', text: 'Run fewer checks at once, or raise the open-file limit of the shell that runs them and retry', snippet: 'ulimit -n 8192' },
    { client: 'server', text: 'If the limit is system-wide (ENFILE), find the process holding many files open (`lsof | wc -l`) or raise fs.file-max' }] },
  { code: 'dns-failure', title: 'Name does not resolve', label: 'Host name does not resolve', explanation: 'The host name could not be resolved to an address.', fixes: [
    { client: 'server', text: 'Check the spelling, your DNS/VPN, and /etc/hosts; internal names may need a VPN or a proxy' }] },
  { code: 'trusted-by-os-not-by-client', title: 'Trusted by the OS store, not by Node/Python', label: 'Trusted by the OS, not by your client', explanation: 'The root is in the operating system\'s store (so curl and browsers work), but Node uses its own bundled roots and Python requests uses certifi.', fixes: [
    { client: 'python-requests', text: 'Use the OS store from Python: `pip install truststore` and call truststore.inject_into_ssl() at start-up (or pip-system-certs), or point requests at a bundle', snippet: 'export REQUESTS_CA_BUNDLE={bundle}' },
    { client: 'node', text: 'Add the CA to Node (or run Node ≥ 23.8 with --use-system-ca)', snippet: 'export NODE_EXTRA_CA_CERTS={bundle}' },
    { client: 'pip', text: 'pip ≥ 24.2 uses the OS store; older pip: --cert', snippet: 'pip config set global.cert {bundle}' },
    { client: 'java', text: 'Java has its own cacerts: import the CA with keytool', snippet: 'keytool -importcert -alias private-ca -file {ca} -cacerts -storepass changeit -noprompt' }] },
  { code: 'verification-failed', title: 'Chain rejected', label: 'Chain rejected', explanation: 'A trust store rejected the chain for a reason TLS Doctor has no specific diagnosis for. OpenSSL\'s own reason follows; it is what the client reports too.', fixes: [
    { client: 'server', text: 'Reproduce OpenSSL\'s verdict with the chain the server sends, and fix (reissue) the certificate it names', snippet: 'openssl s_client -connect {host}:{port} -servername {host} -showcerts -verify_return_error </dev/null' },
    { client: 'curl', text: 'curl shows the same reason in verbose mode', snippet: 'curl -v https://{host}:{port}/' }] },
  { code: 'constraint-violation', title: 'CA constraints violated', label: 'CA constraints violated', explanation: 'A CA in the chain limits what it may issue: a path length (basicConstraints pathLenConstraint: how many CAs may follow it) or name constraints (the names it may issue for), and this chain breaks that limit. Clients that enforce RFC 5280 (OpenSSL, Python, Node, curl, Go, Java, browsers) reject it, and trusting the root does not help. OpenSSL says "path length constraint exceeded" or "permitted/excluded subtree violation"; Go "too many intermediates for path length constraint" or "not authorized to sign for this name".', fixes: [
    REISSUE('from a CA allowed to issue it: directly from the intermediate whose pathLenConstraint allows no further CA, or from a CA whose name constraints permit {host}'),
    { client: 'server', text: 'If you run the CA: reissue the constraining intermediate with a larger pathLenConstraint, or with permitted subtrees that include this name' }] },
  { code: 'invalid-ca', title: 'Issuer is not a CA', label: 'Issuer is not a CA', explanation: 'A certificate in the chain signed another one without being a CA: its basicConstraints lacks CA:TRUE. Typical when a leaf certificate was used to sign another one, or an intermediate was made without CA extensions. OpenSSL says "invalid CA certificate" (Node reports it as "unsuitable certificate purpose"); Go "parent certificate cannot sign this kind of certificate"; Java "basic constraints check failed: this is not a CA certificate".', fixes: [
    REISSUE('from a real CA certificate (basicConstraints critical CA:TRUE, keyUsage keyCertSign), e.g. one made with `tls-doctor devcert`'),
    { client: 'server', text: 'If you made the intermediate yourself, regenerate it with the CA extensions', snippet: 'openssl x509 -req … -extfile <(printf "basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign")' }] },
  { code: 'client-cert-required', title: 'Server requires a client certificate', label: 'Client certificate required', explanation: 'The server asks every client for a certificate (mutual TLS) and ends the handshake when none is sent. The server\'s own certificate may be fine: what is missing is the client\'s certificate and key. Under TLS 1.3 this shows only after the handshake ("tlsv13 alert certificate required"); under TLS 1.2 often as a bare "handshake failure" or "bad certificate" alert.', fixes: [
    { client: 'python-requests', text: 'Send the client certificate and its key', snippet: 'requests.get("https://{host}:{port}/", cert=("client.pem", "client-key.pem"))' },
    { client: 'python-ssl', text: 'Load the client certificate into the context', snippet: 'ctx = ssl.create_default_context()\nctx.load_cert_chain("client.pem", "client-key.pem")' },
    { client: 'node', text: 'Pass cert and key (or pfx) to the request', snippet: "https.get({ host: '{host}', port: {port}, cert: fs.readFileSync('client.pem'), key: fs.readFileSync('client-key.pem') })" },
    { client: 'curl', text: 'Give curl the client certificate and key', snippet: 'curl --cert client.pem --key client-key.pem https://{host}:{port}/' },
    { client: 'git', text: 'Tell git which client certificate to use for this host', snippet: 'git config --global http.https://{host}/.sslCert client.pem\ngit config --global http.https://{host}/.sslKey client-key.pem' },
    { client: 'pip', text: 'pip takes one PEM file holding both the certificate and the key', snippet: 'pip --client-cert client-with-key.pem install …' },
    { client: 'java', text: 'Use a keystore holding the client certificate and key', snippet: 'java -Djavax.net.ssl.keyStore=client.p12 -Djavax.net.ssl.keyStoreType=PKCS12 -Djavax.net.ssl.keyStorePassword=… …' },
    { client: 'server', text: 'If clients should not need one, make the client certificate optional for this endpoint (nginx `ssl_verify_client optional`; Node `requestCert` without `rejectUnauthorized`)' }] },
  { code: 'legacy-cn-only', title: 'Name only in the Common Name', label: 'Name only in the Common Name (no SAN)', explanation: 'The certificate carries the host name only in its subject CN, with no DNS subjectAltName. RFC 2818 deprecated the CN in 2000 and clients are dropping it: some still fall back to the CN, others reject the certificate (urllib3 2 says "Hostname mismatch", Go "x509: certificate relies on legacy Common Name field", Chrome NET::ERR_CERT_COMMON_NAME_INVALID).', fixes: [
    REISSUE('with the host name as a subjectAltName DNS entry (keep the CN if you like; clients ignore it once a SAN is there)'),
    { client: 'python-requests', text: 'urllib3 2 has no switch for the CN fallback: reissue the certificate (pinning urllib3<2 only hides the problem)' },
    { client: 'server', text: 'With OpenSSL: add the SAN when signing', snippet: 'openssl req -x509 … -subj "/CN={host}" -addext "subjectAltName=DNS:{host}"' }] },
  { code: 'tls-inspection', title: 'The chain comes from a TLS-inspecting proxy', label: 'Re-signed by a TLS-inspecting proxy', explanation: 'The certificate chain was not issued for this server by a public CA: a TLS-inspecting proxy or security product (a corporate secure web gateway, or antivirus HTTPS scanning) decrypts the connection and re-signs it with its own root. Browsers trust that root because IT installed it in the OS store; Python, Node, curl with its own bundle, Java and Docker images do not.', fixes: [
    { client: 'server', text: 'Ask IT for the inspection root certificate (PEM) — or export it from the OS store — and add it to a bundle of the public roots; or ask IT to exempt this host from inspection' },
    ...TRUST_CA] },
  { code: 'sni-required', title: 'Server needs SNI (the host name in the handshake)', label: 'Server needs SNI', explanation: 'The server refuses a handshake that carries no host name (Server Name Indication): it serves several sites on one address and picks the certificate by name. Connecting by IP address, or with a client that sends no SNI, fails.', fixes: [
    { client: 'server', text: 'Connect by host name, not IP address; or configure a default certificate on the server for requests without SNI (nginx `default_server`, Node a default `cert` besides SNICallback)' },
    { client: 'curl', text: 'Keep the name and pin the address instead of connecting to the IP', snippet: 'curl --resolve {host}:{port}:IP https://{host}:{port}/' },
    { client: 'python-ssl', text: 'Pass the host name when wrapping the socket', snippet: 'ctx.wrap_socket(sock, server_hostname="{host}")' },
    { client: 'node', text: 'Give the name as servername when connecting by address', snippet: "tls.connect({ host: IP, port: {port}, servername: '{host}' })" },
    { client: 'java', text: 'Java sends SNI only for host names (not IP literals); make sure it is not turned off', snippet: '-Djsse.enableSNIExtension=true' }] },
  { code: 'wrong-intermediate', title: 'Server sends the wrong (stale) intermediate', label: 'Wrong (stale) intermediate', explanation: 'The server sends an intermediate with the right name but the wrong key: an older or renewed CA certificate whose key did not sign the server certificate (typical after the CA re-keyed its intermediate and the chain file was not updated). Every client rejects it ("certificate signature failure").', fixes: [
    { client: 'server', text: 'Replace the intermediate in the chain file with the one that signed this certificate: download it from the CA (the leaf\'s AIA "CA Issuers" URL names it) or take the fullchain your CA or ACME client issued with the certificate, then reload', snippet: 'openssl verify -untrusted intermediate.pem -CAfile root.pem server.pem   # must print OK' }] },
  { code: 'missing-intermediate', title: 'Intermediate certificate missing (not fetched)', label: 'Intermediate missing', explanation: 'The server sends its certificate without the intermediate that links it to a root, and the intermediate could not be fetched here (no AIA URL, AIA turned off, or the fetch failed or was refused). Unlike `incomplete-chain`, the missing certificate was not seen, so whether its root is trusted is unknown too.', fixes: [
    { client: 'server', text: 'Configure the server with the full chain (leaf followed by the intermediate(s)): nginx ssl_certificate fullchain.pem; Apache SSLCertificateFile with the chain appended; Node cert: leaf + intermediate PEM' },
    { client: 'python-requests', text: 'Until the server is fixed: a bundle containing the public roots and the missing intermediate', snippet: 'export REQUESTS_CA_BUNDLE={bundle}' },
    { client: 'node', text: 'Until the server is fixed: add the intermediate', snippet: 'export NODE_EXTRA_CA_CERTS=intermediate.pem' },
    { client: 'curl', text: 'Until the server is fixed', snippet: 'curl --cacert {bundle} https://{host}:{port}/' }] },
  { code: 'protocol-version', title: 'Server speaks only an old TLS version', label: 'Old TLS version only', explanation: 'The server offers only TLS versions below the client\'s minimum (TLS 1.0/1.1, refused by OpenSSL 3, Node, Python 3.10+, Java 16+ and browsers), so the handshake ends with "unsupported protocol" / "protocol version".', fixes: [
    { client: 'server', text: 'Enable TLS 1.2 and 1.3 on the server (nginx ssl_protocols TLSv1.2 TLSv1.3;); TLS 1.0/1.1 were deprecated by RFC 8996' },
    { client: 'python-ssl', text: 'Only for a legacy device you cannot upgrade, in its own context (never globally)', snippet: 'ctx = ssl.create_default_context()\nctx.minimum_version = ssl.TLSVersion.TLSv1\nctx.set_ciphers("DEFAULT@SECLEVEL=0")' },
    { client: 'node', text: 'Only for a legacy device, per connection', snippet: "tls.connect({ host: '{host}', port: {port}, minVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' })" },
    { client: 'curl', text: 'Only for a legacy device', snippet: 'curl --tlsv1.0 --ciphers DEFAULT@SECLEVEL=0 https://{host}:{port}/' }] },
  { code: 'certificate-too-large', title: 'Certificate chain too large', label: 'Certificate chain too large', explanation: 'The server\'s certificate message is larger than clients accept: OpenSSL (so Node, Python, curl) refuses more than 100 KB of certificates by default ("excessive message size"). Thousands of subjectAltNames, or dozens of extra certificates, do this.', fixes: [
    { client: 'server', text: 'Send less: only the leaf and its intermediate(s) (no roots, no unrelated certificates), and split a certificate with thousands of names into several, served by name (SNI)' }] },
];

/** Every cause code's documentation, keyed by code. */
export const CAUSES: Readonly<Record<CauseCode, CauseDoc>> = Object.fromEntries(ENTRIES.map((e) => [e.code, e])) as Record<CauseCode, CauseDoc>;

/** Placeholders a fix may use. */
export interface FixContext {
  readonly host?: string;
  readonly port?: number;
  readonly bundle?: string;
  /** The saved chain (PEM) standing for the server's certificate in "trust exactly this certificate" fixes. */
  readonly chain?: string;
  /** One CA certificate (PEM) to import where a tool takes a single certificate (Java's keytool). */
  readonly ca?: string;
  /** `chain` is a saved bundle standing in for the certificate (public roots first): right for clients that take a
   * CA file, wrong for keytool, which imports only a file's first certificate, so Java's fixes keep the placeholder. */
  readonly chainIsBundle?: boolean;
}

/** What a placeholder says when nothing was saved yet (`retarget` replaces these once a file is). */
export const PLACEHOLDERS = { bundle: '/path/to/ca-bundle.pem', chain: 'server.pem', ca: 'ca.pem' } as const;

/** Fills `{host}`, `{port}`, `{bundle}`, `{chain}` and `{ca}` in a text. */
export function fillPlaceholders(s: string, ctx: FixContext): string {
  return s
    .replace(/\{host\}/g, ctx.host ?? 'HOST')
    .replace(/\{port\}/g, String(ctx.port ?? 443))
    .replace(/\{bundle\}/g, ctx.bundle ?? PLACEHOLDERS.bundle)
    .replace(/\{chain\}/g, ctx.chain ?? PLACEHOLDERS.chain)
    .replace(/\{ca\}/g, ctx.ca ?? ctx.chain ?? PLACEHOLDERS.ca);
}

/** `fixes` with their placeholders filled for `ctx`. */
export function fillFixes(fixes: readonly Fix[], ctx: FixContext): Fix[] {
  return fixes.map((f) => {
    const c = f.client === 'java' && ctx.chainIsBundle ? { ...ctx, chain: undefined } : ctx;
    return { ...f, text: fillPlaceholders(f.text, c), ...(f.snippet ? { snippet: fillPlaceholders(f.snippet, c) } : {}) };
  });
}

/** `report` with every fix's mention of the file `from` replaced by `to` (whole path tokens only). */
export function renamePath<R extends { readonly causes: readonly Cause[] }>(report: R, from: string, to: string): R {
  const re = new RegExp(`(?<![\\w./-])${escapeRe(from)}(?![\\w-])`, 'g');
  const swap = (s: string) => s.replace(re, () => to);
  return {
    ...report,
    causes: report.causes.map((c) => ({
      ...c,
      fixes: c.fixes.map((f) => ({ ...f, text: swap(f.text), ...(f.snippet ? { snippet: swap(f.snippet) } : {}) })),
    })),
  };
}

/** The Cause for `code`: the table's explanation plus `detail` (what the probe saw), fixes filled in for `ctx`. */
export function causeFor(code: CauseCode, detail?: string, ctx: FixContext = {}): Cause {
  const doc = CAUSES[code];
  return { code, message: detail ? `${doc.explanation} ${detail}` : doc.explanation, fixes: fillFixes(doc.fixes, ctx) };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A report's fixes with the placeholders of files not saved yet replaced by the file now saved (the panel's "Create
 * a CA bundle" / "Save CA certificate" after the check ran): every snippet then names the real path. Only whole
 * placeholder tokens are replaced (`x-ca.pem` stays).
 */
export function retarget<R extends { readonly causes: readonly Cause[] }>(
  report: R,
  saved: { readonly bundle?: string; readonly chain?: string; readonly ca?: string },
): R {
  const swaps = (Object.keys(PLACEHOLDERS) as (keyof typeof PLACEHOLDERS)[])
    .filter((k) => saved[k])
    .map((k) => [new RegExp(`(?<![\\w./-])${escapeRe(PLACEHOLDERS[k])}(?![\\w-])`, 'g'), saved[k] as string] as const);
  const swap = (s: string) => swaps.reduce((acc, [re, to]) => acc.replace(re, () => to), s);
  return {
    ...report,
    causes: report.causes.map((c) => ({
      ...c,
      fixes: c.fixes.map((f) => ({ ...f, text: swap(f.text), ...(f.snippet ? { snippet: swap(f.snippet) } : {}) })),
    })),
  };
}
