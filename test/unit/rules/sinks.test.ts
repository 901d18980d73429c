// Issue 18's sink rule (CodeQL's convention): a switch held in a constant, variable, option object, SDK
// Configuration object or a wrapper's default parameter is found where it reaches each call, with the value's place
// as its origin (related information, and what the quick fix rewrites); a value that reaches no call in the file
// stays where it is written. Realistic fixtures, exact places: [rule, line, column, text, origin line, origin text].
import * as assert from 'assert';
import { applyEdits, removeFlagFix, trustBundleFix } from '../../../src/core/fixes/index';
import { toJson, toText } from '../../../src/core/report/index';
import { toSarif } from '../../../src/core/report/sarif';
import { ORIGIN_MESSAGE } from '../../../src/core/rules/flow';
import { scanText } from '../../../src/core/scan/index';
import { hitsFrom } from './helpers';

const BUNDLE = '/etc/ssl/corp-ca.pem';

describe('sinks: python', () => {
  it('a module constant used by two calls: one finding per call, the constant the origin of both', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import requests

VERIFY_TLS = False  # the staging proxy re-signs everything


def fetch_invoice(session, invoice_id):
    return session.get(f"{BASE}/invoices/{invoice_id}", timeout=10, verify=VERIFY_TLS)


def upload(path):
    with open(path, "rb") as fh:
        return requests.post(
            f"{BASE}/uploads",
            files={"file": fh},
            verify=VERIFY_TLS,
        )
`,
        'billing/api.py',
      ),
      [
        ['python.requests-verify-false', 7, 69, 'verify=VERIFY_TLS', 3, 'VERIFY_TLS = False'],
        // A multi-line call: the argument's own line.
        ['python.requests-verify-false', 15, 13, 'verify=VERIFY_TLS', 3, 'VERIFY_TLS = False'],
      ],
    ));

  it("a wrapper's default parameter: at the keyword that passes it on, the default the origin", () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import json
import requests


def get_data(url, verify=False, retries=3):
    """Executes a GET request and returns the data object."""
    for _ in range(retries):
        r = requests.get(
            url,
            headers={"Accept": "application/json"},
            verify=verify,
        )
        if r.ok:
            return json.loads(r.text)["data"]
`,
        'api/client.py',
      ),
      [['python.requests-verify-false', 11, 13, 'verify=verify', 5, 'verify=False']],
    ));

  it('a dict spread with ** into two calls: at each spread, the dict entry the origin', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import requests

REQUEST_OPTS = {
    "timeout": (3.05, 27),
    "verify": False,
}


def health():
    return requests.get(f"{API}/health", **REQUEST_OPTS).ok


def submit(payload):
    return requests.post(f"{API}/jobs", json=payload, **REQUEST_OPTS)
`,
        'jobs/client.py',
      ),
      [
        ['python.requests-verify-false', 10, 42, '**REQUEST_OPTS', 5, '"verify": False'],
        ['python.requests-verify-false', 14, 55, '**REQUEST_OPTS', 5, '"verify": False'],
      ],
    ));

  it('an SDK Configuration object: at ApiClient(configuration); one returned instead stays on the value', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `from kubernetes import client


def core_api(kube):
    configuration = client.Configuration()
    configuration.host = kube.api_server
    if kube.ca_cert:
        configuration.ssl_ca_cert = kube.ca_cert
    else:
        configuration.verify_ssl = False
    return client.CoreV1Api(client.ApiClient(configuration))


def default_configuration():
    cfg = client.Configuration()
    cfg.verify_ssl = False
    return cfg
`,
        'svc/k8s.py',
      ),
      [
        ['python.client-sdk-verify-false', 11, 46, 'configuration', 10, 'verify_ssl = False'],
        ['python.client-sdk-verify-false', 16, 9, 'verify_ssl = False', '-', '-'],
      ],
    ));

  it('an options dict given by keyword (websocket sslopt) to two calls; one never passed stays', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import ssl
import websocket

SSL_OPTIONS = {"cert_reqs": ssl.CERT_NONE}
EXPORTED_SSLOPT = {"cert_reqs": ssl.CERT_NONE}


def listen(url, on_message):
    ws = websocket.WebSocketApp(url, on_message=on_message)
    ws.run_forever(sslopt=SSL_OPTIONS)


def once(url):
    return websocket.create_connection(url, sslopt=SSL_OPTIONS)
`,
        'feeds/ws.py',
      ),
      [
        ['python.ssl-options-cert-none', 5, 20, '"cert_reqs": ssl.CERT_NONE', '-', '-'],
        ['python.ssl-options-cert-none', 10, 20, 'sslopt=SSL_OPTIONS', 4, '"cert_reqs": ssl.CERT_NONE'],
        ['python.ssl-options-cert-none', 14, 45, 'sslopt=SSL_OPTIONS', 4, '"cert_reqs": ssl.CERT_NONE'],
      ].sort((a, b) => (a[1] as number) - (b[1] as number)),
    ));

  it('switches written where they enter the call or a TLS API stay where they are', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import functools
import ssl
import requests

insecure_get = functools.partial(requests.get, verify=False)
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
session = requests.Session()
session.verify = False
requests.get(url, verify=False)
`,
        'probe.py',
      ).map((h) => [h[1], h[4]]),
      [
        [5, '-'],
        [7, '-'],
        [8, '-'],
        [10, '-'],
        [11, '-'],
      ],
    ));
});

describe('sinks: javascript', () => {
  const js = `const https = require('https');
const tls = require('tls');

const options = {
  host: 'registry.internal',
  port: 443,
  rejectUnauthorized: false,
};

console.log('connecting', options);
const req = https.request(options, (res) => res.resume());
const socket = tls.connect(
  8443,
  'registry.internal',
  options,
);

function probe(url) {
  const opts = {};
  opts.rejectUnauthorized = false;
  return https.get(url, opts);
}

function safe(url) {
  const options = { ca: fs.readFileSync('ca.pem') };
  return https.get(url, options);
}

const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
module.exports = { tlsDefaults: { rejectUnauthorized: false } };
`;

  it('an options variable: at each call that takes it (not a log line, not a shadowing binding), a member set on an object too', () =>
    assert.deepStrictEqual(hitsFrom(js, 'lib/tls.js'), [
      ['javascript.reject-unauthorized-false', 11, 27, 'options', 7, 'rejectUnauthorized: false'],
      ['javascript.reject-unauthorized-false', 15, 3, 'options', 7, 'rejectUnauthorized: false'],
      ['javascript.reject-unauthorized-false', 21, 25, 'opts', 20, 'rejectUnauthorized = false'],
      // Inline in the Agent's call, and an exported object that reaches no call here: on the value.
      ['javascript.reject-unauthorized-false', 29, 50, 'rejectUnauthorized: false', '-', '-'],
      ['javascript.reject-unauthorized-false', 30, 35, 'rejectUnauthorized: false', '-', '-'],
    ]));

  it('a nested option object (mqtt / imap tlsOptions), with the protocol pin of the same object', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `const imapConfig = {
  user: process.env.IMAP_USER,
  host: 'imap.internal',
  tls: true,
  tlsOptions: {
    secureProtocol: 'TLSv1_method',
    rejectUnauthorized: false,
  },
};

export function connect() {
  const imap = new Imap(imapConfig);
  imap.once('ready', () => imap.openBox('INBOX', true, onBox));
  imap.connect();
}
`,
        'routes/mail.ts',
      ),
      [
        ['javascript.obsolete-tls-version', 12, 25, 'imapConfig', 6, "secureProtocol: 'TLSv1_method'"],
        ['javascript.reject-unauthorized-false', 12, 25, 'imapConfig', 7, 'rejectUnauthorized: false'],
      ],
    ));
});

describe('sinks: ruby and php', () => {
  it('Ruby: a hash bound to a name and passed on (Net::HTTP.start, HTMLProofer); one never passed stays', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `require 'net/http'

http_opts = { use_ssl: true, verify_mode: OpenSSL::SSL::VERIFY_NONE }
Net::HTTP.start(host, 443, http_opts) do |http|
  http.get('/')
end

task :htmlproofer do
  config = {
    disable_external: false,
    typhoeus: { ssl_verifypeer: false },
  }
  HTMLProofer.check_directory(site_path, config).run
end

DEFAULTS = { typhoeus: { ssl_verifypeer: false } }
`,
        'Rakefile',
      ),
      [
        ['ruby.verify-none', 4, 28, 'http_opts', 3, 'OpenSSL::SSL::VERIFY_NONE'],
        ['ruby.verify-false', 13, 42, 'config', 11, 'ssl_verifypeer: false'],
        ['ruby.verify-false', 16, 26, 'ssl_verifypeer: false', '-', '-'],
      ],
    ));

  it('PHP: an options array passed to the client, array() inline stays, two keys of one array are one finding', () => {
    const php = `<?php
$options = [
    'base_uri' => $base,
    'verify' => false,
];
$client = new \\GuzzleHttp\\Client($options);
$ctx = stream_context_create(array('ssl' => array('verify_peer' => false)));
$opts = ['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]];
$body = file_get_contents($url, false, stream_context_create($opts));
`;
    assert.deepStrictEqual(hitsFrom(php, 'src/Api.php'), [
      ['php.http-client-verify-false', 6, 34, '$options', 4, "'verify' => false"],
      ['php.stream-verify-peer-off', 7, 51, "'verify_peer' => false", '-', '-'],
      ['php.stream-verify-peer-off', 9, 62, '$opts', 8, "'verify_peer' => false"],
    ]);
    const last = scanText(php, 'src/Api.php')[2];
    assert.deepStrictEqual(
      last.related?.map((r) => r.range.start.line + 1),
      [8, 8],
    );
  });
});

describe('sinks: every surface shows the origin', () => {
  const text = `import requests

VERIFY = False


def a(url):
    return requests.get(url, verify=VERIFY)


def b(url):
    return requests.post(url, verify=VERIFY)
`;
  const found = scanText(text, 'app.py');

  it('related information points at the value, and origin counts the calls it reaches', () => {
    assert.deepStrictEqual(
      found.map((f) => [
        f.range.start.line,
        f.related?.[0].range.start.line,
        f.related?.[0].message,
        f.origin?.reaches,
      ]),
      [
        [6, 2, ORIGIN_MESSAGE, 2],
        [10, 2, ORIGIN_MESSAGE, 2],
      ],
    );
    assert.match(found[0].message, /\(through VERIFY, set on line 3\)$/);
  });

  it('the quick fix rewrites the constant once, and its title says so', () => {
    const r = trustBundleFix(text, found[1], { bundle: BUNDLE, path: 'app.py' });
    assert.ok(r);
    assert.strictEqual(r.label, `verify="${BUNDLE}" at line 3, for the 2 calls it reaches`);
    const after = applyEdits(text, r.edits);
    assert.strictEqual(after.split('\n')[2], `VERIFY = "${BUNDLE}"`);
    assert.strictEqual(after.split('\n')[6], '    return requests.get(url, verify=VERIFY)');
    assert.deepStrictEqual(scanText(after, 'app.py'), []);
    // Deleting the constant would leave VERIFY unbound at both calls: no removal is offered, only the rewrite.
    assert.strictEqual(removeFlagFix(text, found[0], 'app.py'), undefined);
    // A stale sink (its value already rewritten) is refused, not applied twice.
    assert.strictEqual(trustBundleFix(after, found[0], { bundle: BUNDLE, path: 'app.py' }), undefined);
  });

  it('a dict entry reached by one spread: the removal fix drops the entry, titled with its line', () => {
    const src = 'import requests\nOPTS = {"timeout": 5, "verify": False}\nrequests.get(u, **OPTS)\n';
    const [f] = scanText(src, 'c.py');
    const r = removeFlagFix(src, f, 'c.py');
    assert.ok(r);
    assert.strictEqual(r.label, 'remove "verify": False at line 2');
    assert.strictEqual(applyEdits(src, r.edits).split('\n')[1], 'OPTS = {"timeout": 5}');
  });

  it('a suppression marker beside the value (where the finding used to be) still holds', () =>
    assert.deepStrictEqual(
      scanText(
        text.replace('VERIFY = False', 'VERIFY = False  # tls-doctor: ignore python.requests-verify-false'),
        'app.py',
      ),
      [],
    ));

  it('SARIF relatedLocations and the JSON origin name the value; the text line names it too', () => {
    const results = found.map((finding) => ({ file: 'app.py', finding }));
    const sarif = JSON.parse(toSarif(results)) as {
      runs: {
        results: {
          locations: { physicalLocation: { region: { startLine: number } } }[];
          relatedLocations: {
            message: { text: string };
            physicalLocation: { region: { startLine: number; startColumn: number } };
          }[];
        }[];
      }[];
    };
    const [first] = sarif.runs[0].results;
    assert.strictEqual(first.locations[0].physicalLocation.region.startLine, 7);
    assert.deepStrictEqual(
      first.relatedLocations.map((l) => [
        l.physicalLocation.region.startLine,
        l.physicalLocation.region.startColumn,
        l.message.text,
      ]),
      [[3, 1, ORIGIN_MESSAGE]],
    );
    const json = JSON.parse(toJson(results)) as { findings: { line: number; origin?: object }[] };
    assert.deepStrictEqual(
      json.findings.map((f) => [f.line, f.origin]),
      [
        [7, { line: 3, column: 1, endLine: 3, endColumn: 15, reaches: 2 }],
        [11, { line: 3, column: 1, endLine: 3, endColumn: 15, reaches: 2 }],
      ],
    );
    assert.match(
      toText(results, { filesScanned: 1, filesSkipped: 0 }),
      /^app\.py:7:30 warning python\.requests-verify-false .*set on line 3\)$/m,
    );
  });
});

describe('sinks: values that reach no call here, and calls that look like definitions', () => {
  it('a module setting named for verification, read by other modules: found on the value; one used here is left to its uses', () => {
    assert.deepStrictEqual(
      hitsFrom(
        `API_BASE_URL = os.getenv("API_BASE_URL")
SCENESCAPE_API_BASE_URL = os.getenv(
    "SCENESCAPE_API_BASE_URL", "http://metro-vision-ai-app-recipe-web-1"
)
# Fixed for this deployment profile.
SCENESCAPE_API_VERIFY_SSL = False
SCENESCAPE_API_AUTH_PATH = "/api/v1/auth"
`,
        'settings/config.py',
      ),
      [['python.client-sdk-verify-false', 6, 1, 'SCENESCAPE_API_VERIFY_SSL = False', '-', '-']],
    );
    assert.deepStrictEqual(
      hitsFrom('VERIFY_SSL = False\n\nif VERIFY_SSL:\n    warn()\n', 'a.py'),
      [],
      'used in the file, not in a call: no finding',
    );
    assert.deepStrictEqual(hitsFrom('def f():\n    VERIFY_SSL = False\n', 'b.py'), [], 'a local, not a module setting');
    assert.deepStrictEqual(hitsFrom('DEBUG = False\nSSL_VERIFY = True\nVERIFY = False\n', 'c.py'), []);
  });

  it('Ruby: a call followed by a block (`open(uri, opts) { |f| … }`) is a sink, not a definition', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `  def open_content_from_uri(uri)
    return '' if uri.nil?

    opts = { allow_redirections: :safe, ssl_verify_mode: OpenSSL::SSL::VERIFY_NONE }
    open(uri, opts) { |f| @content = f.read if uri }
    @content
  end
`,
        'app/services/feed_reader.rb',
      ),
      [['ruby.verify-none', 5, 15, 'opts', 4, 'OpenSSL::SSL::VERIFY_NONE']],
    ));

  it('JavaScript: a Mongoose connection named only as `Mongoose` still reads tlsAllowInvalidHostnames', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `export const connect = () =>
  Database.connect(uri, {
    tlsAllowInvalidHostnames: true,
    tlsAllowInvalidCertificates: true,
    tlsCAFile: Path.join(__dirname, "us-east-2-bundle.pem"),
  }).then(() => Mongoose);
`,
        'src/database.ts',
      ).map((h) => [h[0], h[1]]),
      [
        ['javascript.mongodb-allow-invalid-hostnames', 3],
        ['javascript.mongodb-allow-invalid-certificates', 4],
      ],
    ));
});

describe('sinks: a named value entering a TLS API keeps its place, with the value related', () => {
  const related = (text: string, path: string) =>
    scanText(text, path).map((f) => [
      f.range.start.line + 1,
      f.value,
      f.origin === undefined,
      f.related?.map((r) => [
        r.range.start.line + 1,
        text.split('\n')[r.range.start.line].slice(r.range.start.character, r.range.end.character),
        r.message,
      ]),
    ]);

  it('Go InsecureSkipVerify: skip, JavaScript rejectUnauthorized: insecure, Rust danger_accept_invalid_certs(insecure)', () => {
    assert.deepStrictEqual(
      related(
        'package main\n\nfunc client() *http.Client {\n\tskip := true\n\tcfg := &tls.Config{InsecureSkipVerify: skip}\n\treturn &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}\n}\n',
        'cmd/client.go',
      ),
      [[5, 'InsecureSkipVerify: skip', true, [[4, 'skip := true', ORIGIN_MESSAGE]]]],
    );
    assert.deepStrictEqual(
      related('const insecure = false;\nhttps.get(url, { rejectUnauthorized: insecure }, onResponse);\n', 'probe.js'),
      [[2, 'rejectUnauthorized: insecure', true, [[1, 'insecure = false', ORIGIN_MESSAGE]]]],
    );
    assert.deepStrictEqual(
      related(
        'let insecure = true;\nlet client = reqwest::Client::builder().danger_accept_invalid_certs(insecure).build()?;\n',
        'src/http.rs',
      ),
      [[2, 'danger_accept_invalid_certs(insecure)', true, [[1, 'insecure = true', ORIGIN_MESSAGE]]]],
    );
  });
});
