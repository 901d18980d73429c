// Classes of switches met in real code, third round (issue 18's code-check2 misses and false positives, and the
// forms found in public code for the same switches): fixtures written here, with exact places, and the look-alikes
// that must stay quiet.
import * as assert from 'assert';
import { expectNone, hits, hitsFrom } from './helpers';
import { falseBindings } from '../../../src/core/rules/python-flow';

describe('real-code classes 3: python saved originals and wrappers', () => {
  it('finds verify=False passed to a saved original that a monkeypatch calls (module and Session method)', () =>
    assert.deepStrictEqual(
      hits(
        `import requests
from requests import Session as _Session

def disable_ssl_checks():
    previous = requests.request

    def insecure_request(method, url, headers=None, **kw):
        return previous(method, url,
                        headers=headers,
                        verify=False, **kw)

    requests.request = insecure_request


class Patcher:
    def install(self):
        self._orig_send = _Session.send
        _Session.send = self.send

    def send(self, session, request, **kwargs):
        return self._orig_send(session, request, verify=False, **kwargs)`,
        'utils/patch.py',
      ),
      [
        ['python.requests-verify-false', 10, 25, 'verify=False'],
        ['python.requests-verify-false', 21, 50, 'verify=False'],
      ],
    ));

  it('finds a wrapper default passed to a saved original', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import httpx
_original_send = httpx.Client.send

def send(self, request, *, verify=False, **kwargs):
    return _original_send(self, request, verify=verify, **kwargs)

httpx.Client.send = send`,
        'patch_httpx.py',
      ),
      // At the call the default reaches (issue 18's sink rule), the default as the origin.
      [['python.httpx-verify-false', 5, 42, 'verify=verify', 4, 'verify=False']],
    ));

  it('ignores saved methods of objects that are not HTTP clients', () =>
    expectNone(
      `import requests
lookup = cache.get
fetch_setting = self.config.get
decode = jwt.decode
value = lookup("k", verify=False)
other = fetch_setting("tls", verify=False)
claims = decode(token, verify=False)
requests.get(url, verify=True)`,
      'settings.py',
    ));

  it('finds kwargs switched off in a monkeypatched request: update({…}), update(…, verify=False), item, setdefault', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import requests

def no_verify():
    original = requests.Session.request

    def request(self, method, url, **kwargs):
        kwargs.update({"timeout": 30,
                       "verify": False})
        return original(self, method, url, **kwargs)

    requests.Session.request = request

def quiet():
    base = requests.Session.request

    def patched(self, *args, **kw):
        kw.update(timeout=10, verify=False)
        return base(self, *args, **kw)

    requests.Session.request = patched`,
        'net/patches.py',
      ),
      [
        ['python.requests-verify-false', 9, 44, '**kwargs', 8, '"verify": False'],
        ['python.requests-verify-false', 18, 34, '**kw', 17, 'verify=False'],
      ],
    ));

  it('finds httpx subclasses switching verify off in __init__ (setdefault, keyword, default, explicit base call)', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import httpx
from httpx import AsyncClient as _AsyncClient


class PatchedAsyncClient(httpx.AsyncClient):
    """A client for the lab's self-signed endpoints."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verify", False)
        super().__init__(*args, **kwargs)


class LabClient(_AsyncClient):
    def __init__(self, base_url, **kwargs):
        super(LabClient, self).__init__(
            base_url=base_url,
            verify=False,
            **kwargs,
        )


class Insecure(httpx.Client):
    def __init__(self, *args, verify=False, **kwargs):
        super().__init__(*args, verify=verify, **kwargs)


class Legacy(httpx.Client):
    def __init__(self, **kwargs):
        httpx.Client.__init__(self, verify=False, **kwargs)`,
        'clients.py',
      ),
      [
        ['python.httpx-verify-false', 10, 33, '**kwargs', 9, 'kwargs.setdefault("verify", False)'],
        ['python.httpx-verify-false', 17, 13, 'verify=False', '-', '-'],
        ['python.httpx-verify-false', 24, 33, 'verify=verify', 23, 'verify=False'],
        ['python.httpx-verify-false', 29, 37, 'verify=False', '-', '-'],
      ],
    ));

  it('finds an HTTPAdapter override passing verify=False to cert_verify, and httpx transport subclasses', () =>
    assert.deepStrictEqual(
      hits(
        `from requests.adapters import HTTPAdapter
import httpx


class NoVerifyAdapter(HTTPAdapter):
    def cert_verify(self, conn, url, verify, cert):
        super().cert_verify(conn=conn, url=url, verify=False, cert=cert)


class LabTransport(httpx.AsyncHTTPTransport):
    def __init__(self, **kw):
        super().__init__(verify=False, **kw)`,
        'adapters.py',
      ),
      [
        ['python.requests-verify-false', 7, 49, 'verify=False'],
        ['python.httpx-verify-false', 12, 26, 'verify=False'],
      ],
    ));

  it('ignores super().__init__(verify=False) in classes that are not HTTP clients, or outside the class', () =>
    expectNone(
      `import httpx


class Loader(BaseLoader):
    def __init__(self, **kwargs):
        kwargs.setdefault("verify", False)
        super().__init__(verify=False, **kwargs)


class Wrapper(httpx.Client):
    pass


def build(**kwargs):
    super().__init__(verify=False)


class Secure(httpx.Client):
    def __init__(self, **kwargs):
        kwargs.setdefault("verify", "/path/to/ca.pem")
        super().__init__(**kwargs)`,
      'loaders.py',
    ));

  it('reports the NLTK idiom once (at the install), a saved reference that is never installed where it is', () => {
    assert.deepStrictEqual(
      hits(
        `import ssl

try:
    _create_unverified_https_context = ssl._create_unverified_context
except AttributeError:
    pass
else:
    ssl._create_default_https_context = _create_unverified_https_context`,
        'webservices/__init__.py',
      ).map(([id, line]) => [id, line]),
      [['python.default-https-context-override', 8]],
    );
    assert.deepStrictEqual(
      hits(
        `import ssl
factory = ssl._create_unverified_context
conn = http.client.HTTPSConnection(host, context=factory())`,
        'probe.py',
      ),
      [['python.unverified-context', 2, 11, 'ssl._create_unverified_context']],
    );
  });
});

describe('real-code classes 3: javascript server options', () => {
  it('ignores rejectUnauthorized: false in the options of a server (inline, bound, requestCert: true)', () =>
    expectNone(
      `const https = require('https');
const tls = require('tls');
const http2 = require('http2');

const options = {
  key: fs.readFileSync('./localhost.key'),
  cert: fs.readFileSync('./localhost.cert'),
  requestCert: false,
  rejectUnauthorized: false,
};
https.createServer(options, app).listen(8443);

tls.createServer({ key, cert, rejectUnauthorized: false }, onSocket);
const h2 = http2.createSecureServer({
  key,
  cert,
  allowHTTP1: true,
  rejectUnauthorized: false,
});
const mtls = { ca: [clientCa], requestCert: true, rejectUnauthorized: false };
const socket = new tls.TLSSocket(raw, { isServer: true, secureContext, rejectUnauthorized: false });`,
      'server.js',
    ));

  it('still finds client options, also with a copied requestCert key or next to a server', () =>
    assert.deepStrictEqual(
      hits(
        `const server = https.createServer({ key, cert }, app);

export default axios.create({
  baseURL,
  httpsAgent: new https.Agent({
    rejectUnauthorized: false,
    requestCert: false,
  }),
});
const agent = new https.Agent({ requestCert: true, rejectUnauthorized: false });
const upstream = { rejectUnauthorized: false };
https.request(target, upstream);
tlsOptions.rejectUnauthorized = false;`,
        'proxy.js',
      ).map(([id, line, col]) => [id, line, col]),
      [
        ['javascript.reject-unauthorized-false', 6, 5],
        ['javascript.reject-unauthorized-false', 10, 52],
        // `upstream` reaches https.request: found there (issue 18's sink rule), not at its literal on line 11.
        ['javascript.reject-unauthorized-false', 12, 23],
        ['javascript.reject-unauthorized-false', 13, 12],
      ],
    ));
});

describe('real-code classes 3: rust connectors', () => {
  it('finds mbedtls AuthMode::None on a client, ureq disable_verification, isahc flags, openssl and curl switches', () =>
    assert.deepStrictEqual(
      hits(
        `fn agent() -> Result<ureq::Agent, ureq::Error> {
    let agent = ureq::builder()
        .tls_connector(Arc::new(mbedtls_connector::MbedTlsConnector::new(
            mbedtls::ssl::config::AuthMode::None,
        )))
        .build();
    let tls = ureq::tls::TlsConfig::builder()
        .disable_verification(true)
        .build();
    let client = isahc::HttpClient::builder()
        .ssl_options(SslOption::DANGER_ACCEPT_INVALID_CERTS)
        .build()?;
    let mut builder = SslConnector::builder(SslMethod::tls())?;
    builder.set_verify(SslVerifyMode::empty());
    let ssl = builder.build().configure()?.verify_hostname(false).into_ssl(host)?;
    let mut easy = Easy::new();
    easy.ssl_verify_peer(false)?;
    easy.ssl_verify_host(false)?;
    Ok(agent)
}`,
        'src/net.rs',
      ).map(([id, line, col]) => [id, line, col]),
      [
        ['rust.danger-accept-invalid-certs', 11, 22],
        ['rust.ureq-disable-verification', 8, 10],
        ['rust.openssl-verify-hostname-false', 15, 44],
        ['rust.curl-ssl-verify-peer-false', 17, 10],
        ['rust.curl-ssl-verify-host-false', 18, 10],
        ['rust.mbedtls-authmode-none', 4, 13],
        ['rust.openssl-verify-none', 14, 13],
      ].sort(byLine),
    ));

  it('finds a builder switch through a name bound once to true', () =>
    assert.deepStrictEqual(
      hits(
        `const ACCEPT_INVALID: bool = true;

fn connector() -> native_tls::Result<TlsConnector> {
    let skip_hosts = true;
    native_tls::TlsConnector::builder()
        .danger_accept_invalid_certs(ACCEPT_INVALID)
        .danger_accept_invalid_hostnames(skip_hosts)
        .build()
}`,
        'src/tls.rs',
      ).map(([id, line, col]) => [id, line, col]),
      [
        ['rust.danger-accept-invalid-certs', 6, 10],
        ['rust.danger-accept-invalid-hostnames', 7, 10],
      ],
    ));

  it('ignores servers, tests of the mode, flags from elsewhere and rebound names', () =>
    expectNone(
      `fn server() {
    let mut config = Config::new(Endpoint::Server, Transport::Stream, Preset::Default);
    config.set_authmode(AuthMode::None);
}
fn mode(m: AuthMode) -> c_int {
    match m {
        AuthMode::None => SSL_VERIFY_NONE,
        AuthMode::Optional | AuthMode::Required => SSL_VERIFY_REQUIRED,
    }
}
fn tls(allow_insecure: bool) -> TlsConfig {
    let mut insecure = true;
    insecure = allow_insecure;
    TlsConfig::builder().disable_verification(allow_insecure).disable_verification(insecure).build()
}
fn curl(easy: &mut Easy, verify: bool) { easy.ssl_verify_peer(verify).unwrap(); easy.ssl_verify_host(true).unwrap(); }
// easy.ssl_verify_peer(false)
const DOC: &str = "call disable_verification(true) to skip checks";`,
      'src/lib.rs',
    ));
});

function byLine(a: (string | number)[], b: (string | number)[]): number {
  return (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number);
}

describe('real-code classes 3: other clients’ switches', () => {
  it('finds tornado validate_cert=False, httplib2 and pycurl switches, superagent disableTLSCerts()', () => {
    assert.deepStrictEqual(
      hits(
        `import httplib2
import pycurl
from tornado import httpclient


@gen.coroutine
def poll(url):
    request = httpclient.HTTPRequest(
        url=url,
        method="GET",
        validate_cert=False
    )
    response = yield httpclient.AsyncHTTPClient().fetch(request)
    http = httplib2.Http(".cache", disable_ssl_certificate_validation=True)
    legacy = httplib2.Http()
    legacy.disable_ssl_certificate_validation = True
    c = pycurl.Curl()
    c.setopt(pycurl.SSL_VERIFYPEER, 0)
    c.setopt(pycurl.SSL_VERIFYHOST, False)


def options(validate_cert=False, disable_ssl_certificate_validation=True):
    return {}`,
        'poller.py',
      ),
      [
        ['python.validate-cert-false', 11, 9, 'validate_cert=False'],
        ['python.httplib2-disable-validation', 14, 36, 'disable_ssl_certificate_validation=True'],
        ['python.httplib2-disable-validation', 16, 12, 'disable_ssl_certificate_validation = True'],
        ['python.pycurl-ssl-verifypeer-off', 18, 7, 'setopt(pycurl.SSL_VERIFYPEER, 0)'],
        ['python.pycurl-ssl-verifyhost-off', 19, 7, 'setopt(pycurl.SSL_VERIFYHOST, False)'],
      ],
    );
    assert.deepStrictEqual(
      hits(
        `const res = await superagent
  .post(TOKEN_URL)
  .type('form')
  .send(payload)
  .disableTLSCerts();`,
        'auth.ts',
      ),
      [['javascript.superagent-disable-tls-certs', 5, 4, 'disableTLSCerts()']],
    );
  });

  it('ignores the secure values, comments and strings', () => {
    expectNone(
      `request = HTTPRequest(url, validate_cert=True, ca_certs="/path/to/ca.pem")
h = httplib2.Http(disable_ssl_certificate_validation=False)
c.setopt(pycurl.SSL_VERIFYPEER, 1)
c.setopt(pycurl.SSL_VERIFYHOST, 2)
# c.setopt(pycurl.SSL_VERIFYPEER, 0)
doc = "pass validate_cert=False to skip"`,
      'client.py',
    );
    expectNone("// .disableTLSCerts() only for the dev server\nconst hint = 'call .disableTLSCerts()';", 'a.js');
  });
});

describe('real-code classes 3: Redis and Celery ssl_cert_reqs', () => {
  it('finds the keyword, the Celery dict key and the URL parameter, each spelling of none', () =>
    assert.deepStrictEqual(
      hits(
        `import ssl
import redis
from redis import asyncio as aioredis

client = aioredis.from_url(
    f"rediss://{url.hostname}:{url.port}",
    password=url.password,
    ssl_cert_reqs=None,
)
cluster = RedisCluster(startup_nodes=nodes, ssl=True, ssl_cert_reqs="none")
app.conf.update(
    broker_use_ssl={
        'ssl_cert_reqs': ssl.CERT_NONE,
    },
    redis_backend_use_ssl={"ssl_cert_reqs": "CERT_NONE"},
)
if "?" not in redis_url:
    redis_url += "?ssl_cert_reqs=none"
CELERY_BROKER_URL = "rediss://:pw@cache:6380/0?timeout=5&ssl_cert_reqs=CERT_NONE"`,
        'worker/config.py',
      ),
      [
        ['python.redis-ssl-cert-reqs-none', 8, 5, 'ssl_cert_reqs=None'],
        ['python.redis-ssl-cert-reqs-none', 10, 55, 'ssl_cert_reqs="none"'],
        ['python.redis-ssl-cert-reqs-none', 13, 9, "'ssl_cert_reqs': ssl.CERT_NONE"],
        ['python.redis-ssl-cert-reqs-none', 15, 28, '"ssl_cert_reqs": "CERT_NONE"'],
        ['python.redis-ssl-cert-reqs-none', 18, 20, 'ssl_cert_reqs=none'],
        ['python.redis-ssl-cert-reqs-none', 19, 58, 'ssl_cert_reqs=CERT_NONE'],
      ],
    ));

  it('ignores required, a def default, prose and other keys', () =>
    expectNone(
      `r = redis.Redis(ssl=True, ssl_cert_reqs="required", ssl_ca_certs="/path/to/ca.pem")
def make(url, ssl_cert_reqs=None):
    return redis.from_url(url, ssl_cert_reqs=ssl_cert_reqs or "required")
HELP = "add ssl_cert_reqs=none if the certificate is self-signed"
opts = {"my_ssl_cert_reqs": None}
# broker_use_ssl = {"ssl_cert_reqs": ssl.CERT_NONE}`,
      'settings.py',
    ));
});

describe('real-code classes 3: tune3 forms', () => {
  it('Go: quiet on a config given only to a listener or an http.Server, found when a client also takes it', () => {
    expectNone(
      `func serve(t *testing.T, address string, certs []tls.Certificate) {
	config := &tls.Config{
		Certificates:       certs,
		InsecureSkipVerify: true, // nolint: gosec
		MinVersion:         tls.VersionTLS12,
	}
	listener, err := tls.Listen("tcp", address, config)
	require.NoError(t, err)
	srv := &http.Server{
		Addr:      ":8443",
		TLSConfig: &tls.Config{InsecureSkipVerify: true},
	}
	_ = srv
	_ = listener
}`,
      'tls/server.go',
    );
    assert.deepStrictEqual(
      hits(
        `func roundTrip(addr string) {
	config := &tls.Config{InsecureSkipVerify: true}
	ln, _ := tls.Listen("tcp", addr, config)
	conn, _ := tls.Dial("tcp", addr, config)
	rdb := redis.NewClient(&redis.Options{Addr: addr, TLSConfig: &tls.Config{InsecureSkipVerify: true}})
	_, _, _ = ln, conn, rdb
}`,
        'tls/roundtrip.go',
      ).map(([id, line]) => [id, line]),
      [
        ['go.insecure-skip-verify', 2],
        ['go.insecure-skip-verify', 5],
      ],
    );
  });

  it("Go: quiet on a websocket AcceptOptions' InsecureSkipVerify (the Origin check), found on a tls.Config beside it", () => {
    assert.deepStrictEqual(
      hits(
        `func serveWS(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		InsecureSkipVerify: true,
	})
	opts := AcceptOptions{InsecureSkipVerify: true}
	upstream := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	_, _, _, _ = conn, err, opts, upstream
}`,
        'ws/handler.go',
      ).map(([id, line]) => [id, line]),
      [['go.insecure-skip-verify', 6]],
    );
  });

  it('Go: an obsolete version in a _test.go fixture is not reported, in other files it is', () => {
    const code = `func TestFloor(t *testing.T) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS10}
	if got := normalize(cfg).MinVersion; got != tls.VersionTLS12 {
		t.Fatalf("got %d", got)
	}
}`;
    expectNone(code, 'dimse/client_tls_test.go');
    assert.deepStrictEqual(
      hits(code, 'dimse/client_tls.go').map(([id, line]) => [id, line]),
      [['go.obsolete-tls-version', 2]],
    );
  });

  it('Rust: an accept-all verifier installed from another module, not a pinning one implemented here', () => {
    assert.deepStrictEqual(
      hits(
        `let mut config = rustls::ClientConfig::new();
config.dangerous().set_certificate_verifier(Arc::new(IgnoreCertVerifier {}));
if !tls_verify_certificate {
    client_config
        .dangerous()
        .set_certificate_verifier(std::sync::Arc::new(danger::NoCertificateVerification));
}`,
        'src/ws_client.rs',
      ).map(([id, line, col]) => [id, line, col]),
      [
        ['rust.accept-all-verifier-installed', 2, 20],
        ['rust.accept-all-verifier-installed', 6, 10],
      ],
    );
    expectNone(
      `struct NoVerifier { pinned: [u8; 32] }
impl rustls::client::danger::ServerCertVerifier for NoVerifier {
    fn verify_server_cert(&self, end_entity: &CertificateDer<'_>, _i: &[CertificateDer<'_>], _n: &ServerName<'_>, _o: &[u8], _now: UnixTime) -> Result<ServerCertVerified, rustls::Error> {
        if sha256(end_entity.as_ref()) != self.pinned {
            return Err(rustls::Error::General("not pinned".into()));
        }
        Ok(ServerCertVerified::assertion())
    }
}
fn install(config: &mut ClientConfig, verifier: Arc<dyn ServerCertVerifier>) {
    config.dangerous().set_certificate_verifier(Arc::new(NoVerifier { pinned: PIN }));
    config.dangerous().set_certificate_verifier(verifier);
    config.dangerous().set_certificate_verifier(Arc::new(PinnedVerifier::new(PIN)));
}`,
      'src/pin.rs',
    );
  });

  it('Python: verify_ssl=False / ssl_verify=False passed to client classes, not to functions', () => {
    assert.deepStrictEqual(
      hits(
        `from atlassian import Confluence, Jira
import gitlab

jira_client = Jira(url=config.JIRA_URL, token=token, cloud=False, verify_ssl=False)
wiki = Confluence(
    url=config.CONFLUENCE_URL,
    token=token,
    verify_ssl=False,
)
gl = gitlab.Gitlab(GITLAB_URL, private_token=token, ssl_verify=False)
report = render(template, verify_ssl=False)`,
        'main.py',
      ).map(([id, line, col]) => [id, line, col]),
      [
        ['python.client-sdk-verify-false', 4, 67],
        ['python.client-sdk-verify-false', 8, 5],
        ['python.client-sdk-verify-false', 10, 53],
      ],
    );
  });

  it('JavaScript: k6 insecureSkipTLSVerify and client-node skipTLSVerify, not false or types', () => {
    assert.deepStrictEqual(
      hits(
        `import ws from 'k6/ws';

export const options = {
  insecureSkipTLSVerify: true,
  setupTimeout: '120s',
};
const cluster = { name: 'kind', server: 'https://127.0.0.1:6443', skipTLSVerify: true };`,
        'load/quiz-load.js',
      ).map(([id, line, col]) => [id, line, col]),
      [
        ['javascript.skip-tls-verify-true', 4, 3],
        ['javascript.skip-tls-verify-true', 7, 67],
      ],
    );
    expectNone(
      'export const options = { insecureSkipTLSVerify: false };\ninterface Cluster { skipTLSVerify: true }\n// insecureSkipTLSVerify: true',
      'load.ts',
    );
  });
});

describe('rules/python-flow: falseBindings line ends', () => {
  it('a comment ends at any line terminator (CR, U+2028), so a binding on the next line is read', () =>
    assert.deepStrictEqual(
      ['0#\u2028x=False', '0#\rVERIFY = 0', 'y = 1  # 0\nz: bool = False'].map((c) => [...falseBindings(c)]),
      [['x'], ['VERIFY'], ['z']],
    ));
});

describe('real-code classes 3: kubeconfig written from Python', () => {
  it('finds the YAML line in a string and the dict entry, not false, prose or a comparison', () => {
    assert.deepStrictEqual(
      hits(
        `for line in kubeconfig.splitlines():
    stripped = line.strip()
    if "certificate-authority-data:" in stripped:
        kc_ci_lines.append("    insecure-skip-tls-verify: true")
        skip_ca = True
cluster = {"server": f"https://{host}:6443", 'insecure-skip-tls-verify': True}
yaml_text = f"""clusters:
- cluster:
    insecure-skip-tls-verify: yes
    server: {server}
"""`,
        'scripts/make_ci_kubeconfig.py',
      ).map(([id, line, col]) => [id, line, col]),
      [
        ['python.kubeconfig-text-insecure', 4, 33],
        ['python.kubeconfig-text-insecure', 6, 46],
        ['python.kubeconfig-text-insecure', 9, 5],
      ],
    );
    expectNone(
      `cluster = {"insecure-skip-tls-verify": False}
HELP = "never set insecure-skip-tls-verify"
if cfg.get("insecure-skip-tls-verify") == True:
    warn()
# lines.append("insecure-skip-tls-verify: true")`,
      'kube.py',
    );
  });
});
