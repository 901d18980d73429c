// Audit: read the trust configuration a new shell and the user's tool files hold, and flag what is broken or unsafe:
// variables naming missing files, root-only bundles where public sites are needed, GIT_SSL_CAPATH set to a file,
// the deprecated UV_NATIVE_TLS, and switches that turn verification off.
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pemCertificates } from '../text/pem';
import { readKey } from './edit';
import { condarc, curlrc, gitconfig, npmrc, PlanContext, pipConf, wgetrc } from './mechanisms';
import type { UserPaths } from './paths';
import { readText } from './plan';
import { isPubliclyTrusted } from './root';

export interface AuditFinding {
  readonly severity: 'error' | 'warning';
  /** The variable or file (and key) that holds the setting. */
  readonly where: string;
  readonly message: string;
}

/** Variables whose file REPLACES the client's roots (so it must hold the public roots too). */
const REPLACING_VARS = [
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'SSL_CERT_FILE',
  'PIP_CERT',
  'AWS_CA_BUNDLE',
  'GIT_SSL_CAINFO',
  'CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE',
];
/** Variables whose file is ADDED to the client's roots. */
const ADDING_VARS = ['NODE_EXTRA_CA_CERTS', 'DENO_CERT'];

function expand(u: UserPaths, p: string, base: string): string {
  const unquoted = p.trim().replace(/^(["'])(.*)\1$/, '$2');
  if (unquoted.startsWith('~/')) return path.join(u.home, unquoted.slice(2));
  return path.isAbsolute(unquoted) ? unquoted : path.resolve(base, unquoted);
}

/** What is wrong with a CA file named by `where`, if anything. `replaces`: the file is the client's only trust. */
function checkCaFile(where: string, file: string, replaces: boolean): AuditFinding | undefined {
  let text: string;
  try {
    if (statSync(file).isDirectory()) {
      return { severity: 'error', where, message: `${file} is a folder; this setting needs a PEM file` };
    }
    text = readFileSync(file, 'latin1');
  } catch {
    return {
      severity: 'error',
      where,
      message: `${file} does not exist: clients fail (or fall back silently) until it points at a real bundle`,
    };
  }
  const certs = pemCertificates(text).flatMap((p) => {
    try {
      return [new X509Certificate(p)];
    } catch {
      return [];
    }
  });
  if (!certs.length) return { severity: 'error', where, message: `${file} holds no readable PEM certificate` };
  if (replaces && !certs.some((c) => isPubliclyTrusted(c.fingerprint256))) {
    return {
      severity: 'warning',
      where,
      message: `${file} holds ${certs.length} certificate(s) and no public root: this setting replaces the default roots, so every public site fails; use a bundle of public roots + your root (tls-doctor trust apply writes one)`,
    };
  }
  return undefined;
}

function envFindings(env: NodeJS.ProcessEnv): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const v of [...REPLACING_VARS, ...ADDING_VARS]) {
    const value = env[v];
    if (value === undefined) continue;
    if (value === '') {
      out.push({
        severity: v === 'CURL_CA_BUNDLE' ? 'error' : 'warning',
        where: v,
        message:
          v === 'CURL_CA_BUNDLE'
            ? 'set but empty: older requests releases then turn verification off'
            : 'set but empty',
      });
      continue;
    }
    const f = checkCaFile(v, value, REPLACING_VARS.includes(v));
    if (f) out.push(f);
  }
  for (const v of ['GIT_SSL_CAPATH', 'SSL_CERT_DIR']) {
    const value = env[v];
    if (!value) continue;
    try {
      if (!statSync(value).isDirectory()) {
        out.push({
          severity: 'error',
          where: v,
          message: `${value} is a file: ${v} must name a folder of hashed certificates (for a file use ${v === 'GIT_SSL_CAPATH' ? 'GIT_SSL_CAINFO or http.sslCAInfo' : 'SSL_CERT_FILE'})`,
        });
      }
    } catch {
      out.push({ severity: 'error', where: v, message: `${value} does not exist` });
    }
  }
  if (env.UV_NATIVE_TLS !== undefined) {
    out.push({
      severity: 'warning',
      where: 'UV_NATIVE_TLS',
      message: 'deprecated: use UV_SYSTEM_CERTS=true (uv ≥ 0.11) or SSL_CERT_FILE',
    });
  }
  if (env.NODE_TLS_REJECT_UNAUTHORIZED === '0') {
    out.push({
      severity: 'error',
      where: 'NODE_TLS_REJECT_UNAUTHORIZED',
      message: '=0 turns certificate verification off for every Node program: trust the root instead',
    });
  }
  if (env.GIT_SSL_NO_VERIFY) {
    out.push({
      severity: 'error',
      where: 'GIT_SSL_NO_VERIFY',
      message: "turns git's certificate verification off: trust the root instead",
    });
  }
  if (env.PYTHONHTTPSVERIFY === '0') {
    out.push({
      severity: 'error',
      where: 'PYTHONHTTPSVERIFY',
      message: "=0 turns verification off in Python's urllib on some distributions",
    });
  }
  return out;
}

/** One setting of one file: the regex captures the value. */
interface FileRule {
  readonly file: string;
  readonly section?: string;
  readonly flat?: boolean;
  readonly key: string;
  readonly re: RegExp;
  /** A value that turns verification off (message), or a CA file to check (`replaces` roots or adds to them). */
  readonly insecure?: (value: string) => boolean;
  readonly caFile?: 'replaces';
}

function fileRules(c: PlanContext): FileRule[] {
  const u = c.paths;
  const falsy = (v: string) => /^\s*["']?(false|off|no|0)["']?\s*$/i.test(v);
  return [
    { file: npmrc(c), flat: true, key: 'strict-ssl', re: /^\s*strict-ssl\s*=\s*(.*)$/i, insecure: falsy },
    { file: npmrc(c), flat: true, key: 'cafile', re: /^\s*cafile\s*=\s*(.*)$/i, caFile: 'replaces' },
    { file: gitconfig(u), section: 'http', key: 'http.sslVerify', re: /^\s*sslverify\s*=\s*(.*)$/i, insecure: falsy },
    {
      file: gitconfig(u),
      section: 'http',
      key: 'http.sslCAInfo',
      re: /^\s*sslcainfo\s*=\s*(.*)$/i,
      caFile: 'replaces',
    },
    {
      file: pipConf(u),
      section: 'global',
      key: 'trusted-host',
      re: /^\s*trusted[-_]host\s*[=:]\s*(.*)$/i,
      insecure: (v) => v.trim() !== '',
    },
    { file: pipConf(u), section: 'global', key: 'cert', re: /^\s*cert\s*[=:]\s*(.*)$/i, caFile: 'replaces' },
    { file: curlrc(c), flat: true, key: 'insecure', re: /^\s*(-k|-{0,2}insecure)\b(.*)$/, insecure: () => true },
    { file: curlrc(c), flat: true, key: 'cacert', re: /^\s*-{0,2}cacert[\s=:]+(.*)$/, caFile: 'replaces' },
    {
      file: wgetrc(c),
      flat: true,
      key: 'check_certificate',
      re: /^\s*check_?certificate\s*=\s*(.*)$/i,
      insecure: falsy,
    },
    { file: wgetrc(c), flat: true, key: 'ca_certificate', re: /^\s*ca_?certificate\s*=\s*(.*)$/i, caFile: 'replaces' },
    { file: condarc(u), flat: true, key: 'ssl_verify', re: /^ssl_verify\s*:\s*(.*)$/, insecure: falsy },
    {
      file: path.join(u.home, '.yarnrc.yml'),
      flat: true,
      key: 'enableStrictSsl',
      re: /^enableStrictSsl\s*:\s*(.*)$/,
      insecure: falsy,
    },
  ];
}

function fileFindings(c: PlanContext): AuditFinding[] {
  const out: AuditFinding[] = [];
  const texts = new Map<string, string | undefined>();
  for (const r of fileRules(c)) {
    if (!texts.has(r.file)) texts.set(r.file, readText(r.file).text);
    const text = texts.get(r.file);
    if (text === undefined) continue;
    const value = readKey(text, r.section, r.re, r.flat);
    if (value === undefined) continue;
    const where = `${r.file} ${r.key}`;
    if (r.insecure?.(value)) {
      out.push({
        severity: r.key === 'trusted-host' ? 'warning' : 'error',
        where,
        message:
          r.key === 'trusted-host'
            ? `pip skips certificate checks for ${value.trim()}: trust the root instead`
            : 'turns certificate verification off: trust the root instead',
      });
    }
    if (r.caFile && !(r.key === 'ssl_verify' && /^(true|truststore)$/i.test(value.trim()))) {
      const f = checkCaFile(where, expand(c.paths, value.replace(/\s+[#;].*$/, ''), path.dirname(r.file)), true);
      if (f) out.push(f);
    }
  }
  // conda: ssl_verify names a file unless it is a boolean or truststore.
  const conda = texts.get(condarc(c.paths));
  const sv = conda !== undefined ? readKey(conda, undefined, /^ssl_verify\s*:\s*(.*)$/, true) : undefined;
  if (sv && !/^\s*["']?(true|false|truststore|yes|no|on|off)["']?\s*$/i.test(sv)) {
    const f = checkCaFile(`${condarc(c.paths)} ssl_verify`, expand(c.paths, sv, c.paths.home), true);
    if (f) out.push(f);
  }
  return out;
}

/**
 * Certificates appended to certifi's cacert.pem by hand (a common "fix" that the next `pip install -U certifi` wipes
 * out): certifi writes `# Label:` comments before each of its roots, so a block without one was added later.
 * Only for a real certifi file (Debian's certifi points at the system bundle, which has no such comments).
 */
export function certifiAppended(file: string, text: string): AuditFinding | undefined {
  if (!/certifi[\\/]cacert\.pem$/.test(file)) return undefined;
  const blocks = text.split('-----END CERTIFICATE-----');
  const added = blocks
    .slice(0, -1)
    .filter((b) => !/# Label:[^\n]*\n(?:#[^\n]*\n|\s)*-----BEGIN CERTIFICATE-----/.test(b)).length;
  if (!added) return undefined;
  return {
    severity: 'warning',
    where: file,
    message: `${added} certificate(s) were appended to certifi's bundle by hand: upgrading certifi drops them; use a bundle outside the venv (tls-doctor trust apply) and restore certifi (pip install --force-reinstall certifi)`,
  };
}

/** Every finding for `env` (the environment a new shell gets) and the user's files. */
export function auditTrust(env: NodeJS.ProcessEnv, ctx: PlanContext): AuditFinding[] {
  return [...envFindings(env), ...fileFindings(ctx)];
}
