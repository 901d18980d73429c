// `tls-doctor endpoints`: every https endpoint the workspace refers to (URL literals from the endpoint inventory,
// plus the endpoints that insecure findings talk to, resolved statically), grouped by host:port. `--format json`
// lists them with their references; `--format prometheus` writes Prometheus file_sd targets for the blackbox
// exporter, so certificate expiry is watched by an engine teams already run (docs/examples/blackbox.yml).
import * as fs from 'fs';
import * as nodePath from 'path';
import { Command, Io, oneOf, parse } from './command';
import { endpointKey, findEndpointRefs, isInventoried, resolveEndpoint } from '../core/endpoints/index';
import type { EndpointSource } from '../core/endpoints/index';
import { readForScan, scanText, walkFiles } from '../core/scan/index';

const FORMATS = ['json', 'prometheus'] as const;

/** One place that refers to an endpoint (1-based line and column). */
export interface EndpointUse {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly via: EndpointSource;
  /** Set when the reference is a finding that turns verification off for this endpoint. */
  readonly ruleId?: string;
}

/** An endpoint (host:port) and everything that refers to it. */
export interface ListedEndpoint {
  /** `host:port`, IPv6 in brackets: what a blackbox `tcp` probe dials. */
  readonly target: string;
  readonly host: string;
  readonly port: number;
  /** Distinct URLs seen for it, sorted. */
  readonly urls: readonly string[];
  /** True when some code talking to it turns verification off. */
  readonly insecure: boolean;
  readonly uses: readonly EndpointUse[];
}

/** Endpoints being collected, by `host:port`. */
export type Collected = Map<string, { host: string; port: number; urls: Set<string>; uses: EndpointUse[] }>;

/** Collects the endpoints `text` (the content of `file`, a display path) refers to into `into`. */
export function collectEndpoints(text: string, file: string, into: Collected): void {
  const add = (e: { host: string; port: number; url: string }, use: EndpointUse) => {
    const key = endpointKey(e);
    const entry = into.get(key) ?? into.set(key, { host: e.host, port: e.port, urls: new Set(), uses: [] }).get(key)!;
    entry.urls.add(e.url);
    entry.uses.push(use);
  };
  for (const ref of findEndpointRefs(text, file)) {
    add(ref, { file, line: ref.range.start.line + 1, column: ref.range.start.character + 1, via: ref.via });
  }
  for (const f of scanText(text, file)) {
    const ep = resolveEndpoint(text, f);
    if (ep) {
      add(ep, {
        file,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        via: ep.via,
        ruleId: f.ruleId,
      });
    }
  }
}

/** The collected endpoints, sorted by target, each with its uses in file order. */
export function listEndpoints(collected: Collected): ListedEndpoint[] {
  return [...collected.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([target, e]) => ({
      target,
      host: e.host,
      port: e.port,
      urls: [...e.urls].sort(),
      insecure: e.uses.some((u) => u.ruleId !== undefined),
      uses: [...e.uses].sort((a, b) =>
        a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
      ),
    }));
}

/** `{"version":1,"endpoints":[…]}`. */
export function toEndpointsJson(list: readonly ListedEndpoint[]): string {
  return `${JSON.stringify({ version: 1, endpoints: list }, null, 2)}\n`;
}

/**
 * Prometheus file_sd: one target group per endpoint, the target being `host:port` for the blackbox exporter's
 * `tcp` prober with TLS (the scrape config turns it into `/probe?target=…`). Labels say where it comes from.
 */
export function toFileSd(list: readonly ListedEndpoint[]): string {
  const groups = list.map((e) => ({
    targets: [e.target],
    labels: {
      tls_doctor_url: e.urls[0],
      tls_doctor_first_use: `${e.uses[0].file}:${e.uses[0].line}`,
      tls_doctor_uses: String(e.uses.length),
      tls_doctor_insecure: String(e.insecure),
    },
  }));
  return `${JSON.stringify(groups, null, 2)}\n`;
}

/** A path as shown in output: relative to the current directory, with `/` separators. */
function display(io: Io, p: string): string {
  const rel = nodePath.relative(io.cwd, p) || nodePath.basename(p);
  return rel.split(nodePath.sep).join('/');
}

export const endpointsCommand: Command = {
  name: 'endpoints',
  summary: 'list the https endpoints the code refers to (JSON, or Prometheus file_sd targets)',
  usage: 'tls-doctor endpoints [PATH...] [--format json|prometheus] [--no-ignore]',
  async run(argv, io) {
    const { values, positionals } = parse(argv, { format: { type: 'string' }, 'no-ignore': { type: 'boolean' } });
    const format = oneOf('--format', values.format, FORMATS, 'json');
    const roots = positionals.length ? positionals : ['.'];
    const missing = roots.filter((r) => !fs.existsSync(nodePath.resolve(io.cwd, r)));
    for (const m of missing) io.err(`tls-doctor endpoints: ${m}: no such file or folder\n`);
    if (missing.length) return 2;
    const collected: Collected = new Map();
    const abs = roots.map((r) => nodePath.resolve(io.cwd, r));
    for (const ev of walkFiles(abs, { noIgnore: Boolean(values['no-ignore']), accept: isInventoried })) {
      if (ev.kind === 'error') {
        io.err(`tls-doctor endpoints: cannot read ${display(io, ev.path)}: ${ev.message}\n`);
        continue;
      }
      const read = readForScan(ev.path);
      // Binary, minified and huge files hold no endpoints worth monitoring; unreadable ones are worth a word.
      if ('skip' in read) {
        if (read.skip === 'unreadable') {
          io.err(`tls-doctor endpoints: cannot read ${display(io, ev.path)}: ${read.detail}\n`);
        }
        continue;
      }
      collectEndpoints(read.text, display(io, ev.path), collected);
    }
    const list = listEndpoints(collected);
    io.out(format === 'prometheus' ? toFileSd(list) : toEndpointsJson(list));
    return 0;
  },
};
