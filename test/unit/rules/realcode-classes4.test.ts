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
