// Finds https:// URL literals in source text (pure, for the CodeLens and hover). A literal is a URL right after a
// quote or "=", or, in languages whose values are bare (shell, YAML, .env…), after whitespace or ":" on a line that
// is not a comment. Doc links in comments stay quiet, so the lenses mark the endpoints code actually talks to.
import { trimTrailingPunctuation, URL_HOST, urlsInText } from '../../core/text/url';

/** One URL found in a text: zero-based line and UTF-16 columns, like VS Code positions. */
export interface UrlHit {
  readonly url: string;
  /** originOf(url), found with the hit: a hit that only moves keeps it (lenses ask for it after every edit). */
  readonly origin: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

// Host: a DNS name or a bracketed IPv6 literal; then an optional port and a path/query that stops at quotes,
// whitespace, brackets and template syntax. `${host}`-style templates therefore never match.
const URL_RE = new RegExp(`https://${URL_HOST}(?::\\d{1,5})?(?:[/?#][^\\s'"\`<>\\\\(){}[\\]]*)?`, 'g');
const QUOTE_OR_ASSIGN = /['"`=]/;
const BARE_VALUE_LANGUAGES = new Set([
  'shellscript',
  'dockerfile',
  'makefile',
  'yaml',
  'dotenv',
  'properties',
  'ini',
  'toml',
  'terraform',
  'powershell',
  'bat',
]);
const COMMENT_START = /^\s*(#|\/\/|;|--|\*|\/\*|rem\s)/i;
/** Languages where a URL is prose, not an endpoint: no lenses there. */
export const PROSE_LANGUAGES: ReadonlySet<string> = new Set([
  'markdown',
  'plaintext',
  'log',
  'restructuredtext',
  'asciidoc',
  'latex',
  'html',
  'git-commit',
  'scminput',
]);
/** Lines longer than this (minified bundles, data blobs) are skipped to keep the scan cheap. */
const MAX_LINE = 2_000;

function isLiteralContext(lineText: string, start: number, bare: boolean): boolean {
  const before = start > 0 ? lineText[start - 1] : '';
  if (QUOTE_OR_ASSIGN.test(before)) return true;
  if (!bare || COMMENT_START.test(lineText)) return false;
  return before === '' || before === ':' || /\s/.test(before);
}

/** Every https:// URL literal in `text`; `languageId` decides whether bare (unquoted) values count. */
export function findHttpsUrls(text: string, languageId: string): UrlHit[] {
  if (PROSE_LANGUAGES.has(languageId)) return [];
  const bare = BARE_VALUE_LANGUAGES.has(languageId);
  const hits: UrlHit[] = [];
  const lines = text.split(/\r?\n/);
  for (let line = 0; line < lines.length; line++) lineHits(lines[line], line, bare, hits);
  return hits;
}

/** Appends the URL literals of one line: they depend on that line's text alone (what updateHits relies on). */
function lineHits(lineText: string, line: number, bare: boolean, hits: UrlHit[]): void {
  if (lineText.length > MAX_LINE || !lineText.includes('https://')) return;
  for (const m of lineText.matchAll(URL_RE)) {
    const start = m.index ?? 0;
    if (!isLiteralContext(lineText, start, bare)) continue;
    const url = trimTrailingPunctuation(m[0]);
    hits.push({ url, origin: originOf(url), line, start, end: start + url.length });
  }
}

/** One change of a document as VS Code reports it: the lines it replaced (in the text it applied to) and its text. */
export interface LineEdit {
  readonly startLine: number;
  readonly endLine: number;
  readonly text: string;
}

/**
 * findHttpsUrls of a text after `edits`, from its hits before them: hits on lines no edit touched are kept (moved by the
 * lines added or removed above them) and only the lines the edits wrote are read again, through `lineText` (a line
 * of the new text). Equal to findHttpsUrls of the new text because a line's hits depend on that line alone; `edits`
 * apply one after the other, each in the coordinates the previous ones left (as VS Code applies contentChanges).
 */
export function updateHits(
  hits: readonly UrlHit[],
  edits: readonly LineEdit[],
  languageId: string,
  lineText: (line: number) => string,
): UrlHit[] {
  if (PROSE_LANGUAGES.has(languageId)) return [];
  let kept: readonly UrlHit[] = hits;
  let dirty: number[] = [];
  for (const e of edits) {
    const added = e.text.split(/\r?\n/).length - 1;
    const delta = added - (e.endLine - e.startLine);
    const outside = (line: number) => line < e.startLine || line > e.endLine;
    const moved = (line: number) => (line > e.endLine ? line + delta : line);
    // The hits are in line order: those of the lines the edit replaced are cut out by two binary searches, and only
    // those after them are copied with their new line (none when the edit added or removed no line: typing).
    const from = firstAt(kept, e.startLine);
    const to = firstAt(kept, e.endLine + 1);
    const after = kept.slice(to);
    kept = kept.slice(0, from).concat(delta === 0 ? after : after.map((h) => ({ ...h, line: h.line + delta })));
    dirty = dirty.filter(outside).map(moved);
    for (let line = e.startLine; line <= e.startLine + added; line++) dirty.push(line);
  }
  const bare = BARE_VALUE_LANGUAGES.has(languageId);
  const found: UrlHit[] = [];
  for (const line of new Set(dirty)) lineHits(lineText(line), line, bare, found);
  const out = found.length ? [...kept, ...found].sort((a, b) => a.line - b.line || a.start - b.start) : [...kept];
  // The same array when nothing moved or changed, so what is derived from it (the lenses) can be kept.
  return sameHits(out, hits) ? (hits as UrlHit[]) : out;
}

/** The index of the first hit on `line` or after it, in hits sorted by line. */
function firstAt(hits: readonly UrlHit[], line: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hits[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameHits(a: readonly UrlHit[], b: readonly UrlHit[]): boolean {
  return (
    a.length === b.length &&
    a.every((h, i) => h.line === b[i].line && h.start === b[i].start && h.end === b[i].end && h.url === b[i].url)
  );
}

/** The URL (http or https, literal or not) that covers `character` on `lineText`, for prefilling the input box. */
export function urlAt(lineText: string, character: number): string | undefined {
  return urlsInText(lineText).find((u) => character >= u.start && character <= u.end)?.url;
}

/** scheme://host[:port] of a URL: the part a TLS check depends on. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** One CodeLens per endpoint (origin) per line; the title names the endpoint only when a line has several. */
export function lensTargets(hits: readonly UrlHit[]): { hit: UrlHit; origin: string; title: string }[] {
  const perLine = new Map<number, { hit: UrlHit; origin: string }[]>();
  for (const hit of hits) {
    const { origin } = hit;
    const line = perLine.get(hit.line) ?? [];
    if (!line.some((t) => t.origin === origin)) line.push({ hit, origin });
    perLine.set(hit.line, line);
  }
  return [...perLine.values()].flatMap((line) =>
    line.map((t) => ({
      ...t,
      title: line.length > 1 ? `Check TLS: ${t.origin.replace(/^https:\/\//, '')}` : 'Check TLS',
    })),
  );
}

/**
 * A URL whose scheme is mistyped (`htps//x`, `http:/x`, `https:x`, `hhtps://x`): the URL it most likely meant, else
 * undefined. Only schemes within two edits of http/https with a `:` or `/` after them count, so `localhost:8443` and
 * `example.com` are never "corrected".
 */
export function schemeTypo(value: string): string | undefined {
  const m = /^([a-z]{2,7})(:?)(\/*)(.*)$/i.exec(value.trim());
  if (!m) return undefined;
  const [, scheme, colon, slashes, rest] = m;
  if (!colon && !slashes) return undefined;
  const lower = scheme.toLowerCase();
  const meant = distance(lower, 'https') <= distance(lower, 'http') ? 'https' : 'http';
  if (distance(lower, meant) > 2 || !rest) return undefined;
  if (lower === meant && colon && slashes.length === 2) return undefined;
  // `host:port` with a host that merely looks like a scheme ("http:8080") is a port, not a typo.
  if (colon && !slashes && /^\d+(\/|$)/.test(rest)) return undefined;
  return `${meant}://${rest}`;
}

/** Levenshtein distance of two short strings. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * A lens title with what the last handshake with the code's CA bundle said (a fix's proof): "✓ verified with
 * <bundle>" only when that handshake verified, "✗ not verified with <bundle> (causes)" when it reached the server and
 * failed, the plain title when there is none or it never got that far.
 */
export function titleWithProof(
  title: string,
  proof: { readonly ok: boolean; readonly reached: boolean; readonly causes: readonly string[] } | undefined,
  bundle: string,
): string {
  if (!proof || !proof.reached) return title;
  return proof.ok
    ? `${title} · ✓ verified with ${bundle}`
    : `${title} · ✗ not verified with ${bundle}${proof.causes.length ? ` (${proof.causes.join(', ')})` : ''}`;
}
