// Classes of switches (and look-alikes) real code showed after check4 (issue 18): each with the forms seen in public
// code, written here as fixtures with exact places, and the look-alikes that must stay quiet.
import * as assert from 'assert';
import { expectNone, hits } from './helpers';

const at = (text: string, path: string) => hits(text, path).map(([id, line, col, value]) => [id, line, col, value]);

describe('real-code classes 5: tests that look for insecure text are not findings', () => {
  it('a config line given to an assertion matcher (often to check it is absent)', () => {
    expectNone(
      `it("keeps the workflow strict", () => {
  const source = readFileSync(".github/workflows/ci.yml", "utf8");
  expect(source).not.toContain("strict-ssl=false");
  expect(source).not.toContain('enableStrictSsl: false');
  assert.ok(!source.includes("strict-ssl=false"));
});`,
      'test/workflow.test.ts',
    );
  });

  it("a scanner's own inputs in a string array of a test file", () => {
    expectNone(
      `it("flags every spelling", async () => {
  for (const line of ["strict-ssl=false", "strict-ssl = false", "enableStrictSsl: false"]) {
    const result = await audit({ ".npmrc": line + "\\n" });
    expect(result.findings).toHaveLength(1);
  }
});`,
      'test/audit.test.ts',
    );
  });

  it('a program that writes the line is still read', () => {
    assert.deepStrictEqual(at(`writeFileSync(".npmrc", "strict-ssl=false\\n");`, 'scripts/setup.js'), [
      ['config.npmrc-strict-ssl', 1, 26, 'strict-ssl=false'],
    ]);
    assert.deepStrictEqual(at(`const rc = ["registry=https://r.example/", "strict-ssl=false"];`, 'scripts/setup.js'), [
      ['config.npmrc-strict-ssl', 1, 45, 'strict-ssl=false'],
    ]);
  });

  it("an env sanitizer's input checked at once by a matcher; a child's env still read", () => {
    expectNone(
      `expect(cleanEnv({
  PATH: "/usr/bin",
  NODE_TLS_REJECT_UNAUTHORIZED: "0",
  SSL_CERT_FILE: "/tmp/other.pem",
})).toEqual({ PATH: "/usr/bin" });`,
      'src/env.test.ts',
    );
    assert.deepStrictEqual(
      at(
        `expect(spawnSync("node", ["a.js"], { env: { NODE_TLS_REJECT_UNAUTHORIZED: "0" } }).status).toBe(0);`,
        'src/run.test.ts',
      ),
      [['javascript.node-tls-reject-unauthorized', 1, 45, 'NODE_TLS_REJECT_UNAUTHORIZED: "0"']],
    );
  });

  it("Rust: an acceptor builder's set_verify(NONE) (no client certificates) is quiet, a connector's is not", () => {
    expectNone(
      `fn server(cert: &Path) -> Result<SslAcceptor> {
    let mut acceptor_builder = make_builder(cert)?;
    // clients need no certificate
    acceptor_builder.set_verify(SslVerifyMode::NONE);
    Ok(acceptor_builder.build())
}`,
      'src/server/tls.rs',
    );
    assert.deepStrictEqual(
      at(
        'let mut connector = SslConnector::builder(SslMethod::tls())?;\nconnector.set_verify(SslVerifyMode::NONE);',
        'src/client.rs',
      ),
      [['rust.openssl-verify-none', 2, 11, 'set_verify(SslVerifyMode::NONE)']],
    );
  });
});

describe('real-code classes 5: pymongo / motor keywords', () => {
  it('tlsAllowInvalidCertificates / tlsAllowInvalidHostnames / tlsInsecure in MongoClient and AsyncIOMotorClient', () => {
    assert.deepStrictEqual(
      at(
        `from pymongo import MongoClient
from motor.motor_asyncio import AsyncIOMotorClient

client = MongoClient(
    uri,
    tls=True,
    tlsAllowInvalidCertificates=True,
    serverSelectionTimeoutMS=5000,
)
motor = AsyncIOMotorClient(uri, tls=True, tlsAllowInvalidHostnames=True)
lax = MongoClient(uri, tlsInsecure=True)`,
        'app/db.py',
      ),
      [
        ['python.client-sdk-verify-false', 7, 5, 'tlsAllowInvalidCertificates=True'],
        ['python.client-sdk-verify-false', 10, 43, 'tlsAllowInvalidHostnames=True'],
        ['python.client-sdk-verify-false', 11, 24, 'tlsInsecure=True'],
      ],
    );
    expectNone(
      'client = MongoClient(uri, tls=True, tlsCAFile="/etc/ssl/mongo-ca.pem", tlsAllowInvalidCertificates=False)',
      'app/db.py',
    );
  });
});

describe('real-code classes 5: container and cluster tools', () => {
  it('--insecure-skip-tls-verify=true inside a here-document a shell runs; a written file is not run', () => {
    assert.deepStrictEqual(
      at(
        `timeout 5m bash <<- "EOF"
    until oc login "$API" -u "$USER" -p "$PASS" --insecure-skip-tls-verify=true; do sleep 5; done
EOF
cat > notes.txt <<EOF
oc login "$API" --insecure-skip-tls-verify=true
EOF`,
        'ci/deploy.sh',
      ),
      [['shell.kube-insecure-skip-tls-verify', 2, 49, '--insecure-skip-tls-verify=true']],
    );
  });

  it('kubectl config set-cluster --insecure-skip-tls-verify=true in a workflow step', () => {
    assert.deepStrictEqual(
      at(
        `jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          kubectl --kubeconfig k.patched config set-cluster "$CLUSTER" --insecure-skip-tls-verify=true >/dev/null`,
        '.github/workflows/deploy.yml',
      ),
      [['shell.kube-insecure-skip-tls-verify', 6, 72, '--insecure-skip-tls-verify=true']],
    );
  });

  it('podman/skopeo options in a variable named for them, given to a script', () => {
    assert.deepStrictEqual(
      at(
        'sudo PODMAN_LOGIN_ARGS="--tls-verify=false" SKOPEO_ARGS="--src-tls-verify=0" ./mirror-images.sh',
        'mirror.sh',
      ),
      [
        ['shell.container-tls-verify-false', 1, 25, '--tls-verify=false'],
        ['shell.container-tls-verify-false', 1, 58, '--src-tls-verify=0'],
      ],
    );
    expectNone(
      'PODMAN_ARGS="--tls-verify=true" ./push.sh\nMESSAGE="--tls-verify=false is not allowed" ./lint.sh',
      'mirror.sh',
    );
  });

  it('podman/skopeo --tls-verify=false in an argv array JavaScript builds', () => {
    assert.deepStrictEqual(
      at(
        `const cmd = ["skopeo", "inspect", "--raw"];
if (registry.insecure) {
  cmd.push("--tls-verify=false");
}
await exec(cmd[0], cmd.slice(1));`,
        'src/build/registry.ts',
      ),
      [['shell.container-tls-verify-false', 3, 13, '--tls-verify=false']],
    );
    expectNone('const args = ["--tls-verify=false"];\nrun("docker", args);', 'src/build/other.ts');
  });

  it("Elastic Beats' ssl.verification_mode: none rewritten by sed; the reverse edit is the fix", () => {
    assert.deepStrictEqual(
      at(
        `sudo sed -i 's/ssl\\.verification_mode: full/ssl.verification_mode: none/' "$config_file"
sed -i 's/ssl.verification_mode: none/ssl.verification_mode: full/' /etc/filebeat/filebeat.yml`,
        'scripts/fix-beats.sh',
      ),
      [['config.insecure-skip-verify', 1, 45, 'ssl.verification_mode: none']],
    );
  });

  it('ssl.verification_mode: none in the YAML text a Python program writes', () => {
    assert.deepStrictEqual(
      at(
        `CONFIG = """
output.elasticsearch:
  hosts: ["{host}"]
  ssl.verification_mode: none
"""
Path("winlogbeat.yml").write_text(CONFIG.format(host=host))`,
        'setup_beats.py',
      ),
      [['config.insecure-skip-verify', 4, 3, 'ssl.verification_mode: none']],
    );
  });

  it('Chrome --ignore-certificate-errors in a Go args slice', () => {
    assert.deepStrictEqual(
      at(
        `func chromeArgs() []string {
	return []string{
		"--no-sandbox",
		"--ignore-certificate-errors",
	}
}`,
        'internal/crawler/chrome.go',
      ),
      [['browser.ignore-certificate-errors', 4, 3, '"--ignore-certificate-errors"']],
    );
  });
});

describe('real-code classes 5: connection strings', () => {
  it("MySQL Connector/J's verifyServerCertificate=false in a JDBC URL and in YAML; true and comments are quiet", () => {
    assert.deepStrictEqual(
      at(
        'static final String URL = "jdbc:mysql://db:3306/shop?useSSL=true&verifyServerCertificate=false&serverTimezone=UTC";',
        'src/main/java/shop/Db.java',
      ),
      [['connection.mysql-verify-server-certificate-false', 1, 66, 'verifyServerCertificate=false']],
    );
    assert.deepStrictEqual(at('datasource:\n  verifyServerCertificate: false\n', 'application.yml'), [
      ['connection.mysql-verify-server-certificate-false', 2, 3, 'verifyServerCertificate: false'],
    ]);
    expectNone(
      'String url = "jdbc:mysql://db/x?sslMode=VERIFY_IDENTITY&verifyServerCertificate=true";\n// "&verifyServerCertificate=false"',
      'Db.java',
    );
  });
});
