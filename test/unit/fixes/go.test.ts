import * as assert from 'assert';
import { remove, trust } from './helpers';

const RULE = 'go.insecure-skip-verify';
const HELPER = `
// loadRootCAs reads a PEM CA bundle into a certificate pool, so TLS verification stays on for a private CA.
func loadRootCAs(path string) *x509.CertPool {
\tpem, err := os.ReadFile(path)
\tif err != nil {
\t\tpanic("reading CA bundle: " + err.Error())
\t}
\tpool := x509.NewCertPool()
\tif !pool.AppendCertsFromPEM(pem) {
\t\tpanic("no PEM certificates in CA bundle " + path)
\t}
\treturn pool
}
`;

describe('fixes: Go', () => {
  it('InsecureSkipVerify: true → RootCAs from the bundle, imports added in gofmt order, helper appended', () => {
    const before =
      'package main\n\nimport (\n\t"crypto/tls"\n\t"net/http"\n)\n\nfunc main() {\n\tc := &tls.Config{InsecureSkipVerify: true}\n\t_ = c\n}\n';
    assert.strictEqual(
      trust(before, 'main.go', RULE),
      'package main\n\nimport (\n\t"crypto/tls"\n\t"crypto/x509"\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\tc := &tls.Config{RootCAs: loadRootCAs(".certs/bundle.pem")}\n\t_ = c\n}\n' +
        HELPER,
    );
  });

  it('single-line imports, an assignment, an existing os import, and a Windows path', () => {
    const before =
      'package main\n\nimport "crypto/tls"\nimport "os"\n\nfunc f(c *tls.Config) {\n\tc.InsecureSkipVerify = true\n\t_ = os.Args\n}\n';
    assert.strictEqual(
      trust(before, 'f.go', RULE, 'C:\\ca\\b.pem'),
      'package main\n\nimport "crypto/tls"\nimport "os"\nimport "crypto/x509"\n\nfunc f(c *tls.Config) {\n\tc.RootCAs = loadRootCAs("C:\\\\ca\\\\b.pem")\n\t_ = os.Args\n}\n' +
        HELPER,
    );
  });

  it('a second fix in the same file reuses the helper', () => {
    const before =
      'package main\n\nimport (\n\t"crypto/tls"\n\t"crypto/x509"\n\t"os"\n)\n\nvar c = &tls.Config{InsecureSkipVerify: true}\n' +
      HELPER;
    assert.strictEqual(
      trust(before, 'v.go', RULE),
      before.replace('InsecureSkipVerify: true', 'RootCAs: loadRootCAs(".certs/bundle.pem")'),
    );
  });

  it('remove: drops the field with its comma, or the assignment line', () => {
    assert.strictEqual(
      remove(
        'package p\nvar c = &tls.Config{\n\tMinVersion: tls.VersionTLS12,\n\tInsecureSkipVerify: true,\n}\n',
        'p.go',
        RULE,
      ),
      'package p\nvar c = &tls.Config{\n\tMinVersion: tls.VersionTLS12,\n}\n',
    );
    assert.strictEqual(
      remove('package p\nfunc f() {\n\tc.InsecureSkipVerify = true\n}\n', 'p.go', RULE),
      'package p\nfunc f() {\n}\n',
    );
  });
});
