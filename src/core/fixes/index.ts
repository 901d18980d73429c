// Quick-fixes as pure text edits, one per FixKind: given a file's text, a Finding in it and the path of a CA bundle,
// the edits that keep verification ON while trusting that bundle (`trustBundleFix`), or, when a probe has shown the
// endpoint verifies with default trust, the edits that simply drop the switch (`removeFlagFix`). No I/O here.
import { ruleById } from '../rules/registry';
import type { Finding, FixKind } from '../rules/types';
import { anchoredRef, BundleRef } from './anchor';
import { envParts, isRuntimeAssignment, removeEnv, replacementName, swapEnv } from './env';
import { dotenvAssignments, existingDecision, nodeSwitchRemovals } from './existing';
import { insecureSkipVerify } from './go';
import { bareValue, Host, hostOf } from './host';
import { rejectUnauthorized } from './node';
import { replaceFalse, sslModule, unverifiedContext, verifyKwarg } from './python';
import { cString } from '../text/quote';
import { deleteLines, removeListItem, Target, targetOf, toTextEdits } from './text';
import { curl, curlrc, git, isConfigRule, npm, pip, removeFlag } from './tools';
import type { ExistingCa, FixOptions, FixResult, FollowUp, OffsetEdit } from './types';

export type { AnchorOptions, ExistingCa, FixOptions, FixResult, FollowUp, TextEdit } from './types';
export { anchoredValue, relativeRef } from './anchor';
export { anchorFor, isDotenvFile, Surroundings } from './surroundings';
export { GO_BUNDLE_VAR } from './go';
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

/**
 * Edits replacing the switch with a reference to the bundle; undefined when the finding is stale or too unusual.
 * With `opts.anchor` the reference works from any working directory (anchor.ts); a .env that already sets the CA
 * variable is updated in place and reported in `existingCa` (existing.ts); leftover `NODE_TLS_REJECT_UNAUTHORIZED=0`
 * lines come back as `followUps`.
 */
export function trustBundleFix(text: string, finding: Finding, opts: FixOptions): FixResult | undefined {
  if (opts.bundle.trim() === '' || /[\r\n]/.test(opts.bundle)) {
    throw new Error(`bundle path must be a non-empty single line (got ${JSON.stringify(opts.bundle)})`);
  }
  const t = targetOf(text, finding);
  if (!t) return undefined;
  const host = hostOf(finding.ruleId, opts.path, t.value);
  const kind = fixKindOf(finding.ruleId);
  if (kind === 'node-env-var' && isRuntimeAssignment(t, host)) return runtimeNodeEnv(t, host, opts.bundle);
  const ref = anchoredRef(host, text, opts, kind === 'node-reject-unauthorized' ? 'read' : 'value');
  const dotenv =
    host === 'dotenv' && isSwap(kind, finding.ruleId) ? dotenvSwap(t, ref?.path ?? opts.bundle, opts) : undefined;
  const edits = dotenv ? dotenv.edits : bundleEdits(kind, t, host, finding.ruleId, opts, ref);
  if (!edits) return undefined;
  const followUps = kind === 'node-reject-unauthorized' || kind === 'node-env-var' ? nodeFollowUps(t, edits) : [];
  return {
    label: labelFor(kind, ref?.path ?? opts.bundle) + (ref?.code ? ' (relative to this file)' : '') + atOrigin(finding),
    edits: toTextEdits(t, edits),
    ...(ref?.note ? { note: ref.note } : {}),
    ...(ref?.code ? { fileRelative: ref.path } : {}),
    ...(dotenv?.existingCa ? { existingCa: dotenv.existingCa } : {}),
    ...(followUps.length ? { followUps } : {}),
  };
}

function bundleEdits(
  kind: FixKind,
  t: Target,
  host: Host,
  ruleId: string,
  opts: FixOptions,
  ref?: BundleRef,
): OffsetEdit[] | undefined {
  const b = ref?.path ?? opts.bundle;
  const code = ref?.code;
  const pre = ref?.edits ?? [];
  const py = code ?? cString(b);
  const config = isConfigRule(ruleId);
  const withPre = (e: OffsetEdit[] | undefined) => e && (code ? [...pre, ...e] : e);
  switch (kind) {
    case 'python-verify-kwarg':
      return withPre(verifyKwarg(t, py, ruleById(ruleId)?.client === 'python-httpx'));
    case 'python-verify-attribute': {
      const e = replaceFalse(t, py);
      return withPre(e && [e]);
    }
    case 'python-unverified-context':
      return withPre(unverifiedContext(t, py));
    case 'node-reject-unauthorized':
      return rejectUnauthorized(t, b, opts.path, code ? { code, edits: pre } : undefined);
    case 'go-insecure-skip-verify':
      return insecureSkipVerify(t, opts.bundle, opts.anchor !== undefined);
    case 'curl-insecure':
      return config ? curlrc(t, b) : curl(t, host, b, code);
    case 'git-ssl-verify':
      return git(t, host, b, config, code);
    case 'npm-strict-ssl':
      return config
        ? npm(t, host, b, opts.path, true)
        : isEnvRule(ruleId)
          ? swapEnv(t, host, b, code, pre)
          : npm(t, host, b, opts.path, false, code);
    case 'pip-trusted-host':
      return isEnvRule(ruleId) ? swapEnv(t, host, b, code, pre) : pip(t, host, b, config, code);
    case 'node-env-var':
    case 'env-ca-bundle':
      return swapEnv(t, host, b, code, pre);
    default:
      return undefined;
  }
}

/** True when the fix of `kind` renames an env assignment (the ones a .env can hold). */
function isSwap(kind: FixKind, ruleId: string): boolean {
  return (
    kind === 'node-env-var' ||
    kind === 'env-ca-bundle' ||
    ((kind === 'npm-strict-ssl' || kind === 'pip-trusted-host') && isEnvRule(ruleId))
  );
}

/**
 * The .env swap without duplicate keys: when the file already assigns the CA variable, that entry gets the new value
 * and the switch's line is deleted (instead of renaming it into a second entry); `existingCa` says what was there.
 */
function dotenvSwap(
  t: Target,
  path: string,
  opts: FixOptions,
): { edits: OffsetEdit[]; existingCa?: ExistingCa } | undefined {
  const p = envParts(t);
  if (!p) return undefined;
  const name = replacementName(p.name);
  const others = dotenvAssignments(t.text, name).filter((o) => o.end < t.start || o.start > t.end);
  if (others.length === 0) return undefined; // no other entry: the plain rename
  // The switch's own entry, by the dotenv reader's lines (CR-only files included), deleted with its line break.
  const entry = dotenvAssignments(t.text, p.name).find((o) => o.start <= t.start && t.end <= o.end);
  if (!entry) return undefined;
  const own = { start: entry.start, end: entry.next, newText: '' };
  const existingCa = existingDecision(others, t.text, path, opts.mergedCas);
  // Entries that already name the bundle stay as they are; the others keep their quote style: taking quotes away
  // could let an unterminated quote on an earlier line close further down and swallow lines into its value.
  const updates = others
    .filter((o) => o.value !== path)
    .map((o) => ({
      start: o.valueStart,
      end: o.valueEnd,
      newText: sameQuotes(t.text.slice(o.valueStart, o.valueEnd), path),
    }));
  return { edits: [...updates, own], ...(existingCa ? { existingCa } : {}) };
}

/** `path` as a .env value quoted like `old` (double quotes with escapes, single quotes when possible), else bare. */
function sameQuotes(old: string, path: string): string {
  if (old.startsWith('"')) return `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (old.startsWith("'") && !path.includes("'")) return `'${path}'`;
  return bareValue('dotenv', path);
}

/** The optional deletion of each leftover `NODE_TLS_REJECT_UNAUTHORIZED=0` line in the same file. */
function nodeFollowUps(t: Target, edits: readonly OffsetEdit[]): FollowUp[] {
  return nodeSwitchRemovals(t.text, edits).map((e) => ({
    label: `remove NODE_TLS_REJECT_UNAUTHORIZED=0 (line ${t.idx.positionAt(e.start).line + 1}): Node now trusts the bundle`,
    edits: toTextEdits(t, [e]),
  }));
}

/** True for the env family's findings: a NAME=value assignment (in .env, a shell export, a CI `env:` map…). */
function isEnvRule(ruleId: string): boolean {
  return ruleById(ruleId)?.surface === 'env';
}

/** `process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"`: delete it; NODE_EXTRA_CA_CERTS must be set before Node starts. */
function runtimeNodeEnv(t: Target, host: Host, bundle: string): FixResult | undefined {
  const del = removeEnv(t, host);
  if (!del) return undefined;
  return {
    label: `remove it and set NODE_EXTRA_CA_CERTS=${bundle} in the environment`,
    edits: toTextEdits(t, [del]),
    env: { NODE_EXTRA_CA_CERTS: bundle },
  };
}

/** A short description of the new text, e.g. `verify="<bundle>"`. */
function labelFor(kind: FixKind, bundle: string): string {
  switch (kind) {
    case 'python-unverified-context':
      return `ssl.create_default_context(cafile="${bundle}")`;
    case 'node-reject-unauthorized':
      return `ca: fs.readFileSync("${bundle}")`;
    case 'go-insecure-skip-verify':
      return `RootCAs from ${bundle}`;
    case 'curl-insecure':
      return `--cacert ${bundle}`;
    case 'git-ssl-verify':
      return `http.sslCAInfo=${bundle}`;
    case 'npm-strict-ssl':
      return `cafile=${bundle}`;
    case 'pip-trusted-host':
      return `cert=${bundle}`;
    case 'node-env-var':
      return `NODE_EXTRA_CA_CERTS=${bundle}`;
    case 'env-ca-bundle':
      return `a CA-bundle variable = ${bundle}`;
    default:
      return `verify="${bundle}"`;
  }
}

/** Edits that drop the switch altogether (for endpoints that verify with default trust); undefined if none is safe. */
export function removeFlagFix(text: string, finding: Finding, path: string): FixResult | undefined {
  if (namesItsOrigin(finding)) return undefined;
  const t = targetOf(text, finding);
  if (!t) return undefined;
  const edit = removalEdit(fixKindOf(finding.ruleId), t, hostOf(finding.ruleId, path, t.value), finding.ruleId);
  return edit
    ? { label: `remove ${t.value.split(/\r?\n/)[0]}${atOrigin(finding)}`, edits: toTextEdits(t, edit) }
    : undefined;
}

/**
 * True when the sink names the value's binding (`verify=VERIFY` for `VERIFY = False`, `verify=verify` for the default
 * `verify=False`): deleting the binding would leave the name unbound, so only the rewrite applies.
 */
function namesItsOrigin(f: Finding): boolean {
  const name = f.origin && /^([A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=(?!=)/.exec(f.origin.value)?.[1];
  return name !== undefined && new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(f.value);
}

/** Where a sink's fix edits: ` at line 2, for the 3 calls it reaches` (nothing for a finding on its value). */
function atOrigin(f: Finding): string {
  if (!f.origin) return '';
  const n = f.origin.reaches;
  return ` at line ${f.origin.range.start.line + 1}${n > 1 ? `, for the ${n} calls it reaches` : ''}`;
}

function removalEdit(kind: FixKind, t: Target, host: Host, ruleId: string): OffsetEdit[] | undefined {
  const one = (e: OffsetEdit | undefined) => (e ? [e] : undefined);
  switch (kind) {
    case 'python-verify-kwarg':
      return [removeListItem(t.text, t.start, t.end)];
    case 'python-verify-attribute':
      return one(deleteLines(t.text, t.ctxStart, t.ctxEnd, /^\s*;?\s*(?:#.*)?$/));
    case 'python-unverified-context':
      return unverifiedToDefault(t);
    case 'node-reject-unauthorized':
    case 'go-insecure-skip-verify':
      return one(
        /^\w+\s*=/.test(t.value)
          ? deleteLines(t.text, t.ctxStart, t.ctxEnd, /^\s*;?\s*(?:\/\/.*)?$/)
          : removeListItem(t.text, t.start, t.end),
      );
    case 'node-env-var':
    case 'env-ca-bundle':
      return one(removeEnv(t, host));
    case 'npm-strict-ssl':
    case 'pip-trusted-host':
      return one(isEnvRule(ruleId) ? removeEnv(t, host) : removeFlag(t, ruleId));
    case 'curl-insecure':
    case 'git-ssl-verify':
      return one(removeFlag(t, ruleId));
    default:
      return undefined;
  }
}

/** `ssl._create_unverified_context()` → `ssl.create_default_context()` (which verifies with the default store). */
function unverifiedToDefault(t: Target): OffsetEdit[] | undefined {
  const m =
    /^(?:([\w.]+)\.)?_create_unverified_context\s*\(\s*(?:(?:purpose\s*=\s*)?(?:[\w.]+\.)?Purpose\.SERVER_AUTH\s*)?\)$/.exec(
      t.value,
    );
  if (!m) return undefined;
  const ssl = m[1] ? { name: m[1], edits: [] } : sslModule(t.text);
  return [...ssl.edits, { start: t.start, end: t.end, newText: `${ssl.name}.create_default_context()` }];
}
export { envVarsFor, isLocalHost } from './targets';
