// When no client is recognised: the weaker evidence a paste still carries (the language of its traceback, the
// package index or registry it fetched from, the operating system its paths belong to), used only to ORDER the fixes
// for common clients. It names no client: the explanation still says "client not recognised". Pure.
import type { ClientFamily, ExplainClientId } from './clients';
import { FALLBACK_CLIENTS } from './fixes';

export type HintOs = 'windows' | 'macos' | 'linux';

/** What the text suggests without naming a client, and the fix order it gives. */
export interface ClientHint {
  readonly family: ClientFamily | null;
  readonly os: HintOs | null;
  /** Why, in words ("a Python traceback", "fetching from registry.npmjs.org"), for the text and JSON. */
  readonly reasons: readonly string[];
  /** The clients whose fixes are shown, most likely first. */
  readonly order: readonly ExplainClientId[];
}

/**
 * A traceback's language by the shape of its frames, and the usual client of that language first (the one most
 * real messages of the language come from in the corpus: requests for Python, Node's own https for JavaScript).
 */
const LANGUAGES: readonly { family: ClientFamily; re: RegExp; what: string; order: readonly ExplainClientId[] }[] = [
  {
    family: 'python',
    re: /Traceback \(most recent call last\)|^\s*File "[^"\n]+\.py", line \d+/m,
    what: 'a Python traceback',
    order: ['python-requests', 'python-ssl', 'pip', 'python-urllib3'],
  },
  {
    family: 'node',
    re: /^\s+at (?:[\w$.<>[\] ]+ \()?[^\s()]+\.[cm]?[jt]s:\d+:\d+\)?$/m,
    what: 'a JavaScript stack',
    order: ['node', 'npm', 'axios', 'electron'],
  },
  {
    family: 'java',
    re: /^\s+at [\w$]+(?:\.[\w$<>]+)+\([\w$]+\.(?:java|kt|scala):\d+\)|Exception in thread "/m,
    what: 'a Java stack',
    order: ['java', 'gradle', 'maven'],
  },
  {
    family: 'dotnet',
    re: /^\s+at [\w.<>`]+\([^)\n]*\) in [^\n]+\.cs:line \d+|\bSystem\.[A-Z]\w+(?:\.\w+)*Exception\b/m,
    what: 'a .NET stack',
    order: ['dotnet', 'powershell'],
  },
  {
    family: 'go',
    re: /^goroutine \d+ \[|^\s+[^\s]+\.go:\d+(?: \+0x[0-9a-f]+)?$/m,
    what: 'a Go stack',
    order: ['go', 'docker', 'kubectl'],
  },
  { family: 'ruby', re: /\.rb:\d+:in [`']/, what: 'a Ruby backtrace', order: ['ruby'] },
  {
    family: 'php',
    re: /\.php(?::\d+|\(\d+\)| on line \d+)|^#\d+ \S+\.php/m,
    what: 'a PHP trace',
    order: ['php', 'guzzle', 'composer'],
  },
  { family: 'rust', re: /thread '[^']+' panicked at |\.rs:\d+:\d+/, what: 'a Rust panic', order: ['rust', 'cargo'] },
];

/** A package index or registry in a URL: the tool that fetches from it is the likely client. */
const REGISTRIES: readonly [RegExp, ExplainClientId][] = [
  [/\b(?:pypi\.org|files\.pythonhosted\.org|pypi\.python\.org)\b/, 'pip'],
  [/\bregistry\.(?:npmjs\.org|yarnpkg\.com|npmmirror\.com)\b/, 'npm'],
  [/\b(?:repo1?\.maven\.(?:apache\.)?org|plugins\.gradle\.org|services\.gradle\.org)\b/, 'maven'],
  [/\b(?:proxy\.golang\.org|sum\.golang\.org)\b/, 'go'],
  [/\b(?:static\.)?crates\.io\b|\bindex\.crates\.io\b/, 'cargo'],
  [/\brubygems\.org\b/, 'ruby'],
  [/\b(?:repo\.)?packagist\.org\b/, 'composer'],
  [/\b(?:registry-1\.docker\.io|auth\.docker\.io|ghcr\.io|quay\.io)\b|\/v2\/[\w./-]*\/(?:manifests|blobs)\//, 'docker'],
  [/\bapi\.nuget\.org\b/, 'dotnet'],
  [/\b(?:repo\.anaconda\.com|conda\.anaconda\.org)\b/, 'conda'],
  [/\bgit@[\w.-]+:|https?:\/\/\S+\.git\b|\/info\/refs\b/, 'git'],
];

const OSES: readonly [RegExp, HintOs, string][] = [
  [/\b[A-Z]:\\(?:Users|Program Files|Windows|ProgramData)\\|\\AppData\\/, 'windows', 'Windows paths'],
  [/\/Users\/[\w.-]+\/|\/Library\/|\/Applications\//, 'macos', 'macOS paths'],
  [/\/home\/[\w.-]+\/|\/usr\/(?:lib|local|share)\/|\/etc\/ssl\//, 'linux', 'Linux paths'],
];

/** The clients whose fixes a Windows user most often needs when nothing else is known (the Windows store). */
const WINDOWS_FIRST: readonly ExplainClientId[] = ['schannel', 'powershell'];

/** The hint for a text whose client is not recognised. */
export function clientHint(text: string): ClientHint {
  const reasons: string[] = [];
  const order: ExplainClientId[] = [];
  const registry = REGISTRIES.find(([re]) => re.test(text));
  if (registry) {
    reasons.push(`fetching from ${registry[0].exec(text)?.[0] ?? 'a package registry'}`);
    order.push(registry[1]);
  }
  const language = LANGUAGES.find((l) => l.re.test(text));
  if (language) {
    reasons.push(language.what);
    order.push(...language.order);
  }
  const os = OSES.find(([re]) => re.test(text));
  if (os) reasons.push(os[2]);
  // With no language and no registry, a Windows machine's own store is the likeliest lever.
  if (os?.[1] === 'windows' && !language && !registry) order.push(...WINDOWS_FIRST);
  order.push(...FALLBACK_CLIENTS);
  return {
    family: language?.family ?? null,
    os: os?.[1] ?? null,
    reasons,
    order: [...new Set(order)].slice(0, 6),
  };
}

/** The client line for an unrecognised client: says so, and what ordered the fixes when anything did. */
export function unrecognisedLabel(hint: ClientHint | null | undefined): string {
  if (!hint?.reasons.length) return 'not recognised (fixes for common clients below)';
  return `not recognised (${hint.reasons.join(', ')}: fixes for ${hint.order.slice(0, 3).join(', ')} first)`;
}
