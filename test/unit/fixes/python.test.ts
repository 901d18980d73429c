import * as assert from 'assert';
import { trustBundleFix } from '../../../src/core/fixes/index';
import { only, remove, trust, trustResult } from './helpers';

describe('fixes: Python', () => {
  it('verify=False in a requests call → verify="<bundle>"', () => {
    assert.strictEqual(
      trust('import requests\nr = requests.get("https://h", verify=False)\n', 'a.py', 'python.requests-verify-false'),
      'import requests\nr = requests.get("https://h", verify=".certs/bundle.pem")\n',
    );
  });

  it('keeps the spacing of `verify = False` and escapes Windows paths and quotes', () => {
    assert.strictEqual(
      trust(
        'requests.post(u, data=d, verify = False)\n',
        'a.py',
        'python.requests-verify-false',
        'C:\\Users\\me\\my certs\\"b".pem',
      ),
      'requests.post(u, data=d, verify = "C:\\\\Users\\\\me\\\\my certs\\\\\\"b\\".pem")\n',
    );
  });

  it('session.verify = False → the bundle path', () => {
    assert.strictEqual(
      trust(
        's = requests.Session()\ns.verify = False\n',
        'a.py',
        'python.session-verify-false',
        '/opt/ca dir/bundle.pem',
      ),
      's = requests.Session()\ns.verify = "/opt/ca dir/bundle.pem"\n',
    );
  });

  it('httpx gets an SSL context (string paths are deprecated there) and `import ssl` after the last import', () => {
    assert.strictEqual(
      trust(
        '"""Doc."""\nimport os\nfrom x import (\n    a,\n)\nc = httpx.Client(verify=False)\n',
        'a.py',
        'python.httpx-verify-false',
      ),
      '"""Doc."""\nimport os\nfrom x import (\n    a,\n)\nimport ssl\nc = httpx.Client(verify=ssl.create_default_context(cafile=".certs/bundle.pem"))\n',
    );
  });

  it('httpx reuses an existing `import ssl as s` alias', () => {
    assert.strictEqual(
      trust('import ssl as s, httpx\nhttpx.get(u, verify=False)\n', 'a.py', 'python.httpx-verify-false'),
      'import ssl as s, httpx\nhttpx.get(u, verify=s.create_default_context(cafile=".certs/bundle.pem"))\n',
    );
  });

  it('ssl._create_unverified_context() → ssl.create_default_context(cafile=...)', () => {
    assert.strictEqual(
      trust(
        'import ssl\nctx = ssl._create_unverified_context()\nurlopen(u, context=ctx)\n',
        'a.py',
        'python.unverified-context',
      ),
      'import ssl\nctx = ssl.create_default_context(cafile=".certs/bundle.pem")\nurlopen(u, context=ctx)\n',
    );
  });

  it('an unverified context with a SERVER_AUTH purpose keeps the same purpose (the default one)', () => {
    assert.strictEqual(
      trust(
        'import ssl\nctx = ssl._create_unverified_context(ssl.Purpose.SERVER_AUTH)\n',
        'a.py',
        'python.unverified-context',
      ),
      'import ssl\nctx = ssl.create_default_context(cafile=".certs/bundle.pem")\n',
    );
  });

  it('a bare `_create_unverified_context()` (from-import) gets `import ssl` at the top of a file without imports', () => {
    assert.strictEqual(
      trust('#!/usr/bin/env python3\nctx = _create_unverified_context()\n', 'a.py', 'python.unverified-context'),
      '#!/usr/bin/env python3\nimport ssl\nctx = ssl.create_default_context(cafile=".certs/bundle.pem")\n',
    );
  });

  it('declines unverified contexts with certificate arguments (a human must rewrite them)', () => {
    assert.strictEqual(
      trustResult(
        'import ssl\nc = ssl._create_unverified_context(certfile="c.pem")\n',
        'a.py',
        'python.unverified-context',
      ),
      undefined,
    );
  });

  it('PYTHONHTTPSVERIFY=0 and CURL_CA_BUNDLE="" in os.environ → SSL_CERT_FILE / REQUESTS_CA_BUNDLE', () => {
    assert.strictEqual(
      trust("os.environ['PYTHONHTTPSVERIFY'] = '0'\n", 'a.py', 'python.pythonhttpsverify-off'),
      "os.environ['SSL_CERT_FILE'] = '.certs/bundle.pem'\n",
    );
    assert.strictEqual(
      trust('os.environ["CURL_CA_BUNDLE"] = ""\n', 'a.py', 'python.curl-ca-bundle-empty'),
      'os.environ["REQUESTS_CA_BUNDLE"] = ".certs/bundle.pem"\n',
    );
    assert.strictEqual(
      trust('os.environ.setdefault("PYTHONHTTPSVERIFY", "0")\n', 'a.py', 'python.pythonhttpsverify-off'),
      'os.environ.setdefault("SSL_CERT_FILE", ".certs/bundle.pem")\n',
    );
    assert.strictEqual(
      trust('env = {"PYTHONHTTPSVERIFY": "0"}\n', 'a.py', 'python.pythonhttpsverify-off'),
      'env = {"SSL_CERT_FILE": ".certs/bundle.pem"}\n',
    );
  });

  it('refuses a stale finding whose text changed, and a multi-line bundle path', () => {
    const text = 'requests.get(u, verify=False)\n';
    const f = only(text, 'a.py', 'python.requests-verify-false');
    assert.strictEqual(
      trustBundleFix('requests.get(u, verify=True)\n', f, { bundle: 'b.pem', path: 'a.py' }),
      undefined,
    );
    assert.throws(() => trustBundleFix(text, f, { bundle: 'a\nb', path: 'a.py' }), /single line/);
  });

  describe('remove the flag (endpoint verifies with default trust)', () => {
    it('drops verify=False with its comma, wherever it is in the call', () => {
      assert.strictEqual(
        remove('requests.get(u, verify=False)\n', 'a.py', 'python.requests-verify-false'),
        'requests.get(u)\n',
      );
      assert.strictEqual(
        remove('requests.get(verify=False, url=u)\n', 'a.py', 'python.requests-verify-false'),
        'requests.get(url=u)\n',
      );
      assert.strictEqual(
        remove('requests.get(\n    u,\n    verify=False,\n)\n', 'a.py', 'python.requests-verify-false'),
        'requests.get(\n    u,\n)\n',
      );
    });

    it('deletes the session.verify line and turns unverified contexts into default ones', () => {
      assert.strictEqual(
        remove('s = S()\ns.verify = False\nx = 1\n', 'a.py', 'python.session-verify-false'),
        's = S()\nx = 1\n',
      );
      assert.strictEqual(
        remove('import ssl\nc = ssl._create_unverified_context()\n', 'a.py', 'python.unverified-context'),
        'import ssl\nc = ssl.create_default_context()\n',
      );
    });

    it('deletes environment assignments', () => {
      assert.strictEqual(
        remove('import os\nos.environ["PYTHONHTTPSVERIFY"] = "0"\nrun()\n', 'a.py', 'python.pythonhttpsverify-off'),
        'import os\nrun()\n',
      );
    });
  });
});
