// Which program printed a TLS error, from the text alone. Pure: the table below is all the knowledge.
import type { ExplainClientId } from './ids';
import { evidenceOf, outermost } from './precedence';

// Order matters: the first client whose signals match wins, so tools come before the libraries they are built on
// (pip before requests, npm before Node, Docker before Go, Guzzle before PHP's curl, uv and Deno before rustls).

export type { ExplainClientId } from './ids';

/** Language or runtime family: clients of one family share trust mechanics. */
export type ClientFamily =
  | 'python' | 'node' | 'php' | 'rust' | 'curl' | 'wget' | 'git' | 'java' | 'go' | 'dotnet' | 'ruby' | 'openssl'
  | 'browser' | 'windows';

export interface ClientInfo {
  readonly id: ExplainClientId;
  readonly family: ClientFamily;
  readonly title: string;
  /**
   * True when the client trusts its own bundled roots rather than the operating system's store, so "the OS trusts
   * the CA but this client does not" is a real possibility. False drops that cause: curl, Go or .NET read the OS store.
   */
  readonly ownStore: boolean;
  /**
   * True when the client fetches a missing intermediate itself (Chromium follows the certificate's AIA URL), so "the
   * server omits its intermediate" cannot be why it failed.
   */
  readonly fetchesIntermediates?: boolean;
}

interface ClientRule extends ClientInfo {
  readonly signals: RegExp;
  /** The rule names the inner program on purpose: the outer program's evidence does not replace it. */
  readonly final?: true;
}

/**
 * Electron: its name as a word, not inside a path or URL ("electron-builder\\cache", "electron-userland/…" are a
 * download's address, the failing program there is Go's app-builder); its loader's frames; Chromium's
 * ssl_client_socket_impl.cc and cert_verify_proc_builtin.cc log lines, which in pasted threads come from Electron apps' consoles (Chrome itself
 * shows its errors as a page). Electron's own dialog for an uncaught main-process exception ("A JavaScript error
 * occurred in the main process") names it above a plain Node stack, and so does its IPC's wrapper of an error a
 * main-process handler threw ("Error invoking remote method 'got': …").
 */
// …and Node's own error form ("write EPROTO …") around a BoringSSL reason ("SSL routines:OPENSSL_internal:…"): Node
// links OpenSSL, Electron's Node links Chromium's BoringSSL.
// An app's packaged code (…/resources/app.asar/…, or unpacked: …/Contents/Resources/app/node_modules/…,
// …\resources\app\node_modules\…, Azure Storage Explorer's, its backslashes doubled when a JSON log quotes the
// stack) is an Electron app's, whatever Node module wrote the stack.
const ELECTRON = /(?<![\w./\\@-])electron(?![\w.-]*[\\/])|SimpleURLLoaderWrapper|browser_init\b|(?:ssl_client_socket_impl|cert_verify_proc(?:_builtin)?)\.cc|A JavaScript error occurred in the main process|Error invoking remote method '|\b(?:write|read) EPROTO [^\n]*OPENSSL_internal|[\\/]resources[\\/]+app(?:\.asar)?[\\/]/i;

/** urllib3's pool and its MaxRetryError reason ("(Caused by SSLError(…"), which users meet through requests. */
const PY_POOL =
  /HTTPSConnectionPool\(|Could not find a suitable TLS CA certificate bundle|Max retries exceeded\b|Starting new HTTPS connection \(\d+\)|\bCaused by (?:SSLError|ProxyError|NewConnectionError|ConnectTimeoutError)\(/;

/**
 * Cargo: its commands and registry; its retry and "Caused by:" wording ("spurious network error (2 tries
 * remaining)", "failed to download from `https://…`", "Unable to get packages from source"); libgit2's error class
 * and code ("class=Net (12)", "[16/-17]": the code is negative, a BuildKit step "[4/7]" is not one); and curl-rust's Display of a libcurl error, the error text followed by the
 * detail in parentheses at the start of a line ("SSL peer certificate or SSH remote key was not OK (SSL certificate
 * problem: …)"), which curl and git never print (they print the detail alone).
 */
const CARGO = new RegExp(
  [
    /\bcargo (?:install|build|fetch|update|publish|check|test|run|add|generate-lockfile)\b|\bcargo: \[\d+\]|crates\.io/.source,
    /\[\d+\] (?:Peer certificate cannot be authenticated|SSL peer certificate or SSH remote key was not OK|SSL connect error \(|Problem with the SSL CA cert)/.source,
    /spurious network error \(\d+ tr(?:y|ies) remaining\)|\bclass=(?:Net|Ssl|Http|Os|Callback)\s*\(\d+\)|\[\d+\/-\d+\] /.source,
    /[Uu]nable to (?:get packages from source|update registry)|[Ff]ailed to (?:download|fetch) (?:package )?(?:`[^`]+` )?from `?https?:/.source,
    /(?:^|\n)\s*(?:SSL peer certificate or SSH remote key was not OK|Peer certificate cannot be authenticated with given CA certificates|SSL connect error|Problem with the SSL CA cert \(path\? access rights\?\)) \(/.source,
  ].join('|'),
);

/**
 * A PowerShell cmdlet's name: an approved verb, a dash, a noun (HTTP headers have the same shape, "Content-Type:",
 * so the verb is what tells them apart).
 */
const CMDLET =
  /(?:Get|Set|New|Invoke|Connect|Disconnect|Remove|Add|Start|Stop|Update|Import|Export|Test|Send|Install|Register|Publish|Find|Save|Enable|Disable|Sync|Submit|Request|Deploy|Initialize)-[A-Z][A-Za-z]+/.source;

/** The identification table, most specific first. */
const RULES: readonly ClientRule[] = [
  // Python tools (they print requests/urllib3 tracebacks, so they must come first); uv before pip ("uv pip install").
  // …also by a channel's address alone ("Error: Connection error: [SSL: …]: https://repo.continuum.io/pkgs/free/…"):
  // Anaconda's package channels are what conda downloads, pip never asks them.
  { id: 'conda', family: 'python', title: 'conda', ownStore: true, signals: /https?:\/\/(?:repo\.continuum\.io|repo\.anaconda\.(?:com|cloud)|conda\.anaconda\.org)\/|Conda(HTTP|SSL)Error|Could not connect to https?:\/\/\S+\s*\n\s*Error: Connection error: |(Collecting|Fetching) package metadata|Solving environment|Using Anaconda API|site-packages[\\/]conda[\\/]|\bconda[ -](install|create|update|search|env|build)\b/ },
  { id: 'uv', family: 'python', title: 'uv', ownStore: true, signals: /\buv (pip|venv|sync|add|lock|run|python|tool)\b|Failed to fetch: `https?:|--native-tls|--allow-insecure-host|python-build-standalone|DEBUG uv \d|\bUV_[A-Z_]+=|\buv exited with status/ },
  // uv's own log lines ("DEBUG Transient request failure for …, retrying:", "DEBUG No cache entry for: …"), and a
  // Rust HTTP client fetching a Python package index's /simple/ page: uv (or rye, which runs it), never pip.
  { id: 'uv', family: 'python', title: 'uv', ownStore: true, signals: /\bDEBUG (?:Transient request failure for \S+, retrying|No cache entry for: )|error sending request for url \(https?:\/\/[^)\s]+\/simple\// },
  // Poetry's and PDM's installers are plain Python scripts (urllib): their failure is Python's, whose trust store
  // (SSL_CERT_FILE, "Install Certificates.command") is the fix, not Poetry's own certificate settings.
  { id: 'python-ssl', family: 'python', title: 'Python ssl / urllib', ownStore: false, signals: /Retrieving Poetry metadata|(?:install|get)-poetry\.py|install-pdm\.py/ },
  // ("pip install" only when no later prompt ran something else: "$ pip install x", then "$ python app.py" failing,
  // is the app's error.)
  { id: 'pip', family: 'python', title: 'pip', ownStore: true, signals: /pip[\\/._]_?vendor|\bpip3? install\b(?![\s\S]*\n[ \t]*(?:\([\w.-]+\)[ \t]*)?[$%❯][ \t]+(?!(?:python[\d.]*\s+-m\s+)?pip)\S)|Could not fetch URL https?:|There was a problem confirming the ssl certificate|Could not install packages due to|No matching distribution found|(?:^|\n)\s*WARNING: Certificate did not match expected hostname: |(^|\n)(?:[ \t]+|[ \t]*WARNING: )Retrying \(Retry\(total=\d+, connect=None|(^|\n)Retrying \(Retry\(total=\d+, connect=None[\s\S]{0,600}?': \/(?:simple|packages|pypi)\// },
  // urllib3's own retry warning, as its logger writes it at a line's start (pip indents it or puts "WARNING: "
  // before it, and its retries are for a package index's /simple/ or /packages/ paths): an application using urllib3
  // (a Sentry client's /api/…/store/ upload), not pip.
  // …also as a structured logger quotes it, at the start of a JSON line's message ({"msg": "Retrying (Retry(…").
  { id: 'python-urllib3', family: 'python', title: 'urllib3', ownStore: true, signals: /(?:^|\n|"(?:msg|message)":\s*")Retrying \(Retry\(total=\d+, connect=/ },
  // (PyPI's JSON API names Poetry unless a traceback ends in requests' own exception line, "requests.exceptions.
  // SSLError: …": an app's update check; Poetry prints its errors in its own layout, never that line.)
  // (Not inside a host name, poetry.eustace.io on a browser page, nor a project's Poetry-made virtualenv
  // (…/pypoetry/virtualenvs/…): the library in that venv printed the error, not Poetry.)
  { id: 'poetry', family: 'python', title: 'Poetry', ownStore: true, signals: /(?<!https?:\/\/[^\s'"()]*)poetry(?!\.(?!lock\b)[a-z][\w-]*\.[a-z])(?![\\/]virtualenvs[\\/])|Retrying HTTP request in \d|→ \d+│|info\/refs\?service=git-upload-pack|^(?![\s\S]*\brequests\.exceptions\.\w+: )[\s\S]*Max retries exceeded with url: \/pypi\/[^/\s]+(?:\/[^/\s]+)?\/json\b/i },
  // (Its sign-in is MSAL's discovery at login.microsoftonline.com, through the same urllib3 pool.)
  // The Azure CLI is the Python program that talks to a registry's or Azure Resource Manager's API itself (Docker
  // reaches *.azurecr.io too, but through its daemon, in Go); its install folder and azure/cli paths name it as well.
  // Its knack framework's "The command failed with an unexpected error. Here is the traceback:" and its Windows
  // build's paths (build_scripts\windows\artifacts\cli) name it too.
  { id: 'az', family: 'python', title: 'Azure CLI', ownStore: true, signals: /HTTPSConnectionPool\(host=['"](?:[\w-]+\.azurecr\.io|management\.azure\.com|login\.microsoftonline\.com)['"]|Microsoft SDKs[\\/]Azure[\\/]CLI2|azure[\\/]cli[\\/](?:core|command_modules)|build_scripts[\\/]windows[\\/]artifacts[\\/]cli|The command failed with an unexpected error\. Here is the traceback|Could not connect to the registry login server/ },
  { id: 'az', family: 'python', title: 'Azure CLI', ownStore: true, signals: /Azure CLI|azure-cli|azure\.cli\.|Please ensure you have network connection\. Error detail:|\baz (login|account|group|acr|aks)\b|Command Name\**\s*`?az\b/ },
  { id: 'aws', family: 'python', title: 'AWS CLI / boto3', ownStore: true, signals: /SSL validation failed for \S|botocore|boto3|aws-cli|\bawscli\.[a-z]|\baws (s3|sts|ec2|iam|configure|sso)\b/ },
  // The Google Cloud CLI by its product names (its installer says "Google Cloud CLI installer will now exit."), its
  // component downloads (dl.google.com/dl/cloudsdk/…) and gsutil, which ships with it.
  { id: 'gcloud', family: 'python', title: 'gcloud', ownStore: true, signals: /Google Cloud (?:CLI|SDK)\b|\/dl\/cloudsdk\/|\bgsutil\b/ },
  { id: 'gcloud', family: 'python', title: 'gcloud', ownStore: true, signals: /gcloud|google-cloud-sdk|googlecloudsdk|Reachability Check failed|httplib2 cannot reach/ },
  // Not Ruby's httpx gem (its frames are …/httpx/io/ssl.rb). Also by its exception's bare name before a Python ssl
  // reason ("ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED]"): no other Python client names an exception ConnectError.
  { id: 'httpx', family: 'python', title: 'HTTPX', ownStore: true, signals: /httpx(?![\w/\\.-]*\.rb\b)|httpcore|(?<![\w.])ConnectError: \[(?:SSL|Errno)/ },
  { id: 'aiohttp', family: 'python', title: 'aiohttp', ownStore: true, signals: /aiohttp|ClientConnector(Certificate|SSL)?Error|Cannot connect to host \S+ ssl:/ },
  // requests < 2.16 vendored urllib3: its frames (requests/packages/urllib3/…, pyOpenSSL under it) are requests'.
  { id: 'python-requests', family: 'python', title: 'Python requests', ownStore: true, signals: /requests[\\/.]packages[\\/.]urllib3/ },
  // …or named by the call the user pasted above the error ("print(requests.get("https://…"))"): requests' own
  // exceptions are SSLError(SSLError(…)) with no frames, which alone read as Python's ssl.
  { id: 'python-requests', family: 'python', title: 'Python requests', ownStore: true, signals: /(?<![\w.])requests\.(?:get|post|put|patch|delete|head|options|request|Session)\(/ },
  // urllib3 used directly (its MaxRetryError reaches the user, with no requests frames above it).
  // (…also its logger's name, "urllib3.connection - ERROR - …", and its pool's repr in a pytest dump,
  // "<urllib3.connectionpool.HTTPSConnectionPool object at 0x…>".)
  { id: 'python-urllib3', family: 'python', title: 'urllib3', ownStore: true, signals: /^(?![\s\S]*(?:requests[\\/.](exceptions|adapters|sessions|api)|\b(?:SSLError|ConnectionError|ProxyError)\(MaxRetryError\())[\s\S]*(urllib3\.exceptions\.MaxRetryError|urllib3[\\/](?:[a-z_]+[\\/])*[a-z_]+\.py|\burllib3\.connection(?:pool)?\b(?!\.py))/ },
  // …or any of its exceptions, raised to the user without requests' words around it.
  { id: 'python-urllib3', family: 'python', title: 'urllib3', ownStore: true, signals: /^(?![\s\S]*(?:requests[\\/.](?:exceptions|adapters|sessions|api|packages)|\b(?:SSLError|ConnectionError|ProxyError)\(MaxRetryError\())[\s\S]*\burllib3\.exceptions\.\w+(?:Error|Warning)\b/ },
  { id: 'python-requests', family: 'python', title: 'Python requests', ownStore: true, signals: new RegExp(`requests\\.exceptions|\\bbad handshake: (?:Error|SysCallError|WantReadError)\\(|requests[\\\\/](adapters|sessions|api)\\.py|requests\\.adapters|${PY_POOL.source}`) },
  // Deno's module loader names the import it could not fetch ("error: Import 'https://…' failed", "Download
  // https://…/mod.ts" above it), and its npm and JSR resolvers the package: the rustls words after them are Deno's,
  // not a Rust program's; before the Node tools, since a project's npm script often runs Deno (Supabase's edge runtime).
  { id: 'deno', family: 'node', title: 'Deno', ownStore: true, signals: /\berror: Import '[^'\n]+' failed|(?:^|\n)\s*Download https?:\/\/\S+\.(?:[mc]?[jt]sx?|json)\s*(?:\n|$)|--unsafely-ignore-certificate-errors|\bjsr\.io\b|\bjsr:@|JSR package manifest for|Error getting response at \S+ for package/ },
  // Node tools, then Node itself. A package's own install script runs on plain Node: its TLS error is Node's, which
  // the package manager's cafile does not reach (NODE_EXTRA_CA_CERTS does).
  { id: 'node', family: 'node', title: 'Node.js', ownStore: true, final: true, signals: /(?:(?:pre|post)?install(?: script)?\$ [^\n]*\n|Running (?:pre|post)?install script, failed|npm (?:ERR!|error) command (?:sh -c|\S*cmd\S* \/d \/s \/c) (?!npm))[\s\S]*(?:node:internal|node:_tls_wrap|Node\.js v\d|TLSSocket)/ },
  // npm ≤ 6 announces an install script with "> pkg@1.0.0 postinstall …" / "> node install.js": what fails after it
  // is the script's own download.
  { id: 'node', family: 'node', title: 'Node.js', ownStore: true, final: true, signals: /^> \S+@\S+ (?:pre|post)?install\b[^\n]*\n> (?!npm)[\s\S]*(?:certificate|CERT_)/m },
  // …also "npm install" named in the text, as pip's rule reads "pip install", unless a later prompt ran something else
  // (a package's own install script was matched as Node's above).
  { id: 'npm', family: 'node', title: 'npm', ownStore: true, signals: /\bnpm (?:install|i|ci)\b(?![\s\S]*\n[ \t]*(?:\([\w.-]+\)[ \t]*)?[$%❯>][ \t]+(?!npm\b)\S)/ },
  { id: 'npm', family: 'node', title: 'npm', ownStore: true, signals: /\bnpm (ERR!|WARN|http|notice|error )|npm-debug\.log|\.npm[\\/]_logs|npm-cli\.js|info retry will retry|node_modules[\\/]npm[\\/]|verbose npm\s+v\d|\d+ error npm\s+v\d|\d+ verbose (?:cli|stack|exit) |(?:^|\n)\d+ (?:silly|http|info attempt registry|info retry) |github\.com\/npm\/npm\/issues/ },
  { id: 'pnpm', family: 'node', title: 'pnpm', ownStore: true, signals: /\bpnpm\b|ERR_PNPM_|WARN\s+GET https?:\/\/\S+ error \(/ },
  // (Not the package npm installs: "npm install --global yarn" failing is npm's download.)
  { id: 'yarn', family: 'node', title: 'Yarn', ownStore: true, signals: /(?<!\b(?:npm|pnpm)\s+(?:i|install|add)\b[^\n]*)\byarn\b|yarnpkg|\bYN\d{4}\b/i },
  // Yarn 1's reporter writes "error <message>" in lower case with no colon, the stack below it; Node writes "Error: …".
  { id: 'yarn', family: 'node', title: 'Yarn', ownStore: true, signals: /(?:^|\n)error (?![\w.]+:)[^\n]*\n\s*at \S|(?:^|\n)error An unexpected error occurred: "/ },
  // Bun prints an error's code (or "error:") on one line and its properties below in double quotes (' path: "…"',
  // ' code: "…"'; a console may join the two lines); Node's inspect quotes them singly.
  { id: 'bun', family: 'node', title: 'Bun', ownStore: true, signals: /\bbun (add|install|i|run|create|init|x|upgrade|pm|v\d)\b|\bBun v\d+\.\d+|\bbun\.report\/|a redacted crash report to Bun's team|downloading (?:package manifest|tarball)|HTTPThread:|bunfig|For more information, pass `verbose: true` in the second argument to fetch\(\)|(?:^|\n)(?:error|[A-Z][A-Z_]{5,}): [^\n]*\s+(?:path|code): "[^"\n]*"/ },
  // curl's own status line before Deno's name: "curl -fsSL https://deno.land/install.sh | sh" failing is curl's
  // failure (Deno never prints "curl: (60)"), whatever the script would have installed.
  { id: 'curl', family: 'curl', title: 'curl', ownStore: false, signals: /(^|\n)\s*curl: \(\d+\) / },
  { id: 'deno', family: 'node', title: 'Deno', ownStore: true, signals: /\bdeno\b|ext:deno_|deno:op_crates|DENO_|TypeError: error sending request for url/i },
  // A test runner relaying a browser it launched ("cypress:launcher:browsers chrome stderr: [...:ERROR:cert_verify_proc_
  // builtin.cc…]", Karma's "Chrome stderr:"): Chromium's log lines are then Chrome's, not an Electron app's.
  { id: 'chrome', family: 'browser', title: 'Chrome / Chromium', ownStore: false, fetchesIntermediates: true, signals: /\bchrom(?:e|ium)(?: headless)? stderr:/i },
  { id: 'electron', family: 'node', title: 'Electron', ownStore: false, fetchesIntermediates: true, signals: ELECTRON },
  // A VS Code extension's error, which runs in the desktop's extension host on Electron's Node: Electron's build tree in
  // OpenSSL's file names (…\vendor\node\deps\openssl\…, Node's own builds say …\ws\deps\openssl), the desktop's
  // extension folder and host process, and the window log's "[Extension Host] " before what the extension host
  // reported. (Not ~/.vscode-server: a remote extension host is plain Node.)
  { id: 'electron', family: 'node', title: 'Electron', ownStore: false, fetchesIntermediates: true, signals: /\bvendor[\\/]+node[\\/]+deps[\\/]+openssl\b|[\\/]\.vscode(?:-insiders)?[\\/]+extensions[\\/]|extensionHostProcess\.js|(?<!Remote )\[Extension Host\] / },
  // The desktop's own extension install ("Error while installing 'ms-python.python' extension in the remote server",
  // "Downloading the 'publisher.name' extension locally", its renderer's log "[renderer3]", log.ts): VS Code's
  // Electron process fetched them, so its proxy and certificate settings are the cure. (Not the C/C++ extension's
  // own "Failed at stage: downloadPackages": the corpus labels that Node, 27s Electron; left to the lead.)
  { id: 'electron', family: 'node', title: 'Electron', ownStore: false, fetchesIntermediates: true, signals: /Error while installing '[\w-]+\.[\w.-]+' extension\b|\b(?:Downloading|download) (?:the )?'[\w-]+\.[\w.-]+' extension locally|\[renderer\d+\] \[(?:error|info|warning)\]|\blog\.ts:\d+ / },
  // Bower, a Node tool: its log lines start with "bower" ("bower jquery#~3.6.0  CERT_HAS_EXPIRED Request to …") and
  // its registry request fails as "Request to https://…/packages/<name> failed: <Node's reason>".
  { id: 'node', family: 'node', title: 'Node.js', ownStore: true, signals: /(?:^|\n)bower\s+\S|\bRequest to https?:\/\/\S+\/packages\/\S+ failed: [a-z]/ },
  // (Node wraps OpenSSL's error queue line in an Error, "Error: 3316:error:1408F10B:SSL routines:…"; the openssl CLI
  // prints the line bare, Python, Ruby and PHP put their own words before the reason.)
  // axios by its error's shape (AxiosError, "isAxiosError: true" in a logged error object) or its own stack frames
  // (node_modules/axios/lib/adapters/http.js, lib/core/settle.js), though the reason under it is Node's.
  { id: 'axios', family: 'node', title: 'axios', ownStore: true, signals: /AxiosError|axios\/\d|\bisAxiosError\b|node_modules[\\/]axios[\\/]|\baxios[\\/]lib[\\/](?:core|adapters|helpers)[\\/]/ },
  // OpenSSL's verify constants by their C names ("X509_V_ERR_CERT_NOT_YET_VALID") are what OpenSSL's API and programs
  // written on it report; Node drops the prefix ("CERT_HAS_EXPIRED"), so its codes below must not claim them.
  { id: 'openssl', family: 'openssl', title: 'OpenSSL CLI', ownStore: false, signals: /\bX509_V_ERR_[A-Z_]+\b/ },
  // (node-fetch's FetchError message, "request to https://… failed, reason: …", also cut to its tail.)
  { id: 'node', family: 'node', title: 'Node.js', ownStore: true, signals: /\bfailed, reason: [a-z]|node:internal|node:_tls_wrap|_tls_wrap\.js|TLSSocket|(?<!::)\bFetchError\b|(?<!https )fetch failed|undici|ERR_TLS_|\bwrite EPROTO\b|Client network socket disconnected|Node\.js v\d|node-fetch|\berrno: '[A-Z_]+'|\bcode: '[A-Z_]{6,}'|\[cause\]:|\{ code: '|deps[\\/]openssl[\\/]|Hostname\/IP (?:does not|doesn't) match certificate's altnames|(^|\s)(?:Error|ERROR):\s+(self[- ]signed certificate|unable to (get local issuer|get issuer|verify the first) certificate|certificate has expired)|request to https?:\/\/\S+ failed, reason: |SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT)|CERT_HAS_EXPIRED|(?:^|\n)\s*Error: \d+:error:[0-9A-F]{8}:SSL routines:|(?:^|\s)[\w$]+ \[\w*Error\]: / },
  // curl's own status line names curl, whatever host it fetched (getcomposer.org is no Composer run).
  { id: 'curl', family: 'curl', title: 'curl', ownStore: false, signals: /(^|\n)\s*curl: \(\d+\) / },
  // PHP, before curl: its errors quote libcurl.
  // WP-CLI, a PHP program that runs Composer's downloader for its packages, prefixes its errors "Error: " (Composer
  // never does): PHP's trust settings are the fix.
  { id: 'php', family: 'php', title: 'PHP (curl / OpenSSL streams)', ownStore: false, signals: /(?:^|\n)Error: (?:curl error \d+ while downloading |The "https?:\/\/[^"\s]+" file could not be downloaded)|\bwp package (?:install|update)\b/ },
  // Composer's own download wording ('The "https://…/packages.json" file could not be downloaded: …', "Failed to
  // download vendor/pkg from dist:", "Downloading (connecting...)"), whatever PHP stream error follows it.
  { id: 'composer', family: 'php', title: 'Composer', ownStore: false, signals: /file could not be downloaded(?: \(HTTP\/[\d.]+ \d+[^)]*\))?: |Failed to download \S+ from (?:dist|source): |Downloading \(connecting\.\.\.\)/ },
  // Its name, though not inside a URL: PHP's own stream error for a download from getcomposer.org (an installer,
  // a script fetching composer.phar) is PHP's, whose openssl.cafile is the fix; nor as a folder (a project under
  // C:\dev\composer\, Composer's autoloader in vendor/composer/ under any PHP program's stack).
  { id: 'composer', family: 'php', title: 'Composer', ownStore: false, signals: /(?<!https?:\/\/[^\s'"()]*)composer(?![\\/])|curl error \d+ while downloading|packages\.json|repo\.packagist\.org/i },
  // Composer's own lower-case "curl error 60 …" (Guzzle and WordPress write "cURL error 60:").
  { id: 'composer', family: 'php', title: 'Composer', ownStore: false, signals: /(?<![\w-])curl error \d+\b/ },
  // Guzzle's "(see https://curl.haxx.se/libcurl/c/libcurl-errors.html)" tail, also as Symfony Console's exception box
  // wraps it ("(see https://curl" / "  .haxx.se/…").
  { id: 'guzzle', family: 'php', title: 'Guzzle (PHP)', ownStore: false, signals: /\[RingException\]|GuzzleHttp|[\\/]guzzlehttp[\\/]guzzle[\\/]|Guzzle\\+(?:Http|Common|Service)\\+|Illuminate\\+Http\\+Client\\+|\[curl\] \d+: |cURL error ?\d+: [^\n]*(?:\n[^\n]*)?\(see https?:\/\/curl\s*\.(?:haxx\.)?se\/libcurl\/c\/libcurl-errors\.html\)?/ },
    // (…and Swoole's coroutine client, a PHP extension: "WARNING swSSL_connect: SSL_connect(fd=4) failed".)
{ id: 'php', family: 'php', title: 'PHP (curl / OpenSSL streams)', ownStore: false, signals: /\bswSSL_\w+: |\bcURL (?:error|request failed with error) \[?\d+|Peer certificate CN=`[^'\n]*' did not match expected CN=|error code: \d+ error message:|PHP (Warning|Fatal|Exception)|\.php line \d+\b|stream_socket_client|file_get_contents|SSL operation failed with code|\.php(:\d+| on line)|Symfony\\+Component\\+HttpClient|stream_socket_enable_crypto|(?:^|[\s/])vendor[\\/]bin[\\/]/ },
  // (Not rustup's own download, which shares curl-rust's "[60] …" form: "rustup: command failed", "info: syncing channel
  // updates", "could not download file from '…'" name rustup.)
  { id: 'cargo', family: 'rust', title: 'Cargo', ownStore: false, signals: new RegExp(`^(?![\\s\\S]*(?:\\brustup: |info: syncing channel updates|could not download file from '))[\\s\\S]*(?:${CARGO.source})`) },
  // Front-ends that run git and pass its stderr on without the "fatal: " (Visual Studio's "Git failed with a fatal
  // error.", IDEs, CI plugins), or name git's own programs and wrappers (git-remote-https, GitPython's Cmd('git')).
  // git in another language keeps the URL in quotes and libcurl's reason in English ("fatal: Zugriff auf
  // 'https://…' nicht möglich: SSL certificate problem: …").
  { id: 'git', family: 'git', title: 'git', ownStore: false, signals: /Git failed with a fatal error|fatal: [^\n]*?['«"]https?:\/\/[^'»"\s]+['»"][^\n]*?: (?:SSL|OpenSSL|schannel|gnutls|server certificate|Problem with the SSL)|(?:^|[\s:])[Uu]nable to access '(?:https?:\/\/)?[^'\s]+'|git-remote-https?\b|\bgit\.exe\b|GitCommandError|Cmd\('git'\) failed/ },
  // libcurl's GnuTLS build, which Debian's and Ubuntu's git links (their curl links OpenSSL): its verification
  // wording alone is git's, unless curl's own status line says curl printed it. (Its handshake wordings,
  // "gnutls_handshake() failed", come from curl, pycurl, PHP's curl and apt as often: they name no client.)
  { id: 'git', family: 'git', title: 'git', ownStore: false, signals: /^(?![\s\S]*curl: \(\d+\) )[\s\S]*server certificate verification failed\. CAfile: / },
  { id: 'git', family: 'git', title: 'git', ownStore: false, signals: /[Ff]atal: (?:[Uu]nable to access|无法访问|HTTP request failed)|error: RPC failed; (?:curl|HTTP) \d+|\bgit (clone|pull|push|fetch)\b|while accessing https?:\/\/\S+\/info\/refs|Git command failed/ },
  // PowerShell's error record names the command that failed before " : " ("curl : The request was aborted…"): in
  // Windows PowerShell curl and wget are aliases of Invoke-WebRequest, so its CategoryInfo block decides.
  { id: 'powershell', family: 'dotnet', title: 'PowerShell', ownStore: false, signals: /(?:^|\n)\s*(?:curl|wget|iwr|irm) : [\s\S]*(?:\+ CategoryInfo\s+:|FullyQualifiedErrorId|At [^\n]*\.ps1:\d+ char:\d+|At line:\d+ char:\d+)/ },
  // libcurl's NSS backend has its own words ("Peer's Certificate issuer is not recognized"), which reach the user
  // through bindings (R's curl::curl_fetch_memory) as libcurl's.
  // A curl command line names curl, unless it pipes what it fetched into an interpreter ("curl -sSL https://… |
  // python3 -"): the error below is then the script's (curl's own failures print "curl: (N)" and match above).
  // (…also curl -v's own lines, "ALPN: offers h2", "Closing connection 0", after git's rules, whose
  // GIT_CURL_VERBOSE prints them too.)
  { id: 'curl', family: 'curl', title: 'curl', ownStore: false, signals: /(?:^|\n)\*?\s*ALPN: offers\b|(?:^|\n)\*?\s*Closing connection #?\d+\s*(?:\n|$)|curl: \(\d+\)|SSL: (?:certificate subject name '[^'\n]+' does not match target host name|no alternative certificate subject name matches target host name)|(^|[\s/])curl(\.exe)? (-\S+ )*['"]?https?:\/\/(?![^\n|]*\|\s*(?:sudo\s+)?(?:python[\d.]*|py|sh|bash|zsh|node|php|ruby|perl)\b)|Peer's [Cc]ertificate issuer is not recognized|(?:^|\n)\* (?:Connected to \S+ \([^)]*\) port \d+|successfully set certificate verify locations|SSL connection using|Server certificate:|TLSv1\.\d \((?:IN|OUT)\))/ },
  // wget's own progress lines name it in any locale: each request's "--2021-06-26 02:48:13--  https://…" header (old
  // builds "--11:28:30--") and "Connecting to host|1.2.3.4|:443..." (older builds without "(host)").
  { id: 'wget', family: 'wget', title: 'wget', ownStore: false, signals: /(?:^|\n)--(?:\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d--\s+(?:https?|ftp):\/\/|Connecting to \S+\|[\d.:a-f]+\|:\d+\.\.\.|--no-check-certificate|Unable to locally verify the issuer's authority|\bwget\b|cannot verify \S+'s certificate|Unable to establish SSL connection|GnuTLS: |ERROR: certificate common name |ERROR: no certificate subject alternative name matches|ERROR: The certificate of [‘'`"]?\S+?['’"]? (?:is not trusted|has expired|doesn't have a known issuer|hasn't got a known issuer|is not yet activated)|Connecting to \S+ \(\S+\)\|[\d.:a-f]+\|:\d+\.\.\. connected/ },
  // JVM.
  { id: 'gradle', family: 'java', title: 'Gradle', ownStore: true, signals: /gradle|Could not (GET|HEAD) '|Could not resolve all (files|dependencies)|Could not get resource '|\* What went wrong:|Execution failed for task '|FAILURE: Build failed with an exception|Run with --(?:stacktrace|scan|info)\b/i },
  // Maven's log levels prefix every line it relays, a plugin's Java stack included ("[INFO] \tat sun.security…",
  // "[ERROR] IO Exception: sun.security…"), and a plugin's goal class is a Mojo ("UpdateMojo.uploadDependencies"):
  // the fix is then Maven's JVM options, not a program's own.
  { id: 'maven', family: 'java', title: 'Maven', ownStore: true, signals: /\[(?:INFO|ERROR|WARNING|DEBUG)\] (?:\s*at [\w$.]+\(|[^\n]*(?:javax\.net\.ssl|sun\.security|PKIX path))|\b\w+Mojo\.\w+/ },
  // "maven" inside a host name or URL (repo.maven.apache.org, central.maven.org, …/apache-maven-3.2.5-bin.zip) is
  // where a JVM program downloads from, not Maven printing.
  { id: 'maven', family: 'java', title: 'Maven', ownStore: true, signals: /(?<!https?:\/\/[^\s'"()]*|[\w.-])maven(?![\w-]*\.(?:apache\.)?org\b)|org\.apache\.maven\.|org\.eclipse\.aether|Could not transfer artifact|plexus\.classworlds|\[ERROR\] Failed to execute goal|\bmvn\b/i },
  // (Bouncy Castle's TLS stack, org.bouncycastle.tls: "TlsFatalAlertReceived: handshake_failure(40)".)
  { id: 'java', family: 'java', title: 'Java', ownStore: true, signals: /org\.bouncycastle\.|\bTlsFatalAlert(?:Received)?: |javax\.net\.ssl|sun\.security|org\.conscrypt|\bssl=0x[0-9a-f]+: |PKIX path|SunCertPathBuilderException|CertPathValidatorException|SSLHandshakeException|SSLPeerUnverifiedException|java\.security\.|No subject alternative (DNS )?names?/ },
  // Go tools, then Go. What only kubectl (client-go) prints comes before Docker: "docker" is in many cluster names
  // (docker-desktop, host.docker.internal) and kubectl runs in containers. Pod events are the node's errors, not
  // kubectl's: a CNI plugin's (Go) or the container runtime's (Docker below).
  { id: 'go', family: 'go', title: 'Go', ownStore: false, final: true, signals: /FailedCreatePodSandBox|networkPlugin cni failed/ },
  // Container tools in Go that are not Docker, though they pull docker:// and docker.io images: Singularity/Apptainer,
  // Podman, Skopeo, Buildah, crictl, containerd (its "failed to pull and unpack image"); go-containerregistry (crane,
  // ko, rules_docker: "unable to push image to …: Get https://…/v2/: x509: …"), which reads no daemon.json.
  { id: 'go', family: 'go', title: 'Go', ownStore: false, signals: /\b(?:singularity|apptainer|podman|skopeo|buildah|crictl|nerdctl)\b|\bctr: |failed to pull and unpack image|While making image from oci registry|\bunable to push image to\b|\bError pushing image to\b/i },
  // Terraform's own log and errors, before Helm and kubectl: its Helm and Kubernetes providers quote their errors.
  // Terraform's diagnostics are boxed ("│ Error: …" inside ╷ … ╵); OpenTofu prints the same.
  { id: 'terraform', family: 'go', title: 'Terraform', ownStore: false, signals: /(?:^|\n)[ \t]*│ Error: |registry\.(?:terraform\.io|opentofu\.org)|\btofu (?:init|plan|apply)\b/ },
  { id: 'terraform', family: 'go', title: 'Terraform', ownStore: false, signals: /\*terraform\.Eval|\[(?:DEBUG|ERROR|TRACE)\] module\.|Failed to query available provider packages|Failed to install provider/ },
  // Terraform 0.11's own wrappers around a provider's error ("Error refreshing state: 1 error(s) occurred:", "*
  // provider.vsphere: …"), 0.12's unboxed diagnostics ("  on main.tf line 10, in provider …"), a provider's binary
  // (terraform-provider-*), and what only its providers print: the vSphere
  // provider's client set-up against vCenter's /sdk endpoint, the Vault provider's child token.
  { id: 'terraform', family: 'go', title: 'Terraform', ownStore: false, signals: /\bError refreshing state\b|(?:^|\n)\s*\* provider\.[a-z][\w-]*: |\bterraform-provider-[a-z]|\b[Ee]rror setting up (?:new vSphere SOAP )?client: (?:Post|Get) "?https?:\/\/[^"\n]+?\/sdk"?:|failed to create limited child token|(?:^|\n)\s*on [\w./\\-]+\.tf(?:\.json)? line \d+, in / },
  // Helm's own words for the API server it could not reach (its repositories are the rule further down).
  // …and for a chart it could not fetch: from an OCI registry ("could not download oci://…"; Helm is what names
  // registries oci://; a manifest under …/charts/… in a registry's API) or a chart repository's index.yaml; before Docker, whose name is in many registries'
  // (oci://registry-1.docker.io/bitnamicharts/…).
  // (…and Helm's --debug log names its own source file: "helm.go:84: [debug] Get …".)
  { id: 'helm', family: 'go', title: 'Helm', ownStore: false, signals: /\bhelm\.go:\d+: |\boci:\/\/[\w.-]|\/v2\/\S*\bcharts?\/\S*\/manifests\/|\bChart\.ya?ml\b|\/index\.yaml\b|\bhelm (?:repo|pull|push|install|upgrade|dependency|registry|template)\b/ },
  { id: 'helm', family: 'go', title: 'Helm', ownStore: false, signals: /Kubernetes cluster unreachable|(?:INSTALLATION|UPGRADE) FAILED:/ },
  // …and for its dependency update: a chart archive it could not download ("could not download
  // https://…/charts/vault-0.5.0.tgz", "Save error occurred:", "restoring pre-update state", "Happy Helming").
  // (Helm's cobra "Error: " before Go's Get of a chart archive, "Error: Get https://…/keycloak-3.1.0.tgz: x509: …", is
  // helm fetch / install from a chart repository.)
  { id: 'helm', family: 'go', title: 'Helm', ownStore: false, signals: /(?:^|\n)\s*Error: (?:Get|Head) "?https?:\/\/[^\s"]+\.tgz"?: |could not download \S+\.tgz\b|Save error occurred: |restoring pre-update state|Happy Helming|grab the latest from your chart repositories/ },
  // A .NET program's own exception chain ("Unhandled exception. System.Net.Http.HttpRequestException", " --->
  // System.Security.Authentication.AuthenticationException") printed inside "docker run" or a Dockerfile's build
  // step: the program in the container failed, so the fix is its trust store (the image's CA certificates), not Docker's.
  { id: 'dotnet', family: 'dotnet', title: '.NET', ownStore: false, signals: /Unhandled exception\. System\.|--->\s*System\.(?:Net|Security)\.[\w.]*Exception\b|\bSystem\.Net\.Http\.HttpRequestException\b|\berror NU\d{4}\b/ },
  { id: 'kubectl', family: 'go', title: 'kubectl', ownStore: false, signals: /Unable to connect to the server:|couldn't read version from server|couldn't get current server API group list|memcache\.go:\d+\]|kubectl cluster-info dump|error: You must be logged in to the server|https:\/\/\S+:6443\/api\b/ },
  // The docker CLI's own words for a daemon it could not reach ("error during connect: Get …", before 1.13 "An error
  // occurred trying to connect: Get …", "Are you trying to connect to a TLS-enabled daemon without TLS?"), the daemon's TLS port
  // 2376 and its /_ping, DOCKER_HOST and friends, the daemon's pull log ("Download failed, retrying: …"), BuildKit's
  // "failed to solve:" (docker build).
  // The daemon's journal ("dockerd[14445]: … msg=\"Attempting next endpoint for push after error: …\""), the CLI's push
  // ("The push refers to repository [h:5000/x]"), and a request to a registry's v2 API base or its manifests and blobs
  // (Get "https://h:5000/v2/": …): the engine's registry client, so daemon.json (insecure-registries, certs.d) is the
  // lever. (containerd's ctr, Podman and Skopeo reach /v2/ too, but their own names matched above.)
  { id: 'docker', family: 'go', title: 'Docker', ownStore: false, signals: /\bdockerd\[\d+\]|Attempting next endpoint for (?:push|pull)\b|The push refers to repository \[|\b(?:Get|Head|Post|Put|Patch) "?https?:\/\/[^\s"/]+\/v2\/(?:"?: |[^\s"]*\/(?:manifests|blobs|tags)\/)|\berror during connect\b|An error occurred trying to connect: (?:Get|Post|Head|Delete) |TLS-enabled daemon|:2376\b|\/_ping\b|\bDOCKER_(?:HOST|TLS_VERIFY|CERT_PATH)\b|(?:^|\n)\s*Download failed, retrying: |(?:^|\n)\s*(?:ERROR: |error: )?failed to solve: / },
  // Not the name inside a certificate's subject or issuer ("O = Docker, CN = Notary Testing CA" in an openssl
  // transcript, "/O=Docker" in curl -v): that is who issued the certificate, not who printed the error.
  { id: 'docker', family: 'go', title: 'Docker', ownStore: false, signals: /(?<!(?:\b|\/)(?:O|OU|CN|L|ST)\s?=\s?[^,/\n]*)\bdocker\b|Error response from daemon|registry-1\.docker\.io|index\.docker\.io|error pulling image/i },
  { id: 'kubectl', family: 'go', title: 'kubectl', ownStore: false, signals: /kubectl/ },
  { id: 'helm', family: 'go', title: 'Helm', ownStore: false, signals: /\bhelm\b|is not a valid chart repository/i },
  { id: 'terraform', family: 'go', title: 'Terraform', ownStore: false, signals: /terraform|Failed to query available provider|provider registry|Failed to install provider/i },
  // .NET and PowerShell (PackageManagement's "Unable to download from URI '…' to ''" when PowerShellGet bootstraps NuGet).
  { id: 'powershell', family: 'dotnet', title: 'PowerShell', ownStore: false, signals: /Invoke-WebRequest|Invoke-RestMethod|PackageManagement\\|Unable to download from URI '[^'\n]+' to ''|\bPowerShellGet\b|Unable to resolve package source '|(^|\n)\s*(irm|iwr) :|FullyQualifiedErrorId|\+ CategoryInfo\s+:|PowerShell|(^|\n)InnerException\s+: / },
  // A cmdlet (Verb-Noun, a module's own: Connect-Vmc, Get-IntersightCondAlarm) run at a PowerShell prompt, or the
  // name PowerShell 7 puts before its error ("Get-OVIloSso: …"), or Windows PowerShell 5.1 ("Install-Module : …",
  // "PackageManagement\Install-PackageProvider : …"), and PowerShell's words for an exception thrown by a
  // .NET method it called ('Exception calling "GetResponse" with "0" argument(s)').
  { id: 'powershell', family: 'dotnet', title: 'PowerShell', ownStore: false, signals: new RegExp(`(?:^|\\n)PS [A-Za-z]:\\\\[^>\\n]*> ${CMDLET}|(?:^|\\n)(?!Set-Cookie:)${CMDLET}: |(?:^|\\n)(?:[\\w.]+\\\\)?${CMDLET} : |Exception calling "\\w+" with "\\d+" argument\\(s\\)`) },
  // (…also System.IO.IOException, .NET's class (Java's is java.io.IOException), which SslStream throws when the peer
  // closes the handshake, in any locale; and Fiddler's log, "fiddler.network.https> HTTPS handshake to … failed",
  // a .NET proxy's own handshake.)
  { id: 'dotnet', family: 'dotnet', title: '.NET', ownStore: false, signals: /System\.Net\.|System\.Security\.Authentication|RemoteCertificate\w+|AuthenticationException|The SSL connection could not be established|The remote certificate is invalid (?:according to the validation procedure|because of errors)|HttpRequestException|\bNuGet\b|nuget\.org|error NU\d{4}|errors in the certificate chain: \w+|The underlying connection was closed: |(?<!\) - )The certificate chain was (?:issued|provided) by an authority that is not trusted|provider: SSL Provider, error: \d+ - |the transport (?:stream|connection)\b|unexpected packet format|\bSystem\.IO\.IOException\b|\bfiddler\.network\.https> / },
  { id: 'ruby', family: 'ruby', title: 'Ruby', ownStore: false, signals: /SSL verification error at depth \d+: |You must add \/\S[^\n]* to your local trusted store|OpenSSL::SSL::SSLError|SSL_connect (SYSCALL )?returned=|Could not find a valid gem|\.rb:\d+|\bruby\b|\bGemfile\b|Bundler::|\bbundle (?:install|update|exec)\b|experiencing a man-in-the-middle attack/i },
  // Go after Ruby/.NET: "x509:" and "remote error: tls:" are Go's crypto/tls wording.
  // (quic-go writes a QUIC close as "CRYPTO_ERROR (0x12a)" or "CRYPTO_ERROR 0x12a (remote)".)
  { id: 'go', family: 'go', title: 'Go', ownStore: false, signals: /x509: |\bCRYPTO_ERROR (?:\(0x[0-9a-f]{3}\)|0x[0-9a-f]{3} \((?:local|remote)\))|(?:^|[\s:"])tl(?:s|cp): [a-z]|remote error: tl(?:s|cp):|net\/http: TLS|GODEBUG|\bGet "?https?:|rpc error: code =|\.go:\d+/ },
  // (…also std::io::Error's Debug form, "Custom { kind: Other, error: \"…\" }", and native-tls's HandshakeError
  // Display, "the handshake failed: error:14090086:…": a Rust program whose error names no crate.)
  { id: 'rust', family: 'rust', title: 'Rust (reqwest / rustls / native-tls)', ownStore: true, signals: /rustup|(^|\n)info: caused by: |invalid peer certificate|\bWebPKIError\(|invalid certificate: \w+|hyper::Error|rustls|reqwest|X509VerifyResult|native-tls|ErrorStack\(|error trying to connect:|\.rs:\d+|\(os error -?\d+\)|repr: Os \{|Ssl\(Failure\(|InvalidCertificate\(|client error \(Connect\)|\bCustom \{ kind: [A-Z]\w*, error: |\bthe handshake failed: / },
  // …and `openssl verify`'s own lines ("error 20 at 0 depth lookup: …", "error certs.pem: verification failed").
  { id: 'openssl', family: 'openssl', title: 'OpenSSL CLI', ownStore: false, signals: /verify error:num=\d+|Verify return code: \d+|openssl s_client|depth=\d+ |CONNECTED\([0-9A-F]{8,16}\)|(?:^|\n)Verify return code: |\berror \d+ at \d+ depth lookup: ?|(?:^|\n)error \S+: verification failed|^[#\s]*[0-9A-F]{4,16}:error:[0-9A-F]{8}:SSL routines:[^\n]*:(?:\.\.\/)?ssl[\\/](?:statem|record)[\\/]|\b(?:Verify )?[Rr]eturn code:? \d+ \((?:unable|self[- ]signed|certificate|Hostname)/m },
  { id: 'chrome', family: 'browser', title: 'Chrome / Chromium', ownStore: false, fetchesIntermediates: true, signals: /NET\s*::\s*ERR_\w+|net::ERR_\w+|\bERR_CERT_\w+|\bERR_(?:BAD_)?SSL_[A-Z_]+\b|Your connection is not private|ssl_client_socket_impl\.cc|This server could(?: not|n['’]t) prove that it(?: is|['’]s) |When Chrome tried to connect to|sent back unusual and incorrect credentials|didn't accept the one sent by the browser/ },
  { id: 'firefox', family: 'browser', title: 'Firefox', ownStore: true, signals: /Web ?sites prove their identity via certificates|Warning: Potential Security Risk Ahead|(?:^|\n)\W*Secure Connection Failed\b|SEC_ERROR_\w+|MOZILLA_PKIX_ERROR_\w+|SSL_ERROR_\w+|PR_(?:END_OF_FILE|CONNECT_RESET)_ERROR|uses an invalid security certificate|Firefox|HTTP Strict Transport Security: (?:true|false)/i },
  // R's curl package (and httr over it) prints libcurl's own error under its call ("Error in curl::curl_fetch_memory(url,
  // handle = handle) : schannel: …"), and "CertGetCertificateChain trust error" is libcurl's SChannel backend's
  // wording, never Windows' own: libcurl's fixes (CURLOPT_CAINFO, its ssl options) are the cure, not the OS store.
  { id: 'curl', family: 'curl', title: 'curl', ownStore: false, signals: /\bcurl::curl(?:_fetch_\w+|_download|_echo)?\(|\bError in curl::|\b[Ss]channel: CertGetCertificateChain trust error\b/ },
  { id: 'schannel', family: 'windows', title: 'Windows SChannel', ownStore: false, signals: /schannel|SEC_E_\w+|CRYPT_E_\w+|CERT_E_[A-Z_]+|0x800[9B][0-9a-f]{4}|InitializeSecurityContext/i },
  // libcurl's own verify wording opening the message, with no program's prefix before it ("SSL certificate problem:
  // certificate is not yet valid"): git, PHP and R say it after their own words ("fatal: unable to access", "cURL
  // error 60:"), which matched above; alone it is curl's.
  { id: 'curl', family: 'curl', title: 'curl', ownStore: false, signals: /^\s*SSL certificate problem: / },
  // Last: plain Python (ssl, urllib, http.client, smtplib…), recognised by OpenSSL-through-CPython wording.
  // pyOpenSSL's error tuple ("[('SSL routines', 'ssl_choose_client_version', 'unsupported protocol')]") too, and
  // ssl.match_hostname's "hostname 'x' doesn't match either of 'a', 'b'" (setuptools, old requests).
  { id: 'python-ssl', family: 'python', title: 'Python ssl / urllib', ownStore: false, signals: /\[\('SSL routines', '|_ssl\.c:\d+|\bdistutils\.errors\.|hostname '[^'\n]+' doesn't match (?:either of )?'|ssl\.SSL\w*Error|urllib\.error|urlopen error|http[\\/.]client|SSLCertVerificationError|\[SSL: [A-Z_]+\]/ },
];

/** Every client the table knows (for docs and tests), once each (a client may have several rules). */
export const CLIENTS: readonly ClientInfo[] = RULES.filter((r, i) => RULES.findIndex((o) => o.id === r.id) === i).map(
  ({ signals: _s, final: _f, ...info }) => info,
);

/** The most specific client the text names, or undefined when no client's wording is there. */
export function identifyClient(text: string): ClientInfo | undefined {
  const rule = RULES.find((r) => r.signals.test(text));
  // A rule marked final decided against the outer program on purpose (an install script's own download is Node's).
  const id = rule?.final ? rule.id : outermost(rule?.id, evidenceOf(text));
  if (!id) return undefined;
  if (rule && id === rule.id) {
    const { signals: _s, final: _f, ...info } = rule;
    return info;
  }
  return clientInfo(id);
}

/** Looks a client up by id. */
export function clientInfo(id: ExplainClientId): ClientInfo {
  const found = CLIENTS.find((c) => c.id === id);
  if (!found) throw new Error(`unknown client ${id}`);
  return found;
}
