// Classes this round (extune5) found missing, each on short examples written here: Chromium's verifier log lines,
// Windows PowerShell 5.1's "Cmdlet : message" form and PackageManagement's bootstrap wording, and Windows' chain
// status in another language as truststore passes it on.
import * as assert from 'assert';
import { explain, identifyClient } from '../../../src/core/explain/index';

const id = (text: string) => identifyClient(text)?.id;
const lead = (text: string) => explain(text).causes[0]?.code;

describe('explain: what this round taught (extune5)', () => {
  const verifier = (reason: string) =>
    [
      '[77:0101/000000.000:ERROR:cert_verify_proc_builtin.cc(681)] CertVerifyProcBuiltin for app.example.org failed:',
      '----- Certificate i=0 (CN=app.example.org) -----',
      `ERROR: ${reason}`,
    ].join('\n');

  it("Chromium's verifier log names the host and the reason; it is an Electron app's unless a launcher relays Chrome's", () => {
    const text = verifier('No matching issuer found');
    assert.strictEqual(id(text), 'electron');
    assert.strictEqual(lead(text), 'untrusted-root');
    assert.strictEqual(explain(text).host, 'app.example.org');
    assert.strictEqual(lead(verifier('Time is after notAfter')), 'expired');
    assert.strictEqual(lead(verifier('Time is before notBefore')), 'not-yet-valid');
    assert.strictEqual(id(`  launcher chrome stderr: ${text}`), 'chrome');
  });

  it('Windows PowerShell 5.1 puts " : " after the cmdlet; an HTTP header with the same shape is no cmdlet', () => {
    assert.strictEqual(
      id("Install-Module : Unable to download from URI 'https://go.example.org/x' to ''."),
      'powershell',
    );
    assert.strictEqual(
      id('PackageManagement\\Install-PackageProvider : No match was found for the specified search criteria'),
      'powershell',
    );
    assert.strictEqual(id('Content-Type : text/html'), undefined);
  });

  it("PackageManagement's bootstrap warning alone is PowerShell's, and its cure (TLS 1.2) is PowerShell's", () => {
    const text = "WARNING: Unable to download from URI 'https://go.example.org/fwlink/?LinkID=1' to ''.";
    assert.strictEqual(id(text), 'powershell');
    assert.strictEqual(lead(text), 'handshake-failure');
    assert.strictEqual(explain(text).causes[0]?.fixes[0]?.client, 'powershell');
  });

  it("Windows' chain status in Chinese, as pip's truststore passes it on, is read, not guessed", () => {
    const text =
      "Could not fetch URL https://pypi.example.org/simple/pip/: There was a problem confirming the ssl certificate: (Caused by SSLError(SSLCertVerificationError('已处理证书链，但是在不受信任提供程序信任的根证书中终止。')))";
    const x = explain(text);
    assert.strictEqual(x.client?.id, 'pip');
    assert.strictEqual(x.causes[0]?.code, 'untrusted-root');
    assert.strictEqual(x.causes[0]?.guessed, undefined);
  });

  it('clients by their own one-line wordings, with no other name in the paste', () => {
    const cases: [string, string, string][] = [
      ['The underlying connection was closed: An unexpected error occurred on a send.', 'dotnet', 'handshake-failure'],
      [
        'OpenSSL::SSL::SSLError: hostname "a.example.org" does not match the server certificate',
        'ruby',
        'hostname-mismatch',
      ],
      ["Peer certificate CN=`a.example.org' did not match expected CN=`b.example.org'", 'php', 'hostname-mismatch'],
      [
        'ERROR: no certificate subject alternative name matches requested host name ‘a.example.org’.',
        'wget',
        'hostname-mismatch',
      ],
      ['CERT_E_CN_NO_MATCH', 'schannel', 'hostname-mismatch'],
      [
        "SSL: certificate subject name 'a.example.org' does not match target host name 'b.example.org'",
        'curl',
        'hostname-mismatch',
      ],
      ['server certificate verification failed. CAfile: none CRLfile: none', 'git', 'untrusted-root'],
      ['Error: unable to get issuer certificate', 'node', 'untrusted-root'],
    ];
    for (const [text, client, cause] of cases) {
      assert.strictEqual(id(text), client, text);
      assert.strictEqual(lead(text), cause, text);
    }
    assert.strictEqual(
      explain("Peer certificate CN=`a.example.org' did not match expected CN=`b.example.org'").host,
      'b.example.org',
    );
    assert.strictEqual(explain('hostname "a.example.org" does not match the server certificate').host, 'a.example.org');
  });

  it("Apple's Secure Transport status codes read as their causes", () => {
    assert.strictEqual(lead('SSL connect error: OSStatus -9813'), 'untrusted-root');
    assert.strictEqual(lead('errSSLCertExpired'), 'expired');
  });

  it("tune23's classes: urllib3's retry warning inside a JSON log line, an AWS CLI logger, kubeadm's 'not valid yet'", () => {
    const json =
      '{"time": "2025-01-01T00:00:00+00:00", "msg": "Retrying (Retry(total=3, connect=10, read=5, redirect=None, status=None)) after connection broken by \'SSLError(SSLCertVerificationError(1, \'[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unsuitable certificate purpose (_ssl.c:1000)\'))\': /api/v1/x", "level": "WARNING"}';
    assert.strictEqual(id(json), 'python-urllib3');
    assert.strictEqual(lead(json), 'wrong-purpose');
    assert.strictEqual(
      id(
        '2024-01-01 00:00:00,000 - MainThread - awscli.clidriver - DEBUG - Exiting with rc 255\nEOF occurred in violation of protocol (_ssl.c:590)',
      ),
      'aws',
    );
    const kubeadm =
      'Unable to connect to the server: x509: certificate has expired or is not yet valid\nfailure loading ca certificate: the certificate is not valid yet';
    assert.strictEqual(lead(kubeadm), 'not-yet-valid');
    assert.strictEqual(
      lead('Unable to connect to the server: x509: certificate has expired or is not yet valid'),
      'expired',
    );
  });

  it("curl's status line over libcurl-GnuTLS's words; WP-CLI's 'Error: curl error' is PHP's; .NET's bare wording alone", () => {
    assert.strictEqual(id('curl: (35) gnutls_handshake() failed: Error in the push function.'), 'curl');
    assert.strictEqual(id('gnutls_handshake() failed: Error in the push function.'), undefined);
    assert.strictEqual(id('curl: (60) server certificate verification failed. CAfile: none CRLfile: none'), 'curl');
    const wp =
      'Error: curl error 60 while downloading https://pkgs.example.org/packages.json: SSL certificate problem: certificate has expired';
    assert.strictEqual(id(wp), 'php');
    assert.strictEqual(
      id('Error: The "https://pkgs.example.org/packages.json" file could not be downloaded: x'),
      'php',
    );
    assert.strictEqual(id('The "https://pkgs.example.org/packages.json" file could not be downloaded: x'), 'composer');
    assert.strictEqual(
      id('  curl error 60 while downloading https://pkgs.example.org/packages.json: SSL certificate problem'),
      'composer',
    );
    assert.strictEqual(id('"The remote certificate is invalid according to the validation procedure."'), 'dotnet');
  });

  it("a PKIX wording cut off where Gradle's paste ends still reads as the building failure", () => {
    const text = [
      "> Could not GET 'https://repo.example.org/a.pom'.",
      '   > Got SSL handshake exception during request. It might be caused by SSL misconfiguration',
      '      > (certificate_unknown) PKIX path',
    ].join('\n');
    assert.strictEqual(id(text), 'gradle');
    assert.strictEqual(lead(text), 'untrusted-root');
  });
});
