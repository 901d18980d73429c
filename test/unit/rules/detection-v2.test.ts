// Detection v2 (issue 18): realistic snippets for each class of miss, with the exact ranges they must yield
// («…» marks, as in the registry examples; «{rule.id}…» names another rule) and the near misses that must stay quiet.
import * as assert from 'assert';
import { parseMarks } from '../../../src/core/rules/examples';
import { scanText } from '../../../src/core/scan/index';
import { applyEdits, trustBundleFix } from '../../../src/core/fixes/index';

/** Every finding as [ruleId, start, end] offsets, sorted. */
function found(text: string, file: string): [string, number, number][] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const at = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return scanText(text, file, { testFileSeverity: 'default' })
    .map((f): [string, number, number] => [f.ruleId, at(f.range.start), at(f.range.end)])
    .sort((a, b) => a[1] - b[1] || a[2] - b[2]);
}

/** Asserts that `marked` (scanned as `file`) yields exactly its marks, all of rule `ruleId` unless a mark names another. */
function expectMarked(file: string, ruleId: string, marked: string): void {
  const { text, marks } = parseMarks(marked, ruleId);
  assert.deepStrictEqual(
    found(text, file),
    marks.map((m) => [m.ruleId, m.start, m.end]),
    `${file}:\n${text}`,
  );
}

describe('detection v2: realistic snippets per class', () => {
  describe('class 1: JVM trust that cannot fail', () => {
    it('a trust manager that only logs, in a factory method with a real client around it', () =>
      expectMarked(
        'HttpFactory.java',
        'jvm.trust-all-certificates',
        `
public final class HttpFactory {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFactory.class);

  static SSLContext lenientContext() throws GeneralSecurityException {
    TrustManager tm = new X509TrustManager() {
      @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
      @Override public void «checkServerTrusted(X509Certificate[] chain, String authType) {
        // accept everything, but keep a trace
        LOG.warn("server chain not validated: {} ({})", chain[0].getSubjectX500Principal(), authType);
      }»
      @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    };
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] { tm }, new SecureRandom());
    return ctx;
  }
}`,
      ));

    it('Apache strategies across a builder chain, qualified names, Kotlin lambdas', () =>
      expectMarked(
        'Clients.kt',
        'jvm.trust-all-strategy',
        `
val sslContext = SSLContextBuilder()
    .loadTrustMaterial(
        null,
        «org.apache.hc.client5.http.ssl.TrustAllStrategy.INSTANCE»,
    )
    .build()
val other = SSLContexts.custom().loadTrustMaterial(keyStore, «{ _, _ -> true }»).build()
val pinned = SSLContexts.custom().loadTrustMaterial(keyStore) { chain, _ -> chain[0].encoded.contentEquals(pin) }.build()`,
      ));

    it('stays quiet on trust managers that delegate or can throw', () =>
      expectMarked(
        'Strict.java',
        'jvm.trust-all-certificates',
        `
public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
  LOG.debug("validating {}", authType);
  defaultTm.checkServerTrusted(chain, authType);
}
public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
  if (!pinned(chain[0])) { LOG.error("pin mismatch"); throw new CertificateException("pin"); }
}`,
      ));
  });

  describe('class 2: Python flags passed indirectly', () => {
    it('a client module with a constant, an options dict, a partial and a wrapper', () =>
      expectMarked(
        'billing/client.py',
        'python.requests-verify-false',
        `
import functools
import requests as rq
from requests import Session, get as http_get

VERIFY_TLS = False
DEFAULTS = {
    "timeout": (3.05, 27),
    "headers": {"User-Agent": "billing/1.0"},
    "verify": False,
}

fetch_insecure = functools.partial(rq.get, timeout=10, «verify=False»)


def fetch(url: str, *, timeout: float = 10.0, verify: bool = False) -> dict:
    resp = rq.get(
        url,
        timeout=timeout,
        «verify=verify»,
    )
    return resp.json()


def post(url, payload):
    return rq.post(url, json=payload, «**DEFAULTS»)


def download(url):
    return http_get(url, stream=True, «verify=VERIFY_TLS»)


def legacy(url):
    return http_get(url, «verify=0»)
`,
      ));

    it('monkeypatching Session.request and a Session subclass', () =>
      expectMarked(
        'patch.py',
        'python.requests-verify-false',
        `
import requests

_original = requests.Session.request


def _no_verify(self, method, url, *args, **kwargs):
    kwargs.setdefault("verify", False)
    return _original(self, method, url, *args, «**kwargs»)


requests.Session.request = _no_verify


class LabSession(requests.Session):
    def request(self, method, url, verify=False, **kwargs):
        return super().request(method, url, «verify=verify», **kwargs)
`,
      ));

    it('urllib3 assert_hostname and websocket sslopt in multi-line calls', () =>
      expectMarked(
        'ws.py',
        'python.urllib3-assert-hostname-false',
        `
pool = urllib3.HTTPSConnectionPool(
    host,
    port=8443,
    ca_certs=CA,
    «assert_hostname=False»,
)
ws = websocket.WebSocketApp(url, on_message=on_message)
ws.run_forever(
    sslopt={
        «{python.ssl-options-cert-none}"cert_reqs": ssl.CERT_NONE»,
        «{python.check-hostname-false}"check_hostname": False»,
    },
)`,
      ));

    it('stays quiet on non-HTTP callees, rebinding and defaults kept to non-HTTP code', () =>
      expectMarked(
        'quiet.py',
        'python.requests-verify-false',
        `
VERIFY = False
VERIFY = settings.TLS_VERIFY
requests.get(url, verify=VERIFY)
value = cache.get("token", verify=False)
conf = self.config.get("db", verify=False)
opts = {"verify": False}
model.fit(x, **opts)


def check(sig, verify=False):
    return crypto.check(sig, verify=verify)
`,
      ));
  });

  describe('class 3: tool config written by scripts', () => {
    it('a bootstrap script with echo, tee and a here-document', () =>
      expectMarked(
        'bootstrap.sh',
        'config.curlrc-insecure',
        `#!/usr/bin/env bash
set -euo pipefail
echo «insecure» >> "$HOME/.curlrc"
echo '«{config.wgetrc-check-certificate}check_certificate = off»' | sudo tee -a /etc/wgetrc >/dev/null
cat > ~/.npmrc <<'NPMRC'
registry=https://npm.corp.example/
«{config.npmrc-strict-ssl}strict-ssl=false»
NPMRC
echo "cacert = /etc/ssl/corp-ca.pem" >> ~/.curlrc
echo insecure >> build.log
`,
      ));

    it('in a Dockerfile RUN with continuations', () =>
      expectMarked(
        'Dockerfile',
        'config.wgetrc-check-certificate',
        `FROM debian:12
RUN apt-get update \\
 && printf '«check_certificate = off»\\n' > /root/.wgetrc \\
 && wget -q https://downloads.corp.example/agent.deb`,
      ));
  });

  describe('class 4: options as dict values and component flags in manifests', () => {
    it('metrics-server Deployment and Helm values', () =>
      expectMarked(
        'charts/metrics-server/values.yaml',
        'config.kubelet-insecure-tls',
        `
defaultArgs:
  - --cert-dir=/tmp
  - --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname
  - «--kubelet-insecure-tls»
args: [«--kubelet-insecure-tls», --metric-resolution=15s]
# - --kubelet-insecure-tls
`,
      ));
  });

  describe('JS and Go: a variable holding the value, and the reverse cases', () => {
    it('TypeScript: a module constant, nested options, and type declarations that stay quiet', () =>
      expectMarked(
        'db.ts',
        'javascript.reject-unauthorized-false',
        `
const ALLOW_SELF_SIGNED = false;

export interface DbTls {
  rejectUnauthorized: false;
  ca?: string;
}
type Legacy = { ssl: { rejectUnauthorized: false } };

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  ssl: {
    «rejectUnauthorized: ALLOW_SELF_SIGNED»,
  },
});
`,
      ));

    it("Go: a local flag reaching the config, and the user's own struct staying quiet", () =>
      expectMarked(
        'scrape.go',
        'go.insecure-skip-verify',
        `
package scrape

type TargetConfig struct {
	URL                string
	InsecureSkipVerify bool
}

var defaults = TargetConfig{InsecureSkipVerify: true}

func client() *http.Client {
	insecure := true
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{
		«InsecureSkipVerify: insecure»,
		«{go.obsolete-tls-version}MinVersion:         tls.VersionTLS10»,
	}}}
}
`,
      ));
  });

  describe('switches no rule covered', () => {
    it('CLI tools in a CI job', () =>
      expectMarked(
        '.github/workflows/deploy.yml',
        'shell.aws-no-verify-ssl',
        `
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          aws s3 sync dist/ s3://corp-web/ «--no-verify-ssl»
          gcloud config set «{shell.gcloud-disable-ssl-validation}auth/disable_ssl_validation true»
          poetry config «{shell.poetry-certificates-cert-false}certificates.corp.cert false»
          composer config --global «{shell.composer-disable-tls}disable-tls true»
          deno run «{shell.deno-unsafely-ignore-certificate-errors}--unsafely-ignore-certificate-errors» scripts/smoke.ts
`,
      ));

    it('Electron main process', () =>
      expectMarked(
        'main.ts',
        'javascript.electron-accept-any-certificate',
        `
app.commandLine.appendSwitch(«{browser.ignore-certificate-errors}'ignore-certificate-errors'»);
app.on('certificate-error', (event, _webContents, url, _error, _certificate, callback) => {
  if (url.startsWith('https://localhost')) {
    event.preventDefault();
    «callback(true)»;
    return;
  }
  callback(false);
});
win.webContents.session.setCertificateVerifyProc(function (request, done) {
  «done(0)»;
});
`,
      ));

    it('Playwright config with a nested use block', () =>
      expectMarked(
        'playwright.config.ts',
        'browser.ignore-https-errors',
        `
export default defineConfig({
  use: {
    baseURL: 'https://staging.corp.example',
    «ignoreHTTPSErrors: true»,
    launchOptions: { args: [«{browser.ignore-certificate-errors}'--ignore-certificate-errors'»] },
  },
});
`,
      ));

    it('Android WebView client in Kotlin', () =>
      expectMarked(
        'WebActivity.kt',
        'jvm.webview-ssl-error-proceed',
        `
webView.webViewClient = object : WebViewClient() {
    override fun onReceivedSslError(view: WebView?, handler: SslErrorHandler?, error: SslError?) {
        if (BuildConfig.DEBUG) «handler?.proceed()» else handler?.cancel()
    }
}
`,
      ));

    it('obsolete protocol versions in each language', () => {
      expectMarked(
        'legacy.py',
        'python.obsolete-tls-version',
        'ctx = ssl.SSLContext(«ssl.PROTOCOL_TLSv1_1»)\nctx.«maximum_version = ssl.TLSVersion.TLSv1»\nok = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)',
      );
      expectMarked(
        'legacy.js',
        'javascript.obsolete-tls-version',
        'tls.createSecureContext({ «secureProtocol: "TLSv1_1_client_method"» });\nhttps.get(url, { «maxVersion: "TLSv1.1"» });',
      );
      expectMarked(
        'Legacy.java',
        'jvm.obsolete-tls-version',
        'SSLContext a = SSLContext.getInstance(«"TLSv1.1"»);\nSSLContext b = SSLContext.getInstance("TLSv1.2");',
      );
    });
  });
});

describe('detection v2: the CA-bundle fix applies to what the new paths report', () => {
  const fixed = (text: string, path: string): string[] =>
    scanText(text, path).map((f) => {
      const r = trustBundleFix(text, f, { bundle: '/etc/ssl/corp-ca.pem', path });
      // A finding at a sink (`verify=VERIFY`) is fixed where its value is written: that line is the one shown.
      return r ? applyEdits(text, r.edits).split('\n')[(f.origin ?? f).range.start.line] : `no fix for ${f.ruleId}`;
    });

  it('rewrites the constant, the dict entry and the env knobs in place', () => {
    assert.deepStrictEqual(
      fixed(
        'VERIFY = False\nrequests.get(u, verify=VERIFY)\nOPTS = {"verify": False}\nrequests.post(u, **OPTS)\n',
        'c.py',
      ),
      ['VERIFY = "/etc/ssl/corp-ca.pem"', 'OPTS = {"verify": "/etc/ssl/corp-ca.pem"}'],
    );
    // …while the findings themselves sit at the calls (lines 2 and 4).
    const sinks = scanText(
      'VERIFY = False\nrequests.get(u, verify=VERIFY)\nOPTS = {"verify": False}\nrequests.post(u, **OPTS)\n',
      'c.py',
    );
    assert.deepStrictEqual(
      sinks.map((f) => [f.range.start.line, f.value, f.origin?.range.start.line]),
      [
        [1, 'verify=VERIFY', 0],
        [3, '**OPTS', 2],
      ],
    );
    assert.deepStrictEqual(fixed('subprocess.run(c, env={"GIT_SSL_NO_VERIFY": "1"})\n', 'm.py'), [
      'subprocess.run(c, env={"GIT_SSL_CAINFO": "/etc/ssl/corp-ca.pem"})',
    ]);
    assert.deepStrictEqual(fixed('export CLOUDSDK_AUTH_DISABLE_SSL_VALIDATION=True\n', 'ci.sh'), [
      'export CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE=/etc/ssl/corp-ca.pem',
    ]);
  });
});
