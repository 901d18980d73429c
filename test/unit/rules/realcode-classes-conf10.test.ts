// Classes of switches (and look-alikes) on the config surfaces, round 10 of issue 18: whole files where the value
// and the command that uses it are far apart, and the reverse cases that must stay quiet. Fixtures written here.
import * as assert from 'assert';
import { scanText } from '../../../src/core/scan/index';
import { hits } from './helpers';

describe('real-code classes conf 10: Terraform / Packer provisioner commands are shell', () => {
  const TF = `terraform {
  required_version = ">= 1.3"
}

resource "null_resource" "images" {
  triggers = {
    workspace = var.installer_workspace
  }

  provisioner "local-exec" {
    command = <<EOF
cd \${self.triggers.workspace}/px-images
echo "pushing images (curl -k is not used here)"
sudo PODMAN_LOGIN_ARGS="--tls-verify=false" ./push-images.sh
EOF
    environment = {
      NODE_TLS_REJECT_UNAUTHORIZED = "0"
      GIT_SSL_NO_VERIFY            = "\${var.git_no_verify}"
      PYTHONHTTPSVERIFY            = 1
    }
  }

  provisioner "local-exec" {
    command = "curl -sk https://\${var.host}/healthz"
  }

  provisioner "remote-exec" {
    inline = [
      "sudo yum install -y jq",
      "wget --no-check-certificate -O /tmp/agent.rpm https://repo.lan/agent.rpm",
      "# curl -k https://x is what the old image did",
    ]
  }
}

resource "aws_lambda_function" "hook" {
  function_name = "hook"
  description   = "runs curl -k against nothing"
  environment {
    variables = {
      NODE_TLS_REJECT_UNAUTHORIZED = 0
    }
  }
}
`;

  it('here-document and string commands, remote-exec inline items and environment maps; comments and prose stay', () =>
    assert.deepStrictEqual(hits(TF, 'infra/main.tf'), [
      ['shell.container-tls-verify-false', 14, 25, '--tls-verify=false'],
      ['env.node-tls-reject-unauthorized', 17, 7, 'NODE_TLS_REJECT_UNAUTHORIZED = "0"'],
      ['shell.curl-insecure', 24, 21, '-sk'],
      ['shell.wget-no-check-certificate', 30, 13, '--no-check-certificate'],
      ['env.node-tls-reject-unauthorized', 41, 7, 'NODE_TLS_REJECT_UNAUTHORIZED = 0'],
    ]));

  it('a kube flag in a command is found once (the config family reads it in any HCL string)', () =>
    assert.deepStrictEqual(
      hits(
        'resource "null_resource" "k" {\n  provisioner "local-exec" {\n    command = "kubectl apply --insecure-skip-tls-verify -f x.yaml"\n  }\n}\n',
        'main.tf',
      ).map(([id, line]) => [id, line]),
      [['config.insecure-skip-tls-verify-arg', 3]],
    ));

  it("an excerpt that begins inside a provisioner's here-document: its leading command lines, up to the HCL", () =>
    assert.deepStrictEqual(
      hits(
        `cd \${self.triggers.installer_workspace}/px-images
echo "cleaning up stale images"
sudo PODMAN_LOGIN_ARGS="--tls-verify=false" ./podman-rm-local-images.sh
EOF
  }
  description = "curl -k is not used"
}
`,
        'portworx/main.tf',
      ),
      [['shell.container-tls-verify-false', 3, 25, '--tls-verify=false']],
    ));

  it('a Packer shell provisioner (.pkr.hcl) with verification on stays quiet', () =>
    assert.deepStrictEqual(
      hits(
        'build {\n  provisioner "shell" {\n    inline = ["curl --cacert /etc/ssl/corp.pem https://repo.lan/x", "echo curl -k"]\n  }\n}\n',
        'image.pkr.hcl',
      ),
      [],
    ));
});

describe('real-code classes conf 10: scripts that write a .env or a Compose file', () => {
  it('a here-document writing docker-compose.yml, an echo appending to .env; a log and a safe value stay', () =>
    assert.deepStrictEqual(
      hits(
        `#!/usr/bin/env bash
set -euo pipefail
cat > docker-compose.yml <<EOF
services:
  api:
    image: kortix/api
    environment:
      - BACKEND_URL=http://kortix-api:8008/v1
      - NODE_TLS_REJECT_UNAUTHORIZED=0
  worker:
    environment:
      NODE_EXTRA_CA_CERTS: /certs/corp.pem
EOF

echo "NODE_TLS_REJECT_UNAUTHORIZED=0" >> .env.local
echo "NODE_TLS_REJECT_UNAUTHORIZED=0" >> "$LOG"
echo "PYTHONHTTPSVERIFY=1" >> .env
cat >> .env <<'END'
# NODE_TLS_REJECT_UNAUTHORIZED=0 only for the old proxy
REQUESTS_CA_BUNDLE=/certs/corp.pem
END
`,
        'scripts/setup.sh',
      ),
      [
        ['env.node-tls-reject-unauthorized', 9, 9, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
        ['env.node-tls-reject-unauthorized', 15, 7, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
      ],
    ));
});

describe('real-code classes conf 10: C# protocol pins over lines, by number and through constants', () => {
  it('a `|` chain that continues on the next line is one finding, on its first line', () =>
    assert.deepStrictEqual(
      hits(
        `public HttpHelper(int timeOut)
{
    ServicePointManager.Expect100Continue = true;
    ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3
        | SecurityProtocolType.Tls
        | SecurityProtocolType.Tls12;
    var sslStream = new SslStream(inner);
    sslStream.AuthenticateAsClient(host, null, SslProtocols.Tls | SslProtocols.Tls11, false);
}
`,
        'Http/HttpHelper.cs',
      ),
      [
        ['csharp.obsolete-tls-version', 4, 44, 'SecurityProtocolType.Ssl3'],
        ['csharp.obsolete-tls-version', 8, 48, 'SslProtocols.Tls'],
        ['csharp.obsolete-tls-version', 8, 67, 'SslProtocols.Tls11'],
      ],
    ));

  it('numeric casts (.NET 4.0 code): 768 / 0x300 / 192 are obsolete, 3072 and 0 are not', () =>
    assert.deepStrictEqual(
      hits(
        `ServicePointManager.SecurityProtocol = (SecurityProtocolType)3072;
ServicePointManager.SecurityProtocol = (SecurityProtocolType)768 | (SecurityProtocolType)3072;
ServicePointManager.SecurityProtocol |= (SecurityProtocolType)0x00000C0;
handler.SslProtocols = (SslProtocols)0;
if (ServicePointManager.SecurityProtocol == (SecurityProtocolType)192) Log("legacy");
`,
        'Net/Setup.cs',
      ),
      [
        ['csharp.obsolete-tls-version', 2, 40, '(SecurityProtocolType)768'],
        ['csharp.obsolete-tls-version', 3, 41, '(SecurityProtocolType)0x00000C0'],
      ],
    ));

  it('constants holding an obsolete value are found where they are set; an unused one on its value', () => {
    const found = scanText(
      `namespace Launcher
{
    public static class Protocols
    {
        private const SslProtocols _Tls12 = (SslProtocols)0x00000C00;
        private const SslProtocols _Tls11 = (SslProtocols)0x00000300;
        private const SecurityProtocolType Tls11 = (SecurityProtocolType)_Tls11;
        private const SecurityProtocolType Tls12 = (SecurityProtocolType)_Tls12;
        private static readonly SslProtocols Legacy = SslProtocols.Tls;

        public static void SetUp()
        {
            if (ServicePointManager.SecurityProtocol == Tls11) return;
            ServicePointManager.SecurityProtocol = Tls12 | Tls11;
        }
    }
}
`,
      'Launcher/Protocols.cs',
      { testFileSeverity: 'default' },
    );
    assert.deepStrictEqual(
      found.map((f) => [f.range.start.line + 1, f.value, f.related?.map((r) => r.range.start.line + 1)]),
      [
        [9, 'SslProtocols.Tls', undefined],
        [14, 'Tls11', [6]],
      ],
    );
  });
});

describe('real-code classes conf 10: shell excerpts that begin inside a write', () => {
  it("printf's continued argument lines then the redirect: each argument is a line of the written file", () =>
    assert.deepStrictEqual(
      hits(
        `  "channels:" \\
  "  - \${ART_URL}/api/conda/conda-main" \\
  "ssl_verify: false" \\
  > /home/app/.condarc
  "verbose: true" \\
  "ssl_verify: false" \\
  > build/report.txt
`,
        'setup_env.sh',
      ),
      [['config.condarc-ssl-verify', 3, 4, 'ssl_verify: false']],
    ));

  it("an echo's quoted text closed on a later line: judged as the file it lands in, the commands after it analysed", () =>
    assert.deepStrictEqual(
      hits(
        `  - https://mirror.lan/conda-forge/
ssl_verify: /etc/ssl/certs/ca-certificates.crt
report_errors: false" > ~/.condarc
sudo mv /etc/conda/condarc /etc/conda/condarc_bak
conda config --set ssl_verify no
`,
        'setup_conda.sh',
      ),
      [['shell.conda-ssl-verify-false', 5, 20, 'ssl_verify no']],
    ));

  it('the same quoted text written somewhere else, or a script that begins with its shebang, stays as it was', () => {
    assert.deepStrictEqual(hits('channels: [x]\nssl_verify: false" > "$LOG"\necho done\n', 'setup_conda.sh'), []);
    assert.deepStrictEqual(hits('#!/bin/sh\nssl_verify: false" > ~/.condarc\n', 'setup.sh'), []);
  });
});

describe('real-code classes conf 10: C# callbacks registered by name', () => {
  const CS = `public static class CertificatePolicy
{
    /// <summary>Sets the cert policy.</summary>
    public static void Install()
    {
        ServicePointManager.ServerCertificateValidationCallback += ValidateRemoteCertificate;
        var legacy = new RemoteCertificateValidationCallback(ValidateRemoteCertificate);
    }

    private static bool ValidateRemoteCertificate(object sender, X509Certificate cert, X509Chain chain, SslPolicyErrors error)
    {
        Debug.WriteLine("Trusting X509Certificate '" + cert.Subject + "'");
        return true;
    }

    private static bool Unused(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e)
    {
        _logger.LogWarning("accepting {Subject}", c.Subject);
        return true;
    }

    private static bool Checked(object s, X509Certificate c, X509Chain ch, SslPolicyErrors e)
    {
        Debug.WriteLine(e);
        return e == SslPolicyErrors.None;
    }

    public static void InstallChecked() => ServicePointManager.ServerCertificateValidationCallback += Checked;
}
`;
  it('a method that only logs and says yes: found at each registration, the method related; unregistered at itself', () => {
    const found = scanText(CS, 'Net/CertificatePolicy.cs', { testFileSeverity: 'default' });
    assert.deepStrictEqual(
      found.map((f) => [f.ruleId, f.range.start.line + 1, f.value, f.related?.map((r) => r.range.start.line + 1)]),
      [
        [
          'csharp.validation-callback-accepts-all',
          6,
          'ServerCertificateValidationCallback += ValidateRemoteCertificate',
          [10],
        ],
        [
          'csharp.validation-callback-accepts-all',
          7,
          'RemoteCertificateValidationCallback(ValidateRemoteCertificate',
          [10],
        ],
        ['csharp.validation-callback-accepts-all', 16, found[2]?.value, undefined],
      ],
    );
    assert.match(found[2].value, /^Unused\(/);
  });
});

describe('real-code classes conf 10: Java SQL Server connections', () => {
  it('a JDBC URL held in a local or a constant is found at DriverManager.getConnection, not at a log line', () =>
    assert.deepStrictEqual(
      hits(
        `public class ConnectDB {
    private static final String URL =
        "jdbc:sqlserver://db:1433;encrypt=true;databaseName=app";
    private static final String LAB = "jdbc:sqlserver://lab:1433;encrypt=true;trustServerCertificate=true";

    public Connection open(String user, String password) throws Exception {
        String url = "jdbc:sqlserver://localhost:1433;encrypt=true;trustServerCertificate=true;databaseName=test";
        System.out.println("connecting to " + url);
        Class.forName("com.microsoft.sqlserver.jdbc.SQLServerDriver");
        Connection c = DriverManager.getConnection(url, user, password);
        Connection lab = DriverManager.getConnection(LAB, user, password);
        return DriverManager.getConnection(URL, user, password);
    }
}
`,
        'src/main/java/util/ConnectDB.java',
      ),
      [
        ['connection.sqlserver-trust-server-certificate', 10, 52, 'url'],
        ['connection.sqlserver-trust-server-certificate', 11, 54, 'LAB'],
      ],
    ));

  it("mssql-jdbc's data source setter and driver property; false and comments stay quiet", () =>
    assert.deepStrictEqual(
      hits(
        `SQLServerDataSource ds = new SQLServerDataSource();
ds.setServerName("localhost");
ds.setTrustServerCertificate(true);
// trustServerCertificate=true;
// ds.setTrustServerCertificate(true);
other.setTrustServerCertificate(false);
Properties props = new Properties();
props.setProperty("trustServerCertificate", "true");
props.put("trustServerCertificate", "false");
`,
        'src/Java2SqlServer.java',
      ),
      [
        ['connection.sqlserver-trust-server-certificate', 3, 4, 'setTrustServerCertificate(true)'],
        ['connection.sqlserver-trust-server-certificate', 8, 19, '"trustServerCertificate", "true"'],
      ],
    ));
});

describe('real-code classes conf 10: Windows batch files', () => {
  it('command lines after @ / call, ^ continuations and set NAME=value; REM, :: and echo text stay quiet', () =>
    assert.deepStrictEqual(
      hits(
        [
          '@echo off',
          'REM curl -k https://build.lan/x is what the old script did',
          ':: set NODE_TLS_REJECT_UNAUTHORIZED=0',
          'set NODE_TLS_REJECT_UNAUTHORIZED=0',
          'set "GIT_SSL_NO_VERIFY=true"',
          'set PYTHONHTTPSVERIFY=%PY_VERIFY%',
          '    echo === npm install ^(viewer bundles^) ===',
          '    call npm install --strict-ssl=false --no-audit --no-fund',
          '    if errorlevel 1 ( echo [ERROR] npm install failed. & goto :fail )',
          'curl --cacert corp.pem ^',
          '  -k https://build.lan/artifact.zip',
          'echo use curl -k to skip the check',
          ':fail',
          '',
        ].join('\r\n'),
        'tools/setup.bat',
      ),
      [
        ['env.node-tls-reject-unauthorized', 4, 5, 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
        ['env.git-ssl-no-verify', 5, 6, 'GIT_SSL_NO_VERIFY=true'],
        ['shell.npm-strict-ssl-false', 8, 22, '--strict-ssl=false'],
        ['shell.curl-insecure', 11, 3, '-k'],
      ],
    ));
});

describe("real-code classes conf 10: Faraday's connection block, a doubled RUN", () => {
  it('ssl[:verify] / ssl["verify"] / ssl.verify set to false or to a condition with a false branch; true and reads stay', () =>
    assert.deepStrictEqual(
      hits(
        `Flexirest::Base.faraday_config do |faraday|
  faraday.adapter(:net_http)
  faraday.options.timeout       = 30
  faraday.ssl['verify']         =  Rails.env.production? ? true : false
end

Faraday.new(url: ENV['FARADAY_URL']) do |conn|
  conn.ssl.verify = true
  conn.ssl.ca_file = ENV['CA_PATH']
  conn.ssl[:verify] = false if ENV['LAB']
  # conn.ssl.verify = false
  Rails.logger.warn('unverified') if conn.ssl.verify == false
  conn.ssl.verify = ENV.fetch('VERIFY', 'true') == 'true'
end
`,
        'config/initializers/faraday.rb',
      ),
      [
        ['ruby.verify-false', 4, 10, ".ssl['verify']         =  Rails.env.production? ? true : false"],
        ['ruby.verify-false', 10, 7, '.ssl[:verify] = false'],
      ],
    ));

  it('a Dockerfile instruction word written twice still runs its command', () =>
    assert.deepStrictEqual(
      hits(
        'FROM node:latest\nRUN RUN npm config set strict-ssl false\nRUN npm install\n',
        'dockerfile/node.dockerfile',
      ),
      [['shell.npm-strict-ssl-false', 2, 24, 'strict-ssl false']],
    ));
});

describe('real-code classes conf 10: values far from their use (YAML anchors, shell option variables)', () => {
  it('a Compose extension map merged (<<: *x) or aliased into environment: found once where it is written', () =>
    assert.deepStrictEqual(
      hits(
        `x-env: &common-env
  NODE_TLS_REJECT_UNAUTHORIZED: "0"
  LOG_LEVEL: debug
x-labels: &labels
  NODE_TLS_REJECT_UNAUTHORIZED: "0"
services:
  api:
    image: api
    labels: *labels
    environment:
      <<: *common-env
      PORT: "8080"
  worker:
    image: worker
    environment: *common-env
`,
        'docker-compose.yml',
      ),
      [['env.node-tls-reject-unauthorized', 2, 3, 'NODE_TLS_REJECT_UNAUTHORIZED: "0"']],
    ));

  it('a CI variables map that carries an anchor is still read; a job that takes it by alias adds nothing', () =>
    assert.deepStrictEqual(
      hits(
        'variables: &vars\n  GIT_SSL_NO_VERIFY: "true"\nbuild:\n  variables: *vars\n  script:\n    - make\n',
        '.gitlab-ci.yml',
      ),
      [['env.git-ssl-no-verify', 2, 3, 'GIT_SSL_NO_VERIFY: "true"']],
    ));

  it('git options held in a variable expanded on a line with no TLS word; a variable never expanded by git stays', () =>
    assert.deepStrictEqual(
      hits(
        `#!/bin/bash
GIT_FLAGS="-c http.sslVerify=false"
NOTE="-c http.sslVerify=false is what the old runner used"
for repo in a b c; do
  git $GIT_FLAGS clone "https://git.lan/$repo.git"
done
echo "$NOTE"
`,
        'scripts/mirror.sh',
      ),
      [['shell.git-ssl-verify-false', 2, 15, 'http.sslVerify=false']],
    ));
});

describe('real-code classes conf 10: a CI excerpt that begins on the commands of a run block', () => {
  it('the leading indented lines are a script; an excerpt that opens on a key or an item is read as before', () => {
    assert.deepStrictEqual(
      hits(
        `          echo "Enabling insecure-skip-tls-verify (LAB ONLY)."
          kubectl --kubeconfig kubeconfig.patched config set-cluster "$CLUSTER" --insecure-skip-tls-verify=true >/dev/null
        fi

        export KUBECONFIG="$PWD/kubeconfig.patched"
  deploy:
    steps:
      - run: kubectl apply -f k8s/
`,
        '.github/workflows/deploy.yml',
      ),
      [['shell.kube-insecure-skip-tls-verify', 2, 81, '--insecure-skip-tls-verify=true']],
    );
    assert.deepStrictEqual(
      hits(
        '    steps:\n      - name: note\n        run: echo "kubectl --insecure-skip-tls-verify is not used"\n',
        'ci.yml',
      ),
      [],
    );
  });
});

describe('real-code classes conf 10: redis URLs with TLS switches in config files and scripts', () => {
  it('.env, a Kubernetes env value and a release script; required / true and comments stay quiet', () => {
    assert.deepStrictEqual(
      hits(
        '# REDIS_URL=rediss://r:6380/0?ssl_cert_reqs=none\nREDIS_URL=rediss://:pw@redis:6379/0?ssl_cert_reqs=none\nCACHE_URL=rediss://c:6380/1?ssl_cert_reqs=required\n',
        '.env',
      ),
      [['python.redis-ssl-cert-reqs-none', 2, 37, 'ssl_cert_reqs=none']],
    );
    assert.deepStrictEqual(
      hits(
        'env:\n  - name: CELERY_BROKER_URL\n    value: "rediss://r:6380/0?ssl_cert_reqs=CERT_NONE"\n',
        'k8s/worker.yaml',
      ),
      [['python.redis-ssl-cert-reqs-none', 3, 31, 'ssl_cert_reqs=CERT_NONE']],
    );
    assert.deepStrictEqual(
      hits(
        'write_secret backend_redis_url "rediss://:${REDIS_PASSWORD}@redis:6379/0?ssl_cert_reqs=required&ssl_check_hostname=false"\nwrite_secret cache_url "rediss://c:6380/0?ssl_check_hostname=true"\n',
        'packaging/build-release.sh',
      ),
      [['python.redis-ssl-check-hostname-false', 1, 97, 'ssl_check_hostname=false']],
    );
  });

  it('in Python code the python family finds it once (the connection family leaves code files alone)', () =>
    assert.deepStrictEqual(
      hits('import redis\nr = redis.Redis.from_url("rediss://r:6380/0?ssl_cert_reqs=none")\n', 'app/cache.py').map(
        ([id, line]) => [id, line],
      ),
      [['python.redis-ssl-cert-reqs-none', 2]],
    ));
});
