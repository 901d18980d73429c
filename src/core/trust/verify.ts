// Proof with the real tools, not a simulation: each configured tool fetches the URL in a NEW shell (bash -ic: it reads
// the startup files, so it sees exactly what a new terminal sees) started from a clean environment (these machines
// preset REQUESTS_CA_BUNDLE, SSL_CERT_FILE and friends globally; those must not make a check pass).
import { spawn } from 'node:child_process';
import { shellSingleQuoted } from '../text/quote';
import type { ToolId } from './detect';

/** ok: the tool succeeded; tls-ok: TLS verified, then the server said no (404, not a repository…); fail; skipped. */
export type VerifyStatus = 'ok' | 'tls-ok' | 'fail' | 'skipped';

export interface VerifyResult {
  readonly tool: ToolId;
  readonly url: string;
  readonly status: VerifyStatus;
  /** The tool's own error line (or why it was skipped). */
  readonly detail?: string;
  readonly command?: string;
  readonly elapsedMs?: number;
}

/** Variables a new shell inherits from the session (everything else, CA variables included, is dropped). */
const KEEP = [
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'PATH',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TERM',
  'TMPDIR',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'ZDOTDIR',
  'APPDATA',
  'LOCALAPPDATA',
  'USERPROFILE',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NPM_CONFIG_USERCONFIG',
  'CURL_HOME',
  'WGETRC',
];

/** The environment of a new terminal: the session basics only. */
export function newShellEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(KEEP.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
}

function origin(url: string): string {
  return new URL(url).origin;
}

/** One HTTPS GET with the JDK's default trust (javax.net.ssl.* from JAVA_TOOL_OPTIONS); the exception's message on failure. */
const JAVA_CHECK =
  'public class Check { public static void main(String[] a) throws Exception { try { var c = (java.net.HttpURLConnection) new java.net.URL(a[0]).openConnection(); c.setConnectTimeout(10000); c.setReadTimeout(10000); c.getResponseCode(); } catch (Exception e) { System.err.println(e); System.exit(1); } } }';

/** The shell command that makes `tool` fetch `url`, or undefined when there is no cheap, honest check for it. */
export function checkCommand(tool: ToolId, url: string): string | undefined {
  const u = shellSingleQuoted(url);
  switch (tool) {
    case 'python':
      return `python3 -c ${shellSingleQuoted('import sys, urllib.request\ntry:\n import requests\nexcept ImportError:\n requests = None\nif requests: requests.get(sys.argv[1], timeout=10)\nurllib.request.urlopen(sys.argv[1], timeout=10)\nprint("ok")')} ${u}`;
    case 'pip':
      return `python3 -m pip index versions pip --index-url ${shellSingleQuoted(`${origin(url)}/simple/`)} --retries 0 --timeout 10 --disable-pip-version-check --no-cache-dir`;
    case 'node':
      return `node -e ${shellSingleQuoted('require("https").get(process.argv[1], (r) => { r.resume(); r.on("end", () => process.exit(0)); }).on("error", (e) => { console.error(`${e.code}: ${e.message}`); process.exit(1); })')} ${u}`;
    case 'npm':
      return `npm ping --registry ${shellSingleQuoted(`${origin(url)}/`)} --fetch-retries=0 --no-update-notifier`;
    case 'git':
      return `GIT_TERMINAL_PROMPT=0 git ls-remote ${u}`;
    case 'curl':
      return `curl -sS -o /dev/null --max-time 10 ${u}`;
    case 'wget':
      return `wget -nv -O /dev/null --timeout=10 --tries=1 ${u}`;
    // Java ≥ 11 runs a single source file; the JVM reads JAVA_TOOL_OPTIONS (the truststore) from the new shell.
    case 'java':
      return `d=$(mktemp -d) && printf '%s' ${shellSingleQuoted(JAVA_CHECK)} > "$d/Check.java" && java "$d/Check.java" ${u}; rc=$?; rm -rf "$d"; exit $rc`;
    // The AWS CLI against the URL as an S3 endpoint, unsigned, without retries or the instance metadata lookup: TLS
    // verified, then the server's answer (an S3 error) is a tls-ok.
    case 'aws':
      return `AWS_EC2_METADATA_DISABLED=true AWS_MAX_ATTEMPTS=1 aws s3 ls --endpoint-url ${shellSingleQuoted(origin(url))} --no-sign-request --region us-east-1 --cli-connect-timeout 10 --cli-read-timeout 10`;
    // gcloud against the URL as the Resource Manager endpoint with a dummy token (no login, no prompt): TLS verified,
    // then "not found" is a tls-ok (the project name must not look like a TLS word: the classifier reads it). A TLS failure is retried by gcloud for ~30 s before it prints it.
    case 'gcloud':
      return `t=$(mktemp) && echo none > "$t" && CLOUDSDK_CORE_DISABLE_PROMPTS=1 CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER=${shellSingleQuoted(`${origin(url)}/`)} gcloud projects describe verify-check-project --access-token-file="$t"; rc=$?; rm -f "$t"; exit $rc`;
    // Deno and Bun: their own fetch (their own roots), one request.
    case 'deno':
      return `deno eval ${shellSingleQuoted(`const r = await fetch(${JSON.stringify(url)}); await r.body?.cancel();`)}`;
    case 'bun':
      return `bun -e ${shellSingleQuoted(`const r = await fetch(${JSON.stringify(url)}); await r.arrayBuffer();`)}`;
    default:
      return undefined;
  }
}

const STRONG_TLS =
  /CERTIFICATE_VERIFY_FAILED|certificate verify failed|SSL certificate problem|SELF_SIGNED|self[- ]signed certificate|local issuer|not trusted|verification failed|PKIX|UnknownIssuer|unknown authority/i;
const TLS_WORDS = /certific|ssl|tls|x509|self[- ]signed|local issuer|PKIX|CERT_|UNABLE_TO|verify failed/i;
const HTTP_REFUSAL = /\b(?:40[0-9]|50[0-9])\b|not found|E404|does not appear to be a git repository/i;
// Noise of an interactive shell without a terminal.
const SHELL_NOISE = /^bash: (cannot set terminal process group|no job control in this shell)/;

/** Reads the tool's exit code and output into a status and its most telling line. */
export function classify(code: number | null, output: string): { status: VerifyStatus; detail?: string } {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !SHELL_NOISE.test(l));
  if (code === 0) return { status: 'ok' };
  // The last line naming the verification failure (Python's exception comes last, after traceback lines that only
  // mention `ssl`), else the first line about TLS at all.
  const tlsLine = [...lines].reverse().find((l) => STRONG_TLS.test(l)) ?? lines.find((l) => TLS_WORDS.test(l));
  if (tlsLine) return { status: 'fail', detail: tlsLine };
  const last = lines[lines.length - 1] ?? (code === null ? 'timed out' : `exit code ${code}`);
  if (lines.some((l) => HTTP_REFUSAL.test(l))) return { status: 'tls-ok', detail: last };
  return { status: 'fail', detail: last };
}

/** Runs `command` in a new bash with `env` (interactive by default; `-lc` for a login shell), within `timeoutMs`. */
export function runInNewShell(
  command: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  flags = '-ic',
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [flags, command], {
      env,
      cwd: env.HOME,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL'); // the whole group: the tool, not only bash
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: 127, output: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: code === null ? `${output}\ntimed out after ${timeoutMs} ms` : output });
    });
  });
}

/**
 * Verifies each tool against each URL in a new shell, a few at a time. `extra`: variables the tool gets on top of a new
 * shell's (the workspace scope's .env, as a process started from the workspace sees them).
 */
export async function verifyTools(
  tools: readonly ToolId[],
  urls: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 20_000,
  extra: Readonly<Record<string, string>> = {},
): Promise<VerifyResult[]> {
  const jobs = urls.flatMap((url) => tools.map((tool) => ({ tool, url })));
  const clean = { ...newShellEnv(env), ...extra };
  const out: VerifyResult[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      const { tool, url } = jobs[i];
      const command = checkCommand(tool, url);
      if (!command) {
        out[i] = { tool, url, status: 'skipped', detail: 'no check for this tool yet' };
        continue;
      }
      const started = performance.now();
      const r = await runInNewShell(command, clean, timeoutMs);
      out[i] = {
        tool,
        url,
        command,
        ...classify(r.code, r.output),
        elapsedMs: Math.round(performance.now() - started),
      };
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return out;
}

/** True when every tool that was checked verified (and at least one was). */
export function allVerified(results: readonly VerifyResult[]): boolean {
  const checked = results.filter((r) => r.status !== 'skipped');
  return checked.length > 0 && checked.every((r) => r.status === 'ok' || r.status === 'tls-ok');
}
