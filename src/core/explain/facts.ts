// From a pasted error to the endpoint it is about: host, port and URL, as each client prints them. Pure.
// Specific shapes first (they name the host that failed), then any https URL that is not a client's help page.
import { isIP } from 'node:net';
import { extractUrls } from '../tls/url';

export interface Endpoint {
  readonly host?: string;
  readonly port?: number;
  readonly url?: string;
}

/** One way a client names the endpoint: a pattern and how to read host/port (or a URL) out of it. */
interface Shape {
  readonly re: RegExp;
  readonly read: (m: RegExpExecArray) => { url?: string; host?: string; port?: string; path?: string };
}

const URL_CHARS = '[^\\s\'"<>()[\\]{}`]+';

/**
 * A top-level domain spelled out, or two letters that are no source file's extension ("events.js:315",
 * "client.rs:72" are stack frames, not hosts).
 */
const TLD_OR_CC =
  '(?:com|org|net|edu|gov|mil|int|io|dev|app|ai|cloud|info|biz|me|tv|co|us|uk|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|cz|ru|ua|cn|hk|tw|jp|kr|in|au|nz|ca|br|mx|ar|za|tr|ir|local|internal|lan|(?!(?:js|ts|py|rb|go|rs|cc|sh|pl|md|so|cs|kt|gz|db)\\b)[a-z]{2})';

/** In order of precedence: the first shape that yields a valid host wins. */
const SHAPES: readonly Shape[] = [
  // urllib3 / requests: HTTPSConnectionPool(host='x', port=443): Max retries exceeded with url: /path
  {
    re: /HTTPSConnectionPool\(host=['"]([^'"]+)['"], port=(\d+)\)(?:: Max retries exceeded with url: (\/\S*))?/,
    read: (m) => ({ host: m[1], port: m[2], path: m[3] }),
  },
  // aiohttp's ConnectionKey(host='x', port=443, is_ssl=True, …): the host it asked for, before Python's own check
  // (which names the address it connected to when the two differ).
  { re: /ConnectionKey\(host=['"]([^'"]+)['"], port=(\d+)/, read: (m) => ({ host: m[1], port: m[2] }) },
  // libcurl's error detail names the peer it was talking to: "SSL_connect: Connection reset by peer in connection to
  // static.crates.io:443", "SSL_ERROR_SYSCALL in connection to github.com:443" (curl, git, Cargo, PHP, pycurl).
  { re: /\bin connection to ([a-z0-9.-]+|\[[0-9a-f:.]+\]):(\d+)/i, read: (m) => ({ host: m[1], port: m[2] }) },
  // R's curl package (≥ 5) puts the host between libcurl's error text and its detail: "SSL connect error
  // [api.example.org]: TLS connect error: …", "SSL peer certificate or SSH remote key was not OK: [h.example.org] SSL
  // certificate problem: …".
  {
    re: /\b(?:was not OK|SSL connect error|Timeout was reached|Couldn't connect to server|Failure when receiving data from the peer):? \[((?:[a-z0-9-]+\.)+[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})\]:? /i,
    read: (m) => ({ host: m[1] }),
  },
  // wget heads every request with "--2021-06-26 02:48:13--  https://…" (old builds "--11:28:30--  …"): after a
  // redirect ("Location: … [following]") the last request is the one that failed.
  {
    re: /(?:^|\n)--(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d--\s+(https:\/\/\S+)(?![\s\S]*\n--(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d--\s)/,
    read: (m) => ({ url: m[1] }),
  },
  // RubyGems' fetch error names the URL it fetched, after OpenSSL's reason: "Gem::RemoteFetcher::FetchError:
  // SSL_connect returned=1 … certificate verify failed (https://rubygems.org/gems/rake-0.9.6.gem)"; the requests
  // logged above it may have succeeded.
  {
    re: new RegExp(`RemoteFetcher::FetchError: [^\\n]*\\((https://${URL_CHARS})\\)`),
    read: (m) => ({ url: m[1] }),
  },
  // The JDK's socket in its debug log and exceptions: "SSLSocket[hostname=localhost, port=34603, Session(…)]".
  { re: /\bSSLSocket\[hostname=([^,\s\]]+), port=(\d+)/, read: (m) => ({ host: m[1], port: m[2] }) },
  // Fiddler's log of a handshake it made for a client: "HTTPS handshake to 10.0.0.1 (for #22) failed."
  { re: /\bHTTPS handshake to ([^\s(]+) \(for #\d+\) failed/, read: (m) => ({ host: m[1] }) },
  // BusyBox wget: "Connecting to ftp.example.org (129.128.5.191:443)", "Connecting to prometheus:9090 (172.18.0.4:9090)";
  // after a redirect (http:// to https://, or to another host) the last connection is the one that failed
  // (read before the URL on its command line, which is where it started).
  {
    re: /(?:^|\n)Connecting to ([a-z0-9.-]+)(?::\d+)? \(\d{1,3}(?:\.\d{1,3}){3}:(\d+)\)(?![\s\S]*\nConnecting to \S+ \()/i,
    read: (m) => ({ host: m[1], port: m[2] }),
  },
  // git: fatal: unable to access 'https://…/' (also localised: "无法访问 '…'")
  {
    re: new RegExp(`(?:[Uu]nable to access|无法访问|while accessing) '?(https://${URL_CHARS})'?`, 'i'),
    read: (m) => ({ url: m[1] }),
  },
  // openssl s_client (3.x) names the address it connects to before its "CONNECTED(…)" line.
  {
    re: /(?:^|\n)Connecting to ([a-z0-9.-]+|[0-9a-f:]*:[0-9a-f:.]+)\s*\n(?:[^\n]*\n)?CONNECTED\(/i,
    read: (m) => ({ host: m[1] }),
  },
  // A client that puts the URL it requested at its error's head ("Error: https://api.example.org/x: Connection
  // Failed: …", ureq's Display): that request failed, whatever the lines above downloaded.
  { re: new RegExp(`(?:^|\\n)\\s*Error: (https://${URL_CHARS}?): [A-Z]`), read: (m) => ({ url: m[1] }) },
  // Chrome's page: "Your connection to example.com is not encrypted." (the client-certificate page), its
  // interstitial's link "Proceed to example.com (unsafe)".
  {
    re: /(?:Your connection to|[Pp]roceed(?:ing)? to) ((?:[a-z0-9-]+\.)*[a-z0-9-]+) (?:is not encrypted|\(unsafe\))/i,
    read: (m) => ({ host: m[1] }),
  },
  // Go names the host it checked: "cannot validate certificate for 10.0.0.1 because…", "valid for a, b, not c".
  { re: /cannot validate certificate for (\S+) because it doesn't contain any IP SANs/, read: (m) => ({ host: m[1] }) },
  { re: /certificate is valid for [^\n]*?, not ([^\s,;:"']+)/, read: (m) => ({ host: m[1] }) },
  // Go wraps a redirect's or a token fetch's error in the first request's: "Get A: Get B: x509: …" — B failed.
  {
    re: new RegExp(`\\b(?:Get|Post|Head) "?https://${URL_CHARS}"?: (?:Get|Post|Head) "?(https://${URL_CHARS})"?:\\s`),
    read: (m) => ({ url: m[1] }),
  },
  // Go and Rust: Get "https://…": / error sending request for url (https://…). A logger that quotes the error in
  // its own msg="…" field escapes Go's quotes (Get \"https://…\": x509: …).
  {
    re: new RegExp(`\\b(?:Get|Post|Put|Head|Delete|Patch) (?:\\\\?")?(https://[^\\s'"<>()[\\]{}\`\\\\]+)\\\\?"?:\\s`),
    read: (m) => ({ url: m[1] }),
  },
  { re: new RegExp(`error sending request for url \\((https://${URL_CHARS})\\)`), read: (m) => ({ url: m[1] }) },
  // Rust's Debug form of a reqwest URL: Url { scheme: "https", …, host: Some(Domain("x")), port: Some(8443), … }
  // (its quotes escaped, \", when the Debug string was itself printed as a string).
  {
    re: /Url \{ scheme: \\?"https\\?",[^}]*?host: Some\((?:Domain|Ipv4|Ipv6)\(\\?"?([^"\\)]+)\\?"?\)\), port: (?:Some\((\d+)\)|None)/,
    read: (m) => ({ host: m[1], port: m[2] }),
  },
  // kubectl --server=host[:port]
  { re: /--server[= ](?:https:\/\/)?([a-z0-9.-]+)(?::(\d+))?/i, read: (m) => ({ host: m[1], port: m[2] }) },
  // aiohttp: Cannot connect to host example.com:443 ssl:True
  { re: /Cannot connect to host ([^\s:]+):(\d+)\s+ssl:/, read: (m) => ({ host: m[1], port: m[2] }) },
  // pip's "Starting new HTTPS connection (1): files.pythonhosted.org:443"
  { re: /Starting new HTTPS connection \(\d+\): ([^\s:]+):(\d+)/, read: (m) => ({ host: m[1], port: m[2] }) },
  // curl: Failed to connect to example.com port 443
  { re: /Failed to connect to ([^\s:]+) port (\d+)/, read: (m) => ({ host: m[1], port: m[2] }) },
  // openssl s_client -connect host:port (the port may be a service name, "rubygems.org:https", or left out)
  { re: /-connect ([^\s:]+):(\d+)/, read: (m) => ({ host: m[1], port: m[2] }) },
  { re: /-connect ([a-z0-9.-]+\.[a-z]{2,})(?::https)?(?=\s|$)/i, read: (m) => ({ host: m[1] }) },
  // wget: ERROR: cannot verify example.com's certificate; its GnuTLS builds: The certificate of ‘example.com’ is …
  { re: /cannot verify ([^\s']+)'s certificate/, read: (m) => ({ host: m[1] }) },
  // Chromium's verifier log: "CertVerifyProcBuiltin for api.example.com failed:".
  { re: /CertVerifyProcBuiltin for ([a-z0-9.-]+\.[a-z0-9-]+) failed:/i, read: (m) => ({ host: m[1] }) },
  { re: /The certificate of [‘'`"]([^\s‘’'`"]+)['’"] /, read: (m) => ({ host: m[1] }) },
  // wget (OpenSSL): "certificate common name ‘x’ doesn't match requested host name ‘h’", "… matches requested host name ‘h’"
  { re: /requested host name\s*[‘'`"]([^\s‘’'`"]+)['’"]/, read: (m) => ({ host: m[1] }) },
  // Chrome: "… steal your information from example.com (for example…", "could not prove that it is 10.0.0.1;" (newer
  // versions contract it: "couldn't prove that it's example.com;")
  { re: /steal your (?:information|data) from ([^\s(]+) \(/, read: (m) => ({ host: m[1] }) },
  { re: /could(?: not|n['’]t) prove that it(?: is|['’]s) ([^\s;]+);/, read: (m) => ({ host: m[1] }) },
  // Bundler's CertificateFailureError names the source it fetched: "Could not verify the SSL certificate for
  // http://rails-assets.org/." (an http:// source redirected to https, so the host is still the one to check).
  {
    re: /Could not verify the SSL certificate for https?:\/\/([a-z0-9.-]+\.[a-z]{2,})(?::(\d+))?[/.\s]/i,
    read: (m) => ({ host: m[1], port: m[2] }),
  },
  // Chrome's HSTS page: "When Chrome tried to connect to example.com this time", "You cannot visit example.com right now"
  {
    re: /(?:When Chrome tried to connect to|You cannot visit) ((?:[a-z0-9-]+\.)+[a-z]{2,}) /i,
    read: (m) => ({ host: m[1] }),
  },
  // Firefox: "example.com uses an invalid security certificate"
  {
    re: /(?:^|\s)((?:[a-z0-9-]+\.)*[a-z0-9-]+(?::\d+)?) uses an invalid security certificate/i,
    read: (m) => ({ url: `https://${m[1]}/` }),
  },
  // Node's and Python's host checks name the host: "Host: x. is not in the cert's altnames", "IP: 10.0.0.1 is not in
  // the cert's list", "hostname 'x' doesn't match …"
  { re: /Host: ?([^\s,]+?)\.? is not in the cert's (?:altnames|list)/, read: (m) => ({ host: m[1] }) },
  // (…"IP:" is followed by an address; a word there, "IP: **ip_address**", is the reporter's redaction.)
  {
    re: /IP: ?([\d.]+|[0-9a-f]*:[0-9a-f:.]+)\.? is not in the cert's (?:altnames|list)/i,
    read: (m) => ({ host: m[1] }),
  },
  { re: /hostname '([^']+)' doesn't match/, read: (m) => ({ host: m[1] }) },
  { re: /hostname "([^"\s]+)" does not match the server certificate/, read: (m) => ({ host: m[1] }) },
  { re: /did not match expected CN=`([^'\s]+)'/, read: (m) => ({ host: m[1] }) },
  // urllib3's warning before a retry (pip prints it): "Certificate did not match expected hostname: x. Certificate: …"
  { re: /Certificate did not match expected hostname: ([^\s,]+?)\.?\s+Certificate: /, read: (m) => ({ host: m[1] }) },
  // Python ≥ 3.7's own host check: "Hostname mismatch, certificate is not valid for 'example.com'." (and for IPs)
  { re: /(?:Hostname|IP address) mismatch, certificate is not valid for '([^']+)'/, read: (m) => ({ host: m[1] }) },
  // Firefox's page in prose: "did not continue to example.com.", "The certificate for example.com expired on …",
  // "… uses a certificate that is not valid for example.com."
  {
    re: /(?:did not continue to|The certificate for) ((?:[a-z0-9-]+\.)+[a-z0-9-]+?)\.?(?=\s|$)/i,
    read: (m) => ({ host: m[1] }),
  },
  // (…a LAN name may be one label: "not valid for synology.", "An error occurred during a connection to localhost.")
  {
    re: /(?:certificate that is not valid for|An error occurred during a connection to) ((?:[a-z0-9-]+\.)*[a-z0-9-]+?)\.?(?=\s|$)/i,
    read: (m) => ({ host: m[1] }),
  },
  // libcurl names the host it checked: "… matches target host name 'example.com'"
  { re: /target host name '([^']+)'/, read: (m) => ({ host: m[1] }) },
  // Gradle nests what it tried, the outer request first: the innermost "Could not GET '…'" is the one that failed
  // (its parent "Could not get resource '…'" may name another repository, the one that redirected there).
  { re: new RegExp(`Could not (?:GET|HEAD) '(https://${URL_CHARS})'`), read: (m) => ({ url: m[1] }) },
  // RubyGems names the index it asked, then in parentheses the URL that failed: another site after a redirect (S3,
  // a CDN) is the endpoint; the index's own subdomain (api.rubygems.org) is the index.
  {
    re: new RegExp(
      `Unable to download data from https://([^/\\s]+)\\S* - [^\\n]*\\((https://(${URL_CHARS}?)(?:[/:]${URL_CHARS})?)\\)`,
    ),
    read: (m) => (m[3] === m[1] || m[3].endsWith(`.${m[1]}`) ? { host: m[1] } : { url: m[2] }),
  },
  // Go's "x509: certificate is not valid for any names, but wanted to match example.com"
  { re: /but wanted to match ([^\s,;"']+)/, read: (m) => ({ host: m[1] }) },
  // pip names the index page it could not fetch (old pip: an http:// index URL that redirects to https)
  {
    re: /Could not fetch URL (https?):\/\/([^/\s:]+)(?::(\d+))?(\/[^\s:]*)?/,
    read: (m) =>
      m[1] === 'https' ? { url: `https://${m[2]}${m[3] ? `:${m[3]}` : ''}${m[4] ?? '/'}` } : { host: m[2], port: m[3] },
  },
  // Firefox's page: "Firefox does not trust example.com because its certificate issuer is unknown…"
  { re: /does not trust ([a-z0-9.-]+\.[a-z]{2,}) because/i, read: (m) => ({ host: m[1] }) },
  // …and in Chinese: "Firefox 不信任 example.com，因其证书颁发者未知…"
  { re: /不信任 ([a-z0-9.-]+\.[a-z]{2,})[，,]/i, read: (m) => ({ host: m[1] }) },
  // Cargo names the download that failed after the registry it updated: "failed to download … from `https://…`"
  { re: /[Ff]ailed to download (?:package `[^`]+` )?from `?(https:\/\/[^\s`]+)/, read: (m) => ({ url: m[1] }) },
  // Java: No subject alternative DNS name matching example.com found.
  // …and "No name matching x found" (the JDK's host check when the certificate has no SAN at all), "No subject
  // alternative names matching IP address 10.0.0.1 found" (an IP the certificate does not list), OkHttp's
  // "Hostname x not verified".
  {
    re: /No (?:subject alternative DNS name|name|subject alternative names) matching (?:IP address )?(\S+?)\.? found|SSLPeerUnverifiedException: Hostname (\S+) not verified/,
    read: (m) => ({ host: m[1] ?? m[2] }),
  },
  // Maven names the file it could not transfer after the repository's URL (which a console wrap may have cut)
  { re: new RegExp(`transfer failed for (https://${URL_CHARS})`), read: (m) => ({ url: m[1] }) },
  // A TLS scheme other than https names the endpoint as well ("Connecting to 'ldaps://10.10.11.72:636'", imaps://,
  // smtps://, wss://): no https URL is there to read.
  {
    re: /\b(?:ldaps|imaps|pop3s|smtps|ftps|wss|mqtts|amqps|rediss):\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d+))?/i,
    read: (m) => ({ host: m[1], port: m[2] }),
  },
  // Maven's resolver names the repository it could not transfer from, often an http:// one that redirects to https
  // ("Failure to transfer g:a:pom:1 from http://repo.example.com/…"): its host is the one to check.
  {
    re: /\b(?:Failure to transfer|Could not transfer artifact) \S+ from(?:\/to)? (?:[\w.-]+ \()?https?:\/\/([a-z0-9.-]+\.[a-z]{2,})[/:)\s]/i,
    read: (m) => ({ host: m[1] }),
  },
  // generic "connect to host:port" (PHP streams write the transport: "unable to connect to ssl://smtp.example.com:465")
  {
    re: /\bconnect(?:ing)? to (?:(?:ssl|tls):\/\/)?([a-z0-9.-]+\.[a-z]{2,}):(\d+)\b/i,
    read: (m) => ({ host: m[1], port: m[2] }),
  },
  // …or to an IPv4 address ("Error connecting to 1.2.3.4:443: [SSL: …]").
  {
    re: /\bconnect(?:ing)? to (?:(?:ssl|tls):\/\/)?(\d{1,3}(?:\.\d{1,3}){3}):(\d+)\b/i,
    read: (m) => ({ host: m[1], port: m[2] }),
  },
];

/**
 * Shapes read only when the message has no https URL: curl -v names the host it connected to, which is the proxy's
 * when a proxy is in use (the URL then names the endpoint); log fields may too.
 */
const LATE_SHAPES: readonly Shape[] = [
  // A curl command line with its URL written without a scheme ("curl live.example.org -L", "curl -kv 10.0.0.5:8443"),
  // after flags that take no argument: curl's default is http://, but its "curl: (60)" shows TLS was spoken there.
  {
    re: /(?:^|[\s`$>])curl(?:\.exe)? (?:-[LkvsSfIi#]+ |--(?:location|insecure|verbose|silent|show-error|fail|head|include) )*([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::(\d+))?(?=[\s/`'"]|$)/i,
    read: (m) => ({ host: m[1], port: m[2] }),
  },
  // Node's error object, inspected: "{ code: 'ECONNRESET', path: undefined, host: 'x.example.com', port: 443, … }".
  { re: /\bhost: '([^'\s]+)',\s+port: (\d+)\b/, read: (m) => ({ host: m[1], port: m[2] }) },
  // curl -v: "* Connected to example.com (10.0.0.1) port 443", "* Host example.com:443 was resolved."
  { re: /Connected to ([^\s(]+) \([^)]*\) port (\d+)/, read: (m) => ({ host: m[1], port: m[2] }) },
  { re: /\bHost ([^\s:]+):(\d+) was resolved/, read: (m) => ({ host: m[1], port: m[2] }) },
  // Structured logs (Rust tracing, Go logfmt, Python extra fields): host="storage.example.net". A field may name a
  // proxy or a peer beside the request's URL, so only a message without a URL reads it.
  {
    re: /\b(?:host|hostname|server_name|peer_host)=["']?([a-z0-9.-]+\.[a-z]{2,})\b["']?/i,
    read: (m) => ({ host: m[1] }),
  },
  // Go's own dial, which is what failed: a proxy's log names the target first and the server it dialled last
  // ("dial PROXY … to zws1-1.web.telegram.org:443 error: dial abc.com:443 …", "failed to dial to h.example.xyz:443 >").
  {
    re: /\bdial(?:ing)?(?: tcp[46]?)?(?: to)? ((?:[a-z0-9-]+\.)+[a-z]{2,}):(\d{1,5})\b/i,
    read: (m) => ({ host: m[1], port: m[2] }),
  },
  // A proxy's or a client's log in prose: "dial … to mtalk.google.com:5228 error: …", "connect to smtp.example.com:465",
  // "requests to etcd on etcd.example.com:443" (the last label spelled out, so that a stack frame's "events.js:315" is
  // no host).
  {
    re: new RegExp(`\\b(?:to|on) ((?:[a-z0-9-]+\\.)+${TLD_OR_CC}):(\\d{1,5})\\b`, 'i'),
    read: (m) => ({ host: m[1], port: m[2] }),
  },
  // A log line's endpoint in brackets before its error: "[pool.example.net:5222] connection error: …"
  { re: /\[([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}):(\d{1,5})\] /i, read: (m) => ({ host: m[1], port: m[2] }) },
];

/**
 * Help pages, docs and issue trackers clients print beside their errors ("More details here: https://curl.se/…"),
 * never the failing endpoint.
 */
const DOC_URL =
  /^https?:\/\/(curl\.se|curl\.haxx\.se|nodejs\.org\/api|urllib3\.readthedocs\.io|requests\.readthedocs\.io|docs\.python\.org|github\.com\/(nodejs|npm\/npm\/issues|nodejs\/corepack|[\w.-]+\/[\w.-]+\/actions\/runs)|docs\.microsoft\.com|learn\.microsoft\.com|aka\.ms|(\w+\.)?yarnpkg\.com\/en\/docs|www\.python-httpx\.org|bun\.report|help\.gradle\.org|docs\.gradle\.org|docs\.aws\.amazon\.com|stackoverflow\.com|npm\.community|testssl\.sh|support\.mozilla\.org|support\.google\.com|support\.microsoft\.com|developer\.mozilla\.org)(\/|$)/i;

const HOST_RE = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/i;

/** Redacted hosts people paste ("X.X.X.X", "xxxxx", "No name matching host found"): no endpoint to check. */
const PLACEHOLDER = /^(?:x{3,}|(?:x+\.)+x+|redacted|hidden|host|hostname|your[-_]?host|myhost|domain)$/i;
/**
 * A name with a label masked by x's ("xxxxx.com", "xx.xx.com", "tmp-file.xxxxxx.ai"): the reporter hid the host, and
 * what is left of it names no server to check (one "x" is a real label: x.com).
 */
const MASKED_LABEL = /(?:^|\.)x{2,}\./i;
/**
 * A host described in words where the reporter's own would be ("ip.of.vcenter", "address.of.server"): no server to
 * check. (A made-up name, "pypi.mycompany.net", stays: the fixtures keep it as the host the message names.)
 */
const DESCRIBED = /^(?:ip|address|name|host|fqdn|url)\.of\.(?:the\.|your\.|my\.)?[a-z]/i;

function validHost(h: string | undefined): string | undefined {
  if (!h) return undefined;
  const host = h.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (PLACEHOLDER.test(host) || MASKED_LABEL.test(host) || DESCRIBED.test(host)) return undefined;
  // Digits and dots only is an IPv4 address or nothing ("12.34.567.89" is a redacted one, not a host name).
  if (/^[\d.]+$/.test(host)) return isIP(host) ? host : undefined;
  // An IPv4 address with some parts masked ("172.xx.xx.xx", "10.x.x.5") is a redacted one too.
  if (/^(?:\d{1,3}|x+)(?:\.(?:\d{1,3}|x+)){3}$/i.test(host)) return undefined;
  return isIP(host) || HOST_RE.test(host) ? host : undefined;
}

/**
 * A port whose colon was lost in a paste or a template ("https://vault.example.com8200/v1/…"): no top-level domain
 * ends in digits, so digits after the last label's letters are the port.
 */
function gluedPort(u: URL): { host: string; port: number } | undefined {
  if (u.port || isIP(u.hostname)) return undefined;
  const m = /^(.+\.[a-z]{2,})(\d{2,5})$/.exec(u.hostname);
  const port = m ? Number(m[2]) : 0;
  return m && port > 0 && port <= 65535 ? { host: m[1], port } : undefined;
}

function fromUrl(raw: string): Endpoint | undefined {
  let u: URL;
  try {
    u = new URL(raw.replace(/[.,;:!?]+$/, ''));
  } catch {
    return undefined;
  }
  const glued = gluedPort(u);
  const host = validHost(glued?.host ?? u.hostname);
  if (!host || u.protocol !== 'https:') return undefined;
  const port = glued?.port ?? (u.port ? Number(u.port) : 443);
  return { host, port, url: glued ? `https://${host}:${port}${u.pathname}${u.search}` : u.href };
}

function fromParts(host: string | undefined, port: string | undefined, path = '/'): Endpoint | undefined {
  const h = validHost(host);
  if (!h) return undefined;
  const p = port && /^\d+$/.test(port) ? Number(port) : 443;
  if (p <= 0 || p > 65535) return undefined;
  const shown = h.includes(':') ? `[${h}]` : h;
  return { host: h, port: p, url: `https://${shown}${p === 443 ? '' : `:${p}`}${path.startsWith('/') ? path : '/'}` };
}

/** A URL the message offers as reading ("Read more: https://…", "see https://…"), not the endpoint that failed. */
function pointsToReading(text: string, url: string): boolean {
  const at = text.indexOf(url);
  const before = text.slice(Math.max(0, at - 30), at);
  const reading = /(?:read more|more info(?:rmation)?|more details(?: here)?|see|visit|docs?|documentation)\W{0,3}$/i;
  // A manifest or file the command reads ("kubectl apply -f https://…") is input, not the endpoint either.
  const input = /(?:\s-f|--filename=?)\s*$/;
  return at > 0 && (reading.test(before) || input.test(before));
}

/**
 * An installer fetched and piped into an interpreter ("curl -sSL https://install.example.org | python3 -", "(iwr
 * https://…).Content | py -"): the download worked, the script's own request failed, unless the downloader's own
 * error is there (curl's "curl: (60)", PowerShell's "irm : …" record, wget's lines).
 */
const PIPED = /^[^\n|]*\|\s*(?:sudo\s+)?(?:python[\d.]*|py|sh|bash|zsh|node|php|ruby|perl|iex)\b/;
const DOWNLOADER_FAILED =
  /curl: \(\d+\)|(?:^|\n)\s*(?:irm|iwr|curl|wget|Invoke-WebRequest|Invoke-RestMethod) : |(?:^|\n)wget: |Unable to establish SSL connection|ERROR: cannot verify /;

function pipedInstaller(text: string, url: string): boolean {
  const at = text.indexOf(url);
  return at >= 0 && PIPED.test(text.slice(at + url.length)) && !DOWNLOADER_FAILED.test(text);
}

function fromShapes(text: string, shapes: readonly Shape[]): Endpoint | undefined {
  for (const shape of shapes) {
    const m = shape.re.exec(text);
    if (!m) continue;
    const r = shape.read(m);
    const found = r.url ? fromUrl(r.url) : fromParts(r.host, r.port, r.path);
    if (found) return found;
  }
  return undefined;
}

/**
 * A URL a stack trace or a log shortened inside its host ("Requests::get('https://data.en...')": PHP cuts arguments
 * at 15 characters): what is left of the host is not a host. Cut after the host ("https://x.org/..."), it still is.
 */
function truncated(text: string, url: string): boolean {
  const at = text.indexOf(url);
  return at >= 0 && /^https?:\/\/[^/]+$/.test(url) && /^(?:\.\.\.|…)/.test(text.slice(at + url.length));
}

/**
 * A browser's error page in another language names the host in its own words ("攻击者可能会试图从www.example.com窃取
 * 您的信息", "… Ihre Daten von www.example.com zu stehlen"): on a page that carries a browser's error code and no URL,
 * the first name that looks like a host is the site's.
 */
const BROWSER_CODE = /NET::ERR_\w+|\b(?:SEC_ERROR|MOZILLA_PKIX_ERROR|SSL_ERROR)_\w+/i;
// Top-level domains spelled out, or two letters that are no source file's extension, so that a file name in a
// stack frame ("events.js:315") is not read as a host.
const BARE_HOST =
  /(?<![\w.@/\\-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|mil|int|io|dev|app|ai|cloud|info|biz|me|tv|co|us|uk|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|cz|ru|ua|cn|hk|tw|jp|kr|in|au|nz|ca|br|mx|ar|za|tr|ir|local|internal|lan|(?!(?:js|ts|py|rb|go|rs|cc|sh|pl|md|so|cs|kt|gz|db)\b)[a-z]{2}))(?![\w.-]*[\w-])(?!:\d)/i;

function fromBrowserPage(text: string): Endpoint | undefined {
  if (!BROWSER_CODE.test(text)) return undefined;
  const m = BARE_HOST.exec(text.replace(BROWSER_CODE, ' '));
  return m ? fromParts(m[1], undefined) : undefined;
}

/**
 * A registry Cargo updated before it went on to download ("Updating registry `https://…`" then " Downloading x"): that
 * step succeeded, so its URL is not the endpoint that failed.
 */
function passedStep(text: string, url: string): boolean {
  const at = text.indexOf(`Updating registry \`${url}\``);
  return at >= 0 && /\n\s*Downloading \S/.test(text.slice(at));
}

/** The endpoint an error message is about, or {} when it names none. */
export function endpointOf(text: string): Endpoint {
  const shaped = fromShapes(text, SHAPES);
  if (shaped) return shaped;
  for (const u of extractUrls(text)) {
    if (DOC_URL.test(u) || pointsToReading(text, u) || truncated(text, u) || passedStep(text, u)) continue;
    if (pipedInstaller(text, u)) continue;
    const found = fromUrl(u);
    if (found) return found;
  }
  return fromShapes(text, LATE_SHAPES) ?? fromBrowserPage(text) ?? {};
}
