// The workspace scope of `tls-doctor trust`: the same plan for a team's repository instead of the user's home. The
// bundle and the root live in <workspace>/.tls-doctor/trust/ (committable: a root certificate is public), and every
// tool is pointed at them through environment variables, written where a team's tools read them: `.env` (paths
// relative to the workspace root, where processes start), each `.vscode/launch.json` configuration's `env` and the
// devcontainer's `containerEnv`/`remoteEnv` (anchored with ${workspaceFolder} / ${containerWorkspaceFolder}). The
// Dockerfile lines and the CI variables are notes: images and pipelines are the team's to change. Apply, the journal
// and undo are the user scope's (journal.ts), with the workspace as the only folder that may be written.
import * as path from 'node:path';
import { applyEdits, FormattingOptions, modify, parse, ParseError } from 'jsonc-parser';
import { createBundle } from '../certs/bundle';
import { pemCertificates } from '../text/pem';
import { X509Certificate } from 'node:crypto';
import type { Tool, ToolId } from './detect';
import { setKey } from './edit';
import type { ToolPlan } from './mechanisms';
import type { UserPaths } from './paths';
import { change, FileChange, Plan, readText } from './plan';
import type { RootCandidate } from './root';

/** The folder inside the workspace (relative, POSIX separators: the same on every team member's machine). */
export const WORKSPACE_DIR = '.tls-doctor/trust';
const BUNDLE = `${WORKSPACE_DIR}/bundle.pem`;
const CA = `${WORKSPACE_DIR}/ca.pem`;

/** The folders a workspace plan may write: the workspace, and its .tls-doctor/trust for the journal and state. */
export function workspacePaths(root: string, platform: NodeJS.Platform = process.platform): UserPaths {
  const p = platform === 'win32' ? path.win32 : path.posix;
  return { platform, home: root, config: root, data: p.join(root, ...WORKSPACE_DIR.split('/')), envDir: root };
}

/** Which file a variable names: the bundle (public roots + yours) or the root(s) alone. */
type Target = 'bundle' | 'ca';

interface WsMechanism {
  readonly vars: Readonly<Record<string, Target>>;
  readonly why: string;
  readonly notes?: readonly string[];
}

/** Per tool, the variables that make it trust the workspace's files (no user file: every setting is an env var). */
function wsMechanism(t: Tool): WsMechanism | undefined {
  const major = Number(t.version?.split('.')[0]);
  const table: Partial<Record<ToolId, WsMechanism>> = {
    python: {
      vars: { REQUESTS_CA_BUNDLE: 'bundle', SSL_CERT_FILE: 'bundle' },
      why: "requests ignores the OS store; REQUESTS_CA_BUNDLE replaces certifi and SSL_CERT_FILE Python's ssl defaults",
    },
    pip: { vars: { PIP_CERT: 'bundle' }, why: 'PIP_CERT is the environment form of pip `cert` (replaces certifi)' },
    uv: { vars: { SSL_CERT_FILE: 'bundle' }, why: 'uv reads SSL_CERT_FILE (PEM) instead of its bundled roots' },
    conda: {
      vars: { CONDA_SSL_VERIFY: 'bundle' },
      why: 'CONDA_SSL_VERIFY is the environment form of `ssl_verify`',
      notes: ['`conda build` ignores ssl_verify: truststore'],
    },
    poetry: {
      vars: { REQUESTS_CA_BUNDLE: 'bundle' },
      why: 'poetry uses requests: REQUESTS_CA_BUNDLE covers every source',
    },
    node: { vars: { NODE_EXTRA_CA_CERTS: 'ca' }, why: "NODE_EXTRA_CA_CERTS adds the root to Node's bundled roots" },
    npm: { vars: { NPM_CONFIG_CAFILE: 'bundle' }, why: 'NPM_CONFIG_CAFILE is the environment form of `cafile`' },
    pnpm: { vars: { NPM_CONFIG_CAFILE: 'bundle' }, why: "pnpm reads npm's configuration, environment included" },
    yarn:
      major === 1
        ? { vars: { NPM_CONFIG_CAFILE: 'bundle' }, why: "Yarn 1 reads npm's cafile from the environment" }
        : major >= 2
          ? {
              vars: { [major >= 4 ? 'YARN_HTTPS_CA_FILE_PATH' : 'YARN_CA_FILE_PATH']: 'bundle' },
              why: `Yarn ${major} reads ${major >= 4 ? 'httpsCaFilePath' : 'caFilePath'} from YARN_* variables`,
            }
          : undefined,
    deno: { vars: { DENO_CERT: 'ca' }, why: 'DENO_CERT adds a PEM file to Deno’s roots' },
    git: {
      vars: { GIT_SSL_CAINFO: 'bundle' },
      why: 'GIT_SSL_CAINFO is the environment form of http.sslCAInfo (a file)',
    },
    curl: { vars: { CURL_CA_BUNDLE: 'bundle' }, why: "the curl tool reads CURL_CA_BUNDLE instead of its build's file" },
    aws: { vars: { AWS_CA_BUNDLE: 'bundle' }, why: 'AWS_CA_BUNDLE replaces the AWS CLI’s bundled certifi' },
    gcloud: {
      vars: { CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE: 'bundle' },
      why: 'the environment form of `core/custom_ca_certs_file`',
    },
    az: { vars: { REQUESTS_CA_BUNDLE: 'bundle' }, why: 'the Azure CLI is Python with requests' },
  };
  return table[t.id];
}

function toolPlan(t: Tool): ToolPlan {
  const m = wsMechanism(t);
  const base = { tool: t.id, ...(t.version ? { version: t.version } : {}), edits: [], notes: m?.notes ?? [] };
  if (!m) {
    const why: Partial<Record<ToolId, string>> = {
      docker: 'images have their own store: see the Dockerfile lines below',
      java: 'a JVM truststore is binary and per JDK: use the user scope (tls-doctor trust apply) on each machine',
      wget: 'wget has no environment variable for its CA file: use the user scope (~/.wgetrc)',
      bun: 'Bun reads its CA file from bunfig.toml: use the user scope (~/.bunfig.toml)',
    };
    return {
      ...base,
      mechanism: 'not in the workspace scope',
      why: why[t.id] ?? 'no environment variable for this tool',
      env: {},
      unchanged: true,
    };
  }
  const env = Object.fromEntries(Object.entries(m.vars).map(([k, target]) => [k, target === 'bundle' ? BUNDLE : CA]));
  return { ...base, mechanism: Object.keys(m.vars).join(', '), why: m.why, env };
}

function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 4 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** Sets each variable under `keys` (e.g. ['configurations', 0, 'env']) of a JSON-with-comments text, keeping the rest. */
function setJson(text: string, at: readonly (string | number)[][], vars: Readonly<Record<string, string>>): string {
  let out = text;
  const fmt = formattingOf(text);
  for (const keys of at) {
    for (const [k, v] of Object.entries(vars)) {
      out = applyEdits(out, modify(out, [...keys, k], v, { formattingOptions: fmt }));
    }
  }
  return out;
}

function parsed(text: string): Record<string, unknown> | undefined {
  const errors: ParseError[] = [];
  const json = parse(text, errors, { allowTrailingComma: true }) as unknown;
  return errors.length || typeof json !== 'object' || json === null || Array.isArray(json)
    ? undefined
    : (json as Record<string, unknown>);
}

/** `.env` lines: one `NAME=value` per variable, replaced where set (an `export ` prefix kept out of it). */
function dotenv(text: string, vars: Readonly<Record<string, string>>): string {
  return Object.entries(vars).reduce(
    (t, [k, v]) => setKey(t, { flat: true, match: new RegExp(`^\\s*(?:export\\s+)?${k}\\s*=`), line: `${k}=${v}` }),
    text,
  );
}

function uniquePems(pems: readonly string[]): string[] {
  const seen = new Set<string>();
  return pems
    .map((p) => new X509Certificate(p))
    .filter((x) => !seen.has(x.fingerprint256) && seen.add(x.fingerprint256))
    .map((x) => x.toString());
}

/** Where an image keeps what each file holds after `update-ca-certificates` (Debian/Ubuntu layout). */
const IMAGE_FILES: Readonly<Record<string, string>> = {
  [BUNDLE]: '/etc/ssl/certs/ca-certificates.crt',
  [CA]: '/usr/local/share/ca-certificates/tls-doctor-inspection.crt',
};

/** The notes a team applies by hand: the Dockerfile lines and the CI variables. */
function teamNotes(vars: Readonly<Record<string, string>>): string[] {
  const names = Object.keys(vars);
  const ci = (anchor: string) => names.map((k) => `${k}=${anchor}/${vars[k]}`).join(' ');
  const env = names.map((k) => `${k}=${IMAGE_FILES[vars[k]]}`).join(' ');
  return [
    `Dockerfile (final stage; the build context is the workspace): COPY ${CA} ${IMAGE_FILES[CA]}  then  RUN update-ca-certificates${env ? `  then  ENV ${env}` : ''}  (Debian/Ubuntu images; Alpine: apk add ca-certificates first; only .crt files are picked up)`,
    ...(names.length
      ? [
          `CI variables (only where the runner is behind the proxy): GitHub Actions env: ${ci('${{ github.workspace }}')}; GitLab CI variables: ${ci('$CI_PROJECT_DIR')}`,
        ]
      : []),
  ];
}

/**
 * The workspace plan: `.tls-doctor/trust/{bundle,ca}.pem`, a .gitignore there for the journal and state, the variables
 * in `.env`, in every existing launch configuration and in an existing devcontainer.json. Reads only.
 */
export function buildWorkspacePlan(
  roots: readonly RootCandidate[],
  tools: readonly Tool[],
  root: string,
  missing: readonly string[] = [],
  platform: NodeJS.Platform = process.platform,
): Plan {
  const u = workspacePaths(root, platform);
  const p = platform === 'win32' ? path.win32 : path.posix;
  const at = (rel: string) => p.join(root, ...rel.split('/'));
  const bundle = at(BUNDLE);
  const ca = at(CA);
  const earlier = pemCertificates(readText(ca).text ?? '');
  const pems = uniquePems([...earlier, ...roots.flatMap((r) => [r.pem, ...r.intermediates])]);
  const toolPlans = tools.map(toolPlan);
  const vars: Record<string, string> = {};
  for (const t of toolPlans) Object.assign(vars, t.env);
  const has = Object.keys(vars).length > 0;
  const anchored = (anchor: string) => Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, `${anchor}/${v}`]));
  const launch = at('.vscode/launch.json');
  const launchJson = parsed(readText(launch).text ?? '');
  const configs = Array.isArray(launchJson?.configurations) ? launchJson.configurations.length : 0;
  const devcontainer = [at('.devcontainer/devcontainer.json'), at('.devcontainer.json')].find(
    (f) => readText(f).text !== undefined,
  );
  const dc = devcontainer ? parsed(readText(devcontainer).text ?? '') : undefined;
  const changes = [
    change(bundle, 'bundle: public roots + your root(s) (commit it)', () => createBundle(pems), true),
    change(ca, 'your root(s) alone (commit it)', () => pems.join(''), true),
    change(
      at(`${WORKSPACE_DIR}/.gitignore`),
      'keeps the journal and state out of git',
      () => 'journal.json\nstate.json\n',
    ),
    ...(has
      ? [
          change(at('.env'), '.env (paths relative to the workspace root)', (t) => dotenv(t, vars)),
          ...(configs
            ? [
                change(launch, `launch.json env (${configs} configuration${configs === 1 ? '' : 's'})`, (t) =>
                  setJson(
                    t,
                    Array.from({ length: configs }, (_, i) => ['configurations', i, 'env']),
                    anchored('${workspaceFolder}'),
                  ),
                ),
              ]
            : []),
          ...(devcontainer && dc
            ? [
                change(devcontainer, 'devcontainer containerEnv + remoteEnv', (t) =>
                  setJson(t, [['containerEnv'], ['remoteEnv']], anchored('${containerWorkspaceFolder}')),
                ),
              ]
            : []),
        ]
      : []),
  ].filter((c): c is FileChange => c !== undefined);
  const notes = [
    ...teamNotes(vars),
    ...(launchJson === undefined && readText(launch).text !== undefined
      ? ['.vscode/launch.json is not valid JSON with comments: not changed']
      : []),
    ...(devcontainer && !dc ? [`${devcontainer} is not valid JSON with comments: not changed`] : []),
  ];
  return {
    roots,
    paths: u,
    bundle,
    ca,
    envFile: at('.env'),
    env: vars,
    tools: toolPlans,
    missing,
    changes,
    runs: [],
    scope: 'workspace',
    notes,
  };
}
