// Quick-fixes as pure text edits, one per FixKind: given a file's text, a Finding in it and the path of a CA bundle,
// the edits that keep verification ON while trusting that bundle (`trustBundleFix`), or, when a probe has shown the
// endpoint verifies with default trust, the edits that simply drop the switch (`removeFlagFix`). No I/O here.
import { ruleById } from '../rules/registry';
import type { Finding, FixKind } from '../rules/types';
import { isRuntimeAssignment, removeEnv, swapEnv } from './env';
import { insecureSkipVerify } from './go';
import { Host, hostOf } from './host';
import { rejectUnauthorized } from './node';
import { replaceFalse, sslModule, unverifiedContext, verifyKwarg } from './python';
import { cString } from '../text/quote';
import { deleteLines, removeListItem, Target, targetOf, toTextEdits } from './text';
import { curl, curlrc, git, isConfigRule, npm, pip, removeFlag } from './tools';
import type { FixOptions, FixResult, OffsetEdit } from './types';

export type { FixOptions, FixResult, TextEdit } from './types';
export { applyEdits } from './text';
export { ENV_REPLACEMENT } from './env';

/** The FixKind of a rule id (`none` for unknown ids). */
export function fixKindOf(ruleId: string): FixKind {
  return ruleById(ruleId)?.fix ?? 'none';
}

/** True when `trustBundleFix` can handle findings of `ruleId` (it may still decline an unusual one). */
export function canTrustBundle(ruleId: string): boolean {
  return fixKindOf(ruleId) !== 'none';
}

/** Edits replacing the switch with a reference to the bundle; undefined when the finding is stale or too unusual. */
export function trustBundleFix(text: string, finding: Finding, opts: FixOptions): FixResult | undefined {
  if (opts.bundle.trim() === '' || /[\r\n]/.test(opts.bundle)) throw new Error(`bundle path must be a non-empty single line (got ${JSON.stringify(opts.bundle)})`);
  const t = targetOf(text, finding);
  if (!t) return undefined;
  const host = hostOf(finding.ruleId, opts.path, t.value);
  const kind = fixKindOf(finding.ruleId);
  if (kind === 'node-env-var' && isRuntimeAssignment(t, host)) return runtimeNodeEnv(t, host, opts.bundle);
  const edits = bundleEdits(kind, t, host, finding.ruleId, opts);
  return edits ? { label: labelFor(kind, opts.bundle), edits: toTextEdits(t, edits) } : undefined;
}

function bundleEdits(kind: FixKind, t: Target, host: Host, ruleId: string, opts: FixOptions): OffsetEdit[] | undefined {
  const b = opts.bundle;
  const config = isConfigRule(ruleId);
  switch (kind) {
    case 'python-verify-kwarg': return verifyKwarg(t, b, ruleById(ruleId)?.client === 'python-httpx');
    case 'python-verify-attribute': { const e = replaceFalse(t, cString(b)); return e && [e]; }
    case 'python-unverified-context': return unverifiedContext(t, b);
    case 'node-reject-unauthorized': return rejectUnauthorized(t, b, opts.path);
    case 'go-insecure-skip-verify': return insecureSkipVerify(t, b);
    case 'curl-insecure': return config ? curlrc(t, b) : curl(t, host, b);
    case 'git-ssl-verify': return git(t, host, b, config);
    case 'npm-strict-ssl': return config ? npm(t, host, b, opts.path, true) : isEnvRule(ruleId) ? swapEnv(t, host, b) : npm(t, host, b, opts.path, false);
    case 'pip-trusted-host': return isEnvRule(ruleId) ? swapEnv(t, host, b) : pip(t, host, b, config);
    case 'node-env-var': case 'env-ca-bundle': return swapEnv(t, host, b);
    default: return undefined;
  }
}

/** True for the env family's findings: a NAME=value assignment (in .env, a shell export, a CI `env:` map…). */
function isEnvRule(ruleId: string): boolean {
  return ruleById(ruleId)?.surface === 'env';
}

/** `process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"`: delete it; NODE_EXTRA_CA_CERTS must be set before Node starts. */
function runtimeNodeEnv(t: Target, host: Host, bundle: string): FixResult | undefined {
  const del = removeEnv(t, host);
  if (!del) return undefined;
  return { label: `remove it and set NODE_EXTRA_CA_CERTS=${bundle} in the environment`, edits: toTextEdits(t, [del]), env: { NODE_EXTRA_CA_CERTS: bundle } };
}

/** A short description of the new text, e.g. `verify="<bundle>"`. */
function labelFor(kind: FixKind, bundle: string): string {
  switch (kind) {
    case 'python-unverified-context': return `ssl.create_default_context(cafile="${bundle}")`;
    case 'node-reject-unauthorized': return `ca: fs.readFileSync("${bundle}")`;
    case 'go-insecure-skip-verify': return `RootCAs from ${bundle}`;
    case 'curl-insecure': return `--cacert ${bundle}`;
    case 'git-ssl-verify': return `http.sslCAInfo=${bundle}`;
    case 'npm-strict-ssl': return `cafile=${bundle}`;
    case 'pip-trusted-host': return `cert=${bundle}`;
    case 'node-env-var': return `NODE_EXTRA_CA_CERTS=${bundle}`;
    case 'env-ca-bundle': return `a CA-bundle variable = ${bundle}`;
    default: return `verify="${bundle}"`;
  }
}

/** Edits that drop the switch altogether (for endpoints that verify with default trust); undefined if none is safe. */
export function removeFlagFix(text: string, finding: Finding, path: string): FixResult | undefined {
  const t = targetOf(text, finding);
  if (!t) return undefined;
  const edit = removalEdit(fixKindOf(finding.ruleId), t, hostOf(finding.ruleId, path, t.value), finding.ruleId);
  return edit ? { label: `remove ${finding.value.split(/\r?\n/)[0]}`, edits: toTextEdits(t, edit) } : undefined;
}

function removalEdit(kind: FixKind, t: Target, host: Host, ruleId: string): OffsetEdit[] | undefined {
  const one = (e: OffsetEdit | undefined) => (e ? [e] : undefined);
  switch (kind) {
    case 'python-verify-kwarg': return [removeListItem(t.text, t.start, t.end)];
    case 'python-verify-attribute': return one(deleteLines(t.text, t.ctxStart, t.ctxEnd, /^\s*;?\s*(?:#.*)?$/));
    case 'python-unverified-context': return unverifiedToDefault(t);
    case 'node-reject-unauthorized': case 'go-insecure-skip-verify':
      return one(/^\w+\s*=/.test(t.value) ? deleteLines(t.text, t.ctxStart, t.ctxEnd, /^\s*;?\s*(?:\/\/.*)?$/) : removeListItem(t.text, t.start, t.end));
    case 'node-env-var': case 'env-ca-bundle': return one(removeEnv(t, host));
    case 'npm-strict-ssl': case 'pip-trusted-host':
      return one(isEnvRule(ruleId) ? removeEnv(t, host) : removeFlag(t, ruleId));
    case 'curl-insecure': case 'git-ssl-verify': return one(removeFlag(t, ruleId));
    default: return undefined;
  }
}

/** `ssl._create_unverified_context()` → `ssl.create_default_context()` (which verifies with the default store). */
function unverifiedToDefault(t: Target): OffsetEdit[] | undefined {
  const m = /^(?:([\w.]+)\.)?_create_unverified_context\s*\(\s*(?:(?:purpose\s*=\s*)?(?:[\w.]+\.)?Purpose\.SERVER_AUTH\s*)?\)$/.exec(t.value);
  if (!m) return undefined;
  const ssl = m[1] ? { name: m[1], edits: [] } : sslModule(t.text);
  return [...ssl.edits, { start: t.start, end: t.end, newText: `${ssl.name}.create_default_context()` }];
}
export { envVarsFor, isLocalHost } from './targets';
