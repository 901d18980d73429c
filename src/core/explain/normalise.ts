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
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && lines.every((l) => /^\s*>/.test(l)) ? text.replace(/^\s*> ?/gm, '') : text;
}

/** The text with the decorations above removed; line breaks stay where they were. */
export function normalise(text: string): string {
  return unquoted(text)
    .replace(LOG_PREFIX, '')
    .replace(BOLD, '')
    .replace(MD_LINK, (_m, label: string, url: string) => (HOSTISH.test(label) ? label : url))
    .replace(USERINFO, '$1');
}
