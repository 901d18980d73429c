// The general patterns the held-out messages showed missing, each on a message of its own (not the held-out line):
// who printed it, what the wording says, where the endpoint is, and what a short message leaves open.
import * as assert from 'assert';
import { endpointOf, explain, identifyClient } from '../../../src/core/explain/index';
import type { ExplainClientId } from '../../../src/core/explain/index';
import { CLIENT_FIXES } from '../../../src/core/explain/fixes';
import { matchCodes, matchWordings } from '../../../src/core/tls/wordings';

const lead = (text: string) => explain(text).causes[0]?.code;
const id = (text: string) => identifyClient(text)?.id;

describe('explain: client signatures', () => {
  it("a package's install script is plain Node: its error is Node's, not the package manager's", () => {
    const script = [
      'node_modules/.pnpm/esbuild@0.19.0/node_modules/esbuild: Running postinstall script, failed in 80ms',
      '.../node_modules/esbuild postinstall$ node install.js',
      '│ Error: unable to get local issuer certificate',
      '│     at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34)',
    ].join('\n');
    assert.strictEqual(id(script), 'node');
    assert.strictEqual(explain(script).causes[0].fixes[0].client, 'node');
    // pnpm's own fetch stays pnpm's.
    assert.strictEqual(id(' WARN  GET https://registry.npmjs.org/a error (SELF_SIGNED_CERT_IN_CHAIN).'), 'pnpm');
  });

  it("npm's debug log, Gradle's and Maven's build output, gcloud's diagnostics", () => {
    assert.strictEqual(id('70 error npm  v6.14.4\n71 error code UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), 'npm');
    assert.strictEqual(
      id(
        "* What went wrong:\nExecution failed for task ':bootRun'.\n> javax.net.ssl.SSLHandshakeException: PKIX path building failed",
      ),
      'gradle',
    );
    assert.strictEqual(
      id(
        'Caused by: sun.security.validator.ValidatorException: PKIX path building failed\n    at org.codehaus.plexus.classworlds.launcher.Launcher.main (Launcher.java:356)',
      ),
      'maven',
    );
    assert.strictEqual(
      id('ERROR: Reachability Check failed.\n    httplib2 cannot reach https://oauth2.googleapis.com/token:'),
      'gcloud',
    );
  });

  it('Deno wraps reqwest errors in a TypeError; Rust prints Debug forms and "(os error N)"', () => {
    assert.strictEqual(
      id(
        'TypeError: error sending request for url (https://a.corp/): client error (Connect): invalid peer certificate: UnknownIssuer',
      ),
      'deno',
    );
    assert.strictEqual(id('Error: client error (Connect): invalid peer certificate: UnknownIssuer'), 'rust');
    assert.strictEqual(id('Err(Custom { kind: InvalidData, error: InvalidCertificate(Expired) })'), 'rust');
    assert.strictEqual(
      id(
        'Connect error: A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider. (os error -2146762487)',
      ),
      'rust',
    );
  });

  it("Ruby's Gem::RemoteFetcher::FetchError is not node-fetch's FetchError", () => {
    assert.strictEqual(
      id('Gem::RemoteFetcher::FetchError: SSL_connect returned=1 errno=0 state=error: certificate verify failed'),
      'ruby',
    );
    assert.strictEqual(id('FetchError: request to https://a.corp/ failed, reason: self-signed certificate'), 'node');
  });

  it('NuGet restores are .NET; kubectl wins over "docker" in a cluster name; pod events are the node\'s', () => {
    assert.strictEqual(
      id('error NU1301: Unable to load the service index for source https://nuget.corp/v3/index.json.'),
      'dotnet',
    );
    assert.strictEqual(
      id('Unable to connect to the server: x509: certificate is valid for docker-desktop, kubernetes, not 127.0.0.1'),
      'kubectl',
    );
    assert.strictEqual(
      id('Error response from daemon: Get "https://r.corp/v2/": x509: certificate signed by unknown authority'),
      'docker',
    );
    assert.strictEqual(
      id(
        'Warning  FailedCreatePodSandBox  kubelet  networkPlugin cni failed to set up pod: Get "https://10.96.0.1:443/api": x509: certificate signed by unknown authority',
      ),
      'go',
    );
  });
});

describe('explain: wordings the held-out set taught', () => {
  it('reads .NET chain statuses, CryptoAPI texts and SChannel parse failures', () => {
    const cases: [string, string][] = [
      ['The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot', 'untrusted-root'],
      ['The remote certificate is invalid because of errors in the certificate chain: NotTimeValid', 'expired'],
      [
        'The remote certificate is invalid because of errors in the certificate chain: OfflineRevocation',
        'revocation-check-failed',
      ],
      ['A certificate chain could not be built to a trusted root authority.', 'untrusted-root'],
      [
        'A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider.',
        'untrusted-root',
      ],
      ['The message received was unexpected or badly formatted. (os error -2146893018)', 'handshake-failure'],
    ];
    for (const [t, code] of cases) assert.strictEqual(lead(t), code, t);
  });

  it('rustls Debug forms, Java "peer not authenticated", strict X.509 checks, libcurl\'s old CA text, Ruby\'s SYSCALL', () => {
    const cases: [string, string][] = [
      ['InvalidCertificate(UnknownIssuer)', 'untrusted-root'],
      ['InvalidCertificate(NotValidForName)', 'hostname-mismatch'],
      ["> Could not HEAD 'https://repo.corp/a.pom'.\n   > peer not authenticated", 'untrusted-root'],
      [
        '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Basic Constraints of CA cert not marked critical (_ssl.c:1028)',
        'invalid-ca',
      ],
      ['curl: (60) Peer certificate cannot be authenticated with given CA certificates', 'untrusted-root'],
      ['OpenSSL::SSL::SSLError: SSL_connect SYSCALL returned=5 errno=0 state=unknown state', 'handshake-failure'],
    ];
    for (const [t, code] of cases) assert.strictEqual(lead(t), code, t);
  });

  it('advice a client prints under every error names no cause; "Gemfile" is no file-descriptor limit', () => {
    const az =
      "HTTPSConnectionPool(host='management.azure.com', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)')))\nCertificate verification failed. This typically happens when using Azure CLI behind a proxy that intercepts traffic with a self-signed certificate. Please add this certificate to the trusted CA bundle.";
    assert.strictEqual(lead(az), 'not-tls');
    assert.strictEqual(id(az), 'az');
    const bundler =
      "Bundler::Fetcher::CertificateFailureError: Could not verify the SSL certificate for https://gems.corp/.\nThere is a chance you are experiencing a man-in-the-middle attack, but most likely your system doesn't have the CA certificates needed for verification. To connect without using SSL, edit your Gemfile sources.";
    assert.strictEqual(lead(bundler), 'untrusted-root'); // states no reason: the usual one leads
    assert.ok(!explain(bundler).causes.some((c) => c.code === 'local-resource-limit'));
    assert.strictEqual(lead('Error: EMFILE: too many open files, open'), 'local-resource-limit');
  });
});

describe('explain: short messages leave possibilities, never contradictions', () => {
  it('bare "certificate verify failed": the usual reason leads, worded as likely, never as certain; the rest are possibilities with their check', () => {
    const x = explain('certificate verify failed');
    // The order the tally of such messages' threads gives (notes/explain20/bare-tally.md).
    assert.deepStrictEqual(
      x.causes.map((c) => c.code),
      ['untrusted-root', 'self-signed', 'incomplete-chain', 'expired'],
    );
    assert.strictEqual(x.causes[0].likelihood, 'likely');
    // It says the message gives no reason, then words the guess as a possibility ("If …") with its check.
    assert.match(
      x.causes[0].message,
      /^The message says only that the certificate was rejected, not why: .*, not one it read\. If .* Check: /s,
    );
    for (const c of x.causes.slice(1)) {
      assert.strictEqual(c.likelihood, 'possible', c.code);
      assert.match(c.message, /^If .* Check: /s, c.code);
    }
    // The leading sentence is said once, not repeated by the wording table.
    const first = x.causes[0].message;
    assert.strictEqual(first.split('not one it read').length, 2, first);
  });

  it('a bare verify failure: the client refreshes its roots first, then trusts the missing CA; the probe still reads only "failed"', () => {
    const pip =
      'Could not fetch URL https://pypi.org/simple/x/: There was a problem confirming the ssl certificate: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:726) - skipping';
    const x = explain(pip);
    assert.strictEqual(x.client?.id, 'pip');
    const mine = x.causes[0].fixes.filter((f) => f.client === 'pip');
    assert.ok(mine.length >= 2, JSON.stringify(mine));
    assert.strictEqual(x.causes[0].fixes[0].snippet, 'python -m pip install --upgrade pip');
    assert.strictEqual(mine[1].text, CLIENT_FIXES.pip.trust?.text);
    // A stated reason is no guess: its own lever alone, as before.
    const stated = explain(
      pip.replace('certificate verify failed', 'certificate verify failed: unable to get local issuer certificate'),
    );
    assert.strictEqual(stated.causes[0].code, 'untrusted-root');
    assert.notStrictEqual(stated.causes[0].fixes[0].snippet, 'python -m pip install --upgrade pip');
    assert.deepStrictEqual(matchCodes('certificate verify failed'), ['verification-failed']);
    assert.strictEqual(matchWordings('certificate verify failed').hidden, true);
  });

  it('.NET\'s bare "remote certificate is invalid": an untrusted root leads, but PowerShell\'s usual reason is a self-signed appliance', () => {
    const dotnet =
      'System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.\n ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.';
    assert.strictEqual(explain(dotnet).client?.id, 'dotnet');
    assert.strictEqual(lead(dotnet), 'untrusted-root');
    const ps =
      'Invoke-WebRequest : The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel.\nAt line:1 char:1\n+ Invoke-WebRequest https://10.0.0.5/api\n    + CategoryInfo          : InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-WebRequest], WebException';
    assert.strictEqual(explain(ps).client?.id, 'powershell');
    assert.strictEqual(lead(ps), 'self-signed');
    assert.strictEqual(explain(ps).causes[0].likelihood, 'likely');
    assert.ok(
      explain(ps)
        .causes.slice(1)
        .some((c) => c.code === 'untrusted-root'),
    );
  });

  it('"curl: (60)": the OS-store reading is dropped for a client that reads the OS store', () => {
    for (const t of [
      'curl: (60) SSL certificate problem: unable to get local issuer certificate',
      'curl: (60) SSL certificate problem: self-signed certificate in certificate chain',
    ]) {
      const x = explain(t);
      assert.strictEqual(x.client?.id, 'curl');
      assert.ok(!x.causes.some((c) => c.code === 'trusted-by-os-not-by-client'), t);
      assert.ok(
        x.causes.every((c, i) => (i === 0 ? c.likelihood === 'likely' : c.likelihood === 'possible')),
        t,
      );
      assert.strictEqual(x.causes[0].fixes[0].client, 'curl', t);
    }
  });

  it('Chromium fetches a missing intermediate itself: no "omitted intermediate" possibility beside its reading', () => {
    for (const t of [
      'NET::ERR_CERT_AUTHORITY_INVALID',
      'Error: net::ERR_CERT_AUTHORITY_INVALID\n    at SimpleURLLoaderWrapper.<anonymous> (electron/js2c/browser_init.js:105:7068)',
    ]) {
      const x = explain(t);
      assert.strictEqual(x.causes[0].code, 'untrusted-root', t);
      assert.ok(!x.causes.some((c) => c.code === 'incomplete-chain'), t);
    }
    // Node does not fetch it: the possibility stays.
    assert.ok(
      explain('Error: unable to get local issuer certificate').causes.some((c) => c.code === 'incomplete-chain'),
    );
  });
});

describe('explain: endpoints the held-out set taught', () => {
  it('Go names the host it checked; reqwest prints its URL in Debug form; kubectl takes --server', () => {
    assert.strictEqual(
      endpointOf('x509: certificate is valid for kubernetes, kubernetes.default, not api.k8s.corp').host,
      'api.k8s.corp',
    );
    assert.strictEqual(
      endpointOf(
        "Get https://[10.1.0.1]:443/api: x509: cannot validate certificate for 10.1.0.1 because it doesn't contain any IP SANs",
      ).host,
      '10.1.0.1',
    );
    assert.deepStrictEqual(
      endpointOf(
        'reqwest::Error { kind: Request, url: Url { scheme: "https", cannot_be_a_base: false, host: Some(Domain("api.corp")), port: Some(8443), path: "/" } }',
      ),
      { host: 'api.corp', port: 8443, url: 'https://api.corp:8443/' },
    );
    assert.strictEqual(endpointOf('kubectl --server=https://k8s.corp:6443 get pods').host, 'k8s.corp');
  });

  it('curl -v names the host it connected to only when no URL names the endpoint (a proxy would be named)', () => {
    assert.strictEqual(
      endpointOf('* Connected to git.corp (10.0.0.9) port 443\ncurl: (60) SSL certificate problem').host,
      'git.corp',
    );
    assert.strictEqual(
      endpointOf('* Connected to 127.0.0.1 (127.0.0.1) port 3128\n* CONNECT tunnel: https://www.example.org/').host,
      'www.example.org',
    );
    // Redacted addresses are no endpoint to check.
    assert.strictEqual(
      endpointOf("x509: cannot validate certificate for X.X.X.X because it doesn't contain any IP SANs").host,
      undefined,
    );
  });
});

describe('explain: what the second held-out batch taught', () => {
  it('CryptoAPI chain flags, an EOF after the handshake began, Firefox\'s page text; git\'s "HTTP request failed" is no plain-HTTP reply', () => {
    assert.strictEqual(
      lead('schannel: CertGetCertificateChain trust error CERT_TRUST_IS_UNTRUSTED_ROOT'),
      'untrusted-root',
    );
    assert.strictEqual(lead('schannel: CertGetCertificateChain trust error CERT_TRUST_IS_NOT_TIME_VALID'), 'expired');
    assert.strictEqual(
      lead(
        'SSL validation failed for https://sts.amazonaws.com/ TLS/SSL connection has been closed (EOF) (_ssl.c:1006)',
      ),
      'handshake-failure',
    );
    const ff =
      'Firefox does not trust wiki.corp.example because its certificate issuer is unknown, the certificate is self-signed, or the server is not sending the correct intermediate certificates.';
    assert.deepStrictEqual([lead(ff), id(ff), endpointOf(ff).host], ['untrusted-root', 'firefox', 'wiki.corp.example']);
    const git =
      'error: server certificate verification failed. CAfile: none CRLfile: none while accessing https://git.corp/r.git/info/refs\nfatal: HTTP request failed';
    assert.notStrictEqual(lead(git), 'not-tls');
    assert.strictEqual(lead('error:1408F09C:SSL routines:ssl3_get_record:http request'), 'not-tls');
  });

  it("npm's lifecycle command is Node's; Go's \"https fetch failed\" is Go's; PHP spells it cURL", () => {
    const npmScript =
      'npm ERR! command failed\nnpm ERR! command sh -c node install.js\nnpm ERR! Error: unable to get local issuer certificate\nnpm ERR!     at TLSSocket.onConnectSecure (node:_tls_wrap:1550:34)';
    assert.strictEqual(id(npmScript), 'node');
    assert.strictEqual(
      id('npm ERR! code UNABLE_TO_GET_ISSUER_CERT_LOCALLY\nnpm ERR! errno UNABLE_TO_GET_ISSUER_CERT_LOCALLY'),
      'npm',
    );
    assert.strictEqual(
      id('https fetch failed: Get https://go.corp/m?go-get=1: x509: certificate signed by unknown authority'),
      'go',
    );
    assert.strictEqual(id('TypeError: fetch failed\n  [cause]: Error: self-signed certificate'), 'node');
    assert.strictEqual(
      id('cURL request failed with error [60]: SSL certificate problem: unable to get local issuer certificate'),
      'php',
    );
  });

  it('endpoints: Cargo names the download after the registry it updated; Firefox names localhost with its port', () => {
    const cargo =
      '    Updating registry `https://github.com/rust-lang/crates.io-index`\nerror: failed to download from `https://static.crates.io/crates/a/a-1.0.crate`';
    assert.strictEqual(endpointOf(cargo).host, 'static.crates.io');
    assert.deepStrictEqual(endpointOf('localhost:9443 uses an invalid security certificate.'), {
      host: 'localhost',
      port: 9443,
      url: 'https://localhost:9443/',
    });
  });
});

describe('explain: what the third held-out batch taught', () => {
  it('.NET "PartialChain" reads as OpenSSL\'s "unable to get local issuer certificate": the CA first, then the intermediate', () => {
    const x = explain(
      'AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: PartialChain',
    );
    assert.deepStrictEqual(
      x.causes.slice(0, 2).map((c) => c.code),
      ['untrusted-root', 'incomplete-chain'],
    );
    assert.strictEqual(x.causes[0].fixes[0].client, 'dotnet');
  });

  it("libcurl's and pip's messages name the host; redacted hosts are none; conda-build is conda", () => {
    assert.strictEqual(
      endpointOf("curl: (60) SSL: no alternative certificate subject name matches target host name 'api.corp.example'")
        .host,
      'api.corp.example',
    );
    assert.strictEqual(
      endpointOf(
        'Could not fetch URL http://pypi.corp.example/simple/x/: There was a problem confirming the ssl certificate',
      ).host,
      'pypi.corp.example',
    );
    assert.strictEqual(
      endpointOf(
        "IOException: IDX20804: Unable to retrieve document from: 'https://redacted/adfs/.well-known/openid-configuration'.",
      ).host,
      undefined,
    );
    assert.strictEqual(
      id('conda build recipe\nError: Connection error: [Errno 1] _ssl.c:510: certificate verify failed'),
      'conda',
    );
  });
});

describe("explain: the levers issue 12 names, each in its client's own fix", () => {
  it('every one is in the fix table, runnable as written', () => {
    const levers: [ExplainClientId, RegExp][] = [
      ['docker', /\/etc\/docker\/certs\.d\//],
      ['kubectl', /--certificate-authority=/],
      ['helm', /--ca-file/],
      ['go', /SSL_CERT_FILE=/],
      ['dotnet', /update-ca-certificates/],
      ['php', /curl\.cainfo[\s\S]*openssl\.cafile/],
      ['composer', /composer config --global cafile/],
      ['ruby', /SSL_CERT_FILE=/],
      ['rust', /rustls-tls-native-roots/],
      ['chrome', /certutil/],
      ['firefox', /security\.enterprise_roots\.enabled/],
      ['openssl', /-CAfile/],
      ['aws', /AWS_CA_BUNDLE=/],
      ['gcloud', /core\/custom_ca_certs_file/],
      ['conda', /ssl_verify/],
      ['poetry', /certificates\.<source>\.cert/],
      ['uv', /SSL_CERT_FILE=|UV_SYSTEM_CERTS/],
    ];
    for (const [client, lever] of levers) assert.match(CLIENT_FIXES[client].trust.snippet ?? '', lever, client);
    // Docker builds have their own store: a second step for the image.
    assert.ok(CLIENT_FIXES.docker.more?.some((m) => /update-ca-certificates/.test(m.snippet ?? '')));
  });
});

describe('explain: what the fourth held-out batch taught', () => {
  it('Node CLIs: node-fetch\'s "request to … failed, reason:", an upper-case ERROR:, npm 6\'s install-script banner', () => {
    assert.strictEqual(
      id('HttpError: request to https://api.corp.example/x failed, reason: unable to get local issuer certificate'),
      'node',
    );
    assert.strictEqual(id('ERROR:  unable to get local issuer certificate'), 'node');
    const banner =
      '> tool@1.2.3 postinstall /work/node_modules/tool\n> node install.js\n\nDownload failed: https://dl.corp.example/tool.zip\nError: self-signed certificate in certificate chain';
    assert.strictEqual(id(banner), 'node');
    assert.strictEqual(explain(banner).causes[0].fixes[0].client, 'node');
  });

  it('a URL offered as reading ("Read more: …") is not the endpoint', () => {
    const t =
      'If so, configure HTTP_PROXY. Read more: https://docs.tool.example/proxy\n\nURL: https://dl.tool.example/file.zip\nError: unable to get local issuer certificate';
    assert.strictEqual(endpointOf(t).host, 'dl.tool.example');
  });
});

describe('explain: what the fifth held-out batch taught', () => {
  it("Node's altname texts (old and new) and Python 2's CertificateError name the client, the cause and the host", () => {
    const old =
      "Error: Hostname/IP doesn't match certificate's altnames\n    at SecurePair.<anonymous> (tls.js:1376:23)";
    assert.deepStrictEqual([id(old), lead(old)], ['node', 'hostname-mismatch']);
    assert.strictEqual(
      endpointOf(
        "ERROR: Hostname/IP does not match certificate's altnames: Host: api.corp.example. is not in the cert's altnames: DNS:www.corp.example",
      ).host,
      'api.corp.example',
    );
    assert.strictEqual(
      endpointOf("Hostname/IP does not match certificate's altnames: IP: 10.9.8.7 is not in the cert's list: ").host,
      '10.9.8.7',
    );
    const py2 =
      "Starting new HTTPS connection (1): 10.1.1.1\nConnection Error? hostname '10.1.1.1' doesn't match u'api.corp.example'";
    assert.deepStrictEqual(
      [id(py2), lead(py2), endpointOf(py2).host],
      ['python-requests', 'hostname-mismatch', '10.1.1.1'],
    );
  });

  it("Helm's 'Kubernetes cluster unreachable' is Helm's, whatever the cluster is called; a manifest URL after -f is no endpoint", () => {
    assert.strictEqual(
      id(
        'Error: INSTALLATION FAILED: Kubernetes cluster unreachable: Get "https://kubernetes.docker.internal:6443/version": x509: certificate signed by unknown authority',
      ),
      'helm',
    );
    assert.strictEqual(CLIENT_FIXES.helm.trust.snippet?.includes('--ca-file'), true);
    assert.strictEqual(
      endpointOf(
        'kubectl apply -f https://raw.example.org/manifest.yml\nUnable to connect to the server: x509: certificate signed by unknown authority',
      ).host,
      undefined,
    );
  });
});

describe('explain: what the seventh held-out batch taught', () => {
  it("Bun's banner and tarball downloads, azure-cli's issue template, PowerShell's listing of a WebException", () => {
    assert.strictEqual(id('Bun v1.2.0 (macOS arm64)\nerror: unable to verify the first certificate'), 'bun');
    assert.strictEqual(id('error: UNABLE_TO_GET_ISSUER_CERT_LOCALLY downloading tarball left-pad@1.3.0'), 'bun');
    assert.strictEqual(
      id(
        "**Command Name**\n`az storage blob list`\n\n**Errors:**\nHTTPSConnectionPool(host='acct.blob.core.windows.net', port=443): Max retries exceeded",
      ),
      'az',
    );
    assert.strictEqual(
      id(
        'Message        : The underlying connection was closed.\nInnerException : System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.',
      ),
      'powershell',
    );
  });

  it("curl's status line is curl's whatever it fetched; RubyGems, rustup and Firefox's copied error page name their client", () => {
    assert.strictEqual(
      id(
        'curl: (60) SSL certificate problem: unable to get local issuer certificate (fetching https://getcomposer.org/installer)',
      ),
      'curl',
    );
    assert.strictEqual(
      id(
        "ERROR:  Could not find a valid gem 'rake' (>= 0), here is why:\n  Unable to download data from https://rubygems.org/ - SSL_connect SYSCALL returned=5 errno=0 state=unknown state",
      ),
      'ruby',
    );
    assert.strictEqual(
      id(
        "error: could not download file from 'https://static.rust-lang.org/dist/x.toml'\ninfo: caused by: certificate verify failed",
      ),
      'rust',
    );
    const page =
      'https://portal.example.org/\n\nPeer’s Certificate issuer is not recognized.\n\nHTTP Strict Transport Security: false\nHTTP Public Key Pinning: false';
    assert.deepStrictEqual(
      [id(page), lead(page), endpointOf(page).host],
      ['firefox', 'untrusted-root', 'portal.example.org'],
    );
    assert.strictEqual(
      endpointOf('Firefox 不信任 intranet.example.cn，因其证书颁发者未知。\n错误代码：SEC_ERROR_UNKNOWN_ISSUER').host,
      'intranet.example.cn',
    );
  });
});

describe('explain: what the eighth held-out batch taught', () => {
  it("uv's rustls chain, kubectl's discovery log, Terraform's providers quoting Helm, Chromium's ERR_CERT_INVALID", () => {
    assert.strictEqual(
      id(
        'error: Failed to fetch: `https://pypi.corp.example/simple/x/`\n  Caused by: invalid peer certificate: UnknownIssuer',
      ),
      'uv',
    );
    assert.strictEqual(
      id(
        'E0301 09:00:00.000000    1 memcache.go:265] couldn\'t get current server API group list: Get "https://k8s.corp.example:6443/api?timeout=32s": x509: certificate signed by unknown authority',
      ),
      'kubectl',
    );
    assert.strictEqual(
      id(
        '2024/01/01 00:00:00 [ERROR] eval: *terraform.EvalApplyPost, err: looks like "https://charts.corp.example" is not a valid chart repository or cannot be reached: x509: certificate signed by unknown authority',
      ),
      'terraform',
    );
    assert.strictEqual(
      lead('Error: net::ERR_CERT_INVALID\n    at SimpleURLLoaderWrapper.<anonymous>'),
      'untrusted-root', // ERR_CERT_INVALID states no reason: the usual one for a bare verify failure leads
    );
  });

  it('Go\'s "Get A: Get B: x509: …" names B, the request whose handshake failed', () => {
    assert.strictEqual(
      endpointOf(
        'Error response from daemon: Get "https://registry.corp.example/v2/": Get "https://auth.corp.example/token?scope=x": x509: certificate signed by unknown authority',
      ).host,
      'auth.corp.example',
    );
  });
});
