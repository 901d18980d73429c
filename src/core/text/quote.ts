// Writing a value as a literal of each language and shell we edit (fixes, snippets, .env files, git and npm config).
// Every function returns text that reads back as exactly `s`: Windows backslashes are escaped where the language has
// escapes, spaces are quoted where they split words. The one place that knows each syntax's quoting rules.

/** A double-quoted string for Python, JavaScript/TypeScript, Go and JSON (backslash escapes; `"` → `\"`). */
export function cString(s: string, quote: '"' | "'" = '"'): string {
  let out = '';
  for (const ch of s) {
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return quote + out + quote;
}

/** Characters that need no quoting in POSIX sh (and Dockerfile, and YAML plain scalars in the middle of a line). */
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One shell word: as is when safe, else single-quoted (`'` written as `'\''`); backslashes stay literal. */
export function shellWord(s: string): string {
  return s !== '' && SHELL_SAFE.test(s) ? s : shellSingleQuoted(s);
}

/** A POSIX shell single-quoted string, always quoted: `it's` → `'it'\''s'` (no escapes inside single quotes). */
export function shellSingleQuoted(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A shell double-quoted string (for replacing a value that was written in double quotes). */
export function shellDoubleQuoted(s: string): string {
  return `"${s.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}

/** The body of a JSON string (no quotes), for text that sits inside one (package.json scripts). */
export function jsonStringBody(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

/** A value for git config files: bare when safe, else double-quoted with `\\` and `\"` escapes. */
export function gitConfigValue(s: string): string {
  return SHELL_SAFE.test(s) ? s : cString(s);
}

/** A value for npm's ini files (.npmrc): bare unless it contains `;`, `#`, quotes or edge spaces (then JSON-quoted). */
export function npmrcValue(s: string): string {
  return /[;#"'\\]|^\s|\s$/.test(s) ? JSON.stringify(s) : s;
}

/** A YAML scalar: plain when safe, else single-quoted (`'` doubled; backslashes literal). */
export function yamlScalar(s: string): string {
  return /^[A-Za-z0-9_./-][A-Za-z0-9_ ./:@+-]*$/.test(s) && !/:\s|\s$/.test(s) ? s : yamlSingleQuoted(s);
}

/** A YAML single-quoted scalar, always quoted (`'` doubled; no other escapes). */
export function yamlSingleQuoted(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Unquoted values made only of these characters read the same in python-dotenv, Node dotenv, shells and compose. */
const PLAIN_ENV_VALUE = /^[A-Za-z0-9_./:@%+,=~\\-]*$/;

/** Quotes `value` so that dotenv parsers read it back literally (single quotes: no escapes, no `$` expansion). */
export function formatEnvValue(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`environment value must be a single line (got ${JSON.stringify(value)})`);
  if (PLAIN_ENV_VALUE.test(value)) return value;
  if (!value.includes("'") && !value.includes('\\')) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
