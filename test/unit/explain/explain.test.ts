import * as assert from 'assert';
import {
  CAUSE_TEXTS,
  CLIENTS,
  cureLiesWithClient,
  endpointOf,
  explain,
  identifyClient,
  restateFromProbe,
} from '../../../src/core/explain/index';
import { CLIENT_FIXES } from '../../../src/core/explain/fixes';
import { WORDINGS } from '../../../src/core/tls/wordings';
import type { CheckReport } from '../../../src/core/tls/index';

const codes = (text: string) => explain(text).causes.map((c) => c.code);

describe('explain: client identification', () => {
  it('names the most specific client: pip over requests, requests over urllib3 over plain ssl', () => {
    const pool =
      "HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: /simple/x/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))";
    assert.strictEqual(
      identifyClient(`${pool}\n  File "/venv/lib/site-packages/pip/_vendor/requests/adapters.py", line 517, in send`)
        ?.id,
      'pip',
    );
    assert.strictEqual(identifyClient(`requests.exceptions.SSLError: ${pool}`)?.id, 'python-requests');
    assert.strictEqual(identifyClient(`urllib3.exceptions.MaxRetryError: ${pool}`)?.id, 'python-urllib3');
    assert.strictEqual(
      identifyClient(
        'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:1006)',
      )?.id,
      'python-ssl',
    );
  });

  it('returns the family with the client, and nothing for text no client wrote', () => {
    const docker = identifyClient(
      'Error response from daemon: Get "https://r.corp/v2/": x509: certificate signed by unknown authority',
    );
    assert.deepStrictEqual([docker?.id, docker?.family], ['docker', 'go']);
    assert.strictEqual(identifyClient('TypeError: undefined is not a function'), undefined);
    assert.strictEqual(explain('TypeError: undefined is not a function').client, null);
  });

  it('every client has a trust fix with a runnable snippet or instruction, and a docs title', () => {
    for (const c of CLIENTS) {
      const f = CLIENT_FIXES[c.id];
      assert.ok(f && f.trust.text.length > 10, c.id);
      assert.ok(c.title.length > 1, c.id);
    }
  });
});

describe('explain: ranked causes', () => {
  it('one most likely cause, then possibilities worded as such with the check that settles them', () => {
    const x = explain("Error: self-signed certificate in certificate chain { code: 'SELF_SIGNED_CERT_IN_CHAIN' }");
    assert.strictEqual(x.causes[0].likelihood, 'likely');
    assert.strictEqual(x.causes[0].code, 'untrusted-root');
    const os = x.causes.find((c) => c.code === 'trusted-by-os-not-by-client');
    assert.ok(os && os.likelihood === 'possible' && /^If /.test(os.message) && /Check: /.test(os.message), os?.message);
    assert.ok(x.causes.length <= 4);
  });

  it('drops causes the message contradicts: curl, git, Go and .NET read the OS store', () => {
    for (const t of [
      'curl: (60) SSL certificate problem: unable to get local issuer certificate',
      "fatal: unable to access 'https://g.corp/x.git/': SSL certificate problem: self-signed certificate in certificate chain",
      'Get "https://a.corp/": x509: certificate signed by unknown authority',
    ]) {
      assert.ok(!codes(t).includes('trusted-by-os-not-by-client'), t);
    }
    assert.ok(
      codes('Error: unable to get local issuer certificate').includes('trusted-by-os-not-by-client'),
      'Node keeps it',
    );
  });

  it('tells "unable to get issuer certificate" (root missing) from "unable to get local issuer certificate"', () => {
    assert.ok(
      !codes('certificate verify failed: unable to get issuer certificate (_ssl.c:1006)').includes('incomplete-chain'),
    );
    assert.ok(
      codes('certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)').includes(
        'incomplete-chain',
      ),
    );
  });

  it('knows the new wordings', () => {
    const cases: [string, string][] = [
      ['error trying to connect: invalid peer certificate: UnknownIssuer', 'untrusted-root'],
      ['invalid peer certificate: NotValidForName', 'hostname-mismatch'],
      ['invalid peer certificate: Expired', 'expired'],
      [
        'The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch, RemoteCertificateChainErrors',
        'hostname-mismatch',
      ],
      [
        'The remote certificate is invalid according to the validation procedure: RemoteCertificateChainErrors',
        'untrusted-root',
      ],
      ['NET::ERR_CERT_AUTHORITY_INVALID', 'untrusted-root'],
      ['NET::ERR_CERT_DATE_INVALID', 'expired'],
      ["x509: cannot validate certificate for 10.0.0.5 because it doesn't contain any IP SANs", 'hostname-mismatch'],
      ['x509: certificate relies on legacy Common Name field, use SANs instead', 'legacy-cn-only'],
      // A bare verify failure: the usual reason its threads establish leads (notes/explain20/bare-tally.md).
      ['SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:590)', 'untrusted-root'],
      ['remote error: tls: bad certificate', 'client-cert-required'],
      [
        'ssl.SSLEOFError: [SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:1006)',
        'handshake-failure',
      ],
      ['[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)', 'not-tls'],
      ['[SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1006)', 'handshake-failure'],
      ['[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1006)', 'handshake-failure'],
      ['[SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:1006)', 'handshake-failure'],
      [
        '[SSL: UNSAFE_LEGACY_RENEGOTIATION_DISABLED] unsafe legacy renegotiation disabled (_ssl.c:1006)',
        'handshake-failure',
      ],
      [
        'schannel: next InitializeSecurityContext failed: CRYPT_E_NO_REVOCATION_CHECK (0x80092012)',
        'revocation-check-failed',
      ],
      [
        'SEC_E_UNTRUSTED_ROOT (0x80090325) - The certificate chain was issued by an authority that is not trusted.',
        'untrusted-root',
      ],
      ['verify error:num=21:unable to verify the first certificate', 'incomplete-chain'],
    ];
    for (const [t, code] of cases) assert.strictEqual(codes(t)[0], code, t);
  });

  it('reads wordings across wrapped lines, and network errors do not pile onto certificate errors', () => {
    assert.strictEqual(
      codes('SSL certificate problem: unable to get loca\n  l issuer certificate')[0],
      'untrusted-root',
    );
    assert.ok(
      !codes(
        "AxiosError: self signed certificate { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', config: { timeout: 100000 } }",
      ).includes('timeout'),
    );
  });

  it('every cause code in the wording table has its texts and a check', () => {
    for (const w of WORDINGS) {
      for (const c of w.codes) assert.ok(CAUSE_TEXTS[c]?.check && CAUSE_TEXTS[c].possible.startsWith('If '), c);
    }
  });
});

describe('explain: fixes', () => {
  it("puts that client's exact fix first when the cure is the client's, with the host filled in", () => {
    const x = explain(
      "fatal: unable to access 'https://git.corp.example/team/x.git/': server certificate verification failed. CAfile: none CRLfile: none",
    );
    const [first] = x.causes[0].fixes;
    assert.strictEqual(first.client, 'git');
    assert.match(first.snippet ?? '', /git config --global http\.https:\/\/git\.corp\.example\/\.sslCAInfo/);
  });

  it('fills ports where the client keys on them, and trusts a self-signed certificate as itself', () => {
    const docker = explain(
      'Error response from daemon: Get "https://registry.corp:5000/v2/": x509: certificate signed by unknown authority',
    );
    assert.match(docker.causes[0].fixes[0].snippet ?? '', /certs\.d\/registry\.corp:5000\/ca\.crt/);
    const self = explain(
      "npm ERR! request to https://npm.corp/x failed, reason: self signed certificate { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }",
    );
    assert.deepStrictEqual(
      [self.client?.id, self.causes[0].code, self.causes[0].fixes[0].snippet],
      ['npm', 'self-signed', 'npm config set cafile server.pem'],
    );
  });

  it('asks the client for a client certificate when the server rejected it', () => {
    const x = explain('Post "https://api.corp:8443/v1": remote error: tls: bad certificate');
    assert.strictEqual(x.client?.id, 'go');
    assert.strictEqual(x.causes[0].fixes[0].client, 'go');
    assert.match(x.causes[0].fixes[0].snippet ?? '', /LoadX509KeyPair/);
  });

  it("leads with the server fix when the cure is the server's, and keeps the client's lever after it", () => {
    const x = explain('curl: (60) SSL certificate problem: certificate has expired');
    assert.strictEqual(x.causes[0].code, 'expired');
    assert.strictEqual(x.causes[0].fixes[0].client, 'server');
    assert.ok(x.causes[0].fixes.some((f) => f.client === 'curl'));
  });

  it("PowerShell 5.1 gets the TLS 1.2 switch first; an unknown client gets the common clients' fixes", () => {
    assert.match(
      explain('Invoke-WebRequest : The request was aborted: Could not create SSL/TLS secure channel.').causes[0]
        .fixes[0].snippet ?? '',
      /Tls12/,
    );
    assert.ok(
      cureLiesWithClient('handshake-failure', 'powershell') && !cureLiesWithClient('handshake-failure', 'curl'),
    );
    const unknown = explain('certificate verify failed: self-signed certificate in certificate chain');
    assert.deepStrictEqual(
      unknown.causes[0].fixes
        .filter((f) => f.client !== 'server')
        .map((f) => f.client)
        .slice(0, 3),
      ['python-requests', 'node', 'curl'],
    );
  });
});

describe('explain: endpoint facts', () => {
  it("reads host, port and URL from each client's shape", () => {
    const cases: [string, string | undefined][] = [
      [
        "HTTPSConnectionPool(host='pypi.corp', port=8443): Max retries exceeded with url: /simple/x/ (Caused by",
        'https://pypi.corp:8443/simple/x/',
      ],
      ["fatal: unable to access 'https://git.corp/x.git/': SSL certificate problem", 'https://git.corp/x.git/'],
      [
        'Error response from daemon: Get "https://registry.corp:5000/v2/": x509: certificate signed by unknown authority',
        'https://registry.corp:5000/v2/',
      ],
      ['curl: (7) Failed to connect to api.corp port 8443 after 3 ms: Connection refused', 'https://api.corp:8443/'],
      ['Cannot connect to host api.corp:443 ssl:True [SSLCertVerificationError', 'https://api.corp/'],
      [
        'curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html',
        undefined,
      ],
      ["Could not GET 'https://repo.corp/maven2/a.pom'. Received status code 500", 'https://repo.corp/maven2/a.pom'],
      [
        'javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching api.corp found.',
        'https://api.corp/',
      ],
    ];
    for (const [t, url] of cases) assert.strictEqual(endpointOf(t).url, url, t);
    assert.deepStrictEqual(endpointOf("HTTPSConnectionPool(host='10.0.0.5', port=443): Max retries"), {
      host: '10.0.0.5',
      port: 443,
      url: 'https://10.0.0.5/',
    });
  });

  it('the JSON has exactly the documented keys', () => {
    const j = JSON.parse(
      JSON.stringify(
        explain(
          "requests.exceptions.SSLError: HTTPSConnectionPool(host='a.corp', port=443): certificate verify failed: unable to get local issuer certificate",
        ),
      ),
    );
    assert.deepStrictEqual(Object.keys(j).sort(), ['causes', 'client', 'host', 'port', 'url']);
    assert.deepStrictEqual(Object.keys(j.causes[0]).sort(), ['code', 'fixes', 'likelihood', 'message']);
    assert.deepStrictEqual([j.host, j.port, j.url], ['a.corp', 443, 'https://a.corp/']);
  });
});

describe('explain: re-stated from the probe', () => {
  const report = (verdict: 'ok' | 'fail', codesSeen: string[]): CheckReport => ({
    url: 'https://a.corp/',
    host: 'a.corp',
    port: 443,
    verdict,
    chain: [],
    trust: {},
    causes: codesSeen.map((code) => ({
      code: code as CheckReport['causes'][number]['code'],
      message: `probe saw ${code}`,
      fixes: [],
    })),
  });
  const e = explain(
    "fatal: unable to access 'https://a.corp/x.git/': SSL certificate problem: unable to get local issuer certificate",
  );

  it("confirms what the probe saw, with this client's fix first", () => {
    const r = restateFromProbe(e, report('fail', ['incomplete-chain']));
    assert.deepStrictEqual(
      r.causes.map((c) => [c.code, c.likelihood]),
      [['incomplete-chain', 'confirmed']],
    );
    assert.match(r.causes[0].message, /probe saw incomplete-chain/);
    assert.ok(r.causes[0].fixes.some((f) => f.client === 'git'));
  });

  it('when the chain verifies from here, keeps only the local, client-side possibilities', () => {
    const r = restateFromProbe(e, report('ok', []));
    assert.ok(
      r.causes.length > 0 &&
        r.causes.every((c) => c.likelihood === 'possible' && CAUSE_TEXTS[c.code].cure === 'client'),
    );
    assert.match(r.causes[0].message, /verifies with default trust/);
  });
});
