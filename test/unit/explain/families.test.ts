// Classes batches 10c and 11c showed missing, each on short examples written here (not the held-out lines): tools
// known by their own words around their library's error, layouts that cut or wrap the message (Terraform's box, a
// Markdown quote, a console's hard wrap), and where such messages name their host.
import * as assert from 'assert';
import { endpointOf, explain, identifyClient } from '../../../src/core/explain/index';
import { unlayout, unwrapConsole } from '../../../src/core/explain/layout';

const lead = (text: string) => explain(text).causes[0]?.code;
const id = (text: string) => identifyClient(text)?.id;
const firstFix = (text: string) => explain(text).causes[0]?.fixes[0]?.client;

describe('explain: a tool known by its own words around its library’s error', () => {
  it("Deno's module loader names the import it could not fetch; plain rustls stays Rust's", () => {
    const deno =
      "error: Import 'https://code.example.net/mod.ts' failed: error sending request for url (https://code.example.net/mod.ts): client error (Connect): invalid peer certificate: UnknownIssuer";
    assert.strictEqual(id(deno), 'deno');
    assert.strictEqual(firstFix(deno), 'deno');
    assert.strictEqual(id('Download https://code.example.net/dep.ts\nerror: something failed'), 'deno');
    assert.strictEqual(id("error: JSR package manifest for '@std/fmt' failed to load. error sending request"), 'deno');
    // A project's npm script that runs Deno (an edge runtime) is Deno's failure, not the package manager's.
    assert.strictEqual(
      id(
        "> pnpm functions:serve\nDownload https://mods.example.net/std/mod.ts\n: Import 'https://mods.example.net/std/mod.ts' failed: error trying to connect: invalid peer certificate: UnknownIssuer",
      ),
      'deno',
    );
    // Gradle's "Download https://…/x.pom" lines are no Deno module download.
    assert.notStrictEqual(id('Download https://repo.example.org/maven2/a/b/1/b-1.pom\nCould not GET'), 'deno');
    assert.strictEqual(
      id(
        'Error: error sending request for url (https://a.example/): client error (Connect): invalid peer certificate: UnknownIssuer',
      ),
      'rust',
    );
  });

  it('git\'s stderr passed on by a front-end without "fatal: "', () => {
    const vs =
      "Git failed with a fatal error.\nunable to access 'https://git.corp.example/team/app.git/': SSL certificate problem: self signed certificate in certificate chain";
    assert.strictEqual(id(vs), 'git');
    assert.strictEqual(firstFix(vs), 'git');
    assert.strictEqual(explain(vs).host, 'git.corp.example');
    assert.strictEqual(id("Cmd('git') failed due to: exit code(128)\n  stderr: 'SSL certificate problem'"), 'git');
    assert.strictEqual(id('git-remote-https: SSL certificate problem: unable to get local issuer certificate'), 'git');
  });

  it('Docker by its CLI\'s "error during connect", the daemon\'s TLS port and BuildKit; other Go container tools are Go', () => {
    const remote =
      'error during connect: Get "https://build.example.net:2376/v1.41/info": x509: certificate signed by unknown authority';
    assert.strictEqual(id(remote), 'docker');
    assert.strictEqual(firstFix(remote), 'docker');
    assert.strictEqual(
      id('Get "https://10.0.0.5:2376/_ping": x509: certificate has expired or is not yet valid'),
      'docker',
    );
    assert.strictEqual(
      id(
        'ERROR: failed to solve: node:20: failed to resolve source metadata: x509: certificate signed by unknown authority',
      ),
      'docker',
    );
    assert.strictEqual(
      id(
        'FATAL:   While making image from oci registry: Get "https://reg.example/v2/": x509: certificate relies on legacy Common Name field',
      ),
      'go',
    );
    assert.strictEqual(
      id(
        'Error: initializing source docker://reg.example/app:1: pinging container registry reg.example: x509: (podman)',
      ),
      'go',
    );
    assert.strictEqual(
      id(
        'failed to pull and unpack image "docker.io/library/nginx:1": failed to resolve reference: x509: certificate signed by unknown authority',
      ),
      'go',
    );
  });

  it('Helm by oci:// chart references and chart repository indexes, before Docker in the registry name', () => {
    const oci =
      'Error: could not download oci://charts.example.org/team/api: Get "https://charts.example.org/v2/team/api/tags/list": tls: failed to verify certificate: x509: certificate signed by unknown authority';
    assert.strictEqual(id(oci), 'helm');
    assert.strictEqual(firstFix(oci), 'helm');
    assert.strictEqual(
      id('pulling oci://registry-1.docker.io/bitnamicharts/redis: x509: certificate signed by unknown authority'),
      'helm',
    );
    assert.strictEqual(
      id('Get "https://charts.example.org/index.yaml": x509: certificate signed by unknown authority'),
      'helm',
    );
  });

  it("Terraform's boxed diagnostics, with a wording wrapped inside the box", () => {
    const boxed = [
      '╷',
      '│ Error: Failed to query available provider packages',
      '│ ',
      '│ could not retrieve the list of available versions: Get "https://mirror.example.com/v1/providers/": x509: certificate signed by unknown',
      '│ authority',
      '╵',
    ].join('\n');
    assert.strictEqual(id(boxed), 'terraform');
    assert.strictEqual(lead(boxed), 'untrusted-root');
    assert.strictEqual(firstFix(boxed), 'terraform');
    assert.strictEqual(
      id('│ Error: Error acquiring the state lock\n│ x509: certificate signed by unknown authority'),
      'terraform',
    );
  });

  it('gcloud by its product names and its own summary under the traceback', () => {
    assert.strictEqual(
      id(
        "requests.exceptions.SSLError: HTTPSConnectionPool(host='x', port=443)\nGoogle Cloud CLI installer will now exit.",
      ),
      'gcloud',
    );
    const summary =
      "gcloud's default CA certificates failed to verify your connection, which can happen if you are behind a proxy or firewall.";
    assert.strictEqual(lead(summary), 'untrusted-root');
    assert.strictEqual(firstFix(summary), 'gcloud');
  });

  it("the Azure CLI talking to a registry's or ARM's API from Python, not Docker pulling from the registry", () => {
    const acr =
      "HTTPSConnectionPool(host='team.azurecr.io', port=443): Max retries exceeded with url: /v2/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate')))";
    assert.strictEqual(id(acr), 'az');
    assert.strictEqual(firstFix(acr), 'az');
    assert.strictEqual(
      id(
        'Error response from daemon: Get "https://team.azurecr.io/v2/": x509: certificate signed by unknown authority',
      ),
      'docker',
    );
  });

  it("requests' vendored urllib3 is requests; urllib3's own exceptions without requests are urllib3's", () => {
    const vendored = [
      'File "/srv/app/lib/python3.5/site-packages/requests/packages/urllib3/contrib/pyopenssl.py", line 417, in wrap_socket',
      "OpenSSL.SSL.Error: [('SSL routines', 'ssl3_read_bytes', 'tlsv1 alert unknown ca')]",
    ].join('\n');
    assert.strictEqual(id(vendored), 'python-requests');
    assert.strictEqual(lead(vendored), 'client-cert-required');
    assert.strictEqual(firstFix(vendored), 'python-requests');
    assert.strictEqual(
      id("urllib3.exceptions.SSLError: hostname 'a.example' doesn't match 'b.example'"),
      'python-urllib3',
    );
    assert.strictEqual(
      id(
        'requests.exceptions.SSLError: x\nurllib3.exceptions.SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed',
      ),
      'python-requests',
    );
  });
});

describe('explain: more of the same families', () => {
  it("git in another language: the URL in quotes and libcurl's reason in English", () => {
    const de =
      "fatal: Zugriff auf 'https://git.example.de/team/app.git/' nicht möglich: SSL certificate problem: unable to get local issuer certificate";
    assert.strictEqual(id(de), 'git');
    assert.strictEqual(explain(de).host, 'git.example.de');
  });

  it("Docker before 1.13 and a plain-HTTP client on the daemon's TLS port", () => {
    assert.strictEqual(
      id(
        'An error occurred trying to connect: Get https://10.1.2.3:2376/v1.20/containers/json: x509: certificate signed by unknown authority',
      ),
      'docker',
    );
    const plain =
      'Get http://10.1.2.3:2376/v1.18/version: malformed HTTP response "\\x15\\x03\\x01\\x00\\x02\\x02". Are you trying to connect to a TLS-enabled daemon without TLS?';
    assert.strictEqual(id(plain), 'docker');
    assert.strictEqual(lead(plain), 'not-tls');
  });

  it("Helm's chart manifests in a registry's API; the Azure CLI's knack traceback header", () => {
    assert.strictEqual(
      id(
        'Error: failed to do request: Head "https://reg.example/v2/team/charts/api/manifests/1.2.0": x509: certificate signed by unknown authority',
      ),
      'helm',
    );
    assert.strictEqual(
      id(
        "The command failed with an unexpected error. Here is the traceback:\nHTTPSConnectionPool(host='x.example', port=443): Max retries exceeded",
      ),
      'az',
    );
  });

  it('Composer by its download wording, whatever PHP stream error follows', () => {
    const c =
      'The "https://repo.example.org/packages.json" file could not be downloaded: SSL operation failed with code 1. OpenSSL Error messages:\nerror:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed';
    assert.strictEqual(id(c), 'composer');
    assert.strictEqual(firstFix(c), 'composer');
    assert.strictEqual(id('Failed to download acme/lib from dist: SSL operation failed with code 1'), 'composer');
  });

  it('a CA file the client was told to use but cannot load leaves the chain untrusted', () => {
    const bun = "bun install v1.2.0 (abc)\nHTTPThread: invalid CA file: 'C:\\certs\\corp-root.cer'";
    assert.strictEqual(lead(bun), 'untrusted-root');
    assert.strictEqual(firstFix(bun), 'bun');
  });

  it('OpenSSL that could not open its CA file trusts no root', () => {
    const t =
      'Warning: file_get_contents(): SSL operation failed with code 5. OpenSSL Error messages:\nerror:80000002:system library::No such file or directory\nerror:0A000086:SSL routines::certificate verify failed in /srv/a.php on line 3';
    assert.strictEqual(lead(t), 'untrusted-root');
    assert.strictEqual(firstFix(t), 'php');
  });

  it("handshakes closed without a reason in pyOpenSSL's and older libcurl's words", () => {
    assert.strictEqual(lead("bad handshake: SysCallError(-1, 'Unexpected EOF')"), 'handshake-failure');
    assert.strictEqual(
      lead('curl: (35) Unknown SSL protocol error in connection to a.example.org:443'),
      'handshake-failure',
    );
    assert.strictEqual(
      explain('curl: (35) Unknown SSL protocol error in connection to a.example.org:443').host,
      'a.example.org',
    );
  });

  it('terminal colours copied along, as escapes, caret forms or what is left of them', () => {
    assert.strictEqual(unlayout('\x1b[31merror\x1b[0m: x'), 'error: x');
    assert.strictEqual(unlayout('^[[0m^[[32mDownload^[[0m https://a.example/m.ts'), 'Download https://a.example/m.ts');
    assert.strictEqual(unlayout('[1mERROR[0m: TypeError'), 'ERROR: TypeError');
    const colored =
      "^[[0m^[[32mDownload^[[0m https://mods.example.net/x/mod.ts\n^[[0m^[[1m^[[31merror^[[0m: Import 'https://mods.example.net/x/mod.ts' failed: error sending request for url (https://mods.example.net/x/mod.ts): invalid peer certificate: UnknownIssuer";
    assert.strictEqual(id(unlayout(colored)), 'deno');
    assert.strictEqual(explain(colored).client?.id, 'deno');
  });
});

describe('explain: layouts that cut a message', () => {
  it('drops a diagnostic box; a whole-paste quote goes too (normalise), npm\'s own "> " lines stay', () => {
    assert.strictEqual(unlayout('╷\n│ Error: x\n│   y\n╵'), '\nError: x\n  y\n');
    assert.strictEqual(
      lead(
        '> depth=0 CN = a\n> verify error:num=18:self signed certificate\n> verify error:num=10:certificate has expired',
      ),
      'self-signed',
    );
    const npm = '> pkg@1.0.0 postinstall /x\n> node install.js\n\nError: self signed certificate';
    assert.strictEqual(unlayout(npm), npm);
    // A CI log prefix before Terraform's box goes first, then the box.
    const ci =
      '2024-05-01T12:00:00.1234567Z │ Error: Failed to install provider\n2024-05-01T12:00:00.1234568Z │ x509: certificate signed by unknown authority';
    assert.strictEqual(id(ci), 'terraform');
    assert.strictEqual(lead(ci), 'untrusted-root');
  });

  it("reads Firefox's lower-case error codes as Firefox's", () => {
    const page = 'a.example.org uses an invalid security certificate.\n(Error code: sec_error_unknown_issuer)';
    assert.strictEqual(id(page), 'firefox');
    assert.strictEqual(lead(page), 'untrusted-root');
  });

  it('joins lines a console cut at its width (a URL or a host in two), restoring a blank the paste trimmed', () => {
    const w = 64;
    const printed =
      'Could not transfer artifact a:b:pom:1 from/to central (https://repo.example.org/maven2): transfer failed for https://repo.example.org/maven2/a/b/1/b-1.pom: PKIX path building failed: unable to find valid certification path to requested target';
    const cut: string[] = [];
    for (let i = 0; i < printed.length; i += w) cut.push(printed.slice(i, i + w));
    const pasted = cut.map((l) => l.replace(/\s+$/, '')).join('\n');
    assert.strictEqual(unwrapConsole(pasted), printed);
    assert.strictEqual(explain(pasted).host, 'repo.example.org');
    assert.strictEqual(lead(pasted), 'untrusted-root');
    // Word-wrapped text whose lines end anywhere up to the width is left as it is.
    const words =
      'Error: x509: certificate signed by unknown authority while fetching the provider list from the mirror\nnext';
    assert.strictEqual(unwrapConsole(words), words);
    // Nor are repeated records of one length.
    const retries = [4, 3, 2, 1, 0]
      .map(
        (n) =>
          `WARNING: Retrying (Retry(total=${n}, connect=None)) after connection broken by 'SSLError(SSLEOFError(8, 'EOF'))': /simple/x/`,
      )
      .join('\n');
    assert.strictEqual(unwrapConsole(retries), retries);
  });

  it('a host cut at the end of one full-width line reads whole; a complete host is not extended', () => {
    // A console 80 columns wide cut the second line (the widest) inside the address.
    const cut = [
      'An error occurred trying to connect: Post https://10.20.30.40:2376/v1.19/cont',
      'ainers/create: x509: certificate is valid for 127.0.0.1, 10.0.2.15, not 10.20.30.',
      '40',
    ].join('\n');
    assert.strictEqual(explain(cut).host, '10.20.30.40');
    const whole =
      'Get https://api.example.org/v1/items/list/all/of/them/now: x509: certificate has expired or is not\nyet valid';
    assert.strictEqual(explain(whole).host, 'api.example.org');
  });

  it('an openssl transcript that finds certificate 0 self-signed (and expired) leads with self-signed', () => {
    const transcript = [
      'CONNECTED(00000003)',
      'depth=0 CN = box.local',
      'verify error:num=18:self signed certificate',
      'verify error:num=10:certificate has expired',
    ].join('\n');
    assert.strictEqual(lead(transcript), 'self-signed');
    assert.strictEqual(firstFix(transcript), 'openssl');
    assert.strictEqual(lead('depth=1 CN = Old Root\nverify error:num=10:certificate has expired'), 'expired');
  });
});

describe('explain: where such messages name their host', () => {
  it('"in connection to host:port" after libcurl\'s error detail', () => {
    const e = endpointOf(
      '[35] SSL connect error (OpenSSL SSL_connect: Connection reset by peer in connection to dl.example.org:443 )',
    );
    assert.deepStrictEqual([e.host, e.port], ['dl.example.org', 443]);
    assert.strictEqual(
      endpointOf('OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to git.example.com:8443').port,
      8443,
    );
  });

  it("PHP's stream transport before the host", () => {
    const e = endpointOf('stream_socket_client(): unable to connect to ssl://smtp.example.com:465 (Unknown error)');
    assert.deepStrictEqual([e.host, e.port], ['smtp.example.com', 465]);
  });

  it('openssl -connect with a service name or no port, and key=value log fields', () => {
    assert.strictEqual(
      endpointOf('$ openssl s_client -showcerts -connect gems.example.org:https\nCONNECTED').host,
      'gems.example.org',
    );
    assert.strictEqual(
      endpointOf('ERROR request failed host="store.example.net" error=InvalidCertificate(Expired)').host,
      'store.example.net',
    );
    // …but a URL names the request's endpoint where a field may name a proxy or a peer.
    assert.strictEqual(
      endpointOf(
        'level=error host=proxy.example.net msg="Get https://api.example.org/v1: x509: certificate has expired"',
      ).host,
      'api.example.org',
    );
  });

  it('a URL shortened inside its host names none; shortened after it, it still does', () => {
    assert.strictEqual(endpointOf("Requests::get('https://api.exa...', Array) cURL error 60").host, undefined);
    assert.strictEqual(
      endpointOf('failed for url <https://mirror.example.cn/...> certificate has expired').host,
      'mirror.example.cn',
    );
  });

  it("a browser's error page in another language: the first name that looks like a host, not a file in a frame", () => {
    assert.strictEqual(
      endpointOf('攻击者可能会试图从www.example.com窃取您的信息。 NET::ERR_CERT_DATE_INVALID').host,
      'www.example.com',
    );
    assert.strictEqual(
      endpointOf(
        'Unbefugte könnten versuchen, Ihre Daten von shop.example.de zu stehlen. NET::ERR_CERT_AUTHORITY_INVALID',
      ).host,
      'shop.example.de',
    );
    assert.strictEqual(
      endpointOf('Error: net::ERR_CERT_AUTHORITY_INVALID\n    at emit (events.js:315:20)').host,
      undefined,
    );
    assert.strictEqual(
      endpointOf('您的连接不是私密连接 攻击者可能会试图从shop.example.com.my窃取您的信息 NET::ERR_CERT_INVALID').host,
      'shop.example.com.my',
    );
  });
});

describe('explain: wordings the sealed batches 12 and 13 showed missing (after they were measured)', () => {
  it("Firefox's invalid-issuer code, in either case, is an invalid CA certificate", () => {
    assert.strictEqual(lead('Error code: SEC_ERROR_CA_CERT_INVALID'), 'invalid-ca');
    assert.strictEqual(lead('Issuer certificate invalid error (sec_error_ca_cert_invalid)'), 'invalid-ca');
    assert.strictEqual(id('Issuer certificate invalid error (sec_error_ca_cert_invalid)'), 'firefox');
  });

  it("SChannel's SEC_E_INVALID_TOKEN and hyper's reset while connecting are handshakes cut short", () => {
    const sch =
      'curl: (35) schannel: next InitializeSecurityContext failed: SEC_E_INVALID_TOKEN (0x80090308) - The token supplied to the function is invalid';
    assert.strictEqual(lead(sch), 'handshake-failure');
    const deno =
      'Uncaught TypeError: error sending request for url (https://files.example.org/a): error trying to connect: Connection reset by peer (os error 54)\n    at deno:core/core.js:86:46';
    assert.strictEqual(lead(deno), 'handshake-failure');
  });

  it("Android's Conscrypt stack frames are Java's", () => {
    const android =
      'SSL handshake aborted: ssl=0x5a1b2c3d: Failure in SSL library, usually a protocol error\n    at com.android.org.conscrypt.NativeCrypto.SSL_do_handshake(Native Method)';
    assert.strictEqual(id(android), 'java');
  });
});
