// The jvm rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../jvm.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('jvm', { surface: 'java', file: 'Client.java' });

/** The Java/Kotlin rules. */
export const JVM = {
  trustAll: rule('trust-all-certificates', {
    title: 'X509TrustManager that trusts every certificate (empty checkServerTrusted)',
    description: 'A checkServerTrusted that never throws accepts any certificate chain. Build the SSLContext from a KeyStore holding your CA (TrustManagerFactory) instead.',
    severity: 'error',
    concept: 'trust-all-manager',
    client: 'java',
    notes: 'Java and Kotlin (`override fun checkServerTrusted(...) {}` or `= Unit`). A body that only holds comments counts as empty.',
    examples: {
      flagged: [`new X509TrustManager() {
  public void «checkServerTrusted(X509Certificate[] chain, String authType) { }»
  ...
}`],
      ok: [
        `KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
ks.load(null, null);
ks.setCertificateEntry("dev-ca", caCert);
TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
tmf.init(ks);
sslContext.init(null, tmf.getTrustManagers(), null);`,
        'public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException { delegate.checkServerTrusted(chain, authType); }',
        'public void checkClientTrusted(X509Certificate[] chain, String authType) { }',
      ],
    },
  }),
  hostnameVerifier: rule('hostname-verifier-accepts-all', {
    title: 'HostnameVerifier that returns true for every host',
    description: 'A verifier that always returns true accepts a valid certificate issued for any host. Remove it: the default verifier checks the name.',
    concept: 'hostname-check-off',
    client: 'java',
    notes: 'A `(a, b) -> true` lambda counts only where a HostnameVerifier is expected (a `*HostnameVerifier(...)` call or a `HostnameVerifier` variable).',
    examples: {
      flagged: [`conn.setHostnameVerifier(«(hostname, session) -> true»);
HostnameVerifier hv = new HostnameVerifier() {
  public «boolean verify(String h, SSLSession s) { return true; }»
};
// Kotlin
OkHttpClient.Builder().«hostnameVerifier { _, _ -> true }»`],
      ok: [
        '// Remove the custom verifier; issue the server a certificate for the name clients use.',
        'list.removeIf((a, b) -> true);',
        'conn.setHostnameVerifier((h, s) -> h.equals("internal.example"));',
        'String doc = "setHostnameVerifier((h, s) -> true)";',
      ],
    },
  }),
  noopVerifier: rule('noop-hostname-verifier', {
    title: 'NoopHostnameVerifier / ALLOW_ALL_HOSTNAME_VERIFIER: host names are not checked',
    description: 'Apache HttpClient skips host name checks with these verifiers. Use the default (DefaultHostnameVerifier).',
    concept: 'hostname-check-off',
    client: 'java',
    notes: 'Import statements are not findings; the use is.',
    examples: {
      flagged: [`HttpClients.custom().setSSLHostnameVerifier(«NoopHostnameVerifier.INSTANCE»)
sf.setHostnameVerifier(«SSLSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER»)`],
      ok: [
        'HttpClients.custom().setSSLHostnameVerifier(new DefaultHostnameVerifier())',
        'import org.apache.http.conn.ssl.NoopHostnameVerifier;',
        '// builder.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);',
      ],
    },
  }),
} as const;
