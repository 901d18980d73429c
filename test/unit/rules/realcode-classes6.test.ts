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
