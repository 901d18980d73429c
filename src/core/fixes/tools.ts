// Fixes for command-line tools, in commands (shell scripts, Dockerfile RUN, CI `run:`, package.json scripts) and in
// their config files: curl `-k` → `--cacert <bundle>`, git `sslVerify=false` → `sslCAInfo=<bundle>`, npm/yarn
// `strict-ssl=false` → `cafile=<bundle>`, pip `--trusted-host` → `--cert <bundle>`. In commands, `word` (an anchored
// shell word such as `"$(dirname "$0")/x.pem"`, see anchor.ts) replaces the quoted bundle path.
import { ruleById } from '../rules/registry';
import { CONFIG_SURFACES } from '../rules/vocabulary';
import { commandWord, Host } from './host';
import { cString, gitConfigValue, npmrcValue, yamlScalar } from '../text/quote';
import { lineSpan } from '../text/lines';
import { deleteLines, Target } from './text';
import type { OffsetEdit } from './types';

/** True for findings in config files (as opposed to commands). */
export function isConfigRule(ruleId: string): boolean {
  const rule = ruleById(ruleId);
  return rule !== undefined && CONFIG_SURFACES.has(rule.surface);
}

/** `-k` / `--insecure` → `--cacert <bundle>`; `-sk` → `--cacert <bundle> -s` (the rest of the cluster keeps its order and arguments). */
export function curl(t: Target, host: Host, bundle: string, word?: string): OffsetEdit[] | undefined {
  if (/^(?:-k|--insecure)$/.test(t.value)) {
    return [{ start: t.start, end: t.end, newText: `--cacert ${word ?? commandWord(host, bundle)}` }];
  }
  const m = /^-([A-Za-z0-9]*)k([A-Za-z0-9]*)$/.exec(t.value);
  if (!m) return undefined;
  return [{ start: t.start, end: t.end, newText: `--cacert ${word ?? commandWord(host, bundle)} -${m[1]}${m[2]}` }];
}

/** `.curlrc`: `insecure` / `-k` → `cacert = "<bundle>"` (curl unescapes quoted config values). */
export function curlrc(t: Target, bundle: string): OffsetEdit[] {
  return [{ start: t.start, end: t.end, newText: `cacert = ${cString(bundle)}` }];
}

/** `http.sslVerify=false` (git -c), `http.sslVerify false` (git config), `sslVerify = false` (.gitconfig). */
export function git(t: Target, host: Host, bundle: string, config: boolean, word?: string): OffsetEdit[] | undefined {
  const m = /sslVerify(\s*=\s*|\s+)\S+$/i.exec(t.value);
  if (!m) return undefined;
  const value = config ? gitConfigValue(bundle) : (word ?? commandWord(host, bundle));
  return [{ start: t.start + m.index, end: t.end, newText: `sslCAInfo${m[1]}${value}` }];
}

/** npm/yarn: `strict-ssl=false` → `cafile=<bundle>`; `.yarnrc` v1 quotes; `.yarnrc.yml` `enableStrictSsl` → `caFilePath`. */
export function npm(
  t: Target,
  host: Host,
  bundle: string,
  path: string,
  config: boolean,
  word?: string,
): OffsetEdit[] | undefined {
  const m = /(strict-ssl|enableStrictSsl)(\s*[=:]\s*|\s+)\S+$/i.exec(t.value);
  if (!m) return undefined;
  const berry = m[1] === 'enableStrictSsl';
  const key = berry ? 'caFilePath' : 'cafile';
  const yarnV1 = /(?:^|[\\/])\.yarnrc$/.test(path);
  const value = !config
    ? (word ?? commandWord(host, bundle))
    : berry
      ? yamlScalar(bundle)
      : yarnV1
        ? JSON.stringify(bundle)
        : npmrcValue(bundle);
  return [{ start: t.start + m.index, end: t.end, newText: `${key}${m[2]}${value}` }];
}

/** pip: `--trusted-host h` → `--cert <bundle>`; pip.conf `trusted-host = a\n  b` → `cert = <bundle>` (continuations dropped). */
export function pip(t: Target, host: Host, bundle: string, config: boolean, word?: string): OffsetEdit[] | undefined {
  if (!config) {
    const m = /^--trusted-host(=|\s+)\S+$/.exec(t.value);
    return m
      ? [
          {
            start: t.start,
            end: t.end,
            newText: `--cert${m[1].startsWith('=') ? '=' : ' '}${word ?? commandWord(host, bundle)}`,
          },
        ]
      : undefined;
  }
  const m = /^(trusted[-_]host)(\s*[=:]\s*)/i.exec(t.value);
  if (!m) return undefined;
  // configparser values are raw text: no quotes (they would become part of the path).
  return [{ start: t.start, end: continuationEnd(t.text, t.end), newText: `cert${m[2]}${bundle}` }];
}

/** End of an ini value continued on indented lines (pip.conf lists several trusted hosts that way). */
function continuationEnd(text: string, end: number): number {
  let [, le] = lineSpan(text, end);
  for (;;) {
    const next = /^\r?\n([ \t]+\S[^\r\n]*)/.exec(text.slice(le));
    if (!next) return le;
    le += next[0].length;
  }
}

/** Removal: a command flag with its spacing (`-k `, `-c http.sslVerify=false `, `--trusted-host h `), `k` from a cluster. */
export function removeFlag(t: Target, ruleId: string): OffsetEdit | undefined {
  if (isConfigRule(ruleId)) {
    const del = deleteLines(t.text, t.start, t.end, /^\s*(?:[#;].*)?$/);
    return del && ruleById(ruleId)?.client === 'pip'
      ? { ...del, end: lineSpan(t.text, continuationEnd(t.text, t.end))[2] }
      : del;
  }
  const cluster = /^-([A-Za-z0-9]*)k([A-Za-z0-9]*)$/.exec(t.value);
  if (cluster && t.value !== '-k') return { start: t.start, end: t.end, newText: `-${cluster[1]}${cluster[2]}` };
  if (/sslVerify\s+\S+$|strict-ssl\s+\S+$|enableStrictSsl\s+\S+$/i.test(t.value)) {
    return deleteLines(t.text, t.ctxStart, t.ctxEnd, /^\s*;?\s*(?:#.*)?$/);
  }
  const dashC = /(?:^|\s)-c[ \t]+$/.exec(t.text.slice(Math.max(0, t.start - 8), t.start));
  const start = dashC ? t.start - dashC[0].trimStart().length : t.start;
  const after = /^[ \t]+/.exec(t.text.slice(t.end));
  if (after) return { start, end: t.end + after[0].length, newText: '' };
  const before = /[ \t]+$/.exec(t.text.slice(0, start));
  return before ? { start: start - before[0].length, end: t.end, newText: '' } : undefined;
}
