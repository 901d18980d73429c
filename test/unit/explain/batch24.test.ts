// Classes batches 24s/25s found missing (extune6), each on short examples written here: the Docker engine's registry
// client and Helm's chart downloads beside plain Go, conda's channels, Electron's build tree, Bouncy Castle's alerts,
// the JDK's bare validity failure, Chrome's contracted page text, Rust's and Bun's own error forms, and hosts in Go
// dial logs, Bundler's words and Chrome's page.
import * as assert from 'assert';
import { explain, identifyClient } from '../../../src/core/explain/index';

const id = (text: string) => identifyClient(text)?.id;
const lead = (text: string) => explain(text).causes[0]?.code;
const firstFix = (text: string) => explain(text).causes[0]?.fixes[0]?.client;

describe('explain: what batches 24s/25s taught (extune6)', () => {
  it("a registry's v2 API in Go's words is Docker's engine, unless another container tool named itself", () => {
    const ping = 'Get "https://reg.example.net:5000/v2/": x509: certificate signed by unknown authority';
    assert.strictEqual(id(ping), 'docker');
    assert.strictEqual(firstFix(ping), 'docker');
    assert.strictEqual(explain(ping).host, 'reg.example.net');
    assert.strictEqual(
      id('Head https://reg.example.net/v2/team/app/manifests/1.0: x509: certificate signed by unknown authority'),
      'docker',
    );
    assert.strictEqual(
      id('The push refers to repository [10.1.2.3:5000/app]\nGet "https://10.1.2.3:5000/v2/": EOF'),
      'docker',
    );
    assert.strictEqual(
      id('Jan 01 10:00:00 box dockerd[901]: level=error msg="Attempting next endpoint for pull after error: x"'),
      'docker',
    );
    // containerd's ctr and go-containerregistry reach /v2/ too, and read no daemon.json.
    assert.strictEqual(id('ctr: failed to do request: Head https://reg.example.net/v2/a/manifests/1: x509: x'), 'go');
    assert.strictEqual(
      id(
        'unable to push image to reg.example.net/a:1: Get https://reg.example.net/v2/: x509: certificate signed by unknown authority',
      ),
      'go',
    );
    // …and a path that is no v2 API call (a v1 search behind a doubled slash) stays Go's.
    assert.strictEqual(
      id('Get https://reg.example.net:5000/v2//v1/search: x509: certificate signed by unknown authority'),
      'go',
    );
  });

  it("Helm: its cobra Error: before a chart archive's Get, and its --debug log's own file name", () => {
    const fetch = 'Error: Get https://charts.example.org/app-1.2.3.tgz: x509: certificate signed by unknown authority';
    assert.strictEqual(id(fetch), 'helm');
    assert.strictEqual(firstFix(fetch), 'helm');
    assert.strictEqual(
      id(
        'helm.go:84: [debug] Get "https://reg.example.org/v2/a/b/tags/list": x509: certificate signed by unknown authority',
      ),
      'helm',
    );
    assert.strictEqual(
      id('Get https://files.example.org/app-1.2.3.tgz: x509: certificate signed by unknown authority'),
      'go',
    );
  });

  it("conda by an Anaconda channel's address alone; pip's own index stays pip's", () => {
    const text =
      'Error: Connection error: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:590): https://repo.anaconda.com/pkgs/main/linux-64/x-1.0-0.tar.bz2';
    assert.strictEqual(id(text), 'conda');
    assert.strictEqual(firstFix(text), 'conda');
    assert.strictEqual(
      id('Could not fetch URL https://pypi.org/simple/x/: There was a problem confirming the ssl certificate'),
      'pip',
    );
  });

  it("Electron's build tree in OpenSSL's file names and VS Code's desktop extension folder; Node's own build is Node's", () => {
    const electron =
      'write EPROTO 101057795:error:1408F10B:SSL routines:SSL3_GET_RECORD:wrong version number:d:\\buildagent\\workspace\\1\\vendor\\node\\deps\\openssl\\openssl\\ssl\\s3_pkt.c:365:';
    assert.strictEqual(id(electron), 'electron');
    assert.strictEqual(lead(electron), 'not-tls');
    assert.strictEqual(
      id(
        'Error: unable to verify the first certificate\n    at C:\\Users\\a\\.vscode\\extensions\\acme.tool-1.0.0\\dist\\extension.js:1:2',
      ),
      'electron',
    );
    assert.strictEqual(
      id(
        'write EPROTO 1:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:c:\\ws\\deps\\openssl\\openssl\\ssl\\record\\ssl3_record.c:252:',
      ),
      'node',
    );
  });

  it("Bouncy Castle: Java's client; a received bad_certificate or certificate_required alert asks for a client certificate", () => {
    const required = 'org.bouncycastle.tls.TlsFatalAlertReceived: certificate_required(116)';
    assert.strictEqual(id(required), 'java');
    assert.strictEqual(lead(required), 'client-cert-required');
    assert.strictEqual(lead('org.bouncycastle.tls.TlsFatalAlertReceived: bad_certificate(42)'), 'client-cert-required');
    // Raised locally (not Received), bad_certificate is Bouncy Castle refusing the server's certificate.
    assert.notStrictEqual(lead('org.bouncycastle.tls.TlsFatalAlert: bad_certificate(42)'), 'client-cert-required');
  });

  it("the JDK's bare 'validity check failed' reads as expired first, with not-yet-valid behind it", () => {
    const causes = explain('java.security.cert.CertPathValidatorException: validity check failed').causes.map(
      (c) => c.code,
    );
    assert.deepStrictEqual(causes.slice(0, 2), ['expired', 'not-yet-valid']);
  });

  it("Chrome's contracted page text names the client, the mismatch and the host", () => {
    const text =
      "This server couldn't prove that it's shop.example.org; its security certificate is from *.cdn.example.net. This may be caused by a misconfiguration.";
    assert.strictEqual(id(text), 'chrome');
    assert.strictEqual(lead(text), 'hostname-mismatch');
    assert.strictEqual(explain(text).host, 'shop.example.org');
  });

  it("Rust's io::Error Debug form and native-tls's handshake wording; Bun's fetch hint; libcurl's and OpenSSL's bare words", () => {
    assert.strictEqual(
      id('Error: Connect(Io(Custom { kind: Other, error: "the handshake failed: certificate verify failed" }))'),
      'rust',
    );
    const bun =
      'ERR_TLS_CERT_ALTNAME_INVALID fetching "x". For more information, pass `verbose: true` in the second argument to fetch()';
    assert.strictEqual(id(bun), 'bun');
    assert.strictEqual(id('SSL certificate problem: certificate has expired'), 'curl');
    assert.strictEqual(
      id("fatal: unable to access 'https://git.example.org/a.git/': SSL certificate problem: x"),
      'git',
    );
    assert.strictEqual(id('verify failed: X509_V_ERR_CERT_HAS_EXPIRED'), 'openssl');
  });

  it('hosts: the server a Go dial names last, a host before its port in prose, Bundler’s source', () => {
    assert.strictEqual(
      explain(
        'dial PROXY to www.example.org:443 error: dial proxy.example.net:443 `error: tls: first record does not look like a TLS handshake`',
      ).host,
      'proxy.example.net',
    );
    assert.strictEqual(
      explain('failed to dial to edge.example.xyz:443 > tls: first record does not look like a TLS handshake').host,
      'edge.example.xyz',
    );
    assert.strictEqual(
      explain('proxy requests on db.example.com:443\nError: DEPTH_ZERO_SELF_SIGNED_CERT').host,
      'db.example.com',
    );
    assert.strictEqual(
      explain(
        'Bundler::Fetcher::CertificateFailureError Could not verify the SSL certificate for http://gems.example.org/.',
      ).host,
      'gems.example.org',
    );
  });

  it("verdicts that refine a verification failure lead: Go's refused signature algorithm, OpenSSL's signature failure", () => {
    assert.strictEqual(
      lead(
        'Get https://reg.example.net/v2/: x509: certificate signed by unknown authority (possibly because of "x509: cannot verify signature: algorithm unimplemented" while trying to verify candidate authority certificate "Old CA")',
      ),
      'weak-signature',
    );
    assert.strictEqual(
      lead('[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate signature failure (_ssl.c:1006)'),
      'wrong-intermediate',
    );
  });

  it('a closed handshake stays one when a verdict follows on the same line only; .NET cut mid-word still reads closed', () => {
    const ruby =
      'OpenSSL::SSL::SSLError (SSL_connect SYSCALL returned=5 errno=0 state=SSLv3 read server certificate B: certificate verify failed):';
    assert.strictEqual(lead(ruby), 'untrusted-root');
    assert.strictEqual(firstFix(ruby), 'ruby');
    assert.strictEqual(
      lead('OpenSSL::SSL::SSLError: SSL_connect SYSCALL returned=5 errno=0 state=SSLv2/v3 read server hello A'),
      'handshake-failure',
    );
    assert.strictEqual(
      lead(
        'error : The SSL connection could not be established, see inner exception.\nerror : Authentication failed because the remote party has closed the tr',
      ),
      'handshake-failure',
    );
  });

  it("urllib3 by its logger's name and its pool's repr; PyPI's JSON API under requests' own exception line is the app's", () => {
    assert.strictEqual(
      id(
        '2018-09-30 08:18:15,005 - urllib3.connection - ERROR - Certificate did not match expected hostname: 10.0.0.6.',
      ),
      'python-urllib3',
    );
    assert.strictEqual(
      id(
        "_pool = <urllib3.connectionpool.HTTPSConnectionPool object at 0x7f>\nerror = SSLError(SSLEOFError(8, '[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:1006)'))",
      ),
      'python-urllib3',
    );
    const app =
      "requests.exceptions.SSLError: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: /pypi/some-tool/json (Caused by SSLError(SSLError(1, '[SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:646)'),))";
    assert.strictEqual(id(app), 'python-requests');
    assert.strictEqual(
      id(
        "  HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: /pypi/some-tool/json (Caused by SSLError(x))",
      ),
      'poetry',
    );
  });
});
