// Classes of switches (and look-alikes) real code showed in check5 (issue 18, code surfaces): each with the forms
// seen in public code, written here as fixtures with exact places, and the look-alikes that must stay quiet.
// Sink fixtures: [rule, line, column, text, origin line, origin text] (see sinks.test.ts).
import * as assert from 'assert';
import { expectNone, hits, hitsFrom } from './helpers';

const at = (text: string, path: string) => hits(text, path).map(([id, line, col, value]) => [id, line, col, value]);

describe('real-code classes 7: check5 code surfaces', () => {
  it('Rust: any verifier given to .dangerous().with_custom_certificate_verifier(Arc::new(…)) whatever its name', () => {
    assert.deepStrictEqual(
      at(
        `pub fn client_config(verify: Verify, provider: Arc<CryptoProvider>) -> ClientConfig {
    let builder = ClientConfig::builder_with_provider(provider.clone()).with_safe_default_protocol_versions().unwrap();
    match verify {
        Verify::Full => builder.with_root_certificates(roots()).with_no_client_auth(),
        Verify::Off => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(EveryCert(provider)))
            .with_no_client_auth(),
    }
}
let quic = quinn::rustls::ClientConfig::builder().dangerous().with_custom_certificate_verifier(std::sync::Arc::new(tls::danger::LaxVerifier::new())).with_no_client_auth();`,
        'src/net/tls.rs',
      ),
      [
        [
          'rust.accept-all-verifier-installed',
          7,
          14,
          'with_custom_certificate_verifier(Arc::new(EveryCert(provider)))',
        ],
        [
          'rust.accept-all-verifier-installed',
          11,
          63,
          'with_custom_certificate_verifier(std::sync::Arc::new(tls::danger::LaxVerifier::new()))',
        ],
      ],
    );
  });

  it('Rust: a verifier that visibly checks (implemented here, named for a pin, or built from WebPKI) is not one', () => {
    expectNone(
      `struct EveryCert { pin: [u8; 32] }
impl ServerCertVerifier for EveryCert {
    fn verify_server_cert(&self, end_entity: &CertificateDer<'_>, _i: &[CertificateDer<'_>], _n: &ServerName<'_>, _o: &[u8], _now: UnixTime) -> Result<ServerCertVerified, rustls::Error> {
        if digest(end_entity.as_ref()) != self.pin {
            return Err(rustls::Error::General("pin mismatch".into()));
        }
        Ok(ServerCertVerified::assertion())
    }
}
fn configs(webpki: Arc<WebPkiServerVerifier>, pin: [u8; 32]) {
    let a = ClientConfig::builder().dangerous().with_custom_certificate_verifier(Arc::new(EveryCert { pin })).with_no_client_auth();
    let b = ClientConfig::builder().dangerous().with_custom_certificate_verifier(Arc::new(SpkiPinVerifier::new(pin))).with_no_client_auth();
    let c = ClientConfig::builder().dangerous().with_custom_certificate_verifier(with_crl_checks(webpki)).with_no_client_auth();
    let d = ClientConfig::builder().dangerous().with_custom_certificate_verifier(verifier).with_no_client_auth();
}`,
      'src/pin.rs',
    );
  });

  it('Python: verify_certs=False / ssl_verify=False in a call whose opening line is above the excerpt', () => {
    assert.deepStrictEqual(
      at(
        `        http_auth=(settings.search_user, settings.search_password),
        use_ssl=True,
        verify_certs=False,
        ssl_show_warn=False,
    )
    return client
`,
        'app/search.py',
      ),
      [['python.client-sdk-verify-false', 3, 9, 'verify_certs=False']],
    );
    // The excerpt ends inside the call too.
    assert.deepStrictEqual(
      at(
        `            headers={"Accept": "application/json"},
            ssl_verify=False,
            retry={
                "attempts": 3,
            },`,
        'nodes/fetch.py',
      ),
      [['python.client-sdk-verify-false', 2, 13, 'ssl_verify=False']],
    );
    // In a list or dict, or not an argument at all, it is not a cut call.
    expectNone(
      `    "verify_certs=False",
    "ssl_show_warn=False",
]
verify_certs=False
`,
      'docs/flags.py',
    );
  });

  it("Python: a mock's argument check is not a client call (verify_certs, ssl_assert_hostname)", () => {
    expectNone(
      `def test_builds_client(self, mock_search):
    make_client(settings)
    mock_search.assert_called_once_with(
        hosts=["https://search:9200"],
        verify_certs=False,
        ssl_assert_hostname=False,
    )
    mock_search.assert_has_calls([call(verify_certs=False, ssl_assert_hostname=False)])
`,
      'tests/test_client.py',
    );
    // The call under test in the same file is still one.
    assert.deepStrictEqual(
      at('client = OpenSearch(hosts=hosts, verify_certs=False)\n', 'tests/test_client.py').map(([id, line]) => [
        id,
        line,
      ]),
      [['python.client-sdk-verify-false', 1]],
    );
  });

  it("Python: Home Assistant's shared aiohttp session built with verify_ssl=False", () => {
    assert.deepStrictEqual(
      at(
        `from homeassistant.helpers.aiohttp_client import async_create_clientsession, async_get_clientsession

async def async_setup_entry(hass, entry):
    session = async_get_clientsession(hass, verify_ssl=False)
    api = BridgeApi(entry.data["host"], websession=async_create_clientsession(hass, verify_ssl=False))
    safe = async_get_clientsession(hass, verify_ssl=True)
`,
        'custom_components/bridge/__init__.py',
      ),
      [
        ['python.aiohttp-ssl-false', 4, 45, 'verify_ssl=False'],
        ['python.aiohttp-ssl-false', 5, 85, 'verify_ssl=False'],
      ],
    );
  });

  it("Python: a client class's constructor default verify_ssl=False stored on the instance", () => {
    assert.deepStrictEqual(
      at(
        `class NasClient:
    def __init__(self, host, token, verify_ssl=False):
        self.host = host
        self.token = token
        self.verify_ssl = verify_ssl
`,
        'nas/client.py',
      ),
      [['python.client-sdk-verify-false', 2, 37, 'verify_ssl=False']],
    );
    // A constructor that never keeps it, and a plain function's default, are not findings.
    expectNone(
      `class Report:
    def __init__(self, name, verify_ssl=False):
        self.name = name

def render(path, verify_ssl=False):
    self_check = verify_ssl
`,
      'report.py',
    );
  });

  it('Python: an excerpt that begins inside a triple-quoted string is read as code after its closing quote', () => {
    assert.deepStrictEqual(
      at(
        `    and keeping it simple beats a hardened setup in a throwaway lab.
    """
    if use_ldaps:
        tls = Tls(validate=ssl.CERT_NONE)
        return Server(host, port=636, use_ssl=True, tls=tls)
`,
        'recon/ldap.py',
      ),
      [['python.ldap-tls-require-cert-never', 4, 15, 'Tls(validate=ssl.CERT_NONE)']],
    );
    assert.deepStrictEqual(
      at(
        `set vlan %s
end
""" % (vlan)

ipam = IpamClient(
    url=IPAM_URL,
    ssl_verify=False,
)
`,
        'gen_config.py',
      ),
      [['python.client-sdk-verify-false', 7, 5, 'ssl_verify=False']],
    );
    // A docstring being typed at the end of a file leaves the code above it code (and the prose in it quiet).
    assert.deepStrictEqual(
      at(
        'session = requests.Session()\nr = session.get(url, verify=False)\n"""\nNotes: verify=False here\n',
        'x.py',
      ).map(([id, line]) => [id, line]),
      [['python.requests-verify-false', 2]],
    );
  });

  it("JavaScript: an options object given to a helper whose result is options again is not the helper's sink", () =>
    assert.deepStrictEqual(
      hitsFrom(
        `export async function forward(req, method, url, headers) {
  const defaults = {
    method,
    url,
    strictSSL: false,
  };
  options = withBody(method, req.body, defaults);
  return request(options);
}
`,
        'src/forward.ts',
      ),
      [['javascript.strict-ssl-false', 5, 5, 'strictSSL: false', '-', '-']],
    ));

  it("JavaScript: an excerpt whose first line cut the binding's keyword, and MongoClient(uri, options)", () => {
    assert.deepStrictEqual(
      hitsFrom(
        `t payload = {
  method: 'POST',
  url: 'https://notify.example.net/ipn',
  strictSSL: false,
};

Request(payload, (err, res, body) => done(err, body));
`,
        'controllers/ipn.js',
      ),
      [['javascript.strict-ssl-false', 7, 9, 'payload', 4, 'strictSSL: false']],
    );
    assert.deepStrictEqual(
      hitsFrom(
        `  serverSelectionTimeoutMS: 5000,
  ssl: true,
  sslValidate: false,
};

const client = new MongoClient(uri, options);
`,
        'app/db.js',
      ),
      [['javascript.mongodb-allow-invalid-certificates', 6, 37, 'options', 3, 'sslValidate: false']],
    );
  });

  it("skopeo's --src-tls-verify / --dest-tls-verify as argv elements in Go and Python (the flags are skopeo's alone)", () => {
    assert.deepStrictEqual(
      at(
        `func mirror(ctx context.Context, image, dir string) error {
	out, err := exec.CommandContext(ctx,
		"skopeo",
		"copy",
		"--src-tls-verify=false",
		image,
		"oci:"+dir,
	).CombinedOutput()
	runAndLogSkopeo(t, "copy", "--dest-tls-verify=false", "--src-tls-verify=true", src, dst)
	return wrap(out, err)
}`,
        'cmd/mirror.go',
      ),
      [
        ['shell.container-tls-verify-false', 5, 4, '--src-tls-verify=false'],
        ['shell.container-tls-verify-false', 9, 30, '--dest-tls-verify=false'],
      ],
    );
    // Python: an argument tuple; the src-/dest- forms need no program named in the file.
    assert.deepStrictEqual(
      at(
        `def promote_args(copy, authfile):
    return (
        "copy",
        "--all",
        "--src-tls-verify=false",
        f"--dest-authfile={authfile}",
    )
`,
        'release/promote.py',
      ),
      [['shell.container-tls-verify-false', 5, 10, '--src-tls-verify=false']],
    );
    // A bare --tls-verify=false needs podman/skopeo/buildah named; a Go test's string check is not a command.
    expectNone('args = ("push", "--tls-verify=false", image)\n', 'tools/push.py');
    expectNone(
      `func TestArgs(t *testing.T) {
	if !strings.Contains(strings.Join(args, " "), "--src-tls-verify=false") {
		t.Fatalf("skopeo args: %v", args)
	}
}`,
      'cmd/mirror_test.go',
    );
  });

  it("a Prometheus scrape config's insecure_skip_verify: true in a JS string and in a Go raw string", () => {
    assert.deepStrictEqual(
      at(
        `const scrape =
  '  - job_name: nodes\\n' +
  '    scheme: https\\n' +
  '    tls_config:\\n' +
  '      insecure_skip_verify: true\\n' +
  '    bearer_token_file: /var/run/secrets/token\\n';
fs.writeFileSync(path.join(dir, 'prometheus.yml'), scrape);
`,
        'lib/prometheus.js',
      ),
      [['config.insecure-skip-verify', 5, 10, 'insecure_skip_verify: true']],
    );
    // An excerpt that begins inside the raw string: its first backtick closes it.
    assert.deepStrictEqual(
      at(
        `  scheme: https
  tls_config:
    insecure_skip_verify: true
  basic_auth:
    username: {{ .User }}
` +
          '`' +
          `

	tpl := template.Must(template.New("scrape").Parse(config))
`,
        'pkg/scrape/config.go',
      ),
      [['config.insecure-skip-verify', 3, 5, 'insecure_skip_verify: true']],
    );
    // A test checking the generated text for the line is not a setting.
    expectNone(
      `	if !strings.Contains(out, "insecure_skip_verify: true") {
		t.Fatal("scrape must skip verification for pod IPs")
	}
`,
      'internal/monitoring/scrape_test.go',
    );
  });

  it('Python: a VS Code settings dict with "http.proxyStrictSSL": False written by a script', () => {
    assert.deepStrictEqual(
      at(
        `settings = {
    "http.proxy": "http://127.0.0.1:3128",
    "http.proxyStrictSSL": False,
}
Path("/root/.vscode-server/data/Machine/settings.json").write_text(json.dumps(settings))
`,
        'setup_proxy.py',
      ),
      [['config.vscode-proxy-strict-ssl', 3, 5, '"http.proxyStrictSSL": False']],
    );
    expectNone('settings = {"http.proxyStrictSSL": True}\nprint("http.proxyStrictSSL")\n', 'setup_proxy.py');
  });
});
