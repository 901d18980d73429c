// Classes round 7 of the tuning found (extune7), each on short examples written here, one table per class: hosts the
// reporter masked with x's; R's curl package, whose errors are libcurl's own words; the endpoint in logs that name
// several (wget's redirects, RubyGems' fetches, CI step links) or name it their own way (Node's error object, the
// JDK's socket, Fiddler, BusyBox); wget and .NET in other locales.
import * as assert from 'assert';
import { endpointOf, explain } from '../../../src/core/explain/index';

/** A test's name: the start of its text, on one line. */
const title = (text: string, n = 60) => text.slice(0, n).replace(/\s+/g, ' ');

describe('explain: what tuning round 7 taught (extune7)', () => {
  // [text, host]: a label of x's hides the host; one x, or x's inside a label, is a real name.
  const masked: readonly [string, string | undefined][] = [
    ['Get https://xxxxx.com/v1/users/: x509: certificate signed by unknown authority', undefined],
    ['Head https://xxx/v2/app/manifests/1: x509: certificate signed by unknown authority', undefined],
    ['error sending request for url (https://xx.xx.com/api): error trying to connect: x', undefined],
    ["curl: (60) SSL: no alternative certificate subject name matches target host name 'tmp.xxxxxx.ai'", undefined],
    ['Get https://x.com/api: x509: certificate signed by unknown authority', 'x.com'],
    ['Get https://boxxer.example.org/api: x509: certificate signed by unknown authority', 'boxxer.example.org'],
  ];
  for (const [text, host] of masked) {
    it(`masked host: ${title(text)}`, () => assert.strictEqual(endpointOf(text).host, host));
  }

  // [text, client, host]: R's curl call (or rlang's chain around it) before libcurl's words, and libcurl's SChannel
  // backend wording alone, are curl's; Windows' own SChannel codes without them stay the OS's.
  const rCurl: readonly [string, string | undefined, string | null][] = [
    [
      'Error in curl::curl_fetch_memory(url, handle = handle) :\n  schannel: next InitializeSecurityContext failed: SEC_E_UNTRUSTED_ROOT (0x80090325)',
      'curl',
      null,
    ],
    [
      'Caused by error in `curl::curl_fetch_memory()`:\n! SSL connect error [api.example.org]: TLS connect error: x',
      'curl',
      'api.example.org',
    ],
    ['Schannel: CertGetCertificateChain trust error CERT_TRUST_IS_UNTRUSTED_ROOT', 'curl', null],
    [
      'SEC_E_UNTRUSTED_ROOT (0x80090325) - The certificate chain was issued by an authority that is not trusted.',
      'schannel',
      null,
    ],
  ];
  for (const [text, client, host] of rCurl) {
    it(`R's curl: ${title(text)}`, () => {
      const x = explain(text);
      assert.strictEqual(x.client?.id, client);
      assert.strictEqual(x.host, host);
    });
  }

  // [text, host]: which of the names in a log is the endpoint that failed.
  const endpoints: readonly [string, string | undefined][] = [
    [
      '--2021-06-26 02:48:13--  https://a.example.org/x.tgz\nLocation: https://b.example.org/x.tgz [following]\n--2021-06-26 02:48:14--  https://b.example.org/x.tgz\nUnable to establish SSL connection.',
      'b.example.org',
    ],
    [
      "--11:28:30--  https://old.example.org/f.zip\n           => `f.zip'\nUnable to establish SSL connection.",
      'old.example.org',
    ],
    [
      'HTTP GET https://api.example.org/deps\nHTTP 200 OK\nGem::RemoteFetcher::FetchError: SSL_connect returned=1 errno=0 state=error: certificate verify failed (https://cdn.example.org/gems/a-1.gem)',
      'cdn.example.org',
    ],
    [
      "Error: Client network socket disconnected before secure TLS connection was established {\n  code: 'ECONNRESET',\n  host: 'mq.example.net',\n  port: 8883\n}",
      'mq.example.net',
    ],
    [
      '(write)client(SSLSocket[hostname=db.example.org, port=5433, Session(1|SSL_NULL_WITH_NULL_NULL)]): x',
      'db.example.org',
    ],
    ['fiddler.network.https> HTTPS handshake to 10.2.3.4 (for #7) failed. System.IO.IOException x', '10.2.3.4'],
    [
      'Connecting to a.example.org (10.0.0.1:80)\nConnecting to b.example.org (10.0.0.2:443)\nwget: TLS error from peer (alert code 40): handshake failure',
      'b.example.org',
    ],
    // A CI page's own links to its log lines are not the endpoint.
    [
      '[2/4](https://github.com/o/r/actions/runs/1/job/2#step:6:5)] Fetching packages...\nerror Error: certificate has expired',
      undefined,
    ],
  ];
  for (const [text, host] of endpoints) {
    it(`endpoint: ${title(text)}`, () => assert.strictEqual(endpointOf(text).host, host));
  }

  // [text, client, cause]: a program's own lines name it in any locale.
  const locales: readonly [string, string, string][] = [
    [
      '--11:28:30--  https://d.example.org/a.zip\nConnecting to d.example.org|10.0.0.1|:443... 已连接。\nOpenSSL: error:14077410:SSL routines:SSL23_GET_SERVER_HELLO:sslv3 alert handshake failure',
      'wget',
      'handshake-failure',
    ],
    [
      'System.Net.WebException: 基础连接已经关闭: 发送时发生错误。 ---> System.IO.IOException: 由于远程方已关闭传输流，身份验证失败。',
      'dotnet',
      'handshake-failure',
    ],
    [
      'fiddler.network.https> HTTPS handshake to h.example.org (for #2) failed. System.IO.IOException 由于远程方已关闭传输流，身份验证失败。',
      'dotnet',
      'handshake-failure',
    ],
  ];
  for (const [text, client, cause] of locales) {
    it(`locale: ${client} · ${title(text, 50)}`, () => {
      const x = explain(text);
      assert.strictEqual(x.client?.id, client);
      assert.strictEqual(x.causes[0]?.code, cause);
    });
  }

  // [text, cause]: Symfony Console's block cuts words at its width (Composer's red box); old libcurl's wording.
  const boxed: readonly [string, string | undefined][] = [
    [
      'curl error 60 while downloading https://p.example.org/a.json: P  \n  eer certificate cannot be authenticated with known CA certificates',
      'untrusted-root',
    ],
    [
      'The "https://p.example.org/a.json" file could not be downloaded: SSL certificate problem: unable to get local iss  \n  uer certificate',
      'untrusted-root',
    ],
    ['curl: (60) Peer certificate cannot be authenticated with known CA certificates', 'untrusted-root'],
  ];
  for (const [text, cause] of boxed) {
    it(`block: ${title(text)}`, () => assert.strictEqual(explain(text).causes[0]?.code, cause));
  }

  // [text, client, cause, host]: the classes of the fresh tune27 set, on messages written here.
  const tune27: readonly [string, string | undefined, string | undefined, string | null][] = [
    // VS Code's window log relays the (Electron) extension host; a remote one is plain Node.
    [
      '[Extension Host] Failed at stage: download - RequestError: unable to get local issuer certificate',
      'electron',
      'untrusted-root',
      null,
    ],
    [
      '[Remote Extension Host] Failed: RequestError: unable to get local issuer certificate',
      undefined,
      'untrusted-root',
      null,
    ],
    // Node's inspect of an error whose class (minified) is not its name.
    ['Qx [Error]: unable to verify the first certificate', 'node', 'incomplete-chain', null],
    // Guzzle's tail with the space after "error" or the closing parenthesis lost.
    [
      'cURL error35: error:1414D172:SSL routines:tls12_check_peer_sigalg:wrong signature type (see https://curl.haxx.se/libcurl/c/libcurl-errors.html',
      'guzzle',
      'handshake-failure',
      null,
    ],
    // BusyBox's ssl_client and its TLS code.
    [
      'Connecting to h.example.org (10.0.0.1:443)\nssl_client: h.example.org: TLS connect failed\nwget: error getting response: Connection reset by peer',
      'wget',
      'handshake-failure',
      'h.example.org',
    ],
    // requests wraps urllib3's MaxRetryError in its own SSLError; urllib3 alone never does.
    [
      'SSLError(MaxRetryError("HTTPSConnectionPool(host=\'h.example.org\', port=443): Max retries exceeded with url: / (Caused by SSLError(SSLError(1, \'[SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:1007)\')))"))\n  File "urllib3/connectionpool.py", line 468, in _make_request',
      'python-requests',
      'handshake-failure',
      'h.example.org',
    ],
    // conda's HTTP 000 with no reason below it: a guess, the usual one first.
    [
      'CondaHTTPError: HTTP 000 CONNECTION FAILED for url <https://repo.anaconda.com/pkgs/main/noarch/repodata.json>\nElapsed: -',
      'conda',
      'untrusted-root',
      'repo.anaconda.com',
    ],
    // rustls' BadSignature.
    [
      'error sending request for url (https://h.example.org/api/): client error (Connect): invalid peer certificate: BadSignature',
      'rust',
      'verification-failed',
      'h.example.org',
    ],
    // curl's command line with the URL written without a scheme, after flags without arguments only.
    [
      '$ curl -Lk dev.example.private\ncurl: (60) SSL certificate problem: self signed certificate',
      'curl',
      'self-signed',
      'dev.example.private',
    ],
    ['$ curl -o out.txt\ncurl: (60) SSL certificate problem: self signed certificate', 'curl', 'self-signed', null],
    // "npm install … yarn" is npm fetching the yarn package.
    ['comando npm install --global yarn apresentou o erro "SELF_SIGNED_CERT_IN_CHAIN"', 'npm', 'untrusted-root', null],
  ];
  for (const [text, client, cause, host] of tune27) {
    it(`tune27 class: ${title(text)}`, () => {
      const x = explain(text);
      assert.deepStrictEqual([x.client?.id, x.causes[0]?.code, x.host], [client, cause, host]);
    });
  }
  it("a guessed conda cause is worded as a guess, with conda's fix first", () => {
    const x = explain(
      'CondaHTTPError: HTTP 000 CONNECTION FAILED for url <https://repo.anaconda.com/pkgs/main/x.json>',
    );
    assert.strictEqual(x.causes[0]?.guessed, true);
    assert.strictEqual(x.causes[0]?.fixes[0]?.client, 'conda');
  });

  // [text, client, host]: an installer piped into an interpreter downloaded fine; its own request failed, unless the
  // downloader's own error is there. rustup's download shares curl-rust's "[60] …" form with Cargo.
  const piped: readonly [string, string | undefined, string | null][] = [
    [
      '$ curl -sSL https://install.example.org | python3 -\nurllib.error.URLError: <urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1028)>',
      'python-ssl',
      null,
    ],
    [
      '$ curl -sSf https://install.example.org | sh\ncurl: (60) SSL certificate problem: unable to get local issuer certificate',
      'curl',
      'install.example.org',
    ],
    [
      "$ curl https://sh.example.org -sSf | sh\nerror: could not download file from 'https://dist.example.org/a.sha256' to '/tmp/f'\ninfo: caused by: [60] Peer certificate cannot be authenticated with given CA certificates (SSL certificate problem: unable to get local issuer certificate)\nrustup: command failed: /tmp/rustup-init",
      'rust',
      'dist.example.org',
    ],
  ];
  for (const [text, client, host] of piped) {
    it(`piped installer: ${title(text)}`, () => {
      const x = explain(text);
      assert.deepStrictEqual([x.client?.id, x.host], [client, host]);
    });
  }

  // [text, cause]: a badssl.com test host names its defect, which settles a wording that leaves it open, never one that
  // contradicts it.
  const badssl: readonly [string, string][] = [
    [
      'curl: (60) server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none\n$ curl https://incomplete-chain.badssl.com/',
      'incomplete-chain',
    ],
    [
      'curl: (60) server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none\n$ curl https://some.example.org/',
      'untrusted-root',
    ],
    ['The certificate for incomplete-chain.badssl.com expired on 25/03/2020.', 'expired'],
  ];
  for (const [text, cause] of badssl) {
    it(`badssl host: ${title(text, 70)}`, () => assert.strictEqual(explain(text).causes[0]?.code, cause));
  }
});
