// The one place the extension probes the endpoints that findings refer to, shared through `Services.probes` by the
// endpoints feature (lenses, tree, decorated diagnostics), the quick-fixes (the CA to trust, "Remove verify=False") and
// "Check TLS for URL" (checkNow: a fresh connection the user asked for, still guarded and limited).
// Every probe goes through `probe()`, which refuses in an untrusted workspace, outside the TLS_DOCTOR_PROBE_HOSTS
// allow-list and (for a resource) when tlsDoctor.probe.referencedEndpoints is off; it caches per host:port, shares
// concurrent probes and caps how many run at once. Verdicts are read from the cached report as structured data
// (core/endpoints enrich()); the text on diagnostics is for people only. The probe code (dist/tls.js) is loaded on
// first use only, through loadTls().
import * as vscode from 'vscode';
import { endpointKey, enrich, Limiter, resolveEndpoint, ResultCache } from '../../core/endpoints/index';
import type { Endpoint, EndpointVerdict } from '../../core/endpoints/index';
import type { Finding } from '../../core/rules/types';
import type { CheckReport } from '../../core/tls/types';
import { isProbeHostAllowed, PROBE_HOSTS_ENV, probeHostsAllowList } from '../../core/endpoints/probe-hosts';
import { loadTls } from '../lazy';
import { checkOptions, probeSettings } from '../settings';

/** Results stay fresh for five minutes: long enough for a scan's worth of findings, short enough to see a fix. */
const TTL_MS = 5 * 60_000;
/** At most four handshakes at once, so "Check all" never floods a network or a small server. */
const MAX_CONCURRENT = 4;
/**
 * Optional allow-list of hosts (comma-separated) that may be probed. Tests set it so a workspace that mentions
 * public hosts never makes them connect anywhere but loopback; locked-down machines can use it too.
 */
const ALLOW_ENV = PROBE_HOSTS_ENV;
/** Where the last reports are kept across window reloads, and how many (a report with its chain is a few KB). */
const STATE_KEY = 'tlsDoctor.endpoints.lastReports';
const MAX_KEPT = 50;

/** Why a probe did not happen. */
export type Refusal = 'untrusted' | 'not-allowed' | 'off';

/** What a probe says about one finding: its endpoint, the verdict for its client, and that client's public roots. */
export interface FindingVerdict {
  readonly endpoint: Endpoint;
  readonly verdict: EndpointVerdict;
  /** certifi's cacert.pem as the probe found it, so a Python bundle keeps the roots that client already trusts. */
  readonly certifi?: string;
  /** When the report was made (ms since the epoch). */
  readonly at: number;
}

/** What a check of an endpoint with a CA bundle as extra trust said (the trust a fixed client now uses). */
/** A fixed line and what re-checking its endpoint with the new bundle said. */
export interface Proof {
  readonly line: number;
  readonly endpoint: Endpoint;
  readonly check: BundleCheck;
  /** The fixed line's text when it was proven. */
  readonly lineText?: string;
}

export interface BundleCheck {
  /** The bundle file (absolute). */
  readonly bundle: string;
  /** True when the endpoint verifies with that bundle (host name included). */
  readonly ok: boolean;
  /** False when the handshake never got far enough to say (DNS, refused, timeout…): neither verified nor failed. */
  readonly reached: boolean;
  /** The causes when it does not, e.g. "hostname-mismatch". */
  readonly causes: readonly string[];
  readonly at: number;
}

/** Where a probe is for: the resource whose settings apply (probe options, referencedEndpoints). */
export interface ProbeOptions {
  /** Ignore a fresh cached report (still joins a probe already under way). */
  readonly force?: boolean;
  readonly scope?: vscode.Uri;
}

/** A readable sentence for a refusal, for logs and for a fix that can't go ahead. */
export function refusalText(why: Refusal, host: string): string {
  if (why === 'untrusted') return 'the workspace is not trusted';
  if (why === 'off') return 'tlsDoctor.probe.referencedEndpoints is off';
  return `${ALLOW_ENV} does not list ${host}`;
}

/** The endpoint a finding talks to, when `text` says so statically (never throws: no endpoint beats an error). */
export function endpointIn(text: string, f: Finding): Endpoint | undefined {
  try {
    return resolveEndpoint(text, f);
  } catch {
    return undefined;
  }
}

/** Probes endpoints for the extension; see the file comment. */
export class ProbeService implements vscode.Disposable {
  private readonly cache = new ResultCache<CheckReport>(TTL_MS);
  private readonly limiter = new Limiter(MAX_CONCURRENT);
  /** Checks with a bundle as extra CA, per host:port and bundle file (the lightbulb reads them, fixes prove with them). */
  private readonly bundleChecks = new ResultCache<BundleCheck>(TTL_MS);
  private readonly bundleKeys = new Map<string, Set<string>>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the host:port key whenever a new report arrives. */
  readonly onDidProbe = this.changed.event;
  /** Probes actually started (connections attempted), for the log and for tests. */
  started = 0;

  /** Reports from before the last window reload (workspaceState): shown as the last result, never taken as fresh. */
  private readonly restored = new Map<string, { report: CheckReport; at: number }>();

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly state?: vscode.Memento,
  ) {
    for (const [key, c] of Object.entries(
      state?.get<Record<string, { report: CheckReport; at: number }>>(STATE_KEY) ?? {},
    )) {
      if (c && typeof c.at === 'number' && c.report && typeof c.report.verdict === 'string') this.restored.set(key, c);
    }
  }

  /** Keeps the latest reports (the newest MAX_KEPT) in workspaceState, so the Endpoints view survives a reload. */
  private persist(key: string): void {
    if (!this.state) return;
    const c = this.cache.last(key);
    if (!c) return;
    this.restored.set(key, { report: c.value, at: c.at });
    const newest = [...this.restored.entries()].sort(([, a], [, b]) => b.at - a.at).slice(0, MAX_KEPT);
    void this.state.update(STATE_KEY, Object.fromEntries(newest));
  }

  /** Why `host` can't be probed right now (for `scope`'s settings when given), or undefined if it can. */
  refusal(host: string, scope?: vscode.Uri): Refusal | undefined {
    if (!vscode.workspace.isTrusted) return 'untrusted';
    if (!isProbeHostAllowed(host, probeHostsAllowList(process.env))) return 'not-allowed';
    if (scope && probeSettings(scope).referencedEndpoints === 'off') return 'off';
    return undefined;
  }

  /** The last report for an endpoint, however old. */
  last(ep: { host: string; port: number }): { report: CheckReport; at: number } | undefined {
    const c = this.cache.last(endpointKey(ep));
    return c ? { report: c.value, at: c.at } : this.restored.get(endpointKey(ep));
  }

  /** The verdict of the last report for a finding of `ruleId`. */
  verdict(ep: { host: string; port: number }, ruleId: string): EndpointVerdict | undefined {
    const c = this.last(ep);
    return c && enrich(c.report, ruleId);
  }

  /**
   * What the last probe of `f`'s endpoint says about `f` in `doc` (no connection); undefined if never probed.
   * Pass `endpoint` when already resolved (resolving reads the whole file).
   */
  verdictFor(
    doc: vscode.TextDocument,
    f: Finding,
    endpoint = endpointIn(doc.getText(), f),
  ): FindingVerdict | undefined {
    const c = endpoint && this.last(endpoint);
    return c && findingVerdict(endpoint, c.report, f.ruleId, c.at);
  }

  /**
   * Probes `f`'s endpoint (cached like every probe) and reads the verdict for `f`; `{ refused }` when it may not.
   * Pass `endpoint` when already resolved, as for verdictFor().
   */
  async probeFinding(
    doc: vscode.TextDocument,
    f: Finding,
    endpoint = endpointIn(doc.getText(), f),
  ): Promise<FindingVerdict | { refused: Refusal | 'no-endpoint' }> {
    if (!endpoint) return { refused: 'no-endpoint' };
    const report = await this.probe(endpoint, { scope: doc.uri });
    if (!report) return { refused: this.refusal(endpoint.host, doc.uri) ?? 'untrusted' };
    return findingVerdict(endpoint, report, f.ruleId, this.last(endpoint)?.at ?? Date.now());
  }

  /** Probes `ep` (TLS handshake only), or returns undefined when refused. */
  async probe(
    ep: { url: string; host: string; port: number },
    opts: ProbeOptions = {},
  ): Promise<CheckReport | undefined> {
    const why = this.refusal(ep.host, opts.scope);
    if (why) {
      this.log.info(`not probing ${endpointKey(ep)}: ${refusalText(why, ep.host)}`);
      return undefined;
    }
    const key = endpointKey(ep);
    let fresh = false;
    const report = await this.cache.get(
      key,
      () =>
        this.limiter.run(() => {
          fresh = true;
          return this.run(ep.url, opts.scope);
        }),
      opts.force,
    );
    // Only news is announced: listeners re-render diagnostics, which must not loop back into another announcement.
    if (fresh) {
      this.persist(key);
      this.changed.fire(key);
    }
    return report;
  }

  /**
   * A check the user asked for ("Check TLS for URL"): always a new connection, never a cached or shared report (the
   * panel must show what the endpoint says now, for this exact URL), but through the same trust guard, allow-list and
   * concurrency limit as every probe. tlsDoctor.probe.referencedEndpoints does not apply: it governs endpoints found in
   * code, not a URL the user typed. The report then serves every other feature (lenses, tree, verdicts on findings).
   * `scope` is the resource whose check settings apply; `signal` cancels the check.
   */
  async checkNow(
    target: { url: string; host: string; port: number },
    opts: { scope?: vscode.Uri; signal?: AbortSignal } = {},
  ): Promise<CheckReport | { refused: Refusal }> {
    const why = this.refusal(target.host);
    if (why) {
      this.log.info(`not checking ${endpointKey(target)}: ${refusalText(why, target.host)}`);
      return { refused: why };
    }
    const report = await this.limiter.run(() => this.run(target.url, opts.scope, opts.signal));
    const key = endpointKey(target);
    this.cache.set(key, report);
    this.persist(key);
    this.changed.fire(key);
    return report;
  }

  /** The last check of `ep` with `bundle` (absolute path) as extra CA, if fresh; never connects. */
  bundleCheck(ep: { host: string; port: number }, bundle: string): BundleCheck | undefined {
    return this.bundleChecks.fresh(`${endpointKey(ep)}|${bundle}`);
  }

  /** Every check of `ep` with a bundle that was made, however old (the Endpoints view shows them). */
  bundleChecksOf(ep: { host: string; port: number }): BundleCheck[] {
    const key = endpointKey(ep);
    return [...(this.bundleKeys.get(key) ?? [])]
      .map((k) => this.bundleChecks.last(k)?.value)
      .filter((c): c is BundleCheck => c !== undefined);
  }

  /** Fixed lines and what re-checking their endpoint with the new bundle said (the "Probe endpoint" lens shows them). */
  private readonly proofs = new Map<string, Proof[]>();

  /**
   * Records that the fix at `line` of `uri` was re-checked; announces it like a new report. `lineText` is the fixed
   * line: once the line reads otherwise (the fix undone, the code edited) the proof no longer applies to it.
   */
  recordProof(uri: vscode.Uri, line: number, endpoint: Endpoint, check: BundleCheck, lineText?: string): void {
    const list = (this.proofs.get(uri.toString()) ?? []).filter((p) => p.line !== line);
    this.proofs.set(uri.toString(), [
      ...list,
      { line, endpoint, check, ...(lineText !== undefined ? { lineText } : {}) },
    ]);
    this.changed.fire(endpointKey(endpoint));
  }

  /** The re-checks recorded for fixed lines of `uri`. */
  proofsIn(uri: vscode.Uri): readonly Proof[] {
    return this.proofs.get(uri.toString()) ?? [];
  }

  /**
   * Does `ep` verify with `bundle` as the trusted CAs? One handshake through the same guard, allow-list and limiter as
   * every probe, cached per endpoint and bundle (`force` after the bundle or the code changed). `{ refused }` when it may not.
   */
  async verifyBundle(
    ep: { url: string; host: string; port: number },
    bundle: string,
    opts: ProbeOptions = {},
  ): Promise<BundleCheck | { refused: Refusal }> {
    const why = this.refusal(ep.host, opts.scope);
    if (why) return { refused: why };
    const key = `${endpointKey(ep)}|${bundle}`;
    const check = await this.bundleChecks.get(
      key,
      () =>
        this.limiter.run(async () => {
          const report = await this.run(ep.url, opts.scope, undefined, [bundle]);
          const reached = enrich(report, '').verdict !== 'unreachable';
          // The bundle's own verdict too: an unreadable bundle leaves the check on Node's roots, whose "ok" for a
          // publicly trusted server would prove nothing about the bundle.
          const byBundle = Object.values(report.trust).find((v) => v.store === '--ca');
          return {
            bundle,
            ok: report.verdict === 'ok' && byBundle?.trusted === true,
            reached,
            causes: report.causes.map((c) => c.code),
            at: Date.now(),
          };
        }),
      opts.force,
    );
    const keys = this.bundleKeys.get(endpointKey(ep)) ?? new Set<string>();
    this.bundleKeys.set(endpointKey(ep), keys.add(key));
    return check;
  }

  private async run(
    url: string,
    scope?: vscode.Uri,
    signal?: AbortSignal,
    extraCaFiles?: readonly string[],
  ): Promise<CheckReport> {
    // Re-checked here: trust can't be revoked at run time in VS Code, but a queued probe costs nothing to re-check.
    if (!vscode.workspace.isTrusted) throw new Error('workspace not trusted');
    this.started++;
    this.log.info(`probing ${url}${extraCaFiles ? ` trusting ${extraCaFiles.join(', ')}` : ''}`);
    // With a bundle, that bundle alone is the trust, as the fixed client sees it (`verify=<bundle>`, `ca:`, `--cacert`
    // replace the defaults): not the settings' extra CAs, not Node's roots.
    const report = await loadTls().checkUrl(url, {
      ...checkOptions(scope),
      ...(extraCaFiles ? { extraCaFiles, extraCaAlone: true } : {}),
      ...(signal ? { signal } : {}),
    });
    this.log.info(
      `probed ${url}: ${report.verdict}${report.causes.length ? ` (${report.causes.map((c) => c.code).join(', ')})` : ''}`,
    );
    return report;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function findingVerdict(endpoint: Endpoint, report: CheckReport, ruleId: string, at: number): FindingVerdict {
  const certifi = report.trust.certifi?.source;
  return { endpoint, verdict: enrich(report, ruleId), at, ...(certifi ? { certifi } : {}) };
}
