// Classes of switches met in real code (issue 18's real-code tune set, kept outside the repository): fixtures written
// here in the shapes real projects use, with exact places, and the look-alikes that must stay quiet.
import * as assert from 'assert';
import { scanText } from '../../../src/core/scan/index';
import { toSarif } from '../../../src/core/report/sarif';
import { expectNone, hits } from './helpers';

/** `[ruleId, line, column, value]` of every finding, for exact comparisons. */
const at = (text: string, path: string) => hits(text, path);

describe('real-code classes: python', () => {
  it('finds a partialmethod installed over Session.request, and a partial of a name bound to requests.get', () =>
    assert.deepStrictEqual(
      at(
        `import contextlib
from functools import partial, partialmethod
import requests

_get = requests.get

@contextlib.contextmanager
def no_ssl_verification(session=requests.Session):
    original_request = session.request
    session.request = partialmethod(
        original_request,
        verify=False,
    )
    yield
    session.request = original_request

insecure_get = partial(_get, timeout=5, verify=False)`,
        'helpers/ssl.py',
      ),
      [
        ['python.requests-verify-false', 12, 9, 'verify=False'],
        ['python.requests-verify-false', 17, 41, 'verify=False'],
      ],
    ));
  it('ignores partials of callables that are not HTTP', () =>
    expectNone(
      `import functools
loader = functools.partial(load_checkpoint, verify=False)
self.fit = functools.partialmethod(self._fit, verify=False)
_decode = jwt.decode
decode = functools.partial(_decode, verify=False)`,
      'train.py',
    ));
  it('finds merge_environment_settings overrides that force verify off (name, subscript, replacement)', () =>
    assert.deepStrictEqual(
      at(
        `from requests.sessions import Session

def patch_requests_ssl():
    original_merge = Session.merge_environment_settings

    def merge_environment_settings_no_verify(self, url, proxies, stream, verify, cert):
        # Force SSL verification off
        verify = False
        return original_merge(self, url, proxies, stream, verify, cert)

    Session.merge_environment_settings = merge_environment_settings_no_verify


class InsecureSession(Session):
    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)

        settings['verify'] = False
        return settings

verify = False  # a module flag after the class, not part of the override`,
        'patch_ssl.py',
      ).map(([id, line, col, value]) => [id, line, col, value]),
      [
        ['python.requests-verify-false', 8, 9, 'verify = False'],
        ['python.requests-verify-false', 18, 9, "settings['verify'] = False"],
      ],
    ));
  it('ignores an override that keeps the caller’s choice or sets it conditionally', () =>
    expectNone(
      `class WrappedSession(requests.Session):
    def merge_environment_settings(self, url, proxies, stream, verify, *args, **kwargs):
        if self.verify is False:
            verify = False
        elif os.environ.get("INSECURE") == "1":
            settings_verify = False
        return super().merge_environment_settings(url, proxies, stream, verify, *args, **kwargs)

    def merge_environment_settings_doc(self):
        """verify = False would turn it off"""
        return None`,
      'session.py',
    ));
});

describe('real-code classes: browser automation options as dict keys', () => {
  it('finds pytest-playwright browser_context_args returning "ignore_https_errors": True', () =>
    assert.deepStrictEqual(
      at(
        `import pytest


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "viewport": {"width": 1920, "height": 1080},
        "ignore_https_errors": True,
    }`,
        'tests/conftest.py',
      ),
      [['browser.ignore-https-errors', 9, 9, '"ignore_https_errors": True']],
    ));
  it("finds a quoted 'ignoreHTTPSErrors': true key in JavaScript", () =>
    assert.deepStrictEqual(
      at(`const launchOptions = { headless: true, 'ignoreHTTPSErrors': true };`, 'launch.js').map(([id, , , v]) => [
        id,
        v,
      ]),
      [['browser.ignore-https-errors', "'ignoreHTTPSErrors': true"]],
    ));
  it('ignores False, messages and type positions', () => {
    expectNone(
      'args = {**browser_context_args, "ignore_https_errors": False}\nlog.info(\'"ignore_https_errors": True is not set\')',
      'conftest.py',
    );
    expectNone(`type Ctx = { 'ignoreHTTPSErrors': true };`, 'types.ts');
  });
});

describe('real-code classes: Electron certificate handlers', () => {
  it('finds a handler declared apart from app.on, typed or not, once when also registered inline', () =>
    assert.deepStrictEqual(
      at(
        `import { logger } from './log';

export function handleCertificateError(
  event: Electron.Event,
  webContents: Electron.WebContents,
  url: string,
  error: string,
  certificate: Electron.Certificate,
  callback: (isTrusted: boolean) => void,
): void {
  logger.log('Certificate error', error, certificate);
  event.preventDefault();
  callback(true);
}

app.on('certificate-error', (event, webContents, url, error, certificate, callback) => {
  event.preventDefault();
  callback(true);
});`,
        'src/main/certificates.ts',
      ).map(([id, line]) => [id, line]),
      [
        ['javascript.electron-accept-any-certificate', 13],
        ['javascript.electron-accept-any-certificate', 18],
      ],
    ));
  it('finds a callback(true) guarded only by the URL or the error code', () =>
    assert.deepStrictEqual(
      at(
        `app.on('certificate-error', (event, webContents, url, error, certificate, callback) => {
  if (url.startsWith('https://localhost:8443/') && error === 'net::ERR_CERT_AUTHORITY_INVALID') {
    event.preventDefault();
    callback(true);
  } else {
    callback(false);
  }
});`,
        'main.js',
      ).map(([id, line]) => [id, line]),
      [['javascript.electron-accept-any-certificate', 4]],
    ));
  it('ignores handlers that pin the certificate, and look-alike signatures', () => {
    expectNone(
      `exports.onAppCertificateError = function onAppCertificateError (event, webContents, url, error, certificate, callback) {
\tif (error === 'net::ERR_CERT_AUTHORITY_INVALID') {
\t\tconst issuer = getCertIssuer(certificate);
\t\tif (config.trustedFingerprints.indexOf(issuer.fingerprint) !== -1) {
\t\t\tevent.preventDefault();
\t\t\tcallback(true);
\t\t} else {
\t\t\tcallback(false);
\t\t}
\t}
};
session.setCertificateVerifyProc((req, cb) => {
  if (req.certificate.data === pinnedPem) {
    cb(0);
    return;
  }
  cb(-3);
});`,
      'certs.js',
    );
    expectNone(
      `interface Handlers {
  certificateError(event: Event, webContents: WebContents, url: string, error: string, certificate: Certificate, callback: (ok: boolean) => void): void;
}
function render(event, webContents, url, error, certificate, callback) { callback(false); }
// function h(event, webContents, url, error, certificate, callback) { callback(true); }`,
      'types.ts',
    );
  });
});

describe('real-code classes: notebooks', () => {
  /** nbformat 4 JSON from code cells, the way Jupyter writes them (source as a list of lines). */
  const notebook = (language: string, cells: string[]) =>
    JSON.stringify(
      {
        cells: cells.map((c) => ({
          cell_type: 'code',
          execution_count: null,
          metadata: {},
          outputs: [],
          source: c.split(/(?<=\n)/),
        })),
        metadata: { kernelspec: { display_name: language, language, name: language } },
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    );
  const cells = (text: string, path: string) =>
    scanText(text, path).map((f) => [f.ruleId, f.cell!.index + 1, f.cell!.line + 1, f.cell!.character + 1, f.value]);

  it('reports the new Python classes by cell and line, and in SARIF', () => {
    const nb = notebook('python', [
      'import functools\nimport requests\n',
      'class NoVerify(requests.Session):\n    def merge_environment_settings(self, url, proxies, stream, verify, cert):\n        settings = super().merge_environment_settings(url, proxies, stream, verify, cert)\n        settings["verify"] = False\n        return settings\n',
      'original = session.request\nsession.request = functools.partialmethod(original, verify=False)\n',
    ]);
    assert.deepStrictEqual(cells(nb, 'notebooks/scrape.ipynb'), [
      ['python.requests-verify-false', 2, 4, 9, 'settings["verify"] = False'],
      ['python.requests-verify-false', 3, 2, 53, 'verify=False'],
    ]);
    const found = scanText(nb, 'notebooks/scrape.ipynb');
    const sarif = JSON.parse(toSarif(found.map((finding) => ({ file: 'notebooks/scrape.ipynb', finding })))) as {
      runs: { results: { locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }[] }[];
    };
    assert.deepStrictEqual(
      sarif.runs[0].results.map((r) => r.locations[0].logicalLocations[0].fullyQualifiedName),
      ['notebooks/scrape.ipynb#cell=2:4:9', 'notebooks/scrape.ipynb#cell=3:2:53'],
    );
  });
  it('scans Rust (evcxr) and Go (gophernotes) kernels with their families', () => {
    assert.deepStrictEqual(
      cells(
        notebook('rust', [
          ':dep reqwest = { version = "0.12", features = ["blocking"] }\n',
          'let client = reqwest::blocking::Client::builder()\n    .danger_accept_invalid_certs(true)\n    .build()?;\n',
        ]),
        'explore.ipynb',
      ),
      [['rust.danger-accept-invalid-certs', 2, 2, 6, 'danger_accept_invalid_certs(true)']],
    );
    assert.deepStrictEqual(
      cells(notebook('go', ['import "crypto/tls"\n', 'cfg := &tls.Config{InsecureSkipVerify: true}\n']), 'probe.ipynb'),
      [['go.insecure-skip-verify', 2, 1, 20, 'InsecureSkipVerify: true']],
    );
    assert.deepStrictEqual(
      scanText(notebook('go', ['// cfg := &tls.Config{InsecureSkipVerify: true}\n']), 'probe.ipynb'),
      [],
    );
  });
});

describe('real-code classes: SDK and driver switches', () => {
  it('finds Python SDK switches: boto3, hvac, Elasticsearch (call and wrapper default), Kubernetes, pymongo', () =>
    assert.deepStrictEqual(
      at(
        `import boto3
import hvac
from elasticsearch import Elasticsearch
from kubernetes import client, config


def s3_client():
    return boto3.session.Session().client(
        "s3",
        endpoint_url=os.environ["S3_ENDPOINT"],
        verify=False,
    )


class Search:
    def __init__(self, hosts, username=None, password=None, verify_certs=False):
        self.es = Elasticsearch(
            hosts=hosts,
            http_auth=(username, password),
            verify_certs=verify_certs,
            ssl_assert_hostname=False,
        )


vault = hvac.Client(url=VAULT_ADDR, token=os.environ["VAULT_TOKEN"], verify=False)
configuration = client.Configuration()
config.load_kube_config(client_configuration=configuration)
configuration.verify_ssl = False
db = MongoClient(MONGO_URI, tls=True, tlsAllowInvalidCertificates=True)`,
        'infra/clients.py',
      ).map(([id, line, , value]) => [id, line, value]),
      [
        ['python.client-sdk-verify-false', 11, 'verify=False'],
        // The wrapper default is found where the body passes it on (issue 18's sink rule).
        ['python.client-sdk-verify-false', 20, 'verify_certs=verify_certs'],
        ['python.urllib3-assert-hostname-false', 21, 'ssl_assert_hostname=False'],
        ['python.client-sdk-verify-false', 25, 'verify=False'],
        ['python.client-sdk-verify-false', 28, 'verify_ssl = False'],
        ['python.client-sdk-verify-false', 29, 'tlsAllowInvalidCertificates=True'],
      ],
    ));
  it('ignores the secure spellings, stubs and defaults only logged', () =>
    expectNone(
      `class Configuration:
    verify_ssl: bool = True

def connect(hosts, verify_certs=False):
    log.info("verify_certs=%s", verify_certs)

es = Elasticsearch(hosts, verify_certs=True, ca_certs="/etc/ssl/es-ca.pem")
if configuration.verify_ssl == False:
    warn()
s3 = boto3.client("s3", verify="/etc/ssl/corp-ca.pem")
# configuration.verify_ssl = False`,
      'clients.py',
    ));
  it('finds Mongoose / MongoDB driver switches and ignores false, comments and types', () => {
    assert.deepStrictEqual(
      at(
        `const mongoose = require("mongoose");
mongoose.connect(process.env.MONGO_URL, {
    useNewUrlParser: true,
    ssl: true, // Enable SSL/TLS
    tlsAllowInvalidCertificates: true, // Validate SSL certificate
});
const opts = {};
opts.tlsAllowInvalidCertificates = true;`,
        'config/db.js',
      ).map(([id, line, , value]) => [id, line, value]),
      [
        ['javascript.mongodb-allow-invalid-certificates', 5, 'tlsAllowInvalidCertificates: true'],
        ['javascript.mongodb-allow-invalid-certificates', 8, 'tlsAllowInvalidCertificates = true'],
      ],
    );
    expectNone(
      `mongoose.connect(uri, {
  tls: true,
  tlsAllowInvalidCertificates: false,
  //   tlsAllowInvalidCertificates: true,
});
interface MongoOpts { tlsInsecure: true }`,
      'db.ts',
    );
  });
  it('finds client-go and kubeconfig insecure switches, not an Insecure field of another struct', () => {
    assert.deepStrictEqual(
      at(
        `func restConfig(host, token string) *rest.Config {
\tcfg := &rest.Config{
\t\tHost:        host,
\t\tBearerToken: token,
\t\tTLSClientConfig: rest.TLSClientConfig{
\t\t\tInsecure: true,
\t\t},
\t}
\tcfg.TLSClientConfig.Insecure = true
\treturn cfg
}

func cluster(server string) *clientcmdapi.Cluster {
\treturn &clientcmdapi.Cluster{Server: server, InsecureSkipTLSVerify: true}
}`,
        'pkg/kube/client.go',
      ).map(([id, line, , value]) => [id, line, value]),
      [
        ['go.kube-client-insecure', 6, 'Insecure: true'],
        ['go.kube-client-insecure', 9, 'TLSClientConfig.Insecure = true'],
        ['go.kube-client-insecure', 14, 'InsecureSkipTLSVerify: true'],
      ],
    );
    expectNone(
      `type ServeOptions struct{ Insecure bool }
var opts = ServeOptions{Insecure: true}
srv.Insecure = true
tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
// cfg.TLSClientConfig.Insecure = true`,
      'main.go',
    );
  });
});

describe('real-code classes: tests that assert the switch is refused', () => {
  it('Go: quiet when the test fails unless New returns an error, found when it expects success', () => {
    const test = (check: string) => `package client

import (
\t"crypto/tls"
\t"testing"
)

func TestNew(t *testing.T) {
\tcfg := Config{
\t\tTlsCfg: &tls.Config{
\t\t\tInsecureSkipVerify: true,
\t\t},
\t}

\t_, err := New(&cfg)
${check}
}`;
    expectNone(test('\tif err == nil {\n\t\tt.Error("insecure config accepted")\n\t}'), 'client_test.go');
    assert.deepStrictEqual(
      at(test('\tif err != nil {\n\t\tt.Fatal(err)\n\t}'), 'client_test.go').map(([id, line]) => [id, line]),
      [['go.insecure-skip-verify', 11]],
    );
    assert.deepStrictEqual(
      at(
        'func helper() {\n\tcfg := &tls.Config{InsecureSkipVerify: true}\n\t_, err := dial(cfg)\n\tif err == nil {\n\t\tlog.Print("ok")\n\t}\n}',
        'main.go',
      ).map(([id]) => id),
      ['go.insecure-skip-verify'],
      'outside a Test function the value is used',
    );
  });
  it('Python: quiet inside pytest.raises / assertRaises blocks, found right after them', () =>
    assert.deepStrictEqual(
      at(
        `class TestSSLVerificationEnforced:
    def test_refuses(self):
        with pytest.raises(ValueError, match="SSL verification cannot be disabled"):
            requests.get(
                "https://example.com",
                verify=False,
            )

    def test_unittest(self):
        with self.assertRaises(ConfigError):
            make_session().verify = False
        requests.get("https://example.com", verify=False)`,
        'tests/test_ssl.py',
      ).map(([id, line]) => [id, line]),
      [['python.requests-verify-false', 12]],
    ));
  it('JavaScript: quiet inside expect(…).toThrow / rejects and assert.throws, found in a plain expect', () =>
    assert.deepStrictEqual(
      at(
        `it('refuses insecure options', async () => {
  expect(() => new Client({ tls: { rejectUnauthorized: false } })).toThrow(/insecure/);
  await expect(connect({ ssl: { rejectUnauthorized: false } })).rejects.toThrow();
  assert.throws(() => createAgent({ rejectUnauthorized: false }), /refused/);
  expect(new https.Agent({ rejectUnauthorized: false }).options.rejectUnauthorized).toBe(false);
});`,
        'client.test.ts',
      ).map(([id, line]) => [id, line]),
      [['javascript.reject-unauthorized-false', 5]],
    ));
});
