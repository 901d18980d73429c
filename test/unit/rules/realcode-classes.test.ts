// Classes of switches found missing (or wrongly flagged) on issue 18's real-code corpora for the shell, config,
// JVM, C# and PHP surfaces. The fixtures are written here, shaped like what those projects do (multi-line commands,
// heredocs, fragments), with exact ranges; each has the look-alike that must stay quiet next to it.
import * as assert from 'assert';
import { expectNone, hits, hitsFrom } from './helpers';
import { scanText } from '../../../src/core/scan/index';

describe('rules: real-code classes (shell, config, JVM, C#, PHP)', () => {
  describe('shell: podman / skopeo / buildah --tls-verify=false', () => {
    it('flags the flag and its skopeo src/dest forms, in scripts and Makefile recipes', () => {
      const script = [
        '#!/bin/sh',
        'podman login -u "$USER" -p "$TOKEN" --tls-verify=false "$REGISTRY"',
        'skopeo copy --src-tls-verify=false --dest-tls-verify false \\',
        '  docker://src.corp.example/app:1 docker://dst.corp.example/app:1',
        'DIGEST=$(skopeo inspect --tls-verify=0 "docker://$IMAGE" | jq -r .Digest)',
      ].join('\n');
      assert.deepStrictEqual(hits(script, 'ci/mirror.sh'), [
        ['shell.container-tls-verify-false', 2, 37, '--tls-verify=false'],
        ['shell.container-tls-verify-false', 3, 13, '--src-tls-verify=false'],
        ['shell.container-tls-verify-false', 3, 36, '--dest-tls-verify false'],
        ['shell.container-tls-verify-false', 5, 25, '--tls-verify=0'],
      ]);
      assert.deepStrictEqual(hits('push-image:\n\tbuildah push --tls-verify=false $(TAG)\n', 'Makefile'), [
        ['shell.container-tls-verify-false', 2, 15, '--tls-verify=false'],
      ]);
    });
    it('leaves --tls-verify=true, a variable, other programs and echoed text alone', () => {
      expectNone(
        [
          'podman push --tls-verify=true registry.corp.example/app:1',
          'podman push --tls-verify="$VERIFY" registry.corp.example/app:1',
          'docker push --tls-verify=false registry.corp.example/app:1',
          'echo "use podman push --tls-verify=false for the lab registry"',
        ].join('\n'),
        'push.sh',
      );
    });
  });

  describe('shell: --kubelet-insecure-tls written into a manifest by a command', () => {
    it('finds the flag inside a kubectl JSON patch, across a continuation', () => {
      const script = [
        'kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml',
        'kubectl -n kube-system patch deployment metrics-server --type=json \\',
        `  -p='[{"op":"add","path":"/spec/template/spec/containers/0/args/-","value":"--kubelet-insecure-tls"}]'`,
      ].join('\n');
      assert.deepStrictEqual(hits(script, 'kind-up.sh'), [
        ['shell.kubelet-insecure-tls', 3, 78, '--kubelet-insecure-tls'],
      ]);
    });
    it('finds it in a sed edit of the downloaded manifest', () => {
      const script = "sed -i 's/- args:/- args:\\n        - --kubelet-insecure-tls/' components.yaml";
      assert.deepStrictEqual(hits(script, 'fix.sh'), [['shell.kubelet-insecure-tls', 1, 38, '--kubelet-insecure-tls']]);
    });
    it('leaves grep checks, echoed hints and longer flag names alone', () => {
      expectNone(
        [
          "grep -q -- '--kubelet-insecure-tls' components.yaml || echo 'not patched'",
          'echo \'add "--kubelet-insecure-tls" to args on kind\'',
          `kubectl patch deploy x -p '{"value":"--kubelet-insecure-tls-ciphers"}'`,
        ].join('\n'),
        'check.sh',
      );
    });
  });

  describe('shell: config files written by here-documents', () => {
    it('reads `cat <<TAG > file` (here-document before the redirection)', () => {
      const script = ['cat << END2 > ~/.npmrc', '# bypass proxy cert', 'strict-ssl=false', 'END2', 'npm ci'].join('\n');
      assert.deepStrictEqual(hits(script, 'devbox.sh'), [['config.npmrc-strict-ssl', 3, 1, 'strict-ssl=false']]);
    });
    it('judges a kubeconfig body whatever the file is called', () => {
      const script = [
        'cat > "$CONF_DIR/node-credentials" <<EOF',
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '- name: local',
        '  cluster:',
        '    server: https://$MASTER_IP:6443',
        '    insecure-skip-tls-verify: true',
        'EOF',
      ].join('\n');
      assert.deepStrictEqual(hits(script, 'install-master.sh'), [
        ['config.kubeconfig-insecure-skip-tls-verify', 8, 5, 'insecure-skip-tls-verify: true'],
      ]);
    });
    it('leaves a kubeconfig that keeps verification, and non-kubeconfig here-documents, alone', () => {
      expectNone(
        [
          'cat > /tmp/cfg <<EOF',
          'kind: Config',
          'clusters:',
          '- cluster: { server: https://k8s.corp.example, certificate-authority: /etc/k8s/ca.crt }',
          '  insecure-skip-tls-verify: false',
          'EOF',
          'cat > notes.txt <<EOF',
          'insecure-skip-tls-verify: true is what the old docs said',
          'EOF',
        ].join('\n'),
        'setup.sh',
      );
    });
  });

  describe('Dockerfile: the tail of a RUN whose first line is not in the text', () => {
    it('reads `&& …` lines outside any instruction as RUN', () => {
      const text = [
        '&& apt-get install -y nodejs \\',
        '&& npm config set strict-ssl false \\',
        '&& npm cache clean',
      ].join('\n');
      assert.deepStrictEqual(hits(text, 'Dockerfile'), [['shell.npm-strict-ssl-false', 2, 19, 'strict-ssl false']]);
      expectNone('FROM node:20\n# && npm config set strict-ssl false\nRUN npm ci\n', 'Dockerfile');
    });
  });

  describe('config: HCL strings and JSON fragments', () => {
    it('finds --kubelet-insecure-tls in helm_release values and manifest args of Terraform', () => {
      const tf = [
        'resource "helm_release" "metrics_server" {',
        '  chart = "metrics-server"',
        '  set {',
        '    name  = "args[0]"',
        '    value = "--kubelet-insecure-tls"',
        '  }',
        '}',
        'locals {',
        '  args = ["--cert-dir=/tmp", "--kubelet-insecure-tls", "--metric-resolution=15s"]',
        '  # old = "--kubelet-insecure-tls"',
        '}',
      ].join('\n');
      assert.deepStrictEqual(hits(tf, 'terraform/metrics.tf'), [
        ['config.kubelet-insecure-tls', 5, 14, '--kubelet-insecure-tls'],
        ['config.kubelet-insecure-tls', 9, 31, '--kubelet-insecure-tls'],
      ]);
    });
    it('reads JSON fragments (no enclosing object) line by line', () => {
      const devcontainer = [
        '"customizations": {',
        '  "vscode": {',
        '    "settings": {',
        '      "http.proxy": "http://squid:3128",',
        '      "http.proxyStrictSSL": false // self-signed proxy',
        '    }',
        '  }',
        '},',
      ].join('\n');
      assert.deepStrictEqual(hits(devcontainer, '.devcontainer/devcontainer.json'), [
        ['config.vscode-proxy-strict-ssl', 5, 7, '"http.proxyStrictSSL": false'],
      ]);
      const composer =
        '"config": {\n  "preferred-install": "dist",\n  "disable-tls": true,\n  "secure-http": false\n},';
      assert.deepStrictEqual(hits(composer, 'composer.json'), [
        ['config.composer-disable-tls', 3, 3, '"disable-tls": true'],
        ['config.composer-disable-tls', 4, 3, '"secure-http": false'],
      ]);
      assert.deepStrictEqual(hits('  "icc": false,\n  "insecure-registries": ["10.0.0.5:5000"],', 'daemon.json'), [
        ['config.docker-insecure-registries', 2, 3, '"insecure-registries": ["10.0.0.5:5000"'],
      ]);
      expectNone('  "init": false,\n  "insecure-registries": [],\n  "ip": "0.0.0.0",', 'daemon.json');
      expectNone('  // "http.proxyStrictSSL": false,\n  "http.proxyStrictSSL": true,', '.vscode/settings.json');
    });
  });

  describe('JVM', () => {
    it('counts a checkServerTrusted whose println spans lines as one that only prints', () => {
      const java = [
        'private static final TrustManager TRUST_MANAGER = new X509TrustManager() {',
        '    public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }',
        '    public void checkClientTrusted(X509Certificate[] chain, String authType) { }',
        '    @Override',
        '    public void checkServerTrusted(X509Certificate[] chain, String authType) {',
        '        System.err.println(',
        '            "UNTRUSTED SERVER CERTIFICATE: " + chain[0].getSubjectX500Principal());',
        '    }',
        '};',
      ].join('\n');
      const found = hits(java, 'src/main/java/net/SslEngines.java');
      assert.deepStrictEqual(
        found.map(([id, line, col]) => [id, line, col]),
        [['jvm.trust-all-certificates', 5, 17]],
      );
      expectNone(
        [
          'public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {',
          '    System.err.println(',
          '        "checking " + chain.length);',
          '    delegate.checkServerTrusted(chain, authType);',
          '}',
        ].join('\n'),
        'Delegating.java',
      );
    });
    it('flags obsolete protocols passed to SSLConnectionSocketFactory', () => {
      const java = [
        'SSLConnectionSocketFactory sslsf = new SSLConnectionSocketFactory(',
        '    sslcontext, new String[] {"TLSv1", "TLSv1.1"}, null,',
        '    SSLConnectionSocketFactory.getDefaultHostnameVerifier());',
      ].join('\n');
      assert.deepStrictEqual(hits(java, 'Fetcher.java'), [
        ['jvm.obsolete-tls-version', 2, 17, 'new String[] {"TLSv1", "TLSv1.1"}'],
      ]);
      expectNone(
        'SSLConnectionSocketFactory sslsf = new SSLConnectionSocketFactory(sslcontext, new String[] {"TLSv1.2"}, null, verifier);',
        'Fetcher.java',
      );
    });
    it('follows the SslErrorHandler into the helper that proceeds', () => {
      const kotlin = [
        'class LabWebViewClient : WebViewClient() {',
        '    override fun onReceivedSslError(view: WebView?, handler: SslErrorHandler?, error: SslError?) {',
        '        allow(handler)',
        '    }',
        '',
        '    private fun allow(sslErrorHandler: SslErrorHandler?) {',
        '        Log.w(TAG, "certificate error ignored")',
        '        sslErrorHandler?.proceed()',
        '    }',
        '',
        '    fun next(chain: Interceptor.Chain) = chain.proceed(chain.request())',
        '}',
      ].join('\n');
      assert.deepStrictEqual(hits(kotlin, 'app/src/main/java/LabWebViewClient.kt'), [
        ['jvm.webview-ssl-error-proceed', 8, 9, 'sslErrorHandler?.proceed()'],
      ]);
    });
  });

  describe('C#: methods written to be validation callbacks that only say yes', () => {
    it('flags an SslPolicyErrors callback and ICertificatePolicy.CheckValidationResult returning true', () => {
      const cs = [
        'public class TrustAllPolicy : ICertificatePolicy',
        '{',
        '    public bool CheckValidationResult(ServicePoint srvPoint,',
        '      X509Certificate certificate, WebRequest request,',
        '      int certificateProblem)',
        '    {',
        '        // Return True to force the certificate to be accepted.',
        '        return true;',
        '    }',
        '}',
        'static class Callbacks',
        '{',
        '    public static bool AcceptAllCertificates(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors sslPolicyErrors)',
        '    {',
        '        return true;',
        '    }',
        '}',
      ].join('\n');
      assert.deepStrictEqual(
        hits(cs, 'App_Code/TrustAllPolicy.cs').map(([id, line, col]) => [id, line, col]),
        [
          ['csharp.validation-callback-accepts-all', 3, 17],
          ['csharp.validation-callback-accepts-all', 13, 24],
        ],
      );
    });
    it('leaves callbacks that look at the errors alone', () => {
      expectNone(
        [
          'private static bool ValidateServerCertificate(object sender, X509Certificate certificate,',
          '    X509Chain chain, SslPolicyErrors sslPolicyErrors)',
          '{',
          '    if (sslPolicyErrors == SslPolicyErrors.None)',
          '        return true;',
          '    // return true;',
          '    return false;',
          '}',
        ].join('\n'),
        'Validation.cs',
      );
    });
  });

  describe('PHP', () => {
    it('flags stream-context and PHPMailer verify_peer / verify_peer_name false', () => {
      const php = [
        '<?php',
        '$context = stream_context_create([',
        "    'http' => ['method' => 'GET', 'timeout' => 15],",
        "    'ssl' => [",
        "        'verify_peer'      => false,",
        "        'verify_peer_name' => false,",
        '    ],',
        ']);',
        '$mail->SMTPOptions = array("ssl" => array("verify_peer" => 0, "allow_self_signed" => true));',
      ].join('\n');
      assert.deepStrictEqual(hits(php, 'src/Client/Feed.php'), [
        ['php.stream-verify-peer-off', 5, 9, "'verify_peer'      => false"],
        ['php.stream-verify-peer-off', 6, 9, "'verify_peer_name' => false"],
        ['php.stream-verify-peer-off', 9, 43, '"verify_peer" => 0'],
      ]);
    });
    it("does not read Laravel's Auth::routes(['verify' => false]) as TLS, nor commented options", () => {
      expectNone(
        [
          '<?php',
          "Auth::routes(['verify' => false, 'reset' => false]);",
          "Auth::routes(['verify' => true]);",
          '//     $arrContextOptions = array("ssl" => array("verify_peer" => false));',
        ].join('\n'),
        'routes/web.php',
      );
      assert.deepStrictEqual(
        hits("<?php\n$client = new Client(['base_uri' => $url, 'verify' => false]);", 'app/Import.php').map(
          ([id]) => id,
        ),
        ['php.http-client-verify-false'],
      );
    });
  });
  describe('second tune set: WordPress, RestClient, registries.conf, provider prefixes, aliases, Jenkinsfile', () => {
    it("flags WordPress HTTP API 'sslverify' => false and $args['sslverify'] = false", () => {
      const php = [
        '<?php',
        'function fetch_feed_body( $url ) {',
        "    $args = array( 'timeout' => 15, 'sslverify' => false );",
        "    if ( defined( 'LOCAL_DEV' ) ) {",
        "        $args['sslverify'] = false;",
        '    }',
        "    // $args['sslverify'] = false;",
        '    return wp_remote_get( $url, $args );',
        '}',
      ].join('\n');
      // Both values reach wp_remote_get: one finding there (issue 18's sink rule), the first value its origin and
      // both its related locations.
      assert.deepStrictEqual(hitsFrom(php, 'wp-content/plugins/feed/feed.php'), [
        ['php.wp-sslverify-false', 8, 33, '$args', 3, "'sslverify' => false"],
      ]);
      const [f] = scanText(php, 'feed.php');
      assert.deepStrictEqual(
        f.related?.map((r) => [r.range.start.line + 1, r.message]),
        [
          [3, 'verification is turned off by this value'],
          [5, 'verification is turned off by this value'],
        ],
      );
      expectNone(
        "<?php\nif ( $args['sslverify'] == false ) { return; }\n$r = wp_remote_get( $u, array( 'sslverify' => true ) );",
        'a.php',
      );
    });

    it("flags RestClient's verify_ssl: false on a continuation line, and leaves VERIFY_PEER alone", () => {
      const rb = [
        'response = Morpheus::RestClient.execute(method: :get, url: url,',
        '                      timeout: 30, headers: headers, verify_ssl: false)',
        'ok = RestClient::Request.execute(method: :get, url: url, verify_ssl: OpenSSL::SSL::VERIFY_PEER)',
      ].join('\n');
      assert.deepStrictEqual(hits(rb, 'lib/client.rb'), [['ruby.verify-false', 2, 54, 'verify_ssl: false']]);
    });

    it('flags insecure registries in containers registries.conf, also when a script writes one', () => {
      const conf = [
        '[[registry]]',
        'location = "registry.lan:5000"',
        'insecure = true',
        '',
        '[[registry]]',
        'location = "quay.io"',
        'insecure = false',
      ].join('\n');
      assert.deepStrictEqual(hits(conf, '/etc/containers/registries.conf.d/50-lan.conf'), [
        ['config.containers-registry-insecure', 3, 1, 'insecure = true'],
      ]);
      const script = `printf '[[registry]]\\nlocation = "10.0.2.2:5000"\\ninsecure = true\\n' > /etc/containers/registries.conf.d/50-local.conf`;
      assert.deepStrictEqual(
        hits(script, 'provision.sh').map(([id, line, , value]) => [id, line, value]),
        [['config.containers-registry-insecure', 1, 'insecure = true']],
      );
    });

    it('flags provider-prefixed *_tls_insecure in Terraform', () => {
      const tf =
        'provider "proxmox" {\n  pm_api_url      = var.api_url\n  pm_tls_insecure = true\n  pm_log_enable   = true\n}\n';
      assert.deepStrictEqual(hits(tf, 'main.tf'), [['config.terraform-insecure', 3, 3, 'pm_tls_insecure = true']]);
      expectNone('provider "proxmox" {\n  pm_tls_insecure = var.insecure\n}\n', 'main.tf');
    });

    it('reads the quoted body of an alias as a command', () => {
      const sh =
        'alias osc="docker run --rm -i --entrypoint=osc --net=host openshift/origin:latest --insecure-skip-tls-verify"\nalias ll="ls -l"\n';
      assert.deepStrictEqual(hits(sh, 'run-osc.sh'), [
        ['shell.kube-insecure-skip-tls-verify', 1, 83, '--insecure-skip-tls-verify'],
      ]);
    });

    it('reads Jenkinsfile sh steps, including an unclosed triple-quoted one', () => {
      const jf = [
        "withCredentials([string(credentialsId: 'ocp-token', variable: 'OCP_TOKEN')]) {",
        '    sh """',
        '        oc login --token=\\$OCP_TOKEN --server=https://api.ocp.example:6443 --insecure-skip-tls-verify=true',
        '        oc project demo',
        '    """',
        "    sh 'curl -sSk https://nexus.corp.example/repo/app.tgz -o app.tgz'",
        "    echo 'not a step: curl -k'",
        '}',
        "sh '''",
        '    npm config set strict-ssl false',
      ].join('\n');
      assert.deepStrictEqual(
        hits(jf, 'Jenkinsfile').map(([id, line]) => [id, line]),
        [
          ['shell.kube-insecure-skip-tls-verify', 3],
          ['shell.curl-insecure', 6],
          ['shell.npm-strict-ssl-false', 10],
        ],
      );
    });

    it('judges YAML a script writes with a here-document', () => {
      const sh = "cat > /etc/pve-exporter/pve.yml << 'EOF'\ndefault:\n  user: root@pam\n  verify_ssl: false\nEOF\n";
      assert.deepStrictEqual(hits(sh, 'install.sh'), [['config.insecure-skip-verify', 4, 3, 'verify_ssl: false']]);
    });
  });

  describe('round 2: multi-line writes, registries fragments, ENV tails', () => {
    it('judges a double-quoted echo that spans lines, written to ~/.wgetrc', () => {
      const script = [
        'setup_proxy() {',
        '    echo "',
        '    use_proxy = on',
        '    check_certificate = off',
        '    " >> ~/.wgetrc',
        '}',
      ];
      assert.deepStrictEqual(hits(script.join('\n'), 'scripts/proxy.sh'), [
        ['config.wgetrc-check-certificate', 4, 5, 'check_certificate = off'],
      ]);
      expectNone(script.join('\n').replace('= off', '= on'), 'scripts/proxy.sh');
    });
    it('judges a Dockerfile RUN echo into /etc/pip.conf across backslash continuations and \\n escapes', () => {
      const dockerfile = [
        'FROM python:3.12',
        'RUN echo "[global] \\n\\',
        'trusted-host = pypi.org \\n\\',
        '    files.pythonhosted.org" >> /etc/pip.conf',
      ].join('\n');
      assert.deepStrictEqual(hits(dockerfile, 'Dockerfile'), [
        ['config.pip-trusted-host', 3, 1, 'trusted-host = pypi.org'],
      ]);
      expectNone(dockerfile.replace('trusted-host', 'index-url'), 'Dockerfile');
    });
    it('flags a non-empty insecure-registries list a script writes line by line to a file named by a variable', () => {
      const script = [
        'target="$1"',
        `echo '{' >> "$target"`,
        `echo '  "insecure-registries": [' >> "$target"`,
        `echo '    "registry.lan:5000"' >> "$target"`,
        `echo '  ]' >> "$target"`,
        `echo '}' >> "$target"`,
      ].join('\n');
      assert.deepStrictEqual(hits(script, 'scripts/registry.sh'), [
        ['config.docker-insecure-registries', 3, 9, '"insecure-registries"'],
      ]);
      expectNone(
        [
          'cat > "$conf" <<EOF',
          '{ "insecure-registries": [] }',
          'EOF',
          `jq '."insecure-registries"' /etc/docker/daemon.json`,
        ].join('\n'),
        'scripts/registry.sh',
      );
    });
    it('reads indented NAME=value \\ lines outside an instruction as the tail of a multi-line ENV', () => {
      const tail = [
        '    GOPROXY=https://proxy.golang.org,direct \\',
        '    GOINSECURE=* \\',
        '    CGO_ENABLED=0',
        'RUN go build ./...',
      ];
      assert.deepStrictEqual(hits(tail.join('\n'), 'Dockerfile'), [['env.goinsecure', 2, 5, 'GOINSECURE=*']]);
      expectNone(tail.join('\n').replace('GOINSECURE=*', 'GOPRIVATE=*'), 'Dockerfile');
    });

    it('judges a setting echoed through a variable, where the script assigns it, into a file named by a variable', () => {
      const script = [
        'if [ "$skip_cert" -eq 1 ]; then',
        '    wget_setting="check_certificate = off"',
        '    echo "$wget_setting" >> "$wget_rc_path"',
        'fi',
      ].join('\n');
      assert.deepStrictEqual(hits(script, 'setup.sh'), [
        ['config.wgetrc-check-certificate', 2, 19, 'check_certificate = off'],
      ]);
      const curl = ['RC=/root/.curlrc', "opt='insecure'", 'echo "$opt" >> "$RC"', 'echo "$opt" >> "$LOG"'].join('\n');
      assert.deepStrictEqual(hits(curl, 'setup.sh'), [['config.curlrc-insecure', 2, 6, 'insecure']]);
      expectNone(script.replace('= off', '= on'), 'setup.sh');
      expectNone(['line="check_certificate = off"', 'echo "$line" >> "$LOG"'].join('\n'), 'setup.sh');
    });
    it('reads an indented line that goes on with && \\ outside an instruction as a RUN tail', () => {
      const tail = [
        '    $CONDA_DIR/bin/conda tos accept --override-channels && \\',
        '    $CONDA_DIR/bin/conda config --set ssl_verify false',
        '',
        'RUN $CONDA_DIR/bin/conda env create -f environment.yml',
      ].join('\n');
      assert.deepStrictEqual(hits(tail, 'Dockerfile'), [['shell.conda-ssl-verify-false', 2, 39, 'ssl_verify false']]);
      expectNone(tail.replace('ssl_verify false', 'ssl_verify /etc/ssl/certs/ca.pem'), 'Dockerfile');
    });

    it('reads leading indented - NAME=value items of a Compose excerpt as its environment list', () => {
      const excerpt = [
        '        - APP_HOST=$APP_HOST',
        '        - NODE_TLS_REJECT_UNAUTHORIZED=0',
        '        - APP_REGION=$APP_REGION',
      ].join('\n');
      assert.deepStrictEqual(hits(excerpt, 'docker-compose.yml'), [
        ['env.node-tls-reject-unauthorized', 2, 11, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
      ]);
      expectNone(excerpt.replace('=0', '=1'), 'docker-compose.yml');
      expectNone(['steps:', '  - echo NODE_TLS_REJECT_UNAUTHORIZED=0 is unsafe'].join('\n'), 'docker-compose.yml');
    });

    it('reads the -c string of a shell or su, and a quoted command line held in a variable, as commands', () => {
      const script = [
        'su php-fpm -c "composer global config secure-http false"',
        'docker exec web bash -lc "curl -sk https://localhost/health"',
        'FETCH="wget --no-check-certificate -q"',
        '$FETCH "$URL"',
      ].join('\n');
      assert.deepStrictEqual(hits(script, 'provision.sh'), [
        ['shell.composer-disable-tls', 1, 39, 'secure-http false'],
        ['shell.curl-insecure', 2, 32, '-sk'],
        ['shell.wget-no-check-certificate', 3, 13, '--no-check-certificate'],
      ]);
      expectNone(
        [
          'sh -c "curl --cacert /etc/ssl/corp.pem https://x"',
          'MSG="curl -k is not allowed here"',
          'OPTS="-k --silent"',
          'git -c "http.sslCAInfo=/etc/ssl/corp.pem" clone https://git.corp.example/app.git',
        ].join('\n'),
        'provision.sh',
      );
    });
    it('reads Jenkinsfile bat steps like sh steps', () => {
      const jenkinsfile = [
        "stage('test') {",
        '  steps {',
        "    bat 'npm config set strict-ssl false'",
        "    bat 'npm ci'",
        '  }',
        '}',
      ];
      assert.deepStrictEqual(hits(jenkinsfile.join('\n'), 'Jenkinsfile'), [
        ['shell.npm-strict-ssl-false', 3, 25, 'strict-ssl false'],
      ]);
    });
  });
});
