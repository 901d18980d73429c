// Durable client evidence and the precedence between programs. The wording rules in clients.ts know the strings
// threads have shown; what follows reads the parts of a paste that every message of a client carries whatever its
// wording: the command the user typed, a tool's line prefix, the packages in the stack frames, the exception's class.
// The outermost program the user ran wins over the library inside it (pip over urllib3, Docker over Go): WRAPS says
// which program runs which, once, with why. Pure.
import type { ExplainClientId } from './ids';

/** How a piece of evidence names a client, strongest first: what the user ran outranks what ran inside it. */
export type EvidenceKind = 'command' | 'prefix' | 'frame' | 'exception';

export interface Evidence {
  readonly client: ExplainClientId;
  readonly kind: EvidenceKind;
  /** Where in the text it was found (earlier wins between equals: a paste starts with what the user did). */
  readonly at: number;
}

const KIND_RANK: Readonly<Record<EvidenceKind, number>> = { command: 0, prefix: 1, frame: 2, exception: 3 };

/**
 * The programs each program runs inside itself, and so prints the errors of: the outer one is the client (its
 * settings are the fix that reaches the failing call). Transitive (pip runs requests, requests runs urllib3).
 */
export const WRAPS: readonly {
  readonly outer: ExplainClientId;
  readonly inner: readonly ExplainClientId[];
  readonly why: string;
}[] = [
  {
    outer: 'pip',
    inner: ['python-requests', 'python-urllib3', 'python-ssl'],
    why: 'pip vendors requests and urllib3 (pip/_vendor/…): their frames and exceptions are pip’s',
  },
  {
    outer: 'conda',
    inner: ['python-requests', 'python-urllib3', 'python-ssl'],
    why: 'conda downloads through requests; its ssl_verify setting is the lever',
  },
  {
    outer: 'poetry',
    inner: ['python-requests', 'python-urllib3'],
    why: 'Poetry downloads through requests; its certificates.<source> setting is the lever',
  },
  {
    outer: 'aws',
    inner: ['python-requests', 'python-urllib3', 'python-ssl'],
    why: 'botocore carries its own urllib3; AWS_CA_BUNDLE is what it reads',
  },
  {
    outer: 'gcloud',
    inner: ['python-requests', 'python-urllib3', 'python-ssl'],
    why: 'the Cloud SDK runs httplib2 and requests with its own CA setting',
  },
  {
    outer: 'az',
    inner: ['python-requests', 'python-urllib3', 'python-ssl'],
    why: 'the Azure CLI is requests with its own certifi',
  },
  {
    outer: 'python-requests',
    inner: ['python-urllib3', 'python-ssl'],
    why: 'requests runs urllib3 on Python’s ssl; REQUESTS_CA_BUNDLE reaches both',
  },
  { outer: 'python-urllib3', inner: ['python-ssl'], why: 'urllib3 wraps Python’s ssl module and raises its errors' },
  { outer: 'httpx', inner: ['python-ssl'], why: 'httpx (httpcore) raises ssl’s errors as ConnectError' },
  { outer: 'aiohttp', inner: ['python-ssl'], why: 'aiohttp wraps ssl’s errors in ClientConnector…Error' },
  {
    outer: 'uv',
    inner: ['rust'],
    why: 'uv is a Rust program on reqwest and rustls: its --native-tls / SSL_CERT_FILE are the levers',
  },
  { outer: 'deno', inner: ['rust'], why: 'Deno is built on rustls: DENO_CERT, not a Rust program’s settings' },
  {
    outer: 'cargo',
    inner: ['rust', 'curl'],
    why: 'Cargo fetches through libcurl (curl-rust): CARGO_HTTP_CAINFO is the lever',
  },
  { outer: 'npm', inner: ['node'], why: 'npm is a Node program: its cafile setting reaches its registry requests' },
  { outer: 'yarn', inner: ['node'], why: 'Yarn is a Node program with its own CA settings' },
  { outer: 'pnpm', inner: ['node'], why: 'pnpm is a Node program with its own cafile' },
  {
    outer: 'axios',
    inner: ['node'],
    why: 'axios runs on Node’s https: its frames above Node’s name the library the fix goes to',
  },
  {
    outer: 'electron',
    inner: ['node', 'chrome'],
    why: 'an Electron app embeds Node and Chromium: the app’s process is what failed',
  },
  { outer: 'composer', inner: ['php'], why: 'Composer is PHP: its cafile setting is the lever' },
  { outer: 'guzzle', inner: ['php'], why: 'Guzzle wraps PHP’s curl: its verify option is the lever' },
  {
    outer: 'git',
    inner: ['curl', 'schannel', 'openssl'],
    why: 'git fetches over libcurl (OpenSSL, GnuTLS or SChannel): http.sslCAInfo is the lever',
  },
  { outer: 'php', inner: ['curl', 'openssl'], why: 'PHP’s curl and stream errors quote libcurl and OpenSSL' },
  { outer: 'maven', inner: ['java'], why: 'Maven runs on a JVM: MAVEN_OPTS and its JDK’s cacerts are the levers' },
  {
    outer: 'gradle',
    inner: ['java'],
    why: 'Gradle runs on a JVM: gradle.properties and its JDK’s cacerts are the levers',
  },
  {
    outer: 'terraform',
    inner: ['helm', 'kubectl', 'go'],
    why: 'Terraform and its providers are Go; its Helm/Kubernetes providers quote their errors',
  },
  { outer: 'helm', inner: ['kubectl', 'go'], why: 'Helm is Go on client-go' },
  { outer: 'kubectl', inner: ['go'], why: 'kubectl is Go (client-go)' },
  { outer: 'docker', inner: ['go'], why: 'the Docker CLI and daemon are Go: the daemon’s certs.d is the lever' },
  { outer: 'powershell', inner: ['dotnet', 'schannel'], why: 'PowerShell cmdlets run .NET’s HttpClient on SChannel' },
  { outer: 'dotnet', inner: ['schannel'], why: '.NET on Windows verifies through SChannel' },
  { outer: 'curl', inner: ['openssl', 'schannel'], why: 'curl quotes its TLS backend’s reason' },
  { outer: 'wget', inner: ['openssl'], why: 'wget quotes OpenSSL’s or GnuTLS’s reason' },
  { outer: 'ruby', inner: ['openssl'], why: 'Ruby’s OpenSSL::SSL::SSLError quotes OpenSSL' },
  { outer: 'python-ssl', inner: ['openssl'], why: 'Python’s ssl quotes OpenSSL’s reason codes' },
];

/** Whether `outer` runs `inner` inside itself, directly or through another program. */
export function wraps(outer: ExplainClientId, inner: ExplainClientId, seen = new Set<ExplainClientId>()): boolean {
  if (seen.has(outer)) return false;
  seen.add(outer);
  const direct = WRAPS.filter((w) => w.outer === outer).flatMap((w) => w.inner);
  return direct.includes(inner) || direct.some((d) => wraps(d, inner, seen));
}

/**
 * A shell prompt before a command: "$ ", "> ", "% ", "❯ ", "PS C:\x> ", "C:\x>", "user@host:~$ " or "root@host:~# ",
 * "(venv) $ ", a Dockerfile's or CI step's RUN / run:. Not "# " alone: in a pasted snippet that is a comment.
 */
const PROMPT = String.raw`(?:^|\n)[ \t]*(?:\([\w.-]+\)[ \t]*)?(?:[$>%❯➜»λ][ \t]*|PS [^>\n]*>[ \t]*|[A-Za-z]:\\[^>\n]*>[ \t]*|[\w.-]+@[\w.-]+:[^$#\n]*[$#][ \t]*|(?:RUN|run:)[ \t]+)(?:sudo[ \t]+(?:-\S+[ \t]+)*)?`;

/**
 * A line that is certainly a shell prompt with a command after it (not "> " alone, which Gradle's and npm's output
 * and Markdown quotes start lines with); where the last one starts (-1: none).
 */
const STRONG_PROMPT =
  /(?:^|\n)[ \t]*(?:\([\w.-]+\)[ \t]*)?(?:[$%❯➜»λ][ \t]+|PS [^>\n]*>[ \t]*|[A-Za-z]:\\[^>\n]*>[ \t]*|[\w.-]+@[\w.-]+:[^$#\n]*[$#][ \t]*)\S/g;

function lastPromptAt(text: string): number {
  let at = -1;
  for (const m of text.matchAll(STRONG_PROMPT)) at = m.index ?? at;
  return at;
}

/**
 * Commands a user types, by the program they start. Only the subcommands where that program itself talks TLS:
 * "docker run" / "kubectl exec" start someone else's program, whose error it is.
 */
const COMMANDS: readonly [ExplainClientId, string][] = [
  [
    'pip',
    String.raw`(?:pip[\d.]*|python[\d.]*\s+-m\s+pip|py\s+-m\s+pip)\s+(?:install|download|wheel|index|search|list)\b`,
  ],
  ['conda', String.raw`(?:conda|mamba|micromamba)\s+(?:install|create|update|search|env)\b`],
  ['poetry', String.raw`poetry\s+(?:install|add|update|lock|publish|source|self)\b`],
  ['uv', String.raw`uvx?\s+(?:pip|sync|add|lock|run|tool|venv|python)\b`],
  ['npm', String.raw`(?:npm|npx)\s+(?:i|install|ci|add|update|publish|login|view|audit|exec|create|init)\b`],
  [
    'yarn',
    String.raw`yarn(?:\s+(?:add|install|upgrade|dlx|create|set|npm|global))?\s*(?:\n|$)|yarn\s+(?:add|install|upgrade|dlx|create)\b`,
  ],
  ['pnpm', String.raw`pnpm\s+(?:i|install|add|update|dlx|create|env|fetch)\b`],
  ['bun', String.raw`bunx?\s+(?:i|install|add|create|upgrade|x)\b`],
  ['deno', String.raw`deno\s+(?:run|install|cache|task|upgrade|add|compile|test)\b`],
  ['curl', String.raw`curl(?:\.exe)?\s+(?:-[^\n|]*?\s+)?['"]?https?:\/\/[^\n|]*(?:\n|$)`],
  ['wget', String.raw`wget\s+(?:-\S+\s+)*['"]?(?:https?|ftps?):\/\/`],
  ['git', String.raw`git\s+(?:clone|pull|push|fetch|ls-remote|submodule|lfs)\b`],
  ['maven', String.raw`(?:mvn|\.\/mvnw|mvnw(?:\.cmd)?)\b`],
  ['gradle', String.raw`(?:gradle|\.\/gradlew|gradlew(?:\.bat)?)\b`],
  [
    'docker',
    String.raw`docker(?:-compose|\s+compose)?\s+(?:pull|push|login|build|buildx|search|info|version|manifest|trust|plugin\s+install|compose\s+(?:pull|up|build)|pull|up)\b`,
  ],
  [
    'kubectl',
    String.raw`(?:kubectl|oc)\s+(?:get|apply|describe|create|delete|version|cluster-info|config|auth|port-forward|rollout|patch)\b`,
  ],
  ['helm', String.raw`helm\s+(?:repo|pull|push|install|upgrade|dependency|dep|registry|search|template)\b`],
  ['terraform', String.raw`(?:terraform|tofu)\s+(?:init|plan|apply|validate|providers|get|destroy|refresh|import)\b`],
  [
    'composer',
    String.raw`(?:composer(?:\.phar)?|php\s+composer\.phar)\s+(?:install|update|require|create-project|self-update|diagnose|global)\b`,
  ],
  ['cargo', String.raw`cargo\s+(?:install|build|fetch|update|publish|check|run|add|search)\b`],
  ['rust', String.raw`rustup\s+(?:update|install|toolchain|target|component|self)\b`],
  ['aws', String.raw`aws\s+[a-z0-9-]+\s+[a-z0-9-]+`],
  ['gcloud', String.raw`(?:gcloud|gsutil)\s+[a-z]`],
  ['az', String.raw`az\s+(?:login|account|group|acr|aks|vm|storage|webapp|keyvault|extension|upgrade|devops)\b`],
  ['openssl', String.raw`openssl\s+(?:s_client|verify|x509)\b`],
  ['ruby', String.raw`(?:gem\s+(?:install|update|sources)|bundle(?:r)?\s+(?:install|update)|bundle\s*(?:\n|$))`],
  [
    'dotnet',
    String.raw`(?:dotnet\s+(?:restore|build|add|tool|nuget|run|publish|new|workload)|nuget(?:\.exe)?\s+(?:restore|install|push))\b`,
  ],
  [
    'powershell',
    String.raw`(?:Invoke-WebRequest|Invoke-RestMethod|iwr|irm|Install-Module|Find-Module|Install-PackageProvider|Register-PSRepository|Update-Module|Save-Module)\b`,
  ],
  ['go', String.raw`go\s+(?:get|install|mod\s+(?:download|tidy)|build|run|test)\b`],
  ['php', String.raw`php(?:[\d.]+)?\s+(?:-\S+\s+)*[\w./\\-]+\.php\b`],
];

/** A tool's own line prefix or banner: the tool printed the block it heads. */
const PREFIXES: readonly [ExplainClientId, RegExp][] = [
  ['npm', /(?:^|\n)\s*npm (?:ERR!|error|WARN) /],
  ['yarn', /(?:^|\n)\s*error An unexpected error occurred: |(?:^|\n)\s*➤ YN\d{4}: /],
  ['pnpm', /\bERR_PNPM_[A-Z_]+/],
  [
    'maven',
    /(?:^|\n)\s*\[(?:ERROR|WARNING)\] (?:Failed to execute goal|Non-resolvable|[^\n]*Could not transfer artifact|Plugin )/,
  ],
  ['gradle', /(?:^|\n)\s*FAILURE: Build failed with an exception|(?:^|\n)\s*\* What went wrong:/],
  ['docker', /(?:^|\n)[^\n]*Error response from daemon: /],
  [
    'helm',
    /(?:^|\n)\s*Error: (?:INSTALLATION|UPGRADE) FAILED: |(?:^|\n)\s*Error: looks like "https?:\/\/[^"]+" is not a valid chart repository/,
  ],
  ['terraform', /(?:^|\n)[ \t]*│ Error: /],
  ['pip', /(?:^|\n)\s*(?:ERROR: Could not install packages due to|WARNING: Retrying \(Retry\(total=)/],
  ['conda', /(?:^|\n)\s*CondaSSLError: |(?:^|\n)\s*CondaHTTPError: /],
  ['cargo', /(?:^|\n)\s*(?:warning: spurious network error|error: failed to (?:download|fetch|get|update))/],
  ['composer', /(?:^|\n)\s*\[Composer\\Downloader\\TransportException\]/],
  ['deno', /(?:^|\n)\s*error: (?:Uncaught(?: \(in promise\))? |Import ')/],
  ['powershell', /(?:^|\n)\s*\+ (?:CategoryInfo|FullyQualifiedErrorId)\s*:/],
];

/**
 * Stack-frame paths by the package they are in. Python's site-packages/<pkg>/ (dist-packages on Debian), Node's
 * node_modules/<pkg>/, Composer's vendor/<vendor>/<pkg>/, the JVM's ~/.m2 and ~/.gradle caches, Go's module cache
 * (go/pkg/mod/<module>@), Cargo's registry (.cargo/registry/src/<index>/<crate>-<version>/), Ruby's gems/<gem>-<v>/,
 * and an Electron app's packaged code (resources/app or app.asar).
 */
const FRAMES: readonly [ExplainClientId, RegExp][] = [
  ['pip', /(?:site|dist)-packages[\\/]+pip[\\/]/],
  ['conda', /(?:site|dist)-packages[\\/]+conda(?:_libmamba_solver|_package_handling)?[\\/]/],
  ['poetry', /(?:site|dist)-packages[\\/]+poetry[\\/]/],
  ['aws', /(?:site|dist)-packages[\\/]+(?:botocore|boto3|awscli|s3transfer)[\\/]|[\\/]aws-cli[\\/]|[\\/]awscli[\\/]/],
  ['gcloud', /[\\/]googlecloudsdk[\\/]|[\\/]google-cloud-sdk[\\/]/],
  ['az', /[\\/]azure[\\/]+cli[\\/]/],
  ['httpx', /(?:site|dist)-packages[\\/]+(?:httpx|httpcore)[\\/]/],
  ['aiohttp', /(?:site|dist)-packages[\\/]+aiohttp[\\/]/],
  ['python-requests', /(?:site|dist)-packages[\\/]+requests[\\/]/],
  ['python-urllib3', /(?:site|dist)-packages[\\/]+urllib3[\\/]/],
  ['npm', /node_modules[\\/]+(?:npm|npm-registry-fetch|make-fetch-happen|pacote|@npmcli[\\/]+[\w.-]+)[\\/]/],
  [
    'yarn',
    /node_modules[\\/]+(?:yarn|@yarnpkg[\\/]+[\w.-]+)[\\/]|[\\/]\.yarn[\\/]+releases[\\/]|yarn-\d+\.\d+\.\d+\.c?js/,
  ],
  ['pnpm', /node_modules[\\/]+(?:pnpm|@pnpm[\\/]+[\w.-]+)[\\/]|[\\/]pnpm[\\/]+dist[\\/]+pnpm\.c?js/],
  ['axios', /node_modules[\\/]+axios[\\/]/],
  ['electron', /[\\/]resources[\\/]+app(?:\.asar)?[\\/]|\.app[\\/]Contents[\\/]Resources[\\/]app/],
  ['guzzle', /vendor[\\/]+guzzlehttp[\\/]+guzzle[\\/]/],
  ['composer', /composer\.phar[\\/]|phar:\/\/[^\s]*composer/],
  ['maven', /[\\/]\.m2[\\/]+(?:repository|wrapper)[\\/]|\bat org\.apache\.maven\.|\bat org\.eclipse\.aether\./],
  ['gradle', /[\\/]\.gradle[\\/]+(?:wrapper|caches)[\\/]|\bat org\.gradle\./],
  ['helm', /go[\\/]pkg[\\/]mod[\\/]helm\.sh[\\/]helm/],
  ['terraform', /go[\\/]pkg[\\/]mod[\\/]github\.com[\\/]hashicorp[\\/]terraform@/],
  ['cargo', /\.cargo[\\/]+registry[\\/]+src[\\/]+[^\\/\s]+[\\/]+cargo-\d/],
  [
    'rust',
    /\.cargo[\\/]+registry[\\/]+src[\\/]+[^\\/\s]+[\\/]+(?:reqwest|rustls|hyper|hyper-rustls|native-tls|ureq|webpki)-\d/,
  ],
  ['python-ssl', /[\\/]lib[\\/]+python[\d.]+[\\/]+(?:ssl|urllib[\\/]+request|http[\\/]+client)\.py\b/],
  ['ruby', /[\\/]gems[\\/]+(?:[\w.-]+[\\/]+gems[\\/]+)?[a-z][\w-]*-\d+\.\d+[\w.]*[\\/]|[\\/]lib[\\/]ruby[\\/]+\d/],
];

/** Exception classes and the library that raises them (before the platform reason they wrap). */
const EXCEPTIONS: readonly [ExplainClientId, RegExp][] = [
  ['guzzle', /GuzzleHttp\\+Exception\\+(?:Connect|Request|Transfer)Exception/],
  ['httpx', /\bhttpx\.(?:ConnectError|ConnectTimeout|ReadError|RemoteProtocolError)\b/],
  ['aiohttp', /\baiohttp\.(?:client_exceptions\.)?ClientConnector(?:Certificate|SSL)?Error\b/],
  ['python-requests', /\brequests\.exceptions\.(?:SSLError|ConnectionError|ProxyError)\b/],
  ['python-urllib3', /\burllib3\.exceptions\.(?:SSLError|MaxRetryError|ProtocolError)\b/],
  ['aws', /\bbotocore\.exceptions\.\w+/],
  ['axios', /\bAxiosError\b/],
  [
    'rust',
    /\b(?:InvalidCertificate\((?:UnknownIssuer|BadSignature|Expired|NotValidForName|UnknownRevocationStatus|Other)|rustls::Error::|CertificateError::\w+|webpki::Error::\w+)/,
  ],
  [
    'dotnet',
    /System\.Net\.Http\.HttpRequestException[\s\S]*System\.Security\.Authentication\.AuthenticationException|System\.Security\.Authentication\.AuthenticationException[\s\S]*System\.Net\.Http\.HttpRequestException/,
  ],
  ['powershell', /\b(?:PSGallery|PackageManagement\\|Microsoft\.PowerShell\.Commands\.\w+Command)\b/],
  ['java', /\bsun\.security\.provider\.certpath\.SunCertPathBuilderException\b/],
];

/**
 * Python loggers are named after their module, so a log line names the package that wrote it: logging's default
 * format ("DEBUG:urllib3.connectionpool:…") and the "time - thread - logger - LEVEL - " one (the AWS CLI's --debug).
 */
const LOGGER =
  /(?:^|\n)\s*(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):([a-z_]\w*)(?:\.\w+)*:|\s-\s([a-z_]\w*)(?:\.\w+)*\s-\s(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\s-\s/g;

const LOGGER_PACKAGES: Readonly<Record<string, ExplainClientId>> = {
  pip: 'pip',
  conda: 'conda',
  poetry: 'poetry',
  awscli: 'aws',
  botocore: 'aws',
  boto3: 'aws',
  googlecloudsdk: 'gcloud',
  httpx: 'httpx',
  httpcore: 'httpx',
  aiohttp: 'aiohttp',
  requests: 'python-requests',
  urllib3: 'python-urllib3',
};

function loggers(text: string): Evidence[] {
  const out: Evidence[] = [];
  for (const m of text.matchAll(LOGGER)) {
    const client = LOGGER_PACKAGES[m[1] ?? m[2] ?? ''];
    if (client && !out.some((e) => e.client === client)) out.push({ client, kind: 'frame', at: m.index ?? 0 });
  }
  return out;
}

/** Every piece of durable evidence the text carries. */
export function evidenceOf(text: string): Evidence[] {
  const out: Evidence[] = [];
  // Only the last command typed counts: its output is the error ("$ pip install x" that worked, then "$ python
  // app.py" that failed, is the app's error).
  const last = lastPromptAt(text);
  for (const [client, body] of COMMANDS) {
    const m = new RegExp(`${PROMPT}(?:${body})`).exec(text);
    if (m && m.index >= last) out.push({ client, kind: 'command', at: m.index });
  }
  const add = (kind: EvidenceKind, table: readonly [ExplainClientId, RegExp][]) => {
    for (const [client, re] of table) {
      const m = re.exec(text);
      if (m) out.push({ client, kind, at: m.index });
    }
  };
  add('prefix', PREFIXES);
  add('frame', FRAMES);
  out.push(...loggers(text));
  add('exception', EXCEPTIONS);
  return out;
}

/**
 * The client the evidence names over the one the wording rules chose: only a program that runs the chosen one inside
 * itself replaces it (pip's frames over requests' wording); evidence for an unrelated program leaves the rules'
 * choice alone (they read the error's own words, the evidence only its surroundings). With no rule's choice, the
 * outermost evidence wins: what the user ran, then a tool's prefix, then frames, then an exception's class.
 */
export function outermost(
  ruled: ExplainClientId | undefined,
  evidence: readonly Evidence[],
): ExplainClientId | undefined {
  const ids = [...new Set([...(ruled ? [ruled] : []), ...evidence.map((e) => e.client)])];
  const outer = ids.filter((id) => !ids.some((o) => o !== id && wraps(o, id)));
  if (ruled && outer.includes(ruled)) return ruled;
  const candidates = evidence
    .filter((e) => outer.includes(e.client) && (!ruled || wraps(e.client, ruled)))
    .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.at - b.at);
  return candidates[0]?.client ?? ruled;
}
