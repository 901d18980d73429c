// The small vocabularies rule metadata is written in: what a rule's switch does (its concept, also accepted by
// suppression comments), which client or tool it affects, and which kind of file it is written in. Everything that
// used to be guessed from id strings (`python.` means Python, `env.` means an environment variable) is one of these.

/** What a switch does, whatever the language: the unit a user thinks in (`tls-doctor: ignore verification-off`). */
export const CONCEPTS = {
  'verification-off': {
    title: 'Certificate verification turned off',
    description: 'A call, client, context or command accepts any certificate: the chain is not checked.',
  },
  'hostname-check-off': {
    title: 'Host name check turned off',
    description: 'The chain is checked but not the name: a valid certificate issued for any host is accepted.',
  },
  'trust-all-manager': {
    title: 'Trust manager or validation callback that accepts everything',
    description: 'Custom verification code that never rejects a certificate.',
  },
  'process-env-switch': {
    title: 'Environment variable that turns verification off',
    description: 'An environment variable switches verification off for every connection of a process or tool.',
  },
  'process-default-override': {
    title: 'Process-wide default replaced',
    description: 'The default TLS context of the runtime is replaced by one that does not verify.',
  },
  'tool-config-switch': {
    title: 'Tool configuration that turns verification off',
    description:
      "A setting in a tool's configuration (a config file, or a command that writes one) switches verification off for every run.",
  },
  'trusted-host-exception': {
    title: 'Hosts exempted from verification',
    description: 'Named hosts are fetched without certificate checks (and often without HTTPS).',
  },
  'obsolete-protocol': {
    title: 'Obsolete protocol version pinned',
    description:
      "A context or connection is pinned to (or allows down to) SSL 3, TLS 1.0 or TLS 1.1, which modern servers refuse and which lack today's protections. Certificates are still checked, so this is less severe.",
  },
} as const;

export type Concept = keyof typeof CONCEPTS;

/** True when `s` names a concept. */
export function isConcept(s: string): s is Concept {
  return Object.prototype.hasOwnProperty.call(CONCEPTS, s);
}

/** The client library, runtime or tool whose verification a rule's switch affects. */
export type Client =
  | 'python-requests'
  | 'python-httpx'
  | 'python-aiohttp'
  | 'python-urllib3'
  | 'python-ssl'
  | 'node'
  | 'go'
  | 'java'
  | 'dotnet'
  | 'ruby'
  | 'php'
  | 'php-curl'
  | 'rust'
  | 'curl'
  | 'wget'
  | 'git'
  | 'npm'
  | 'yarn'
  | 'pip'
  | 'kubectl'
  | 'maven'
  | 'conda'
  | 'go-command'
  | 'vscode'
  | 'ansible'
  | 'terraform'
  | 'various'
  | 'deno'
  | 'aws-cli'
  | 'gcloud'
  | 'poetry'
  | 'composer'
  | 'docker'
  | 'kubernetes'
  | 'browser'
  | 'electron'
  | 'android-webview'
  | 'python-websocket'
  | 'dnf'
  | 'apt'
  | 'zypper'
  | 'gradle'
  | 'kafka'
  | 'rubygems'
  | 'sqlserver'
  | 'mysql';

/**
 * The language or configuration kind a rule's finding is written in (it decides how a fix quotes text).
 * `repo-file` is the INI of yum/dnf/zypper (`/etc/yum.repos.d/*.repo`, `yum.conf`, `dnf.conf`); `apt-conf` is APT's
 * `Acquire::https::Verify-Peer "false";` syntax (`/etc/apt/apt.conf`, `apt.conf.d/*`); `gradle` is a Gradle build,
 * settings or init script's repository settings (`*.gradle`, `*.gradle.kts`). `properties` is a Java `.properties`
 * file (Kafka client and Spring settings); `gemrc` is RubyGems' `.gemrc` / Bundler's `.bundle/config` YAML.
 */
export type Surface =
  | 'python'
  | 'javascript'
  | 'go'
  | 'java'
  | 'csharp'
  | 'ruby'
  | 'php'
  | 'rust'
  | 'shell'
  | 'env'
  | 'npmrc'
  | 'yarnrc'
  | 'pip-conf'
  | 'gitconfig'
  | 'curlrc'
  | 'wgetrc'
  | 'vscode-settings'
  | 'yaml'
  | 'hcl'
  | 'condarc'
  | 'toml'
  | 'json'
  | 'repo-file'
  | 'apt-conf'
  | 'gradle'
  | 'properties'
  | 'gemrc'
  | 'connection-string';

/** Surfaces that are a tool's configuration file (as opposed to code, commands and environment variables). */
export const CONFIG_SURFACES: ReadonlySet<Surface> = new Set<Surface>([
  'npmrc',
  'yarnrc',
  'pip-conf',
  'gitconfig',
  'curlrc',
  'wgetrc',
  'vscode-settings',
  'yaml',
  'hcl',
  'condarc',
  'toml',
  'json',
  'repo-file',
  'apt-conf',
  'gradle',
  'properties',
  'gemrc',
]);
