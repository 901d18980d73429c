// Every https:// endpoint a file refers to, with positions: the data behind the "TLS Endpoints" tree. Comments are
// blanked first (the detection core's lexer), so licence headers and "see https://…" notes don't become endpoints;
// prose, lock files and URLs whose host is computed (`https://${host}/`) are left out.
import { lex, SYNTAX, Syntax } from '../rules/lexer';
import type { Range } from '../rules/types';
import { TextIndex } from '../text/lines';
import { objectCallEndpoints } from './resolve';
import { Endpoint, toEndpoint } from './url';

/** One place a file mentions an https endpoint. */
export interface EndpointRef extends Endpoint {
  readonly range: Range;
}

const URL_RE =
  /https:\/\/(?:[^\s/@"'`]+@)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)(?::\d{1,5})?(?:[/?#][^\s"'`<>\\|^{}]*)?/g;
/** Characters right after a URL that show it is built at run time (template, f-string, concatenation, encoding). */
const COMPUTED_NEXT = /^[${%<+]/;
const PROSE = /\.(?:md|markdown|txt|rst|adoc|html?|xml|svg|csv|log|pem|crt|key)$/i;
const LOCKFILES =
  /(?:^|[/\\])(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|poetry\.lock|Pipfile\.lock|Cargo\.lock|go\.sum|Gemfile\.lock|composer\.lock|uv\.lock)$/i;

const SYNTAX_BY_EXT: readonly [RegExp, Syntax][] = [
  [/\.(?:py|pyw)$/i, SYNTAX.python],
  [/\.(?:[cm]?[jt]sx?|jsonc)$/i, SYNTAX.js],
  [/\.go$/i, SYNTAX.go],
  [/\.(?:java|kt|kts|scala|groovy|gradle)$/i, SYNTAX.jvm],
  [/\.cs$/i, SYNTAX.csharp],
  [/\.rs$/i, SYNTAX.rust],
  [/\.rb$/i, SYNTAX.ruby],
  [/\.php$/i, SYNTAX.php],
];

/** Whether a file is worth reading for endpoints at all (not prose, not a lock file). */
export function isInventoried(path: string): boolean {
  return !PROSE.test(path) && !LOCKFILES.test(path);
}

/** Comment syntax for a path: a language's own, `#` comments for shell/YAML/INI-like files, none for JSON. */
function syntaxFor(path: string): Syntax | undefined {
  const hit = SYNTAX_BY_EXT.find(([re]) => re.test(path));
  if (hit) return hit[1];
  return /\.json$/i.test(path) ? undefined : SYNTAX.hash;
}

/** Every https endpoint `text` (the content of `path`) refers to, in order of appearance. */
export function findEndpointRefs(text: string, path: string): EndpointRef[] {
  if (!isInventoried(path)) return [];
  const syntax = syntaxFor(path);
  const objectCalls = syntax === SYNTAX.js && /\b(?:https|tls)\s*\./.test(text);
  if (!text.includes('https://') && !objectCalls) return [];
  const code = syntax ? lex(text, syntax).code : text;
  const idx = new TextIndex(text);
  const out: EndpointRef[] = [];
  for (const m of code.matchAll(URL_RE)) {
    // Sentence punctuation may trail a path; a host ending in "." or "-" is a prefix (`"https://api." + domain`).
    const raw = /^https:\/\/[^/?#]+[/?#]/.test(m[0]) ? m[0].replace(/[.,;:!?)\]]+$/, '') : m[0];
    const next = code.slice(m.index + m[0].length, m.index + m[0].length + 1);
    if (COMPUTED_NEXT.test(next) || isSchemaReference(code, m.index)) continue;
    const ep = toEndpoint({ text: raw, whole: true }, 'literal');
    if (ep) out.push({ ...ep, range: idx.rangeOf(m.index, m.index + raw.length) });
  }
  if (objectCalls) {
    for (const c of objectCallEndpoints(code)) out.push({ ...c.endpoint, range: idx.rangeOf(c.start, c.end) });
    out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return out;
}

/** `"$schema": "https://…"` and `xmlns="https://…"` name documents, not servers the code talks to. */
function isSchemaReference(code: string, at: number): boolean {
  return /(?:"\$schema"\s*:\s*|xmlns(?::\w+)?\s*=\s*)["']$/.test(code.slice(Math.max(0, at - 40), at));
}
