// The package hosts a workspace talks to, as the URLs to probe for the inspecting proxy's root: registries named in
// its .npmrc / .yarnrc.yml / pip.conf / requirements / pyproject, then the public hosts its kind of project uses. Pure:
// the caller reads the files.

/** A URL to offer, and where it came from (shown next to it). */
export interface HostCandidate {
  readonly url: string;
  readonly from: string;
}

/** Files worth reading, relative to a workspace folder. */
export const HOST_FILES = [
  '.npmrc',
  '.yarnrc.yml',
  '.yarnrc',
  'pip.conf',
  'pip.ini',
  'requirements.txt',
  'pyproject.toml',
  'package.json',
  '.git/config',
] as const;

/** Each file's patterns: group 1 is the URL. */
const PATTERNS: Readonly<Record<string, readonly RegExp[]>> = {
  '.npmrc': [/^\s*(?:@[\w.-]+:)?registry\s*=\s*["']?(https:\/\/[^\s"']+)/gim],
  '.yarnrc.yml': [/^\s*npmRegistryServer\s*:\s*["']?(https:\/\/[^\s"']+)/gim],
  '.yarnrc': [/^\s*registry\s+["']?(https:\/\/[^\s"']+)/gim],
  'pip.conf': [/^\s*(?:extra-)?index-url\s*[=:]\s*(https:\/\/\S+)/gim],
  'pip.ini': [/^\s*(?:extra-)?index-url\s*[=:]\s*(https:\/\/\S+)/gim],
  'requirements.txt': [/^\s*(?:--(?:extra-)?index-url|-i)[\s=]+(https:\/\/\S+)/gim],
  'pyproject.toml': [/^\s*url\s*=\s*["'](https:\/\/[^"']+)["']/gim],
  '.git/config': [/^\s*url\s*=\s*(https:\/\/\S+)/gim],
};

/** The public hosts a project of each kind reaches (when the workspace names no registry of its own). */
const DEFAULTS: readonly { url: string; when: (names: ReadonlySet<string>) => boolean; from: string }[] = [
  {
    url: 'https://registry.npmjs.org/',
    when: (n) => n.has('package.json') || n.has('.npmrc'),
    from: 'npm registry',
  },
  {
    url: 'https://pypi.org/simple/',
    when: (n) => n.has('requirements.txt') || n.has('pyproject.toml'),
    from: 'Python package index',
  },
  { url: 'https://github.com/', when: () => true, from: 'GitHub' },
];

/** Without credentials (a registry URL may carry a token) and normalised to scheme://host[:port]/path. */
function clean(raw: string): string | undefined {
  try {
    const u = new URL(raw.replace(/[;,]+$/, ''));
    if (u.protocol !== 'https:') return undefined;
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString();
  } catch {
    return undefined;
  }
}

/** The URLs to offer for `files` (name relative to the folder → text), workspace registries first, one per host. */
export function packageHosts(files: ReadonlyMap<string, string>): HostCandidate[] {
  const out: HostCandidate[] = [];
  const hosts = new Set<string>();
  const add = (url: string | undefined, from: string) => {
    if (!url) return;
    const host = new URL(url).host;
    if (hosts.has(host)) return;
    hosts.add(host);
    out.push({ url, from });
  };
  for (const [name, text] of files) {
    for (const re of PATTERNS[name] ?? []) {
      for (const m of text.matchAll(re)) add(clean(m[1]), name);
    }
  }
  const names = new Set(files.keys());
  for (const d of DEFAULTS) if (d.when(names)) add(d.url, d.from);
  return out;
}
