import * as assert from 'assert';
import { expectNone, expectOne, hits } from './helpers';

describe('rules: java/kotlin', () => {
  it('finds a trust manager whose checkServerTrusted is empty (Java)', () =>
    expectOne(
      'class T implements X509TrustManager {\n  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {\n    // trust everyone\n  }\n}',
      'T.java',
      'jvm.trust-all-certificates',
      'checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {\n    // trust everyone\n  }',
    ));
  it('finds an empty checkServerTrusted in Kotlin ({} and = Unit)', () => {
    const code =
      'object T : X509TrustManager {\n  override fun checkServerTrusted(chain: Array<out X509Certificate>?, authType: String?) {}\n  override fun checkServerTrusted(c: Array<X509Certificate>, a: String) = Unit\n}';
    assert.deepStrictEqual(
      hits(code, 'T.kt').map((h) => [h[0], h[1], h[2]]),
      [
        ['jvm.trust-all-certificates', 2, 16],
        ['jvm.trust-all-certificates', 3, 16],
      ],
    );
  });
  const positives: [string, string, string, string][] = [
    ['conn.setHostnameVerifier((h, s) -> true);', 'A.java', 'jvm.hostname-verifier-accepts-all', '(h, s) -> true'],
    [
      'HostnameVerifier hv = (String host, SSLSession session) -> { return true; };',
      'A.java',
      'jvm.hostname-verifier-accepts-all',
      '(String host, SSLSession session) -> { return true; }',
    ],
    [
      'new HostnameVerifier() {\n  public boolean verify(String hostname, SSLSession session) { return true; }\n}',
      'A.java',
      'jvm.hostname-verifier-accepts-all',
      'boolean verify(String hostname, SSLSession session) { return true; }',
    ],
    [
      'val c = OkHttpClient.Builder().hostnameVerifier { _, _ -> true }.build()',
      'A.kt',
      'jvm.hostname-verifier-accepts-all',
      'hostnameVerifier { _, _ -> true }',
    ],
    [
      'override fun verify(hostname: String?, session: SSLSession?): Boolean = true',
      'A.kt',
      'jvm.hostname-verifier-accepts-all',
      'fun verify(hostname: String?, session: SSLSession?): Boolean = true',
    ],
    [
      'HttpClients.custom().setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();',
      'A.java',
      'jvm.noop-hostname-verifier',
      'NoopHostnameVerifier.INSTANCE',
    ],
    [
      'builder.setSSLHostnameVerifier(new NoopHostnameVerifier());',
      'A.java',
      'jvm.noop-hostname-verifier',
      'new NoopHostnameVerifier()',
    ],
    [
      'sf.setHostnameVerifier(SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);',
      'A.java',
      'jvm.noop-hostname-verifier',
      'SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER',
    ],
  ];
  for (const [code, path, id, value] of positives) {
    it(`finds ${id} in: ${code.split('\n')[0]}`, () => expectOne(code, path, id, value));
  }
  for (const code of [
    'public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException { delegate.checkServerTrusted(chain, authType); }',
    'public void checkClientTrusted(X509Certificate[] chain, String authType) { }',
    'list.removeIf((a, b) -> true);',
    'conn.setHostnameVerifier((h, s) -> h.equals("internal.example"));',
    'import org.apache.http.conn.ssl.NoopHostnameVerifier;',
    '// builder.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);',
    'String doc = "setHostnameVerifier((h, s) -> true)";',
    'String doc = """\n  NoopHostnameVerifier.INSTANCE\n""";',
  ]) {
    it(`ignores: ${code.split('\n')[0]}`, () => expectNone(code, 'A.java'));
  }

  // The family's prefilter once lacked loadTrustMaterial: a file whose only switch was this lambda was skipped unread.
  it('finds a lambda returning true passed to loadTrustMaterial when nothing else in the file names a switch', () =>
    expectOne(
      'SSLContext c = SSLContexts.custom()\n    .loadTrustMaterial(null, (chain, authType) -> true)\n    .build();',
      'Http.java',
      'jvm.trust-all-strategy',
      '(chain, authType) -> true',
    ));
  it('reads protocol and verifier words case-sensitively, as the matchers do', () => {
    expectNone('String s = "tlsv1 and sslsession and hostname_verifier are words here";', 'A.java');
    expectOne(
      'conn.setHostnameVerifier((h, s) -> true);',
      'A.java',
      'jvm.hostname-verifier-accepts-all',
      '(h, s) -> true',
    );
  });

  it('finds a lambda returning true held in a TrustStrategy variable (then passed to loadTrustMaterial)', () =>
    expectOne(
      'TrustStrategy acceptingTrustStrategy = (cert, authType) -> true;\nSSLContext sslContext = SSLContexts.custom().loadTrustMaterial(null, acceptingTrustStrategy).build();',
      'Http.java',
      'jvm.trust-all-strategy',
      '(cert, authType) -> true',
    ));
  it('ignores a TrustStrategy variable whose lambda checks the chain', () =>
    expectNone(
      'TrustStrategy pinned = (chain, authType) -> chain.length == 1 && pins.matches(chain[0]);',
      'Http.java',
    ));
});
