// Classes of switches met in real code, round 3 (issue 18: the second check set's misses and the switches of
// package-manager repositories): fixtures written here in the shapes real scripts use, with exact places, and
// look-alikes that must stay quiet.
import * as assert from 'assert';
import { expectNone, hits } from './helpers';

describe('real-code classes, round 3: quoted command lines run by a wrapper', () => {
  it('reads a quoted argument that starts with a known program and a flag as a command line', () =>
    assert.deepStrictEqual(
      hits(
        `#!/bin/bash
probe() {
  allow=$(gexec 60 "wget --no-check-certificate -S -qO /dev/null -T8 https://$ALLOW 2>&1 | head -1")
  deny=$(gexec 60 "if wget --no-check-certificate -qO /dev/null https://$DENY; then echo open; fi")
}
ssh -p 2222 deploy@web1 "sudo curl -fsSk https://localhost/health"
retry 3 'npm config set strict-ssl false'
eval "git -c http.sslVerify=false clone $REPO"`,
        'check.sh',
      ),
      [
        ['shell.wget-no-check-certificate', 3, 26, '--no-check-certificate'],
        ['shell.wget-no-check-certificate', 4, 28, '--no-check-certificate'],
        ['shell.curl-insecure', 6, 36, '-fsSk'],
        ['shell.npm-strict-ssl-false', 7, 25, 'strict-ssl false'],
        ['shell.git-ssl-verify-false', 8, 14, 'http.sslVerify=false'],
      ],
    ));

  it('keeps quiet about messages, option values, patterns and quoted text that is not a command', () =>
    expectNone(
      `#!/bin/bash
warn "curl -k is not allowed here, use --cacert"
log_error 'wget --no-check-certificate failed'
die "curl -k https://$HOST failed"
git commit -m "curl -k removed from deploy.sh"
read -p "wget --no-check-certificate? [y/N] " answer
grep -q "curl -k" deploy.sh
notify-send 'curl -k done'
run "make -k all"
echo_red "curl -k failed"
confirm "Run wget --no-check-certificate anyway?"
printf '%s\\n' "curl -k https://example.com"`,
      'notes.sh',
    ));
});

describe('real-code classes, round 3: commented-out writes of tool configuration', () => {
  it('does not judge an echo or a here-document behind a # as a write', () =>
    expectNone(
      `#==============================================================
# Turn certificate validation off if ssl errors show up
#==============================================================
#echo "sslverify=0" >> /etc/dnf/dnf.conf
  # echo insecure >> ~/.curlrc
true # cat >> ~/.wgetrc <<EOF
check_certificate = off
EOF`,
      'post-install.sh',
    ));

  it('still judges a write whose text holds a #', () =>
    assert.deepStrictEqual(hits("[ -f ~/.curlrc ] || printf '# corp proxy\\ninsecure\\n' >> ~/.curlrc", 'a.sh'), [
      ['config.curlrc-insecure', 1, 43, 'insecure'],
    ]));
});

describe('real-code classes, round 3: yum/dnf/zypper repositories and APT', () => {
  it('finds a repository definition written to a variable target, and an APT setting written to one', () =>
    assert.deepStrictEqual(
      hits(
        `repo_file=/etc/yum.repos.d/agent.repo
    cat > "$repo_file" <<EOF
[openagent\${VERSION}]
name=Agent \${VERSION} - el-\${RELEASE} (local mirror)
baseurl=\${repo_url}
enabled=1
gpgcheck=0
sslverify=0
EOF
cat <<'EOF' | sudo tee "$APT_CONF"
Acquire::https::Verify-Peer "false";
EOF
echo 'Acquire::https::mirror.lan::Verify-Host "false";' > "$conf"`,
        'install-agent.sh',
      ),
      [
        ['config.dnf-sslverify-off', 8, 1, 'sslverify=0'],
        ['config.apt-verify-peer-off', 11, 1, 'Acquire::https::Verify-Peer "false"'],
        ['config.apt-verify-peer-off', 13, 7, 'Acquire::https::mirror.lan::Verify-Host "false"'],
      ],
    ));

  it('finds dnf/yum --setopt and apt -o in Dockerfiles and CI steps', () =>
    assert.deepStrictEqual(
      [
        ...hits(
          'FROM centos:7\nRUN yum --setopt=sslverify=false -y install epel-release \\\n && yum-config-manager --save --setopt=epel.sslverify=0',
          'Dockerfile',
        ),
        ...hits(
          'jobs:\n  build:\n    steps:\n      - run: sudo apt-get -o "Acquire::https::Verify-Peer=false" update',
          '.github/workflows/ci.yml',
        ),
      ],
      [
        ['shell.dnf-sslverify-off', 2, 9, '--setopt=sslverify=false'],
        ['shell.dnf-sslverify-off', 3, 31, '--setopt=epel.sslverify=0'],
        ['shell.apt-verify-peer-off', 4, 27, '-o "Acquire::https::Verify-Peer=false"'],
      ],
    ));

  it('keeps quiet about verifying settings, other INI files and other tools', () => {
    expectNone('[main]\ngpgcheck=1\nsslverify=1\n;sslverify=0\nsslcacert=/etc/pki/ca.pem', '/etc/dnf/dnf.conf');
    expectNone('[server]\nsslverify=0\nurl=https://x', 'app.ini');
    expectNone('Acquire::http::Proxy "http://proxy:3128";\nAcquire::https::Verify-Peer "true";', '/etc/apt/apt.conf');
    expectNone(
      'cat > /tmp/app.conf <<EOF\n[db]\nhost=x\nsslverify=0\nEOF\napt-get -o Dpkg::Options::=--force-confold install x',
      'setup.sh',
    );
  });
});

describe('real-code classes, round 3: Gradle, Groovy and Maven project files', () => {
  it('finds insecure repositories, Groovy trust managers and verifiers in Gradle scripts', () =>
    assert.deepStrictEqual(
      hits(
        `import javax.net.ssl.*

def disableSslValidation() {
    TrustManager[] trustAll = [
        [getAcceptedIssuers: { null },
         checkClientTrusted: { chain, authType -> },
         checkServerTrusted: { chain, authType -> }] as X509TrustManager
    ] as TrustManager[]
    HttpsURLConnection.setDefaultHostnameVerifier({ hostname, session -> true })
}
allprojects {
    repositories {
        maven { url 'http://repo.lan/maven'; allowInsecureProtocol true }
        maven {
            url "http://nexus.lan/public"
            setAllowInsecureProtocol(true)
        }
    }
}`,
        'init.d/insecure.gradle',
      ),
      [
        ['jvm.trust-all-certificates', 7, 10, 'checkServerTrusted: { chain, authType -> }'],
        ['jvm.hostname-verifier-accepts-all', 9, 24, 'setDefaultHostnameVerifier({ hostname, session -> true }'],
        ['config.gradle-allow-insecure-protocol', 13, 46, 'allowInsecureProtocol true'],
        ['config.gradle-allow-insecure-protocol', 16, 13, 'setAllowInsecureProtocol(true)'],
      ],
    ));

  it('keeps quiet about Gradle messages, comments, false values and checking closures', () =>
    expectNone(
      `// allowInsecureProtocol = true
/* isAllowInsecureProtocol = true */
logger.warn("set allowInsecureProtocol = true only for the local mirror")
maven {
    url = uri("https://nexus.lan/public")
    isAllowInsecureProtocol = false
}
def tm = [checkServerTrusted: { chain, authType -> delegate.checkServerTrusted(chain, authType) }] as X509TrustManager`,
      'build.gradle.kts',
    ));

  it('reads .mvn/maven.config and jvm.config as Maven command lines', () =>
    assert.deepStrictEqual(
      [
        ...hits('-B\n-Daether.connector.https.securityMode=insecure\n', '.mvn/maven.config'),
        ...hits('-Xmx2g -Dmaven.wagon.http.ssl.insecure=true', 'service/.mvn/jvm.config'),
      ],
      [
        ['shell.maven-ssl-insecure', 2, 1, '-Daether.connector.https.securityMode=insecure'],
        ['shell.maven-ssl-insecure', 1, 8, '-Dmaven.wagon.http.ssl.insecure=true'],
      ],
    ));

  it('keeps quiet about secure Maven settings', () =>
    expectNone(
      '-Daether.connector.https.securityMode=default\n-Djavax.net.ssl.trustStore=corp.jks',
      '.mvn/maven.config',
    ));
});

describe('real-code classes, round 3: INI files', () => {
  it('finds the skip keys in grafana.ini and ansible.cfg', () =>
    assert.deepStrictEqual(
      [
        ...hits('[auth.generic_oauth]\nenabled = true\ntls_skip_verify_insecure = true\n', 'conf/grafana.ini'),
        ...hits('[defaults]\nhost_key_checking = False\n[galaxy]\nignore_certs = True\n', 'ansible.cfg'),
      ],
      [
        ['config.insecure-skip-verify', 3, 1, 'tls_skip_verify_insecure = true'],
        ['config.insecure-skip-verify', 4, 1, 'ignore_certs = True'],
      ],
    ));

  it('keeps quiet about INI comments, false values and unrelated keys', () =>
    expectNone(
      '[server]\n;tls_skip_verify_insecure = true\n# ignore_certs = True\ntls_skip_verify_insecure = false\n[flake8]\nignore = E501\nverify = yes',
      'setup.cfg',
    ));
});

describe("real-code classes, round 3: other tools' flags and variables", () => {
  it('finds each tool its own switch, in scripts, Dockerfiles and CI', () =>
    assert.deepStrictEqual(
      [
        ...hits(
          `#!/bin/sh
export VAULT_ADDR=https://vault.lan:8200 VAULT_SKIP_VERIFY=1
consul members -tls-skip-verify
argocd login argocd.lan --username admin --password "$PW" --insecure
sudo kubeadm join 10.0.0.10:6443 --token "$TOKEN" --discovery-token-unsafe-skip-ca-verification
govc vm.info -k -u "$GOVC_URL" vm1
ansible-galaxy collection install -r requirements.yml --ignore-certs`,
          'bootstrap.sh',
        ),
        ...hits(
          'FROM ubuntu:24.04\nENV LDAPTLS_REQCERT=never\nRUN s3cmd --no-check-certificate ls s3://b',
          'Dockerfile',
        ),
      ],
      [
        ['env.tool-verify-off', 2, 42, 'VAULT_SKIP_VERIFY=1'],
        ['shell.tool-insecure-flag', 3, 16, '-tls-skip-verify'],
        ['shell.tool-insecure-flag', 4, 59, '--insecure'],
        ['shell.tool-insecure-flag', 5, 51, '--discovery-token-unsafe-skip-ca-verification'],
        ['shell.tool-insecure-flag', 6, 14, '-k'],
        ['shell.tool-insecure-flag', 7, 55, '--ignore-certs'],
        ['env.tool-verify-off', 2, 5, 'LDAPTLS_REQCERT=never'],
        ['shell.tool-insecure-flag', 3, 11, '--no-check-certificate'],
      ],
    ));

  it('keeps quiet about the same flags on other programs and about verifying values', () =>
    expectNone(
      `#!/bin/sh
rsync --insecure src dst
ansible-playbook -c local site.yml
ls -k /tmp
tar -C /opt -xzf vault.tgz
vault status -tls-skip-verify=false
export VAULT_SKIP_VERIFY=false LDAPTLS_REQCERT=demand CONSUL_HTTP_SSL_VERIFY=true
echo "vault login -tls-skip-verify"
svn checkout https://svn.lan/repo`,
      'ok.sh',
    ));
});

describe('real-code classes, round 3: Java library switches and Elastic/Spring settings', () => {
  it('finds Netty, RestAssured, Unirest and Jsoup switches in Java and Kotlin', () =>
    assert.deepStrictEqual(
      hits(
        `@Bean
fun webClient(): WebClient {
    val ssl = SslContextBuilder.forClient()
        .trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE)
        .build()
    RestAssured.useRelaxedHTTPSValidation()
    return WebClient.builder().build()
}`,
        'src/main/kotlin/Config.kt',
      ),
      [
        ['jvm.insecure-trust-manager-factory', 4, 23, 'io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE'],
        ['jvm.client-verification-off', 6, 17, 'useRelaxedHTTPSValidation()'],
      ],
    ));

  it('keeps quiet about imports, comments, strings and verifying calls', () =>
    expectNone(
      `import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
// .trustManager(InsecureTrustManagerFactory.INSTANCE)
String hint = "call relaxedHTTPSValidation() in tests only";
Unirest.config().verifySsl(true);
Jsoup.connect(url).validateTLSCertificates(true).get();`,
      'Client.java',
    ));

  it('finds Elastic verification_mode none and Spring useInsecureTrustManager, dotted or nested', () =>
    assert.deepStrictEqual(
      [
        ...hits(
          'filebeat.inputs: []\noutput.logstash:\n  hosts: ["ls:5044"]\n  ssl.verification_mode: "none"\nssl:\n  verification_mode: none\n',
          'filebeat.yml',
        ),
        ...hits('elasticsearch.hosts: ["https://es:9200"]\nelasticsearch.ssl.verificationMode: none\n', 'kibana.yml'),
        ...hits(
          'spring:\n  cloud:\n    gateway:\n      httpclient:\n        ssl:\n          useInsecureTrustManager: true\n',
          'application.yml',
        ),
      ],
      [
        ['config.insecure-skip-verify', 4, 3, 'ssl.verification_mode: "none"'],
        ['config.insecure-skip-verify', 6, 3, 'verification_mode: none'],
        ['config.insecure-skip-verify', 2, 1, 'elasticsearch.ssl.verificationMode: none'],
        ['config.insecure-skip-verify', 6, 11, 'useInsecureTrustManager: true'],
      ],
    ));

  it('keeps quiet about verifying modes and commented properties', () => {
    expectNone(
      'ssl.verification_mode: full\nxpack.security.http.ssl.verification_mode: certificate\n',
      'elasticsearch.yml',
    );
    expectNone(
      '# spring.cloud.gateway.httpclient.ssl.useInsecureTrustManager=true\n!ssl.verification_mode=none\nssl.verification_mode=full',
      'application.properties',
    );
  });
});

describe('real-code classes, round 3: PHP and Ruby client options', () => {
  it('finds WordPress filters, stream_context_set_option, Guzzle 5 defaults, Savon and Typhoeus options', () => {
    assert.deepStrictEqual(
      hits(
        `<?php
add_filter( 'https_ssl_verify', '__return_false', 10 );
add_filter('https_local_ssl_verify', function ($verify) { return false; });
stream_context_set_option($context, 'ssl', 'verify_peer_name', false);
$client->setDefaultOption('verify', false);`,
        'wp-content/plugins/x/x.php',
      ),
      [
        ['php.wp-sslverify-false', 2, 1, "add_filter( 'https_ssl_verify', '__return_false', 10 )"],
        ['php.wp-sslverify-false', 3, 1, "add_filter('https_local_ssl_verify', function ($verify) { return false; })"],
        ['php.stream-verify-peer-off', 4, 1, "stream_context_set_option($context, 'ssl', 'verify_peer_name', false)"],
        ['php.http-client-verify-false', 5, 10, "setDefaultOption('verify', false)"],
      ],
    );
    assert.deepStrictEqual(
      hits(
        `client = Savon.client(
  wsdl: WSDL_URL,
  :ssl_verify_mode => :none,
  log: false
)
Typhoeus.get(url, ssl_verifypeer: false)`,
        'lib/soap.rb',
      ),
      [
        ['ruby.verify-none', 3, 3, ':ssl_verify_mode => :none'],
        ['ruby.verify-false', 6, 19, 'ssl_verifypeer: false'],
      ],
    );
  });

  it('keeps quiet about verifying values, other filters and comments', () => {
    expectNone(
      `<?php
add_filter('https_ssl_verify', '__return_true');
add_filter('http_request_timeout', '__return_false');
// add_filter('https_ssl_verify', '__return_false');
stream_context_set_option($context, 'ssl', 'verify_peer', true);
$client->setDefaultOption('timeout', false);`,
      'x.php',
    );
    expectNone(
      `Savon.client(wsdl: u, ssl_verify_mode: :peer)
# ssl_verify_mode: :none
Typhoeus.get(url, ssl_verifypeer: true, ssl_verifyhost: 2)
mode = :none if verify_mode == :none`,
      'x.rb',
    );
  });
});

describe('real-code classes, round 3: options held in a variable and ${…} words', () => {
  it('judges the quoted values of a variable expanded into curl or wget arguments, at the assignment', () =>
    assert.deepStrictEqual(
      hits(
        `#!/bin/bash
export CURL_VERBOSE_OPTS="--progress-bar --show-error"
if [ "\${BASH_OS}" = "darwin" ]; then
  export CURL_DOWNLOAD_OPTS="--compressed --insecure"
else
  export CURL_DOWNLOAD_OPTS="--location --compressed --insecure"
fi
curl_download() {
  curl \${CURL_VERBOSE_OPTS} \${CURL_DOWNLOAD_OPTS} "$@"
}
WGET_ARGS='-q --no-check-certificate'
wget $WGET_ARGS "$URL"
curl \${CURL_OPTS:-} -k https://x`,
        'lib/download.sh',
      ),
      [
        ['shell.curl-insecure', 4, 43, '--insecure'],
        ['shell.curl-insecure', 6, 54, '--insecure'],
        ['shell.wget-no-check-certificate', 11, 15, '--no-check-certificate'],
        ['shell.curl-insecure', 13, 21, '-k'],
      ],
    ));

  it('keeps quiet about variables that are not expanded into a program, or hold no flag', () =>
    expectNone(
      `#!/bin/bash
MSG="--insecure is not allowed"
echo "$MSG" "\${MSG}"
url="https://downloads.corp.example/x.tgz"
CURL_OPTS="--cacert /etc/ssl/corp-ca.pem --retry 3"
curl \${CURL_OPTS} -fsSL "$url" -o "\${TMP:-/tmp}/x.tgz"`,
      'ok.sh',
    ));
});

describe('real-code classes, round 3: the tune3 set (values reaching a client, excerpt edges)', () => {
  it('reports a verifier or an options hash held in a variable where the client gets it', () => {
    assert.deepStrictEqual(
      hits(
        `SSLContextBuilder builder = new SSLContextBuilder();
HostnameVerifier hostnameVerifier = NoopHostnameVerifier.INSTANCE;
SSLConnectionSocketFactory sslsf = new SSLConnectionSocketFactory(
        builder.build(), hostnameVerifier);
X509HostnameVerifier unused = SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER;`,
        'HttpUtil.java',
      ),
      [
        ['jvm.noop-hostname-verifier', 4, 26, 'hostnameVerifier'],
        ['jvm.noop-hostname-verifier', 5, 31, 'SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER'],
      ],
    );
    assert.deepStrictEqual(
      hits(
        `def connection
  options = {
    ssl: { verify: false },
    url: @config[:api_endpoint]
  }
  Faraday.new(options) do |conn|
    conn.adapter :net_http
  end
end

def runner_client
  verify_ssl = false
  Faraday.new(:url => server_url, :ssl => {:verify => verify_ssl})
end`,
        'lib/api/client.rb',
      ),
      [
        ['ruby.verify-false', 6, 15, 'options'],
        ['ruby.verify-false', 13, 44, ':verify => verify_ssl'],
      ],
    );
  });

  it('keeps quiet about a variable that verifies, and about a hashing driver option', () => {
    expectNone(
      `def runner_client
  verify_ssl = true
  Faraday.new(:url => server_url, :ssl => {:verify => verify_ssl})
end
def check(record, verify)
  validate(record, verify: verify)
end`,
      'client.rb',
    );
    expectNone(
      "<?php\nreturn ['bcrypt' => ['rounds' => 10, 'verify' => false], 'argon' => ['verify' => false]];",
      'config/hashing.php',
    );
  });

  it('reads an excerpt that starts inside a here-document, and a CI variables map without its key', () => {
    assert.deepStrictEqual(
      hits(
        `    [plugins."io.containerd.grpc.v1.cri".registry.configs."registry.lan".tls]
      insecure_skip_verify = true
EOF
systemctl restart containerd`,
        'install-k8s.sh',
      ),
      [['config.insecure-skip-verify', 2, 7, 'insecure_skip_verify = true']],
    );
    assert.deepStrictEqual(
      hits(
        '  HTTP_PROXY: ""\n  no_proxy: "localhost"\n\n  # corporate TLS\n  GIT_SSL_NO_VERIFY: "true"\n',
        '.gitlab-ci.yml',
      ),
      [['env.git-ssl-no-verify', 5, 3, 'GIT_SSL_NO_VERIFY: "true"']],
    );
  });

  it('keeps quiet about a here-document tail that is no known config, and about prose in a message', () => {
    expectNone('[server]\n  insecure_skip_verify = true\nEOF\necho done', 'tail.sh');
    expectNone(
      `log "
Could not download '\${_url}'.
To continue in insecure mode run 'echo insecure >> ~/.curlrc'.
"`,
      'utility.sh',
    );
  });
});
