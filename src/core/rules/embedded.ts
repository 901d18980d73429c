// Shell commands and tool configuration held in the string literals of JavaScript/TypeScript, Python and Ruby code:
// `execSync('echo "strict-ssl=false" >> ~/.npmrc')`, `subprocess.run("git config --global http.sslVerify false",
// shell=True)`, Ruby `run "echo insecure >> ~/.curlrc"` or backticks, and config text a program writes
// (`writeFile('.yarnrc.yml', 'enableStrictSsl: false')`, a kubeconfig built in a template literal). The strings are
// judged by the shell family (commands) and the config family (file text), so their rules apply unchanged and the
// findings point into the string. A string that only mentions a switch (a message, a docstring) is not a command:
// only a command string given to a function that runs it, a string that writes a tool's rc file, or a string whose
// whole line is a config setting is read.
import { Kind, lex, Lexed, SYNTAX } from './lexer';
import type { Syntax } from './lexer';
import { enclosingCall, finding, statementAt } from './match';
import { configFamily } from './config';
import { CFG } from './catalog/config';
import { SH } from './catalog/shell';
import { jsonStringSource, Source } from './env';
import { scanShellSource } from './shell/index';
import { defineFamily } from './define';
import { Finding, RuleFamily, RuleMeta } from './types';
import { openingDocstringEnd } from './python';

/**
 * Words without which no string here holds a finding: an rc file a command writes, a config setting's name, or a
 * shell switch the shell family knows (only the ones specific enough to be worth reading command strings for).
 */
const PREFILTER =
  /\.curlrc\b|\.wgetrc\b|ssl[vV]erify|strict-ssl|enableStrictSsl|insecure-skip-tls-verify|tls-verify=(?:false|0)|ssl\.verification_mode|insecure_skip_verify|proxyStrictSSL|Verify-(?:Peer|Host)/;
/** curl's `-k` in a command string's first flags (`sh('curl -sSk … ' + url)`): tested per string, not per file. */
const CURL_K = /\bcurl (?:-[a-zA-Z]*k|--insecure\b)/;
/**
 * One of these is in every PREFILTER match (see RuleFamily.needles). Each needle is one more search in every code file
 * of a tree (about 1 µs a file), so there are five, for the switches real code was seen to put in strings: npm's
 * strict-ssl, yarn's enableStrictSsl, git's sslVerify, a kubeconfig's insecure-skip-tls-verify, curl's rc file. A
 * command string with another switch (`curl -k`, `--no-check-certificate`, NODE_TLS_REJECT_UNAUTHORIZED) is read
 * when one of these is in the file too. Measured on the scan bench's tree: 21 needles cost 401 ms, 13 cost 284 ms.
 * `-tls-v` also finds podman/skopeo's `--tls-verify=false` in an argv array; `ation_mode` is Elastic Beats'
 * `ssl.verification_mode: none` in a config text a program writes. `lverif` is a yum/dnf repository's `sslverify=0`
 * written line by line (`f.write("sslverify=0\n")`), `wgetrc` a command writing wget's rc file
 * (`sudo('echo "check_certificate=off" > ~/.wgetrc')`), `kip_verify` a Prometheus scrape config's
 * `insecure_skip_verify: true` in a template a program fills (a Go raw string, JavaScript lines joined with `+`),
 * `StrictSSL` VS Code's `"http.proxyStrictSSL": False` as the key of a settings dict a script writes, `Verify-` APT's
 * `Acquire::https::Verify-Peer "false";` written line by line (Kotlin's `appendLine("Acquire::https::Verify-Peer
 * \"false\";")`). A command string's `curl -sSk` is read in a file one of these lets through (CURL_K, tested on each string:
 * in PREFILTER it made the whole-file test 1.5× slower) but has no needle of its own: `curl -`'s rarest character is `-`, and searching for it in every code file cost ~5% of the scan bench's
 * CPU (1990 → 2120 ms, same run), far over the budget for one miss of real code.
 */
const NEEDLES = [
  '-ssl',
  'Ssl',
  'slVeri',
  'lverif',
  '-tls-v',
  'urlrc',
  'wgetrc',
  'ation_mode',
  'kip_verify',
  'StrictSSL',
  'Verify-',
];

/** What Go's strings are read for (see scanEmbedded): the rest of PREFILTER lets a Go file through for nothing. */
const GO_WORDS = /tls-verify=(?:false|0)|insecure_skip_verify/;
/** One of these is in every GO_WORDS match: Go files are searched for these two only (the family below), not for the
 * other languages' ten (a Go re-scan paid ~1 ms for them on a 0.3 MB file). */
const GO_NEEDLES = ['-tls-v', 'kip_verify'];

/** Functions whose first argument is a command line: child_process, execa, shelljs, zx; os/subprocess, fabric,
 * invoke, pexpect; Kernel, Open3, rake, Capistrano/SSHKit. */
const RUNNERS = new Set([
  'exec',
  'execSync',
  'execa',
  'execaCommand',
  'execaCommandSync',
  'command',
  'commandSync',
  'system',
  'popen',
  'Popen',
  'run',
  'call',
  'check_call',
  'check_output',
  'getoutput',
  'getstatusoutput',
  'spawn',
  'spawnSync',
  'sh',
  'capture',
  'capture2',
  'capture2e',
  'capture3',
  'popen3',
  'execute',
  'local',
  'sudo',
]);
/** Ruby's runners called without parentheses at a line start: `run "…"`, `system "…"`, `sh "…"`. */
const BARE_RUNNER = /(?:^|[;{]|\bdo)\s*(?:[\w:]+\.)?(?:system|exec|spawn|run|sh|execute|capture|sudo)\s*$/;
/** A command that writes a file (`>`, `>>`, `tee`) to an rc file or config file this family can judge. */
const WRITES_CONFIG =
  /(?:>|\btee\b)[^\n]*(?:\.(?:npm|curl|wget|yarn)rc\b|pip\.(?:conf|ini)\b|\.condarc\b|\.gitconfig\b)/;
/** A whole line of a string that is a setting of a tool's config file, and the file it is judged as. */
const CONFIG_LINES: readonly (readonly [RegExp, string])[] = [
  [/^[ \t]*enableStrictSsl[ \t]*:[ \t]*["']?false["']?[ \t]*$/m, '.yarnrc.yml'],
  [/^[ \t]*strict-ssl[ \t]*=[ \t]*false[ \t]*$/m, '.npmrc'],
  [/^[ \t]*insecure-skip-tls-verify[ \t]*:[ \t]*["']?(?:true|yes|on)["']?[ \t]*$/m, 'kubeconfig'],
  // Prometheus (and other Go tools') `tls_config:` block: a scrape config generated from a template.
  [/^[ \t]*insecure_skip_verify[ \t]*:[ \t]*["']?true["']?[ \t]*$/m, 'prometheus.yml'],
  [/^[ \t]*(?:[\w.]+\.)?ssl\.verification_mode[ \t]*:[ \t]*["']?none["']?[ \t]*$/m, 'filebeat.yml'],
  // yum/dnf/zypper's key (git's is `sslVerify`, under `[http]`): a repository file written line by line.
  [/^[ \t]*sslverify[ \t]*=[ \t]*(?:0|false|no|off)[ \t]*$/m, 'written.repo'],
  // APT's setting, its quotes escaped in the string (`\"false\";`): an apt.conf written line by line.
  [
    /^[ \t]*Acquire::https::(?:[\w.-]+::)?Verify-(?:Peer|Host)[ \t]+"?(?:false|no|0|off)"?[ \t]*;?[ \t]*$/im,
    '/etc/apt/apt.conf',
  ],
];
/** An argv element that is podman/skopeo/buildah's switch (`skopeoCommand.push("--tls-verify=false")`); group 1 is
 * skopeo's own `src-` / `dest-` (no other program has those). */
const CONTAINER_FLAG = /^--(src-|dest-)?tls-verify=(?:false|0)$/;
/** The programs CONTAINER_FLAG belongs to, named somewhere in the file (the argv's first element, a comment, a helper
 * such as `runAndLogSkopeo`). */
const CONTAINER_PROGRAM = /skopeo|podman|buildah/i;
/** `\n`, `\t` and an escaped quote or backslash, replaced by as many characters so offsets hold. */
const ESCAPES = /\\[ntr"'`\\]/g;

const CONFIG_RULES = new Map<string, RuleMeta>(Object.values(CFG).map((r) => [r.id, r]));

type Language = 'js' | 'python' | 'ruby' | 'go' | 'jvm';

function languageOf(path: string, languageId?: string): Language | undefined {
  if (languageId === 'python' || /\.pyw?$/i.test(path)) return 'python';
  if (languageId === 'go' || /\.go$/i.test(path)) return 'go';
  if (languageId === 'ruby' || /(?:\.(?:rb|rake)|(?:^|[\\/])(?:Rakefile|Gemfile))$/i.test(path)) return 'ruby';
  if ((languageId && /^(?:javascript|typescript)(?:react)?$/.test(languageId)) || /\.(?:[cm]?[jt]sx?)$/i.test(path)) {
    return 'js';
  }
  if (languageId === 'java' || languageId === 'kotlin' || /\.(?:java|kts?|groovy|scala)$/i.test(path)) return 'jvm';
  return undefined;
}

const SYNTAXES: Record<Language, Syntax> = {
  js: SYNTAX.js,
  python: SYNTAX.python,
  ruby: SYNTAX.ruby,
  go: SYNTAX.go,
  jvm: SYNTAX.jvm,
};

/** Scans the strings of a code file (see the file comment). */
export function scanEmbedded(text: string, path: string, languageId?: string): Finding[] {
  const language = languageOf(path, languageId);
  if (!language || !PREFILTER.test(text) || (language === 'go' && !GO_WORDS.test(text))) return [];
  let lx = lex(text, SYNTAXES[language]);
  const rawHead = language === 'go' ? openingRawStringEnd(lx) : -1;
  // Lexed again with that quote a space, so the code after it is code (and the text before it one string).
  if (rawHead > 0) lx = lex(`${text.slice(0, rawHead)} ${text.slice(rawHead + 1)}`, SYNTAX.go);
  const out: Finding[] = [];
  for (const [start, end] of stringsOf(lx, language, rawHead)) {
    const body = lx.text.slice(start, end);
    if (!PREFILTER.test(body) && !(body.includes('curl -') && CURL_K.test(body))) continue;
    const from = out.length;
    const flag = language !== 'ruby' ? CONTAINER_FLAG.exec(body) : null;
    if (body === 'http.proxyStrictSSL') {
      vscodeSettingKey(lx, start, end, out);
    } else if (flag) {
      // An argv element (`exec.Command("skopeo", …, "--src-tls-verify=false")`, a Python tuple of arguments).
      if ((flag[1] !== undefined || CONTAINER_PROGRAM.test(text)) && !testInput(lx, start)) {
        const title = `${SH.containerTls.title} (an argument of the command this code builds)`;
        out.push(finding(lx, SH.containerTls, start, end, statementAt(lx, start), title));
      }
    } else if (language === 'go') {
      // Go's exec.Command takes the program and its arguments apart: only a config text in a string is read.
      configLines(lx, language, body, start, out);
    } else if (
      runsCommand(lx, language, start) ||
      (WRITES_CONFIG.test(body) && !inDataLiteral(lx, start) && !inMessage(lx, start))
    ) {
      scanShellSource(lx, literalSource(lx.text, start, end), out);
    } else {
      configLines(lx, language, body, start, out);
    }
    if (language === 'python' && out.length > from && beforeExpectedFailure(lx, start)) out.length = from;
  }
  return unique(out);
}

/** Calls whose string arguments are text for people: `logger.info(…)`, `console.log(…)`, `print(…)`, `puts …`, `raise …`. */
const MESSAGE_CALL =
  /^(?:puts|print\w*|p|pp|say|raise|fail|abort|warn\w*|log\w*|info|debug|error|fatal|notice|trace|echo|alert|confirm|prompt|assert\w*|expect|describe|it|test|Error|\w*Error|\w*Exception|t|_|gettext|help|usage|message|msg|Errorf|(?:Fatal|Print|Log|Info|Debug|Warn|Warning)(?:f|ln)?)$/;
/** An assertion's matcher (`expect(source).not.toContain("strict-ssl=false")`, chai's `.include(…)`, `assertIn`): the
 * string is what the test looks for (often to check it is absent), not text the program writes. */
const MATCHER_CALL =
  /^(?:to[A-Z]\w*|includes?|contains?|Contains\w*|Has(?:Prefix|Suffix)|\w*[eE]qual\w*|match(?:es)?|assert\w*|expect)$/;
/** A test of the code (jest/mocha/vitest/chai/node:assert, pytest's `assert` statement): its string arrays are inputs
 * for the code under test. */
const TEST_CODE = /\b(?:expect|assert)\s*[.(]|^[ \t]*assert[ \t]/m;
const BARE_MESSAGE = /(?:^|[;{]|\bdo)\s*(?:puts|print|p|pp|raise|fail|abort|warn|say)\s*\(?\s*$/;

/** A string given to a message call (see MESSAGE_CALL), with or without parentheses. */
function inMessage(lx: Lexed, at: number): boolean {
  const call = enclosingCall(lx, at);
  if (call && MESSAGE_CALL.test(call.name)) return true;
  const lineStart = lx.text.lastIndexOf('\n', at - 1) + 1;
  return BARE_MESSAGE.test(lx.code.slice(lineStart, Math.max(lineStart, at - 1)));
}

/** The opener of the innermost bracket around `at` in code (`(`, `[`, `{`), or -1. */
function innermostOpen(lx: Lexed, at: number): number {
  let depth = 0;
  for (let i = at - 1, seen = 0; i >= 0 && seen < 4000; i--, seen++) {
    if (lx.kinds[i] !== Kind.Code) continue;
    const c = lx.code[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * A string that is an element of a list, tuple or set literal (`["RUN echo insecure >> ~/.curlrc\n", …]`, a test's
 * parameters or a table of examples) is data, unless that list is a runner's argv (`subprocess.run(["sh", "-c", …])`).
 */
function inDataLiteral(lx: Lexed, at: number): boolean {
  const open = innermostOpen(lx, at);
  if (open < 0 || (lx.code[open] !== '[' && lx.code[open] !== '{')) return false;
  const outer = innermostOpen(lx, open);
  if (outer >= 0 && lx.code[outer] === '(') {
    const call = enclosingCall(lx, open);
    if (call && RUNNERS.has(call.name)) return false;
  }
  return true;
}

/**
 * Python: the statement holding `at` is followed by a `with pytest.raises(…)` / `self.assertRaises(…)` block at its
 * indentation: the setting is written only to check that the code under test refuses it (see expect-failure.ts).
 */
function beforeExpectedFailure(lx: Lexed, at: number): boolean {
  const lineStart = lx.code.lastIndexOf('\n', at - 1) + 1;
  const indent = /^[ \t]*/.exec(lx.code.slice(lineStart, lineStart + 200))![0];
  const rest = lx.code.slice(at, at + 2000);
  const next = new RegExp(
    `\\n${indent}(?:async[ \\t]+)?with[ \\t]+(?:pytest\\.raises|self\\.assertRaises\\w*)[ \\t]*\\(`,
  ).exec(rest);
  if (!next) return false;
  // Only blank lines or continuation lines of the same statement between them.
  const between = rest.slice(0, next.index);
  return !new RegExp(`\\n${indent}\\S`).test(between);
}

/**
 * A Python text whose first line is a YAML mapping's head (`output.elasticsearch:`, `filebeat.inputs:`: a dotted key
 * and a colon alone, which no Python statement is) holds no code: an excerpt of a template's body, the triple quotes
 * around it cut away. The whole text is then read as that string.
 */
const YAML_HEAD =
  /^\s*(?!(?:else|try|finally|elif|except|class|def|if|for|while|with)\b)[A-Za-z_][\w-]*(?:\.[\w-]+)+:[ \t]*\r?\n/;

/**
 * The [start, end) of each string literal's content (quotes and a Python prefix excluded), plus Ruby's backtick
 * commands. A Python text that begins inside a triple-quoted string (see python.ts `openingDocstringEnd`) starts
 * with one.
 */
function stringsOf(lx: Lexed, language: Language, rawHead = -1): [number, number][] {
  const out: [number, number][] = [];
  const { kinds, text } = lx;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== Kind.String) continue;
    let j = i;
    while (j < kinds.length && kinds[j] === Kind.String) j++;
    const q = text[i];
    const quotes = q === '"' || q === "'" || q === '`' ? (text.startsWith(q.repeat(3), i) ? 3 : 1) : 0;
    const closed = quotes > 0 && j - i >= 2 * quotes && text.startsWith(q.repeat(quotes), j - quotes);
    out.push([i + quotes, closed ? j - quotes : j]);
    i = j;
  }
  if (language === 'python') {
    const head = openingDocstringEnd(lx);
    if (head > 0) out.unshift([0, head]);
    else if (YAML_HEAD.test(text) && !/["']{3}/.test(text)) out.unshift([0, text.length]);
  }
  if (rawHead > 0) out.unshift([0, rawHead]);
  if (language === 'ruby') {
    for (const m of lx.code.matchAll(/`([^`\n]+)`|%x\(([^()\n]+)\)/dg)) {
      if (kinds[m.index] !== Kind.Code) continue;
      const [s, e] = m.indices![m[1] !== undefined ? 1 : 2]!;
      out.push([s, e]);
    }
  }
  return out;
}

/**
 * Go: the offset of a text's first backtick when it closes a raw string the text began inside (an excerpt of a
 * template, `…\n  insecure_skip_verify: true\n\`` and then code): the text's last string is a raw one left open to
 * the end, opened by the first backtick, which stands alone on its line (at most a `)` or `,` after it). -1 otherwise.
 */
function openingRawStringEnd(lx: Lexed): number {
  const s = lx.code;
  if (s.length === 0 || lx.kinds[s.length - 1] !== Kind.String) return -1;
  let open = s.length - 1;
  while (open > 0 && lx.kinds[open - 1] === Kind.String) open--;
  if (s[open] !== '`' || s.indexOf('`') !== open) return -1;
  const eol = s.indexOf('\n', open);
  const line = s.slice(s.lastIndexOf('\n', open - 1) + 1, eol < 0 ? s.length : eol);
  return /^[ \t]*`[ \t]*[),]?[ \t]*$/.test(line) ? open : -1;
}

/** A string that is the first argument of a runner (`execSync("…")`, `os.system("…")`, Ruby `run "…"`), a zx
 * command (`` $`…` ``) or a Ruby backtick command. */
function runsCommand(lx: Lexed, language: Language, start: number): boolean {
  if (start === 0) return false;
  const q = lx.text[start - 1];
  if (language === 'ruby' && q !== '"' && q !== "'") return true; // backticks or %x(…): stringsOf added them
  if (language === 'js' && q === '`' && lx.text[start - 2] === '$') return true;
  const quote = start - (lx.text.startsWith(q.repeat(3), start - 3) ? 3 : 1);
  let open = quote - 1;
  while (
    open >= 0 &&
    (lx.text[open] === ' ' || lx.text[open] === '\t' || (language === 'python' && /[frbuFRBU]/.test(lx.text[open])))
  ) {
    open--;
  }
  if (lx.text[open] === '(') {
    const call = enclosingCall(lx, quote);
    return call !== undefined && call.open === open && RUNNERS.has(call.name);
  }
  if (language !== 'ruby') return false;
  const lineStart = lx.text.lastIndexOf('\n', quote - 1) + 1;
  return BARE_RUNNER.test(lx.code.slice(lineStart, quote));
}

/** A string's content as a Source whose escapes are unescaped (`\"` → `"`, `\n` → a newline). */
function literalSource(text: string, start: number, end: number): Source {
  if (!text.slice(start, end).includes('\\')) return new Source(text.slice(start, end), start);
  return jsonStringSource(text, start - 1, end - start + 2);
}

/** `: False` / `: false` after a dict or object key, in code. */
const KEY_FALSE = /^[ \t]*:[ \t]*(?:False|false)\b/;

/**
 * `{"http.proxyStrictSSL": False, …}`: a VS Code settings dict a script writes to settings.json (a dev container's,
 * a remote server's). The key is VS Code's alone; reported as the settings rule from the key's quote to the value.
 */
function vscodeSettingKey(lx: Lexed, start: number, end: number, out: Finding[]): void {
  const value = KEY_FALSE.exec(lx.code.slice(end + 1, end + 40));
  if (!value || lx.kinds[end + 1] !== Kind.Code || testInput(lx, start)) return;
  const rule = CFG.vscode;
  const stop = end + 1 + value[0].length;
  out.push(finding(lx, rule, start - 1, stop, statementAt(lx, start), `${rule.title} (written by this code)`));
}

/** Lines of a string that are a tool's setting (`enableStrictSsl: false`), judged as the file they belong to. */
function configLines(lx: Lexed, language: Language, body: string, start: number, out: Finding[]): void {
  const text = body.replace(ESCAPES, (e) => (e === '\\n' ? ' \n' : '  '));
  for (const [re, as] of CONFIG_LINES) {
    // Python has its own rule for a kubeconfig line in a string (python.kubeconfig-text-insecure).
    if (!re.test(text) || (language === 'python' && (as === 'kubeconfig' || intoTestDirectory(lx, start)))) continue;
    // A string an assertion looks for, or a message for people (`log.info("sslverify=0")`), writes no file.
    if (testInput(lx, start) || inMessage(lx, start)) return;
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    for (const f of configFamily.scan(text, as)) {
      const rule = CONFIG_RULES.get(f.ruleId);
      if (!rule) continue;
      const s = start + starts[f.range.start.line] + f.range.start.character;
      const e = start + starts[f.range.end.line] + f.range.end.character;
      out.push(finding(lx, rule, s, e, undefined, `${rule.title} (written by this code to ${as})`));
    }
  }
}

/**
 * A string a test looks for or feeds to the code under test: an assertion matcher's argument
 * (`expect(source).not.toContain("strict-ssl=false")`), or, in a file with assertions, an element of an array literal
 * (`for (const line of ["strict-ssl=false", "strict-ssl = false"]) { … scan(…) … }`). A program that writes these lines
 * does not assert on them.
 */
function testInput(lx: Lexed, at: number): boolean {
  const call = enclosingCall(lx, at);
  if (call && MATCHER_CALL.test(call.name) && innermostOpen(lx, at) === call.open) return true;
  return inDataLiteral(lx, at) && TEST_CODE.test(lx.code);
}

/** pytest's temporary directories and a test's staging area: files written there are fixtures for the code under test. */
const TEST_DIRECTORY = /\b(?:tmp_path|tmpdir|tmp_dir|tmp_path_factory|staging|fixture_dir|fixtures_dir)\b/;

/**
 * Python: a config line written into a test's temporary directory (`_write(tmp_path, ".npmrc", "strict-ssl=false\n")`,
 * `(staging / ".npmrc").write_text(…)`) is a fixture for the code under test (a scanner, a policy check), which no
 * package manager of the developer's reads.
 */
function intoTestDirectory(lx: Lexed, at: number): boolean {
  const call = enclosingCall(lx, at);
  if (!call) return false;
  return TEST_DIRECTORY.test(lx.code.slice(call.start, call.end));
}

/** One finding per rule and start (a string can be reached as a write and as a config line). */
function unique(out: Finding[]): Finding[] {
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** Docs: what this family reads (it has no rules of its own; its findings are the shell and config rules'). */
const NOTES_TEXT =
  'Also read: the string literals of JavaScript/TypeScript, Python and Ruby code that run a shell command (the first argument of `exec`/`execSync`/`execa`, `os.system`/`subprocess.*`, Ruby `system`/`run`/`sh`, backticks and `%x(…)`, zx `` $`…` ``) or write a tool\'s rc file (`echo … >> ~/.npmrc`, Fabric\'s `sudo(\'echo "check_certificate=off" > ~/.wgetrc\')`), string lines that are a whole config setting (`enableStrictSsl: false`, `strict-ssl=false`, `insecure-skip-tls-verify: true`, a yum/dnf repository\'s `sslverify=0` line) written by the program (not the strings an assertion looks for or a message prints, `expect(src).not.toContain("strict-ssl=false")`, nor the input arrays of a test), Elastic Beats `ssl.verification_mode: none` in such text, podman/skopeo/buildah `--tls-verify=false` as an element of a JavaScript, Python or Go argv array in a file naming the program (skopeo\'s `--src-tls-verify=false` / `--dest-tls-verify=false` need no name: no other program has them; Go\'s strings are read for these, for config lines and for nothing else), a Prometheus `insecure_skip_verify: true` line in a template a program fills (a Go raw string, also one an excerpt begins inside), VS Code\'s `"http.proxyStrictSSL": False` as the key of a settings dict a script writes, Kafka client settings in code of these languages and Java/Kotlin (`props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "")`), and APT\'s `Acquire::https::Verify-Peer "false";` (or `Verify-Host`) as a whole string line, in code of these languages and Java/Kotlin (`appendLine("Acquire::https::Verify-Peer \\"false\\";")`).';

/** The strings-in-code family: no rules of its own, it applies the shell and config rules to strings of code
 * (JavaScript/TypeScript, Python, Ruby, and Go for argv elements and config lines). */
export const embedded: RuleFamily = defineFamily({
  id: 'embedded',
  prefilter: PREFILTER,
  needles: NEEDLES,
  rules: {},
  notes: NOTES_TEXT,
  appliesTo: (path, languageId) => {
    const language = languageOf(path, languageId);
    return language !== undefined && language !== 'go';
  },
  scan: scanEmbedded,
});

/** The same for Go's strings, with needles of its own (see GO_NEEDLES). */
export const embeddedGo: RuleFamily = defineFamily({
  id: 'embedded-go',
  prefilter: GO_WORDS,
  needles: GO_NEEDLES,
  rules: {},
  notes: NOTES_TEXT,
  appliesTo: (path, languageId) => languageOf(path, languageId) === 'go',
  scan: scanEmbedded,
});
