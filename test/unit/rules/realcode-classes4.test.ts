// Classes of switches real code still got past after check3 (issue 18): each with the forms seen in public code,
// written here as fixtures with exact places, and the look-alikes that must stay quiet.
import * as assert from 'assert';
import { expectNone, hits } from './helpers';

const at = (text: string, path: string) => hits(text, path).map(([id, line, col, value]) => [id, line, col, value]);

describe('real-code classes 4: Java/Kotlin verifiers and trust managers', () => {
  it('a verifier lambda with any parameter names given to new SSLConnectionSocketFactory', () => {
    assert.deepStrictEqual(
      at(
        `SSLConnectionSocketFactory f = new SSLConnectionSocketFactory(
        sslContext, (value, sslSession) -> true);
SSLConnectionSocketFactory g = new SSLConnectionSocketFactory(ctx, new String[] {"TLSv1.2"}, null, (String h, SSLSession s) -> true);`,
        'Http.java',
      ),
      [
        ['jvm.hostname-verifier-accepts-all', 2, 21, '(value, sslSession) -> true'],
        ['jvm.hostname-verifier-accepts-all', 3, 100, '(String h, SSLSession s) -> true'],
      ],
    );
    expectNone(
      'SSLConnectionSocketFactory ok = new SSLConnectionSocketFactory(ctx, (h, s) -> h.endsWith(".corp.example"));\nlist.forEach((a, b) -> true);\nrunner.submit(new Task(), (a, b) -> true);',
      'Http.java',
    );
  });

  it("Kotlin: OkHttp's hostnameVerifier { _, _ -> true } and a trailing TrustStrategy lambda", () => {
    assert.deepStrictEqual(
      at(
        `val client = OkHttpClient.Builder()
    .hostnameVerifier { _, _ -> true }
    .build()
val ctx = SSLContextBuilder().loadTrustMaterial(null) { _, _ -> true }.build()`,
        'Client.kt',
      ),
      [
        ['jvm.hostname-verifier-accepts-all', 2, 6, 'hostnameVerifier { _, _ -> true }'],
        ['jvm.trust-all-strategy', 4, 55, '{ _, _ -> true }'],
      ],
    );
    expectNone(
      'val ctx = SSLContextBuilder().loadTrustMaterial(trustStore, null).build()\nval c = SSLContextBuilder().loadTrustMaterial(null) { chain, _ -> pinned(chain[0]) }.build()',
      'Client.kt',
    );
  });

  it('a checkServerTrusted that cannot throw: logs inside if/for, getter-only assignments', () => {
    const found = at(
      `public class TrustAllManager implements X509TrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        if (DEBUG) {
            mLogger.debug("authType:{}", authType);
            for (X509Certificate cert : chain) {
                mLogger.debug("server s:{}", cert.getSubjectX500Principal().getName());
            }
        }
    }
}
class Recording implements X509TrustManager {
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        this.lastChain = chain;
        String who = chain[0].getSubjectDN().getName();
        LOG.info("server " + who);
    }
}`,
      'Trust.java',
    );
    assert.deepStrictEqual(
      found.map(([id, line, col]) => [id, line, col]),
      [
        ['jvm.trust-all-certificates', 3, 17],
        ['jvm.trust-all-certificates', 13, 17],
      ],
    );
    assert.match(String(found[0][3]), /^checkServerTrusted\([\s\S]*\n {4}\}$/);
  });

  it('look-alikes that do check stay quiet: a throwing check, a delegate, a check in the condition or a loop', () =>
    expectNone(
      `class A implements X509TrustManager {
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (!pinner.matches(chain)) { LOG.warn("pin mismatch"); }
    }
}
class B implements X509TrustManager {
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        for (X509Certificate c : chain) { LOG.debug("cert {}", c); c.checkValidity(); }
    }
}
class C implements X509TrustManager {
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try { defaultTm.checkServerTrusted(chain, authType); } catch (CertificateException e) { log.warn("untrusted", e); throw e; }
    }
}
class D implements X509TrustManager {
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        catalog.validate(chain);
    }
}`,
      'Trust.java',
    ));
});

describe('real-code classes 4: shell commands a wrapper or a deployment CLI runs', () => {
  it('a quoted list of commands given to a wrapper (zowe ssh, ssh)', () => {
    assert.deepStrictEqual(
      at(
        `zowe uss issue ssh "cd $WORK_DIR;git config --global http.sslVerify false;git clone $REPO;git config --global http.sslVerify true" $PROFILE
ssh deploy@host "cd /srv/app && npm config set strict-ssl false && npm ci"`,
        'clone.sh',
      ),
      [
        ['shell.git-ssl-verify-false', 1, 54, 'http.sslVerify false'],
        ['shell.npm-strict-ssl-false', 2, 48, 'strict-ssl false'],
      ],
    );
    expectNone(
      'notify "deploy done; git config http.sslVerify false was needed"\nssh host "cd /srv && git config --global http.sslVerify true"',
      'clone.sh',
    );
  });

  it('deployment CLIs that set an override as a variable of the deployed app', () => {
    assert.deepStrictEqual(
      at(
        `railway variables set NODE_TLS_REJECT_UNAUTHORIZED="0"
railway variables --set "NODE_TLS_REJECT_UNAUTHORIZED=0"
fly secrets set PYTHONHTTPSVERIFY=0
docker run --env=NODE_TLS_REJECT_UNAUTHORIZED=0 node:20
gh secret set NODE_TLS_REJECT_UNAUTHORIZED -b"0"
dokku config:set api GIT_SSL_NO_VERIFY=true
az webapp config appsettings set -g rg -n app --settings NODE_TLS_REJECT_UNAUTHORIZED=0`,
        'deploy.sh',
      ).map(([id, line, col]) => [id, line, col]),
      [
        ['env.node-tls-reject-unauthorized', 1, 23],
        ['env.node-tls-reject-unauthorized', 2, 25],
        ['env.pythonhttpsverify-off', 3, 17],
        ['env.node-tls-reject-unauthorized', 4, 18],
        ['env.node-tls-reject-unauthorized', 5, 15],
        ['env.git-ssl-no-verify', 6, 22],
        ['env.node-tls-reject-unauthorized', 7, 58],
      ],
    );
    expectNone(
      `railway variables set NODE_TLS_REJECT_UNAUTHORIZED="1"
heroku config:set NODE_ENV=production LOG_LEVEL=0
echo "railway variables set NODE_TLS_REJECT_UNAUTHORIZED=0"
kubectl get env NODE_TLS_REJECT_UNAUTHORIZED=0
gh variable set NODE_TLS_REJECT_UNAUTHORIZED --body "$REJECT"`,
      'deploy.sh',
    );
  });
});

describe('real-code classes 4: command strings and config text in code (the embedded family)', () => {
  it('JavaScript/TypeScript: exec strings, zx, rc-file writes and config lines a program writes', () => {
    assert.deepStrictEqual(
      at(
        `import { execSync } from 'child_process';
execSync('echo "strict-ssl=false" >> ~/.npmrc');
execSync("git config --global http.sslVerify false");
await $\`npm config set strict-ssl false\`;
await writeFile(\`\${path}/.yarnrc.yml\`, [
  \`enableStrictSsl: false\`,
  \`npmScopes:\`,
].join(\`\\n\`));
clusterBlock += \`      insecure-skip-tls-verify: true\\n\`;`,
        'setup.ts',
      ),
      [
        ['config.npmrc-strict-ssl', 2, 17, 'strict-ssl=false'],
        ['shell.git-ssl-verify-false', 3, 31, 'http.sslVerify false'],
        ['shell.npm-strict-ssl-false', 4, 24, 'strict-ssl false'],
        ['config.yarnrc-enable-strict-ssl', 6, 4, 'enableStrictSsl: false'],
        ['config.kubeconfig-insecure-skip-tls-verify', 9, 24, 'insecure-skip-tls-verify: true'],
      ],
    );
    expectNone(
      `console.log("run: git config --global http.sslVerify false");
const msg = 'set strict-ssl=false to skip';
throw new Error(\`enableStrictSsl: false is not allowed\`);
execSync("git config --global http.sslVerify true");
// execSync("npm config set strict-ssl false")
console.log('then run: echo "strict-ssl=false" >> ~/.npmrc');
logger.warn('echo "strict-ssl=false" >> ~/.npmrc');`,
      'setup.ts',
    );
  });

  it('Python: os.system / subprocess strings, and an excerpt that begins inside a Dockerfile template', () => {
    assert.deepStrictEqual(
      at(
        `import os, subprocess
os.system("git config --global http.sslVerify false")
subprocess.run("echo insecure >> ~/.curlrc", shell=True)
subprocess.check_call(f"npm config set strict-ssl false --registry {reg}", shell=True)`,
        'provision.py',
      ),
      [
        ['shell.git-ssl-verify-false', 2, 32, 'http.sslVerify false'],
        ['config.curlrc-insecure', 3, 22, 'insecure'],
        ['shell.npm-strict-ssl-false', 4, 40, 'strict-ssl false'],
      ],
    );
    assert.deepStrictEqual(
      at(
        `                    echo "https-proxy=http://{host}:{port}" >> $HOME/.npmrc && \\\\
                    echo "strict-ssl=false" >> $HOME/.npmrc
                """
            )
            cleanup = textwrap.dedent(
                """
                RUN rm -f $HOME/.npmrc
`,
        'builder/dockerfile.py',
      ),
      [['config.npmrc-strict-ssl', 2, 27, 'strict-ssl=false']],
    );
  });

  it('Python look-alikes: messages, docstrings, test tables and fixtures written for the code under test', () =>
    expectNone(
      `print("git config --global http.sslVerify false")
HELP = """Run: echo insecure >> ~/.curlrc"""
@pytest.mark.parametrize("body", [
    "RUN echo insecure >> ~/.curlrc\\n",
    "RUN echo check_certificate = off >> /etc/wgetrc\\n",
])
def test_rules(body): ...
def test_fires(tmp_path):
    _write(tmp_path, ".npmrc", "strict-ssl=false\\n")
def test_refused(staging_dir):
    (staging_dir / ".npmrc").write_text("strict-ssl=false\\n")
    with pytest.raises(PolicyError):
        runner.run(staging_dir)`,
      'tests/test_rules.py',
    ));

  it('Ruby: run / system / backticks', () => {
    assert.deepStrictEqual(
      at(
        `task :disablecurlsslval do
  run "echo insecure >> ~/.curlrc", :shell => :bash
end
system("git config --global http.sslVerify false")
\`npm config set strict-ssl false\``,
        'lib/tasks/setup.rake',
      ),
      [
        ['config.curlrc-insecure', 2, 13, 'insecure'],
        ['shell.git-ssl-verify-false', 4, 29, 'http.sslVerify false'],
        ['shell.npm-strict-ssl-false', 5, 17, 'strict-ssl false'],
      ],
    );
    expectNone(
      'puts "git config --global http.sslVerify false"\nlogger.info("echo insecure >> ~/.curlrc")',
      'setup.rb',
    );
  });
});

describe('real-code classes 4: false positives of check3', () => {
  it('Python: an excerpt that begins inside a module docstring is prose up to its closing quotes', () => {
    expectNone(
      `If SSL certificates are not properly installed you may need to defeat the
built-in Python SSL validation. You can do this with the following variable:

    export PYTHONHTTPSVERIFY=0
"""

import jenkins
`,
      'jenkins_sync.py',
    );
    // Code above a docstring being typed at the end of a file stays code.
    assert.deepStrictEqual(
      at('import os\nos.environ["PYTHONHTTPSVERIFY"] = "0"\ndef f():\n    """', 'a.py').map(([id, line]) => [id, line]),
      [['python.pythonhttpsverify-off', 2]],
    );
  });

  it("Ruby: VERIFY_NONE on a server's context asks no client certificate", () => {
    expectNone(
      `context.ssl_version = :TLSv1_2_server
context.set_params(
  ciphers: TLS::SERVER_CIPHERS,
  verify_mode: OpenSSL::SSL::VERIFY_NONE,
)
Rack::Handler::WEBrick.run(App, {
  :SSLEnable        => true,
  :SSLVerifyClient  => OpenSSL::SSL::VERIFY_NONE
})`,
      'lib/server/host.rb',
    );
    assert.deepStrictEqual(
      at(
        'ctx = OpenSSL::SSL::SSLContext.new\nctx.verify_mode = OpenSSL::SSL::VERIFY_NONE\nsock = OpenSSL::SSL::SSLSocket.new(tcp, ctx)\nsock.connect',
        'client.rb',
      ).map(([id, line]) => [id, line]),
      [['ruby.verify-none', 2]],
    );
  });
});

describe('real-code classes 4 (tune4): scripts that write tool config', () => {
  it("printf's arguments after its format, a backslash before the pipe, and bodies judged by their own keys", () => {
    assert.deepStrictEqual(
      at(
        `printf 'Acquire::https::Proxy "%s";\\nAcquire::https::Verify-Peer "false";\\n' "$proxy" > /etc/apt/apt.conf.d/01proxy
echo 'Acquire::https::mirror.example::Verify-Peer "false";' \\
    | sudo tee /etc/apt/apt.conf.d/99mirror > /dev/null
echo "auth_no_challenge=on" > $tempfile
echo "check_certificate=off" >> $tempfile
cat >$NEXUS_NPM <<EOF
strict-ssl=false
registry=https://nexus.corp.example/repository/npm-all
EOF`,
        'setup.sh',
      ).map(([id, line, col]) => [id, line, col]),
      [
        ['config.apt-verify-peer-off', 1, 38],
        ['config.apt-verify-peer-off', 2, 7],
        ['config.wgetrc-check-certificate', 5, 7],
        ['config.npmrc-strict-ssl', 7, 1],
      ],
    );
    expectNone(
      'echo "check_certificate=on" >> $tempfile\nprintf \'%s\\n\' "$line" > /tmp/out\ncat >$NPMRC <<EOF\nstrict-ssl=true\nEOF',
      'setup.sh',
    );
  });

  it('an excerpt that starts inside a here-document: a repository or wgetrc judged by its keys', () => {
    assert.deepStrictEqual(
      at(
        'enabled=1\ngpgcheck=1\ngpgkey=https://repo.example/key.gpg\nsslverify=0\nEOF\n\nsetenforce 0',
        'install.sh',
      ).map(([id, line]) => [id, line]),
      [['config.dnf-sslverify-off', 4]],
    );
    assert.deepStrictEqual(
      at('use_proxy=on\nhttps_proxy=http://$HOST:$PORT/\ncheck_certificate=off\nEOF\ncat /etc/wgetrc', 'proxy.sh').map(
        ([id, line]) => [id, line],
      ),
      [['config.wgetrc-check-certificate', 3]],
    );
  });

  it('a here-document that writes a script: its commands are analysed', () => {
    assert.deepStrictEqual(
      at(
        'cat > "$RUN_SCRIPT" <<RUNEOF\n#!/usr/bin/env bash\nexport LOG_LEVEL="info"\nexport NODE_TLS_REJECT_UNAUTHORIZED=0\nexec node main.mjs\nRUNEOF',
        'install.sh',
      ).map(([id, line, col]) => [id, line, col]),
      [['env.node-tls-reject-unauthorized', 4, 8]],
    );
    expectNone('cat > notes.txt <<EOF\nexport NODE_TLS_REJECT_UNAUTHORIZED=0 breaks TLS\nEOF', 'install.sh');
  });
});

describe('real-code classes 4 (tune4): Kafka host name check off', () => {
  it('properties, YAML, container variables and JVM/CLI properties', () => {
    const kafka = 'config.kafka-endpoint-identification-off';
    assert.deepStrictEqual(
      at(
        'security.protocol=SSL\nssl.endpoint.identification.algorithm=\nproducer.ssl.endpoint.identification.algorithm =',
        'client.properties',
      ),
      [
        [kafka, 2, 1, 'ssl.endpoint.identification.algorithm='],
        [kafka, 3, 1, 'producer.ssl.endpoint.identification.algorithm ='],
      ],
    );
    assert.deepStrictEqual(
      at(
        `spring:
  kafka:
    properties:
      ssl.endpoint.identification.algorithm: ""
services:
  ui:
    environment:
      KAFKA_CLUSTERS_0_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: '' # off
      - KAFKA_CFG_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=`,
        'docker-compose.yml',
      ).map(([id, line, col]) => [id, line, col]),
      [
        [kafka, 4, 7],
        [kafka, 8, 7],
        [kafka, 9, 9],
      ],
    );
    assert.deepStrictEqual(
      at(
        'export KAFKA_OPTS="-Dssl.truststore.type=PKCS12 -Dssl.endpoint.identification.algorithm="\nkafka-console-producer.sh --producer-property ssl.endpoint.identification.algorithm= --topic t',
        'run.sh',
      ).map(([id, line, col]) => [id, line, col]),
      [
        [kafka, 1, 51],
        [kafka, 2, 47],
      ],
    );
    assert.deepStrictEqual(
      at('KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=', '.env').map(([id, line]) => [id, line]),
      [[kafka, 1]],
    );
  });

  it('https, comments, a YAML parent key and a key in a message stay quiet', () => {
    expectNone(
      'ssl.endpoint.identification.algorithm=https\n# ssl.endpoint.identification.algorithm=',
      'client.properties',
    );
    expectNone(
      'ssl:\n  endpoint.identification.algorithm:\n    name: https\nx.ssl.endpoint.identification.algorithm: https',
      'application.yml',
    );
    expectNone(
      'echo "set ssl.endpoint.identification.algorithm= to skip"\n# -Dssl.endpoint.identification.algorithm=',
      'run.sh',
    );
  });
});

describe('real-code classes 4: new switches', () => {
  it('--insecure-skip-tls-verify as a YAML list item and in an HCL here-document', () => {
    assert.deepStrictEqual(
      at(
        'args:\n  - apply\n  - --insecure-skip-tls-verify\n  - "--insecure-skip-tls-verify=false"\nflow: [--wait, "--insecure-skip-tls-verify=true"]',
        'job.yaml',
      ),
      [
        ['config.insecure-skip-tls-verify-arg', 3, 5, '--insecure-skip-tls-verify'],
        ['config.insecure-skip-tls-verify-arg', 5, 16, '"--insecure-skip-tls-verify=true"'],
      ],
    );
    assert.deepStrictEqual(
      at(
        '  command = <<EOC\n    kubectl get svc \\\n      --insecure-skip-tls-verify=true \\\n      -o name\n  EOC',
        'main.tf',
      ).map(([id, line, col]) => [id, line, col]),
      [['config.insecure-skip-tls-verify-arg', 3, 7]],
    );
    expectNone('# - --insecure-skip-tls-verify\nscript:\n  - echo "--insecure-skip-tls-verify is off"', 'ci.yaml');
  });

  it('RubyGems .gemrc and Bundler .bundle/config verify mode 0', () => {
    assert.deepStrictEqual(at('---\n:ssl_verify_mode: 0\n', '.gemrc'), [
      ['config.rubygems-ssl-verify-mode-off', 2, 1, ':ssl_verify_mode: 0'],
    ]);
    assert.deepStrictEqual(at('---\nBUNDLE_SSL_VERIFY_MODE: "0"\n', 'app/.bundle/config'), [
      ['config.rubygems-ssl-verify-mode-off', 2, 1, 'BUNDLE_SSL_VERIFY_MODE: "0"'],
    ]);
    expectNone(':ssl_verify_mode: 1\n# :ssl_verify_mode: 0', '.gemrc');
  });

  it('TrustServerCertificate=True in connection strings of config files and code', () => {
    const id = 'connection.sqlserver-trust-server-certificate';
    assert.deepStrictEqual(
      at(
        '{ "ConnectionStrings": { "Db": "Server=db;Encrypt=True;TrustServerCertificate=True" } }',
        'appsettings.Development.json',
      ).map(([r, , col, v]) => [r, col, v]),
      [[id, 56, 'TrustServerCertificate=True']],
    );
    assert.deepStrictEqual(
      at(
        'String url = "jdbc:sqlserver://db:1433;encrypt=true;trustServerCertificate=true";\nbuilder.TrustServerCertificate = true;',
        'Db.java',
      ).map(([r, line, , v]) => [r, line, v]),
      [
        [id, 1, 'trustServerCertificate=true'],
        [id, 2, 'TrustServerCertificate = true'],
      ],
    );
    assert.deepStrictEqual(
      at('const cfg = { options: { encrypt: true, trustServerCertificate: true } };', 'db.ts').map(([r, , , v]) => [
        r,
        v,
      ]),
      [[id, 'trustServerCertificate: true']],
    );
    assert.deepStrictEqual(
      at('DB=Server=db;Trust Server Certificate=yes', '.env').map(([r, , , v]) => [r, v]),
      [[id, 'Trust Server Certificate=yes']],
    );
    expectNone('// trustServerCertificate: true\nconst o = { trustServerCertificate: false };', 'db.ts');
    expectNone(
      '<!-- TrustServerCertificate=True -->\n<add connectionString="Server=db;TrustServerCertificate=False" />',
      'web.config',
    );
  });

  it('Python: paho-mqtt tls_insecure_set(True), its tls_set protocol, pyVmomi', () => {
    assert.deepStrictEqual(
      at(
        'c = paho.Client()\nc.tls_set("ca", "crt", "key", ssl.CERT_REQUIRED, ssl.PROTOCOL_TLSv1, None)\nc.tls_insecure_set(True)\nsi = SmartConnect(host=h, user=u, pwd=p, disableSslCertValidation=True)\nsi = SmartConnectNoSSL(host=h)',
        'mqtt.py',
      ),
      [
        ['python.obsolete-tls-version', 2, 50, 'ssl.PROTOCOL_TLSv1'],
        ['python.paho-tls-insecure-set', 3, 3, 'tls_insecure_set(True)'],
        ['python.pyvmomi-disable-ssl-cert-validation', 4, 42, 'disableSslCertValidation=True'],
        ['python.pyvmomi-disable-ssl-cert-validation', 5, 6, 'SmartConnectNoSSL'],
      ],
    );
    expectNone(
      'c.tls_insecure_set(False)\nc.tls_insecure_set(insecure)\nsi = SmartConnect(host=h, disableSslCertValidation=False)',
      'mqtt.py',
    );
  });

  it('Python: a settings module constant named for verification, set False and used nowhere in the file', () => {
    assert.deepStrictEqual(
      at(
        'API_BASE_URL = os.getenv("API_BASE_URL")\n# Fixed for this deployment profile.\nSCENESCAPE_API_VERIFY_SSL = False\n',
        'config.py',
      ),
      [['python.client-sdk-verify-false', 3, 1, 'SCENESCAPE_API_VERIFY_SSL = False']],
    );
    expectNone('API_VERIFY_SSL = True\n    LOCAL_VERIFY_SSL = False\nDEBUG = False', 'config.py');
  });

  it("JavaScript: tlsAllowInvalidHostnames beside the driver's other options", () =>
    assert.deepStrictEqual(
      at(
        'connect(url, {\n  tlsAllowInvalidHostnames: true,\n  tlsAllowInvalidCertificates: false,\n  tlsCAFile: caPath,\n})',
        'database.ts',
      ).map(([id, line]) => [id, line]),
      [['javascript.mongodb-allow-invalid-hostnames', 2]],
    ));

  it('PHP: a blank between curl_setopt and its parenthesis', () =>
    assert.deepStrictEqual(
      at(
        '<?php\ncurl_setopt ($h, CURLOPT_SSL_VERIFYHOST, 0);\ncurl_setopt ($h, CURLOPT_SSL_VERIFYPEER, 0);',
        'RestClient.php',
      ).map(([id, line]) => [id, line]),
      [
        ['php.curl-verifyhost-off', 2],
        ['php.curl-verifypeer-off', 3],
      ],
    ));
});

describe('real-code classes 4 (tune4): false positives', () => {
  it("Go: a server's MinVersion only says which old clients it accepts", () => {
    expectNone(
      'server.TLSConfig = &tls.Config{\n\tMinVersion: tls.VersionTLS10,\n}\nsrv := &http.Server{Addr: a, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS10}, Handler: m}',
      'main.go',
    );
    assert.deepStrictEqual(
      at(
        'c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS10}}}',
        'main.go',
      ).map(([id]) => id),
      ['go.obsolete-tls-version'],
    );
  });

  it('Java: SSLContext.getInstance("TLSv1.1") as a probe whose context is thrown away', () => {
    expectNone(
      'try {\n    SSLContext.getInstance("TLSv1.1");\n} catch (NoSuchAlgorithmException e) {\n    log.warn("no TLSv1.1");\n}',
      'SslConfig.java',
    );
    assert.deepStrictEqual(
      at(
        'SSLContext c = SSLContext.getInstance("TLSv1");\nreturn SSLContext.getInstance("TLSv1");',
        'SslConfig.java',
      ).map(([id, line]) => [id, line]),
      [
        ['jvm.obsolete-tls-version', 1],
        ['jvm.obsolete-tls-version', 2],
      ],
    );
  });
});

describe('real-code classes 4 (tune4): a Dockerfile excerpt that starts inside a RUN', () => {
  it('an indented line whose first word is no instruction (`fi && \\`) goes on a RUN out of sight', () => {
    assert.deepStrictEqual(
      at(
        `      fi && \\
      printf 'Acquire::https::Verify-Peer "false";\\n' "\${apt_proxy}" > /etc/apt/apt.conf.d/01proxy; \\
    fi`,
        'Dockerfile',
      ).map(([id, line]) => [id, line]),
      [['config.apt-verify-peer-off', 2]],
    );
    expectNone('FROM debian\n  fi\nLABEL note="curl -k is bad"', 'Dockerfile');
  });
});
