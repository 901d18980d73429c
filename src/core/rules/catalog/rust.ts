// The rust rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../rust.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('rust', { surface: 'rust', file: 'main.rs' });

/** The Rust rules. */
export const RS = {
  invalidCerts: rule('danger-accept-invalid-certs', {
    title: 'danger_accept_invalid_certs(true): certificate verification is off',
    description: 'The client accepts any certificate, so anyone on the path can read and change the traffic. Add your CA with add_root_certificate(Certificate::from_pem(...)) instead.',
    concept: 'verification-off',
    client: 'rust',
    notes: 'reqwest, native-tls and tokio-native-tls builders (`danger_accept_invalid_certs(true)`, or a name bound once to `true` in the file: `let insecure = true;`, `const INSECURE: bool = true;`), and isahc `SslOption::DANGER_ACCEPT_INVALID_CERTS`. A name whose value comes from elsewhere (a flag, a config field) is not a finding.',
    examples: {
      flagged: [
        'let client = reqwest::Client::builder().«danger_accept_invalid_certs(true)».build()?;',
        `let accept_invalid = true;
let connector = native_tls::TlsConnector::builder()
    .«danger_accept_invalid_certs(accept_invalid)»
    .build()?;`,
        `let client = isahc::HttpClient::builder()
    .ssl_options(«SslOption::DANGER_ACCEPT_INVALID_CERTS» | «{rust.danger-accept-invalid-hostnames}SslOption::DANGER_ACCEPT_INVALID_HOSTS»)
    .build()?;`,
      ],
      ok: [
        `let ca = reqwest::Certificate::from_pem(&std::fs::read("/path/to/ca.pem")?)?;
let client = reqwest::Client::builder().add_root_certificate(ca).build()?;`,
        'builder.danger_accept_invalid_certs(false)',
        'builder.danger_accept_invalid_certs(insecure)',
        'let insecure = args.insecure;\nbuilder.danger_accept_invalid_certs(insecure)',
        'let mut insecure = true;\ninsecure = cfg.insecure;\nbuilder.danger_accept_invalid_certs(insecure)',
        'let s = "danger_accept_invalid_certs(true)";',
      ],
    },
  }),
  crateInvalidCerts: rule('crate-accept-invalid-certs', {
    title: 'A client crate set to accept any certificate (lettre, mysql, mongodb, kube, elasticsearch, redis #insecure)',
    description: 'These crates take a switch of their own that turns certificate verification off, so anyone on the path can read and change the traffic (mail and its password, database rows, cluster credentials). Give the client your CA instead (lettre and mysql add_root_certificates / with_root_cert_path, mongodb ca_file_path, kube a kubeconfig certificate-authority, elasticsearch CertificateValidation::Full(cert), a redis TLS certificate config).',
    concept: 'verification-off',
    client: 'rust',
    notes: 'lettre `TlsParameters::builder(host).dangerous_accept_invalid_certs(true)`, the mysql crate\'s `SslOpts::default().with_danger_accept_invalid_certs(true)`, mongodb `TlsOptions::builder().allow_invalid_certificates(true)`, kube `config.accept_invalid_certs = true` (or `accept_invalid_certs: true` in the literal), elasticsearch `CertificateValidation::None` (not a match arm), and a redis-rs `rediss://…#insecure` URL in a string. Their host-name switches (`dangerous_accept_invalid_hostnames(true)`, `allow_invalid_hostnames(true)`, `with_danger_skip_domain_validation(true)`) are [`rust.danger-accept-invalid-hostnames`](rust.danger-accept-invalid-hostnames.md). `false` and a comment are not findings.',
    examples: {
      flagged: [
        'let tls = TlsParameters::builder(host.to_owned()).«dangerous_accept_invalid_certs(true)».build()?;',
        'let ssl = SslOpts::default().«with_danger_accept_invalid_certs(true)»;',
        'let tls = TlsOptions::builder().«allow_invalid_certificates(true)».build();',
        'let mut config = Config::infer().await?;\nconfig.«accept_invalid_certs = true»;',
        'let transport = TransportBuilder::new(pool).cert_validation(«CertificateValidation::None»).build()?;',
        'let client = redis::Client::open("«rediss://cache.lan:6380/#insecure»")?;',
      ],
      ok: [
        'let tls = TlsParameters::builder(host.to_owned()).add_root_certificate(ca).build()?;',
        'let tls = TlsOptions::builder().allow_invalid_certificates(false).ca_file_path(Some(ca)).build();',
        'match validation { CertificateValidation::None => warn!("insecure"), _ => {} }',
        'let client = redis::Client::open("rediss://cache.lan:6380/")?;',
      ],
    },
  }),
  invalidHostnames: rule('danger-accept-invalid-hostnames', {
    title: 'danger_accept_invalid_hostnames(true): host names are not checked',
    description: 'The client accepts a valid certificate issued for any host. Issue the server a certificate for the name clients use instead.',
    concept: 'hostname-check-off',
    client: 'rust',
    notes: 'reqwest / native-tls `danger_accept_invalid_hostnames(true)` (or a name bound once to `true`), isahc `SslOption::DANGER_ACCEPT_INVALID_HOSTS`, and the same switch of other crates: lettre `dangerous_accept_invalid_hostnames(true)`, mongodb `allow_invalid_hostnames(true)`, the mysql crate\'s `with_danger_skip_domain_validation(true)`.',
    examples: {
      flagged: ['let client = reqwest::Client::builder().«danger_accept_invalid_hostnames(true)».build()?;'],
      ok: [
        '// Issue the server a certificate for the name clients use, and drop the call.',
        'builder.danger_accept_invalid_hostnames(false)',
      ],
    },
  }),
  opensslVerifyNone: rule('openssl-verify-none', {
    title: 'openssl set_verify(SslVerifyMode::NONE): certificate verification is off',
    description: 'An openssl connector whose verify mode is NONE (or whose verify callback always returns true) completes the handshake with any certificate, so anyone on the path can read and change the traffic. Keep SslVerifyMode::PEER and add your CA with set_ca_file("/path/to/ca.pem") instead.',
    concept: 'verification-off',
    client: 'rust',
    notes: 'The rust-openssl builders\' `set_verify(SslVerifyMode::NONE)` (or `SslVerifyMode::empty()`, the same empty set of flags; and the 0.9-era `set_verify(SSL_VERIFY_NONE)`), and `set_verify_callback(mode, |_, _| true)`. An acceptor (`SslAcceptor` without any `SslConnector` before the call) is not a finding: on a server, NONE only means no client certificate is asked for.',
    examples: {
      flagged: [
        `let mut builder = SslConnector::builder(SslMethod::tls_client())?;
builder.«set_verify(SslVerifyMode::NONE)»;`,
        `let mut connector = SslConnectorBuilder::new(SslMethod::tls()).unwrap();
connector.builder_mut().«set_verify(SSL_VERIFY_NONE)»;`,
        `let mut ssl = SslConnector::builder(SslMethod::tls())?;
ssl.«set_verify_callback(SslVerifyMode::PEER, |_ok, _ctx| true)»;`,
        `let mut builder = SslConnector::builder(SslMethod::tls())?;
builder.«set_verify(SslVerifyMode::empty())»;`,
      ],
      ok: [
        `let mut builder = SslConnector::builder(SslMethod::tls_client())?;
builder.set_ca_file("/path/to/ca.pem")?;
builder.set_verify(SslVerifyMode::PEER);`,
        `let mut acceptor = SslAcceptor::mozilla_intermediate(SslMethod::tls())?;
acceptor.set_verify(SslVerifyMode::NONE);`,
        'ssl.set_verify_callback(SslVerifyMode::PEER, |ok, ctx| ok && pinned(ctx));',
        '// builder.set_verify(SslVerifyMode::NONE);',
      ],
    },
  }),
  opensslVerifyHostname: rule('openssl-verify-hostname-false', {
    title: 'openssl verify_hostname(false): host names are not checked',
    description: 'The connection accepts a valid certificate issued for any host, so anyone holding a certificate for another name can impersonate the server. Issue the server a certificate for the name clients use, and drop the call.',
    concept: 'hostname-check-off',
    client: 'rust',
    notes: 'rust-openssl `ConnectConfiguration::verify_hostname(false)` and `set_verify_hostname(false)`.',
    examples: {
      flagged: [`let ssl = connector.configure()?
    .«verify_hostname(false)»
    .into_ssl(host)?;`],
      ok: ['let ssl = connector.configure()?.verify_hostname(true).into_ssl(host)?;', 'config.verify_hostname(!opts.skip_host_check)'],
    },
  }),
  ureqDisableVerification: rule('ureq-disable-verification', {
    title: 'ureq disable_verification(true): certificate verification is off',
    description: 'The agent accepts any certificate, so anyone on the path can read and change the traffic. Add your CA to the TlsConfig instead: .root_certs(RootCerts::new_with_certs(&[ca])).',
    concept: 'verification-off',
    client: 'rust',
    notes: 'ureq 3 `TlsConfig::builder().disable_verification(true)`, or a name bound once to `true` in the file. `disable_verification(allow_insecure)` with a value from elsewhere is not a finding.',
    examples: {
      flagged: [`let tls = ureq::tls::TlsConfig::builder()
    .provider(TlsProvider::NativeTls)
    .«disable_verification(true)»
    .build();`],
      ok: [
        `let ca = Certificate::from_pem(&std::fs::read("/path/to/ca.pem")?)?;
let tls = TlsConfig::builder().root_certs(RootCerts::new_with_certs(&[ca])).build();`,
        'TlsConfig::builder().disable_verification(allow_insecure).build()',
        'TlsConfig::builder().disable_verification(false).build()',
      ],
    },
  }),
  curlVerifyPeer: rule('curl-ssl-verify-peer-false', {
    title: 'curl ssl_verify_peer(false): certificate verification is off',
    description: 'libcurl (the curl crate) accepts any certificate for this handle, so anyone on the path can read and change the traffic. Point it at your CA instead: easy.cainfo("/path/to/ca.pem").',
    concept: 'verification-off',
    client: 'rust',
    notes: 'The curl crate\'s `Easy`/`Easy2` `ssl_verify_peer(false)` and `proxy_ssl_verify_peer(false)`.',
    examples: {
      flagged: [`let mut easy = curl::easy::Easy::new();
easy.url(url)?;
easy.«ssl_verify_peer(false)»?;`],
      ok: ['easy.cainfo("/path/to/ca.pem")?;\neasy.ssl_verify_peer(true)?;', 'easy.ssl_verify_peer(!insecure)?;'],
    },
  }),
  curlVerifyHost: rule('curl-ssl-verify-host-false', {
    title: 'curl ssl_verify_host(false): host names are not checked',
    description: 'libcurl (the curl crate) accepts a valid certificate issued for any host on this handle. Issue the server a certificate for the name clients use, and drop the call.',
    concept: 'hostname-check-off',
    client: 'rust',
    notes: 'The curl crate\'s `ssl_verify_host(false)` and `proxy_ssl_verify_host(false)`.',
    examples: {
      flagged: ['easy.«ssl_verify_host(false)»?;'],
      ok: ['easy.ssl_verify_host(true)?;'],
    },
  }),
  mbedtlsAuthNone: rule('mbedtls-authmode-none', {
    title: 'mbedtls AuthMode::None on a client: certificate verification is off',
    description: 'A client configured with AuthMode::None completes the handshake with any certificate, so anyone on the path can read and change the traffic. Use AuthMode::Required and set your CA chain (config.set_ca_list(...)) instead.',
    concept: 'verification-off',
    client: 'rust',
    notes: 'The mbedtls crate\'s `AuthMode::None` (any path, e.g. `mbedtls::ssl::config::AuthMode::None`), passed to `set_authmode` or a connector such as ureq\'s `MbedTlsConnector::new(…)`. A file that configures only a server (`Endpoint::Server`, no `Endpoint::Client`) is not a finding: there None means no client certificate is asked for. Nor are comparisons and match arms (`mode == AuthMode::None`, `AuthMode::None =>`).',
    examples: {
      flagged: [`let agent = ureq::builder()
    .tls_connector(Arc::new(mbedtls_connector::MbedTlsConnector::new(
        «mbedtls::ssl::config::AuthMode::None»,
    )))
    .build();`, `let mut config = Config::new(Endpoint::Client, Transport::Stream, Preset::Default);
config.set_authmode(«AuthMode::None»);`],
      ok: [
        `let mut config = Config::new(Endpoint::Client, Transport::Stream, Preset::Default);
config.set_authmode(AuthMode::Required);
config.set_ca_list(Arc::new(ca), None);`,
        `let mut config = Config::new(Endpoint::Server, Transport::Stream, Preset::Default);
config.set_authmode(AuthMode::None);`,
        'match mode {\n    AuthMode::None => SSL_VERIFY_NONE,\n    AuthMode::Required => SSL_VERIFY_REQUIRED,\n}',
        'if self.auth_mode == AuthMode::None { warn!("no verification"); }',
      ],
    },
  }),
  dangerousVerifier: rule('dangerous-certificate-verifier', {
    title: 'rustls ServerCertVerifier that accepts every certificate',
    description: 'A verify_server_cert that always returns Ok(ServerCertVerified::assertion()) accepts any certificate for any host, so anyone on the path can read and change the traffic. Put your CA in the RootCertStore (with_root_certificates) and drop the custom verifier.',
    severity: 'error',
    concept: 'trust-all-manager',
    client: 'rust',
    notes: 'An `fn verify_server_cert(…)` (any rustls version: `rustls::client::danger::ServerCertVerifier`, the older `rustls::ServerCertVerifier`) whose body cannot fail: it ends in `Ok(ServerCertVerified::assertion())` and holds no `Err`, `?`, `if`, `match` or `return` before it (logging macros are fine). A verifier that checks something first (a pinned fingerprint, a delegate `inner.verify_server_cert(…)?`) is not a finding, nor are the signature methods `verify_tls12_signature` / `verify_tls13_signature`.',
    examples: {
      flagged: [`impl ServerCertVerifier for NoVerifier {
    fn «verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        log::warn!("skipping certificate verification");
        Ok(ServerCertVerified::assertion())
    }»
}`, `impl rustls::ServerCertVerifier for AcceptAll {
    fn «verify_server_cert(&self, _roots: &RootCertStore, _certs: &[Certificate], _name: DNSNameRef<'_>, _ocsp: &[u8]) -> Result<ServerCertVerified, TLSError> { Ok(rustls::ServerCertVerified::assertion()) }»
}`],
      ok: [
        `let mut roots = rustls::RootCertStore::empty();
roots.add(CertificateDer::from(std::fs::read("/path/to/ca.der")?))?;
let config = rustls::ClientConfig::builder().with_root_certificates(roots).with_no_client_auth();`,
        `fn verify_server_cert(&self, end_entity: &CertificateDer<'_>, intermediates: &[CertificateDer<'_>], name: &ServerName<'_>, ocsp: &[u8], now: UnixTime) -> Result<ServerCertVerified, rustls::Error> {
    if sha256(end_entity.as_ref()) != self.pinned {
        return Err(rustls::Error::General("certificate not pinned".into()));
    }
    Ok(ServerCertVerified::assertion())
}`,
        `fn verify_server_cert(&self, e: &CertificateDer<'_>, i: &[CertificateDer<'_>], n: &ServerName<'_>, o: &[u8], now: UnixTime) -> Result<ServerCertVerified, rustls::Error> {
    self.inner.verify_server_cert(e, i, n, o, now)?;
    Ok(ServerCertVerified::assertion())
}`,
        '// fn verify_server_cert(…) -> … { Ok(ServerCertVerified::assertion()) }',
      ],
    },
  }),
  installedVerifier: rule('accept-all-verifier-installed', {
    title: 'rustls dangerous() custom verifier installed (set_certificate_verifier / with_custom_certificate_verifier)',
    description: 'The client config trusts a custom verifier whose name says it accepts every certificate (its implementation lives elsewhere), so anyone on the path can read and change the traffic. Put your CA in the RootCertStore (with_root_certificates) and drop the custom verifier.',
    severity: 'error',
    concept: 'trust-all-manager',
    client: 'rust',
    notes: 'Reported where the verifier is installed when its type is not implemented in the same file and its name says what it does (`NoCertificateVerification`, `NoVerifier`, `NullVerifier`, `IgnoreCertVerifier`, `AcceptAllVerifier`, `SkipServerVerification`, `InsecureVerifier`, `DangerousVerifier`, …). When the file holds its `impl ServerCertVerifier for …`, that body decides (see dangerous-certificate-verifier): a pinning verifier is fine whatever its name. The builder step of rustls ≥ 0.22, `.dangerous().with_custom_certificate_verifier(Arc::new(X))`, is reported whatever X is called (`AnyCertificate`, `SkipServerVerification`): the verifier there replaces WebPKI, unless X is implemented in the file (its body decides) or its name says what it checks (`PinnedVerifier`, `FingerprintVerifier`, a `WebPki…` wrapper); a verifier passed as a variable is not followed.',
    examples: {
      flagged: [`let mut config = ClientConfig::builder()
    .with_root_certificates(root_store)
    .with_no_client_auth();
config
    .dangerous()
    .«set_certificate_verifier(Arc::new(NoCertificateVerification {}))»;`, `if !verify_certificate {
    config.dangerous().«set_certificate_verifier(Arc::new(danger::NullVerifier))»;
}`, `let crypto = quinn::rustls::ClientConfig::builder()
    .dangerous()
    .«with_custom_certificate_verifier(Arc::new(AnyCertificate(provider)))»
    .with_no_client_auth();`],
      ok: [
        'config.dangerous().set_certificate_verifier(Arc::new(PinnedVerifier::new(fingerprint)));',
        'config.dangerous().set_certificate_verifier(verifier);',
        'let config = ClientConfig::builder().dangerous().with_custom_certificate_verifier(Arc::new(PinnedVerifier::new(pin))).with_no_client_auth();',
        'let config = builder.dangerous().with_custom_certificate_verifier(revocation_checking(webpki)).with_no_client_auth();',
        `impl ServerCertVerifier for NoVerifier {
    fn verify_server_cert(&self, end_entity: &CertificateDer<'_>, _i: &[CertificateDer<'_>], _n: &ServerName<'_>, _o: &[u8], _now: UnixTime) -> Result<ServerCertVerified, rustls::Error> {
        if sha256(end_entity.as_ref()) != PINNED { return Err(rustls::Error::General("not pinned".into())); }
        Ok(ServerCertVerified::assertion())
    }
}
config.dangerous().set_certificate_verifier(Arc::new(NoVerifier));`,
      ],
    },
  }),
  obsoleteProtocol: rule('obsolete-tls-version', {
    title: 'Obsolete protocol allowed (min_protocol_version(Some(Protocol::Tlsv10)))',
    description: 'A connector that allows (or pins) SSL 3, TLS 1.0 or TLS 1.1 lacks modern TLS protections and fails against servers that only speak TLS 1.2+. Leave the minimum unset (native-tls and openssl default to TLS 1.2 on current systems) or set Protocol::Tlsv12.',
    severity: 'info',
    concept: 'obsolete-protocol',
    client: 'rust',
    notes: 'native-tls `min_protocol_version(Some(Protocol::Sslv3 | Tlsv10 | Tlsv11))` (and `max_protocol_version`), openssl `set_min_proto_version(Some(SslVersion::SSL3 | TLS1 | TLS1_1))` (and `set_max_proto_version`). `Tlsv12`, `TLS1_2`, `None` and struct fields of a builder of your own are not findings.',
    examples: {
      flagged: [`let connector = native_tls::TlsConnector::builder()
    .«min_protocol_version(Some(Protocol::Tlsv10))»
    .build()?;
let mut ssl = SslConnector::builder(SslMethod::tls())?;
ssl.«set_min_proto_version(Some(SslVersion::TLS1_1))»?;`],
      ok: [
        'let connector = native_tls::TlsConnector::builder().min_protocol_version(Some(Protocol::Tlsv12)).build()?;',
        'ssl.set_min_proto_version(Some(SslVersion::TLS1_2))?;\nssl.set_min_proto_version(None)?;',
        'let b = MyBuilder { min_protocol: Some(Protocol::Tlsv10), accept_invalid_certs: false };',
      ],
    },
  }),
} as const;
