// Editing `.env` files without losing anything: every other line, comment, blank line, `export` prefix and line
// ending stays byte-for-byte; only the values of the keys we set change, and new keys are appended.

/** The three variables that make Python requests, Python ssl/curl and Node trust a CA bundle (field notes §2). */
// A type alias, not an interface, so it can be passed where a Record<string, string> is expected.
export type CaBundleEnv = {
  /** Python requests reads this (it ignores SSL_CERT_FILE). */
  REQUESTS_CA_BUNDLE: string;
  /** OpenSSL's default file: Python `ssl`/urllib, curl built with OpenSSL, Ruby, … */
  SSL_CERT_FILE: string;
  /** Node adds these to its bundled roots, read once at start-up. */
  NODE_EXTRA_CA_CERTS: string;
};

/** The environment that points every common client at `bundlePath`, e.g. `caBundleEnv('/w/.certs/bundle.pem')`. */
export function caBundleEnv(bundlePath: string): CaBundleEnv {
  return { REQUESTS_CA_BUNDLE: bundlePath, SSL_CERT_FILE: bundlePath, NODE_EXTRA_CA_CERTS: bundlePath };
}

// `  export KEY = value`: groups 1 = everything up to and including `=` and following spaces, 2 = key, 3 = value+rest.
const ASSIGNMENT = /^(\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=[ \t]*)(.*)$/;

/** Unquoted values made only of these characters read the same in python-dotenv, Node dotenv, shells and compose. */
const PLAIN_VALUE = /^[A-Za-z0-9_./:@%+,=~\\-]*$/;

/** Quotes `value` so that dotenv parsers read it back literally (single quotes: no escapes, no `$` expansion). */
export function formatEnvValue(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`environment value must be a single line (got ${JSON.stringify(value)})`);
  if (PLAIN_VALUE.test(value)) return value;
  if (!value.includes("'") && !value.includes('\\')) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

interface Line {
  text: string;
  eol: string;
}

/** Splits keeping each line's own terminator ('' for a last line without one), so joining gives the input back. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < text.length) {
    lines.push({ text: m[1], eol: m[2] });
    if (m[2] === '') break;
  }
  return lines;
}

/** Index of the line that closes a multi-line quoted value opened on line `start` (or `start` itself). */
function valueEnd(lines: readonly Line[], start: number, value: string): number {
  const quote = value[0];
  if (quote !== '"' && quote !== "'") return start;
  if (closingQuote(value, 1, quote) >= 0) return start;
  for (let i = start + 1; i < lines.length; i++) {
    if (closingQuote(lines[i].text, 0, quote) >= 0) return i;
  }
  return start; // never closed: treat as a one-line value rather than swallowing the rest of the file
}

/** Position of the first unescaped `quote` at or after `from`, or -1. */
function closingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\' && quote === '"') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

/** What follows a one-line value that must survive an update: an inline ` # comment` and trailing spaces. */
function trailer(value: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const end = closingQuote(value, 1, quote);
    return end >= 0 ? value.slice(end + 1) : '';
  }
  const comment = /\s+#.*$/.exec(value);
  return comment ? comment[0] : '';
}

/** The dominant line ending of `text`, for appended lines. */
function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Sets `vars` in the text of a `.env` file (pure). Existing keys (also with `export `) are updated in place, every
 * occurrence, keeping their inline comments; new keys are appended in the order given. All other bytes are kept.
 * E.g. `mergeEnvFile('A=1\n# c\n', { B: '2' })` → `'A=1\n# c\nB=2\n'`.
 */
export function mergeEnvFile(existingText: string, vars: Record<string, string>): string {
  const lines = splitLines(existingText);
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = ASSIGNMENT.exec(lines[i].text);
    const end = m ? valueEnd(lines, i, m[3]) : i;
    if (m && Object.prototype.hasOwnProperty.call(vars, m[2])) {
      seen.add(m[2]);
      const rest = end === i ? trailer(m[3]) : closingRest(lines[end].text, m[3][0]);
      out.push(m[1] + formatEnvValue(vars[m[2]]) + rest + lines[end].eol);
    } else {
      for (let j = i; j <= end; j++) out.push(lines[j].text + lines[j].eol);
    }
    i = end;
  }
  return appendNew(out.join(''), vars, seen, lineEnding(existingText));
}

/** The text after the closing quote on the last line of a multi-line value. */
function closingRest(lastLine: string, quote: string): string {
  return lastLine.slice(closingQuote(lastLine, 0, quote) + 1);
}

/** Appends `KEY=value` lines for the keys not already present, after a line break if the text lacks one. */
function appendNew(text: string, vars: Record<string, string>, seen: ReadonlySet<string>, eol: string): string {
  const added = Object.keys(vars).filter((k) => !seen.has(k));
  if (added.length === 0) return text;
  for (const key of added) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) throw new Error(`not a valid environment variable name: "${key}"`);
  }
  const sep = text === '' || /[\r\n]$/.test(text) ? '' : eol;
  return text + sep + added.map((k) => `${k}=${formatEnvValue(vars[k])}${eol}`).join('');
}
