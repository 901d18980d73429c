// Per tool: the mechanism that makes it trust the confirmed root, chosen by the installed version and by whether the
// root is in the OS store already, with the reason. Data-like: one function per tool, each returning a ToolPlan.
// The facts come from /work/shared/notes/trust-switches.md (checked December 2026).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { cString, gitConfigValue, npmrcValue, yamlScalar } from '../text/quote';
import { SWITCHES } from '../tls/versions';
import { Tool, ToolId } from './detect';
import type { KeyEdit } from './edit';
import type { UserPaths } from './paths';

/** One edit of one user file. */
export interface FileEdit {
  readonly file: string;
  readonly edit: KeyEdit;
}

/** A program `apply` runs to create a file (Java's truststore), recorded in the journal like any created file. */
export interface RunStep {
  readonly creates: string;
  readonly argv: readonly (readonly string[])[];
  /** Text fed to each command's stdin (keytool -importcert reads the certificate there), by index. */
  readonly stdin?: readonly (string | undefined)[];
}

/** What the plan does for one tool. */
export interface ToolPlan {
  readonly tool: ToolId;
  readonly version?: string;
  /** e.g. "~/.npmrc cafile", "REQUESTS_CA_BUNDLE", "none needed". */
  readonly mechanism: string;
  readonly why: string;
  readonly env: Readonly<Record<string, string>>;
  readonly edits: readonly FileEdit[];
  readonly run?: RunStep;
  /** Things to do by hand (sudo commands, Dockerfile lines): shown, never run. */
  readonly notes: readonly string[];
  /** True when the tool needs nothing (it already reads the OS store that holds the root). */
  readonly unchanged?: boolean;
}

/** What every mechanism may use. */
export interface PlanContext {
  readonly paths: UserPaths;
  readonly env: NodeJS.ProcessEnv;
  /** Public roots + confirmed roots + intermediates. */
  readonly bundle: string;
  /** The confirmed roots and intermediates alone. */
  readonly ca: string;
  readonly truststore: string;
  /** Every confirmed root is in the OS store already. */
  readonly inOsStore: boolean;
  readonly rootNames: readonly { sha256: string; pem: string }[];
  /** Java's default cacerts, when found. */
  readonly javaCacerts?: string;
}

function join(u: UserPaths, ...parts: string[]): string {
  return (u.platform === 'win32' ? path.win32 : path.posix).join(...parts);
}

function plan(
  t: Tool,
  mechanism: string,
  why: string,
  more: Partial<Omit<ToolPlan, 'tool' | 'version' | 'mechanism' | 'why'>> = {},
): ToolPlan {
  return {
    tool: t.id,
    ...(t.version ? { version: t.version } : {}),
    mechanism,
    why,
    env: {},
    edits: [],
    notes: [],
    ...more,
  };
}

/** "24.2" → [24, 2]; the thresholds live in core/tls/versions.ts (SWITCHES), shared with the diagnosis's fixes. */
const nums = (v: string | undefined) => v?.split('.').map(Number);
const has = (v: string | undefined, p: (n: readonly number[]) => boolean) => v !== undefined && p(nums(v) ?? []);

const OS = 'the root is in the OS store';
const NOT_OS = 'the root is not in the OS store';

/** pip's user configuration file (the one pip reads last among user files, so its `cert` wins). */
export function pipConf(u: UserPaths): string {
  if (u.platform === 'win32') return join(u, u.config, 'pip', 'pip.ini');
  // macOS: pip prefers ~/Library/Application Support/pip when that folder exists (pip's configuration docs).
  const mac = join(u, u.home, 'Library', 'Application Support', 'pip');
  if (u.platform === 'darwin' && existsSync(mac)) return join(u, mac, 'pip.conf');
  return join(u, u.config, 'pip', 'pip.conf');
}

export function npmrc(c: PlanContext): string {
  return c.env.NPM_CONFIG_USERCONFIG || c.env.npm_config_userconfig || join(c.paths, c.paths.home, '.npmrc');
}

export function gitconfig(u: UserPaths): string {
  return join(u, u.home, '.gitconfig');
}

export function curlrc(c: PlanContext): string {
  if (c.env.CURL_HOME) return join(c.paths, c.env.CURL_HOME, '.curlrc');
  return c.paths.platform === 'win32'
    ? join(c.paths, c.paths.config, '_curlrc')
    : join(c.paths, c.paths.home, '.curlrc');
}

export function wgetrc(c: PlanContext): string {
  return c.env.WGETRC || join(c.paths, c.paths.home, '.wgetrc');
}

export function condarc(u: UserPaths): string {
  return join(u, u.home, '.condarc');
}

const MECHANISMS: Readonly<Record<ToolId, (t: Tool, c: PlanContext) => ToolPlan>> = {
  python: (t, c) =>
    plan(
      t,
      'REQUESTS_CA_BUNDLE and SSL_CERT_FILE → the bundle',
      `requests uses certifi and ignores the OS store; REQUESTS_CA_BUNDLE replaces certifi, so it names the bundle (public roots + yours, so public sites keep working); SSL_CERT_FILE does the same for Python's ssl/urllib${t.facts.requests ? '' : ' (requests is not installed for this python3)'}`,
      { env: { REQUESTS_CA_BUNDLE: c.bundle, SSL_CERT_FILE: c.bundle } },
    ),
  pip: (t, c) => {
    const py = t.facts.python;
    const truststore = has(t.version, (v) => SWITCHES.pipOsStore(v, nums(py))) && py !== undefined;
    if (truststore && c.inOsStore) {
      return plan(t, 'none needed', `pip ${t.version} on Python ${py} reads the OS store (truststore), and ${OS}`, {
        unchanged: true,
      });
    }
    const why = truststore
      ? `pip ${t.version} on Python ${py} reads the OS store, but ${NOT_OS}`
      : `pip ${t.version ?? '?'}${py ? ` on Python ${py}` : ''} uses certifi only (the OS store from pip 24.2 on Python ≥ 3.10)`;
    return plan(t, `${pipConf(c.paths)} [global] cert`, `${why}; \`cert\` replaces certifi, so it names the bundle`, {
      edits: [
        { file: pipConf(c.paths), edit: { section: 'global', match: /^\s*cert\s*[=:]/, line: `cert = ${c.bundle}` } },
      ],
    });
  },
  uv: (t, c) =>
    has(t.version, SWITCHES.uvSystemCerts) && c.inOsStore
      ? plan(t, 'UV_SYSTEM_CERTS=true', `uv ${t.version} can use the OS store (≥ 0.11), and ${OS}`, {
          env: { UV_SYSTEM_CERTS: 'true' },
        })
      : plan(
          t,
          'SSL_CERT_FILE → the bundle',
          `uv uses its bundled Mozilla roots; ${has(t.version, SWITCHES.uvSystemCerts) ? NOT_OS : `UV_SYSTEM_CERTS needs uv ≥ 0.11 (found ${t.version ?? '?'})`}; SSL_CERT_FILE (PEM) replaces them`,
          { env: { SSL_CERT_FILE: c.bundle } },
        ),
  conda: (t, c) => {
    const truststore = has(t.version, SWITCHES.condaTruststore) && c.inOsStore;
    const value = truststore ? 'truststore' : c.bundle;
    return plan(
      t,
      `${condarc(c.paths)} ssl_verify: ${truststore ? 'truststore' : 'the bundle'}`,
      truststore
        ? `conda ${t.version} (≥ 23.9) can read the OS store, and ${OS}`
        : `conda uses certifi; ${has(t.version, SWITCHES.condaTruststore) ? NOT_OS : 'ssl_verify: truststore needs conda ≥ 23.9'}; ssl_verify names the bundle`,
      {
        edits: [
          {
            file: condarc(c.paths),
            edit: { flat: true, match: /^ssl_verify\s*:/, line: `ssl_verify: ${yamlScalar(value)}` },
          },
        ],
        notes: ['`conda build` ignores ssl_verify: truststore'],
      },
    );
  },
  poetry: (t, c) =>
    plan(
      t,
      'REQUESTS_CA_BUNDLE → the bundle',
      'poetry uses requests with certifi and has no OS-store switch; REQUESTS_CA_BUNDLE covers every source (`poetry config certificates.<source>.cert` is per source)',
      { env: { REQUESTS_CA_BUNDLE: c.bundle } },
    ),
  node: (t, c) => {
    const systemCa = has(t.version, SWITCHES.nodeUseSystemCaEnv);
    if (systemCa && c.inOsStore) {
      return plan(
        t,
        'NODE_USE_SYSTEM_CA=1',
        `Node ${t.version} reads the OS store with NODE_USE_SYSTEM_CA (≥ 22.19 / 24.6), and ${OS}`,
        { env: { NODE_USE_SYSTEM_CA: '1' } },
      );
    }
    return plan(
      t,
      'NODE_EXTRA_CA_CERTS → the root alone',
      `Node uses its bundled roots; ${systemCa ? NOT_OS : `NODE_USE_SYSTEM_CA needs Node ≥ 22.19 (found ${t.version ?? '?'})`}; NODE_EXTRA_CA_CERTS adds to the bundled roots (read at start-up)`,
      { env: { NODE_EXTRA_CA_CERTS: c.ca } },
    );
  },
  npm: (t, c) =>
    plan(
      t,
      `${npmrc(c)} cafile`,
      'npm passes its own `ca` to every request, so NODE_EXTRA_CA_CERTS alone is not enough for all its paths; `cafile` replaces the roots, so it names the bundle',
      {
        edits: [
          { file: npmrc(c), edit: { flat: true, match: /^\s*cafile\s*=/i, line: `cafile=${npmrcValue(c.bundle)}` } },
        ],
      },
    ),
  pnpm: (t, c) =>
    plan(t, `${npmrc(c)} cafile`, "pnpm reads npm's user .npmrc; `cafile` replaces the roots, so it names the bundle", {
      edits: [
        { file: npmrc(c), edit: { flat: true, match: /^\s*cafile\s*=/i, line: `cafile=${npmrcValue(c.bundle)}` } },
      ],
    }),
  yarn: (t, c) => {
    const major = Number(t.version?.split('.')[0]);
    if (major === 1) {
      const file = join(c.paths, c.paths.home, '.yarnrc');
      return plan(t, `${file} cafile`, 'Yarn 1 reads `cafile` from .yarnrc', {
        edits: [{ file, edit: { flat: true, match: /^\s*cafile\s/, line: `cafile ${JSON.stringify(c.bundle)}` } }],
      });
    }
    if (!(major >= 2)) {
      return plan(
        t,
        'not configured',
        `unknown Yarn version (${t.version ?? '?'}): the key depends on the major version`,
        { unchanged: true },
      );
    }
    const key = SWITCHES.yarnCaKey(major) ?? 'httpsCaFilePath';
    const file = join(c.paths, c.paths.home, '.yarnrc.yml');
    return plan(
      t,
      `${file} ${key}`,
      `Yarn ${major} reads \`${key}\` (${major >= 4 ? 'renamed from caFilePath in Yarn 4' : 'Yarn 2 and 3'})`,
      {
        edits: [
          { file, edit: { flat: true, match: new RegExp(`^${key}\\s*:`), line: `${key}: ${yamlScalar(c.bundle)}` } },
        ],
      },
    );
  },
  bun: (t, c) => {
    const file = join(c.paths, c.paths.home, '.bunfig.toml');
    return plan(
      t,
      `${file} [install] cafile`,
      'Bun has its own roots and long ignored NODE_EXTRA_CA_CERTS; `bun install` reads [install] cafile',
      {
        edits: [{ file, edit: { section: 'install', match: /^\s*cafile\s*=/, line: `cafile = ${cString(c.bundle)}` } }],
      },
    );
  },
  deno: (t, c) =>
    c.inOsStore
      ? plan(t, 'DENO_TLS_CA_STORE=system,mozilla', `Deno can read the OS store, and ${OS}`, {
          env: { DENO_TLS_CA_STORE: 'system,mozilla' },
        })
      : plan(
          t,
          'DENO_CERT → the root alone',
          `Deno uses Mozilla roots and ignores SSL_CERT_FILE; ${NOT_OS}; DENO_CERT adds a PEM file`,
          { env: { DENO_CERT: c.ca } },
        ),
  git: (t, c) => {
    if (c.paths.platform === 'win32' && c.inOsStore) {
      return plan(
        t,
        `${gitconfig(c.paths)} http.sslBackend=schannel`,
        `Git for Windows can use the Windows store (schannel), and ${OS}`,
        {
          edits: [
            {
              file: gitconfig(c.paths),
              edit: { section: 'http', match: /^\s*sslbackend\s*=/i, line: '\tsslBackend = schannel' },
            },
          ],
        },
      );
    }
    return plan(
      t,
      `${gitconfig(c.paths)} http.sslCAInfo`,
      "git uses its TLS backend's CA file; http.sslCAInfo replaces it, so it names the bundle (GIT_SSL_CAPATH would need a folder, not a file)",
      {
        edits: [
          {
            file: gitconfig(c.paths),
            edit: { section: 'http', match: /^\s*sslcainfo\s*=/i, line: `\tsslCAInfo = ${gitConfigValue(c.bundle)}` },
          },
        ],
      },
    );
  },
  curl: (t, c) =>
    plan(
      t,
      `${curlrc(c)} cacert`,
      "curl uses its build's CA file; `cacert` in .curlrc replaces it, so it names the bundle",
      {
        edits: [
          {
            file: curlrc(c),
            edit: { flat: true, match: /^\s*-{0,2}cacert(\s|=|:|$)/, line: `cacert = ${cString(c.bundle)}` },
          },
        ],
      },
    ),
  wget: (t, c) =>
    plan(
      t,
      `${wgetrc(c)} ca_certificate`,
      "wget uses its TLS library's default file; ca_certificate names the bundle",
      {
        edits: [
          {
            file: wgetrc(c),
            edit: { flat: true, match: /^\s*ca_?certificate\s*=/i, line: `ca_certificate = ${c.bundle}` },
          },
        ],
      },
    ),
  aws: (t, c) =>
    plan(
      t,
      'AWS_CA_BUNDLE → the bundle',
      'the AWS CLI uses its bundled certifi; AWS_CA_BUNDLE replaces it (SSO logins may ignore it)',
      { env: { AWS_CA_BUNDLE: c.bundle } },
    ),
  gcloud: (t, c) =>
    plan(
      t,
      'CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE → the bundle',
      'gcloud uses its bundled roots; the variable is the environment form of `core/custom_ca_certs_file` and works for every configuration',
      { env: { CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE: c.bundle } },
    ),
  az: (t, c) =>
    plan(
      t,
      'REQUESTS_CA_BUNDLE → the bundle',
      'the Azure CLI is Python with requests; REQUESTS_CA_BUNDLE is its documented switch',
      { env: { REQUESTS_CA_BUNDLE: c.bundle } },
    ),
  docker: (t, c) =>
    plan(t, 'instructions only', 'the daemon and the images have their own stores: nothing in your home changes them', {
      unchanged: true,
      notes: [
        `Builds, in the final stage: COPY ${path.basename(c.ca, '.pem')}.crt /usr/local/share/ca-certificates/tls-doctor-inspection.crt  then  RUN update-ca-certificates   (copy ${c.ca} next to the Dockerfile as ${path.basename(c.ca, '.pem')}.crt: only .crt files are picked up)`,
        `Daemon (pulls): sudo mkdir -p /etc/docker/certs.d/<registry> && sudo cp ${c.ca} /etc/docker/certs.d/<registry>/ca.crt, or add the root to the OS store and restart the daemon`,
      ],
    }),
  java: (t, c) => {
    const keytool = t.facts.keytool;
    if (!keytool || !c.javaCacerts) {
      return plan(t, 'not configured', keytool ? "Java's default cacerts was not found" : 'keytool is not on PATH', {
        unchanged: true,
      });
    }
    const opts = `-Djavax.net.ssl.trustStore=${c.truststore} -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12`;
    const argv = [
      [
        keytool,
        '-importkeystore',
        '-noprompt',
        '-srckeystore',
        c.javaCacerts,
        '-srcstorepass',
        'changeit',
        '-destkeystore',
        c.truststore,
        '-deststoretype',
        'PKCS12',
        '-deststorepass',
        'changeit',
      ],
      ...c.rootNames.map((r) => [
        keytool,
        '-importcert',
        '-noprompt',
        '-trustcacerts',
        '-alias',
        `tls-doctor-${r.sha256.replace(/:/g, '').slice(0, 16).toLowerCase()}`,
        '-keystore',
        c.truststore,
        '-storepass',
        'changeit',
      ]),
    ];
    return plan(
      t,
      'a user truststore + JAVA_TOOL_OPTIONS',
      `Java (and Gradle/Maven) use $JAVA_HOME/lib/security/cacerts; a copy of it plus your root in ${c.truststore}, named by JAVA_TOOL_OPTIONS, leaves the JDK untouched${c.env.JAVA_TOOL_OPTIONS ? ' (replaces your current JAVA_TOOL_OPTIONS in new shells)' : ''}`,
      {
        env: { JAVA_TOOL_OPTIONS: opts },
        run: { creates: c.truststore, argv, stdin: [undefined, ...c.rootNames.map((r) => r.pem)] },
        notes: ['every JVM then prints "Picked up JAVA_TOOL_OPTIONS: …" on stderr'],
      },
    );
  },
};

/** The plan of one detected tool. */
export function mechanismFor(t: Tool, c: PlanContext): ToolPlan {
  return MECHANISMS[t.id](t, c);
}
