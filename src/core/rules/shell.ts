// Shell commands that switch TLS verification off: `curl -k`, `wget --no-check-certificate`, `git -c
// http.sslVerify=false`, `npm config set strict-ssl false`, `pip --trusted-host`, `kubectl --insecure-skip-tls-verify`,
// `-Dmaven.wagon.http.ssl.insecure=true`, plus the environment knobs of env.ts when a command sets them
// (`export X=…`, `X=… cmd`, `cross-env X=…`). The commands come from shell scripts and, through ci.ts, from
// Dockerfiles, Makefiles, CI YAML and package.json scripts. Works on words, not regexes over lines, so `-k` of
// another command, a flag inside a quoted message, or a comment is not a finding.
import { surfacesOf, isShellSurface } from './ci';
import { checkEnv, Doc, docOf, EnvAssignment, Source } from './env';
import { ENV } from './catalog/env';
import { finding } from './match';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily, RuleMeta } from './types';
import { SH } from './catalog/shell';

/** One shell word: its value after quote removal and the [start, end) of its text in the Source. */
export interface Word {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** Contains `$…` or a backtick outside single quotes: only known at run time. */
  readonly dynamic: boolean;
}

const SEPARATORS = new Set([';', '&', '|', '(', ')', '`', '\n', '{', '}']);
/** A run of characters with no quoting, expansion or operator meaning (read in one regex step, for speed). */
const PLAIN = /[^\s'"\\$<>;&|()`{}]+/y;
/** Blanks between words. */
const BLANKS = /[ \t\r]+/y;

/**
 * Splits shell text into simple commands (lists of words). Skips comments and here-document bodies. With `relevant`,
 * also skips whole lines that cannot matter: a line that starts a command, does not match `relevant`, and carries no
 * state into the next line (no trailing `\`, no `<<`, an even number of each quote character) yields no words.
 * Building words is the costly part, and most lines of a long script are such lines.
 */
export function commands(src: string, relevant?: RegExp): Word[][] {
  return new Tokenizer(src, relevant).run();
}

class Tokenizer {
  private i = 0;
  private readonly out: Word[][] = [];
  private cmd: Word[] = [];
  private heredocs: { tag: string; strip: boolean }[] = [];

  constructor(private readonly s: string, private readonly relevant?: RegExp) {}

  run(): Word[][] {
    this.skipIrrelevantLine();
    while (this.i < this.s.length) this.step();
    this.end();
    return this.out;
  }

  /** At the start of a line with no command under way: jump over the line if it cannot produce a finding. */
  private skipIrrelevantLine(): void {
    while (this.relevant && this.cmd.length === 0 && this.i < this.s.length) {
      const nl = this.s.indexOf('\n', this.i);
      const line = this.s.slice(this.i, nl === -1 ? this.s.length : nl);
      if (this.relevant.test(line) || /\\\r?$|<</.test(line) || odd(line, "'") || odd(line, '"')) return;
      this.i = nl === -1 ? this.s.length : nl + 1;
    }
  }

  private step(): void {
    const s = this.s;
    const c = s[this.i];
    if (c === ' ' || c === '\t' || c === '\r') { BLANKS.lastIndex = this.i; BLANKS.exec(s); this.i = BLANKS.lastIndex; return; }
    if (c === '\\' && (s[this.i + 1] === '\n' || (s[this.i + 1] === '\r' && s[this.i + 2] === '\n'))) { this.i += s[this.i + 1] === '\n' ? 2 : 3; return; }
    if (c === '#') { this.skipTo('\n'); return; }
    if (c === '\n') { this.end(); this.i++; this.skipHeredocs(); this.skipIrrelevantLine(); return; }
    if (SEPARATORS.has(c) || (c === '$' && s[this.i + 1] === '(')) { this.end(); this.i += c === '$' ? 2 : 1; return; }
    if (c === '<' && s[this.i + 1] === '<' && s[this.i + 2] !== '<') { this.heredoc(); return; }
    if (c === '<' || c === '>') { this.i++; return; }
    this.word();
  }

  private skipTo(ch: string): void {
    const j = this.s.indexOf(ch, this.i);
    this.i = j === -1 ? this.s.length : j;
  }

  private end(): void {
    if (this.cmd.length) this.out.push(this.cmd);
    this.cmd = [];
  }

  /** `<<TAG`, `<<-TAG`, `<<'TAG'`: remember the tag; the body starts after the end of this line. */
  private heredoc(): void {
    const m = /^<<(-?)[ \t]*(["']?)([\w.-]+)\2/.exec(this.s.slice(this.i, this.i + 80));
    if (!m) { this.i += 2; return; }
    this.heredocs.push({ tag: m[3], strip: m[1] === '-' });
    this.i += m[0].length;
  }

  private skipHeredocs(): void {
    for (const h of this.heredocs) {
      while (this.i < this.s.length) {
        const nl = this.s.indexOf('\n', this.i);
        const line = this.s.slice(this.i, nl === -1 ? this.s.length : nl).replace(/\r$/, '');
        this.i = nl === -1 ? this.s.length : nl + 1;
        if ((h.strip ? line.replace(/^\t+/, '') : line).trim() === h.tag) break;
      }
    }
    this.heredocs = [];
  }

  /** Reads one word: quotes are removed, `\x` escapes resolved, `$` marks the word dynamic. */
  private word(): void {
    const s = this.s;
    const start = this.i;
    let value = '';
    let dynamic = false;
    while (this.i < s.length) {
      PLAIN.lastIndex = this.i;
      const run = PLAIN.exec(s);
      if (run) { value += run[0]; this.i += run[0].length; continue; }
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '<' || c === '>' || SEPARATORS.has(c)) break;
      if (c === '$' && s[this.i + 1] === '(') break;
      if (c === '\'') { const j = s.indexOf('\'', this.i + 1); const e = j === -1 ? s.length : j; value += s.slice(this.i + 1, e); this.i = e + 1; continue; }
      if (c === '"') { const r = this.doubleQuoted(); value += r.value; dynamic ||= r.dynamic; continue; }
      if (c === '\\') { value += s[this.i + 1] ?? ''; this.i += 2; continue; }
      if (c === '$') dynamic = true;
      value += c;
      this.i++;
    }
    if (this.i > start) this.cmd.push({ value, start, end: Math.min(this.i, s.length), dynamic });
    else this.i++;
  }

  private doubleQuoted(): { value: string; dynamic: boolean } {
    const s = this.s;
    let value = '';
    let dynamic = false;
    let j = this.i + 1;
    for (; j < s.length && s[j] !== '"'; j++) {
      if (s[j] === '\\' && '"\\$`\n'.includes(s[j + 1])) { value += s[++j]; continue; }
      if (s[j] === '$' || s[j] === '`') dynamic = true;
      value += s[j];
    }
    this.i = j + 1;
    return { value, dynamic };
  }
}

/** True when `line` holds an odd number of `quote` characters (a quote may stay open into the next line). */
function odd(line: string, quote: string): boolean {
  let n = 0;
  for (let j = line.indexOf(quote); j !== -1; j = line.indexOf(quote, j + 1)) n++;
  return n % 2 === 1;
}

// ---- command analysis ------------------------------------------------------------------------------------

/** Where findings go and how words map back to the file. */
interface Ctx {
  readonly doc: Doc;
  readonly src: Source;
  readonly out: Finding[];
}

function report(ctx: Ctx, rule: RuleMeta, from: Word, to: Word = from, cmd?: readonly Word[]): void {
  const [start, end] = ctx.src.span(from.start, to.end);
  const context = cmd?.length ? ctx.src.span(cmd[0].start, cmd[cmd.length - 1].end) : undefined;
  ctx.out.push(finding(ctx.doc, rule, start, end, context));
}

const ASSIGNMENT = /^([A-Za-z_]\w*)=/;
/** Commands that run the rest of the line as another command (after their own options and assignments). */
const WRAPPERS = new Set(['sudo', 'doas', 'env', 'exec', 'command', 'nohup', 'time', 'nice', 'xargs', 'cross-env', 'cross-env-shell', 'npx', 'run-with']);
const EXPORTS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
/** Reserved words that may start a simple command in a compound one (`if …; then curl -k …; fi`). */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!']);

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
function analyse(ctx: Ctx, cmd: readonly Word[]): void {
  let i = 0;
  for (;;) {
    while (i < cmd.length && ASSIGNMENT.test(cmd[i].value)) checkAssignment(ctx, cmd[i++], cmd);
    if (KEYWORDS.has(cmd[i]?.value ?? '')) { i++; continue; }
    if (!WRAPPERS.has(prog(cmd[i]))) break;
    i++;
    while (i < cmd.length && cmd[i].value.startsWith('-')) i += /^-[ugCnP]$/.test(cmd[i].value) ? 2 : 1;
  }
  const name = prog(cmd[i]);
  const args = cmd.slice(i + 1);
  if (EXPORTS.has(name) || name === 'setenv') return exportArgs(ctx, name, args, cmd);
  PROGRAMS[programKey(name, args)]?.(ctx, args, cmd);
  for (const w of args) if (/^--insecure-skip-tls-verify(?:=true)?$/.test(w.value)) report(ctx, SH.kube, w, w, cmd);
}

/** `python -m pip …` is pip; `pip3.11` is pip; everything else is its own name. */
function programKey(name: string, args: readonly Word[]): string {
  if (/^python[\d.]*$|^py$/.test(name) && args[0]?.value === '-m' && /^pip[\d.]*$/.test(args[1]?.value ?? '')) return 'pip';
  if (/^pip[\d.]*$|^pipx$/.test(name)) return 'pip';
  if (name === 'pnpm' || name === 'yarn') return 'npm';
  if (name === 'mamba' || name === 'micromamba') return 'conda';
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
      if (/^--(?:proxy-|doh-)?insecure$/.test(v) || (cluster && curlClusterHasK(v))) report(ctx, SH.curl, args[i], args[i], cmd);
      else if (cluster && CURL_ARG_OPTS.includes(v[v.length - 1])) i++; // the option's value is the next word
    }
  },
  wget(ctx, args, cmd) {
    for (let i = 0; i < args.length; i++) {
      const v = args[i].value;
      if (/^--no-check-certificates?$|^--check-certificate=(?:off|no|0|false)$/i.test(v)) report(ctx, SH.wget, args[i], args[i], cmd);
      else if ((v === '-e' || v === '--execute') && WGETRC_OFF.test(args[i + 1]?.value ?? '')) report(ctx, SH.wget, args[i], args[++i], cmd);
      else if (/^(?:-e|--execute=)/.test(v) && WGETRC_OFF.test(v.replace(/^(?:-e|--execute=)/, ''))) report(ctx, SH.wget, args[i], args[i], cmd);
    }
  },
  git: gitCommand,
  npm: npmCommand,
  pip: pipCommand,
  conda(ctx, args, cmd) {
    const i = args.findIndex((w) => w.value === '--set');
    if (i >= 0 && args[i + 1]?.value === 'ssl_verify' && FALSY.test(args[i + 2]?.value ?? '') && !args[i + 2].dynamic) report(ctx, SH.conda, args[i + 1], args[i + 2], cmd);
  },
};

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
      if (pair.includes('=') && GIT_SSL_VERIFY.test(key) && FALSY.test(val)) report(ctx, SH.git, kv ?? args[i], kv ?? args[i], cmd);
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
  if (key && val && GIT_SSL_VERIFY.test(key.value) && FALSY.test(val.value) && !val.dynamic) report(ctx, SH.git, key, val, cmd);
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
  if (eq > 0 && NPM_KEY.test(key.value.slice(0, eq)) && FALSY.test(key.value.slice(eq + 1))) return report(ctx, SH.npm, key, key, cmd);
  const val = words[at + 2];
  if (val && NPM_KEY.test(key.value) && FALSY.test(val.value) && !val.dynamic) report(ctx, SH.npm, key, val, cmd);
}

/** `pip install --trusted-host h`, `--trusted-host=h`, `pip config set global.trusted-host h`, `uv --allow-insecure-host`. */
function pipCommand(ctx: Ctx, args: readonly Word[], cmd: readonly Word[]): void {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--trusted-host' && args[i + 1]) report(ctx, SH.pip, args[i], args[++i], cmd);
    else if (v.startsWith('--trusted-host=')) report(ctx, SH.pip, args[i], args[i], cmd);
    else if (/^[\w]+\.trusted-host$/.test(v) && args[i - 1]?.value === 'set' && args[i + 1]) report(ctx, SH.pip, args[i], args[++i], cmd);
  }
}

const MAVEN = /-Dmaven\.wagon\.http\.ssl\.(?:insecure|allowall|ignore\.validity\.dates)=true\b/g;

/** Maven's wagon properties can sit in any word or value (mvn args, MAVEN_OPTS, .mvn/maven.config). */
function mavenFlags(ctx: Ctx): void {
  MAVEN.lastIndex = 0;
  for (let m = MAVEN.exec(ctx.src.text); m; m = MAVEN.exec(ctx.src.text)) {
    const [start, end] = ctx.src.span(m.index, m.index + m[0].length);
    ctx.out.push(finding(ctx.doc, SH.maven, start, end));
  }
}

/** Runs every shell rule over one Source (a script, a YAML `run:` block, a package.json script, …). */
export function scanShellSource(doc: Doc, src: Source, out: Finding[]): void {
  const ctx: Ctx = { doc, src, out };
  for (const cmd of commands(src.text, PREFILTER)) analyse(ctx, cmd);
  if (src.text.includes('-Dmaven.wagon')) mavenFlags(ctx);
}

/** Env assignments found outside commands (Dockerfile ENV, CI `env:` maps): the env rules plus Maven properties in values. */
export function scanAssignment(doc: Doc, a: EnvAssignment, out: Finding[]): void {
  checkEnv(doc, a, out);
  if (a.value.includes('-Dmaven.wagon')) scanShellSource(doc, new Source(doc.text.slice(a.start, a.end), a.start), out);
}

const PREFILTER = /curl|wget|sslverify|strict.?ssl|trusted.host|insecure|maven\.wagon|ssl_verify|NODE_TLS|PYTHONHTTPSVERIFY|GIT_SSL|_CA_BUNDLE|GOINSECURE/i;

/** Docs: which files this family reads (ends each rule page's "What is and is not matched"). */
const WHERE = 'Where: Shell scripts (`.sh`, `.bash`, `.zsh`, `.envrc`, extension-less files with a shell shebang), Dockerfile `RUN`/`CMD`/`ENTRYPOINT` (continuations, exec form and heredocs included), Makefile recipes, `package.json` scripts and CI YAML (`run:`, `script:`, `before_script:`, `command:`, Ansible `shell:`…).';

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
    return dedupe(out);
  },
});

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
