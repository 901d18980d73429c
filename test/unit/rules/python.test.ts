import * as assert from 'assert';
import { scanText } from '../../../src/core/scan/index';
import { python } from '../../../src/core/rules/python';
import { expectNone, expectOne, hits } from './helpers';

const P = 'app.py';

describe('rules: python', () => {
  const positives: [string, string, string][] = [
    ['requests.get("https://x", verify=False)', 'python.requests-verify-false', 'verify=False'],
    ['requests.request("GET", u, verify = False)', 'python.requests-verify-false', 'verify = False'],
    ['for m in ("a",): requests.post(u, data={"a": 1}, verify=False)', 'python.requests-verify-false', 'verify=False'],
    ['requests.Session().patch(u,\n    verify=False)', 'python.requests-verify-false', 'verify=False'],
    ['self.session.delete(u, timeout=3, verify=False)', 'python.requests-verify-false', 'verify=False'],
    ['s.verify = False', 'python.session-verify-false', 'verify = False'],
    ['httpx.get(u, verify=False)', 'python.httpx-verify-false', 'verify=False'],
    ['c = httpx.AsyncClient(base_url=u, verify=False)', 'python.httpx-verify-false', 'verify=False'],
    ['async with session.get(u, ssl=False) as r: pass', 'python.aiohttp-ssl-false', 'ssl=False'],
    ['conn = aiohttp.TCPConnector(ssl=False)', 'python.aiohttp-ssl-false', 'ssl=False'],
    ['await session.post(u, verify_ssl=False)', 'python.aiohttp-ssl-false', 'verify_ssl=False'],
    ["http = urllib3.PoolManager(cert_reqs='CERT_NONE')", 'python.cert-reqs-none', "cert_reqs='CERT_NONE'"],
    ['http = urllib3.PoolManager(cert_reqs=ssl.CERT_NONE)', 'python.cert-reqs-none', 'cert_reqs=ssl.CERT_NONE'],
    ['ctx = ssl._create_unverified_context()', 'python.unverified-context', 'ssl._create_unverified_context()'],
    [
      'urlopen(u, context=ssl._create_unverified_context(ssl.Purpose.SERVER_AUTH))',
      'python.unverified-context',
      'ssl._create_unverified_context(ssl.Purpose.SERVER_AUTH)',
    ],
    ['factory = ssl._create_unverified_context', 'python.unverified-context', 'ssl._create_unverified_context'],
    [
      'ssl._create_default_https_context = ssl._create_unverified_context',
      'python.default-https-context-override',
      'ssl._create_default_https_context = ssl._create_unverified_context',
    ],
    ['ctx.verify_mode = ssl.CERT_NONE', 'python.verify-mode-cert-none', 'verify_mode = ssl.CERT_NONE'],
    ['ctx.check_hostname = False', 'python.check-hostname-false', 'check_hostname = False'],
    ["os.environ['PYTHONHTTPSVERIFY'] = '0'", 'python.pythonhttpsverify-off', "os.environ['PYTHONHTTPSVERIFY'] = '0'"],
    [
      "os.environ.setdefault('PYTHONHTTPSVERIFY', '0')",
      'python.pythonhttpsverify-off',
      "os.environ.setdefault('PYTHONHTTPSVERIFY', '0')",
    ],
    ["os.putenv('PYTHONHTTPSVERIFY', '0')", 'python.pythonhttpsverify-off', "os.putenv('PYTHONHTTPSVERIFY', '0')"],
    ['subprocess.run(cmd, env={"PYTHONHTTPSVERIFY": "0"})', 'python.pythonhttpsverify-off', '"PYTHONHTTPSVERIFY": "0"'],
    ['os.environ["CURL_CA_BUNDLE"] = ""', 'python.curl-ca-bundle-empty', 'os.environ["CURL_CA_BUNDLE"] = ""'],
    ["os.environ.update(CURL_CA_BUNDLE='')", 'python.curl-ca-bundle-empty', "CURL_CA_BUNDLE=''"],
  ];
  for (const [code, id, value] of positives) {
    it(`finds ${id} in: ${code.split('\n')[0]}`, () => expectOne(code, P, id, value));
  }

  const negatives = [
    'model.fit(data, verify=False)',
    'requests.get(u, verify=True)',
    'requests.get(u, verify=ca_path)',
    'requests.get(u, verify="/etc/ssl/ca.pem")',
    '# requests.get(u, verify=False)',
    '"""\nrequests.get(u, verify=False)\n"""',
    "print('requests.get(u, verify=False)')",
    'x = f"call requests.get(u, verify=False) to skip"',
    'if s.verify == False: pass',
    'ctx.check_hostname = True',
    'ctx.verify_mode = ssl.CERT_REQUIRED',
    'def wrap(sock, cert_reqs=CERT_NONE): pass',
    'def _create_unverified_context(protocol=None): pass',
    'ssl._create_default_https_context = ssl.create_default_context',
    "os.environ['PYTHONHTTPSVERIFY'] = '1'",
    "os.environ['CURL_CA_BUNDLE'] = '/etc/ssl/ca.pem'",
    "x = \"os.environ['PYTHONHTTPSVERIFY'] = '0'\"",
    'asyncio.open_connection(host, 443, ssl=True)',
    'urllib3.disable_warnings()',
  ];
  for (const code of negatives) it(`ignores: ${code.replace(/\n/g, ' ')}`, () => expectNone(code, P));

  it('finds the NLTK alias idiom once, at the override through the alias (the saved reference is not a second site)', () => {
    const code = [
      'try:',
      '    _create_unverified_https_context = ssl._create_unverified_context',
      'except AttributeError:',
      '    pass',
      'else:',
      '    ssl._create_default_https_context = _create_unverified_https_context',
    ].join('\n');
    assert.deepStrictEqual(hits(code, P), [
      [
        'python.default-https-context-override',
        6,
        5,
        'ssl._create_default_https_context = _create_unverified_https_context',
      ],
    ]);
  });

  it('reports exact ranges and the enclosing call as context', () => {
    const [f] = scanText('r = requests.get(\n  url,\n  verify=False,\n)\n', P);
    assert.deepStrictEqual(f.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 14 } });
    assert.deepStrictEqual(f.context, { start: { line: 0, character: 4 }, end: { line: 3, character: 1 } });
  });

  it('attaches urllib3.disable_warnings() as related information, not as a finding', () => {
    const code =
      'import urllib3\nurllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)\nrequests.get(u, verify=False)\n';
    const found = scanText(code, P);
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0].related?.length, 1);
    assert.deepStrictEqual(found[0].related![0].range, {
      start: { line: 1, character: 0 },
      end: { line: 1, character: 67 },
    });
    assert.match(found[0].related![0].message, /InsecureRequestWarning/);
  });

  it('reads .py files and the python language id only', () => {
    assert.strictEqual(scanText('requests.get(u, verify=False)', 'app.txt').length, 0);
    assert.strictEqual(scanText('requests.get(u, verify=False)', 'untitled-1', { languageId: 'python' }).length, 1);
  });
});

describe('rules: python prefilter', () => {
  it('still finds verify=False when a comment sits between "=" and the value inside the call', () => {
    const code = 'import requests\nr = requests.get(\n    url,\n    verify=  # TODO: remove\n        False,\n)\n';
    const found = scanText(code, 'client.py');
    assert.deepStrictEqual(
      found.map((f) => f.ruleId),
      ['python.requests-verify-false'],
    );
  });

  it('skips files that mention ssl and False but never together', () => {
    assert.strictEqual(python.prefilter.test('import ssl\nDEBUG = False\nctx = ssl.create_default_context()\n'), false);
  });
});
