// Per-program analysers of one simple command: leading NAME=value assignments (judged by the env rules), wrappers
// like sudo/env/cross-env, then the program's own flags: curl, wget, git, npm/yarn/pnpm, pip, conda, kubectl-style
// `--insecure-skip-tls-verify`, and Maven's wagon properties anywhere in the text.
import { checkEnv, Doc, EnvAssignment, envRuleFor, Source } from '../env';
import { finding } from '../match';
import { Finding, RuleMeta } from '../types';
import { SH } from '../catalog/shell';
import { BROWSER } from '../catalog/browser';
import { CFG } from '../catalog/config';
import { commands, Word } from './words';

/** Where findings go and how words map back to the file. */
export interface Ctx {
  readonly doc: Doc;
  readonly src: Source;
  readonly out: Finding[];
  /** Functions of the script that pass their arguments to curl (`api() { curl -s "$@"; }`): run as curl. */
  readonly curlWrappers?: ReadonlySet<string>;
}

function report(ctx: Ctx, rule: RuleMeta, from: Word, to: Word = from, cmd?: readonly Word[]): void {
  const [start, end] = ctx.src.span(from.start, to.end);
  const context = cmd?.length ? ctx.src.span(cmd[0].start, cmd[cmd.length - 1].end) : undefined;
  ctx.out.push(finding(ctx.doc, rule, start, end, context));
}

const ASSIGNMENT = /^([A-Za-z_]\w*)=/;
/** Commands that run the rest of the line as another command (after their own options and assignments). */
const WRAPPERS = new Set([
  'sudo',
  'doas',
  'env',
  'exec',
  'command',
  'nohup',
  'time',
  'nice',
  'xargs',
  'cross-env',
  'cross-env-shell',
  'npx',
  'run-with',
  // bats' `run curl -sSk …` (and many scripts' own `run` helper): the rest of the line is the command it runs.
  'run',
  // expect's `spawn git -c … clone $REPO`: the program expect drives.
  'spawn',
  // A Dockerfile instruction word written twice (`RUN RUN npm config set strict-ssl false`): the rest is the command.
  'RUN',
]);
const EXPORTS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
/** Reserved words that may start a simple command in a compound one (`if …; then curl -k …; fi`). */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!']);

/** `$GIT`, `${CURL_BIN}`, `$GitExe`: a variable holding the path of a program this family knows, run as that program. */
const PROGRAM_VARIABLE = /^\$\{?([A-Za-z]+)(?:_?(?:BIN|CMD|EXE|PATH))?\}?$/i;

/** The program a command word runs: its name without directories, or the program a `$GIT`-like variable names. */
function programOf(w: Word | undefined): string {
  const m = w?.dynamic ? PROGRAM_VARIABLE.exec(w.value) : null;
  const named = m?.[1].toLowerCase();
  return named !== undefined && Object.hasOwn(PROGRAMS, named) ? named : prog(w);
}

/** `run "curl -sSk …"`: the quoted command line is read by quotedCommands, with `run` as the command. */
function quotedRun(ctx: Ctx, cmd: readonly Word[], i: number): boolean {
  const next = cmd[i + 1];
  return cmd[i].value === 'run' && next !== undefined && /["']/.test(ctx.src.text[next.start]);
}

/** Program name without directories: `/usr/bin/curl` → `curl`. */
function prog(w: Word | undefined): string {
  return w ? w.value.slice(w.value.lastIndexOf('/') + 1) : '';
}

function checkAssignment(ctx: Ctx, w: Word, cmd: readonly Word[]): void {
  const m = ASSIGNMENT.exec(w.value);
  if (!m || w.dynamic) return;
  const [start, end] = ctx.src.span(w.start, w.end);
  const context = ctx.src.span(cmd[0].start, cmd[cmd.length - 1].end);
  const a: EnvAssignment = { name: m[1], value: w.value.slice(m[0].length), start, end, context };
  checkEnv(ctx.doc, a, ctx.out);
}

/** Analyses one simple command: leading assignments, wrappers like sudo/env, then the program's own flags. */
export function analyse(ctx: Ctx, cmd: readonly Word[]): void {
  let i = 0;
  for (;;) {
    while (i < cmd.length && ASSIGNMENT.test(cmd[i].value)) {
      assignedCommand(ctx, cmd[i]);
      containerOptions(ctx, cmd[i]);
      checkAssignment(ctx, cmd[i++], cmd);
    }
    if (KEYWORDS.has(cmd[i]?.value ?? '')) {
      i++;
      continue;
    }
    if (!WRAPPERS.has(prog(cmd[i])) || quotedRun(ctx, cmd, i)) break;
    i++;
    while (i < cmd.length && cmd[i].value.startsWith('-')) i += /^-[ugCnP]$/.test(cmd[i].value) ? 2 : 1;
  }
  // PowerShell's `$opt = New-PSSessionOption …`: the command is after the assignment.
  if (/^\$\w+$/.test(cmd[i]?.value ?? '') && cmd[i + 1]?.value === '=') i += 2;
  const name = programOf(cmd[i]);
  const args = cmd.slice(i + 1);
  if (EXPORTS.has(name) || name === 'setenv') return exportArgs(ctx, name, args, cmd);
  if (DEPLOYERS.has(name)) deployedEnv(ctx, name, args, cmd);
  if (name === 'alias') return aliasBodies(ctx, args);
  if (!commandString(ctx, cmd, i)) quotedCommands(ctx, name, args);
  const key = ctx.curlWrappers?.has(name) ? 'curl' : programKey(name, args);
  if (Object.hasOwn(PROGRAMS, key)) {
    PROGRAMS[key](ctx, args, cmd);
    optionVariables(ctx, key, args);
  }
  toolFlags(ctx, name, args, cmd);
  // echo/printf words are data and grep's are patterns, even when they look like flags.
  if (name === 'echo' || name === 'printf' || SEARCHERS.has(name)) return;
  if (cmd.some((w) => w.value.includes('].name='))) helmEnvPairs(ctx, cmd);
  const container = Object.hasOwn(PROGRAMS, key) && PROGRAMS[key] === containerTlsVerify;
  for (const w of [cmd[i], ...args]) {
    // skopeo's own two flags, where the program is out of sight: an excerpt that starts on a continuation line of
    // `skopeo copy \`, a wrapper (`runAndLogSkopeo "--src-tls-verify=false" …`) that passes its words on.
    if (!container && w && !w.dynamic && SKOPEO_ENDS.test(w.value)) report(ctx, SH.containerTls, w, w, cmd);
    const rule = w && ANY_COMMAND_FLAGS.find(([re]) => re.test(w.value))?.[1];
    if (rule) report(ctx, rule, w, w, cmd);
    else if (w?.value.includes('--kubelet-insecure-tls')) embeddedKubelet(ctx, w, cmd);
    else if (name === 'sed' && w?.value.includes('verification_mode')) sedVerificationMode(ctx, w, cmd);
  }
}

/** `extraEnvs[1].name=NAME` / `extraEnvs[1].value=V` as Helm `--set` values (also `--set=…`): group 1 the entry. */
const SET_NAME = /^(?:--set(?:-string)?=)?([\w.-]+\[\d+\])\.name=([A-Za-z_]\w*)$/;
const SET_VALUE = /^(?:--set(?:-string)?=)?([\w.-]+\[\d+\])\.value=(.*)$/;

/**
 * `helm upgrade … --set extraEnvs[1].name=ELASTICSEARCH_SSL_VERIFICATIONMODE --set extraEnvs[1].value=none`: a chart's
 * container variable given as a name/value entry of a list; the pair is judged as the variable, found at the value.
 * Any command (an excerpt may start below `helm`): the `[N].name=` / `[N].value=` pair is Helm's own shape.
 */
function helmEnvPairs(ctx: Ctx, cmd: readonly Word[]): void {
  const names = new Map<string, string>();
  for (const w of cmd) {
    const m = w.dynamic ? null : SET_NAME.exec(w.value);
    if (m) names.set(m[1], m[2]);
  }
  for (const w of cmd) {
    const m = w.dynamic ? null : SET_VALUE.exec(w.value);
    const name = m ? names.get(m[1]) : undefined;
    const rule = name === undefined ? undefined : envRuleFor(name, m![2]);
    if (rule) report(ctx, rule, w, w, cmd);
  }
}

/** Shells and user switchers whose `-c` string is a command line of its own. */
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh', 'su', 'runuser']);
/** `-c`, `-lc`, `-ec`, `--command`: the option whose value is the command string. */
const DASH_C = /^-[a-z]*c[a-z]*$|^--command$/;

/**
 * `sh -c "curl -k …"`, `su app -c "composer config …"`, `docker exec box bash -lc "…"`: the quoted string after a
 * shell's `-c` is analysed as commands (its words mapped back into the script), like an alias body.
 */
function commandString(ctx: Ctx, cmd: readonly Word[], from: number): boolean {
  let shell = false;
  for (let j = from; j < cmd.length - 1; j++) {
    const v = cmd[j].value;
    if (!v.startsWith('-')) {
      if (SHELLS.has(prog(cmd[j]))) shell = true;
    } else if (shell && DASH_C.test(v)) {
      quotedBody(ctx, cmd[j + 1]);
      return true;
    }
  }
  return false;
}

/** Commands whose quoted arguments are text for people (or patterns), not command lines: `die "curl -k failed"`. */
const MESSAGES =
  /^(?:printf|print[\w-]*|[\w-]*(?:echo|log|msg|message|warn|warning|err|error|info|debug|notice|note|fatal|fail|die|abort|panic|say|usage|status|banner|title|header|hint|step|comment|report|notify|alert|show|display|tell|ask|confirm|prompt|explain|describe)[\w-]*)$/i;

/**
 * `gexec 60 "wget --no-check-certificate …"`, `ssh host "curl -k …"`, `retry 3 "curl -sk …"`, `eval "…"`: a quoted
 * argument that starts with a program this family knows and a flag (or `config`) is a command line the outer command runs (a
 * wrapper function of the script, a remote shell). Not for message-like commands (`warn "curl -k failed"`), nor the
 * value of an option (`git commit -m "…"`, `read -p "…"`).
 */
function quotedCommands(ctx: Ctx, name: string, args: readonly Word[]): void {
  if (MESSAGES.test(name) || SEARCHERS.has(name) || name === 'alias') return;
  for (let j = 0; j < args.length; j++) {
    const w = args[j];
    const raw = ctx.src.text.slice(w.start, w.start + 40);
    if (raw[0] !== '"' && raw[0] !== "'") continue;
    if (args[j - 1]?.value.startsWith('-')) continue;
    const m = /^["']\s*(?:(?:if|!|exec|time)\s+)*(?:sudo\s+(?:-\S+\s+)*)?([\w.-]+)\s+(?:-|config\s)/.exec(raw);
    if (m && Object.hasOwn(PROGRAMS, programKey(m[1], []))) quotedBody(ctx, w);
    else if (holdsKnownCommand(ctx.src.text.slice(w.start, w.end))) quotedBody(ctx, w);
  }
}

/** A later command of a quoted command list (`"cd $DIR;git config --global http.sslVerify false;git clone …"`). */
const LATER_COMMAND = /(?:;|&&|\|\|)\s*(?:sudo\s+(?:-\S+\s+)*)?([\w.-]+)\s+(?:-|config\s)/g;

/**
 * A quoted argument holding several commands (`zowe uss issue ssh "cd $DIR;git config … false;git clone …"`, `ssh
 * host "cd /srv && npm config set …"`) whose later command is a program this family knows with a flag (or `config`).
 */
function holdsKnownCommand(raw: string): boolean {
  if (raw.length > 2000 || !/[;&|]/.test(raw)) return false;
  for (const m of raw.matchAll(LATER_COMMAND)) if (Object.hasOwn(PROGRAMS, programKey(m[1], []))) return true;
  return false;
}

/**
 * `BASE_WGET="wget --no-check-certificate -q"`: a quoted value whose first word is a program this family knows, with
 * a flag after it, is a command line the script runs later through the variable, so it is analysed as one.
 */
function assignedCommand(ctx: Ctx, w: Word): void {
  const raw = ctx.src.text.slice(w.start, w.end);
  const m = /^(\w+)=(["'])([\w.-]+)\s+-/.exec(raw);
  if (!m || !Object.hasOwn(PROGRAMS, programKey(m[3], []))) return;
  // A command, not a message about one: the name says so (`BASE_WGET`), or the script runs it (`$FETCH "$url"`).
  const runs = new RegExp(`(?:^|[;&|(])[ \\t]*"?\\$\\{?${m[1]}\\b`, 'm');
  if (!m[1].toLowerCase().includes(m[3].toLowerCase()) && !runs.test(ctx.src.text)) return;
  const eq = raw.indexOf('=');
  quotedBody(ctx, { value: '', start: w.start + eq + 1, end: w.end, dynamic: false });
}

/** A variable named for podman/skopeo/buildah (`PODMAN_LOGIN_ARGS`, `SKOPEO_OPTS`) given a quoted option value. */
const CONTAINER_OPTIONS = /^(\w*(?:PODMAN|SKOPEO|BUILDAH)\w*)=(["'])[^"']*tls-verify/i;

/** `PIP_INDEX="-i https://mirror/simple --trusted-host mirror"`: pip's options kept in a variable named for pip. */
const PIP_OPTIONS = /^(\w*PIP\w*)=(["'])-[^"']*--trusted-host/i;

/**
 * `PODMAN_LOGIN_ARGS="--tls-verify=false" ./push-images.sh`: options for podman/skopeo/buildah handed to a script
 * through a variable named for them; the value is analysed as that program's arguments. The same for pip's options
 * in a variable named for pip (`PIP_INDEX="-i … --trusted-host …"`, used later as `pip install $PIP_INDEX …`).
 */
function containerOptions(ctx: Ctx, w: Word): void {
  const raw = ctx.src.text.slice(w.start, w.end);
  const m = CONTAINER_OPTIONS.exec(raw) ?? PIP_OPTIONS.exec(raw);
  if (!m || raw[raw.length - 1] !== m[2]) return;
  const body = ctx.src.slice(w.start + m[1].length + 2, w.end - 1);
  const analyser = /tls-verify/.test(m[0]) ? containerTlsVerify : PROGRAMS.pip;
  for (const words of commands(body.text)) analyser({ ...ctx, src: body }, words, words);
}

/** A word that is one variable, quoted or not: `$CURL_OPTS`, `${CURL_OPTS}`, `"$CURL_OPTS"`. */
const VARIABLE_WORD = /^"?\$\{?([A-Za-z_]\w*)\}?"?$/;
const ASSIGNED =
  /(?:^|[\s;&|(])(?:(?:export|local|readonly|typeset|declare(?:\s+-\w+)*)\s+)?([A-Za-z_]\w*)=(?:"([^"\n$`]*)"|'([^'\n]*)')/dg;
/** Quoted assignments of a text by name (computed once per text: a script expands `$URL` in many commands). */
let assigned: { text: string; byName: Map<string, { start: number; end: number; at: number }[]> } | undefined;

export function assignmentsOf(text: string): Map<string, { start: number; end: number; at: number }[]> {
  if (assigned?.text === text) return assigned.byName;
  const byName = new Map<string, { start: number; end: number; at: number }[]>();
  ASSIGNED.lastIndex = 0;
  for (let m = ASSIGNED.exec(text); m; m = ASSIGNED.exec(text)) {
    const [start, end] = m.indices![m[2] !== undefined ? 2 : 3]!;
    const list = byName.get(m[1]) ?? [];
    list.push({ start, end, at: m.index });
    byName.set(m[1], list);
  }
  assigned = { text, byName };
  return byName;
}

/**
 * `CURL_OPTS="--compressed --insecure"` … `curl ${CURL_OPTS} "$url"`: a variable expanded into a known program's
 * arguments holds its options, so each quoted value the script assigns to it (an `if`/`else` may set two) is
 * analysed as that program's arguments, and a finding points into the assignment.
 */
function optionVariables(ctx: Ctx, key: string, args: readonly Word[]): void {
  for (const w of args) {
    if (!w.dynamic) continue;
    const ref = VARIABLE_WORD.exec(ctx.src.text.slice(w.start, w.end));
    const all = ref && assignmentsOf(ctx.src.text).get(ref[1]);
    if (!all) continue;
    for (const value of all) {
      if (!/(?:^|\s)-/.test(ctx.src.text.slice(value.start, value.end))) continue;
      const body = ctx.src.slice(value.start, value.end);
      for (const words of commands(body.text)) PROGRAMS[key]({ ...ctx, src: body }, words, words);
    }
  }
}

/** Analyses the text inside a quoted word as shell commands. */
function quotedBody(ctx: Ctx, w: Word): void {
  const raw = ctx.src.text.slice(w.start, w.end);
  if (raw.length < 2 || (raw[0] !== '"' && raw[0] !== "'") || raw[raw.length - 1] !== raw[0]) return;
  const body = ctx.src.slice(w.start + 1, w.end - 1);
  for (const inner of commands(body.text)) analyse({ ...ctx, src: body }, inner);
}

/**
 * `alias osc="docker run … --insecure-skip-tls-verify"`: the quoted body is the command every later `osc` runs, so
 * it is analysed as one (its words, mapped back into the script).
 */
function aliasBodies(ctx: Ctx, args: readonly Word[]): void {
  for (const w of args) {
    const raw = ctx.src.text.slice(w.start, w.end);
    const m = /^[\w.:-]+=(["'])([\s\S]*)\1$/.exec(raw);
    if (!m) continue;
    const from = w.start + raw.indexOf('=') + 2;
    const body = ctx.src.slice(from, from + m[2].length);
    for (const inner of commands(body.text)) analyse({ ...ctx, src: body }, inner);
  }
}

/** Programs whose arguments are patterns to look for, not settings (`grep -q -- '--kubelet-insecure-tls' f`). */
const SEARCHERS = new Set(['grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'test', '[', '[[']);
const EMBEDDED_KUBELET = /(?<![\w-])--kubelet-insecure-tls(?:=true)?(?![\w-])/g;

/**
 * The kubelet flag inside an argument that writes it into a manifest: a `kubectl patch` JSON patch
 * (`"value":"--kubelet-insecure-tls"`), a `sed`/`yq` edit. The finding is the flag itself, found in the word's
 * source text (quotes do not change it).
 */
function embeddedKubelet(ctx: Ctx, w: Word, cmd: readonly Word[]): void {
  const text = ctx.src.text.slice(w.start, w.end);
  const context = ctx.src.span(cmd[0].start, cmd[cmd.length - 1].end);
  EMBEDDED_KUBELET.lastIndex = 0;
  for (let m = EMBEDDED_KUBELET.exec(text); m; m = EMBEDDED_KUBELET.exec(text)) {
    const [start, end] = ctx.src.span(w.start + m.index, w.start + m.index + m[0].length);
    ctx.out.push(finding(ctx.doc, SH.kubelet, start, end, context));
  }
}

/** A sed substitution (`s/old/new/`, any delimiter): group 2 is the pattern, group 3 the replacement. */
const SED_SUBSTITUTE = /(?:^|[;\s])s([/|#,:@])((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1/g;
const VERIFICATION_NONE = /verification_mode:[ \t]*["']?none\b/;
/** The setting as written in the script (`ssl.verification_mode: none`), for the finding's range. */
const SETTING_NONE = /(?:[\w.]+\.)?verification_mode:[ \t]*["']?none\b/g;

/**
 * `sed -i 's/ssl\.verification_mode: full/ssl.verification_mode: none/' filebeat.yml`: an edit that turns Elastic's
 * check off in a config file (the reverse edit, to `full`, is the fix and stays quiet).
 */
function sedVerificationMode(ctx: Ctx, w: Word, cmd: readonly Word[]): void {
  SED_SUBSTITUTE.lastIndex = 0;
  for (let m = SED_SUBSTITUTE.exec(w.value); m; m = SED_SUBSTITUTE.exec(w.value)) {
    if (!VERIFICATION_NONE.test(m[3]) || VERIFICATION_NONE.test(m[2])) continue;
    // The replacement comes after the pattern, so its setting is the last one in the word's text.
    const text = ctx.src.text.slice(w.start, w.end);
    const hits = [...text.matchAll(SETTING_NONE)];
    const hit = hits[hits.length - 1];
    if (!hit) continue;
    const [start, end] = ctx.src.span(w.start + hit.index, w.start + hit.index + hit[0].length);
    const context = ctx.src.span(cmd[0].start, cmd[cmd.length - 1].end);
    ctx.out.push(finding(ctx.doc, CFG.skipVerify, start, end, context, `${CFG.skipVerify.title} (written by sed)`));
  }
}

/**
 * Flags that mean the same on every program that has them: kubectl/helm/oc's `--insecure-skip-tls-verify`, the
 * Chromium switch (chrome, chromium, electron apps, headless test runners) and metrics-server's kubelet flag.
 */
const ANY_COMMAND_FLAGS: readonly (readonly [RegExp, RuleMeta])[] = [
  [/^--insecure-skip-tls-verify(?:=true)?$/, SH.kube],
  [/^--ignore-certificate-errors(?:=true)?$/, BROWSER.ignoreCertErrors],
  [/^--kubelet-insecure-tls(?:=true)?$/, SH.kubelet],
];

/**
 * Other tools' own "do not verify" flags (one rule, `shell.tool-insecure-flag`): a word test, and for an option whose
 * value is the next word, a test of that value. Each program has its own list: `--insecure` means this only to them.
 */
type ToolFlag = readonly [RegExp, RegExp?];
const HASHICORP: readonly ToolFlag[] = [[/^--?tls-skip-verify(?:=(?:true|1))?$/]];
const INSECURE: readonly ToolFlag[] = [[/^--?insecure(?:=true)?$/]];
const NO_CHECK_CERT: readonly ToolFlag[] = [[/^--no-check-certificates?$/]];
const TOOL_FLAGS: Readonly<Record<string, readonly ToolFlag[]>> = {
  vault: HASHICORP,
  bao: HASHICORP,
  nomad: HASHICORP,
  consul: HASHICORP,
  argocd: INSECURE,
  mc: INSECURE,
  crane: INSECURE,
  oras: INSECURE,
  trivy: INSECURE,
  openstack: INSECURE,
  swift: INSECURE,
  hg: INSECURE,
  grpcurl: INSECURE,
  govc: [[/^-k(?:=true)?$/]],
  s3cmd: NO_CHECK_CERT,
  rclone: NO_CHECK_CERT,
  'yt-dlp': NO_CHECK_CERT,
  'youtube-dl': NO_CHECK_CERT,
  aria2c: [[/^--check-certificate=false$/]],
  http: [[/^--verify=(?:no|false)$/i]],
  https: [[/^--verify=(?:no|false)$/i]],
  svn: [[/^--trust-server-cert$/], [/^--trust-server-cert-failures(?:=.+)?$/]],
  'ansible-galaxy': [[/^--ignore-certs$|^-c$/]],
  restic: [[/^--insecure-tls$/]],
  jf: [[/^--insecure-tls(?:=true)?$/]],
  jfrog: [[/^--insecure-tls(?:=true)?$/]],
  executor: [[/^--skip-tls-verify(?:-pull|-registry)?(?:=true)?$/]],
  kubeadm: [[/^--discovery-token-unsafe-skip-ca-verification(?:=true)?$/]],
  ovftool: [[/^--noSSLVerify(?:=true)?$/]],
  sqlcmd: [[/^-C$/]],
  lftp: [[/^-[ec]$/, /\bssl:verify-certificate(?:\s+|=)(?:no|false|off|0)\b/]],
  // PowerShell remoting over HTTPS: the session accepts any certificate (-SkipCACheck) or any name (-SkipCNCheck).
  'new-pssessionoption': [[/^-Skip(?:CA|CN)Check(?::\$true)?$/i]],
};

/** `vault -tls-skip-verify`, `mc --insecure`, `svn --trust-server-cert`, `lftp -e "set ssl:verify-certificate no"`. */
function toolFlags(ctx: Ctx, name: string, args: readonly Word[], cmd: readonly Word[]): void {
  // PowerShell cmdlets are case-insensitive: `New-PSSessionOption` is looked up as `new-pssessionoption`.
  const key = /^[A-Z][a-z]+-[A-Z]/.test(name) ? name.toLowerCase() : name;
  const flags = Object.hasOwn(TOOL_FLAGS, key) ? TOOL_FLAGS[key] : undefined;
  if (!flags) return;
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    if (w.value === '--') return;
    for (const [flag, value] of flags) {
      if (!flag.test(w.value)) continue;
      if (!value) report(ctx, SH.toolInsecureFlag, w, w, cmd);
      else if (args[i + 1] && value.test(args[i + 1].value)) report(ctx, SH.toolInsecureFlag, w, args[++i], cmd);
      break;
    }
  }
}

/** `python -m pip …` is pip; `pip3.11` is pip; everything else is its own name. */
/** A function name built on curl's: `api_curl`, `dashboard-curl`, `curl_retry` (not `curl-config`, a real program). */
const CURL_WRAPPER = /^[A-Za-z]\w*[_-]curl$|^curl_\w+$/;

function programKey(name: string, args: readonly Word[]): string {
  if (/^python[\d.]*$|^py$/.test(name) && args[0]?.value === '-m' && /^pip[\d.]*$/.test(args[1]?.value ?? '')) {
    return 'pip';
  }
  if (/^pip[\d.]*$|^pipx$/.test(name)) return 'pip';
  if (name === 'pnpm' || name === 'yarn') return 'npm';
  if (name === 'mamba' || name === 'micromamba') return 'conda';
  // `dashboard_curl -sSk …`, `curl_retry -k …`: a script's wrapper function named for curl passes curl's flags on.
  if (CURL_WRAPPER.test(name)) return 'curl';
  return name;
}

function exportArgs(ctx: Ctx, name: string, args: readonly Word[], cmd: readonly Word[]): void {
  if (name === 'setenv' && args.length >= 1) {
    // csh: `setenv NAME value`
    const value = args[1]?.value ?? '';
    if (args[1]?.dynamic) return;
    const [start, end] = ctx.src.span(args[0].start, (args[1] ?? args[0]).end);
    checkEnv(ctx.doc, { name: args[0].value, value, start, end }, ctx.out);
    return;
  }
  for (const w of args) if (ASSIGNMENT.test(w.value)) checkAssignment(ctx, w, cmd);
}

/** Deployment CLIs that set environment variables of the app they deploy (or of a container they start). */
const DEPLOYERS = new Set([
  'railway',
  'heroku',
  'fly',
  'flyctl',
  'kubectl',
  'oc',
  'docker',
  'podman',
  'nerdctl',
  'gh',
  'dokku',
  'az',
  'render',
  'vercel',
  'netlify',
  'cf',
  'gcloud',
]);
/** The sub-command that sets variables, per CLI (the words before the `NAME=value` arguments). */
const DEPLOY_SETTER =
  /^(?:railway (?:variables?|vars?)(?: set)?|heroku config:set|dokku config:set|(?:fly|flyctl) (?:secrets|config) set|(?:kubectl|oc) set env|(?:docker|podman|nerdctl) (?:run|create|exec|service create|service update)|gh (?:variable|secret) set|az (?:webapp|functionapp) config appsettings set|az containerapp (?:update|create)|render env set|netlify env:set|cf set-env|gcloud run (?:deploy|services update))\b/;

/**
 * `railway variables set NODE_TLS_REJECT_UNAUTHORIZED="0"`, `heroku config:set …`, `fly secrets set …`, `kubectl
 * set env deploy/api …`, `docker run -e …`, `gh variable set NAME --body 0`: a process-wide override set as a
 * variable of the deployed app is as much in force as an `export` (only the variables the env table knows).
 */
function deployedEnv(ctx: Ctx, name: string, args: readonly Word[], cmd: readonly Word[]): void {
  const words = args.filter((w) => !w.value.startsWith('-')).map((w) => w.value);
  if (!DEPLOY_SETTER.test([name, ...words.slice(0, 4)].join(' '))) return;
  for (let j = 0; j < args.length; j++) {
    const w = args[j];
    // `--set NAME=0`, `-e NAME=0`, `--env=NAME=0`, `--set-env-vars NAME=0`, `--settings NAME=0`.
    const opt = /^--?[\w-]+=(?=[A-Za-z_]\w*=)/.exec(w.value);
    if (opt) checkAssignment(ctx, { ...w, value: w.value.slice(opt[0].length), start: w.start + opt[0].length }, cmd);
    else if (ASSIGNMENT.test(w.value)) checkAssignment(ctx, w, cmd);
  }
  // gh: `gh variable set NAME --body 0` / `-b 0` / `-b0`.
  if (name !== 'gh') return;
  const at = args.findIndex((w) => /^(?:--body|-b)/.test(w.value));
  const target = args.find((w, j) => j > 1 && j < (at < 0 ? args.length : at) && !w.value.startsWith('-'));
  if (at < 0 || !target) return;
  const inline = /^(?:--body=|-b)(.+)$/.exec(args[at].value)?.[1];
  const value = inline ?? args[at + 1];
  const v = typeof value === 'string' ? value : value?.value;
  if (v === undefined || (typeof value !== 'string' && value?.dynamic) || args[at].dynamic) return;
  const last = typeof value === 'string' ? args[at] : value!;
  const [start, end] = ctx.src.span(target.start, last.end);
  checkEnv(ctx.doc, { name: target.value, value: v, start, end }, ctx.out);
}

// curl's short options that take an argument: in `-sSkL` the k is a flag, in `-XPOST` or `-Hk` it is not.
const CURL_ARG_OPTS = 'AbcCdDeEFHKmoPQrtTuUwxXyYz';

function curlClusterHasK(flag: string): boolean {
  for (const ch of flag.slice(1)) {
    if (ch === 'k') return true;
    if (CURL_ARG_OPTS.includes(ch)) return false;
  }
  return false;
}

type Analyser = (ctx: Ctx, args: readonly Word[], cmd: readonly Word[]) => void;

const PROGRAMS: Record<string, Analyser> = {
  curl(ctx, args, cmd) {
    for (let i = 0; i < args.length; i++) {
      const v = args[i].value;
      if (v === '--') return;
      const cluster = /^-[a-zA-Z]+$/.test(v);
      if (/^--(?:proxy-|doh-)?insecure$/.test(v) || (cluster && curlClusterHasK(v))) {
        report(ctx, SH.curl, args[i], args[i], cmd);
      } else if (cluster && CURL_ARG_OPTS.includes(v[v.length - 1])) i++; // the option's value is the next word
    }
  },
  wget(ctx, args, cmd) {
    for (let i = 0; i < args.length; i++) {
      const v = args[i].value;
      if (/^--no-check-certificates?$|^--check-certificate=(?:off|no|0|false)$/i.test(v)) {
        report(ctx, SH.wget, args[i], args[i], cmd);
      } else if ((v === '-e' || v === '--execute') && WGETRC_OFF.test(args[i + 1]?.value ?? '')) {
        report(ctx, SH.wget, args[i], args[++i], cmd);
      } else if (/^(?:-e|--execute=)/.test(v) && WGETRC_OFF.test(v.replace(/^(?:-e|--execute=)/, ''))) {
        report(ctx, SH.wget, args[i], args[i], cmd);
      }
    }
  },
  git: gitCommand,
  npm: npmCommand,
  pip: pipCommand,
  deno(ctx, args, cmd) {
    for (const w of args) {
      if (/^--unsafely-ignore-certificate-errors(?:=.*)?$/.test(w.value)) report(ctx, SH.deno, w, w, cmd);
    }
  },
  aws(ctx, args, cmd) {
    for (const w of args) if (w.value === '--no-verify-ssl') report(ctx, SH.aws, w, w, cmd);
  },
  gcloud(ctx, args, cmd) {
    configSet(ctx, args, cmd, SH.gcloud, /^auth\/disable_ssl_validation$/, TRUE);
  },
  poetry(ctx, args, cmd) {
    configSet(ctx, args, cmd, SH.poetry, /^certificates\.[^.\s]+\.cert$/, FALSY);
  },
  composer(ctx, args, cmd) {
    configSet(ctx, args, cmd, SH.composer, /^disable-tls$/, TRUE);
    configSet(ctx, args, cmd, SH.composer, /^secure-http$/, FALSY);
  },
  dockerd(ctx, args, cmd) {
    for (let i = 0; i < args.length; i++) {
      const v = args[i].value;
      if (v === '--insecure-registry' && args[i + 1]) {
        report(ctx, CFG.dockerInsecureRegistries, args[i], args[++i], cmd);
      } else if (v.startsWith('--insecure-registry=')) report(ctx, CFG.dockerInsecureRegistries, args[i], args[i], cmd);
    }
  },
  podman: containerTlsVerify,
  'podman-remote': containerTlsVerify,
  skopeo: containerTlsVerify,
  buildah: containerTlsVerify,
  dnf: dnfSetopt,
  dnf5: dnfSetopt,
  yum: dnfSetopt,
  microdnf: dnfSetopt,
  tdnf: dnfSetopt,
  'yum-config-manager': dnfSetopt,
  apt: aptOption,
  'apt-get': aptOption,
  'apt-cache': aptOption,
  aptitude: aptOption,
  zypper(ctx, args, cmd) {
    for (const w of args) if (ZYPPER_NO_VERIFY.test(w.value)) report(ctx, SH.zypperSslVerify, w, w, cmd);
  },
  bundle(ctx, args, cmd) {
    configSet(ctx, args, cmd, SH.toolInsecureFlag, /^ssl_verify_mode$/, /^0$/);
  },
  conda(ctx, args, cmd) {
    const i = args.findIndex((w) => w.value === '--set');
    if (i >= 0 && args[i + 1]?.value === 'ssl_verify' && FALSY.test(args[i + 2]?.value ?? '') && !args[i + 2].dynamic) {
      report(ctx, SH.conda, args[i + 1], args[i + 2], cmd);
    }
  },
};

const TRUE = /^(?:true|1|yes|on)$/i;
/** `sslverify=0`, `<repo>.sslverify=false`, `*.sslverify=no` (the value of dnf's --setopt). */
const DNF_SSLVERIFY_OFF = /^(?:[^=\s]+\.)?sslverify=(?:0|false|no|off)$/i;
/** `Acquire::https[::<host>]::Verify-Peer=false` (the value of apt's -o). */
const APT_VERIFY_OFF = /^Acquire::https::(?:[\w.-]+::)?Verify-(?:Peer|Host)=(?:false|no|0|off)$/i;
const ZYPPER_NO_VERIFY = /^[a-z]+:\/\/\S*[?&]ssl_verify=(?:no|0|false|off)(?:&|$)/i;

/** dnf/yum `--setopt=sslverify=0` (one word or two). */
function dnfSetopt(ctx: Ctx, args: readonly Word[], cmd: readonly Word[]): void {
  optionValues(ctx, args, cmd, /^--setopt$/, DNF_SSLVERIFY_OFF, SH.dnfSslverify);
}

/** apt-get `-o Acquire::https::Verify-Peer=false` (also `-o…` in one word and `--option`). */
function aptOption(ctx: Ctx, args: readonly Word[], cmd: readonly Word[]): void {
  optionValues(ctx, args, cmd, /^(?:-o|--option)$/, APT_VERIFY_OFF, SH.aptVerifyPeer);
}

/**
 * Reports `<option> <value>`, `<option>=<value>` and (for a short option) `<option><value>` when the value is
 * insecure and literal.
 */
function optionValues(
  ctx: Ctx,
  args: readonly Word[],
  cmd: readonly Word[],
  option: RegExp,
  insecure: RegExp,
  rule: RuleMeta,
): void {
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    if (w.dynamic) continue;
    if (option.test(w.value)) {
      const v = args[i + 1];
      if (v && !v.dynamic && insecure.test(v.value)) report(ctx, rule, w, args[++i], cmd);
      continue;
    }
    const eq = /^(--[\w-]+=|-[a-zA-Z])(.+)$/.exec(w.value);
    if (eq && option.test(eq[1].replace(/=$/, '')) && insecure.test(eq[2])) report(ctx, rule, w, w, cmd);
  }
}
const TLS_VERIFY = /^--(?:src-|dest-)?tls-verify(?:=(.*))?$/;
/** skopeo's `--src-tls-verify=false` / `--dest-tls-verify=false`: no other program has these names. */
const SKOPEO_ENDS = /^--(?:src|dest)-tls-verify=(?:false|0)$/;

/** podman/skopeo/buildah `--tls-verify=false`, skopeo's `--src-tls-verify` / `--dest-tls-verify`, `--tls-verify false`. */
function containerTlsVerify(ctx: Ctx, args: readonly Word[], cmd: readonly Word[]): void {
  for (let i = 0; i < args.length; i++) {
    const m = TLS_VERIFY.exec(args[i].value);
    if (!m || args[i].dynamic) continue;
    if (m[1] !== undefined) {
      if (FALSY.test(m[1])) report(ctx, SH.containerTls, args[i], args[i], cmd);
    } else if (FALSY.test(args[i + 1]?.value ?? '') && !args[i + 1].dynamic) {
      report(ctx, SH.containerTls, args[i], args[++i], cmd);
    }
  }
}

/** `<tool> config [options] <key> <value>` (gcloud: `config set <key> <value>`): reports key and value when they match. */
function configSet(
  ctx: Ctx,
  args: readonly Word[],
  cmd: readonly Word[],
  rule: RuleMeta,
  key: RegExp,
  insecure: RegExp,
): void {
  const all = args.filter((w) => !w.value.startsWith('-'));
  // `composer global config …` sets the same keys in the global composer home.
  const words = all[0]?.value === 'global' ? all.slice(1) : all;
  if (words[0]?.value !== 'config') return;
  const rest = words[1]?.value === 'set' ? words.slice(2) : words.slice(1);
  const [k, v] = rest;
  if (k && v && key.test(k.value) && insecure.test(v.value) && !v.dynamic) report(ctx, rule, k, v, cmd);
}

const WGETRC_OFF = /^check_?-?certificates?\s*=\s*(?:off|no|0|false)$/i;
const FALSY = /^(?:false|no|off|0)$/i;
const GIT_SSL_VERIFY = /^http\.(?:.+\.)?sslverify$/i;

function gitCommand(ctx: Ctx, args: readonly Word[], cmd: readonly Word[]): void {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    const kv = v === '-c' || v === '--config' ? args[i + 1] : undefined;
    const inline = /^--config=/.test(v) ? v.slice(9) : undefined;
    const pair = kv?.value ?? inline;
    if (pair && !(kv ?? args[i]).dynamic) {
      const [key, val] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (pair.includes('=') && GIT_SSL_VERIFY.test(key) && FALSY.test(val)) {
        report(ctx, SH.git, kv ?? args[i], kv ?? args[i], cmd);
      }
    }
    if (v === 'config') return gitConfig(ctx, args.slice(i + 1), cmd);
  }
}

const GIT_CONFIG_ARG_OPTS = new Set(['-f', '--file', '--blob', '--type', '--default', '--comment', '--value']);

/** `git config [--global] [set] http.sslVerify false` and `git config http.sslVerify=false`-style mistakes. */
function gitConfig(ctx: Ctx, args: readonly Word[], cmd: readonly Word[]): void {
  const rest: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    if (GIT_CONFIG_ARG_OPTS.has(args[i].value)) i++;
    else if (!args[i].value.startsWith('-')) rest.push(args[i]);
  }
  if (rest[0]?.value === 'set' || rest[0]?.value === 'add' || rest[0]?.value === 'replace-all') rest.shift();
  const [key, val] = rest;
  if (key && val && GIT_SSL_VERIFY.test(key.value) && FALSY.test(val.value) && !val.dynamic) {
    report(ctx, SH.git, key, val, cmd);
  }
}

const NPM_KEY = /^(?:strict-ssl|strict_ssl|enableStrictSsl)$/;

/** `npm config set strict-ssl false`, `npm set strict-ssl=false`, `yarn config set enableStrictSsl false`, `--no-strict-ssl`. */
function npmCommand(ctx: Ctx, args: readonly Word[], cmd: readonly Word[]): void {
  for (const w of args) {
    if (/^--(?:no-strict-ssl|strict-ssl=false)$/i.test(w.value)) report(ctx, SH.npm, w, w, cmd);
  }
  const words = args.filter((w) => !w.value.startsWith('-'));
  const at = words.findIndex((w) => w.value === 'set');
  if (at < 0 || (at > 0 && words[at - 1].value !== 'config')) return;
  const key = words[at + 1];
  if (!key || key.dynamic) return;
  const eq = key.value.indexOf('=');
  if (eq > 0 && NPM_KEY.test(key.value.slice(0, eq)) && FALSY.test(key.value.slice(eq + 1))) {
    return report(ctx, SH.npm, key, key, cmd);
  }
  const val = words[at + 2];
  if (val && NPM_KEY.test(key.value) && FALSY.test(val.value) && !val.dynamic) report(ctx, SH.npm, key, val, cmd);
}

/** `pip install --trusted-host h`, `--trusted-host=h`, `pip config set global.trusted-host h`, `uv --allow-insecure-host`. */
function pipCommand(ctx: Ctx, args: readonly Word[], cmd: readonly Word[]): void {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--trusted-host' && args[i + 1]) report(ctx, SH.pip, args[i], args[++i], cmd);
    else if (v.startsWith('--trusted-host=')) report(ctx, SH.pip, args[i], args[i], cmd);
    else if (/^[\w]+\.trusted-host$/.test(v) && args[i - 1]?.value === 'set' && args[i + 1]) {
      report(ctx, SH.pip, args[i], args[++i], cmd);
    }
  }
}

/** Wagon's properties, and Maven 3.9's resolver transport equivalent (`aether.connector.https.securityMode`). */
const MAVEN =
  /-Dmaven\.wagon\.http\.ssl\.(?:insecure|allowall|ignore\.validity\.dates)=true\b|-Daether\.connector\.https\.securityMode=insecure\b/g;

/** Cheap test for `mavenFlags`: one of its property prefixes is in the text. */
export function mayHoldMavenFlags(text: string): boolean {
  return text.includes('-Dmaven.wagon') || text.includes('-Daether.connector');
}

/** Maven's wagon properties can sit in any word or value (mvn args, MAVEN_OPTS, .mvn/maven.config). */
export function mavenFlags(ctx: Ctx): void {
  MAVEN.lastIndex = 0;
  for (let m = MAVEN.exec(ctx.src.text); m; m = MAVEN.exec(ctx.src.text)) {
    const [start, end] = ctx.src.span(m.index, m.index + m[0].length);
    ctx.out.push(finding(ctx.doc, SH.maven, start, end));
  }
}
