// The python rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../python.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('python', { surface: 'python', file: 'app.py' });

/** The Python rules, by short name. */
export const PY = {
  requests: rule('requests-verify-false', {
    title: 'requests call with verify=False: certificate verification is off',
    description: 'verify=False makes requests accept any certificate, so anyone on the path can read and change the traffic. Pass verify="<CA bundle path>" (or set REQUESTS_CA_BUNDLE) instead.',
    fix: 'python-verify-kwarg',
    concept: 'verification-off',
    client: 'python-requests',
    caVars: ['REQUESTS_CA_BUNDLE', 'SSL_CERT_FILE'],
    notes: 'Matched on the HTTP-verb methods of any receiver (`get`, `post`, `put`, `patch`, `delete`, `head`, `options`, `request`, `send`, `stream`): `requests.get`, `Session().get`, `self.session.get`. A `verify=False` passed to any other call (`model.fit(data, verify=False)`), or to the `get` of a receiver that is clearly not HTTP (`cache.get`, `self.config.get`, `kwargs.get`), is not a finding, nor is `verify=True`, an unknown variable, or a CA path.\n\nSame-file data flow, reported where the value reaches the call (the keyword `verify=VERIFY`, the spread `**opts`, the wrapper\'s own call or `session.verify = verify_ssl`), once per call, with the place of the value as related information (the quick fix rewrites the value there, once for every call it reaches): `verify=0`; a module constant (`VERIFY = False` … `verify=VERIFY`); a dict spread into the call (`opts = {"verify": False}` … `**opts`, `opts["verify"] = False`, `opts.setdefault("verify", False)`, `dict(verify=False)`, `opts.update({"verify": False})`, `opts.update(timeout=5, verify=False)`; a `**kwargs` parameter is read in its own function only); `functools.partial(requests.get, verify=False)`; a wrapper whose parameter defaults to False and is passed on to an HTTP call, stored as a session\'s switch (`session.verify = verify_ssl`, `self.session.verify = verify`; a bare `self.verify = verify` only in a subclass of a Session), or that overrides or monkeypatches an HTTP method (`requests.Session.request = patched`); import aliases (`import requests as r`, `from requests import get as fetch`); an HTTPAdapter override passing `verify=False` to `cert_verify`; names holding a saved HTTP method, as monkeypatches keep the original (`old_request = requests.Session.request` … `old_request(self, method, url, verify=False)`; a saved `cache.get` or `jwt.decode` is not HTTP). A default that is only passed to non-HTTP code is not a finding. In a file using requests or httpx, an API client\'s constructor default kept on the instance (`def __init__(self, host, verify=False):` … `self.verify = verify`, with a server address among its parameters or an `https://` URL in its body) is found on the default (its calls are in other methods or modules); a function taking `**kw` that forces `kw["verify"] = False` (or `setdefault` / `update`) and hands `kw` on nowhere in the text (an excerpt of a patched `Session.request`) is found on that line. A constant bound False in one arm of an `if`/`else` (or `try`/`except`: `except ImportError: CA = False`) still reaches the call; one rebound later on every path does not.\n\nAlso a `partial` / `partialmethod` of any callable installed over an HTTP method (`session.request = partialmethod(original, verify=False)`) or of a name bound to one (`_get = requests.get`), and an override or replacement of `Session.merge_environment_settings` that forces `verify = False` (or `settings["verify"] = False`) unconditionally; one that only keeps the caller\'s own `verify=False` (`if self.verify is False: verify = False`) is not a finding. Nor is a switch inside `with pytest.raises(…):` / `with self.assertRaises(…):` (a test that the code refuses it); the same holds for every rule of the family.',
    examples: {
      flagged: [`requests.get(url, «verify=False»)
requests.Session().post(url, json=body, «verify=False»)`,
        `import functools
from requests import get as fetch

VERIFY_TLS = False
OPTIONS = {"timeout": 10, "verify": False}

insecure_get = functools.partial(requests.get, «verify=False»)
fetch(url, «verify=0»)
requests.post(
    url,
    json=payload,
    «verify=VERIFY_TLS»,
)
requests.get(url, «**OPTIONS»)

def get_json(url, verify=False):
    return requests.get(url, «verify=verify»).json()`,
        `_request = requests.Session.request

def _insecure_request(self, method, url, **kwargs):
    kwargs["verify"] = False
    return _request(self, method, url, «**kwargs»)

requests.Session.request = _insecure_request`,
        `old_merge = requests.Session.merge_environment_settings

def merge_environment_settings(self, url, proxies, stream, verify, cert):
    settings = old_merge(self, url, proxies, stream, verify, cert)
    «settings["verify"] = False»
    return settings

requests.Session.merge_environment_settings = merge_environment_settings
original = session.request
session.request = functools.partialmethod(original, «verify=False»)`,
        `def create_session(verify_ssl=False):
    session = requests.Session()
    session.«verify = verify_ssl»
    return session

class ApiClient:
    def __init__(self, base_url, verify=False):
        self.session = requests.Session()
        self.session.«verify = verify»`],
      ok: [
        `requests.get(url, verify="/path/to/ca-bundle.pem")
# or, for the whole process: export REQUESTS_CA_BUNDLE=/path/to/ca-bundle.pem`,
        'requests.get(u, verify=True)',
        'requests.get(u, verify=ca_path)',
        'model.fit(data, verify=False)',
        'value = cache.get(key, verify=False)\nrow = self.config.get("db", verify=False)',
        `class KeepCallerChoice(requests.Session):
    def merge_environment_settings(self, url, proxies, stream, verify, *args, **kwargs):
        if self.verify is False:
            verify = False
        return super().merge_environment_settings(url, proxies, stream, verify, *args, **kwargs)`,
        'loader = functools.partial(load_model, verify=False)',
        `def test_client_refuses_insecure():
    with pytest.raises(ValueError, match="verification cannot be disabled"):
        requests.get(url, verify=False)`,
        'def score(x, verify=False):\n    return model.predict(x, verify=verify)',
        'def create_session(verify_ssl=True):\n    session = requests.Session()\n    session.verify = verify_ssl',
        'class Check:\n    def __init__(self, verify=False):\n        self.verify = verify  # a flag of its own class, not a session',
        'VERIFY = False\nVERIFY = os.environ.get("VERIFY") == "1"\nrequests.get(u, verify=VERIFY)',
        '# requests.get(u, verify=False)',
        'print(\'requests.get(u, verify=False)\')',
      ],
    },
  }),
  sessionVerify: rule('session-verify-false', {
    title: 'session.verify = False turns certificate verification off for every request of the session',
    description: 'Every request made through this session accepts any certificate. Set session.verify to the path of a CA bundle that contains your private CA instead.',
    fix: 'python-verify-attribute',
    concept: 'verification-off',
    client: 'python-requests',
    caVars: ['REQUESTS_CA_BUNDLE', 'SSL_CERT_FILE'],
    notes: 'Also through a same-file constant: `session.verify = VERIFY_SSL` where `VERIFY_SSL = False` is found at the assignment, with the constant as its origin (what the fix rewrites).',
    examples: {
      flagged: [`session = requests.Session()
session.«verify = False»`, `VERIFY_SSL = False

def make_session():
    s = requests.Session()
    s.«verify = VERIFY_SSL»
    return s`],
      ok: [
        `session = requests.Session()
session.verify = "/path/to/ca-bundle.pem"`,
        'if s.verify == False: pass',
      ],
    },
  }),
  httpx: rule('httpx-verify-false', {
    title: 'httpx with verify=False: certificate verification is off',
    description: 'httpx accepts any certificate when verify=False. Pass verify=ssl.create_default_context(cafile="<CA bundle>") or a bundle path instead.',
    fix: 'python-verify-kwarg',
    concept: 'verification-off',
    client: 'python-httpx',
    caVars: ['REQUESTS_CA_BUNDLE', 'SSL_CERT_FILE'],
    notes: 'Same-file data flow as for requests (constants, spread dicts, partials, wrapper defaults, aliases, saved methods such as `_send = httpx.Client.send`), and subclasses: `super().__init__(…, verify=False)` (or `kwargs.setdefault("verify", False)` spread into it, or `httpx.Client.__init__(self, verify=False)`) in a class whose bases include `httpx.Client` / `httpx.AsyncClient` (aliases too). The same call in a class of another base is not a finding.',
    examples: {
      flagged: [`httpx.get(url, «verify=False»)
client = httpx.AsyncClient(«verify=False»)`, `class PatchedAsyncClient(httpx.AsyncClient):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verify", False)
        super().__init__(*args, «**kwargs»)`],
      ok: [`ctx = ssl.create_default_context(cafile="/path/to/ca-bundle.pem")
client = httpx.AsyncClient(verify=ctx)`, `class Loader(BaseLoader):
    def __init__(self, **kwargs):
        super().__init__(verify=False, **kwargs)`],
    },
  }),
  aiohttp: rule('aiohttp-ssl-false', {
    title: 'aiohttp with ssl=False / verify_ssl=False: certificate verification is off',
    description: 'aiohttp skips certificate checks with ssl=False (or the deprecated verify_ssl=False). Pass ssl=ssl.create_default_context(cafile="<CA bundle>") instead.',
    concept: 'verification-off',
    client: 'python-aiohttp',
    caVars: ['SSL_CERT_FILE'],
    notes: 'Also matches the deprecated `verify_ssl=False`. Only HTTP-verb methods, `request`, `ws_connect`, `TCPConnector` and `ClientSession` calls count, and Home Assistant\'s `async_get_clientsession(hass, verify_ssl=False)` / `async_create_clientsession(…)`, which hand out an aiohttp session.',
    examples: {
      flagged: [`async with session.get(url, «ssl=False») as r: ...
connector = aiohttp.TCPConnector(«ssl=False»)`],
      ok: [
        `ctx = ssl.create_default_context(cafile="/path/to/ca-bundle.pem")
connector = aiohttp.TCPConnector(ssl=ctx)`,
        'asyncio.open_connection(host, 443, ssl=True)',
      ],
    },
  }),
  certNone: rule('cert-reqs-none', {
    title: 'cert_reqs=CERT_NONE: certificate verification is off',
    description: 'urllib3 pools (and ssl.wrap_socket) with cert_reqs="CERT_NONE" accept any certificate. Use cert_reqs="CERT_REQUIRED" with ca_certs="<CA bundle>".',
    concept: 'verification-off',
    client: 'python-urllib3',
    caVars: ['SSL_CERT_FILE'],
    notes: 'Parameter defaults in a `def` are not findings, nor is a server\'s `wrap_socket(sock, server_side=True, cert_reqs=ssl.CERT_NONE)`. A settings constant named for it (`CERT_REQS = ssl.CERT_NONE`) is found where it is passed as `cert_reqs=CERT_REQS`, or on itself when the file never uses it. A keyword dict filled item by item is (`kw["cert_reqs"] = "CERT_NONE"`, later spread into a pool): only urllib3 reads that key.',
    examples: {
      flagged: ['http = urllib3.PoolManager(«cert_reqs=\'CERT_NONE\'»)', `manager_kwargs = {}
if not certifi_installed:
    «manager_kwargs["cert_reqs"] = "CERT_NONE"»
pool = urllib3.PoolManager(**manager_kwargs)`],
      ok: [
        'kw["cert_reqs"] = "CERT_REQUIRED"\nkw["ca_certs"] = certifi.where()',
        'http = urllib3.PoolManager(cert_reqs=\'CERT_REQUIRED\', ca_certs=\'/path/to/ca-bundle.pem\')',
        'def wrap(sock, cert_reqs=CERT_NONE): pass',
      ],
    },
  }),
  unverified: rule('unverified-context', {
    title: 'ssl._create_unverified_context(): a context that checks nothing',
    description: 'The unverified context skips both the certificate chain and the host name. Use ssl.create_default_context(cafile="<CA bundle>") instead.',
    fix: 'python-unverified-context',
    concept: 'verification-off',
    client: 'python-ssl',
    caVars: ['SSL_CERT_FILE'],
    notes: 'A reference without a call (`f = ssl._create_unverified_context`) is reported too, unless the name it is saved in is installed as the default context in the same file (`ssl._create_default_https_context = f`): that install is the finding, of the override rule.',
    examples: {
      flagged: [`ctx = «ssl._create_unverified_context()»
urlopen(url, context=ctx)`, `make_context = «ssl._create_unverified_context»
conn = http.client.HTTPSConnection(host, context=make_context())`],
      ok: [
        `ctx = ssl.create_default_context(cafile="/path/to/ca-bundle.pem")
urlopen(url, context=ctx)`,
        'def _create_unverified_context(protocol=None): pass',
      ],
    },
  }),
  defaultContext: rule('default-https-context-override', {
    title: 'ssl._create_default_https_context replaced: every urllib/http.client request in the process stops verifying',
    description: 'Replacing the default HTTPS context factory (often with ssl._create_unverified_context, directly or through an alias) disables verification process-wide. Point SSL_CERT_FILE at a CA bundle instead.',
    severity: 'error',
    concept: 'process-default-override',
    client: 'python-ssl',
    caVars: ['SSL_CERT_FILE'],
    notes: 'Assigning `ssl.create_default_context` back is not a finding.',
    examples: {
      flagged: [`«ssl._create_default_https_context = ssl._create_unverified_context»

# the NLTK idiom, through an alias:
try:
    _create_unverified_https_context = ssl._create_unverified_context
except AttributeError:
    pass
else:
    «ssl._create_default_https_context = _create_unverified_https_context»`],
      ok: [
        `# Leave the default alone; point the standard library at your CA bundle:
# export SSL_CERT_FILE=/path/to/ca-bundle.pem`,
        'ssl._create_default_https_context = ssl.create_default_context',
      ],
    },
  }),
  verifyMode: rule('verify-mode-cert-none', {
    title: 'verify_mode = CERT_NONE: the SSL context accepts any certificate',
    description: 'A context with verify_mode CERT_NONE does not check the certificate chain. Keep CERT_REQUIRED and load your CA with context.load_verify_locations(cafile=...).',
    notes: 'Not on a context made for a server (`ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)`, `create_default_context(ssl.Purpose.CLIENT_AUTH)`): there it only means no client certificate is asked for.',
    concept: 'verification-off',
    client: 'python-ssl',
    caVars: ['SSL_CERT_FILE'],
    examples: {
      flagged: [`ctx = ssl.create_default_context()
ctx.«{python.check-hostname-false}check_hostname = False»
ctx.«verify_mode = ssl.CERT_NONE»`],
      ok: [
        `ctx = ssl.create_default_context()
ctx.load_verify_locations(cafile="/path/to/ca-bundle.pem")`,
        'ctx.verify_mode = ssl.CERT_REQUIRED',
      ],
    },
  }),
  checkHostname: rule('check-hostname-false', {
    title: 'check_hostname = False: the SSL context accepts certificates for any host name',
    description: 'Without host name checks any valid certificate (for any site) is accepted. Keep check_hostname=True and issue the server a certificate for the name clients use.',
    notes: 'Not on a context made for a server (`ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)`, `create_default_context(ssl.Purpose.CLIENT_AUTH)`): there it only means no client certificate is asked for.',
    concept: 'hostname-check-off',
    client: 'python-ssl',
    examples: {
      flagged: ['ctx.«check_hostname = False»'],
      ok: [
        `# Issue the server a certificate whose subjectAltName holds the name clients use.
ctx.check_hostname = True`,
        'ctx.check_hostname = True',
      ],
    },
  }),
  pahoInsecure: rule('paho-tls-insecure-set', {
    title: 'tls_insecure_set(True): the MQTT client does not check the broker\'s host name',
    description: 'paho-mqtt\'s tls_insecure_set(True) turns off the host name check, so any certificate the CA issued, for any host, is accepted and the broker can be impersonated. Remove it and issue the broker a certificate for the name clients connect to.',
    concept: 'hostname-check-off',
    client: 'python-ssl',
    notes: '`client.tls_insecure_set(True)` on any receiver (`self._client`, `mqttc`). `tls_insecure_set(False)` and a variable argument are not findings.',
    examples: {
      flagged: ['client = mqtt.Client()\nclient.tls_set(ca_certs="ca.crt")\nclient.«tls_insecure_set(True)»'],
      ok: ['client.tls_set(ca_certs="/etc/mosquitto/ca.crt")\nclient.tls_insecure_set(False)', 'client.tls_insecure_set(self.insecure)'],
    },
  }),
  pyvmomiNoVerify: rule('pyvmomi-disable-ssl-cert-validation', {
    title: 'SmartConnect(disableSslCertValidation=True): the vCenter/ESXi certificate is not checked',
    description: 'pyVmomi connects to vCenter or ESXi without verifying its certificate (credentials included) with disableSslCertValidation=True or SmartConnectNoSSL. Pass sslContext=ssl.create_default_context(cafile="<vCenter CA bundle>") instead.',
    concept: 'verification-off',
    client: 'python-ssl',
    notes: '`disableSslCertValidation=True` (pyVmomi 7.0.3+, `SmartConnect`, `Connect`, `SmartStubAdapter`) and the older `SmartConnectNoSSL(…)`. An unverified `sslContext=` is [`python.unverified-context`](python.unverified-context.md).',
    examples: {
      flagged: ['si = SmartConnect(host=vc, user=user, pwd=pwd, «disableSslCertValidation=True»)\nsi = «SmartConnectNoSSL»(host=vc, user=user, pwd=pwd)'],
      ok: ['ctx = ssl.create_default_context(cafile="/etc/ssl/vcenter-ca.pem")\nsi = SmartConnect(host=vc, user=user, pwd=pwd, sslContext=ctx)', 'si = SmartConnect(host=vc, user=user, pwd=pwd, disableSslCertValidation=False)'],
    },
  }),
  httpsVerifyEnv: rule('pythonhttpsverify-off', {
    title: 'PYTHONHTTPSVERIFY=0: the standard library stops verifying certificates',
    description: 'On distributions that honour it, PYTHONHTTPSVERIFY=0 turns off verification for urllib and http.client. Set SSL_CERT_FILE to a CA bundle instead.',
    fix: 'env-ca-bundle',
    concept: 'process-env-switch',
    client: 'python-ssl',
    caVars: ['SSL_CERT_FILE'],
    notes: 'Matches subscript assignment, `os.environ.setdefault`, `os.putenv`, `update(PYTHONHTTPSVERIFY="0")` and dictionary literals (subprocess environments).',
    examples: {
      flagged: [`«os.environ['PYTHONHTTPSVERIFY'] = '0'»
subprocess.run(cmd, env={«'PYTHONHTTPSVERIFY': '0'»})`],
      ok: [
        'os.environ[\'SSL_CERT_FILE\'] = \'/path/to/ca-bundle.pem\'',
        'os.environ[\'PYTHONHTTPSVERIFY\'] = \'1\'',
        // An excerpt that begins inside a module docstring: the advice before its closing quotes is prose.
        'If certificates are not installed you can turn the check off with:\n\n    export PYTHONHTTPSVERIFY=0\n"""\n\nimport os',
      ],
    },
  }),
  curlCaBundleEnv: rule('curl-ca-bundle-empty', {
    title: 'CURL_CA_BUNDLE="": requests stops verifying certificates',
    description: 'requests treats an empty CURL_CA_BUNDLE as "verify nothing" in several versions. Set REQUESTS_CA_BUNDLE to a CA bundle path instead.',
    fix: 'env-ca-bundle',
    concept: 'process-env-switch',
    client: 'python-requests',
    caVars: ['REQUESTS_CA_BUNDLE'],
    examples: {
      flagged: ['«os.environ[\'CURL_CA_BUNDLE\'] = \'\'»'],
      ok: [
        'os.environ[\'REQUESTS_CA_BUNDLE\'] = \'/path/to/ca-bundle.pem\'',
        'os.environ[\'CURL_CA_BUNDLE\'] = \'/etc/ssl/ca.pem\'',
      ],
    },
  }),
  obsoleteProtocol: rule('obsolete-tls-version', {
    title: 'Obsolete protocol pinned (ssl.PROTOCOL_TLSv1, TLSVersion.TLSv1_1, SSLv3)',
    description: 'A context pinned to (or allowed down to) SSL 3, TLS 1.0 or TLS 1.1 fails against servers that only speak modern TLS and lacks its protections. Use ssl.create_default_context() (TLS 1.2+), and pin minimum_version = ssl.TLSVersion.TLSv1_2 if you must pin.',
    severity: 'info',
    concept: 'obsolete-protocol',
    client: 'python-ssl',
    notes: '`ssl.PROTOCOL_TLSv1`, `PROTOCOL_TLSv1_1`, `PROTOCOL_SSLv2`, `PROTOCOL_SSLv3` where they pin a connection: the first argument of `SSLContext(…)` / `wrap_socket(…)` / urllib3 pools, or the value of `ssl_version=` / `protocol=` (keyword or attribute). Mapping tables (`{ssl.PROTOCOL_TLSv1: …}`), comparisons and `import` lines are not findings. Also `minimum_version` / `maximum_version` set to `TLSVersion.TLSv1`, `TLSv1_1` or `SSLv3`. `PROTOCOL_TLSv1_2`, `PROTOCOL_TLS_CLIENT` and `TLSVersion.TLSv1_2` are not findings.',
    examples: {
      flagged: [`class LegacyAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        kwargs["ssl_version"] = ssl.PROTOCOL_TLS_CLIENT
        self.poolmanager = PoolManager(*args, ssl_version=«ssl.PROTOCOL_TLSv1_1», **kwargs)`, `ctx = ssl.SSLContext(«ssl.PROTOCOL_TLSv1»)
legacy = ssl.create_default_context()
legacy.«minimum_version = ssl.TLSVersion.TLSv1_1»`],
      ok: [
        `ctx = ssl.create_default_context()
ctx.minimum_version = ssl.TLSVersion.TLSv1_2`,
        'ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\nctx2 = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)',
        'from ssl import PROTOCOL_TLSv1  # compared below, never used to connect',
        '_versions = {ssl.PROTOCOL_TLSv1: OpenSSL.SSL.TLSv1_METHOD}\nif version == ssl.PROTOCOL_TLSv1_1: warn()',
      ],
    },
  }),
  sslOptions: rule('ssl-options-cert-none', {
    title: 'SSL options dict with cert_reqs CERT_NONE (websocket-client sslopt, tornado ssl_options)',
    description: 'Clients that take their SSL settings as a dict (websocket-client sslopt, tornado ssl_options, eventlet/gevent wrappers) skip certificate checks with "cert_reqs": ssl.CERT_NONE. Pass {"ca_certs": "<CA bundle>"} (cert_reqs defaults to CERT_REQUIRED) instead.',
    concept: 'verification-off',
    client: 'python-websocket',
    caVars: ['SSL_CERT_FILE'],
    notes: 'A `"cert_reqs": CERT_NONE` entry (the constant, `ssl.CERT_NONE`, `ssl.VerifyMode.CERT_NONE` or the string) in any dict literal but a server\'s (tornado `HTTPServer(app, ssl_options={…})`, `listen`, `start_server`); a `"check_hostname": False` entry is [`python.check-hostname-false`](python.check-hostname-false.md).',
    examples: {
      flagged: [`ws = websocket.create_connection(url, sslopt={«"cert_reqs": ssl.CERT_NONE», «{python.check-hostname-false}"check_hostname": False»})
app.run_forever(sslopt={
    «'cert_reqs': ssl.CERT_NONE»,
})`],
      ok: [
        'ws = websocket.create_connection(url, sslopt={"ca_certs": "/path/to/ca-bundle.pem"})',
        'ws = websocket.create_connection(url, sslopt={"cert_reqs": ssl.CERT_REQUIRED})',
        'doc = {"text": "\\"cert_reqs\\": ssl.CERT_NONE"}',
      ],
    },
  }),
  assertHostname: rule('urllib3-assert-hostname-false', {
    title: 'urllib3 assert_hostname=False: certificates for any host name are accepted',
    description: 'With assert_hostname=False urllib3 checks the chain but not the name, so a valid certificate for any site is accepted. Leave it unset and issue the server a certificate for the name clients use (or set server_hostname when connecting by IP).',
    concept: 'hostname-check-off',
    client: 'python-urllib3',
    notes: 'The keyword in any call (`PoolManager`, `HTTPSConnectionPool`, `connection_from_url`, adapters\' `init_poolmanager`; the Elasticsearch / OpenSearch clients\' `ssl_assert_hostname=False`) and the `pool.assert_hostname = False` attribute. A parameter default is not a finding, nor a mock\'s argument check (`mock_es.assert_called_once_with(…, ssl_assert_hostname=False)`).',
    examples: {
      flagged: [`http = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=ca, «assert_hostname=False»)
pool.«assert_hostname = False»`],
      ok: [
        'http = urllib3.PoolManager(ca_certs="/path/to/ca-bundle.pem", server_hostname="api.corp.example")',
        'def connect(host, assert_hostname=False): pass',
      ],
    },
  }),
  sdkVerify: rule('client-sdk-verify-false', {
    title: 'Client SDK with certificate verification off (boto3 / hvac verify=False, Elasticsearch verify_certs=False, Kubernetes verify_ssl)',
    description: 'SDKs built on requests or urllib3 take their own switch: boto3 and hvac `verify=False`, Elasticsearch / OpenSearch `verify_certs=False`, the Kubernetes (and other OpenAPI-generated) clients\' `configuration.verify_ssl = False`, pymongo `tlsAllowInvalidCertificates=True`. Each accepts any certificate. Give the SDK your CA instead: `verify="<CA bundle>"` (boto3, hvac; or AWS_CA_BUNDLE / REQUESTS_CA_BUNDLE), `ca_certs=` (Elasticsearch), `configuration.ssl_ca_cert` (Kubernetes), `tlsCAFile=` (pymongo).',
    concept: 'verification-off',
    client: 'various',
    caVars: ['AWS_CA_BUNDLE', 'REQUESTS_CA_BUNDLE'],
    notes: '`verify=False` passed to `boto3.client(…)`, `session.client(…)` / `.resource(…)` and `hvac.Client(…)`, and to a class named as a client (`…Client`, `…API`, `…Transport`, `…Connection`, `Consul`, `Github`, `Gitlab`, `Jenkins`: `consul.Consul(verify=False)`, gql\'s `RequestsHTTPTransport(url, verify=False)`; `Model(verify=False)` is not read); a client module\'s factory called on the module (`clickhouse_connect.get_client(…, verify=False)`, splunklib\'s `client.connect(…)`); the jira library\'s `JIRA(options={…, "verify": False})` (or the dict named and passed as `options=options`: found there); caldav\'s `DAVClient(url, ssl_verify_cert=False)`; `verify_certs=False` in any call (the Elasticsearch / OpenSearch clients and their connection classes), python-gitlab\'s `ssl_verify=False`, `verify_ssl=False` passed to a client class (atlassian-python-api `Jira(…)` / `Confluence(…)`, `ProxmoxAPI(…)`, `InfluxDBClient(…)`; a lower-case function\'s `verify_ssl` is not read), also as a wrapper\'s parameter default that is passed on, and as a constructor\'s default stored on the instance (`def __init__(self, host, verify_ssl=False):` … `self.verify_ssl = verify_ssl`: a client class of your own); `x.verify_ssl = False`; `verify_certs=False` / `ssl_verify=False` as an argument of a call whose opening line is above the text (an excerpt); not in a mock\'s argument check (`mock_es.assert_called_once_with(verify_certs=False)`); `tlsAllowInvalidCertificates=True`, `tlsAllowInvalidHostnames=True`, `tlsInsecure=True` in any call (`MongoClient`), and as a MongoDB URI\'s query parameter (`mongodb://db/?tlsAllowInvalidCertificates=true`, followed to the calls that take the URI; not in a message); a settings module\'s top-level `API_VERIFY_SSL = False` (or `= 0`, with or without `: bool`; a name holding `VERIFY_SSL`, `SSL_VERIFY`, `SSLVERIFY`, `VERIFY_CERTS`, `TLS_VERIFY`, `HTTPS_VERIFY`… anywhere) that the file itself never uses (its clients live in other modules). `ssl_assert_hostname=False` is [`python.urllib3-assert-hostname-false`](python.urllib3-assert-hostname-false.md).',
    examples: {
      flagged: [`s3 = boto3.client(
    "s3",
    endpoint_url="https://minio.internal:9000",
    «verify=False»,
)
vault = hvac.Client(url=VAULT_ADDR, token=token, «verify=False»)
es = Elasticsearch(["https://es1:9200"], basic_auth=auth, «verify_certs=False», «{python.urllib3-assert-hostname-false}ssl_assert_hostname=False»)
configuration = client.Configuration()
configuration.«verify_ssl = False»
mongo = MongoClient(uri, tls=True, «tlsAllowInvalidCertificates=True»)
jira = Jira(url=JIRA_URL, token=token, cloud=False, «verify_ssl=False»)
gl = gitlab.Gitlab(GITLAB_URL, private_token=token, «ssl_verify=False»)`,
        `class Search:
    def __init__(self, hosts, verify_certs=False):
        self.es = Elasticsearch(hosts=hosts, «verify_certs=verify_certs»)`],
      ok: [
        `s3 = boto3.client("s3", endpoint_url=url, verify="/path/to/ca-bundle.pem")
es = Elasticsearch(["https://es1:9200"], ca_certs="/path/to/ca-bundle.pem")
configuration.ssl_ca_cert = "/path/to/ca-bundle.pem"`,
        'es = Elasticsearch(hosts, verify_certs=True)\nconfiguration.verify_ssl = True\nmongo = MongoClient(uri, tlsAllowInvalidCertificates=False)',
        'def connect(hosts, verify_certs=False):\n    log.info("verify_certs=%s", verify_certs)',
      ],
    },
  }),
  validateCert: rule('validate-cert-false', {
    title: 'validate_cert=False: certificate verification is off (tornado)',
    description: 'tornado\'s HTTP client (and crawlers built on it, such as pyspider) accepts any certificate for this request. Pass ca_certs="<CA bundle>" instead and drop validate_cert=False.',
    concept: 'verification-off',
    client: 'various',
    notes: 'The keyword in any call (`HTTPRequest(url, validate_cert=False)`, `client.fetch(url, validate_cert=False)`, `self.crawl(url, validate_cert=False)`): the name is only ever a certificate switch. A parameter default in a `def` is not a finding.',
    examples: {
      flagged: [`request = tornado.httpclient.HTTPRequest(
    url,
    method="GET",
    «validate_cert=False»,
)
response = await AsyncHTTPClient().fetch(url, «validate_cert=False»)`],
      ok: [
        'request = HTTPRequest(url, ca_certs="/path/to/ca-bundle.pem")',
        'request = HTTPRequest(url, validate_cert=True)',
        'def fetch(url, validate_cert=False):\n    log(url)',
      ],
    },
  }),
  httplib2: rule('httplib2-disable-validation', {
    title: 'httplib2 disable_ssl_certificate_validation=True: certificate verification is off',
    description: 'The httplib2.Http object accepts any certificate, so anyone on the path can read and change the traffic (and the OAuth tokens often sent through it). Pass ca_certs="<CA bundle>" instead.',
    concept: 'verification-off',
    client: 'various',
    notes: 'The keyword (`httplib2.Http(disable_ssl_certificate_validation=True)`) and the attribute (`http.disable_ssl_certificate_validation = True`).',
    examples: {
      flagged: [`http = httplib2.Http(".cache", «disable_ssl_certificate_validation=True»)
h = httplib2.Http()
h.«disable_ssl_certificate_validation = True»`],
      ok: ['http = httplib2.Http(ca_certs="/path/to/ca-bundle.pem")', 'http = httplib2.Http(disable_ssl_certificate_validation=False)'],
    },
  }),
  pycurlPeer: rule('pycurl-ssl-verifypeer-off', {
    title: 'pycurl SSL_VERIFYPEER 0: certificate verification is off',
    description: 'libcurl accepts any certificate for this handle. Point it at your CA instead: c.setopt(pycurl.CAINFO, "<CA bundle>").',
    concept: 'verification-off',
    client: 'curl',
    notes: '`setopt(pycurl.SSL_VERIFYPEER, 0)` (or `False`, or the proxy\'s `PROXY_SSL_VERIFYPEER`).',
    examples: {
      flagged: ['c = pycurl.Curl()\nc.«setopt(pycurl.SSL_VERIFYPEER, 0)»'],
      ok: ['c.setopt(pycurl.CAINFO, "/path/to/ca-bundle.pem")\nc.setopt(pycurl.SSL_VERIFYPEER, 1)'],
    },
  }),
  pycurlHost: rule('pycurl-ssl-verifyhost-off', {
    title: 'pycurl SSL_VERIFYHOST 0: host names are not checked',
    description: 'libcurl accepts a valid certificate issued for any host on this handle. Issue the server a certificate for the name clients use, and keep SSL_VERIFYHOST at 2.',
    concept: 'hostname-check-off',
    client: 'curl',
    examples: {
      flagged: ['c.«setopt(pycurl.SSL_VERIFYHOST, 0)»'],
      ok: ['c.setopt(pycurl.SSL_VERIFYHOST, 2)'],
    },
  }),
  redisCertNone: rule('redis-ssl-cert-reqs-none', {
    title: 'ssl_cert_reqs none: Redis / Celery TLS without certificate verification',
    description: 'With ssl_cert_reqs set to None, "none" or CERT_NONE, redis-py (and Celery\'s Redis broker and result backend) encrypts the connection but accepts any certificate, so anyone on the path can read the data and the password. Keep ssl_cert_reqs="required" and pass ssl_ca_certs="<CA bundle>" instead.',
    concept: 'verification-off',
    client: 'various',
    notes: 'A call\'s keyword (`redis.Redis(ssl=True, ssl_cert_reqs=None)`, `from_url(url, ssl_cert_reqs="none")`), a dict key (Celery\'s `broker_use_ssl = {"ssl_cert_reqs": ssl.CERT_NONE}`) and a connection-URL parameter (`rediss://host:6380/0?ssl_cert_reqs=none`). A `def` default is not a finding, nor is "required".',
    examples: {
      flagged: [`r = redis.Redis(host=host, port=6380, ssl=True, «ssl_cert_reqs=None»)
app.conf.broker_use_ssl = {«"ssl_cert_reqs": ssl.CERT_NONE»}
BROKER_URL = "rediss://:secret@cache.example.com:6380/0?«ssl_cert_reqs=none»"`],
      ok: [
        'r = redis.Redis(host=host, ssl=True, ssl_cert_reqs="required", ssl_ca_certs="/path/to/ca-bundle.pem")',
        'def connect(url, ssl_cert_reqs=None):\n    return parse(url)',
        '# ssl_cert_reqs=None for local testing only',
        'DOC = "set ssl_cert_reqs=none to skip"',
      ],
    },
  }),
  redisCheckHostname: rule('redis-ssl-check-hostname-false', {
    title: 'ssl_check_hostname=False: Redis TLS without the host name check',
    description: 'redis-py (and Valkey, Celery\'s Redis broker) with ssl_check_hostname=False checks the certificate chain but not the name in it, so any certificate a public or corporate CA issued for another host is accepted. Keep the check on and connect with the name the certificate carries (or add it to the certificate\'s subjectAltName).',
    concept: 'hostname-check-off',
    client: 'various',
    notes: 'A call\'s keyword (`redis.Redis(ssl=True, ssl_check_hostname=False)`, `from_url(url, ssl_check_hostname=False)`), a dict key (`{"ssl_check_hostname": False}`, spread with `**` into a call: found there) and a connection-URL parameter (`rediss://host:6380/0?ssl_check_hostname=false`, followed to the call that takes the URL). A `def` default is not a finding, nor is `True`.',
    examples: {
      flagged: [`cache = redis.Redis(host=VALKEY_ENDPOINT, port=6379, ssl=True, «ssl_check_hostname=False»)
REDIS_URL = "rediss://:secret@cache.example.com:6380/0?«ssl_check_hostname=false»"`],
      ok: [
        'cache = redis.Redis(host=host, ssl=True, ssl_check_hostname=True, ssl_ca_certs="/path/to/ca-bundle.pem")',
        'def connect(url, ssl_check_hostname=False):\n    return parse(url)',
      ],
    },
  }),
  mysqlVerifyCert: rule('mysql-ssl-verify-cert-false', {
    title: 'ssl_verify_cert=False: the MySQL server certificate is not validated (PyMySQL, mysql-connector, MySQLdb)',
    description: 'With ssl_verify_cert=False PyMySQL, mysql-connector-python and mysqlclient encrypt the connection but accept any certificate, so whoever answers for the database host gets the password and the data. Pass the CA instead (ssl_ca="<CA bundle>", ssl_verify_cert=True; in a SQLAlchemy URL `?ssl_ca=/path/to/ca.pem&ssl_verify_cert=true`).',
    concept: 'verification-off',
    client: 'mysql',
    notes: 'A call\'s keyword (`pymysql.connect(…, ssl_verify_cert=False)`, `mysql.connector.connect(…, ssl_verify_cert=False)`), a dict key (`connect_args={"ssl": {"ssl_verify_cert": False}}`) and a connection-URL parameter (`mysql+pymysql://user@db/app?ssl_verify_cert=false`, followed to the call that takes the URL, `create_engine(DATABASE_URL)`). A `def` default, `True`, and `ssl_verify_identity=False` alone (the drivers\' default) are not findings.',
    examples: {
      flagged: [`conn = pymysql.connect(host=host, user=user, password=pw, ssl_ca=None, «ssl_verify_cert=False»)
DATABASE_URL = "mysql+pymysql://app:secret@db.example.com:4000/shop?«ssl_verify_cert=false»"`],
      ok: [
        'conn = pymysql.connect(host=host, ssl_ca="/etc/ssl/certs/ca-certificates.crt", ssl_verify_cert=True, ssl_verify_identity=True)',
        'def connect(host, ssl_verify_cert=False):\n    return make(host)',
        'URL = "mysql+pymysql://app@db/shop?ssl_verify_identity=false"',
      ],
    },
  }),
  winrmIgnore: rule('winrm-server-cert-validation-ignore', {
    title: "server_cert_validation='ignore': pywinrm accepts any certificate of the WinRM host",
    description: "pywinrm's Session / Protocol with server_cert_validation='ignore' talks HTTPS to whatever answers for the Windows host (requests with verify=False underneath), so the credentials and every command go to it. Keep 'validate' and give the CA: ca_trust_path='<CA bundle>' (or REQUESTS_CA_BUNDLE).",
    concept: 'verification-off',
    client: 'python-requests',
    caVars: ['REQUESTS_CA_BUNDLE'],
    notes: "The keyword `server_cert_validation='ignore'` of a call (`winrm.Session(…)`, `winrm.Protocol(…)`, a subclass), also given as a name bound to `'ignore'` in the file (a constant, or a parameter whose default is `'ignore'`: found at the keyword, the binding as related information). `'validate'`, a `def` default alone, and a name never bound to `'ignore'` are not findings.",
    examples: {
      flagged: [
        `session = winrm.Session("https://win01.corp.example:5986/wsman", auth=(user, pw), transport="ntlm", «server_cert_validation="ignore"»)`,
        `class Basic(Session):
    def __init__(self, endpoint, auth, validation="ignore"):
        self.protocol = winrm.Protocol(endpoint=endpoint, username=auth[0], password=auth[1], «server_cert_validation=validation»)`,
      ],
      ok: [
        'session = winrm.Session(host, auth=(user, pw), server_cert_validation="validate", ca_trust_path="/etc/ssl/corp-ca.pem")',
        'def connect(host, server_cert_validation="ignore"):\n    return host',
        'p = winrm.Protocol(endpoint, server_cert_validation=mode)',
      ],
    },
  }),
  kafkaVerificationOff: rule('kafka-certificate-verification-off', {
    title: 'enable.ssl.certificate.verification False: the Kafka client (librdkafka) accepts any broker certificate',
    description: 'confluent-kafka (librdkafka) with "enable.ssl.certificate.verification": False encrypts the connection but accepts any certificate, so whoever answers for the broker reads and writes the topics, SASL credentials included. Keep it on and give the CA: "ssl.ca.location": "<CA bundle>".',
    concept: 'verification-off',
    client: 'kafka',
    notes: 'A key of a confluent-kafka config dict (`Producer({…, "enable.ssl.certificate.verification": False})`, also `"false"`), found where it is written or, when the dict is bound to a name, at the calls that take it. librdkafka\'s `"ssl.endpoint.identification.algorithm": "none"` (or `""`) in such a dict is [`config.kafka-endpoint-identification-off`](config.kafka-endpoint-identification-off.md). A key that only appears in a string, or `True`, is not a finding.',
    examples: {
      flagged: [`conf = {
    "bootstrap.servers": "broker.example.com:9093",
    "security.protocol": "SASL_SSL",
    «"enable.ssl.certificate.verification": False»,
}`],
      ok: [
        'conf = {"bootstrap.servers": b, "security.protocol": "SSL", "ssl.ca.location": "/etc/ssl/certs/ca-certificates.crt"}',
        'conf = {"enable.ssl.certificate.verification": True}',
        'log.info("set enable.ssl.certificate.verification to false to debug")',
      ],
    },
  }),
  ldapRequireCertNever: rule('ldap-tls-require-cert-never', {
    title: 'LDAP over TLS without certificate checks (OPT_X_TLS_REQUIRE_CERT NEVER / ALLOW, ldap3 validate=CERT_NONE)',
    description: 'python-ldap with OPT_X_TLS_REQUIRE_CERT set to OPT_X_TLS_NEVER (or ALLOW) and ldap3 with Tls(validate=ssl.CERT_NONE) accept any server certificate, so the bind password goes to whoever answers. Require the certificate (OPT_X_TLS_DEMAND, ldap3 validate=ssl.CERT_REQUIRED) and give the CA: OPT_X_TLS_CACERTFILE (then OPT_X_TLS_NEWCTX) or Tls(ca_certs_file=…).',
    concept: 'verification-off',
    client: 'various',
    notes: '`set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)` (also `OPT_X_TLS_ALLOW`, on the module or a connection object, names imported bare) and ldap3\'s `Tls(validate=ssl.CERT_NONE)`. `OPT_X_TLS_DEMAND` / `HARD` and `CERT_REQUIRED` are not findings.',
    examples: {
      flagged: [`import ldap
ldap.«set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)»
conn = ldap.initialize("ldaps://dc1.corp.example:636")
conn.«set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_ALLOW)»
tls = ldap3.«Tls(validate=ssl.CERT_NONE)»`],
      ok: [
        'ldap.set_option(ldap.OPT_X_TLS_CACERTFILE, "/etc/ssl/corp-ca.pem")\nldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_DEMAND)',
        'tls = ldap3.Tls(validate=ssl.CERT_REQUIRED, ca_certs_file="/etc/ssl/corp-ca.pem")',
      ],
    },
  }),
  kubeconfigText: rule('kubeconfig-text-insecure', {
    title: 'insecure-skip-tls-verify: true written into a kubeconfig from code',
    description: 'The kubeconfig this code writes tells kubectl and every client-go program not to check the API server certificate. Write certificate-authority-data (the cluster CA, base64) or certificate-authority: <CA file> instead.',
    concept: 'verification-off',
    client: 'kubectl',
    notes: 'The YAML line inside a string (`lines.append("    insecure-skip-tls-verify: true")`, f-strings too) and a dict entry `{"insecure-skip-tls-verify": True}` dumped as YAML.',
    examples: {
      flagged: [`if "certificate-authority-data:" in stripped:
    lines.append("    «insecure-skip-tls-verify: true»")
cluster = {"server": server, «"insecure-skip-tls-verify": True»}`],
      ok: ['lines.append("    certificate-authority-data: " + ca_b64)', 'cluster = {"server": server, "insecure-skip-tls-verify": False}', 'HELP = "never set insecure-skip-tls-verify"'],
    },
  }),
} as const;
