// What a pasted error looks like after it went through a CI page, a Markdown editor or an issue tracker, undone
// before anything reads it: log-line prefixes that split a wrapped line, Markdown emphasis and autolinks around
// the words, a URL's userinfo. Pure; the client table, the wording table and the host shapes all read its output.

/**
 * Prefixes a log viewer puts before every line: BuildKit's step and time ("#16 707.6 "), GitHub Actions' timestamp
 * ("2024-05-01T12:00:00.1234567Z "). They sit between the halves of a wrapped line ("unable to get local i" /
 * "#16 707.6   ssuer certificate"), so no wording can match across them.
 */
const LOG_PREFIX = /^(?:#\d+ \d+(?:\.\d+)? ?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?)/gm;

/** Markdown bold around an error line ("**ERROR:  unable to get local issuer certificate**"). */
const BOLD = /\*\*/g;

/**
 * GitHub turns a bare host into a link when it is pasted outside a code block: host='[pypi.org](http://pypi.org/)'.
 * A link whose text is a host or URL is the text; any other link is its URL (the text is prose, "see here").
 */
const MD_LINK = /\[([^\]\n]{1,200})\]\(((?:https?|mailto):[^)\s]*)\)/g;
const HOSTISH = /^(?:https?:\/\/)?[a-z0-9_-]+(?:\.[a-z0-9_-]+)+(?::\d+)?(?:\/\S*)?$/i;

/**
 * A URL's user and password ("https://mbus:<redacted>@10.0.0.1:6868/"): not the host, and a redacted password in
 * angle brackets cuts the URL short, so the user name would read as the host.
 */
const USERINFO = /\b(https?:\/\/)[^\s/@'"`]+@(?=[^\s/@'"`])/g;

/**
 * A Markdown quote ("> fatal: unable to access …: self" / "> signed certificate in certificate chain"): stripped
 * only when every line is quoted, since npm 6 starts lines of its own with "> " ("> pkg@1.0.0 postinstall").
 */
function unquoted(text: string): string {
  return withoutSharedPrefix(withoutSharedPrefix(text, /^\s*> ?/), /^\s*> ?/);
}

/**
 * Prefixes a tool puts before every line of another program's output: Visual Studio's build node ("1>"), Docker
 * Compose's service column ("web-1  | "), `kubectl logs --prefix` ("[pod/web-7d9f/app] "). Stripped only when every non-blank line carries one, so a "|" or ">" inside
 * the message stays.
 */
const LINE_OWNERS: readonly RegExp[] = [
  /^\d{1,3}>/,
  /^[\w.-]+(?:[-_]\d+)?[ \t]+\|[ \t]?/,
  /^\[pod\/[\w.-]+\/[\w.-]+\] /,
];

/** The text without `prefix` at each line's start, when every non-blank line has it (else unchanged). */
function withoutSharedPrefix(text: string, prefix: RegExp): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0 || !lines.every((l) => prefix.test(l))) return text;
  return text
    .split('\n')
    .map((l) => l.replace(prefix, ''))
    .join('\n');
}

/**
 * A logger's timestamp (and level) before each line ("2024-05-01 12:00:00,123 ERROR ", "[2024-05-01T12:00:00Z] ",
 * "[12:00:01] "): like a CI prefix it splits a wrapped wording and hides the line starts that clients' signatures
 * anchor on ("Retrying (Retry(", "fatal: ", "curl: (60)"). Removed wherever it starts a line; the level only in
 * capitals and without a colon: Yarn 1's own lines start with a lower-case "error ", wget's with "ERROR: ".
 */
const STAMP =
  /^[ \t]*(?:\[?\d{4}[-/]\d\d[-/]\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?: ?(?:Z|[+-]\d\d:?\d\d|UTC))?\]?|\[\d\d:\d\d:\d\d(?:[.,]\d{1,6})?\])[ \t]+(?:(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL|CRITICAL)\b(?!:)[ \t]+)?/gm;

/**
 * The block shifted left by the indentation every line shares (an indented Markdown code block, a quoted log), so
 * signatures anchored at a line's start ("PS C:\\…> ", "> pkg@1.0.0 postinstall") read it; relative indentation stays.
 */
function dedented(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const widths = lines.map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = widths.length > 0 ? Math.min(...widths) : 0;
  return common === 0 ? text : text.replace(new RegExp(`^[ \\t]{${common}}`, 'gm'), '');
}

/**
 * What a web page, a chat client or an HTML/XML report does to the characters: non-breaking and other Unicode spaces
 * (wordings match ASCII spaces), zero-width characters, HTML entities of an escaped message (a JUnit report's
 * `message="…&quot;…"`, a page's source), and Markdown code fences around the block.
 */
function plainCharacters(text: string): string {
  return text
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/^[ \t]*(?:```|~~~)[\w+-]*[ \t]*$/gm, '')
    .replace(/&(?:quot|#34|#x22);/gi, '"')
    .replace(/&(?:apos|#39|#x27);/gi, "'")
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&amp;/gi, '&');
}

/**
 * A space typed (or a French keyboard's habit) before the colons of Go's error prefixes: "Get https://…/v2/ : x509 :
 * certificate signed by unknown authority" is Go's "x509: …".
 */
function goColons(text: string): string {
  return text.replace(/\b(x509|tls) :(?= )/g, '$1:').replace(/(https?:\/\/\S+) : (?=x509:|tls:)/g, '$1: ');
}

/** The text with the decorations above removed; line breaks stay where they were. */
export function normalise(text: string): string {
  const owned = LINE_OWNERS.reduce((t, prefix) => withoutSharedPrefix(t, prefix), goColons(plainCharacters(text)));
  return dedented(unquoted(owned.replace(STAMP, '')))
    .replace(LOG_PREFIX, '')
    .replace(BOLD, '')
    .replace(MD_LINK, (_m, label: string, url: string) => (HOSTISH.test(label) ? label : url))
    .replace(USERINFO, '$1');
}
