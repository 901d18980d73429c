// Tool configuration written by scripts: `echo insecure >> ~/.curlrc`, `printf 'check_certificate = off\n' >
// ~/.wgetrc`, `echo '{"insecure-registries": […]}' | sudo tee /etc/docker/daemon.json`, and here-documents
// (`cat >> ~/.npmrc <<EOF … EOF`). The written text is judged by the config family as the file it lands in, so
// every config rule applies unchanged; findings point into the script, at the written setting.
import { configFamily } from '../config';
import { jsonConfig } from '../json-config';
import { checkEnv, Doc, docOf, envFamily, isDotenv, Source } from '../env';
import { finding } from '../match';
import { CFG } from '../catalog/config';
import { ENV } from '../catalog/env';
import { yaml } from '../surfaces/yaml';
import { Finding, RuleMeta } from '../types';

const CONFIG_RULES = new Map<string, RuleMeta>([...Object.values(CFG), ...Object.values(ENV)].map((r) => [r.id, r]));
/** A Compose file (or any YAML) a script writes: its `environment:` lists and maps set the services' variables. */
const YAML_TARGET = /\.ya?ml["']?$/i;

/**
 * `echo [-e] <text> >> <file>`, `printf <text> > <file>`, `echo <text> | [sudo] tee [-a] <file>`. The text is group
 * 1 (a double-quoted string, which may span lines: `echo "` … `check_certificate = off` … `" >> ~/.wgetrc`, and may
 * hold quotes the shell joins to it: `tags: ["web"]" >> heartbeat.yml`, judged with them), 2 (single
 * quotes) or 3 (unquoted, one line); group 5 is the file. printf's arguments may follow its format (`printf
 * 'Acquire::https::Proxy "%s";\n…' "$proxy" > f`), and a backslash may continue the line before the pipe (`echo '…' \`
 * then `| sudo tee f`).
 */
const ECHO =
  /\b(?:echo|printf)[ \t]+(?:-[neE]+[ \t]+)?(?:"((?:[^"\\]|\\[\s\S])*(?:"[^\s"';&|<>]*"(?:[^"\\]|\\[\s\S])*)*)"|'([^'\n]*)'|([^\n]*?))(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|[^\s;&|<>"']+))*?[ \t]*(?:\\\r?\n[ \t]*)?(?:>>?|\|[ \t]*(?:sudo[ \t]+(?:-\S+[ \t]+)*)?tee[ \t]+(?:-a[ \t]+)?)[ \t]*(["']?)([^\s;&|"'<>]+)\4/dg;
/** Escapes that break lines of the written file (`\n`, a backslash-newline) or indent it (`\t`), same length. */
const WRITTEN_ESCAPES = /\\n|\\\n|\\t/g;
/** A non-empty daemon.json `insecure-registries` list anywhere in a script: a here-document or echo whose target is
 * out of sight (a variable, a line before the excerpt) still writes a Docker daemon configuration. */
const REGISTRIES_FRAGMENT = /"insecure-registries"\s*:\s*\[[ \t]*(?:"[^"\n]*"|'|\\?$)/dgm;
/** A line that sends a here-document to a file: `cat >> ~/.curlrc <<EOF`, `tee -a ~/.wgetrc <<'EOF'`. */
const HEREDOC =
  /\b(?:cat[ \t]+>>?|tee[ \t]+(?:-a[ \t]+)?)[ \t]*(["']?)([^\s;&|"'<>]+)\1[^\n]*?<<-?[ \t]*(["']?)([\w.-]+)\3[^\n]*\n/dg;
/** The same with the here-document first: `cat <<EOF > ~/.npmrc`, `cat << 'END' >> /etc/pip.conf`. */
const HEREDOC_FIRST = /\bcat[ \t]+<<-?[ \t]*(["']?)([\w.-]+)\1[ \t]*>>?[ \t]*(["']?)([^\s;&|"'<>]+)\3[^\n]*\n/dg;
/** A here-string sent to a file: `cat <<< '…' > /opt/conda/.condarc` (group 1 or 2: the quoted text, 4: the file). */
const HERE_STRING =
  /\bcat[ \t]+<<<[ \t]*(?:'([^']*)'|"((?:[^"\\]|\\[\s\S])*)")[ \t]*>>?[ \t]*(["']?)([^\s;&|"'<>]+)\3/dg;
/** Piped to tee: `cat <<EOF | sudo tee /etc/containerd/config.toml`, `cat <<'EOF' | tee -a "$conf"`. */
const HEREDOC_PIPE =
  /\bcat[ \t]+<<-?[ \t]*(["']?)([\w.-]+)\1[ \t]*\|[ \t]*(?:sudo[ \t]+(?:-\S+[ \t]+)*)?tee[ \t]+(?:-a[ \t]+)?(["']?)([^\s;&|"'<>]+)\3[^\n]*\n/dg;
/** A line that closes a here-document (`EOF`, `END`…) whose opening line is out of sight (an excerpt's first lines). */
const ORPHAN_TAG = /^[ \t]*(EOF|EOT|EOL|END|CONF|CONFIG|TOML|YAML|INI|REPO|RC|WGETRC|CURLRC)[ \t]*\r?$/m;
/** Cheap test: some config file name a script may write (or a kubeconfig's own text, whatever its file name). */
const TARGETS =
  /\.curlrc|\.wgetrc|\.npmrc|\.env\b|\.yarnrc|pip\.(?:conf|ini)|io\.containerd|\.gitconfig|\.condarc|daemon\.json|composer\.json|poetry\.toml|registries\.conf|\.ya?ml\b|kubeconfig|kind:\s*Config|wget_?rc|WGET_?RC|curl_?rc|CURL_?RC|\.repo\b|(?:yum|dnf|apt)\.conf|baseurl=|mirrorlist=|metalink=|Acquire::https|check_certificate|sslverify|strict-ssl=|\.bowerrc|strict-ssl["']/;
/** What a variable named like a tool's rc file (`$wget_rc_path`, `$CURLRC`) stands for when its value is not in sight. */
const RC_VARIABLES: readonly (readonly [RegExp, string])[] = [
  [/wget_?rc/i, '~/.wgetrc'],
  [/curl_?rc/i, '~/.curlrc'],
];
/** A whole written text or target that is one variable: `"$wget_config_str"`, `${target}`. */
const VARIABLE = /^\$\{?(\w+)\}?$/;
/** A here-document that is a kubeconfig (`kind: Config` with `clusters:`), written to a file of any name. */
const KUBECONFIG_BODY = /^\s*kind:\s*Config\s*$/m;
/** containerd's config.toml (`[plugins."io.containerd.grpc.v1.cri".registry.configs."r".tls]`). */
const CONTAINERD_BODY = /^\s*\[plugins\.["']io\.containerd\./m;
/** A yum/dnf/zypper repository definition (`[id]` then `baseurl=`/`mirrorlist=`/`metalink=`), sent to a file of any name. */
const REPO_BODY = /^\s*\[[^\]\n]+\][ \t]*\r?\n(?:[^\n]*\n)*?\s*(?:baseurl|mirrorlist|metalink)\s*=/m;
/** wget's own setting (`check_certificate = off`): no other tool has it, so the text is a wgetrc whatever its target
 * (`echo "check_certificate=off" >> $tempfile`, then `wget --config=$tempfile`). */
const WGETRC_BODY = /^[ \t]*check_certificate[ \t]*=/m;
/** npm's `strict-ssl=` (the `key=value` form; yarn v1's rc has `strict-ssl false`): the text is an npmrc. */
const NPMRC_BODY = /^[ \t]*strict-ssl[ \t]*=/m;
/** A repository definition seen without its `[id]` line (an excerpt that starts inside the here-document): its
 * `sslverify=` with the keys only repo files have. */
const REPO_KEYS_BODY = /^[ \t]*sslverify[ \t]*=/m;
const REPO_KEY = /^[ \t]*(?:baseurl|mirrorlist|metalink|gpgcheck|repo_gpgcheck|gpgkey)[ \t]*=/m;
/** APT settings (`Acquire::https::Verify-Peer "false";`), written to a file of any name. */
const APT_BODY = /\bAcquire::https::/;

/** The config file kind a written text stands for when its target's name does not say (a variable, `$repo_file`). */
function kindOfBody(text: string): string | undefined {
  if (KUBECONFIG_BODY.test(text) && /^\s*clusters:/m.test(text)) return 'kubeconfig';
  if (REPO_BODY.test(text)) return 'written.repo';
  if (CONTAINERD_BODY.test(text)) return '/etc/containerd/config.toml';
  if (APT_BODY.test(text)) return '/etc/apt/apt.conf';
  if (WGETRC_BODY.test(text)) return '.wgetrc';
  if (NPMRC_BODY.test(text)) return '.npmrc';
  if (REPO_KEYS_BODY.test(text) && REPO_KEY.test(text)) return 'written.repo';
  return undefined;
}

const LOG_TARGET = /log|report|out(?:put)?\b|result|summary|\.txt["']?$|\.md["']?$/i;

/** The config findings of text written to `target`, moved to file offsets through `at` (text offset → Source offset). */
function judge(doc: Doc, src: Source, text: string, target: string, at: (i: number) => number, out: Finding[]): void {
  // A target named for a log or an output (`"$LOG"`, `$report`) receives text about settings, not a config file.
  const known =
    configFamily.appliesTo(target) || jsonConfig.appliesTo(target) || isDotenv(target) || YAML_TARGET.test(target);
  const as = known ? target : LOG_TARGET.test(target) ? undefined : kindOfBody(text);
  if (!as) return;
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  // A JSON rc file (`.bowerrc`) is judged by the family that reads `"strict-ssl": false`.
  for (const f of [...configFamily.scan(text, as), ...jsonConfig.scan(text, as), ...writtenEnv(text, as)]) {
    const rule = CONFIG_RULES.get(f.ruleId);
    if (!rule) continue;
    const s = at(starts[f.range.start.line] + f.range.start.character);
    const e = at(starts[f.range.end.line] + f.range.end.character - 1) + 1;
    const [start, end] = src.span(s, e);
    out.push(finding(doc, rule, start, end, undefined, `${rule.title} (written by this script to ${target})`));
  }
}

/** The variables a written `.env` or YAML file (`docker-compose.yml`'s `environment:`) sets, judged as the env rules. */
function writtenEnv(text: string, as: string): Finding[] {
  if (isDotenv(as)) return envFamily.scan(text, as);
  if (!YAML_TARGET.test(as)) return [];
  const doc = docOf(text);
  const out: Finding[] = [];
  for (const a of yaml(text).env) checkEnv(doc, a, out);
  return out;
}

/** Findings for config settings that the shell text of `src` writes into tool config files. */
export function configWrites(doc: Doc, src: Source, out: Finding[]): void {
  const fragments = src.text.includes('insecure-registries');
  if (src.at(0) === 0) orphanBody(doc, src, out);
  // Every write goes through `>`/`>>` or tee: one scan for a character is far cheaper than TARGETS' alternation.
  if ((!src.text.includes('>') && !src.text.includes('tee')) || !TARGETS.test(src.text)) {
    if (fragments) registriesFragments(doc, src, out);
    return;
  }
  const seen: Assignments = new Map();
  ECHO.lastIndex = 0;
  for (let m = ECHO.exec(src.text); m; m = ECHO.exec(src.text)) {
    if (commentedOut(src.text, m.index) || !atCommandStart(src.text, m.index)) continue;
    const group = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
    let from = m.indices![group]![0];
    let written = m[group];
    // `echo "$setting" >> "$rc"`: the setting is judged where the script assigns it (the finding points there).
    const ref = group !== 2 ? VARIABLE.exec(written) : null;
    if (ref) {
      const value = assignedBefore(seen, src.text, ref[1], m.index);
      if (!value) continue;
      [written, from] = [value.text, value.start];
    }
    // printf's and echo -e's `\n` separate lines of the written file; replaced by as many characters, so offsets hold.
    const text = written.replace(WRITTEN_ESCAPES, (e) => (e === '\\t' ? '  ' : ' \n'));
    const at = from;
    judge(doc, src, text, targetFile(seen, src.text, m[5], m.index), (i) => at + i, out);
  }
  if (src.text.includes('%s')) printfLines(doc, src, seen, out);
  if (src.at(0) === 0) orphanPrintfLines(doc, src, seen, out);
  const echoed = src.at(0) === 0 ? ORPHAN_ECHO.exec(src.text) : null;
  if (echoed) judge(doc, src, echoed[1], targetFile(seen, src.text, echoed[3], echoed.index), (i) => i, out);
  hereDocuments(doc, src, HEREDOC, 2, 4, out);
  hereDocuments(doc, src, HEREDOC_FIRST, 4, 2, out);
  hereDocuments(doc, src, HEREDOC_PIPE, 4, 2, out);
  if (src.text.includes('<<<')) hereStrings(doc, src, out);
  // Last, so a write whose target is known keeps its message (the family keeps the first of equal findings).
  if (fragments) registriesFragments(doc, src, out);
}

/**
 * `printf '%s\n' \` then one quoted argument per line (continuation lines), then `> /etc/apt/apt.conf.d/99x`: each
 * argument is a line of the written file (printf repeats its format). Group 1 the arguments, group 3 the file.
 */
const PRINTF_LINES =
  /\bprintf[ \t]+(?:"%s\\n"|'%s\\n')((?:[ \t]*\\\r?\n)?(?:[ \t]+(?:'[^'\n]*'|"(?:[^"\\\n]|\\.)*")(?:[ \t]*\\\r?\n)?)+)[ \t]*(?:>>?|\|[ \t]*(?:sudo[ \t]+(?:-\S+[ \t]+)*)?tee[ \t]+(?:-a[ \t]+)?)[ \t]*(["']?)([^\s;&|"'<>]+)\2/dg;
const PRINTF_ARGUMENT = /'([^'\n]*)'|"((?:[^"\\\n]|\\.)*)"/dg;

/** An excerpt that starts on the continued argument lines of such a printf (its first line out of sight): quoted
 * arguments each ending in `\`, from the text's start, then the redirect (group 1 the arguments, group 3 the file). */
const ORPHAN_PRINTF_LINES =
  /^\s*?((?:[ \t]*(?:'[^'\n]*'|"(?:[^"\\\n]|\\.)*")[ \t]*\\\r?\n)+)[ \t]*(?:>>?|\|[ \t]*(?:sudo[ \t]+(?:-\S+[ \t]+)*)?tee[ \t]+(?:-a[ \t]+)?)[ \t]*(["']?)([^\s;&|"'<>]+)\2/d;

/**
 * An excerpt that starts inside the double-quoted text of `echo "` (its first line out of sight): lines without a
 * quote, then the closing quote and the redirect, `auto_activate_base: false" > ~/.condarc` (group 1 the text, 3
 * the file). Not a script's first line (`#!`), and the quote closes on a later line than the text's first.
 */
const ORPHAN_ECHO = /^(?!#!)([^"\n]*\n[^"]*)"[ \t]*>>?[ \t]*(["']?)([^\s;&|"'<>]+)\2[^\n]*/;

/** Where the commands of `src` start: after the orphan echo text an excerpt may begin with (see ORPHAN_ECHO). */
export function afterOrphanEcho(src: Source): number {
  if (src.at(0) !== 0 || !src.text.includes('"')) return 0;
  const m = ORPHAN_ECHO.exec(src.text);
  return m ? m[0].length : 0;
}

function printfLines(doc: Doc, src: Source, seen: Assignments, out: Finding[]): void {
  PRINTF_LINES.lastIndex = 0;
  for (let m = PRINTF_LINES.exec(src.text); m; m = PRINTF_LINES.exec(src.text)) {
    if (commentedOut(src.text, m.index) || !atCommandStart(src.text, m.index)) continue;
    printfArguments(doc, src, m[1], m.indices![1]![0], targetFile(seen, src.text, m[3], m.index), out);
  }
}

function orphanPrintfLines(doc: Doc, src: Source, seen: Assignments, out: Finding[]): void {
  const m = ORPHAN_PRINTF_LINES.exec(src.text);
  if (m) printfArguments(doc, src, m[1], m.indices![1]![0], targetFile(seen, src.text, m[3], m.index), out);
}

/** Judges printf's quoted `args` (at `base` in the script) as the lines of the file `target`. */
function printfArguments(doc: Doc, src: Source, args: string, base: number, target: string, out: Finding[]): void {
  // The written text, and for each of its characters the offset in the script it comes from.
  let text = '';
  const offsets: number[] = [];
  PRINTF_ARGUMENT.lastIndex = 0;
  for (let a = PRINTF_ARGUMENT.exec(args); a; a = PRINTF_ARGUMENT.exec(args)) {
    const group = a[1] !== undefined ? 1 : 2;
    const [from] = a.indices![group]!;
    for (let i = 0; i < a[group].length; i++) offsets.push(base + from + i);
    offsets.push(base + from + a[group].length);
    text += `${a[group]}\n`;
  }
  judge(doc, src, text, target, (i) => offsets[i], out);
}

/**
 * The text before a closing tag line when no here-document opens before it: an excerpt that starts inside the body
 * (`[plugins."io.containerd…"] … insecure_skip_verify = true` then `EOF`). Judged by what the body is.
 */
function orphanBody(doc: Doc, src: Source, out: Finding[]): void {
  const tag = ORPHAN_TAG.exec(src.text);
  if (!tag || src.text.lastIndexOf('<<', tag.index) !== -1) return;
  const body = src.text.slice(0, tag.index);
  const as = kindOfBody(body);
  if (as) judge(doc, src, body, as, (i) => i, out);
}

/** Whether a `#` comment (at a line start or after a blank) opens before `at` on its line: `#echo "x" >> f`. */
function commentedOut(text: string, at: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  return /(?:^|[ \t;])#/.test(line);
}

/**
 * Whether `echo`/`printf` at `at` starts a command: first on its line, after an operator or a keyword, or first in
 * the quoted string of `sh -c`/`eval`/`ssh host`. Not inside a message (`log "… run 'echo insecure >> ~/.curlrc'"`).
 */
function atCommandStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(text.lastIndexOf('\n', at - 1) + 1, at - 200), at).trimEnd();
  if (before === '' || /[;&|({`]$|\$\($/.test(before)) return true;
  if (/(?:^|\s)(?:then|do|else|sudo(?:\s+-\S+)*|exec|time|nohup|!|RUN|[@+-])$/.test(before)) return true;
  return /(?:-[a-z]*c|--command|\beval|\bssh\s+\S+)\s*["']$/.test(before);
}

/** Judges the body of each here-document `re` finds; `target` and `tag` are the groups of the file and of the tag. */
function hereDocuments(doc: Doc, src: Source, re: RegExp, target: number, tag: number, out: Finding[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
    if (commentedOut(src.text, m.index)) continue;
    const bodyStart = m.index + m[0].length;
    const close = new RegExp(`^[ \\t]*${m[tag].replace(/[.-]/g, '\\$&')}[ \\t]*\\r?$`, 'm').exec(
      src.text.slice(bodyStart),
    );
    const body = src.text.slice(bodyStart, close ? bodyStart + close.index : src.text.length);
    judge(doc, src, body, m[target], (i) => bodyStart + i, out);
  }
}

/** Judges the text of each here-string `cat` writes to a file. */
function hereStrings(doc: Doc, src: Source, out: Finding[]): void {
  HERE_STRING.lastIndex = 0;
  for (let m = HERE_STRING.exec(src.text); m; m = HERE_STRING.exec(src.text)) {
    if (commentedOut(src.text, m.index)) continue;
    const group = m[1] !== undefined ? 1 : 2;
    const from = m.indices![group]![0];
    judge(doc, src, m[group], m[4], (i) => from + i, out);
  }
}

/** A script a here-document writes: a target named like one (`run.sh`, `"$RUN_SCRIPT"`, `entrypoint`), or a body that
 * starts with a shell's `#!` line. */
const SCRIPT_TARGET = /\.(?:sh|bash|zsh|command)["']?$|script|entrypoint|\/bin\//i;
const HEREDOC_START = /<<-?[ \t]*["']?[A-Za-z_]/;
const SHELL_SHEBANG = /^[ \t]*#![^\n]*\b(?:sh|bash|zsh|dash|ksh)\b/;
/** A here-document a shell runs at once: `bash <<EOF`, `sudo sh -s <<'EOF'`, `timeout 5m bash <<- "EOF"` (group 2: the tag). */
const SHELL_HEREDOC = /\b(?:bash|sh|zsh|dash|ksh)(?:[ \t]+-[\w-]+)*[ \t]*<<-?[ \t]*(["']?)([\w.-]+)\1[^\n]*\n/g;

/**
 * The bodies of here-documents that write a shell script (`cat > "$RUN_SCRIPT" <<EOF` … `export
 * NODE_TLS_REJECT_UNAUTHORIZED=0` … `EOF`): the script runs later, so its commands are analysed like the script's own.
 * So are the bodies a shell runs at once (`bash <<EOF … oc login … --insecure-skip-tls-verify=true … EOF`).
 */
export function scriptHereDocs(src: Source): Source[] {
  // `<<` then a tag (not YAML's `<<:` merge key, which CI files are full of).
  if (!HEREDOC_START.test(src.text)) return [];
  const out: Source[] = [];
  for (const [re, target, tag] of [
    [HEREDOC, 2, 4],
    [HEREDOC_FIRST, 4, 2],
    [HEREDOC_PIPE, 4, 2],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(src.text); m; m = re.exec(src.text)) {
      if (commentedOut(src.text, m.index)) continue;
      const [bodyStart, end] = hereDocBody(src.text, m, tag);
      const body = src.text.slice(bodyStart, end);
      if (SCRIPT_TARGET.test(m[target]) || SHELL_SHEBANG.test(body)) out.push(src.slice(bodyStart, end));
    }
  }
  SHELL_HEREDOC.lastIndex = 0;
  for (let m = SHELL_HEREDOC.exec(src.text); m; m = SHELL_HEREDOC.exec(src.text)) {
    if (!commentedOut(src.text, m.index)) out.push(src.slice(...hereDocBody(src.text, m, 2)));
  }
  return out;
}

/** [start, end) of the body of the here-document whose opening line `m` matched (`tag`: the group of its tag). */
function hereDocBody(text: string, m: RegExpExecArray, tag: number): [number, number] {
  const bodyStart = m.index + m[0].length;
  const close = new RegExp(`^[ \\t]*${m[tag].replace(/[.-]/g, '\\$&')}[ \\t]*\\r?$`, 'm').exec(text.slice(bodyStart));
  return [bodyStart, close ? bodyStart + close.index : text.length];
}

/** `"insecure-registries": ["…"` in shell text (see REGISTRIES_FRAGMENT); the family dedupes the daemon.json writes. */
function registriesFragments(doc: Doc, src: Source, out: Finding[]): void {
  const rule = CFG.dockerInsecureRegistries;
  REGISTRIES_FRAGMENT.lastIndex = 0;
  for (let m = REGISTRIES_FRAGMENT.exec(src.text); m; m = REGISTRIES_FRAGMENT.exec(src.text)) {
    const [start, end] = src.span(m.index, m.index + '"insecure-registries"'.length);
    out.push(finding(doc, rule, start, end, undefined, `${rule.title} (written by this script)`));
  }
}

/** Assignments by variable name, each found once per scanned text (a script echoes `"$line" >> "$log"` in loops). */
type Assignments = Map<string, { text: string; start: number; at: number }[]>;

/** The last value the script assigns to `name` before `before` (`name="…"`, `name='…'`, `name=word`), with its offset. */
function assignedBefore(
  seen: Assignments,
  text: string,
  name: string,
  before: number,
): { text: string; start: number } | undefined {
  let all = seen.get(name);
  if (!all) {
    all = [];
    const re = new RegExp(`(?:^|[\\s;&|(])${name}=(?:"([^"\\n$\`]*)"|'([^'\\n]*)'|([^\\s;&|"'$\`]*))`, 'dg');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const g = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
      all.push({ text: m[g], start: m.indices![g]![0], at: m.index });
    }
    seen.set(name, all);
  }
  let last: { text: string; start: number } | undefined;
  for (const a of all) if (a.at < before) last = a;
  return last;
}

/** The file a write goes to: a literal path, the value of a variable assigned before, or what the variable's name says. */
function targetFile(seen: Assignments, text: string, target: string, before: number): string {
  const ref = VARIABLE.exec(target);
  if (!ref) return target;
  const value = assignedBefore(seen, text, ref[1], before);
  if (value && value.text && configFamily.appliesTo(value.text)) return value.text;
  return RC_VARIABLES.find(([re]) => re.test(ref[1]))?.[1] ?? target;
}
