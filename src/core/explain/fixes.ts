// THE fix table of the explainer: for every client, how to make it trust a CA (and the other client-side levers),
// keyed by client and by what the cause needs. Every fix keeps verification on. Placeholders: {bundle} is a CA bundle
// (public roots + your CA, as `tls-doctor devcert` or the extension's "Create a CA bundle" writes), {ca} the CA
// certificate alone, {host}/{port} the endpoint ({hostport}: host, plus :port when it is not 443).
import type { ExplainClientId } from './clients';

export interface ExplainFix {
  /** A client id, or 'server' for what the server's owner must change. */
  readonly client: ExplainClientId | 'server';
  readonly text: string;
  readonly snippet?: string;
}

type Lever = Omit<ExplainFix, 'client'>;

/** The levers one client offers. `trust` is required: every client can be pointed at a CA somehow. */
export interface ClientFixes {
  /** Trust a CA bundle (or one certificate: the same lever with the server's own PEM). */
  readonly trust: Lever;
  /** Make the client use the operating system's store instead of its own roots. */
  readonly systemStore?: Lever;
  /** Refresh the client's own CA bundle (old clients carry old roots). */
  readonly updateStore?: Lever;
  /** Present a client certificate (mutual TLS). */
  readonly clientCert?: Lever;
  /** Client-side TLS protocol settings that old clients get wrong. */
  readonly protocol?: Lever;
  /** Windows revocation checking that cannot reach a CRL/OCSP server. */
  readonly revocation?: Lever;
  /** More trust steps worth showing after `trust` (e.g. Docker builds as well as the daemon). */
  readonly more?: readonly Lever[];
}

const PY_TRUSTSTORE: Lever = { text: 'Use the OS store from Python ≥ 3.10 (an app-level switch): install truststore and inject it before any HTTPS call', snippet: 'python -m pip install truststore\n# at start-up: import truststore; truststore.inject_into_ssl()' };
const GO_TRUST: Lever = { text: 'Go reads the system roots; on Linux point it at a bundle (macOS/Windows: add the CA to the system keychain / store)', snippet: 'export SSL_CERT_FILE={bundle}   # or SSL_CERT_DIR=/path/to/certs' };
const GO_CLIENT_CERT: Lever = { text: 'Load the client certificate into the tls.Config the client uses', snippet: 'cert, err := tls.LoadX509KeyPair("client.pem", "client.key")\ncfg := &tls.Config{Certificates: []tls.Certificate{cert}}' };
const NODE_EXTRA: Lever = { text: 'Add the CA to Node\'s bundled roots (read once at start-up: restart the process)', snippet: 'export NODE_EXTRA_CA_CERTS={bundle}' };
const NODE_SYSTEM: Lever = { text: 'Let Node use the OS store (Node ≥ 23.8; Linux ≥ 23.9; NODE_USE_SYSTEM_CA=1 on ≥ 22.19 / 24.6)', snippet: 'export NODE_USE_SYSTEM_CA=1   # or: node --use-system-ca app.js' };
const NODE_CLIENT_CERT: Lever = { text: 'Pass the client certificate and key to the request\'s agent', snippet: 'new https.Agent({ cert: fs.readFileSync("client.pem"), key: fs.readFileSync("client.key") })' };
const WIN_ROOT: Lever = { text: 'Add the CA to the Windows "Trusted Root Certification Authorities" store (current user; use LocalMachine for services)', snippet: 'Import-Certificate -FilePath {ca} -CertStoreLocation Cert:\\CurrentUser\\Root   # or: certutil -addstore -user Root {ca}' };
const WIN_REVOCATION: Lever = { text: 'Let the machine reach the CA\'s CRL/OCSP URLs (proxies often block them); find the failing URL first', snippet: 'certutil -urlfetch -verify server.cer' };
/** "Update <what>" with the client's own updater: the row every self-updating tool shares. */
const selfUpdate = (what: string, snippet: string): Lever => ({ text: `Update ${what}`, snippet });
/** certifi refreshed with the library that reads it. */
const refreshCertifi = (pkg: string): Lever => ({ text: 'Refresh certifi', snippet: `python -m pip install --upgrade certifi ${pkg}` });
/** npm-style per-registry client certificate (npm, pnpm read the same .npmrc keys). */
const registryClientCert = (cmd: string): Lever => ({ text: 'Send a client certificate to the registry', snippet: `${cmd} config set //{host}/:certfile client.pem && ${cmd} config set //{host}/:keyfile client.key` });
/** A JVM build tool: the Windows-ROOT store through the tool's own JVM options. */
const jvmWindowsStore = (snippet: string): Lever => ({ text: 'On Windows, let the JVM use the Windows store', snippet });
const JAVA_IMPORT = 'keytool -importcert -alias corp-ca -file {ca} -cacerts -storepass changeit -noprompt   # the JDK that runs the build';

/** Per client: its levers. Most specific tools first in the source only for readability; lookup is by id. */
export const CLIENT_FIXES: Readonly<Record<ExplainClientId, ClientFixes>> = {
  'python-requests': {
    trust: { text: 'requests uses certifi and ignores SSL_CERT_FILE: point it at a bundle of the public roots plus your CA (or pass verify= per call)', snippet: 'export REQUESTS_CA_BUNDLE={bundle}' },
    systemStore: PY_TRUSTSTORE,
    updateStore: { text: 'Refresh the CA bundle requests uses', snippet: 'python -m pip install --upgrade certifi requests' },
    clientCert: { text: 'Send the client certificate with the request', snippet: 'requests.get("https://{host}:{port}/", cert=("client.pem", "client.key"))' },
    protocol: { text: 'Check which OpenSSL this Python links against (OpenSSL < 1.0.1 has no TLS 1.2)', snippet: 'python -c "import ssl; print(ssl.OPENSSL_VERSION)"' },
  },
  'python-urllib3': {
    trust: { text: 'Give urllib3 the bundle (urllib3 2 uses Python\'s default context, which also reads SSL_CERT_FILE)', snippet: 'urllib3.PoolManager(ca_certs="{bundle}")   # or: export SSL_CERT_FILE={bundle}' },
    systemStore: PY_TRUSTSTORE,
    updateStore: refreshCertifi('urllib3'),
    clientCert: { text: 'Send the client certificate', snippet: 'urllib3.PoolManager(cert_file="client.pem", key_file="client.key")' },
  },
  'python-ssl': {
    trust: { text: 'Python ssl / urllib / http.client read OpenSSL\'s default paths: point SSL_CERT_FILE at the bundle', snippet: 'export SSL_CERT_FILE={bundle}' },
    systemStore: PY_TRUSTSTORE,
    updateStore: { text: 'Give this Python a current root list (python.org builds on macOS ship none: run "Install Certificates.command")', snippet: 'python3 -m pip install --upgrade certifi && export SSL_CERT_FILE="$(python3 -m certifi)"' },
    clientCert: { text: 'Load the client certificate into the context', snippet: 'ctx = ssl.create_default_context(); ctx.load_cert_chain("client.pem", "client.key")' },
    protocol: { text: 'Check which OpenSSL this Python links against', snippet: 'python3 -c "import ssl; print(ssl.OPENSSL_VERSION)"' },
  },
  pip: {
    trust: { text: 'Give pip the bundle (it replaces pip\'s own roots)', snippet: 'pip config set global.cert {bundle}   # or: export PIP_CERT={bundle}' },
    systemStore: { text: 'pip ≥ 24.2 on Python ≥ 3.10 also trusts the OS store: upgrade pip once with the bundle', snippet: 'python -m pip install --cert {bundle} --upgrade pip' },
    updateStore: { text: 'Old pip carries old roots: upgrade it', snippet: 'python -m pip install --upgrade pip' },
    clientCert: { text: 'Send a client certificate (key and certificate in one PEM)', snippet: 'pip config set global.client-cert client-with-key.pem' },
  },
  conda: {
    trust: { text: 'Point conda at the bundle', snippet: 'conda config --set ssl_verify {bundle}' },
    systemStore: { text: 'Use the OS store (conda ≥ 23.9 on Python ≥ 3.10; conda-build ignores it)', snippet: 'conda config --set ssl_verify truststore' },
    updateStore: { text: 'Refresh conda\'s roots', snippet: 'conda update -n base conda ca-certificates certifi' },
    clientCert: { text: 'Send a client certificate', snippet: 'conda config --set client_ssl_cert client.pem && conda config --set client_ssl_cert_key client.key' },
  },
  poetry: {
    trust: { text: 'Give Poetry the bundle for that package source (use the source name from pyproject.toml); for PyPI itself and git dependencies REQUESTS_CA_BUNDLE works too', snippet: 'poetry config certificates.<source>.cert {bundle}   # or: export REQUESTS_CA_BUNDLE={bundle}' },
    updateStore: selfUpdate('Poetry (and its certifi)', 'poetry self update'),
    clientCert: { text: 'Send a client certificate to that source', snippet: 'poetry config certificates.<source>.client-cert client-with-key.pem' },
  },
  uv: {
    trust: { text: 'Point uv at the bundle (PEM only, not DER)', snippet: 'export SSL_CERT_FILE={bundle}' },
    systemStore: { text: 'Let uv use the OS store (uv ≥ 0.11; older uv: --native-tls / UV_NATIVE_TLS=true)', snippet: 'export UV_SYSTEM_CERTS=true   # or: uv pip install --system-certs …' },
    updateStore: selfUpdate('uv (its bundled roots and TLS stack)', 'uv self update'),
  },
  httpx: {
    trust: { text: 'httpx ignores REQUESTS_CA_BUNDLE: give it the bundle (SSL_CERT_FILE works while trust_env is on)', snippet: 'httpx.Client(verify=ssl.create_default_context(cafile="{bundle}"))   # or: export SSL_CERT_FILE={bundle}' },
    systemStore: { text: 'Use the OS store through truststore', snippet: 'httpx.Client(verify=truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT))' },
    updateStore: refreshCertifi('httpx'),
    clientCert: { text: 'Send the client certificate', snippet: 'ctx = ssl.create_default_context(); ctx.load_cert_chain("client.pem", "client.key"); httpx.Client(verify=ctx)' },
  },
  aiohttp: {
    trust: { text: 'Pass aiohttp an SSL context built on the bundle (or set SSL_CERT_FILE for the default context)', snippet: 'ctx = ssl.create_default_context(cafile="{bundle}")\nawait session.get(url, ssl=ctx)' },
    systemStore: { text: 'Use the OS store through truststore', snippet: 'ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT); await session.get(url, ssl=ctx)' },
    updateStore: { text: 'Refresh certifi and build the context from it', snippet: 'python -m pip install --upgrade certifi\nctx = ssl.create_default_context(cafile=certifi.where())' },
    clientCert: { text: 'Load the client certificate into the context', snippet: 'ctx.load_cert_chain("client.pem", "client.key")' },
  },
  aws: {
    trust: { text: 'Point the AWS CLI / SDKs at the bundle (SSO login paths may ignore ca_bundle)', snippet: 'export AWS_CA_BUNDLE={bundle}   # or: aws configure set ca_bundle {bundle}' },
    updateStore: { text: 'Update the AWS CLI (it bundles its own certifi)', snippet: 'aws --version   # then reinstall the current v2 from https://awscli.amazonaws.com' },
  },
  gcloud: {
    trust: { text: 'Point gcloud at the bundle', snippet: 'gcloud config set core/custom_ca_certs_file {bundle}   # or: export CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE={bundle}' },
    updateStore: selfUpdate('the Cloud SDK', 'gcloud components update'),
  },
  az: {
    trust: { text: 'The Azure CLI is Python requests with its own certifi: point it at a bundle of the public roots plus your CA', snippet: 'export REQUESTS_CA_BUNDLE={bundle}   # Windows: setx REQUESTS_CA_BUNDLE {bundle}' },
    updateStore: selfUpdate('the Azure CLI', 'az upgrade'),
  },
  npm: {
    trust: { text: 'Give npm the bundle (cafile replaces npm\'s roots, so include the public ones)', snippet: 'npm config set cafile {bundle}' },
    systemStore: NODE_EXTRA,
    updateStore: selfUpdate('npm and Node (old releases carry old roots)', 'npm install -g npm@latest'),
    clientCert: registryClientCert('npm'),
  },
  yarn: {
    trust: { text: 'Give Yarn the bundle (Yarn 1: cafile; Yarn 2/3: caFilePath; Yarn 4: httpsCaFilePath)', snippet: 'yarn config set cafile {bundle}   # Yarn 2/3: yarn config set caFilePath {bundle}; Yarn 4: yarn config set httpsCaFilePath {bundle}' },
    systemStore: NODE_EXTRA,
    clientCert: { text: 'Send a client certificate (Yarn 4)', snippet: 'yarn config set httpsCertFilePath client.pem && yarn config set httpsKeyFilePath client.key' },
  },
  pnpm: {
    trust: { text: 'Give pnpm the bundle (pnpm env reaches nodejs.org with Node\'s roots: also set NODE_EXTRA_CA_CERTS)', snippet: 'pnpm config set cafile {bundle}   # and: export NODE_EXTRA_CA_CERTS={bundle}' },
    systemStore: NODE_EXTRA,
    clientCert: registryClientCert('pnpm'),
  },
  bun: {
    trust: { text: 'Give bun install the bundle in bunfig.toml (recent Bun also reads NODE_EXTRA_CA_CERTS)', snippet: 'printf \'[install]\\ncafile = "{bundle}"\\n\' >> bunfig.toml' },
    systemStore: { text: 'Let Bun use the OS store (recent releases)', snippet: 'export NODE_USE_SYSTEM_CA=1   # or: bun --use-system-ca …' },
    updateStore: selfUpdate('Bun', 'bun upgrade'),
  },
  deno: {
    trust: { text: 'Add the CA to Deno\'s roots (Deno ignores SSL_CERT_FILE)', snippet: 'export DENO_CERT={bundle}' },
    systemStore: { text: 'Let Deno use the OS store as well as its Mozilla roots', snippet: 'export DENO_TLS_CA_STORE=system,mozilla' },
    updateStore: selfUpdate('Deno', 'deno upgrade'),
  },
  electron: {
    trust: { text: 'Electron\'s windows and net module use Chromium\'s verifier and the OS store: add the CA there; main-process Node code reads NODE_EXTRA_CA_CERTS', snippet: 'export NODE_EXTRA_CA_CERTS={bundle}   # plus: add {ca} to the OS store (Windows: certutil -addstore -user Root {ca})' },
  },
  axios: {
    trust: { text: 'axios runs on Node\'s TLS: add the CA for the process, or pass an agent with it', snippet: 'export NODE_EXTRA_CA_CERTS={bundle}   # or: axios.get(url, { httpsAgent: new https.Agent({ ca: fs.readFileSync("{bundle}") }) })' },
    systemStore: NODE_SYSTEM,
    clientCert: { text: 'Pass the client certificate through the agent', snippet: 'axios.get(url, { httpsAgent: new https.Agent({ cert: fs.readFileSync("client.pem"), key: fs.readFileSync("client.key") }) })' },
  },
  node: {
    trust: NODE_EXTRA,
    systemStore: NODE_SYSTEM,
    updateStore: { text: 'Update Node (each release refreshes its bundled roots)', snippet: 'node --version   # upgrade to a current LTS' },
    clientCert: NODE_CLIENT_CERT,
  },
  composer: {
    trust: { text: 'Give Composer the bundle', snippet: 'composer config --global cafile {bundle}' },
    updateStore: selfUpdate('Composer', 'composer self-update'),
  },
  guzzle: {
    trust: { text: 'Give Guzzle the bundle (or set curl.cainfo / openssl.cafile in php.ini for every client)', snippet: "new \\GuzzleHttp\\Client(['verify' => '{bundle}']);" },
    clientCert: { text: 'Send the client certificate', snippet: "$client->get($url, ['cert' => 'client.pem', 'ssl_key' => 'client.key']);" },
  },
  php: {
    trust: { text: 'Point PHP\'s curl and OpenSSL streams at the bundle in php.ini (restart PHP-FPM / the web server)', snippet: '; php.ini\ncurl.cainfo = "{bundle}"\nopenssl.cafile = "{bundle}"' },
    clientCert: { text: 'Send the client certificate with curl', snippet: 'curl_setopt($ch, CURLOPT_SSLCERT, "client.pem"); curl_setopt($ch, CURLOPT_SSLKEY, "client.key");' },
  },
  cargo: {
    trust: { text: 'Give Cargo the bundle', snippet: 'export CARGO_HTTP_CAINFO={bundle}   # or ~/.cargo/config.toml: [http] cainfo = "{bundle}"' },
    updateStore: selfUpdate('the toolchain (and the OS ca-certificates that libcurl reads)', 'rustup update'),
    revocation: { text: 'Cargo on Windows (schannel): skip only the revocation check when your network blocks CRL/OCSP (the chain is still verified)', snippet: '$env:CARGO_HTTP_CHECK_REVOKE = "false"   # PowerShell; cmd: set CARGO_HTTP_CHECK_REVOKE=false; or ~/.cargo/config.toml: [http] check-revoke = false' },
  },
  curl: {
    trust: { text: 'Give curl the bundle', snippet: 'curl --cacert {bundle} https://{host}:{port}/   # or: export CURL_CA_BUNDLE={bundle}' },
    updateStore: { text: 'Refresh the CA file curl was built with (the OS store on most systems)', snippet: 'curl -V   # shows the TLS backend; Debian/Ubuntu: sudo apt-get install --reinstall ca-certificates' },
    clientCert: { text: 'Send the client certificate', snippet: 'curl --cert client.pem --key client.key https://{host}:{port}/' },
    revocation: { text: 'On Windows (schannel), check revocation best-effort instead of failing when the CRL/OCSP server is unreachable', snippet: 'curl --ssl-revoke-best-effort https://{host}:{port}/' },
  },
  wget: {
    trust: { text: 'Give wget the bundle', snippet: 'wget --ca-certificate={bundle} https://{host}:{port}/   # or ~/.wgetrc: ca_certificate = {bundle}' },
    updateStore: { text: 'Refresh the OS store wget reads', snippet: 'sudo apt-get install --reinstall ca-certificates   # or: sudo update-ca-certificates' },
    clientCert: { text: 'Send the client certificate', snippet: 'wget --certificate=client.pem --private-key=client.key https://{host}:{port}/' },
  },
  git: {
    trust: { text: 'Tell git which CA file to use, for this host only', snippet: 'git config --global http.https://{host}/.sslCAInfo {bundle}   # or: export GIT_SSL_CAINFO={bundle}' },
    systemStore: { text: 'On Windows, let git use the Windows store', snippet: 'git config --global http.sslBackend schannel' },
    updateStore: { text: 'Refresh the CA file git\'s TLS backend reads', snippet: 'sudo apt-get install --reinstall ca-certificates   # Git for Windows: update Git' },
    clientCert: { text: 'Send the client certificate for this host', snippet: 'git config --global http.https://{host}/.sslCert client.pem && git config --global http.https://{host}/.sslKey client.key' },
    revocation: { text: 'Git for Windows (schannel): skip only the revocation check for this host when your network blocks CRL/OCSP (the chain is still verified)', snippet: 'git config --global http.https://{host}/.schannelCheckRevoke false' },
  },
  gradle: {
    trust: { text: 'Gradle trusts its JDK\'s cacerts: import the CA there (or give Gradle a truststore in gradle.properties)', snippet: `${JAVA_IMPORT}\n# or ~/.gradle/gradle.properties: systemProp.javax.net.ssl.trustStore=/path/truststore.jks` },
    systemStore: jvmWindowsStore('echo "org.gradle.jvmargs=-Djavax.net.ssl.trustStoreType=Windows-ROOT" >> ~/.gradle/gradle.properties'),
    updateStore: { text: 'Run Gradle on a current JDK (old cacerts lack newer roots)', snippet: 'java -version' },
  },
  maven: {
    trust: { text: 'Maven trusts its JDK\'s cacerts: import the CA there, or give Maven a truststore', snippet: `${JAVA_IMPORT}\n# or: export MAVEN_OPTS="-Djavax.net.ssl.trustStore=/path/truststore.jks -Djavax.net.ssl.trustStorePassword=changeit"` },
    systemStore: jvmWindowsStore('export MAVEN_OPTS="-Djavax.net.ssl.trustStoreType=Windows-ROOT"'),
    updateStore: { text: 'Run Maven on a current JDK', snippet: 'mvn -v' },
  },
  java: {
    trust: { text: 'Import the CA into the truststore the JVM uses', snippet: `${JAVA_IMPORT}\n# or a separate store: java -Djavax.net.ssl.trustStore=truststore.jks -Djavax.net.ssl.trustStorePassword=changeit …` },
    systemStore: { text: 'Let the JVM use the OS store (Windows-ROOT on Windows, KeychainStore on macOS)', snippet: 'java -Djavax.net.ssl.trustStoreType=Windows-ROOT …' },
    updateStore: { text: 'Run on a current JDK (its cacerts carries current roots)', snippet: 'java -version' },
    clientCert: { text: 'Give the JVM a keystore with the client certificate', snippet: 'java -Djavax.net.ssl.keyStore=client.p12 -Djavax.net.ssl.keyStoreType=PKCS12 -Djavax.net.ssl.keyStorePassword=… …' },
  },
  docker: {
    trust: { text: 'The Docker daemon (not your shell) verifies registries: give it the CA for this registry, no restart needed (for Docker Hub behind a proxy, add the CA to the OS store and restart Docker)', snippet: 'sudo mkdir -p /etc/docker/certs.d/{hostport} && sudo cp {ca} /etc/docker/certs.d/{hostport}/ca.crt' },
    more: [{ text: 'For docker build: the image has its own store; add the CA in the stage that downloads (only .crt files are picked up)', snippet: 'COPY corp-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates' }],
    clientCert: { text: 'Give the daemon the client certificate for this registry', snippet: 'sudo cp client.cert client.key /etc/docker/certs.d/{hostport}/' },
  },
  kubectl: {
    trust: { text: 'Give the kubeconfig the CA that signed the API server\'s certificate (after a cluster rebuild, fetch a fresh kubeconfig instead)', snippet: 'kubectl config set-cluster <cluster> --certificate-authority={ca} --embed-certs=true' },
    clientCert: { text: 'Give the kubeconfig a valid client certificate', snippet: 'kubectl config set-credentials <user> --client-certificate=client.crt --client-key=client.key --embed-certs=true' },
  },
  helm: {
    trust: { text: 'Give Helm the CA for this repository (Helm also reads SSL_CERT_FILE on Linux)', snippet: 'helm repo add <name> https://{host}/<path> --ca-file {bundle}' },
    clientCert: { text: 'Send a client certificate to the repository', snippet: 'helm repo add <name> https://{host}/<path> --cert-file client.crt --key-file client.key' },
  },
  terraform: {
    trust: { text: 'Terraform is Go: on Linux point it at a bundle; on macOS/Windows add the CA to the system keychain/store', snippet: 'export SSL_CERT_FILE={bundle}' },
    updateStore: { text: 'Refresh the OS store Terraform reads', snippet: 'sudo update-ca-certificates' },
  },
  go: { trust: GO_TRUST, clientCert: GO_CLIENT_CERT, updateStore: { text: 'Refresh the OS store Go reads', snippet: 'sudo update-ca-certificates' } },
  powershell: {
    trust: WIN_ROOT,
    protocol: { text: 'Windows PowerShell 5.1 (on .NET Framework) offers only TLS 1.0/1.1 by default: enable TLS 1.2 for the session (PowerShell 7 does this itself)', snippet: '[Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12' },
    clientCert: { text: 'Send a client certificate', snippet: 'Invoke-WebRequest https://{host}:{port}/ -Certificate (Get-PfxCertificate client.pfx)' },

    revocation: WIN_REVOCATION,
  },
  dotnet: {
    trust: { text: '.NET trusts the OS store: add the CA there (Linux: the OpenSSL store), or pin it in code with X509ChainPolicy.CustomTrustStore', snippet: 'sudo cp {ca} /usr/local/share/ca-certificates/corp-ca.crt && sudo update-ca-certificates   # Windows: certutil -addstore -user Root {ca}' },
    protocol: { text: '.NET Framework apps before 4.7 default to old TLS: let them use the OS defaults (TLS 1.2+)', snippet: 'reg add HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 /v SchUseStrongCrypto /t REG_DWORD /d 1 /f' },
    clientCert: { text: 'Attach the client certificate to the handler', snippet: 'var h = new HttpClientHandler(); h.ClientCertificates.Add(X509CertificateLoader.LoadPkcs12FromFile("client.pfx", password));' },

    revocation: { text: '.NET checks revocation online: let this machine reach the CRL/OCSP URLs the certificate names (proxies often block them); in your own code the policy is SslClientAuthenticationOptions.CertificateRevocationCheckMode', snippet: 'openssl s_client -connect {host}:{port} -servername {host} </dev/null | openssl x509 -noout -ext crlDistributionPoints,authorityInfoAccess   # Windows: certutil -urlfetch -verify server.cer' },
  },
  ruby: {
    trust: { text: 'Ruby\'s OpenSSL reads SSL_CERT_FILE (Net::HTTP also takes ca_file)', snippet: 'export SSL_CERT_FILE={bundle}   # or: http.ca_file = "{bundle}"' },
    updateStore: { text: 'See which CA file Ruby reads, then refresh it (RubyInstaller: update Ruby; rbenv/rvm: reinstall openssl)', snippet: 'ruby -ropenssl -e "p OpenSSL::X509::DEFAULT_CERT_FILE"' },
    clientCert: { text: 'Send the client certificate', snippet: 'http.cert = OpenSSL::X509::Certificate.new(File.read("client.pem")); http.key = OpenSSL::PKey.read(File.read("client.key"))' },
  },
  rust: {
    trust: { text: 'Native-roots builds (reqwest "rustls-tls-native-roots", "native-tls") honour SSL_CERT_FILE; the default webpki-roots builds carry a fixed Mozilla list and need the native-roots feature', snippet: 'export SSL_CERT_FILE={bundle}   # and build with: cargo add reqwest --no-default-features --features rustls-tls-native-roots' },
    systemStore: { text: 'Build with the OS store (rustls-native-certs or the platform verifier) instead of bundled webpki roots', snippet: 'cargo add reqwest --no-default-features --features rustls-tls-native-roots' },
    updateStore: { text: 'Update the crates that carry roots', snippet: 'cargo update -p webpki-roots -p rustls-native-certs' },
    clientCert: { text: 'Give reqwest an identity', snippet: 'reqwest::Client::builder().identity(reqwest::Identity::from_pem(&pem)?)' },
  },
  openssl: {
    trust: { text: 'Give s_client the bundle (it does not fail on verification errors unless asked)', snippet: 'openssl s_client -connect {host}:{port} -servername {host} -CAfile {bundle} -verify_return_error' },
    clientCert: { text: 'Send the client certificate', snippet: 'openssl s_client -connect {host}:{port} -servername {host} -cert client.pem -key client.key' },
  },
  chrome: {
    trust: { text: 'Chrome trusts the OS store for private CAs: add the CA there (Linux: Chrome\'s NSS database)', snippet: 'certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n corp-ca -i {ca}   # Windows: certutil -addstore -user Root {ca}; macOS: Keychain Access → Always Trust' },
    // Chrome offers the client certificates of the OS store (Linux: its NSS database), so a valid one goes there.
    clientCert: { text: 'Chrome sends a client certificate from the OS store: import a valid one (with its key) there, then pick it when Chrome asks', snippet: 'pk12util -d sql:$HOME/.pki/nssdb -i client.p12   # Windows: certutil -user -importpfx client.p12; macOS: open client.p12 (Keychain)' },
  },
  firefox: {
    trust: { text: 'Firefox has its own store: import the CA (Settings → Privacy & Security → View Certificates → Authorities → Import), or let it read the OS store', snippet: 'about:config → security.enterprise_roots.enabled = true' },
    systemStore: { text: 'Let Firefox trust the roots in the OS store', snippet: 'about:config → security.enterprise_roots.enabled = true' },
  },
  schannel: { trust: WIN_ROOT, revocation: WIN_REVOCATION },
};

/** Fixes for clients this explainer could not identify: the common ones, as the check command shows them. */
export const FALLBACK_CLIENTS: readonly ExplainClientId[] = ['python-requests', 'node', 'curl', 'git', 'pip', 'java'];

