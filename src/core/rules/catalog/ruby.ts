// The ruby rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../ruby.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('ruby', { surface: 'ruby', file: 'client.rb' });

/** The Ruby rules. */
export const RB = {
  verifyNone: rule('verify-none', {
    title: 'OpenSSL::SSL::VERIFY_NONE: certificate verification is off',
    description: 'VERIFY_NONE accepts any certificate. Keep VERIFY_PEER and point ca_file (or SSL_CERT_FILE) at a bundle holding your CA.',
    concept: 'verification-off',
    client: 'ruby',
    caVars: ['SSL_CERT_FILE'],
    notes: 'The constant wherever it is used in code, and the symbol `:none` given as `ssl_verify_mode` / `verify_mode` (Savon, HTTPI: `ssl_verify_mode: :none`, `:verify_mode => :none`, `.verify_mode = :none`, `ssl_verify_mode(:none)`), and ActionMailer / Mail SMTP settings\' `openssl_verify_mode: \'none\'` (a string or `:none`; a hash held in a variable is found where it is passed on). Not on a server\'s side, where VERIFY_NONE only means "ask no client certificate": WEBrick\'s `:SSLVerifyClient`, or a context set up among server words (`ssl_version = :TLSv1_2_server`, `SERVER_CIPHERS`, `SSLServer`, a socket that `accept`s) with no client in sight.',
    examples: {
      flagged: [
        'http.verify_mode = «OpenSSL::SSL::VERIFY_NONE»',
        'client = Savon.client(wsdl: url, «ssl_verify_mode: :none»)\nrequest.auth.ssl«.verify_mode = :none»',
        "Mail.defaults do\n  delivery_method :smtp, {\n    address: 'smtp.corp.example',\n    enable_starttls_auto: true,\n    «openssl_verify_mode: 'none'»\n  }\nend",
      ],
      ok: [
        `http.verify_mode = OpenSSL::SSL::VERIFY_PEER
http.ca_file = "/path/to/ca-bundle.pem"`,
        '# http.verify_mode = OpenSSL::SSL::VERIFY_NONE',
        'puts "use OpenSSL::SSL::VERIFY_NONE only in tests"',
        `context.ssl_version = :TLSv1_2_server
context.set_params(ciphers: TLS::SERVER_CIPHERS, verify_mode: OpenSSL::SSL::VERIFY_NONE)`,
        "Rack::Handler::WEBrick.run(App, :SSLEnable => true, :SSLVerifyClient => OpenSSL::SSL::VERIFY_NONE)",
        "config.action_mailer.smtp_settings = { address: 'smtp.corp.example', openssl_verify_mode: 'peer' }",
      ],
    },
  }),
  verifyFalse: rule('verify-false', {
    title: 'verify: false (Faraday ssl options / HTTParty) or verify_ssl: false (RestClient): certificate verification is off',
    description: 'Faraday (ssl: { verify: false }), HTTParty (verify: false) and RestClient (verify_ssl: false) accept any certificate with this option. Pass ca_file: "<CA bundle>" (RestClient: ssl_ca_file:) instead.',
    concept: 'verification-off',
    client: 'ruby',
    caVars: ['SSL_CERT_FILE'],
    notes: '`verify: false` counts inside an `ssl:` hash or in a statement that uses HTTParty, Faraday, RestClient or an HTTP-verb method; `validate(record, verify: false)` does not. Faraday\'s connection block counts too: `f.ssl[:verify] = false`, `f.ssl.verify = false`, or a condition with a `false` branch (`= Rails.env.production? ? true : false`). `verify_ssl: false` (`:verify_ssl => false`), InSpec\'s `ssl_verify: false` and Typhoeus\'s `ssl_verifypeer: false` / `ssl_verifyhost: 0` count wherever they are written in code: the name says what it turns off.',
    examples: {
      flagged: [
        `Faraday.new(url, ssl: { «verify: false» })
HTTParty.get(url, «verify: false»)`,
        `response = RestClient::Request.execute(
  method: :get,
  url: "#{base}/api/instances",
  headers: { authorization: "Bearer #{token}" },
  «verify_ssl: false»
)`,
        'Typhoeus::Request.new(url, «ssl_verifypeer: false», «ssl_verifyhost: 0»).run',
        { file: 'controls/web_test.rb', code: "describe http('https://localhost:8443', «ssl_verify: false») do\n  its('status') { should cmp 200 }\nend" },
      ],
      ok: [
        `Faraday.new(url, ssl: { ca_file: "/path/to/ca-bundle.pem" })
HTTParty.get(url, ssl_ca_file: "/path/to/ca-bundle.pem")`,
        'validate(record, verify: false)',
        'conn = Faraday.new(url: u, ssl: { verify: true })',
        'RestClient::Request.execute(method: :get, url: u, verify_ssl: OpenSSL::SSL::VERIFY_PEER, ssl_ca_file: "/etc/ssl/corp-ca.pem")\n# verify_ssl: false',
      ],
    },
  }),
  exconVerifyPeer: rule('excon-ssl-verify-peer-false', {
    title: 'ssl_verify_peer: false (Excon): certificate verification is off',
    description: 'Excon accepts any certificate with ssl_verify_peer false. Set ssl_ca_file to a CA bundle instead.',
    concept: 'verification-off',
    client: 'ruby',
    caVars: ['SSL_CERT_FILE'],
    examples: {
      flagged: [`Excon.get(url, «ssl_verify_peer: false»)
Excon.defaults[«:ssl_verify_peer] = false»`],
      ok: [
        'Excon.get(url, ssl_ca_file: "/path/to/ca-bundle.pem")',
        'Excon.get(u, ssl_verify_peer: true)',
      ],
    },
  }),
} as const;
