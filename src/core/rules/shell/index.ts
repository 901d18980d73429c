// Shell commands that switch TLS verification off: `curl -k`, `wget --no-check-certificate`, `git -c
// http.sslVerify=false`, `npm config set strict-ssl false`, `pip --trusted-host`, `kubectl --insecure-skip-tls-verify`,
// `-Dmaven.wagon.http.ssl.insecure=true`, plus the environment knobs of env.ts when a command sets them
// (`export X=…`, `X=… cmd`, `cross-env X=…`). The commands come from shell scripts and, through surfaces/, from
// Dockerfiles, Makefiles, CI YAML, Terraform provisioners and package.json scripts. Works on words, not regexes over lines, so `-k` of
// another command, a flag inside a quoted message, or a comment is not a finding.
// This file is the family: words.ts tokenizes, programs.ts analyses each command.
import { isShellSurface, surfacesOf } from '../surfaces/index';
import { checkEnv, Doc, docOf, EnvAssignment, Source } from '../env';
import { atSink, countReaches, escapeRe, MAX_FOLLOWED, throughMessage } from '../flow';
import { ENV } from '../catalog/env';
import { defineFamily, NOTES } from '../define';
import { Finding, RuleFamily } from '../types';
import { SH } from '../catalog/shell';
import { CFG } from '../catalog/config';
import { finding } from '../match';
import { analyse, assignmentsOf, Ctx, mavenFlags, mayHoldMavenFlags } from './programs';
import { commands } from './words';
import { afterOrphanEcho, configWrites, scriptHereDocs } from './writes';

/** Runs every shell rule over one Source (a script, a YAML `run:` block, a package.json script, …). */
export function scanShellSource(doc: Doc, src: Source, out: Finding[]): void {
  // An excerpt that begins inside an echo's quoted text: its commands start after the closing quote's redirect.
  const from = afterOrphanEcho(src);
  const code = from > 0 ? src.slice(from, src.text.length) : src;
  const ctx: Ctx = { doc, src: code, out };
  for (const cmd of commands(code.text, PREFILTER)) analyse(ctx, cmd);
  if (code.text.includes('="-') || code.text.includes("='-")) heldOptionLines(ctx);
  if (code.text.includes('$@')) curlWrapperCalls(ctx);
  if (mayHoldMavenFlags(src.text)) mavenFlags(ctx);
  configWrites(doc, src, out);
  if (src.text.includes('endpoint.identification')) kafkaProperties(doc, src, out);
  for (const script of scriptHereDocs(src)) scanShellSource(doc, script, out);
}

/**
 * `GIT_FLAGS="-c http.sslVerify=false"` … `git $GIT_FLAGS clone …`: the line that expands the variable has none of
 * PREFILTER's words, so it was skipped unread. The lines expanding a variable whose quoted options hold one are read
 * too (the finding points into the assignment, as for `curl $CURL_OPTS`; the family drops a second equal finding).
 */
function heldOptionLines(ctx: Ctx): void {
  const text = ctx.src.text;
  const names: string[] = [];
  for (const [name, values] of assignmentsOf(text)) {
    const holds = values.some((v) => text[v.start] === '-' && PREFILTER.test(text.slice(v.start, v.end)));
    if (holds && names.length < MAX_FOLLOWED) names.push(name);
  }
  if (names.length === 0) return;
  const uses = new RegExp(`\\$\\{?(?:${names.join('|')})\\b`);
  for (const cmd of commands(text, uses)) analyse(ctx, cmd);
}

/** `api() { curl -s "$@"; }`, `function fetch_json { curl -fsS "$@" | jq .; }` (one line): group 1 the name. */
const CURL_FUNCTION =
  /^[ \t]*(?:function[ \t]+)?([A-Za-z_][\w-]*)[ \t]*(?:\(\)[ \t]*)?\{[^}\n]*\bcurl\b[^}\n;|&]*"?\$[@*]/gm;

/**
 * A function of the script that runs curl with its own arguments (`api() { curl -s "$@"; }`) makes each call of it a
 * curl command (`api -k https://…`): those lines have none of PREFILTER's words, so they are read again as curl.
 */
function curlWrapperCalls(ctx: Ctx): void {
  const text = ctx.src.text;
  const names = new Set<string>();
  CURL_FUNCTION.lastIndex = 0;
  for (let m = CURL_FUNCTION.exec(text); m && names.size < MAX_FOLLOWED; m = CURL_FUNCTION.exec(text)) {
    if (!/curl/i.test(m[1])) names.add(m[1]); // a name with curl in it is curl already (programKey)
  }
  if (names.size === 0) return;
  const uses = new RegExp(`(?<![\\w.-])(?:${[...names].map(escapeRe).join('|')})[ \\t]+-`);
  for (const cmd of commands(text, uses)) analyse({ ...ctx, curlWrappers: names }, cmd);
}

/** `-Dssl.endpoint.identification.algorithm=`, `--producer-property ssl.endpoint.identification.algorithm=` (empty). */
const KAFKA_PROPERTY =
  /(?<![\w.])(?:-D)?((?:[\w-]+\.)*ssl\.endpoint\.identification\.algorithm=(?:""|''|none)?)(?=["'\s;\\]|$)/dgm;

function kafkaProperties(doc: Doc, src: Source, out: Finding[]): void {
  KAFKA_PROPERTY.lastIndex = 0;
  for (let m = KAFKA_PROPERTY.exec(src.text); m; m = KAFKA_PROPERTY.exec(src.text)) {
    const lineStart = src.text.lastIndexOf('\n', m.index) + 1;
    if (/^\s*#|(?:^|\s)(?:echo|printf|log\w*|info|warn\w*)\s/.test(src.text.slice(lineStart, m.index))) continue;
    const [s, e] = m.indices![1]!;
    const [start, end] = src.span(s, e);
    out.push(finding(doc, CFG.kafkaEndpointIdentification, start, end));
  }
}

/** Env assignments found outside commands (Dockerfile ENV, CI `env:` maps): the env rules plus Maven properties in values. */
export function scanAssignment(doc: Doc, a: EnvAssignment, out: Finding[]): void {
  checkEnv(doc, a, out);
  if (mayHoldMavenFlags(a.value)) scanShellSource(doc, new Source(doc.text.slice(a.start, a.end), a.start), out);
}

/**
 * Words without which no shell rule can match, per line (a line without one holds no finding). Short stems cover many
 * switches at once (`verif`: sslverify, tls-verify, -tls-skip-verify, Verify-Peer, VAULT_SKIP_VERIFY…; `cert`:
 * check_certificate, trust-server-cert, LDAPTLS_REQCERT…; `insecure`: --insecure, GOINSECURE, insecure-registries…):
 * fewer alternatives make the forward pass over a 10,000-line script about twice as fast as the longer list was.
 */
const PREFILTER =
  /curl|wget|verif|cert|strict.?ssl|trusted.host|insecure|unsafe|maven\.wagon|aether\.connector|NODE_TLS|GIT_SSL|_CA_BUNDLE|disable_ssl_validation|CLOUDSDK_AUTH|disable-tls|secure-http|GALAXY_IGNORE|ansible-galaxy|govc|sqlcmd|endpoint.identification|SkipC[AN]Check/i;

/** Docs: which files this family reads (ends each rule page's "What is and is not matched"). */
const WHERE =
  'Where: Shell scripts (`.sh`, `.bash`, `.zsh`, `.envrc`, extension-less files with a shell shebang), bats tests, expect scripts and PowerShell scripts (`.bats`, `.exp`, `.ps1`: their command lines), Dockerfile `RUN`/`CMD`/`ENTRYPOINT` (continuations, exec form and heredocs included), Makefile recipes, `package.json` scripts, Maven `.mvn/maven.config` and `.mvn/jvm.config`, Jenkinsfile `sh`/`bat` steps, Windows batch files (`.bat`, `.cmd`: command lines after `@`/`call`, `set NAME=value`; `REM`/`::` lines are comments), Terraform/Packer provisioners (`local-exec` `command`, here-documents included, `remote-exec`/`shell` `inline` items, upper-case entries of `environment`/`variables` maps) and CI YAML (`run:`, `script:`, `before_script:`, `command:`, Ansible `shell:`…). Inside them, the body of a here-document a shell runs (`bash <<EOF`, `sudo sh -s <<END`), the quoted command of `sh -c`/`bash -lc`/`su -c`, `alias` bodies a quoted command line held in a variable (`WGET="wget --no-check-certificate -q"`) and a quoted list of commands given to a wrapper (`ssh host "cd x;git config …"`) are read as commands too; so are command strings in JavaScript, Python and Ruby code (see the `embedded` family: `execSync("…")`, `os.system("…")`, Ruby `run "…"`, backticks, and strings that write a tool\'s rc file).';

/** Shell scripts and the shell inside Dockerfiles, Makefiles, CI YAML and package.json scripts. */
export const shellFamily: RuleFamily = defineFamily({
  id: 'shell',
  prefilter: PREFILTER,
  rules: SH,
  notes: `${WHERE}\n\n${NOTES.text}`,
  appliesTo: isShellSurface,
  scan(text, path, languageId) {
    if (!PREFILTER.test(text)) return [];
    const doc = docOf(text);
    const out: Finding[] = [];
    const surfaces = surfacesOf(text, path, languageId, PREFILTER);
    for (const src of surfaces.sources) scanShellSource(doc, src, out);
    for (const a of surfaces.env) scanAssignment(doc, a, out);
    if (surfaces.env.length > 0) variableCommands(doc, surfaces.env, out);
    const { covered } = surfaces;
    return dedupe(covered ? out.filter((f) => !covered.has(f.ruleId)) : out);
  },
});

/** A value that is a command line with options (`apt -o "Acquire::https::Verify-Peer=false" …`). */
const COMMAND_VALUE = /^[\w.-]+\s+-/;

/**
 * `ENV MY_APT='apt -o "Acquire::https::Verify-Peer=false" …'` then `RUN $MY_APT update`: a command line held in a
 * Dockerfile or CI variable is analysed as one and found where a command runs it (the sink rule: the value is the
 * origin, one quick fix edits it for every run). A held command that no command runs in the file is not a finding.
 */
function variableCommands(doc: Doc, env: readonly EnvAssignment[], out: Finding[]): void {
  // Each followed value reads the whole file once: a generated file with thousands of them keeps linear time.
  let followed = 0;
  for (const a of env) {
    if (!COMMAND_VALUE.test(a.value) || followed >= MAX_FOLLOWED) continue;
    const raw = doc.text.slice(a.start, a.end);
    const from = raw.indexOf(a.value);
    if (from < 0) continue;
    const held: Finding[] = [];
    const value = new Source(a.value, a.start + from);
    for (const cmd of commands(value.text, PREFILTER)) analyse({ doc, src: value, out: held }, cmd);
    if (held.length === 0) continue;
    followed++;
    // Read in the file's text, not the shell sources: a RUN line with no switch of its own is not among them.
    const runs = new RegExp(
      `(?:^|[;&|(]|\\bRUN\\b|^[ \\t]*-?[ \\t]*(?:run|script)[ \\t]*:)[ \\t]*"?(\\$\\{?${a.name}\\}?)"?(?=[\\s;&|)]|$)`,
      'dgm',
    );
    const moved: Finding[] = [];
    for (const m of doc.text.matchAll(runs)) {
      const [s, e] = m.indices![1]!;
      const lineStart = doc.text.lastIndexOf('\n', s - 1) + 1;
      if (/^[ \t]*#/.test(doc.text.slice(lineStart, s))) continue;
      const line = doc.text.indexOf('\n', s);
      const context: [number, number] = [lineStart, line < 0 ? doc.text.length : line];
      for (const f of held) moved.push(atSink(doc, f, s, e, context, throughMessage(f.message, `$${a.name}`, f.range)));
    }
    out.push(...countReaches(moved));
  }
}

/** The same text can be reached twice (e.g. a Maven flag in a value that is also a command word). */
function dedupe(out: Finding[]): Finding[] {
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

/** Re-exported so callers can name the env rules reached through shell commands. */
export { ENV };
export { commands } from './words';
export type { Word } from './words';
