// Environment-variable fixes: the variable that turns verification off becomes the one that names a CA bundle,
// wherever it is written (.env, shell `export`, Dockerfile ENV, CI `env:` maps, launch.json, Python os.environ,
// JS env objects), keeping the author's separator and quote style. e.g. `NODE_TLS_REJECT_UNAUTHORIZED=0` →
// `NODE_EXTRA_CA_CERTS=.certs/bundle.pem`, `PYTHONHTTPSVERIFY=0` → `SSL_CERT_FILE=…`.
import { bareValue, Host, quotedValue } from './host';
import { lineSpan } from '../text/lines';
import { deleteLines, removeListItem, Target } from './text';
import type { OffsetEdit } from './types';

/** Variable that disables verification (upper-cased) → the variable that trusts a bundle instead. */
export const ENV_REPLACEMENT: Readonly<Record<string, string>> = {
  NODE_TLS_REJECT_UNAUTHORIZED: 'NODE_EXTRA_CA_CERTS',
  PYTHONHTTPSVERIFY: 'SSL_CERT_FILE',
  CURL_CA_BUNDLE: 'REQUESTS_CA_BUNDLE',
  REQUESTS_CA_BUNDLE: 'REQUESTS_CA_BUNDLE',
  GIT_SSL_NO_VERIFY: 'GIT_SSL_CAINFO',
  NPM_CONFIG_STRICT_SSL: 'NPM_CONFIG_CAFILE',
  YARN_STRICT_SSL: 'YARN_CAFILE',
  YARN_ENABLE_STRICT_SSL: 'YARN_CA_FILE_PATH',
  PIP_TRUSTED_HOST: 'PIP_CERT',
  CLOUDSDK_AUTH_DISABLE_SSL_VALIDATION: 'CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE',
};

const NAME = new RegExp(`\\b(${Object.keys(ENV_REPLACEMENT).join('|')})\\b`, 'i');
/** After the name: the key's closing quote, then `=`, `: `, `"] = `, `", ` or (Dockerfile `ENV K V`) spaces. */
const SEP = /^(["'`]?)(\s*\]\s*=\s*|\s*[:=,]\s*|[ \t]+)/;
const VALUE = /^(?:(["'`])([^"'`]*)\1|[^\s,)}\];]*)/;

/** Where the name and the value sit in the finding's text. */
interface EnvParts {
  readonly nameStart: number;
  readonly name: string;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly quote: string;
}

/** Splits `t.value` into variable name and value offsets (file offsets), or undefined. */
export function envParts(t: Target): EnvParts | undefined {
  const n = NAME.exec(t.value);
  if (!n) return undefined;
  const afterName = n.index + n[0].length;
  const sep = SEP.exec(t.value.slice(afterName));
  if (!sep) return undefined;
  const vStart = afterName + sep[0].length;
  const v = VALUE.exec(t.value.slice(vStart))!;
  return {
    nameStart: t.start + n.index,
    name: n[0],
    valueStart: t.start + vStart,
    valueEnd: t.start + vStart + v[0].length,
    quote: v[1] ?? '',
  };
}

/** The new variable name, in the case style of the old one (`npm_config_strict_ssl` → `npm_config_cafile`). */
export function replacementName(name: string): string {
  const up = ENV_REPLACEMENT[name.toUpperCase()];
  return name === name.toLowerCase() ? up.toLowerCase() : up;
}

/**
 * Renames the variable and points it at `bundle`. `code` (an anchored expression or shell word, see anchor.ts)
 * replaces the whole value, quotes included; `codeEdits` are the imports it needs.
 */
export function swapEnv(
  t: Target,
  host: Host,
  bundle: string,
  code?: string,
  codeEdits: readonly OffsetEdit[] = [],
): OffsetEdit[] | undefined {
  const p = envParts(t);
  if (!p) return undefined;
  const value = code ?? (p.quote ? quotedValue(host, bundle, p.quote) : bareValue(host, bundle));
  return [
    ...(code ? codeEdits : []),
    { start: p.nameStart, end: p.nameStart + p.name.length, newText: replacementName(p.name) },
    { start: p.valueStart, end: p.valueEnd, newText: value },
  ];
}

/** True for `process.env.X = …` / `env['X'] = …` in JS: Node reads the CA variable only at start-up. */
export function isRuntimeAssignment(t: Target, host: Host): boolean {
  return host === 'js' && !/^["'`]?NODE_TLS_REJECT_UNAUTHORIZED/.test(t.value);
}

/** Deletes the assignment: its line when alone, a `K: v` pair or `K=v` keyword from its list, or an inline `K=v ` prefix. */
export function removeEnv(t: Target, host: Host): OffsetEdit | undefined {
  if (host === 'python' || host === 'js') {
    if (/^["'`]?\w+["'`]?\s*[:=](?!=)/.test(t.value)) return removeListItem(t.text, t.start, t.end);
    return deleteLines(t.text, t.ctxStart, t.ctxEnd, /^\s*;?\s*(?:#.*|\/\/.*)?$/);
  }
  if (host === 'json') return removeListItem(t.text, t.start, t.end);
  const line = deleteEnvLine(t);
  if (line) return line;
  const spaces = /^[ \t]+(?=\S)/.exec(t.text.slice(t.end));
  return spaces ? { start: t.start, end: t.end + spaces[0].length, newText: '' } : undefined;
}

/** Deletes the line of a lone assignment (`export K=v`, `ENV K=v`, `K: v`), keeping lines with other content. */
function deleteEnvLine(t: Target): OffsetEdit | undefined {
  const [ls, le, next] = lineSpan(t.text, t.start);
  if (t.end > le || !/^\s*(?:-\s+)?(?:export\s+|ENV\s+|set\s+)?$/i.test(t.text.slice(ls, t.start))) return undefined;
  return /^\s*;?\s*(?:#.*)?$/.test(t.text.slice(t.end, le)) ? { start: ls, end: next, newText: '' } : undefined;
}
