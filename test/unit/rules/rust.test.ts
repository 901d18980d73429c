import * as assert from 'assert';
import { expectNone, expectOne, hits } from './helpers';

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

  describe('rustls verifiers that cannot fail', () => {
    const verifier = (
      body: string,
    ) => `use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};

#[derive(Debug)]
pub struct SkipVerification;

impl ServerCertVerifier for SkipVerification {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
${body}
    }

    fn verify_tls12_signature(&self, _m: &[u8], _c: &CertificateDer<'_>, _d: &DigitallySignedStruct) -> Result<HandshakeSignatureValid, rustls::Error> {
        Ok(HandshakeSignatureValid::assertion())
    }
}`;
    it('finds one that logs and accepts, spanning the whole method', () => {
      const text = verifier(
        '        debug!("server {:?} presented {} bytes", server_name, end_entity.len());\n        Ok(rustls::client::danger::ServerCertVerified::assertion())',
      );
      const found = hits(text, 'src/tls/insecure.rs');
      assert.deepStrictEqual(
        found.map(([id, line, col]) => [id, line, col]),
        [['rust.dangerous-certificate-verifier', 7, 8]],
      );
      assert.ok(found[0][3].startsWith('verify_server_cert(') && found[0][3].endsWith('assertion())\n    }'));
    });
    it('finds an explicit return of the assertion', () =>
      assert.deepStrictEqual(
        hits(verifier('        return Ok(ServerCertVerified::assertion());'), 'a.rs').map(([id]) => id),
        ['rust.dangerous-certificate-verifier'],
      ));
    for (const [what, body] of [
      [
        'a pinned fingerprint check',
        '        if digest(end_entity) != self.pin {\n            return Err(rustls::Error::General("pin".into()));\n        }\n        Ok(ServerCertVerified::assertion())',
      ],
      [
        'a delegate with ?',
        '        self.webpki.verify_server_cert(end_entity, &[], server_name, &[], _now)?;\n        Ok(ServerCertVerified::assertion())',
      ],
      [
        'a match on the name',
        '        match server_name {\n            ServerName::DnsName(_) => Ok(ServerCertVerified::assertion()),\n            _ => Err(rustls::Error::General("ip".into())),\n        }',
      ],
      [
        'a commented-out acceptance',
        '        // Ok(ServerCertVerified::assertion())\n        Err(rustls::Error::General("refused".into()))',
      ],
    ]) {
      it(`ignores a verifier with ${what}`, () => expectNone(verifier(body), 'a.rs'));
    }
    it('ignores the trait declaration and client-certificate verifiers', () =>
      expectNone(
        `pub trait ServerCertVerifier: Debug + Send + Sync {
    fn verify_server_cert(&self, end_entity: &CertificateDer<'_>, intermediates: &[CertificateDer<'_>], server_name: &ServerName<'_>, ocsp_response: &[u8], now: UnixTime) -> Result<ServerCertVerified, Error>;
}
impl ClientCertVerifier for AnyClient {
    fn verify_client_cert(&self, _e: &CertificateDer<'_>, _i: &[CertificateDer<'_>], _now: UnixTime) -> Result<ClientCertVerified, Error> {
        Ok(ClientCertVerified::assertion())
    }
}
// A "ServerCertVerified::assertion()" in a comment, and in a string:
let doc = "fn verify_server_cert(..) { Ok(ServerCertVerified::assertion()) }";`,
        'lib.rs',
      ));
  });

  describe('obsolete protocol versions', () => {
    it('finds native-tls and openssl minimums across lines', () =>
      assert.deepStrictEqual(
        hits(
          `let connector = NativeTlsConnector::builder()
    .danger_accept_invalid_certs(false)
    .min_protocol_version(Some(
        native_tls::Protocol::Tlsv11,
    ))
    .build()?;
builder.set_max_proto_version(Some(openssl::ssl::SslVersion::TLS1))?;`,
          'src/probe.rs',
        ).map(([id, line]) => [id, line]),
        [
          ['rust.obsolete-tls-version', 3],
          ['rust.obsolete-tls-version', 7],
        ],
      ));
    for (const code of [
      'b.min_protocol_version(Some(Protocol::Tlsv12));',
      'b.min_protocol_version(None);',
      'ssl.set_min_proto_version(Some(SslVersion::TLS1_2))?;',
      'const LEGACY: Option<Protocol> = Some(Protocol::Tlsv10); // a table of names',
      '// b.min_protocol_version(Some(Protocol::Tlsv10));',
    ]) {
      it(`ignores: ${code}`, () => expectNone(code, 'main.rs'));
    }
  });
});
