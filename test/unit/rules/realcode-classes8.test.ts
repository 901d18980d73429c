// Classes of switches (and look-alikes) the code surfaces still missed (issue 18, tuning round 9): each with the forms
// seen in public code, written here as fixtures with exact places, and the look-alikes that must stay quiet; then a
// table of whole-file data-flow paths (value and call far apart, nested, across branches) and their reverse cases.
// Sink fixtures: [rule, line, column, text, origin line, origin text] (see sinks.test.ts).
import * as assert from 'assert';
import { hits, hitsFrom } from './helpers';

const PY_REQ = 'python.requests-verify-false';

describe('real-code classes 8: code surfaces, round 9', () => {
  it("Python: an API client's constructor defaulting verify=False into self.verify, in a file using requests/httpx", () => {
    assert.deepStrictEqual(
      hitsFrom(
        `import requests

requests.packages.urllib3.disable_warnings()


class EpnmClient(object):
    """Thin client for the EPNM REST API."""

    def __init__(self, host, user_auth, verify=False, timeout=30):
        self.host = host
        self.auth = user_auth
        self.verify = verify
        self.base = "https://%s/webacs/api/v1/" % host
`,
        'epnm/client.py',
      ),
      [[PY_REQ, 9, 41, 'verify=False', '-', '-']],
    );
    assert.deepStrictEqual(
      hitsFrom(
        `import httpx\n\nclass Api:\n    def __init__(self, base_url: str, verify=False):\n        self.base_url = base_url\n        self.verify = verify\n`,
        'api.py',
      ),
      [['python.httpx-verify-false', 4, 39, 'verify=False', '-', '-']],
    );
  });

  it('Python: a constructor verify default in a file with no HTTP client, or never stored, is not one', () => {
    for (const text of [
      `import jwt\n\nclass TokenCheck:\n    def __init__(self, key, verify=False):\n        self.key = key\n        self.verify = verify\n`,
      `import requests\n\nclass Api:\n    def __init__(self, host, verify=False):\n        self.host = host\n`,
    ]) {
      assert.deepStrictEqual(hits(text, 'client.py'), [], text);
    }
  });

  it('Python: a **kwargs function forcing the verify keyword off, its pass-on cut from the excerpt', () => {
    assert.deepStrictEqual(
      hitsFrom(
        `import requests as _req\n\n_orig_request = _req.Session.request\n\n\ndef _no_verify(self, *args, **kwargs):\n    kwargs["verify"] = False\n`,
        'agent/run.py',
      ),
      [[PY_REQ, 7, 5, 'kwargs["verify"] = False', '-', '-']],
    );
    assert.deepStrictEqual(
      hitsFrom(
        `import requests\n\n_send = requests.Session.request\n\ndef patched(self, method, url, **kw):\n    kw.setdefault("verify", False)\n`,
        'patch.py',
      ),
      [[PY_REQ, 6, 5, 'kw.setdefault("verify", False)', '-', '-']],
    );
    assert.deepStrictEqual(
      hitsFrom(`import httpx\n\ndef insecure(**options):\n    options.update(verify=False)\n`, 'h.py'),
      [['python.httpx-verify-false', 4, 5, 'options.update(verify=False)', '-', '-']],
    );
    // With the pass-on in view the spread is the sink, the forced keyword its origin (one finding, not two).
    assert.deepStrictEqual(
      hitsFrom(
        `import requests\n_orig = requests.Session.request\ndef _nv(self, method, url, **kw):\n    kw["verify"] = False\n    return _orig(self, method, url, **kw)\nrequests.Session.request = _nv\n`,
        'patch.py',
      ),
      [[PY_REQ, 5, 37, '**kw', 4, 'kw["verify"] = False']],
    );
  });

  it('Python: a forced verify key with no HTTP client, handed to another call, set True, or on a module dict, is not one', () => {
    for (const text of [
      `def build(**kw):\n    kw["verify"] = False\n`,
      `import requests\n\ndef build(**kw):\n    kw["verify"] = False\n    return Schema(**kw)\n`,
      `import requests\n\nDEFAULTS = {}\nDEFAULTS["verify"] = False\n`,
      `import requests\n\ndef get(url, **kw):\n    kw["verify"] = True\n`,
    ]) {
      assert.deepStrictEqual(hits(text, 'mod.py'), [], text);
    }
  });

  it('Python: a constant set False in one arm of if/else or try/except reaches the call; a later rebinding cancels it', () => {
    assert.deepStrictEqual(
      hitsFrom(
        `import os
import requests

if os.environ.get("LAB"):
    VERIFY = False
else:
    VERIFY = "/etc/ssl/certs/ca-certificates.crt"


def fetch(url):
    return requests.get(url, timeout=10, verify=VERIFY)
`,
        'lab.py',
      ),
      [[PY_REQ, 11, 42, 'verify=VERIFY', 5, 'VERIFY = False']],
    );
    assert.deepStrictEqual(
      hitsFrom(
        `import requests\n\ntry:\n    import certifi\n    CA = certifi.where()\nexcept ImportError:\n    CA = False\n\ndef fetch(url):\n    return requests.get(url, verify=CA)\n`,
        'ca.py',
      ),
      [[PY_REQ, 10, 30, 'verify=CA', 7, 'CA = False']],
    );
    for (const text of [
      `import requests\n\nif LAB:\n    VERIFY = False\nVERIFY = certifi.where()\nrequests.get(u, verify=VERIFY)\n`,
      `import requests\n\nif LAB:\n    VERIFY = False\nelse:\n    if OTHER:\n        VERIFY = certifi.where()\nrequests.get(u, verify=VERIFY)\n`,
      `import requests\n\nif LAB:\n    VERIFY = False\nsetup()\nif OTHER:\n    VERIFY = True\nrequests.get(u, verify=VERIFY)\n`,
      `import requests\n\nVERIFY = False\nif os.environ.get("CA"):\n    VERIFY = os.environ["CA"]\n\nrequests.get(u, verify=VERIFY)\n`,
    ]) {
      assert.deepStrictEqual(hits(text, 'r.py'), [], text);
    }
  });
});

describe('real-code classes 8: GIT_SSL_NO_VERIFY from JavaScript/TypeScript and Go code', () => {
  const GIT = 'env.git-ssl-no-verify';
  it('Go: Setenv, a command environment element, an env map, a CI template line in a raw string', () =>
    assert.deepStrictEqual(
      hits(
        `package mirror

func clone(url string) error {
	os.Setenv("GIT_SSL_NO_VERIFY", "1")
	cmd := exec.Command("git", "clone", url)
	cmd.Env = append(os.Environ(), "GIT_SSL_NO_VERIFY=true")
	env := map[string]string{"GIT_SSL_NO_VERIFY": "1"}
	return cmd.Run()
}

const gitlabCI = \`
variables:
  CGO_ENABLED: "0"
  GIT_SSL_NO_VERIFY: "true"
\`
`,
        'cmd/mirror.go',
      ),
      [
        [GIT, 4, 2, 'os.Setenv("GIT_SSL_NO_VERIFY", "1")'],
        [GIT, 6, 34, 'GIT_SSL_NO_VERIFY=true'],
        [GIT, 7, 27, '"GIT_SSL_NO_VERIFY": "1"'],
        [GIT, 14, 3, 'GIT_SSL_NO_VERIFY: "true"'],
      ],
    ));

  it('Go: an excerpt that begins inside the template (the GitLab CI body of a generator)', () =>
    assert.deepStrictEqual(
      hits(
        `	t.files = append(t.files, &templateFile{
		name:  ".gitlab/workflows/ci.yml",
		body: \`
# defaults
variables:
  GIT_SSL_NO_VERIFY: "true"

stages:
  - build
`,
        'cmd/cli/template_gitlab.go',
      ),
      [[GIT, 6, 3, 'GIT_SSL_NO_VERIFY: "true"']],
    ));

  it('JavaScript/TypeScript: process.env (dot and bracket), a child env object, a Dockerfile line a program writes', () =>
    assert.deepStrictEqual(
      hits(
        `process.env.GIT_SSL_NO_VERIFY = "1";
process.env["GIT_SSL_NO_VERIFY"] = 'true';
const child = spawn("git", ["clone", url], { env: { ...process.env, GIT_SSL_NO_VERIFY: "1" } });
fs.writeFileSync("Dockerfile", \`FROM alpine/git
ENV GIT_SSL_NO_VERIFY=1
\`);
`,
        'scripts/mirror.ts',
      ),
      [
        [GIT, 1, 1, 'process.env.GIT_SSL_NO_VERIFY = "1"'],
        [GIT, 2, 1, `process.env["GIT_SSL_NO_VERIFY"] = 'true'`],
        [GIT, 3, 69, 'GIT_SSL_NO_VERIFY: "1"'],
        [GIT, 5, 5, 'GIT_SSL_NO_VERIFY=1'],
      ],
    ));

  it('reads, removals, comparisons, messages, dynamic values and types are not settings', () => {
    for (const [text, path] of [
      [
        `package m
func f() {
	v := os.Getenv("GIT_SSL_NO_VERIFY")
	os.Unsetenv("GIT_SSL_NO_VERIFY")
	log.Printf("GIT_SSL_NO_VERIFY=1 is set")
	log.Print("GIT_SSL_NO_VERIFY=1")
	fmt.Println("set GIT_SSL_NO_VERIFY=1 to skip")
	// os.Setenv("GIT_SSL_NO_VERIFY", "1")
}
`,
        'm.go',
      ],
      [
        `if (process.env.GIT_SSL_NO_VERIFY === "1") warn();
delete process.env.GIT_SSL_NO_VERIFY;
console.log("export GIT_SSL_NO_VERIFY=1");
const line = \`GIT_SSL_NO_VERIFY=\${value}\`;
interface GitEnv { GIT_SSL_NO_VERIFY: "1" }
`,
        'm.ts',
      ],
    ]) {
      assert.deepStrictEqual(hits(text, path), [], text);
    }
  });
});

describe('real-code classes 8: code-tune8 (option dicts with a fallback, TLS servers, MySQL drivers, settings)', () => {
  const REDIS = 'python.redis-ssl-cert-reqs-none';
  it('Python/JavaScript: an option dict passed with an empty fallback (`opts or None`, `opts ?? {}`) reaches the call', () => {
    assert.deepStrictEqual(
      hitsFrom(
        `import os
import ssl

from celery import Celery

BROKER = os.environ["CELERY_BROKER_URL"]
TLS = BROKER.startswith("rediss://")
redis_tls = {
    "ssl_ca_certs": None,
    "ssl_cert_reqs": ssl.CERT_NONE,
} if TLS else {}

app = Celery("jobs", broker=BROKER, backend=BROKER)
app.conf.update(
    task_acks_late=True,
    broker_use_ssl=redis_tls or None,
    redis_backend_use_ssl=redis_tls or None,
)
`,
        'jobs/celery.py',
      ),
      [
        [REDIS, 16, 5, 'broker_use_ssl=redis_tls', 10, '"ssl_cert_reqs": ssl.CERT_NONE'],
        [REDIS, 17, 5, 'redis_backend_use_ssl=redis_tls', 10, '"ssl_cert_reqs": ssl.CERT_NONE'],
      ],
    );
    assert.deepStrictEqual(
      hitsFrom(
        `const https = require("https");\nconst agentOptions = { keepAlive: true, rejectUnauthorized: false };\nconst agent = new https.Agent(agentOptions ?? {});\n`,
        'agent.js',
      ),
      [['javascript.reject-unauthorized-false', 3, 31, 'agentOptions', 2, 'rejectUnauthorized: false']],
    );
  });

  it("Python: ssl_cert_reqs=CERT_NONE of a TLS server's options (uvicorn, PROTOCOL_TLS_SERVER) asks no client certificate", () => {
    for (const text of [
      `import ssl\n\ndef tls_config(cert_file, key_file):\n    return {\n        "ssl_certfile": cert_file,\n        "ssl_keyfile": key_file,\n        "ssl_version": ssl.PROTOCOL_TLS_SERVER,\n        "ssl_cert_reqs": ssl.CERT_NONE,\n    }\n`,
      `import ssl\nimport uvicorn\n\ndef server_kwargs(cert_file, key_file):\n    return {\n        "ssl_certfile": cert_file,\n        "ssl_keyfile": key_file,\n        "ssl_cert_reqs": ssl.CERT_NONE,\n    }\n\nuvicorn.run(app, host="0.0.0.0", port=8443, ssl_certfile="cert.pem", ssl_keyfile="key.pem", ssl_cert_reqs=ssl.CERT_NONE)\n`,
    ]) {
      assert.deepStrictEqual(hits(text, 'core/ssl_config.py'), [], text);
    }
    // A Redis client with a client certificate in a file that also runs uvicorn is still a client.
    assert.deepStrictEqual(
      hits(
        `import ssl\nimport uvicorn\nimport redis\n\nr = redis.Redis(host="cache", port=6380, ssl=True, ssl_certfile="client.pem", ssl_keyfile="client.key", ssl_cert_reqs=ssl.CERT_NONE)\n`,
        'app.py',
      ),
      [[REDIS, 5, 105, 'ssl_cert_reqs=ssl.CERT_NONE']],
    );
  });

  it('Python: MySQL drivers with ssl_verify_cert=False as a keyword, a dict key and a URL parameter followed to its calls', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `import os
import mysql.connector
import pymysql
from sqlalchemy import create_engine


def tidb():
    return mysql.connector.connect(
        host=os.environ["TIDB_HOST"],
        port=4000,
        user=os.environ["TIDB_USER"],
        password=os.environ["TIDB_PASSWORD"],
        ssl_verify_cert=False,
        use_pure=True,
    )


if __name__ == "__main__":
    url = f"mysql+pymysql://{user}:{password}@gateway01.prod.aws.tidbcloud.com:4000/test?ssl_ca=/etc/ssl/cert.pem&ssl_verify_cert=false&ssl_verify_identity=false"
    indexer = VectorIndexer(connection_url=url, table_name="docs")
    engine = create_engine(url, connect_args={"ssl": {"ssl_verify_cert": False}})
`,
        'tidb/index.py',
      ),
      [
        ['python.mysql-ssl-verify-cert-false', 13, 9, 'ssl_verify_cert=False', '-', '-'],
        ['python.mysql-ssl-verify-cert-false', 20, 29, 'connection_url=url', 19, 'ssl_verify_cert=false'],
        ['python.mysql-ssl-verify-cert-false', 21, 28, 'url', 19, 'ssl_verify_cert=false'],
        ['python.mysql-ssl-verify-cert-false', 21, 55, '"ssl_verify_cert": False', '-', '-'],
      ],
    ));

  it("Python: requests' verify=False given to a client class (Consul, Github, a GraphQL transport, an API) or caldav", () => {
    const SDK = 'python.client-sdk-verify-false';
    assert.deepStrictEqual(
      hits(
        `import consul
c = consul.Consul(host="consul.lan", scheme="https", verify=False)
g = Github(base_url="https://ghe/api/v3", login_or_token=t, verify=False)
transport = RequestsHTTPTransport(url=API, headers=h, verify=False, retries=3)
z = ZabbixAPI("https://zbx", verify=False)
client = caldav.DAVClient(url, username=u, password=p, ssl_verify_cert=False)
`,
        'clients.py',
      ),
      [
        [SDK, 2, 54, 'verify=False'],
        [SDK, 3, 61, 'verify=False'],
        [SDK, 4, 55, 'verify=False'],
        [SDK, 5, 30, 'verify=False'],
        [SDK, 6, 56, 'ssl_verify_cert=False'],
      ],
    );
    const quiet = `m = Model(verify=False)\nv = Validator(schema, verify=False)\nsig = Signature(verify=False)\nx = MyClientFactory(verify=False)\n`;
    assert.deepStrictEqual(hits(quiet, 'models.py'), []);
  });

  it("Python: a client module's factory (get_client, connect) and the jira library's options dict, inline or named", () => {
    const SDK = 'python.client-sdk-verify-false';
    assert.deepStrictEqual(
      hitsFrom(
        `import clickhouse_connect\nfrom jira import JIRA\nfrom splunklib import client\n\nch = clickhouse_connect.get_client(host=h, secure=True, verify=False)\nservice = client.connect(host=h, port=8089, username=u, password=p, verify=False)\noptions = {\n    "server": JIRA_URL,\n    "verify": False,\n}\njira = JIRA(options=options, basic_auth=(user, token))\nj2 = JIRA(options={"server": url, "verify": False})\n`,
        'tools/clients.py',
      ),
      [
        [SDK, 5, 57, 'verify=False', '-', '-'],
        [SDK, 6, 69, 'verify=False', '-', '-'],
        [SDK, 11, 13, 'options=options', 9, '"verify": False'],
        [SDK, 12, 35, '"verify": False', '-', '-'],
      ],
    );
    const quiet = `req = scrapy.Request(url, meta={"verify": False})\nsignal.connect(handler)\nconnect(verify=False)\noptions = {"verify": False}\nrender(options=options)\n`;
    assert.deepStrictEqual(hits(quiet, 'spider.py'), []);
  });

  it('Python: a def default, True, ssl_verify_identity alone and a message are not MySQL findings', () => {
    const text = `import pymysql\n\ndef connect(host, ssl_verify_cert=False):\n    return pymysql.connect(host=host, ssl_ca="/etc/ssl/certs/ca-certificates.crt", ssl_verify_cert=True, ssl_verify_identity=True)\n\nURL = "mysql+pymysql://app@db/shop?ssl_verify_identity=false"\nlog.info("pass ssl_verify_cert=false to skip")\n`;
    assert.deepStrictEqual(hits(text, 'db.py'), []);
  });

  it('Python: a settings constant set to CERT_NONE, read elsewhere (on the value) or passed as cert_reqs= (at the call)', () => {
    assert.deepStrictEqual(
      hitsFrom(
        `AMU_BASE_DN = "dc=example,dc=com"\nLDAP_SERVER = "localhost"\nLDAP_USE_TLS = True  # default\nLDAP_REQUIRE_CERT = ssl.CERT_NONE  # default: CERT_REQUIRED\nLDAP_TLS_VERSION = ssl.PROTOCOL_TLSv1_2\n`,
        'settings.example.py',
      ),
      [['python.ldap-tls-require-cert-never', 4, 1, 'LDAP_REQUIRE_CERT = ssl.CERT_NONE', '-', '-']],
    );
    assert.deepStrictEqual(
      hitsFrom(
        `import ssl\nimport urllib3\n\nCERT_REQS = ssl.CERT_NONE\n\nhttp = urllib3.PoolManager(cert_reqs=CERT_REQS, retries=3)\n`,
        'pool.py',
      ),
      [['python.cert-reqs-none', 6, 28, 'cert_reqs=CERT_REQS', 4, 'CERT_REQS = ssl.CERT_NONE']],
    );
    // A server's setting, a mapping table, a constant only compared.
    const quiet = `import ssl\n\nSERVER_CERT_REQS = ssl.CERT_NONE\nMODES = {"none": ssl.CERT_NONE, "required": ssl.CERT_REQUIRED}\nCERT_REQS = ssl.CERT_NONE\nif CERT_REQS == ssl.CERT_NONE:\n    warn()\n`;
    assert.deepStrictEqual(hits(quiet, 'modes.py'), []);
  });
});

describe('real-code classes 8: Rust client crates with switches of their own', () => {
  it('lettre, mysql, mongodb, kube, elasticsearch and a redis #insecure URL; their host-name switches', () =>
    assert.deepStrictEqual(
      hits(
        `fn clients(host: &str, pool: SingleNodeConnectionPool) -> Result<(), Box<dyn Error>> {
    let tls = TlsParameters::builder(host.to_owned())
        .dangerous_accept_invalid_certs(true)
        .dangerous_accept_invalid_hostnames(true)
        .build()?;
    let ssl = SslOpts::default().with_danger_accept_invalid_certs(true).with_danger_skip_domain_validation(true);
    let mongo_tls = TlsOptions::builder().allow_invalid_certificates(true).build();
    let mut config = Config::infer().await?;
    config.accept_invalid_certs = true;
    let es = TransportBuilder::new(pool).cert_validation(CertificateValidation::None).build()?;
    let cache = redis::Client::open("rediss://cache.lan:6380/#insecure")?;
    Ok(())
}
`,
        'src/clients.rs',
      ),
      [
        ['rust.crate-accept-invalid-certs', 3, 10, 'dangerous_accept_invalid_certs(true)'],
        ['rust.danger-accept-invalid-hostnames', 4, 10, 'dangerous_accept_invalid_hostnames(true)'],
        ['rust.crate-accept-invalid-certs', 6, 34, 'with_danger_accept_invalid_certs(true)'],
        ['rust.danger-accept-invalid-hostnames', 6, 73, 'with_danger_skip_domain_validation(true)'],
        ['rust.crate-accept-invalid-certs', 7, 43, 'allow_invalid_certificates(true)'],
        ['rust.crate-accept-invalid-certs', 9, 12, 'accept_invalid_certs = true'],
        ['rust.crate-accept-invalid-certs', 10, 58, 'CertificateValidation::None'],
        ['rust.crate-accept-invalid-certs', 11, 38, 'rediss://cache.lan:6380/#insecure'],
      ],
    ));

  it('false, a match arm, a comparison, a comment and a plain rediss URL are not findings', () =>
    assert.deepStrictEqual(
      hits(
        `fn f(v: CertificateValidation) {
    let tls = TlsOptions::builder().allow_invalid_certificates(false).build();
    match v { CertificateValidation::None => warn!("insecure"), _ => {} }
    if v == CertificateValidation::Default {}
    // config.accept_invalid_certs = true;
    let cache = redis::Client::open("rediss://cache.lan:6380/")?;
    let doc = "set accept_invalid_certs = true only in tests";
}
`,
        'src/quiet.rs',
      ),
      [],
    ));
});

describe('real-code classes 8: MongoDB URI parameters and librdkafka settings', () => {
  it('Python: a MongoDB URI with tlsAllowInvalidCertificates=true / tlsInsecure=true, followed to the client', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `from pymongo import MongoClient\nURI = "mongodb://u:p@db:27017/app?tls=true&tlsAllowInvalidCertificates=true"\nclient = MongoClient(URI)\nc2 = MongoClient("mongodb+srv://c.example.net/?tlsInsecure=true")\n`,
        'm.py',
      ),
      [
        ['python.client-sdk-verify-false', 3, 22, 'URI', 2, 'tlsAllowInvalidCertificates=true'],
        ['python.client-sdk-verify-false', 4, 48, 'tlsInsecure=true', '-', '-'],
      ],
    ));

  it('JavaScript: the same URI parameters (mongoose.connect(MONGO_URI), a hostnames one inline)', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `const mongoose = require("mongoose");\nconst MONGO_URI = "mongodb+srv://u:p@c.mongodb.net/db?retryWrites=true&tlsAllowInvalidCertificates=true";\nawait mongoose.connect(MONGO_URI, { useNewUrlParser: true });\nconst c = new MongoClient("mongodb://db:27017/?tls=true&tlsAllowInvalidHostnames=true");\n`,
        'db.js',
      ),
      [
        ['javascript.mongodb-allow-invalid-certificates', 3, 24, 'MONGO_URI', 2, 'tlsAllowInvalidCertificates=true'],
        ['javascript.mongodb-allow-invalid-hostnames', 4, 57, 'tlsAllowInvalidHostnames=true', '-', '-'],
      ],
    ));

  it('URI parameters set false, or in a message, are not findings', () => {
    assert.deepStrictEqual(
      hits('const uri = "mongodb://db/?tlsInsecure=false";\nconsole.log("use ?tlsInsecure=true for dev");\n', 'q.js'),
      [],
    );
    assert.deepStrictEqual(
      hits(
        'log.info("mongodb uri with ?tlsInsecure=true")\nx = "mongodb://db/?tlsAllowInvalidCertificates=false"\n',
        'q.py',
      ),
      [],
    );
  });

  it('Python: a confluent-kafka config dict turning certificate and host-name checks off, at the client taking it', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `from confluent_kafka import Producer\nconf = {\n    "bootstrap.servers": b,\n    "security.protocol": "SSL",\n    "enable.ssl.certificate.verification": False,\n    "ssl.endpoint.identification.algorithm": "none",\n}\nproducer = Producer(conf)\n`,
        'k.py',
      ),
      [
        [
          'config.kafka-endpoint-identification-off',
          8,
          21,
          'conf',
          6,
          '"ssl.endpoint.identification.algorithm": "none"',
        ],
        ['python.kafka-certificate-verification-off', 8, 21, 'conf', 5, '"enable.ssl.certificate.verification": False'],
      ],
    ));
});

describe('real-code classes 8: go-sql-driver/mysql tls=skip-verify', () => {
  it('a DSN bound to a name (at sql.Open), a mysql.Config field set in the literal or assigned; messages and comments stay quiet', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `package store

import (
\t"database/sql"

\t"github.com/go-sql-driver/mysql"
)

const dsn = "app:secret@tcp(db.internal:3306)/shop?parseTime=true&tls=skip-verify"

func open() (*sql.DB, error) {
\tcfg := mysql.Config{User: "app", Passwd: pw, Net: "tcp", Addr: "db:3306", DBName: "shop", TLSConfig: "skip-verify"}
\tc2 := mysql.NewConfig()
\tc2.TLSConfig = "skip-verify"
\tlog.Printf("dsn uses tls=skip-verify")
\t// dsn += "&tls=skip-verify"
\t_ = "app@tcp(db)/shop?tls=custom"
\treturn sql.Open("mysql", dsn)
}
`,
        'store/db.go',
      ),
      [
        ['go.mysql-tls-skip-verify', 12, 92, 'TLSConfig: "skip-verify"', '-', '-'],
        ['go.mysql-tls-skip-verify', 14, 5, 'TLSConfig = "skip-verify"', '-', '-'],
        ['go.mysql-tls-skip-verify', 18, 27, 'dsn', 9, 'tls=skip-verify'],
      ],
    ));
});

describe('real-code classes 8: a Python excerpt of a template body', () => {
  it('a text that opens with a YAML mapping head is read as the string it was cut from; code is not', () => {
    assert.deepStrictEqual(
      hits(
        'output.elasticsearch:\n  hosts: ["{ES_HOST}"]\n  username: "{ES_USER}"\n  ssl.verification_mode: none\n  index: "{ES_INDEX}"\n',
        'integrations/beats_setup.py',
      ),
      [['config.insecure-skip-verify', 4, 3, 'ssl.verification_mode: none']],
    );
    assert.deepStrictEqual(hits('if ready:\n    ssl.verification_mode: none\n', 'a.py'), []);
  });
});

describe('real-code classes 8: servers and expectations are not clients', () => {
  it("Python: a server context's CERT_NONE / check_hostname, wrap_socket(server_side=True), tornado's server ssl_options", () => {
    for (const text of [
      `import ssl\nctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\nctx.load_cert_chain("cert.pem", "key.pem")\nctx.verify_mode = ssl.CERT_NONE\n`,
      `import ssl\nssl_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)\nssl_ctx.check_hostname = False\nssl_ctx.load_cert_chain(c, k)\nweb.run_app(app, ssl_context=ssl_ctx)\n`,
      `conn = ssl.wrap_socket(sock, server_side=True, certfile=c, keyfile=k, cert_reqs=ssl.CERT_NONE)\n`,
      `server = HTTPServer(app, ssl_options={"certfile": c, "keyfile": k, "cert_reqs": ssl.CERT_NONE})\n`,
    ]) {
      assert.deepStrictEqual(hits(text, 'server.py'), [], text);
    }
    // A client context beside a server one is still read, and so is a name bound to a client in this function or
    // to either in the arms of an `if` (a test suite reusing `ctx`).
    assert.deepStrictEqual(
      hits(
        `import ssl\n\ndef server():\n    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n    ctx.verify_mode = ssl.CERT_NONE\n\ndef client():\n    ctx = ssl.create_default_context()\n    ctx.verify_mode = ssl.CERT_NONE\n\ndef either(server_side):\n    if server_side:\n        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n    else:\n        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n    ctx.check_hostname = False\n`,
        'contexts.py',
      ),
      [
        ['python.verify-mode-cert-none', 9, 9, 'verify_mode = ssl.CERT_NONE'],
        ['python.check-hostname-false', 16, 9, 'check_hostname = False'],
      ],
    );
    assert.deepStrictEqual(
      hits(
        `import ssl\nsrv = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\nsrv.verify_mode = ssl.CERT_NONE\ncli = ssl.create_default_context()\ncli.verify_mode = ssl.CERT_NONE\n`,
        'both.py',
      ),
      [['python.verify-mode-cert-none', 5, 5, 'verify_mode = ssl.CERT_NONE']],
    );
  });

  it("JavaScript: a mock's expected arguments are not a client; the call under test is", () =>
    assert.deepStrictEqual(
      hits(
        `expect(https.Agent).toHaveBeenCalledWith({ rejectUnauthorized: false });\nsinon.assert.calledWith(stub, { rejectUnauthorized: false });\nexpect(makeAgent({ rejectUnauthorized: false })).toBeDefined();\n`,
        'agent.test.js',
      ),
      [['javascript.reject-unauthorized-false', 3, 20, 'rejectUnauthorized: false']],
    ));
});

/** Filler statements that put the value and the call far apart. */
const filler = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
const PAD = filler(200, (i) => `x${i} = compute(${i})`);
const PAD_JS = filler(200, (i) => `const x${i} = compute(${i});`);
const PAD_GO = filler(200, (i) => `\tx${i} := compute(${i})`);

/** [what, path, text, expected [rule, line] of every finding]. */
const FLOW: readonly (readonly [string, string, string, readonly (readonly [string, number])[]])[] = [
  [
    'py constant 200 lines from a call nested in two classes and a closure',
    'a.py',
    `import requests\nVERIFY_TLS = False\n${PAD}\nclass A:\n    class B:\n        def f(self, u):\n            def g():\n                return requests.post(u, json={}, verify=VERIFY_TLS)\n            return g()\n`,
    [[PY_REQ, 207]],
  ],
  [
    'py dict spread far from its literal',
    'a.py',
    `import requests\nOPTS = {"timeout": 5, "verify": False}\n${PAD}\ndef f(u):\n    return requests.get(u, **OPTS)\n`,
    [[PY_REQ, 204]],
  ],
  [
    'py dict() in an outer function, spread in the inner one',
    'a.py',
    `import requests\ndef outer():\n    opts = dict(timeout=5, verify=False)\n    def inner(u):\n        return requests.get(u, **opts)\n    return inner\n`,
    [[PY_REQ, 5]],
  ],
  [
    'py partial far from its use',
    'a.py',
    `import functools, requests\n${PAD}\nget = functools.partial(requests.get, verify=False)\n${PAD}\nget(u)\n`,
    [[PY_REQ, 202]],
  ],
  [
    'py wrapper default passed on 200 lines down',
    'a.py',
    `import requests\ndef call(url, verify=False):\n${PAD.replace(/^/gm, '    ')}\n    return requests.get(url, verify=verify)\n`,
    [[PY_REQ, 203]],
  ],
  [
    'py import alias far from the call',
    'a.py',
    `from requests import get as fetch\n${PAD}\nfetch(u, verify=False)\n`,
    [[PY_REQ, 202]],
  ],
  [
    'py reverse: constant rebound to a CA path, a non-HTTP callee, a cache.get',
    'a.py',
    `import requests, certifi\nverify = False\nverify = certifi.where()\nrequests.get(u, verify=verify)\nOPTS = {"verify": False}\ncache.get("k", **OPTS)\nmodel.fit(x, verify=False)\n`,
    [],
  ],
  [
    'js option variable far from the call',
    'a.js',
    `const https = require('https');\nconst opts = { rejectUnauthorized: false };\n${PAD_JS}\nhttps.get(url, opts, cb);\n`,
    [['javascript.reject-unauthorized-false', 203]],
  ],
  [
    'js option object in an outer function, used in a closure',
    'a.js',
    `const https = require('https');\nfunction mk() {\n  const agentOpts = { rejectUnauthorized: false };\n  return function () {\n    return new https.Agent(agentOpts);\n  };\n}\n`,
    [['javascript.reject-unauthorized-false', 5]],
  ],
  [
    'js options assigned in an if branch',
    'a.js',
    `let opts = {};\nif (process.env.DEV) {\n  opts = { rejectUnauthorized: false };\n}\nhttps.request(url, opts);\n`,
    [['javascript.reject-unauthorized-false', 5]],
  ],
  [
    'ts reverse: type positions and a flag reassigned to true',
    'a.ts',
    `interface Opts { rejectUnauthorized: false }\ntype T = { rejectUnauthorized: false };\nfunction f(o: { rejectUnauthorized: false }) {}\nlet strict = false;\nstrict = true;\nconst agent = new https.Agent({ rejectUnauthorized: strict });\n`,
    [],
  ],
  [
    'go config variable far from the transport',
    'a.go',
    `package main\nimport "crypto/tls"\nfunc main() {\n\tcfg := &tls.Config{InsecureSkipVerify: true}\n${PAD_GO}\n\ttr := &http.Transport{TLSClientConfig: cfg}\n\t_ = tr\n}\n`,
    [['go.insecure-skip-verify', 4]],
  ],
  [
    'go field set inside an if',
    'a.go',
    `package main\nimport "crypto/tls"\nfunc main() {\n\tcfg := &tls.Config{}\n\tif insecure {\n\t\tcfg.InsecureSkipVerify = true\n\t}\n}\n`,
    [['go.insecure-skip-verify', 6]],
  ],
  [
    'go reverse: a user struct, a parameter, a variable reassigned false',
    'a.go',
    `package main\nimport "crypto/tls"\ntype Options struct { InsecureSkipVerify bool }\nfunc a() { o := Options{InsecureSkipVerify: true}; _ = o }\nfunc b(insecure bool) *tls.Config { return &tls.Config{InsecureSkipVerify: insecure} }\nfunc c() {\n\tskip := true\n\tskip = false\n\t_ = &tls.Config{InsecureSkipVerify: skip}\n}\n`,
    [],
  ],
  [
    'rust flag variable and a parameter',
    'a.rs',
    `fn a() {\n    let insecure = true;\n    let c = reqwest::Client::builder().danger_accept_invalid_certs(insecure).build();\n}\nfn b(insecure: bool) {\n    let c = reqwest::Client::builder().danger_accept_invalid_certs(insecure).build();\n}\n`,
    [['rust.danger-accept-invalid-certs', 3]],
  ],
];

describe('real-code classes 8: whole-file data flow stays whole', () => {
  for (const [what, path, text, want] of FLOW) {
    it(what, () =>
      assert.deepStrictEqual(
        hits(text, path).map(([id, line]) => [id, line]),
        want,
      ),
    );
  }
});
