// Classes of switches (and look-alikes) real code showed after check4's second tuning round (issue 18): each with
// the forms seen in public code, written here as fixtures with exact places, and the look-alikes that must stay quiet.
// Sink fixtures: [rule, line, column, text, origin line, origin text] (see sinks.test.ts).
import * as assert from 'assert';
import { expectNone, hitsFrom } from './helpers';

describe('real-code classes 6: a string holding the switch reaches a call (the sink rule)', () => {
  it('Python: an ODBC connection string interpolated into create_engine, and passed to pyodbc.connect', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import pyodbc
from sqlalchemy import create_engine

def engine_for(server, database, user, password):
    odbc = f"DRIVER={{ODBC Driver 18 for SQL Server}};SERVER={server};DATABASE={database};UID={user};PWD={password};TrustServerCertificate=yes;"
    log.info(f"connecting with {odbc}")
    engine = create_engine(f"mssql+pyodbc:///?odbc_connect={odbc}", pool_pre_ping=True)
    raw = pyodbc.connect(odbc)
    return engine, raw
`,
        'app/db.py',
      ),
      [
        ['connection.sqlserver-trust-server-certificate', 7, 61, 'odbc', 5, 'TrustServerCertificate=yes'],
        ['connection.sqlserver-trust-server-certificate', 8, 26, 'odbc', 5, 'TrustServerCertificate=yes'],
      ],
    ));

  it('Python: a connection string that reaches no call stays on the value; one written in the call is found there', () => {
    assert.deepStrictEqual(
      hitsFrom(
        `SQLSERVER_ODBC = "DRIVER={ODBC Driver 18 for SQL Server};SERVER=db;TrustServerCertificate=yes;"\nprint(SQLSERVER_ODBC)\n`,
        'settings.py',
      ),
      [['connection.sqlserver-trust-server-certificate', 1, 68, 'TrustServerCertificate=yes', '-', '-']],
    );
    assert.deepStrictEqual(hitsFrom('conn = pyodbc.connect("SERVER=db;TrustServerCertificate=yes;")\n', 'db.py'), [
      ['connection.sqlserver-trust-server-certificate', 1, 34, 'TrustServerCertificate=yes', '-', '-'],
    ]);
  });

  it('TypeScript: a template-literal connection string passed to sql.connect', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import sql from "mssql";

const connectionString = \`Server=\${process.env.DB_HOST};Database=orders;Encrypt=true;TrustServerCertificate=true\`;

export async function pool() {
  console.log(\`db: \${connectionString}\`);
  return sql.connect(connectionString);
}
`,
        'src/db.ts',
      ),
      [['connection.sqlserver-trust-server-certificate', 7, 22, 'connectionString', 3, 'TrustServerCertificate=true']],
    ));

  it('Python: a redis URL whose ssl_cert_reqs=none is appended (+=) reaches Redis.from_url', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `from redis import Redis

def make_client(redis_url: str) -> Redis:
    if redis_url.startswith("redis://") and USE_TLS:
        redis_url = redis_url.replace("redis://", "rediss://", 1)
        if "?" not in redis_url:
            redis_url += "?ssl_cert_reqs=none"
    client = Redis.from_url(redis_url, decode_responses=True, socket_timeout=5)
    print("redis at", redis_url)
    return client
`,
        'worker/queue.py',
      ),
      [['python.redis-ssl-cert-reqs-none', 8, 29, 'redis_url', 7, 'ssl_cert_reqs=none']],
    ));

  it('Python: a redis URL constant given to Celery by keyword; a later rebinding governs the later call', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `BROKER_URL = "rediss://:secret@cache.internal:6380/0?ssl_cert_reqs=none"
app = Celery("tasks", broker=BROKER_URL)
BROKER_URL = "rediss://:secret@cache.internal:6380/0?ssl_cert_reqs=required"
other = Celery("audit", broker=BROKER_URL)
`,
        'tasks.py',
      ),
      [['python.redis-ssl-cert-reqs-none', 2, 23, 'broker=BROKER_URL', 1, 'ssl_cert_reqs=none']],
    ));

  it('Python: redis options in a dict (literal or dict(…)) spread into from_url / Redis with **', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import redis

REDIS_OPTIONS = {
    "ssl": True,
    "ssl_cert_reqs": None,  # managed Redis presents a self-signed certificate
    "decode_responses": True,
}

def cache(url):
    return redis.Redis.from_url(url, **REDIS_OPTIONS)

def queue(host):
    extra = dict(ssl=True, ssl_cert_reqs="none")
    return redis.Redis(host=host, port=6380, **extra)

def logged():
    print(**REDIS_OPTIONS)
`,
        'app/cache.py',
      ),
      [
        ['python.redis-ssl-cert-reqs-none', 10, 38, '**REDIS_OPTIONS', 5, '"ssl_cert_reqs": None'],
        ['python.redis-ssl-cert-reqs-none', 14, 46, '**extra', 13, 'ssl_cert_reqs="none"'],
      ],
    ));

  it('Python: a redis options dict spread nowhere stays on the value', () =>
    assert.deepStrictEqual(hitsFrom('CELERY_REDIS = {"ssl_cert_reqs": None}\n', 'settings.py'), [
      ['python.redis-ssl-cert-reqs-none', 1, 17, '"ssl_cert_reqs": None', '-', '-'],
    ]));

  it('a safe connection string in a variable stays quiet', () => {
    expectNone(
      'odbc = f"SERVER={host};Encrypt=yes;TrustServerCertificate=no;"\nengine = create_engine(f"mssql+pyodbc:///?odbc_connect={odbc}")\n',
      'db.py',
    );
    expectNone('redis_url += "?ssl_cert_reqs=required"\nclient = Redis.from_url(redis_url)\n', 'q.py');
  });
});

describe('real-code classes 6: npm-style "strict-ssl": false written as JSON', () => {
  it('.bowerrc, a package.json publishConfig, an .npmrc kept as JSON', () => {
    assert.deepStrictEqual(
      hitsFrom(
        '{\n  "directory": "app/bower_components",\n  "registry": "http://bower.corp.example:5678",\n  "strict-ssl": false\n}\n',
        'web/.bowerrc',
      ),
      [['config.json-strict-ssl', 4, 3, '"strict-ssl": false', '-', '-']],
    );
    assert.deepStrictEqual(
      hitsFrom(
        '{\n  "name": "@corp/ui",\n  "version": "2.1.0",\n  "publishConfig": {\n    "registry": "https://npm.corp.example/",\n    "strict-ssl": "false"\n  }\n}\n',
        'packages/ui/package.json',
      ),
      [['config.json-strict-ssl', 6, 5, '"strict-ssl": "false"', '-', '-']],
    );
    assert.deepStrictEqual(hitsFrom('{"registry":"https://r.example/","strict-ssl":false}', 'ci/npmrc.json'), [
      ['config.json-strict-ssl', 1, 34, '"strict-ssl":false', '-', '-'],
    ]);
  });

  it('JavaScript: an exported settings object stays on the value; one passed to npm.load is found at the call', () => {
    assert.deepStrictEqual(
      hitsFrom(
        '// npm config settings\nexports.npm =\n  { loglevel: "warn"\n  , registry: "http://registry.npmjs.org/"\n  , "strict-ssl": false\n  }\n',
        'config/config.dev.js',
      ),
      [['config.json-strict-ssl', 5, 5, '"strict-ssl": false', '-', '-']],
    );
    assert.deepStrictEqual(
      hitsFrom(
        `const npm = require("npm");
const conf = {
  registry: "https://npm.corp.example/",
  "strict-ssl": false,
};
npm.load(conf, function (err) {
  if (err) throw err;
  npm.commands.install(["left-pad"], done);
});
console.log(conf);
`,
        'scripts/install.js',
      ),
      [['config.json-strict-ssl', 6, 10, 'conf', 4, '"strict-ssl": false']],
    );
  });

  it('a shell here-document writing .bowerrc', () =>
    assert.deepStrictEqual(
      hitsFrom(
        '# Configure the private bower repository\ncat >/root/.bowerrc << EOL\n{\n   "registry": "http://bower.corp.example:5678" ,\n   "strict-ssl": false\n}\nEOL\n',
        'scripts/build.sh',
      ),
      [['config.json-strict-ssl', 5, 4, '"strict-ssl": false', '-', '-']],
    ));

  it('look-alikes: true, a JSONC comment, a string a test looks for, a TypeScript type, a message', () => {
    expectNone('{\n  // "strict-ssl": false,\n  "strict-ssl": true,\n  "ca": "/etc/ssl/corp-ca.pem"\n}\n', '.bowerrc');
    expectNone(
      'it("keeps bower strict", () => {\n  expect(readFileSync(".bowerrc", "utf8")).not.toContain(\'"strict-ssl": false\');\n});\n',
      'test/bower.test.js',
    );
    expectNone(
      'export interface BowerRc {\n  registry?: string;\n  "strict-ssl"?: false | true;\n}\n',
      'src/bowerrc.ts',
    );
    expectNone('console.warn(\'do not set "strict-ssl": false in .bowerrc\');\n', 'src/warn.js');
  });
});

describe('real-code classes 6: a here-string written to a tool config file', () => {
  it("conda: cat <<< '…ssl_verify: False…' > /opt/conda/.condarc", () =>
    assert.deepStrictEqual(
      hitsFrom(
        "source rapids-env-update\n\ncat <<< '\nauto_update_conda: False\nssl_verify: False\nchannels:\n  - conda-forge\n' > /opt/conda/.condarc\n",
        'ci/build_python.sh',
      ),
      [['config.condarc-ssl-verify', 5, 1, 'ssl_verify: False', '-', '-']],
    ));

  it('a here-string to a log, and a safe value, stay quiet', () => {
    expectNone("cat <<< 'ssl_verify: False' > build.log\n", 'ci/run.sh');
    expectNone("cat <<< 'ssl_verify: /etc/ssl/corp-ca.pem' > ~/.condarc\n", 'ci/run.sh');
  });
});

describe('real-code classes 6: LDAP and Redis clients told not to check', () => {
  it('python-ldap OPT_X_TLS_REQUIRE_CERT NEVER / ALLOW / 0 on the module or a connection; ldap3 Tls(validate=CERT_NONE)', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import ldap
import ssl
from ldap3 import Server, Tls

def bind(url, user, password, is_ssl):
    if is_ssl:
        ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)
    conn = ldap.initialize(url, bytes_mode=False)
    conn.set_option(
        ldap.OPT_X_TLS_REQUIRE_CERT,
        ldap.OPT_X_TLS_ALLOW,
    )
    conn.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, 0)
    conn.simple_bind_s(user, password)

tls = Tls(validate=ssl.CERT_NONE, version=ssl.PROTOCOL_TLS_CLIENT)
server = Server("dc1.corp.example", use_ssl=True, tls=tls)
`,
        'auth/ldap_login.py',
      ),
      [
        [
          'python.ldap-tls-require-cert-never',
          7,
          14,
          'set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)',
          '-',
          '-',
        ],
        [
          'python.ldap-tls-require-cert-never',
          9,
          10,
          'set_option(\n        ldap.OPT_X_TLS_REQUIRE_CERT,\n        ldap.OPT_X_TLS_ALLOW,\n    )',
          '-',
          '-',
        ],
        ['python.ldap-tls-require-cert-never', 13, 10, 'set_option(ldap.OPT_X_TLS_REQUIRE_CERT, 0)', '-', '-'],
        [
          'python.ldap-tls-require-cert-never',
          16,
          7,
          'Tls(validate=ssl.CERT_NONE, version=ssl.PROTOCOL_TLS_CLIENT)',
          '-',
          '-',
        ],
      ],
    ));

  it('LDAP look-alikes: DEMAND / HARD, CERT_REQUIRED, a comment, a docstring', () =>
    expectNone(
      `import ldap, ssl
ldap.set_option(ldap.OPT_X_TLS_CACERTFILE, "/etc/ssl/corp-ca.pem")
ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_DEMAND)
conn.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_HARD)
tls = ldap3.Tls(validate=ssl.CERT_REQUIRED, ca_certs_file="/etc/ssl/corp-ca.pem")
# ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)
HELP = "never call set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)"
`,
      'auth/ldap_ok.py',
    ));

  it('redis-py ssl_check_hostname=False: a keyword, a dict spread into the call, a URL parameter reaching from_url', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import redis

cache_client = redis.Redis(
    host=VALKEY_ENDPOINT,
    port=6379,
    ssl=True,
    ssl_check_hostname=False,
    ssl_cert_reqs=None
)

TLS_OPTIONS = {"ssl": True, "ssl_check_hostname": False}
queue = redis.Redis(host=QUEUE_HOST, **TLS_OPTIONS)

url = f"rediss://:{password}@{host}:6380/0?ssl_cert_reqs=required&ssl_check_hostname=false"
results = redis.Redis.from_url(url)
`,
        'lambda/handler.py',
      ),
      [
        ['python.redis-ssl-check-hostname-false', 7, 5, 'ssl_check_hostname=False', '-', '-'],
        ['python.redis-ssl-cert-reqs-none', 8, 5, 'ssl_cert_reqs=None', '-', '-'],
        ['python.redis-ssl-check-hostname-false', 12, 38, '**TLS_OPTIONS', 11, '"ssl_check_hostname": False'],
        ['python.redis-ssl-check-hostname-false', 15, 32, 'url', 14, 'ssl_check_hostname=false'],
      ],
    ));

  it('redis look-alikes: True, a def default', () =>
    expectNone(
      'r = redis.Redis(host=h, ssl=True, ssl_check_hostname=True)\ndef connect(url, ssl_check_hostname=False):\n    return parse(url)\n',
      'q.py',
    ));
});

describe('real-code classes 6: Ruby mail settings, PHP contexts, Java verifiers, YAML templates', () => {
  it("Ruby: ActionMailer / Mail openssl_verify_mode: 'none' inline, in a returned hash, and in a hash passed on", () =>
    assert.deepStrictEqual(
      hitsFrom(
        `Mail.defaults do
  delivery_method :smtp, {
    address: smtp_host,
    port: smtp_port.to_i,
    enable_starttls_auto: true,
    openssl_verify_mode: 'none'
  }
end

def smtp_settings
  {
    address: domain,
    port: 587,
    :openssl_verify_mode => "none",
  }
end

def deliver(mail)
  options = { address: SMTP_HOST, openssl_verify_mode: :none }
  mail.delivery_method(:smtp, options)
end
`,
        'app/mailers/settings_mailer.rb',
      ),
      [
        ['ruby.verify-none', 6, 5, "openssl_verify_mode: 'none'", '-', '-'],
        ['ruby.verify-none', 14, 5, ':openssl_verify_mode => "none"', '-', '-'],
        ['ruby.verify-none', 20, 31, 'options', 19, 'openssl_verify_mode: :none'],
      ],
    ));

  it("Ruby look-alikes: 'peer', a comment", () =>
    expectNone(
      "config.action_mailer.smtp_settings = { address: 'smtp.corp.example', openssl_verify_mode: 'peer' }\n# openssl_verify_mode: 'none'\n",
      'config/environments/production.rb',
    ));

  it("PHP: an entry set on an options array ($opts['ssl'] = [...]) is found where the array reaches the call", () =>
    assert.deepStrictEqual(
      hitsFrom(
        `<?php
function smtp_connect($host, $port, $enc) {
    $remote = $host;
    $contextOptions = [];
    if ($enc === 'ssl') {
        $remote = 'ssl://' . $host;
        $contextOptions['ssl'] = ['verify_peer' => false, 'verify_peer_name' => false];
    }
    $context = stream_context_create($contextOptions);
    return stream_socket_client($remote . ':' . $port, $errno, $errstr, 15, STREAM_CLIENT_CONNECT, $context);
}
`,
        'lib/smtp_send.php',
      ),
      [['php.stream-verify-peer-off', 9, 38, '$contextOptions', 7, "'verify_peer' => false"]],
    ));

  it('PHP: a .phpt test file is read as PHP', () =>
    assert.deepStrictEqual(
      hitsFrom(
        "--TEST--\nManager with an insecure context\n--FILE--\n<?php\n$context = stream_context_create(['ssl' => ['verify_peer' => false]]);\n?>\n--EXPECT--\nOK\n",
        'tests/manager/manager-ctor-ssl-002.phpt',
      ),
      [['php.stream-verify-peer-off', 5, 45, "'verify_peer' => false", '-', '-']],
    ));

  it('Java: a HostnameVerifier whose verify only prints before returning true; one that decides is quiet', () => {
    assert.deepStrictEqual(
      hitsFrom(
        `class TrustAnyVerifier implements HostnameVerifier {
    @Override
    public boolean verify(String hostname, SSLSession session) {
        System.out.println(">>> " + hostname + " " + session);
        LOG.debug("accepting {}", hostname);
        return true;
    }
}
`,
        'src/main/java/test/TrustAnyVerifier.java',
      ).map(([id, line, col]) => [id, line, col]),
      [['jvm.hostname-verifier-accepts-all', 3, 12]],
    );
    expectNone(
      `class PinnedVerifier implements HostnameVerifier {
    public boolean verify(String hostname, SSLSession session) {
        System.out.println("checking " + hostname);
        return ALLOWED.contains(hostname);
    }
}
`,
      'src/main/java/net/PinnedVerifier.java',
    );
  });

  it('YAML templates (.yaml.j2): JupyterHub OAuthenticator tls_verify / validate_server_cert false', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `hub:
  config:
    GenericOAuthenticator:
      client_id: "{{ oidc_client_id }}"
      tls_verify: false
      validate_server_cert: false
      oauth_callback_url: "{{ jupyterhub_public_url }}/hub/oauth_callback"
`,
        'roles/jupyterhub/templates/values.yaml.j2',
      ).map(([id, line, col, value]) => [id, line, col, value]),
      [
        ['config.insecure-skip-verify', 5, 7, 'tls_verify: false'],
        ['config.insecure-skip-verify', 6, 7, 'validate_server_cert: false'],
      ],
    ));
});

describe('real-code classes 6: switches in Kotlin options, Dockerfile excerpts and strings that write tool config', () => {
  it('Kotlin (uni-app x UTS): sslVerify = false as a named argument and as a property; true and == are quiet', () => {
    assert.deepStrictEqual(
      hitsFrom(
        `fun load() {
    uni.request<UTSJSONObject>(RequestOptions(url = "https://api.example.com/x", method = "POST", header = object : UTSJSONObject() {
        var Cookie = "token"
    }, timeout = 6000, sslVerify = false, withCredentials = false))
    val options = RequestOptions(url = API)
    options.sslVerify = false
}
`,
        'pages/request/request.kt',
      ).map(([id, line, col, value]) => [id, line, col, value]),
      [
        ['jvm.client-verification-off', 4, 24, 'sslVerify = false'],
        ['jvm.client-verification-off', 6, 13, 'sslVerify = false'],
      ],
    );
    expectNone('val o = RequestOptions(url = API, sslVerify = true)\nif (o.sslVerify == false) log("x")\n', 'Req.kt');
  });

  it('Dockerfile: an excerpt whose first line ends a quoted text of a RUN begun before it', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `deb [trusted=yes] https://mirror.corp.lan/debian/ ./\\n' > /etc/apt/sources.list && \\
    echo 'Acquire::https::Verify-Peer "false";' > /etc/apt/apt.conf.d/99corp-mirror

RUN apt-get update && \\
    apt-get install -y --no-install-recommends curl
`,
        'Dockerfile',
      ).map(([id, line, col, value]) => [id, line, col, value]),
      [['config.apt-verify-peer-off', 2, 11, 'Acquire::https::Verify-Peer "false"']],
    ));

  it('Python: a repository file written line by line (sslverify=0) and Fabric writing ~/.wgetrc', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `from fabric.api import sudo

def write_repo(f, repo):
    f.write("[%s]\\n" % repo.id)
    f.write("baseurl=%s\\n" % repo.url)
    if repo.noverifyssl:
        f.write("sslverify=0\\n")
    log.info("sslverify=0 for %s", repo.id)

def bootstrap():
    sudo( 'echo "check_certificate=off" > /root/.wgetrc' )
`,
        'payloads/dnf_repo.py',
      ).map(([id, line, col, value]) => [id, line, col, value]),
      [
        ['config.dnf-sslverify-off', 7, 18, 'sslverify=0'],
        ['config.wgetrc-check-certificate', 11, 18, 'check_certificate=off'],
      ],
    ));

  it('look-alikes: sslverify=1, a wgetrc line printed, a test table', () =>
    expectNone(
      `f.write("sslverify=1\\n")
print('echo "check_certificate=off" > ~/.wgetrc')
CASES = ["sslverify=0", "sslverify=1"]
assert parse(CASES[0])
`,
      'tests/test_repo.py',
    ));
});

describe('real-code classes 6: browser options bound to a name reach launch (the sink rule)', () => {
  it('Puppeteer: an options object given to puppeteer.launch; Playwright (Python): a dict given to new_context', () => {
    assert.deepStrictEqual(
      hitsFrom(
        `import puppeteer from "puppeteer";

export async function start(launchArgs: string[]) {
  const opts = {
    executablePath: puppeteer.executablePath(),
    args: launchArgs,
    acceptInsecureCerts: true,
    userDataDir: profileDir ?? undefined,
  };
  const browser = await puppeteer.launch(opts);
  console.log("launched with", opts);
  return browser;
}
`,
        'src/browser/launcher.ts',
      ),
      [['browser.ignore-https-errors', 10, 42, 'opts', 7, 'acceptInsecureCerts: true']],
    );
    assert.deepStrictEqual(
      hitsFrom(
        'CONTEXT_ARGS = {"ignore_https_errors": True, "viewport": {"width": 1280, "height": 720}}\ncontext = browser.new_context(**CONTEXT_ARGS)\n',
        'tests/e2e/conftest.py',
      ),
      [['browser.ignore-https-errors', 2, 31, '**CONTEXT_ARGS', 1, '"ignore_https_errors": True']],
    );
  });

  it('options written in the call, exported, or set member by member stay where they are written', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `const browser = await puppeteer.launch({ ignoreHTTPSErrors: true });
export const launchOptions = { acceptInsecureCerts: true };
const more = {};
more.ignoreHTTPSErrors = true;
module.exports = puppeteer.launch(more);
`,
        'src/browsers.js',
      ).map(([id, line, col]) => [id, line, col]),
      [
        ['browser.ignore-https-errors', 1, 42],
        ['browser.ignore-https-errors', 2, 32],
        ['browser.ignore-https-errors', 4, 6],
      ],
    ));
});

describe('real-code classes 6: an excerpt that begins inside an option literal (its binding above the first line)', () => {
  it('JavaScript: the literal closes, then the next call takes the bare name the text never binds: found there', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `            'user-agent': 'nodeJS'
        },
        agentOptions: {
            ciphers: 'ALL',
            secureProtocol: 'TLSv1_1_method'
        }
    };
    request(options, function (e, r, b) {
        if (r.statusCode >= 200 && r.statusCode < 400 && !e) {
`,
        'lib/sdmx.js',
      ),
      [['javascript.obsolete-tls-version', 8, 13, 'options', 5, "secureProtocol: 'TLSv1_1_method'"]],
    ));

  it('a literal that reaches no call after its close, or whose name the text binds elsewhere, stays on the value', () => {
    assert.deepStrictEqual(
      hitsFrom(
        '    rejectUnauthorized: false,\n    timeout: 5000\n};\nmodule.exports = config;\n',
        'lib/config.js',
      ).map(([id, line]) => [id, line]),
      [['javascript.reject-unauthorized-false', 1]],
    );
    assert.deepStrictEqual(
      hitsFrom(
        '    rejectUnauthorized: false\n};\nconst other = { timeout: 1 };\nhttps.request(other, cb);\n',
        'lib/client.js',
      ).map(([id, line]) => [id, line]),
      [['javascript.reject-unauthorized-false', 1]],
    );
  });
});
