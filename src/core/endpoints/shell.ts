// The URL of a shell command line (curl, wget, git, httpie) that contains a finding: in a script, a Dockerfile RUN,
// a CI `run:` step or a package.json script. Only the command segment holding the finding counts (`a && b` are two).
import type { Scope } from './expr';
import { Endpoint, toEndpoint } from './url';

const COMMAND = /(?:^|[\s"'`(;&|=])(curl|wget|git|https?)(?=\s)/g;
/** Options whose next word is a value, never the target URL. */
const TAKES_VALUE = new Set([
  '-x',
  '--proxy',
  '-e',
  '--referer',
  '-H',
  '--header',
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '-o',
  '--output',
  '-u',
  '--user',
  '-A',
  '--user-agent',
  '--cacert',
  '--capath',
  '--cert',
  '-E',
  '--key',
  '-F',
  '--form',
  '--resolve',
  '--connect-to',
  '--preproxy',
  '-O',
  '--output-document',
  '-P',
  '--directory-prefix',
  '--header',
  '-c',
  '--config',
  '--ca-certificate',
  '--certificate',
  '--private-key',
  '-b',
  '--cookie',
  '-T',
  '--upload-file',
  '--proxy-user',
]);

/** Offsets [start, end) of the command segment around `at`: bounded by newlines (without `\` continuation), ;, &&, ||, |. */
function segmentAround(text: string, at: number): [number, number] {
  const isBreak = (i: number) => {
    const c = text[i];
    if (c === '\n') return text[i - 1] !== '\\' && !(text[i - 1] === '\r' && text[i - 2] === '\\');
    return c === ';' || c === '|' || (c === '&' && text[i + 1] === '&') || (c === '&' && text[i - 1] === '&');
  };
  let s = at;
  while (s > 0 && !isBreak(s - 1)) s--;
  let e = at;
  while (e < text.length && !isBreak(e)) e++;
  return [s, e];
}

/** Splits a command into words, honouring quotes; surrounding JSON/YAML quotes are trimmed from each word. */
function words(segment: string): string[] {
  const out: string[] = [];
  for (const m of segment.matchAll(/"[^"]*"|'[^']*'|[^\s]+/g)) out.push(m[0].replace(/^["'`]+|["'`,]+$/g, ''));
  return out;
}

/**
 * The words of the command around `at`, starting at the command name. A command that starts right after a quote
 * (a package.json script, a YAML string) ends at the matching quote.
 */
function commandWords(text: string, at: number): string[] | undefined {
  const [s, e] = segmentAround(text, at);
  const segment = text.slice(s, e);
  COMMAND.lastIndex = 0;
  const m = COMMAND.exec(segment);
  if (!m) return undefined;
  const start = m.index + m[0].length - m[1].length;
  const q = segment[start - 1];
  let end = segment.length;
  if (q === '"' || q === "'") {
    const close = segment.slice(start).search(q === '"' ? /(?<!\\)"/ : /'/);
    if (close >= 0) end = start + close;
  }
  return words(segment.slice(start, end).replace(/\\"/g, '"'));
}

/** True when the finding at `at` sits in a shell command that TLS Doctor knows how to read. */
export function isShellCommand(text: string, at: number): boolean {
  const [s, e] = segmentAround(text, at);
  COMMAND.lastIndex = 0;
  return COMMAND.test(text.slice(s, e));
}

/** The single https endpoint of the command around `at`; undefined when there is none or several. */
export function shellEndpoint(text: string, at: number, scope: Scope): Endpoint | undefined {
  const ws = commandWords(text, at);
  if (!ws) return undefined;
  const found = new Map<string, Endpoint>();
  for (let i = 1; i < ws.length; i++) {
    if (TAKES_VALUE.has(ws[i])) {
      i++;
      continue;
    }
    const ep = wordEndpoint(ws[i], scope);
    if (ep === null) return undefined;
    if (ep) found.set(`${ep.host}:${ep.port}`, ep);
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** The endpoint a word names; null when it is a URL whose host can't be known (`https://$HOST/`). */
function wordEndpoint(word: string, scope: Scope): Endpoint | undefined | null {
  const w = word.replace(/^--url=/, '');
  const v = /^\$\{?([A-Za-z_]\w*)\}?(.*)$/.exec(w);
  if (v) {
    const bound = scope(v[1])?.replace(/^(["'])(.*)\1$/, '$2');
    if (bound === undefined) return undefined;
    return /^https:\/\//i.test(bound)
      ? (toEndpoint({ text: bound + v[2], whole: !/\$/.test(v[2]) }, 'shell') ?? null)
      : undefined;
  }
  if (!/^https:\/\//i.test(w)) return undefined;
  const known = w.split('$')[0];
  return toEndpoint({ text: known, whole: known === w }, 'shell') ?? null;
}
