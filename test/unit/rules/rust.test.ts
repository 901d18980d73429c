import { expectNone, expectOne } from './helpers';

describe('rules: rust', () => {
  it('finds danger_accept_invalid_certs(true)', () =>
    expectOne(
      'let c = reqwest::Client::builder()\n    .danger_accept_invalid_certs(true)\n    .build()?;',
      'main.rs',
      'rust.danger-accept-invalid-certs',
      'danger_accept_invalid_certs(true)',
    ));
  it('finds danger_accept_invalid_hostnames(true)', () =>
    expectOne(
      "fn f<'a>(b: &'a str) { TlsConnector::builder().danger_accept_invalid_hostnames(true); }",
      'lib.rs',
      'rust.danger-accept-invalid-hostnames',
      'danger_accept_invalid_hostnames(true)',
    ));
  for (const code of [
    'builder.danger_accept_invalid_certs(false)',
    'builder.danger_accept_invalid_certs(insecure)',
    '// builder.danger_accept_invalid_certs(true)',
    'let s = "danger_accept_invalid_certs(true)";',
    'let s = r#"danger_accept_invalid_certs(true)"#;',
  ]) {
    it(`ignores: ${code}`, () => expectNone(code, 'main.rs'));
  }
});
