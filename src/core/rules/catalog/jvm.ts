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
    notes: 'Java, Kotlin (`override fun checkServerTrusted(...) {}` or `= Unit`) and Groovy, Gradle scripts included (a map coerced to a trust manager whose `checkServerTrusted: { chain, authType -> }` closure is empty). A body that only holds comments counts as empty, and so does one that cannot throw because it only logs or prints (`Log.d(…)`, `logger.info(…)`, `mLogger.debug(…)`, `System.out.println(…)`, `println(…)`, `e.printStackTrace()`), assigns or declares values computed by getters only (`this.chain = chain`, `String who = chain[0].getSubjectDN().getName()`), also inside `if`/`for`/`try` blocks whose conditions only read. A body with a `throw`, or that calls anything else (a delegate, `checkValidity()`, a project helper, a condition such as `if (!pinner.matches(chain))`), is not a finding.',
    examples: {
      flagged: [`new X509TrustManager() {
  public void «checkServerTrusted(X509Certificate[] chain, String authType) { }»
  ...
}`,
        `TrustManager[] trustAll = new TrustManager[] { new X509TrustManager() {
  public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
  public void checkClientTrusted(X509Certificate[] certs, String authType) { }
  @Override
  public void «checkServerTrusted(final X509Certificate[] chain, final String authType) throws CertificateException {
    Log.d(TAG, "checkServerTrusted: " + authType);
    System.out.println("trusting " + chain.length + " certificates; really");
    System.err.println(
        "UNKNOWN SERVER CERTIFICATE: " + chain[0].getSubjectDN());
  }»
} };`,
        { file: 'Trust.kt', code: `object TrustAll : X509TrustManager {
    override fun «checkServerTrusted(chain: Array<X509Certificate>, authType: String) {
        logger.info("accepting {}", chain[0].subjectX500Principal)
    }»
    override fun checkClientTrusted(chain: Array<X509Certificate>, authType: String) = Unit
    override fun getAcceptedIssuers() = arrayOf<X509Certificate>()
}` },
        `public class LoggingTrustManager implements X509TrustManager {
    @Override
    public void «checkServerTrusted(X509Certificate[] chain, String authType) {
        if (debug) {
            mLogger.debug("authType:{}", authType);
            for (X509Certificate cert : chain) {
                mLogger.debug("server s:{}", cert.getSubjectX500Principal().getName());
            }
        }
        this.lastChain = chain;
    }»
}`,
        { file: 'init.gradle', code: `TrustManager[] trustAll = [
    [getAcceptedIssuers: { null },
     checkClientTrusted: { chain, authType -> },
     «checkServerTrusted: { chain, authType -> }»] as X509TrustManager
] as TrustManager[]` },
      ],
      ok: [
        `KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
ks.load(null, null);
ks.setCertificateEntry("dev-ca", caCert);
TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
tmf.init(ks);
sslContext.init(null, tmf.getTrustManagers(), null);`,
        `public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
  Log.d(TAG, "checking");
  if (chain.length == 0) throw new CertificateException("empty chain");
}`,
        `public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
  log.debug("checking");
  chain[0].checkValidity();
}`,
        `public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
  for (X509Certificate cert : chain) {
    LOG.debug("server {}", cert.getSubjectDN());
    cert.checkValidity();
  }
}`,
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
    notes: 'A `(a, b) -> true` lambda, whatever its parameters are named, counts only where a HostnameVerifier is expected (a `*HostnameVerifier(...)` call, a `HostnameVerifier` variable, or the verifier argument of Apache HttpClient\'s `new SSLConnectionSocketFactory(ctx, …)`); in Groovy (`.groovy`, Gradle `.gradle` scripts) also a `{ h, s -> true }` closure given to such a call or coerced `as HostnameVerifier`. A `verify(String, SSLSession)` method that returns true, at once or after statements that only log or print.',
    examples: {
      flagged: [`conn.setHostnameVerifier(«(hostname, session) -> true»);
HostnameVerifier hv = new HostnameVerifier() {
  public «boolean verify(String h, SSLSession s) { return true; }»
};
// Kotlin
OkHttpClient.Builder().«hostnameVerifier { _, _ -> true }»`,
        `SSLConnectionSocketFactory factory = new SSLConnectionSocketFactory(
        sslContext, «(value, sslSession) -> true»);`,
        `OkHttpClient client = new OkHttpClient.Builder()
    .sslSocketFactory(factory, trustManager)
    .hostnameVerifier(«(hostname, session) -> true»)
    .build();`,
        { file: 'init.gradle', code: `HttpsURLConnection.«setDefaultHostnameVerifier({ hostname, session -> true }»)
def verifier = «{ h, s -> true } as HostnameVerifier»` },
        `class TrustAnyVerifier implements HostnameVerifier {
  public «boolean verify(String hostname, SSLSession session) {
    System.out.println(">>> " + hostname + " " + session);
    return true;
  }»
}`,
      ],
      ok: [
        '// Remove the custom verifier; issue the server a certificate for the name clients use.',
        'list.removeIf((a, b) -> true);',
        'conn.setHostnameVerifier((h, s) -> h.equals("internal.example"));',
        'new SSLConnectionSocketFactory(ctx, (host, session) -> host.endsWith(".corp.example"));',
        'String doc = "setHostnameVerifier((h, s) -> true)";',
        'public boolean verify(String hostname, SSLSession session) {\n  log.debug("checking {}", hostname);\n  return ALLOWED.contains(hostname);\n}',
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
    notes: '`SSLContext.getInstance("TLSv1" | "TLSv1.1" | "SSLv3" | "SSLv2")` in any letter case (JCA names are case-insensitive; not a statement of its own that throws the context away, a probe of what the JVM supports), `setEnabledProtocols` and Apache HttpClient\'s `new SSLConnectionSocketFactory(ctx, new String[] {…}, …)` with only such versions, and OkHttp `TlsVersion.TLS_1_0`, `TLS_1_1`, `SSL_3_0`.',
    examples: {
      flagged: [`SSLContext ctx = SSLContext.getInstance(«"TLSv1"»);
SSLContext legacy = SSLContext.getInstance(«"TLSV1"»); // algorithm names are case-insensitive
socket.setEnabledProtocols(«new String[] {"TLSv1", "TLSv1.1"}»);
ConnectionSpec spec = new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS).tlsVersions(«TlsVersion.TLS_1_0»).build();
SSLConnectionSocketFactory sf = new SSLConnectionSocketFactory(
    sslContext, «new String[] {"TLSv1"}», null, SSLConnectionSocketFactory.getDefaultHostnameVerifier());`],
      ok: [
        'try {\n  SSLContext.getInstance("TLSv1.1"); // does this JVM still support it?\n} catch (NoSuchAlgorithmException e) {\n  log.warn("no TLSv1.1");\n}',
        'SSLContext ctx = SSLContext.getInstance("TLS");',
        'SSLContext ctx = SSLContext.getInstance("TLSV1.2");',
        'socket.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});',
        'SSLConnectionSocketFactory sf = new SSLConnectionSocketFactory(sslContext, new String[] {"TLSv1.2", "TLSv1.3"}, null, verifier);',
        'String doc = "SSLContext.getInstance(\\"TLSv1\\")";',
      ],
    },
  }),
  trustStrategy: rule('trust-all-strategy', {
    title: 'Apache HttpClient TrustAllStrategy / TrustSelfSignedStrategy / a TrustStrategy returning true',
    description: 'With these strategies SSLContextBuilder.loadTrustMaterial accepts any chain (TrustAllStrategy, a lambda returning true) or any self-signed certificate, which an interceptor can mint at will. Load a KeyStore holding your CA with loadTrustMaterial(trustStore, null) instead.',
    severity: 'error',
    concept: 'trust-all-manager',
    client: 'java',
    notes: '`TrustAllStrategy.INSTANCE`, `new TrustAllStrategy()`, `new TrustSelfSignedStrategy()` (also fully qualified), a `(chain, authType) -> true` lambda or Kotlin `{ _, _ -> true }` passed to `loadTrustMaterial` (Kotlin\'s trailing `loadTrustMaterial(null) { _, _ -> true }` too) or held in a variable declared `TrustStrategy`, and `isTrusted` methods that only return true. Import lines are not findings.',
    examples: {
      flagged: [`SSLContext ssl = SSLContexts.custom()
    .loadTrustMaterial(null, «TrustAllStrategy.INSTANCE»)
    .build();
SSLContext selfSigned = new SSLContextBuilder().loadTrustMaterial(null, «new TrustSelfSignedStrategy()»).build();
SSLContext lambda = SSLContexts.custom().loadTrustMaterial(null, «(chain, authType) -> true»).build();
TrustStrategy anything = new TrustStrategy() {
  @Override
  public «boolean isTrusted(X509Certificate[] chain, String authType) throws CertificateException { return true; }»
};`,
        { file: 'Client.kt', code: 'val ctx = SSLContexts.custom().loadTrustMaterial(null, «TrustStrategy { _, _ -> true }»).build()\nval trailing = SSLContextBuilder().loadTrustMaterial(null) «{ _, _ -> true }».build()' },
      ],
      ok: [
        `KeyStore trustStore = KeyStore.getInstance("PKCS12");
trustStore.load(new FileInputStream("corp-ca.p12"), password);
SSLContext ssl = SSLContexts.custom().loadTrustMaterial(trustStore, null).build();`,
        'import org.apache.http.conn.ssl.TrustAllStrategy;',
        'SSLContext s = SSLContexts.custom().loadTrustMaterial(null, (chain, authType) -> chain.length == 1 && pinned(chain[0])).build();',
      ],
    },
  }),
  webviewProceed: rule('webview-ssl-error-proceed', {
    title: 'Android WebView onReceivedSslError calls handler.proceed(): every certificate error is ignored',
    description: 'A WebViewClient that proceeds on SSL errors loads the page whatever its certificate (Google Play rejects such apps). Call handler.cancel() and ship your CA in a network security config (res/xml/network_security_config.xml) instead.',
    severity: 'error',
    concept: 'trust-all-manager',
    client: 'android-webview',
    notes: 'A `proceed()` call on any receiver inside the body of an `onReceivedSslError` override, Java or Kotlin (`handler?.proceed()`), conditional or not; and, in a file with such an override, `proceed()` on the `SslErrorHandler` parameter of a helper method it hands the handler to (`doProceed(handler)`); in a file that names `onReceivedSslError`, a no-argument `proceed()` on a receiver named `…handler…` whose override header is out of sight (an excerpt, decompiled code).',
    examples: {
      flagged: [
        `webView.setWebViewClient(new WebViewClient() {
  @Override
  public void onReceivedSslError(WebView view, SslErrorHandler handler, SslError error) {
    Log.w(TAG, "SSL error " + error);
    «handler.proceed()»;
  }
});`,
        { file: 'Browser.kt', code: 'override fun onReceivedSslError(view: WebView?, handler: SslErrorHandler?, error: SslError?) {\n    «handler?.proceed()»\n}' },
        `public class LenientClient extends WebViewClient {
  @Override
  public void onReceivedSslError(WebView view, SslErrorHandler handler, SslError error) {
    accept(handler, error);
  }

  private void accept(SslErrorHandler sslHandler, SslError error) {
    Log.w(TAG, "ignoring " + error.getPrimaryError());
    «sslHandler.proceed()»;
  }
}`,
        `            Log.d("LoginWebViewClient", "onReceivedSslError:" + str);
            if (AppConfig.allowInsecure) {
                «handler.proceed()»;
                return;
            }
        }
        super.onReceivedSslError(view, handler, error);
    }`,
      ],
      ok: [
        `<!-- res/xml/network_security_config.xml -->
<network-security-config>
  <base-config><trust-anchors><certificates src="@raw/corp_ca"/><certificates src="system"/></trust-anchors></base-config>
</network-security-config>`,
        'public void onReceivedSslError(WebView view, SslErrorHandler handler, SslError error) {\n  handler.cancel();\n}\nvoid next() { chain.proceed(); }',
        'void onAuth(HttpAuthHandler handler) { handler.proceed(user, password); }\nvoid next(Handler handler) { handler.proceed(); }',
        'public void onReceivedSslError(WebView view, SslErrorHandler handler, SslError error) {\n  reject(handler);\n}\nprivate void reject(SslErrorHandler h) { h.cancel(); }\nvoid retry(Interceptor.Chain chain) { chain.proceed(); }',
      ],
    },
  }),
  insecureTrustManagerFactory: rule('insecure-trust-manager-factory', {
    title: 'Netty InsecureTrustManagerFactory: every certificate is trusted',
    description: 'InsecureTrustManagerFactory.INSTANCE hands out a trust manager that accepts any chain; Netty documents it for tests only. Build the SslContext with trustManager(<CA file or TrustManagerFactory of your KeyStore>) instead.',
    severity: 'error',
    concept: 'trust-all-manager',
    client: 'java',
    notes: '`InsecureTrustManagerFactory.INSTANCE` (also fully qualified) in Java and Kotlin, typically given to `SslContextBuilder.forClient().trustManager(…)` (Netty, Reactor Netty, Spring WebClient, gRPC). Import lines are not findings.',
    examples: {
      flagged: [
        `import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

SslContext ssl = SslContextBuilder.forClient()
    .trustManager(«InsecureTrustManagerFactory.INSTANCE»)
    .build();`,
        { file: 'WebClientConfig.kt', code: 'val http = HttpClient.create().secure { it.sslContext(SslContextBuilder.forClient().trustManager(«InsecureTrustManagerFactory.INSTANCE»).build()) }' },
      ],
      ok: ['SslContext ssl = SslContextBuilder.forClient().trustManager(new File("corp-ca.pem")).build();'],
    },
  }),
  clientSwitch: rule('client-verification-off', {
    title: 'A Java HTTP library told not to verify (relaxedHTTPSValidation, verifySsl(false), validateTLSCertificates(false))',
    description: 'RestAssured\'s relaxed HTTPS validation trusts every certificate and host, Unirest verifySsl(false) and Jsoup validateTLSCertificates(false) turn checks off, and jdk.internal.httpclient.disableHostnameVerification stops the JDK HttpClient from checking host names. Give the library a truststore with your CA instead (RestAssured trustStore(…), Unirest sslContext(…), -Djavax.net.ssl.trustStore=<file>).',
    concept: 'verification-off',
    client: 'java',
    notes: '`relaxedHTTPSValidation()` / `useRelaxedHTTPSValidation()` (also with a protocol argument), `verifySsl(false)`, `validateTLSCertificates(false)`, and `System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true")`, in Java and Kotlin; uni-app x (UTS/Kotlin) request options\' `sslVerify = false` (a named argument or a property).',
    examples: {
      flagged: [
        `RestAssured.«useRelaxedHTTPSValidation()»;
given().«relaxedHTTPSValidation("TLSv1.2")».when().get("/health");
Unirest.config().«verifySsl(false)»;
Document page = Jsoup.connect(url).«validateTLSCertificates(false)».get();
System.«setProperty("jdk.internal.httpclient.disableHostnameVerification", "true")»;`,
        { file: 'request.kt', code: 'uni.request<UTSJSONObject>(RequestOptions(url = API, method = "POST", timeout = 6000, «sslVerify = false»))' },
      ],
      ok: [
        'Unirest.config().verifySsl(true);\nRestAssured.trustStore("corp.jks", "changeit");\nlog.info("use relaxedHTTPSValidation() only in tests");',
        { file: 'request.kt', code: 'val opts = RequestOptions(url = API, sslVerify = true)\nif (opts.sslVerify == false) log("off")' },
      ],
    },
  }),
  kafkaEndpointIdentification: rule('kafka-endpoint-identification-off', {
    title: 'Kafka client properties set ssl.endpoint.identification.algorithm to "": the broker\'s host name is not checked',
    description: 'An empty ssl.endpoint.identification.algorithm turns off the host name check of the Kafka producer, consumer or admin client these properties configure: any certificate the CA issued, for any host, is accepted. Remove the setting (the default is https) and issue broker certificates for the names clients connect to (a SAN per listener).',
    concept: 'hostname-check-off',
    client: 'kafka',
    notes: 'Java and Kotlin: `props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "")` (also `CommonClientConfigs.`, the bare constant, the key `"ssl.endpoint.identification.algorithm"` with any prefix, `setProperty`, `props[KEY] = ""`, Kotlin\'s `put(KEY, "")` in an `apply` block and `KEY to ""` in `mapOf`). When the properties object reaches `new KafkaConsumer(props)`, `new KafkaProducer<>(props)`, `KafkaStreams(…, props)`, `DefaultKafkaProducerFactory(props)` or `AdminClient.create(props)` in the file, the finding is at each such call (the sink rule), the setting its origin. `https`, a value read from configuration, and comments are not findings; `.properties` and YAML files are the config family\'s `kafka-endpoint-identification-off`.',
    examples: {
      flagged: [
        `Properties props = new Properties();
props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "");
return new KafkaProducer<>(«props»);`,
        { file: 'KafkaConfig.kt', code: `fun consumerProps() = Properties().apply {
    put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststorePath)
    put(«SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, ""»)
}
val admin = mapOf<String, Any>(
    CommonClientConfigs.SECURITY_PROTOCOL_CONFIG to "SSL",
    «SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG to ""»
)` },
      ],
      ok: [
        `props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "https");
props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, config.getString("kafka.endpoint.algorithm"));
// props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "");
log.info("ssl.endpoint.identification.algorithm is {}", "");`,
      ],
    },
  }),
} as const;
