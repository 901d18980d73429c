// Classes of switches the fresh held-out set check6 exposed (issue 18, tuning round 11): each with the forms seen in
// public code, written here as fixtures with exact places, and the look-alikes that must stay quiet.
import * as assert from 'assert';
import { hits } from './helpers';
import { scanText } from '../../../src/core/scan/index';

const CURL = 'shell.curl-insecure';
const GIT = 'shell.git-ssl-verify-false';

describe('real-code classes 9: round 11 (check6)', () => {
  it('shell: curl -k in a flag bundle run through bats `run`, a quoted `run "…"` inside "$(…)", a *_curl wrapper', () => {
    assert.deepStrictEqual(
      hits(
        '@test "health over https" {\n  run curl -fsSk https://app.test/health\n  [ "$status" -eq 0 ]\n}\n',
        'test/health.bats',
      ),
      [[CURL, 2, 12, '-fsSk']],
    );
    assert.deepStrictEqual(
      hits(
        `CODE="$(run "curl -sSk -o /dev/null -w '%{http_code}' https://127.0.0.1/ 2>/dev/null" || echo 000)"\n`,
        'check.sh',
      ),
      [[CURL, 1, 19, '-sSk']],
    );
    assert.deepStrictEqual(hits('STATUS="$(curl -kfsSL https://10.0.0.5:8443/status)"\n', 'probe.sh'), [
      [CURL, 1, 16, '-kfsSL'],
    ]);
    assert.deepStrictEqual(
      hits('api_curl() { curl --retry 3 "$@"; }\nOUT=$(api_curl -sSk -m 5 "https://$HOST/api/jobs")\n', 'jobs.sh'),
      [[CURL, 2, 16, '-sSk']],
    );
  });

  it('shell: a function of the script passing its arguments to curl, called with -k (its calls name no curl)', () => {
    assert.deepStrictEqual(
      hits(
        'api() { curl -s --retry 2 "$@"; }\nOUT=$(api -sSk "https://$HOST/api")\napi -k https://y.test\nls -k\n',
        'ops.sh',
      ),
      [
        [CURL, 2, 11, '-sSk'],
        [CURL, 3, 5, '-k'],
      ],
    );
    assert.deepStrictEqual(
      hits('function fetch_json { curl -fsS "$@" | jq .; }\nfetch_json --insecure https://x.test\n', 'j.sh'),
      [[CURL, 2, 12, '--insecure']],
    );
    // "$@" given to another command than curl, or a function that runs no curl: its -k is not curl's.
    for (const text of [
      'api() { curl -s --cacert ca.pem https://x.test; echo "$@"; }\napi -k\n',
      'log() { echo "$@"; }\nlog -k curl\n',
    ]) {
      assert.deepStrictEqual(hits(text, 'ops.sh'), [], text);
    }
  });

  it('shell: look-alikes stay quiet (a message, -k of another wrapper, a k that is an option value, curl-config)', () => {
    for (const text of [
      'echo "use $(printf %s curl) with care"\n',
      'run ls -k /tmp\n',
      'MSG="$(echo "curl -k is not allowed")"\n',
      'X="$(curl -sS -H k https://x.test)"\n',
      'curl-config -k\n',
      'api_call -sSk https://x.test\n',
      'OUT="$(curl -sS --cacert /etc/ssl/ca.pem https://x.test)"\n',
    ]) {
      assert.deepStrictEqual(hits(text, 'a.sh'), [], text);
    }
  });

  it('JavaScript: curl -k in the command string a helper runs (the string joined with +), in a file read for strings', () => {
    assert.deepStrictEqual(
      hits(
        `import { execSync } from 'node:child_process';\nconst sh = (c) => execSync(c, { encoding: 'utf8' });\nsh('git config --global http.sslVerify false');\nconst out = sh('curl -sSk --max-time 30 ' + AUTH + ' "' + API + '"');\n`,
        'scripts/push.mjs',
      ),
      [
        [GIT, 3, 25, 'http.sslVerify false'],
        [CURL, 4, 22, '-sSk'],
      ],
    );
    // A message about curl -k, and a curl without -k, are not commands with the switch.
    assert.deepStrictEqual(
      hits(
        `execSync('git config http.sslVerify true');\nconsole.log('curl -k is unsafe');\nexecSync('curl -sS ' + url);\n`,
        'a.js',
      ),
      [],
    );
  });

  it('git -c http.sslVerify=false from expect `spawn` and PowerShell `& $GIT`; pip options in a PIP_ variable', () => {
    assert.deepStrictEqual(
      hits(
        '#!/usr/bin/expect\nset REPO [lindex $argv 0]\nspawn git -c http.sslVerify=false clone $REPO\nexpect "Username"\n',
        'cloner',
      ),
      [[GIT, 3, 14, 'http.sslVerify=false']],
    );
    assert.deepStrictEqual(
      hits('$btn.Add_Click({\n\t& $GIT -c http.sslVerify=false clone $repoUrl\n})\n', 'tools/gui.ps1'),
      [[GIT, 2, 12, 'http.sslVerify=false']],
    );
    assert.deepStrictEqual(
      hits(
        'if [ "$CN" = 1 ]; then\n  PIP_ARGS="-i https://mirror.example.cn/simple --trusted-host mirror.example.cn"\nfi\n',
        'setup.sh',
      ),
      [['shell.pip-trusted-host', 2, 49, '--trusted-host mirror.example.cn']],
    );
    for (const text of [
      'spawn git clone $REPO\n',
      'PIP_ARGS="-i https://mirror.example.cn/simple"\n',
      'NOTE="-i https://mirror/simple --trusted-host mirror"\n',
    ]) {
      assert.deepStrictEqual(hits(text, 'setup.sh'), [], text);
    }
    assert.deepStrictEqual(hits('& $GIT clone $repoUrl\n$x = Get-Item -Path C:\\certs\n', 'a.ps1'), []);
  });

  it('PowerShell: New-PSSessionOption -SkipCACheck / -SkipCNCheck (WinRM over HTTPS accepting any certificate)', () => {
    assert.deepStrictEqual(
      hits(
        '$opt = New-PSSessionOption -SkipCACheck -SkipCNCheck\nEnter-PSSession -ComputerName srv -UseSSL -SessionOption $opt\n',
        'remote.ps1',
      ),
      [
        ['shell.tool-insecure-flag', 1, 28, '-SkipCACheck'],
        ['shell.tool-insecure-flag', 1, 41, '-SkipCNCheck'],
      ],
    );
    assert.deepStrictEqual(
      hits('$opt = New-PSSessionOption -SkipRevocationCheck -OperationTimeout 5000\n', 'remote.ps1'),
      [],
    );
  });

  it('C#: an accept-all lambda on the line after `+=` is found on the lambda line; on one line, at the property', () => {
    const CB = 'csharp.validation-callback-accepts-all';
    assert.deepStrictEqual(
      hits(
        'static void Init()\n{\n    ServicePointManager.ServerCertificateValidationCallback +=\n        (sender, cert, chain, errors) => true;\n}\n',
        'Search.cs',
      ),
      [[CB, 4, 9, '(sender, cert, chain, errors) => true']],
    );
    assert.deepStrictEqual(
      hits('handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => true;\n', 'Api.cs'),
      [[CB, 1, 9, 'ServerCertificateCustomValidationCallback = (m, c, ch, e) => true']],
    );
    // A lambda on the next line that checks the errors is not one.
    assert.deepStrictEqual(
      hits(
        'ServicePointManager.ServerCertificateValidationCallback +=\n    (s, c, ch, e) => e == SslPolicyErrors.None;\n',
        'Ok.cs',
      ),
      [],
    );
  });

  it('C#: a callback registered by name whose method only declares locals before `return true`', () => {
    const CB = 'csharp.validation-callback-accepts-all';
    const text = `public static void Initialize()
{
    ServicePointManager.ServerCertificateValidationCallback = AcceptPinned;
}

static bool AcceptPinned(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
{
    string key = certificate?.GetPublicKeyString();
    var expected = Settings.PinnedKey;
    return true;
}
`;
    assert.deepStrictEqual(
      hits(text, 'Pinning.cs').map(([id, line, col]) => [id, line, col]),
      [[CB, 3, 25]],
    );
    // The same method comparing the key, or throwing first, can refuse.
    for (const body of [
      'string key = certificate?.GetPublicKeyString();\n    return key == Settings.PinnedKey;',
      'var key = certificate.GetPublicKeyString();\n    if (key != Pin) return false;\n    return true;',
      'string key = certificate?.GetPublicKeyString();\n    Check(key);\n    return true;',
    ]) {
      assert.deepStrictEqual(hits(text.replace(/string key[\s\S]*return true;/, body), 'Pinning.cs'), [], body);
    }
  });

  it("Go: client-go's TLSClientConfig held in a variable and switched to Insecure later (a fallback branch)", () => {
    const KUBE = 'go.kube-client-insecure';
    const text = `func restConfig(c Cluster) *rest.Config {
	tlsConfig := rest.TLSClientConfig{Insecure: false}
	if _, err := certutil.NewPoolFromBytes(c.CA); err != nil {
		tlsConfig.Insecure = true
		log.Printf("bad CA, setting Insecure=true")
	} else {
		tlsConfig.CAData = c.CA
	}
	return &rest.Config{Host: c.Host, TLSClientConfig: tlsConfig}
}
`;
    assert.deepStrictEqual(hits(text, 'pkg/cluster.go'), [[KUBE, 4, 3, 'tlsConfig.Insecure = true']]);
    assert.deepStrictEqual(
      hits('var tc rest.TLSClientConfig\nif spec.Insecure {\n\ttc.Insecure = true\n}\n', 'client.go'),
      [[KUBE, 3, 2, 'tc.Insecure = true']],
    );
    // Set false, another variable's Insecure, or the user's own TLSClientConfig type: not client-go's switch.
    for (const t of [
      'tc := rest.TLSClientConfig{}\ntc.Insecure = false\n',
      'tc := rest.TLSClientConfig{}\nopts.Insecure = true\n',
      'type TLSClientConfig struct{ Insecure bool }\n\nfunc f() {\n\ttc := TLSClientConfig{}\n\ttc.Insecure = true\n}\n',
    ]) {
      assert.deepStrictEqual(hits(t, 'client.go'), [], t);
    }
  });

  it("Python: pywinrm's server_cert_validation='ignore', written in the call or through a parameter default", () => {
    const WINRM = 'python.winrm-server-cert-validation-ignore';
    const text = `import winrm


class NtlmSession(winrm.Session):
    def __init__(self, endpoint, auth, transport="ntlm", validation="ignore"):
        user, password = auth
        self.protocol = winrm.Protocol(
            endpoint=endpoint,
            transport=transport,
            username=user,
            password=password,
            server_cert_validation=validation,
        )
`;
    const found = scanText(text, 'plugins/winrm/ntlm.py', { testFileSeverity: 'default' });
    assert.deepStrictEqual(
      found.map((f) => [f.ruleId, f.range.start.line + 1, f.range.start.character + 1, f.value]),
      [[WINRM, 12, 13, 'server_cert_validation=validation']],
    );
    assert.deepStrictEqual(found[0].related?.[0].range.start.line, 4);
    assert.deepStrictEqual(hits(`s = winrm.Session(host, auth=(u, p), server_cert_validation='ignore')\n`, 'run.py'), [
      [WINRM, 1, 38, "server_cert_validation='ignore'"],
    ]);
    for (const t of [
      `s = winrm.Session(host, auth=(u, p), server_cert_validation='validate')\n`,
      `def make(host, server_cert_validation='ignore'):\n    return host\n`,
      `mode = 'validate'\ns = winrm.Session(host, auth=(u, p), server_cert_validation=mode)\n`,
      `# server_cert_validation='ignore'\ns = winrm.Session(host, auth=(u, p))\n`,
    ]) {
      assert.deepStrictEqual(hits(t, 'run.py'), [], t);
    }
  });
});
