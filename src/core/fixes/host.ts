// Which syntax surrounds a finding's text, so the bundle path is written as a literal that reads back exactly:
// a Python/JS string, a JSON string, a `.env` value, a shell word (also inside a package.json script), or YAML.
import { ruleById } from '../rules/registry';
import {
  cString,
  formatEnvValue,
  jsonStringBody,
  shellDoubleQuoted,
  shellSingleQuoted,
  shellWord,
  yamlScalar,
  yamlSingleQuoted,
} from '../text/quote';

/** The syntax around a finding. `json-shell`: a shell command inside a JSON string (package.json scripts). */
export type Host = 'python' | 'js' | 'json' | 'json-shell' | 'dotenv' | 'yaml' | 'shell';

/** The host of a finding of `ruleId` in the file `path` whose matched text is `value`. */
export function hostOf(ruleId: string, path: string, value: string): Host {
  const surface = ruleById(ruleId)?.surface;
  if (surface === 'python') return 'python';
  if (surface === 'javascript') return 'js';
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  if (/^\.env(?:\.|$)|\.env$/i.test(base)) return 'dotenv';
  if (/\.(?:jsonc?|code-workspace)$/i.test(base)) return /^["']/.test(value) ? 'json' : 'json-shell';
  if (/\.ya?ml$/i.test(base)) return /^["']?[\w.-]+["']?\s*:/.test(value) ? 'yaml' : 'shell';
  return 'shell';
}

/** `s` as a bare value (no quotes in the original) in `host`. */
export function bareValue(host: Host, s: string): string {
  switch (host) {
    case 'python':
    case 'js':
    case 'json':
      return cString(s);
    case 'dotenv':
      return formatEnvValue(s);
    case 'yaml':
      return yamlScalar(s);
    case 'json-shell':
      return jsonStringBody(shellWord(s));
    default:
      return shellWord(s);
  }
}

/** `s` replacing a value that was written between `quote`s in `host` (keeps the author's quote style where it can). */
export function quotedValue(host: Host, s: string, quote: string): string {
  switch (host) {
    case 'python':
    case 'js':
      return cString(s, quote === "'" ? "'" : '"');
    case 'json':
      return cString(s);
    case 'yaml':
      return quote === "'" ? yamlSingleQuoted(s) : JSON.stringify(s);
    case 'dotenv':
      return formatEnvValue(s);
    case 'json-shell':
      return jsonStringBody(quote === "'" ? shellSingleQuoted(s) : shellDoubleQuoted(s));
    default:
      return quote === "'" ? shellSingleQuoted(s) : shellDoubleQuoted(s);
  }
}

/** A shell word for `s` in a command of `host` (escaped again when the command sits in a JSON string). */
export function commandWord(host: Host, s: string): string {
  return host === 'json-shell' ? jsonStringBody(shellWord(s)) : shellWord(s);
}
