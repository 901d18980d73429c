// `tls-doctor scan --probe`: for each finding whose endpoint is statically known, probe that endpoint (TLS handshake
// only, each host:port once, four at a time) and report what it means for the finding: {url, verdict, causes}.
import * as fs from 'fs';
import * as nodePath from 'path';
import type { Io } from './command';
import { endpointKey, enrich, mapLimited, resolveEndpoint, ResultCache } from '../core/endpoints/index';
import type { FileFinding } from '../core/report/index';
import { toJson } from '../core/report/index';
import { CLI_DEFAULTS } from '../core/settings/defaults';
import { checkSlots, checkUrl } from '../core/tls/index';
import type { CheckReport } from '../core/tls/types';

/** The `endpoint` field of a JSON finding. `remedy` says which fix keeps verification on. */
export interface JsonEndpoint {
  readonly url: string;
  readonly verdict: 'ok' | 'fail' | 'unreachable';
  readonly causes: readonly string[];
  readonly remedy: string;
}

/** Resolves and probes the endpoint of every finding; the result is index-aligned with `results`. */
export async function probeEndpoints(results: readonly FileFinding[], io: Io, timeoutMs: number = CLI_DEFAULTS.probeTimeoutMs): Promise<(JsonEndpoint | undefined)[]> {
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, readText(nodePath.resolve(io.cwd, file)));
    return texts.get(file);
  };
  const cache = new ResultCache<CheckReport>(Infinity);
  const env = io.env;
  return mapLimited(results, 4, async ({ file, finding }) => {
    const text = textOf(file);
    const ep = text === undefined ? undefined : resolveEndpoint(text, finding);
    if (!ep) return undefined;
    const report = await cache.get(endpointKey(ep), () => checkSlots.run(() => checkUrl(ep.url, { timeoutMs, repeat: CLI_DEFAULTS.probeRepeat, env })));
    const v = enrich(report, finding.ruleId);
    return { url: ep.url, verdict: v.verdict, causes: v.causes, remedy: v.remedy };
  });
}

function readText(path: string): string | undefined {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The scan JSON (`{"version":1,"findings":[…]}`) with `endpoint` on the findings that have one. */
export function toJsonWithEndpoints(results: readonly FileFinding[], endpoints: readonly (JsonEndpoint | undefined)[],
  skipped?: readonly object[]): string {
  return toJson(results, endpoints.map((endpoint) => (endpoint ? { endpoint } : undefined)), skipped);
}
