// Ground truth for Java (JSSE, the JDK's default PKIX validation and HTTPS host-name check): for each "name host port"
// triple after the CA file, connects to 127.0.0.1:port, verifies the chain against that CA file alone and the host
// name as HttpsURLConnection does (endpoint identification "HTTPS"), and prints one JSON line {name, java}: "OK" or
// the error text. Compiled and run by test/unit/tls/clients.test.ts from a clean environment.
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

public class JavaClient {
  public static void main(String[] args) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    int i = 0;
    try (FileInputStream in = new FileInputStream(args[0])) {
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) ks.setCertificateEntry("ca" + i++, c);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    for (int a = 1; a + 2 < args.length + 1; a += 3) {
      System.out.println("{\"name\":" + quote(args[a]) + ",\"java\":" + quote(connect(ctx, args[a + 1], Integer.parseInt(args[a + 2]))) + "}");
    }
  }

  static String connect(SSLContext ctx, String host, int port) {
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress("127.0.0.1", port), 3000);
      raw.setSoTimeout(3000);
      SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, false);
      SSLParameters p = s.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS");
      // Java sends SNI for host names only; "localhost." is not a valid SNIHostName, so it gets none.
      if (!host.matches("[0-9.]+") && !host.endsWith(".")) p.setServerNames(List.of(new SNIHostName(host)));
      s.setSSLParameters(p);
      s.startHandshake();
      return "OK";
    } catch (Exception e) {
      Throwable t = e;
      while (t.getCause() != null) t = t.getCause();
      return e.getClass().getName() + ": " + e.getMessage() + (t != e ? " / " + t.getMessage() : "");
    }
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }
}
