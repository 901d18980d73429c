// Classes round 8 of the tuning found (extune8), each on short examples written here, one table per class: Terraform
// 0.11's and its providers' own words, VS Code's extension install log, the OpenSSL CLI's output shapes, and where
// the host is in s_client's, Chrome's and ureq's text.
import * as assert from 'assert';
import { endpointOf, explain } from '../../../src/core/explain/index';

/** A test's name: the start of its text, on one line. */
const title = (text: string, n = 60) => text.slice(0, n).replace(/\s+/g, ' ');

describe('explain: what tuning round 8 taught (extune8)', () => {
  // [text, client]: what names the client though Go's x509 wording is all the reason there is.
  const clients: readonly [string, string][] = [
    // Terraform 0.11 wraps a provider's error, and the providers' own set-up errors name it.
    [
      'Error refreshing state: 1 error(s) occurred:\n\n* x: Get https://h.example/: x509: certificate signed by unknown authority',
      'terraform',
    ],
    [
      '* provider.proxmox: Post https://10.0.0.9:8006/api2/json: x509: certificate signed by unknown authority',
      'terraform',
    ],
    [
      '* Error setting up client: Post https://10.0.0.9/sdk: x509: certificate signed by unknown authority',
      'terraform',
    ],
    [
      'failed to create limited child token: Post https://v.example/v1/auth/token/create: x509: certificate signed by unknown authority',
      'terraform',
    ],
    [
      '2024/01/01 [ERROR] terraform-provider-acme: Get https://h.example/: x509: certificate signed by unknown authority',
      'terraform',
    ],
    [
      'Error: x509: certificate signed by unknown authority\n\n  on providers.tf line 10, in provider "xo":',
      'terraform',
    ],
    // …while a plain Go program's request to an /sdk path stays Go's.
    ['Post https://10.0.0.9/sdk: x509: certificate signed by unknown authority', 'go'],
    // VS Code's own extension install (its renderer log) is Electron's, the Node stack under it notwithstanding.
    [
      "[error] Error while installing 'ms-python.python' extension in the remote server. self signed certificate in certificate chain",
      'electron',
    ],
    [
      '[2021-08-22 01:03:49.611] [renderer3] [error] ["Error: self signed certificate in certificate chain","    at TLSSocket.onConnectSecure (_tls_wrap.js:1497:34)"]',
      'electron',
    ],
    [
      "ERR self-signed certificate in certificate chain\nlog.ts:417  INFO Downloading the 'ms-python.pylint' extension locally and install",
      'electron',
    ],
    // …a plain Node stack alone stays Node's.
    [
      'Error: self signed certificate in certificate chain\n    at TLSSocket.onConnectSecure (_tls_wrap.js:1497:34)',
      'node',
    ],
    // The OpenSSL CLI: CONNECTED with any handle (Windows prints a short one), OpenSSL 3's relative source paths,
    // OpenSSL 1.1's error line with its own (not Node's deps/openssl) path, the verify result quoted in prose.
    ['CONNECTED(000001D4)\ndepth=1 CN=Intermediate\nverify error:num=2:unable to get issuer certificate', 'openssl'],
    [
      '40D7AD2CAA7F0000:error:0A00018A:SSL routines:tls_process_ske_dhe:dh key too small:../ssl/statem/statem_clnt.c:2086:',
      'openssl',
    ],
    [
      '  # 38520:error:14094415:SSL routines:ssl3_read_bytes:sslv3 alert certificate expired:ssl\\record\\rec_layer_s3.c:1544:SSL alert number 45',
      'openssl',
    ],
    ['the certificate verification fails with `Return code 2 (unable to get issuer certificate)`.', 'openssl'],
    // Guzzle 5's RingPHP names its exception class in Symfony Console's box.
    ['  [RingException]\n  cURL error 60: SSL certificate problem: certificate has expired', 'guzzle'],
    ['cURL error 60: SSL certificate problem: certificate has expired', 'php'],
  ];
  for (const [text, client] of clients) {
    it(`client ${client}: ${title(text)}`, () => assert.strictEqual(explain(text).client?.id, client));
  }

  // [text, host]: where these clients name the endpoint, and what is no host.
  const hosts: readonly [string, string | undefined][] = [
    ['Connecting to 127.0.0.1\nCONNECTED(000001D4)\nverify error:num=2:unable to get issuer certificate', '127.0.0.1'],
    ['Connecting to 10.1.2.3\nCONNECTED(00000003)\ndepth=0 CN=x', '10.1.2.3'],
    [
      'Downloading latest release from https://github.com/o/r/\nError: https://api.github.com/repos/o/r/releases/latest: Connection Failed: tls connection init failed: invalid peer certificate: UnknownIssuer',
      'api.github.com',
    ],
    [
      "This server requires a certificate for authentication, and didn't accept the one sent by the browser.\n\nYour connection to tools.example.com is not encrypted.",
      'tools.example.com',
    ],
    ['`NET::ERR_CERT_AUTHORITY_INVALID` error. I could go further by proceeding to localhost (unsafe).', 'localhost'],
    [
      '│ Error: error setting up new vSphere SOAP client: Post "https://ip.of.vcenter/sdk": x509: certificate signed by unknown authority',
      undefined,
    ],
    ['Get https://address.of.server/api: x509: certificate signed by unknown authority', undefined],
    ['Get https://pypi.mycompany.net/simple/: x509: certificate signed by unknown authority', 'pypi.mycompany.net'],
  ];
  for (const [text, host] of hosts) {
    it(`host ${String(host)}: ${title(text)}`, () => assert.strictEqual(endpointOf(text).host, host));
  }

  // [text, lead cause, client, first fix's client]: causes a client's or a host's nature settles.
  const causes: readonly [string, string, string | undefined, string | undefined][] = [
    // Node always sends SNI: a CDN's default certificate by host name is the name not set up there.
    [
      "npm ERR! request to https://registry.npmjs.org/x failed, reason: Hostname/IP does not match certificate's altnames: Host: registry.npmjs.org. is not in the cert's altnames: DNS:a.sni.fastly.net",
      'hostname-mismatch',
      'npm',
      'server',
    ],
    // …an old Python may send none: that stays SNI.
    [
      "ssl.CertificateError: hostname 'www.npmjs.com' doesn't match either of 'a.sni.fastly.net', 'a.sni.global-ssl.fastly.net'",
      'sni-required',
      'python-ssl',
      'python-ssl',
    ],
    // A loopback or private host's missing issuer is a private CA, not a public chain's intermediate.
    [
      'request to https://localhost:4873/x.tgz failed, reason: unable to verify the first certificate',
      'untrusted-root',
      'node',
      'node',
    ],
    [
      'request to https://registry.npmjs.org/x.tgz failed, reason: unable to verify the first certificate',
      'incomplete-chain',
      'node',
      'server',
    ],
    // Chrome's client-certificate page in words, and gotlcp's (Go) alerts.
    [
      "This server requires a certificate for authentication, and didn't accept the one sent by the browser.",
      'client-cert-required',
      'chrome',
      'chrome',
    ],
    ['客户端报remote error: tlcp: bad certificate', 'client-cert-required', 'go', 'go'],
    // A TLS-intercepting proxy's own log of its browser side: the browser refused the proxy's CA.
    [
      '2020/10/08 18:12:34 [ERROR] Securing client connection failed: handshake error: remote error: tls: bad certificate',
      'untrusted-root',
      'go',
      'go',
    ],
    // A hand-made certificate's name error in Chrome is its missing subjectAltName.
    [
      'Generating certificates locally gave me a `net::ERR_CERT_COMMON_NAME_INVALID` error.',
      'legacy-cn-only',
      'chrome',
      'server',
    ],
    ['NET::ERR_CERT_COMMON_NAME_INVALID on https://zh.wikipedia.org', 'hostname-mismatch', 'chrome', 'server'],
    // Handshake wordings that named no cause: a record's integrity check, Python 2's reset, a cut "wrong version".
    [
      "SSLError(SSLError(1, '_ssl.c:1429: error:1408F119:SSL routines:SSL3_GET_RECORD:decryption failed or bad record mac'),)",
      'handshake-failure',
      'python-ssl',
      'server',
    ],
    [
      'urllib2.URLError: <urlopen error [Errno 54] Connection reset by peer>',
      'handshake-failure',
      'python-ssl',
      'server',
    ],
    ['Error: write EPROTO 22360:error:1408F10B:SSL routines:ssl3_get_record:wrong version', 'not-tls', 'node', 'node'],
    // Node 0.10's code for an untrusted root, under old npm.
    [
      'npm ERR! Error: CERT_UNTRUSTED\nnpm ERR!     at SecurePair.<anonymous> (tls.js:1370:32)',
      'untrusted-root',
      'npm',
      'npm',
    ],
    // Spaces before Go's colons, as a paste or a keyboard leaves them.
    [
      'Error response from daemon: Get https://registry-1.docker.io/v2/ : x509 : certificate signed by unknown authority',
      'untrusted-root',
      'docker',
      'docker',
    ],
    // Electron's IPC wraps a main-process handler's error.
    [
      "Error: Error invoking remote method 'got': unable to verify the first certificate",
      'incomplete-chain',
      'electron',
      'server',
    ],
  ];
  for (const [text, cause, client, first] of causes) {
    it(`cause ${cause}: ${title(text)}`, () => {
      const x = explain(text);
      assert.strictEqual(x.causes[0]?.code, cause);
      assert.strictEqual(x.client?.id, client);
      assert.strictEqual(x.causes[0]?.fixes[0]?.client, first);
    });
  }

  // A host at a line's end and the next line's first word, joined by the wrap reading, are no longer name.
  it('a host ending a sentence is not glued to the next line', () => {
    const text =
      "docker: Error response from daemon: Get https://registry-1.docker.io/v2/: x509: certificate is valid for *.api.trato.io, *.app.trato.io, not registry-1.docker.io.\nSee 'docker run --help'.";
    assert.strictEqual(explain(text).host, 'registry-1.docker.io');
  });
});
