// Browser automation: the Chromium switch `--ignore-certificate-errors` as a string literal, and the options of
// Puppeteer, Playwright and Selenium/WebDriver that accept any certificate, in every language that drives a browser
// (Python, JS/TS, Java/Kotlin, C#, Go).
import { Kind, lex, Lexed, Syntax, SYNTAX } from './lexer';
import { eachCodeMatch, enclosingCall, finding, statementAt, testFromLiterals, withLiterals } from './match';
import { countReaches, inTypeDeclaration, MAX_FOLLOWED, objectSinks } from './flow';
import { JS_FLOW } from './javascript';
import { PY_FLOW } from './python';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily } from './types';
import { BROWSER } from './catalog/browser';

// Case-sensitive on purpose: this test runs on every Python/JS/Java/C#/Go file of a tree, and a case-insensitive
// alternation costs several times more there. Each spelling a library uses is listed.
const PREFILTER =
  /ignore-certificate-errors|[iI]gnoreHTTPSErrors|ignore_https_errors|[aA]cceptInsecureCert|accept_insecure_certs/;

/** PREFILTER tried at its literals' occurrences only (testFromLiterals): an alternation without a common first
 * character makes the regex engine try every position (0.6 ms of a 10,000-line Python file's re-scan, 0.9 ms of the
 * TypeScript compiler's bundle, which say `_https` and `Insecure` and so pass the needles). Same verdict. */
const PREFILTER_AT_LITERALS = withLiterals(
  new RegExp(PREFILTER.source, 'g'),
  [
    'ignore-certificate-errors',
    'gnoreHTTPSErrors',
    'ignore_https_errors',
    'cceptInsecureCert',
    'accept_insecure_certs',
  ],
  1,
);

/** The Chromium switch as a whole string literal; without the dashes only as `appendSwitch`'s argument. */
const SWITCH = /(["'`])(--)?ignore-certificate-errors(?:=true)?\1/dg;
/** Option set to true, per language spelling. Group 1 is where the finding starts. */
const OPTIONS = [
  /\b(?:ignoreHTTPSErrors|acceptInsecureCerts)\s*(?::|=(?!=))\s*true\b/g,
  /(?<![\w.])ignore_https_errors\s*=(?!=)\s*True\b/g,
  /(?<![\w])accept_insecure_certs\s*=(?!=)\s*True\b/g,
  /\bset(?:IgnoreHTTPSErrors|AcceptInsecureCerts)\s*\(\s*true\s*\)/g,
  /\b(?:IgnoreHTTPSErrors|AcceptInsecureCertificates)\s*=(?!=)\s*true\b/g,
];
/**
 * The option by name as a string key: the WebDriver capability (`{"acceptInsecureCerts": True}`,
 * `set_capability("acceptInsecureCerts", true)`) and Playwright's context option in a dict (pytest-playwright's
 * `browser_context_args` fixture returns `{**args, "ignore_https_errors": True}`) or a quoted JS key.
 */
const CAPABILITY = /(["'])(?:acceptInsecureCerts|ignore_https_errors|ignoreHTTPSErrors)\1(\s*[:,])\s*(?:true|True)\b/dg;
/** Calls whose string arguments are messages, not switches. */
const MESSAGE_CALL = /^(?:print|println|printf|log|info|warn|warning|error|debug|trace|puts|write|echo|assert\w*)$/i;

function syntaxOf(path: string): Syntax | undefined {
  if (/\.pyw?$/i.test(path)) return SYNTAX.python;
  if (/\.(?:[cm]?[jt]sx?|vue|svelte)$/i.test(path)) return SYNTAX.js;
  if (/\.(?:java|kts?|groovy|scala)$/i.test(path)) return SYNTAX.jvm;
  if (/\.cs$/i.test(path)) return SYNTAX.csharp;
  // chromedp / Selenium-Go: `args := []string{"--ignore-certificate-errors", …}`.
  if (/\.go$/i.test(path)) return SYNTAX.go;
  return undefined;
}

const LANGUAGE_EXT: Record<string, string> = {
  python: '.py',
  javascript: '.js',
  typescript: '.ts',
  javascriptreact: '.jsx',
  typescriptreact: '.tsx',
  java: '.java',
  kotlin: '.kt',
  csharp: '.cs',
  go: '.go',
};

function switchFindings(lx: Lexed, out: Finding[]): void {
  SWITCH.lastIndex = 0;
  for (let m = SWITCH.exec(lx.code); m; m = SWITCH.exec(lx.code)) {
    // The quote must open a literal (not sit inside a longer string or a comment).
    if (lx.kinds[m.index] !== Kind.String || (m.index > 0 && lx.kinds[m.index - 1] === Kind.String)) continue;
    const call = enclosingCall(lx, m.index);
    if (m[2] ? call && MESSAGE_CALL.test(call.name) : call?.name !== 'appendSwitch') continue;
    out.push(finding(lx, BROWSER.ignoreCertErrors, m.index, m.index + m[0].length, statementAt(lx, m.index)));
  }
}

/** `if (options.ignoreHttpsErrors) ctx.ignoreHTTPSErrors = true`: the user's own option passed on (a library's plumbing). */
function passedThrough(lx: Lexed, offset: number): boolean {
  const lineStart = lx.code.lastIndexOf('\n', offset - 1) + 1;
  let from = lineStart;
  for (let k = 0; k < 2 && from > 0; k++) from = lx.code.lastIndexOf('\n', from - 2) + 1;
  return /\bif\b[^\n]*(?:ignore_?https_?errors|accept_?insecure_?certs)/i.test(lx.code.slice(from, offset));
}

/**
 * True when some matcher matches the raw text (comments and strings included, so a superset of the real findings).
 * Libraries mention these option names everywhere without setting them: lexing such a file (Playwright's own
 * sources are megabytes) only to find nothing is the cost this saves.
 */
function mayMatch(text: string): boolean {
  for (const re of [...OPTIONS, CAPABILITY, SWITCH]) {
    re.lastIndex = 0;
    const hit = re.test(text);
    re.lastIndex = 0;
    if (hit) return true;
  }
  return false;
}

/** Scans one source file of a language that drives browsers. */
export function scanBrowser(text: string, path: string, languageId?: string): Finding[] {
  if (!testFromLiterals(PREFILTER_AT_LITERALS, text)) return [];
  const syntax = syntaxOf(path) ?? syntaxOf(LANGUAGE_EXT[languageId ?? ''] ?? '');
  if (!syntax || !mayMatch(text)) return [];
  const lx = lex(text, syntax);
  const out: Finding[] = [];
  if (/ignore-certificate-errors/i.test(text)) switchFindings(lx, out);
  const typed = syntax === SYNTAX.js;
  for (const re of OPTIONS) {
    eachCodeMatch(lx, re, (m) => {
      if ((typed && inTypeDeclaration(lx, m.index)) || passedThrough(lx, m.index)) return;
      out.push(finding(lx, BROWSER.ignoreHttpsErrors, m.index, m.index + m[0].length, statementAt(lx, m.index)));
    });
  }
  eachCodeMatch(
    lx,
    CAPABILITY,
    (m) => {
      if (lx.kinds[m.index] !== Kind.String || (m.index > 0 && lx.kinds[m.index - 1] === Kind.String)) return;
      if (!(typed && inTypeDeclaration(lx, m.index))) {
        out.push(finding(lx, BROWSER.ignoreHttpsErrors, m.index, m.index + m[0].length, statementAt(lx, m.index)));
      }
    },
    2,
  );
  return atSinks(lx, syntax, out);
}

/** Literals only: a member set on an object (`launchOptions.ignoreHTTPSErrors = true`) stays where it is written, as
 * the real-code sets label it for this family. */
const JS_LITERALS = { ...JS_FLOW, member: undefined };

/**
 * The sink rule: options bound to a name (`const opts = { acceptInsecureCerts: true }`) are found where a call takes
 * them (`puppeteer.launch(opts)`), in JavaScript/TypeScript and Python; a file with more than MAX_FOLLOWED findings
 * (generated) keeps them on their values.
 */
function atSinks(lx: Lexed, syntax: Syntax, out: Finding[]): Finding[] {
  const flow = syntax === SYNTAX.js ? JS_LITERALS : syntax === SYNTAX.python ? PY_FLOW : undefined;
  if (!flow || out.length === 0 || out.length > MAX_FOLLOWED) return out;
  return countReaches(objectSinks(lx, out, flow));
}

/**
 * One of these is in every PREFILTER match (see RuleFamily.needles): `-certi` for ignore-certificate-errors, `HTTPSE`
 * for [iI]gnoreHTTPSErrors, `_https` for ignore_https_errors, `Insecu` for [aA]cceptInsecureCert, `_insec` for
 * accept_insecure_certs. This family reads every Python/JS/Java/C# (and now Go) file: on the bench tree's 187 MB of them (CPU,
 * same run) the prefilter alone took 131 ms, these first 87 ms (whole names such as `ignoreHTTPSErrors` cost more
 * than the prefilter). Now written in full: they are searched as those five (rules/needles.ts) and let fewer files
 * through (`_https` alone passed 29 files, 18.5 MB, of the scan bench's tree to the prefilter for nothing).
 */
const NEEDLES = [
  'ignore-certificate-errors',
  'HTTPSErrors',
  'ignore_https_errors',
  'cceptInsecureCert',
  'accept_insecure_certs',
];

/** The browser-automation family: Python, JavaScript/TypeScript, Java/Kotlin, C# and Go sources. */
export const browser: RuleFamily = defineFamily({
  id: 'browser',
  prefilter: PREFILTER,
  needles: NEEDLES,
  rules: BROWSER,
  notes: `Where: Python, JavaScript/TypeScript, Java/Kotlin, C# and Go sources; the Chromium flag on command lines through the shell family.\n\n${NOTES.code}`,
  appliesTo: (path, languageId) =>
    syntaxOf(path) !== undefined || (languageId !== undefined && languageId in LANGUAGE_EXT),
  scan: scanBrowser,
});
