// `tls-doctor scan --probe`: for each finding whose endpoint is statically known, probe that endpoint (TLS handshake
// only, each host:port once, four at a time) and report what it means for the finding: {url, verdict, causes}.
// Built for CI: each check has its own deadline (--probe-timeout), all of them share one wall-clock budget
// (--probe-budget) after which the rest are reported "not checked", and hosts outside TLS_DOCTOR_PROBE_HOSTS are
// never contacted. Proxies (HTTPS_PROXY/NO_PROXY) are honoured by checkUrl itself, from the same environment.
import * as fs from 'fs';
import * as nodePath from 'path';
import type { Io } from './command';
import { endpointKey, enrich, mapLimited, resolveEndpoint, ResultCache } from '../core/endpoints/index';
import type { Endpoint } from '../core/endpoints/index';
import { isProbeHostAllowed, PROBE_HOSTS_ENV, probeHostsAllowList } from '../core/endpoints/probe-hosts';
import type { FileFinding } from '../core/report/index';
import { toJson } from '../core/report/index';
import { CLI_DEFAULTS } from '../core/settings/defaults';
import { checkSlots, checkUrl } from '../core/tls/index';
import type { CheckReport } from '../core/tls/types';

/** The `endpoint` field of a JSON finding. `remedy` says which fix keeps verification on. A `not-checked` endpoint
 * (budget spent, or not on the allow-list) has no causes, remedy `none`, and says why in `reason`. */
export interface JsonEndpoint {
  readonly url: string;
  readonly verdict: 'ok' | 'fail' | 'unreachable' | 'not-checked';
  readonly causes: readonly string[];
  readonly remedy: string;
  readonly reason?: string;
}

export interface ProbeOptions {
  /** Deadline of one check (ms). */
  readonly timeoutMs?: number;
  /** Wall-clock budget of all checks together (ms). */
  readonly budgetMs?: number;
}

export const BUDGET_EXHAUSTED = 'probe budget exhausted';
export const OUTSIDE_ALLOW_LIST = `outside ${PROBE_HOSTS_ENV}`;

/** Resolves and probes the endpoint of every finding; the result is index-aligned with `results`. */
export async function probeEndpoints(
  results: readonly FileFinding[],
  io: Io,
  opts: ProbeOptions = {},
): Promise<(JsonEndpoint | undefined)[]> {
  const timeoutMs = opts.timeoutMs ?? CLI_DEFAULTS.probeTimeoutMs;
  const budget = startBudget(opts.budgetMs ?? CLI_DEFAULTS.probeBudgetMs);
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, readText(nodePath.resolve(io.cwd, file)));
    return texts.get(file);
  };
  const cache = new ResultCache<CheckReport | undefined>(Infinity);
  const env = io.env;
  const allow = probeHostsAllowList(env);
  try {
    return await mapLimited(results, 4, async ({ file, finding }): Promise<JsonEndpoint | undefined> => {
      const text = textOf(file);
      const ep = text === undefined ? undefined : resolveEndpoint(text, finding);
      if (!ep) return undefined;
      if (!isProbeHostAllowed(ep.host, allow)) return notChecked(ep, OUTSIDE_ALLOW_LIST);
      const report = await cache.get(endpointKey(ep), () =>
        budget.run(() =>
          checkSlots.run(async () =>
            budget.signal.aborted
              ? undefined
              : checkUrl(ep.url, { timeoutMs, repeat: CLI_DEFAULTS.probeRepeat, env, signal: budget.signal }),
          ),
        ),
      );
      if (!report) return notChecked(ep, BUDGET_EXHAUSTED);
      const v = enrich(report, finding.ruleId);
      return { url: ep.url, verdict: v.verdict, causes: v.causes, remedy: v.remedy };
    });
  } finally {
    budget.stop();
  }
}

function notChecked(ep: Endpoint, reason: string): JsonEndpoint {
  return { url: ep.url, verdict: 'not-checked', causes: [], remedy: 'none', reason };
}

/**
 * One wall-clock budget shared by every check: when it runs out, the checks under way are aborted (their signal) and
 * raced against the expiry, so no check (or a slot queue) can hold the scan past it; `run` then yields undefined.
 */
function startBudget(ms: number) {
  const ctl = new AbortController();
  let expire: () => void = () => undefined;
  const expired = new Promise<undefined>((resolve) => {
    expire = () => resolve(undefined);
  });
  const timer = setTimeout(() => {
    ctl.abort();
    expire();
  }, ms);
  return {
    signal: ctl.signal,
    async run<T>(check: () => Promise<T>): Promise<T | undefined> {
      if (ctl.signal.aborted) return undefined;
      const r = await Promise.race([check(), expired]);
      return ctl.signal.aborted ? undefined : r;
    },
    stop() {
      clearTimeout(timer);
    },
  };
}

function readText(path: string): string | undefined {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The scan JSON (`{"version":1,"findings":[…]}`) with `endpoint` on the findings that have one. */
export function toJsonWithEndpoints(
  results: readonly FileFinding[],
  endpoints: readonly (JsonEndpoint | undefined)[],
  skipped?: readonly object[],
): string {
  return toJson(
    results,
    endpoints.map((endpoint) => (endpoint ? { endpoint } : undefined)),
    skipped,
  );
}

/** One sentence on a probe result, for SARIF messages and the text output. */
export function endpointSentence(e: JsonEndpoint): string {
  switch (e.verdict) {
    case 'ok':
      return `Probe: ${e.url} verifies with the client's default trust (remedy: ${e.remedy}).`;
    case 'fail':
      return `Probe: ${e.url} fails verification (${e.causes.join(', ') || 'unknown cause'}; remedy: ${e.remedy}).`;
    case 'unreachable':
      return `Probe: ${e.url} was unreachable (${e.causes.join(', ') || 'no TLS session'}).`;
    default:
      return `Probe: ${e.url} not checked: ${e.reason ?? 'unknown reason'}.`;
  }
}
