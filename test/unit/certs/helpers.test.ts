import * as assert from 'assert';
import { ensureGitignored, gitignoreLine } from '../../../src/core/certs/gitignore';
import { linuxFamily, trustCommands } from '../../../src/core/certs/ostrust';
import { serverSnippets } from '../../../src/core/certs/snippets';

describe('certs/gitignore ensureGitignored', () => {
  const cases: [string, string, string | undefined][] = [
    ['', '.certs', '# TLS Doctor development certificates and private keys\n/.certs/\n'],
    ['node_modules\n', '.certs', 'node_modules\n\n# TLS Doctor development certificates and private keys\n/.certs/\n'],
    ['node_modules', './.certs/', 'node_modules\n\n# TLS Doctor development certificates and private keys\n/.certs/\n'],
    ['dist\r\n', '.certs', 'dist\r\n\r\n# TLS Doctor development certificates and private keys\r\n/.certs/\r\n'],
    ['.certs/\n', '.certs', undefined],
    ['/.certs\n', '.certs', undefined],
    ['*.pem\n', '.certs', undefined],
    [
      '.certs/\n!.certs/\n',
      '.certs',
      '.certs/\n!.certs/\n\n# TLS Doctor development certificates and private keys\n/.certs/\n',
    ],
    ['tls/\n', 'tls/dev', undefined],
  ];
  for (const [text, dir, expected] of cases) {
    it(`${JSON.stringify(text)} + ${dir}`, () => assert.strictEqual(ensureGitignored(text, dir), expected));
  }
  it('refuses folders outside the workspace', () => {
    assert.throws(() => gitignoreLine('../x'), /must be inside the workspace/);
    assert.throws(() => gitignoreLine('/abs'), /must be inside the workspace/);
  });
});

describe('certs/ostrust trustCommands', () => {
  const ca = {
    certPath: '/home/u/.local/share/tls-doctor/rootCA.pem',
    sha256: 'AB'.repeat(32),
    sha1: 'CD'.repeat(20),
    serial: '4F'.repeat(16),
  };

  it('Debian/Ubuntu: a .crt anchor named by fingerprint, update-ca-certificates', () => {
    const c = trustCommands('linux', ca, 'ID=ubuntu\nID_LIKE=debian\n');
    assert.strictEqual(
      c.install,
      `sudo install -m 0644 ${ca.certPath} /usr/local/share/ca-certificates/tls-doctor-abababababababab.crt && sudo update-ca-certificates`,
    );
    assert.strictEqual(
      c.uninstall,
      'sudo rm -f /usr/local/share/ca-certificates/tls-doctor-abababababababab.crt && sudo update-ca-certificates --fresh',
    );
  });
  it('Fedora/RHEL: ca-trust anchors, update-ca-trust', () => {
    const c = trustCommands('linux', ca, 'ID="rocky"\nID_LIKE="rhel centos fedora"\n');
    assert.match(
      c.install,
      /\/etc\/pki\/ca-trust\/source\/anchors\/tls-doctor-abababababababab\.pem && sudo update-ca-trust$/,
    );
    assert.strictEqual(linuxFamily('ID=arch\n'), 'arch');
  });
  it('macOS: System keychain as trustRoot; removal by SHA-1', () => {
    const c = trustCommands('darwin', {
      ...ca,
      certPath: '/Users/u/Library/Application Support/tls-doctor/rootCA.pem',
    });
    assert.strictEqual(
      c.install,
      "sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain '/Users/u/Library/Application Support/tls-doctor/rootCA.pem'",
    );
    assert.strictEqual(
      c.uninstall,
      `sudo security delete-certificate -Z ${ca.sha1} /Library/Keychains/System.keychain`,
    );
  });
  it('Windows: the user Root store; removal by serial', () => {
    const c = trustCommands('win32', { ...ca, certPath: 'C:\\Users\\u\\AppData\\Local\\tls-doctor\\rootCA.pem' });
    assert.strictEqual(
      c.install,
      'certutil -addstore -user Root "C:\\Users\\u\\AppData\\Local\\tls-doctor\\rootCA.pem"',
    );
    assert.strictEqual(c.uninstall, `certutil -delstore -user Root ${ca.serial}`);
  });
});

describe('certs/snippets serverSnippets', () => {
  it('puts the paths into each server configuration', () => {
    const s = Object.fromEntries(
      serverSnippets({ cert: '.certs/cert.pem', key: '.certs/key.pem' }).map((x) => [x.id, x.code]),
    );
    assert.strictEqual(
      s.flask,
      'app.run(host="localhost", port=5000, ssl_context=(".certs/cert.pem", ".certs/key.pem"))\n',
    );
    assert.strictEqual(s.uvicorn, 'uvicorn main:app --ssl-certfile .certs/cert.pem --ssl-keyfile .certs/key.pem\n');
    assert.match(
      s.node,
      /https\.createServer\(\{ cert: fs\.readFileSync\("\.certs\/cert\.pem"\), key: fs\.readFileSync\("\.certs\/key\.pem"\) \}/,
    );
    assert.match(s.vite, /server: \{ https: \{ cert: fs\.readFileSync\("\.certs\/cert\.pem"\)/);
    assert.match(
      s.webpack,
      /server: \{ type: 'https', options: \{ cert: "\.certs\/cert\.pem", key: "\.certs\/key\.pem" \} \}/,
    );
  });
});
