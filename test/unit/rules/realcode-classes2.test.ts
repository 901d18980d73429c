// Classes of switches met in real code, round 2 (issue 18: the first real-code check set's misses, tuned on after
// its figure was taken): fixtures written here in the shapes real projects use, with exact places, and look-alikes
// that must stay quiet.
import * as assert from 'assert';
import { mayHaveFindings } from '../../../src/core/scan/index';
import { expectNone, hits, hitsFrom } from './helpers';

describe('real-code classes, round 2: python', () => {
  it('finds a wrapper default that becomes a session switch (function, __init__, Session subclass)', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `"""Session factory."""
import requests


def create_session(retries=3, verify_ssl=False):
    """Create a pre-configured requests.Session."""
    session = requests.Session()
    session.verify = verify_ssl
    return session


class ApiClient:
    def __init__(self, base_url, token, verify=0):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["Authorization"] = token
        self.session.verify = verify


class InsecureSession(requests.Session):
    def __init__(self, verify=False):
        super().__init__()
        self.verify = verify`,
        'client/session.py',
      ),
      // At the session switch each default reaches (issue 18's sink rule), the default as the origin.
      [
        ['python.requests-verify-false', 8, 13, 'verify = verify_ssl', 5, 'verify_ssl=False'],
        ['python.requests-verify-false', 17, 22, 'verify = verify', 13, 'verify=0'],
        ['python.requests-verify-false', 23, 14, 'verify = verify', 21, 'verify=False'],
      ],
    ));
  it('keeps quiet about defaults that are True, stored on a class of its own, or compared', () =>
    expectNone(
      `def create_session(verify_ssl=True):
    session = requests.Session()
    session.verify = verify_ssl
    return session

class Checker:
    def __init__(self, verify=False):
        self.verify = verify

def build(verify=False):
    session = requests.Session()
    if session.verify == verify:
        pass
    session.verify = "/etc/ssl/certs/ca.pem"`,
      'client/session.py',
    ));
  it('finds urllib3 keyword dicts filled item by item with CERT_NONE (string or constant)', () =>
    assert.deepStrictEqual(
      hits(
        `import ssl
import urllib3

manager_kwargs = {}

if not certifi_installed:
    manager_kwargs["cert_reqs"] = "CERT_NONE"
else:
    manager_kwargs["cert_reqs"] = "CERT_REQUIRED"
    manager_kwargs["ca_certs"] = certifi.where()

pool_kw = dict(maxsize=4)
pool_kw['cert_reqs'] = ssl.CERT_NONE
pool_manager = urllib3.PoolManager(**manager_kwargs)`,
        'http_helpers.py',
      ),
      [
        ['python.cert-reqs-none', 7, 5, 'manager_kwargs["cert_reqs"] = "CERT_NONE"'],
        ['python.cert-reqs-none', 13, 1, "pool_kw['cert_reqs'] = ssl.CERT_NONE"],
      ],
    ));
  it('keeps quiet about CERT_NONE compared, in a comment, or under another key', () =>
    expectNone(
      `if kw["cert_reqs"] == "CERT_NONE":
    warn()
# kw["cert_reqs"] = "CERT_NONE"
kw["mode"] = "CERT_NONE"
msg = 'kw["cert_reqs"] = "CERT_NONE"'`,
      'http_helpers.py',
    ));
  it('finds a verify item set on a dict that is spread into a request, not one spread elsewhere', () => {
    assert.deepStrictEqual(
      hitsFrom(
        `import requests

kw = {"timeout": 5}
kw["verify"] = False
resp = requests.get(url, **kw)`,
        'fetch.py',
      ),
      [['python.requests-verify-false', 5, 26, '**kw', 4, 'kw["verify"] = False']],
    );
    expectNone('kw = {}\nkw["verify"] = False\nmodel.fit(data, **kw)', 'train.py');
  });
});

describe('real-code classes, round 2: rust openssl', () => {
  it('finds set_verify(NONE) on connectors (0.10 and 0.9 spellings) and a callback that accepts all', () =>
    assert.deepStrictEqual(
      hits(
        `use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};

pub fn connector(settings: &Settings) -> Result<SslConnector, ErrorStack> {
    let mut builder = SslConnector::builder(SslMethod::tls_client())?;
    if settings.verify {
        builder.set_verify(SslVerifyMode::PEER);
    } else {
        builder.set_verify(SslVerifyMode::NONE);
    }
    builder.set_verify_callback(SslVerifyMode::PEER, |_preverify, _ctx| true);
    Ok(builder.build())
}

fn legacy() {
    let mut connector = SslConnectorBuilder::new(SslMethod::tls()).unwrap();
    connector.builder_mut().set_verify(openssl::ssl::SSL_VERIFY_NONE);
}`,
        'src/tls.rs',
      ),
      [
        ['rust.openssl-verify-none', 8, 17, 'set_verify(SslVerifyMode::NONE)'],
        ['rust.openssl-verify-none', 10, 13, 'set_verify_callback(SslVerifyMode::PEER, |_preverify, _ctx| true)'],
        ['rust.openssl-verify-none', 16, 29, 'set_verify(openssl::ssl::SSL_VERIFY_NONE)'],
      ],
    ));
  it('keeps quiet about acceptors, PEER, callbacks that decide, and comments', () =>
    expectNone(
      `let mut acceptor = SslAcceptor::mozilla_intermediate_v5(SslMethod::tls())?;
acceptor.set_verify(SslVerifyMode::NONE);
let mut b = SslConnector::builder(SslMethod::tls())?;
b.set_verify(SslVerifyMode::PEER);
b.set_verify_callback(SslVerifyMode::PEER, |ok, ctx| ok && pinned(ctx));
// b.set_verify(SslVerifyMode::NONE);`,
      'src/server.rs',
    ));
});

describe('real-code classes, round 2: javascript MongoDB', () => {
  it('finds tlsInsecure, tlsAllowInvalidHostnames and sslValidate: false in a file that names the driver', () =>
    assert.deepStrictEqual(
      hits(
        `const mongoose = require('mongoose');

const options = {
  ssl: true,
  sslValidate: false,
  tlsAllowInvalidHostnames: true,
};

async function connect(uri) {
  await mongoose.connect(uri, { ...options, 'tlsInsecure': true });
}`,
        'src/db.js',
      ),
      [
        ['javascript.mongodb-allow-invalid-certificates', 5, 3, 'sslValidate: false'],
        ['javascript.mongodb-allow-invalid-hostnames', 6, 3, 'tlsAllowInvalidHostnames: true'],
        ['javascript.mongodb-allow-invalid-certificates', 10, 45, "'tlsInsecure': true"],
      ],
    ));
  it('keeps quiet without the driver, in types, and for the safe values', () => {
    expectNone('const ldapOptions = { tlsInsecure: true, sslValidate: false };', 'src/ldap.js');
    expectNone(
      `import { MongoClient } from 'mongodb';
interface DbOptions { tlsInsecure?: true; sslValidate: false }
const client = new MongoClient(uri, { tlsInsecure: false, sslValidate: true, tlsAllowInvalidHostnames: false });`,
      'src/db.ts',
    );
  });
  it('a file with the switch but no needle is skipped before any regex runs', () => {
    assert.strictEqual(mayHaveFindings('const o = { tlsInsecure: true };\n', 'a.js'), false);
    assert.strictEqual(mayHaveFindings("require('mongodb');\nconst o = { tlsInsecure: true };\n", 'a.js'), true);
  });
});
