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
  obsoleteProtocol: rule('obsolete-tls-version', {
    title: 'Obsolete protocol pinned (SSLContext.getInstance("TLSv1"), TlsVersion.TLS_1_0)',
    description: 'A context or client pinned to TLS 1.0/1.1 or SSL 3 fails against servers that only speak modern TLS and lacks its protections. Use SSLContext.getInstance("TLS") (or "TLSv1.2"/"TLSv1.3").',
    severity: 'info',
    concept: 'obsolete-protocol',
    client: 'java',
    notes: '`SSLContext.getInstance("TLSv1" | "TLSv1.1" | "SSLv3" | "SSLv2")`, `setEnabledProtocols` with only such versions, and OkHttp `TlsVersion.TLS_1_0`, `TLS_1_1`, `SSL_3_0`.',
    examples: {
      flagged: [`SSLContext ctx = SSLContext.getInstance(«"TLSv1"»);
socket.setEnabledProtocols(«new String[] {"TLSv1", "TLSv1.1"}»);
ConnectionSpec spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS).tlsVersions(«TlsVersion.TLS_1_0»).build();`],
      ok: [
        'SSLContext ctx = SSLContext.getInstance("TLS");',
        'socket.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});',
        'String doc = "SSLContext.getInstance(\\"TLSv1\\")";',
      ],
    },
  }),
} as const;
