// The one place the endpoints feature opens connections. Every probe goes through `probe()`, which refuses in an
// untrusted workspace, caches per host:port, shares concurrent probes and caps how many run at once. The probe code
// (dist/tls.js) is loaded on first use only, through loadTls().
import * as vscode from 'vscode';
import { endpointKey, enrich, EndpointVerdict, Limiter, ResultCache } from '../../core/endpoints/index';
import type { CheckReport } from '../../core/tls/types';
import { loadTls } from '../lazy';
import { checkSettings } from '../checkUrl/config';

/** Results stay fresh for five minutes: long enough for a scan's worth of findings, short enough to see a fix. */
const TTL_MS = 5 * 60_000;
/** At most four handshakes at once, so "Check all" never floods a network or a small server. */
const MAX_CONCURRENT = 4;
/**
 * Optional allow-list of hosts (comma-separated) that may be probed. Tests set it so a workspace that mentions
 * public hosts never makes them connect anywhere but loopback; locked-down machines can use it too.
 */
const ALLOW_ENV = 'TLS_DOCTOR_PROBE_HOSTS';

/** Why a probe did not happen. */
export type Refusal = 'untrusted' | 'not-allowed';

/** Probes endpoints for the extension; see the file comment. */
export class ProbeService implements vscode.Disposable {
  private readonly cache = new ResultCache<CheckReport>(TTL_MS);
  private readonly limiter = new Limiter(MAX_CONCURRENT);
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the host:port key whenever a new report arrives. */
  readonly onDidProbe = this.changed.event;
  /** Probes actually started (connections attempted), for the log and for tests. */
  started = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Why `host` can't be probed right now, or undefined if it can. */
  refusal(host: string): Refusal | undefined {
    if (!vscode.workspace.isTrusted) return 'untrusted';
    const allow = process.env[ALLOW_ENV];
    if (allow !== undefined && !allow.split(',').map((h) => h.trim().toLowerCase()).includes(host.toLowerCase())) return 'not-allowed';
    return undefined;
  }

  /** The last report for an endpoint, however old. */
  last(ep: { host: string; port: number }): { report: CheckReport; at: number } | undefined {
    const c = this.cache.last(endpointKey(ep));
    return c && { report: c.value, at: c.at };
  }

  /** The verdict of the last report for a finding of `ruleId`. */
  verdict(ep: { host: string; port: number }, ruleId: string): EndpointVerdict | undefined {
    const c = this.last(ep);
    return c && enrich(c.report, ruleId);
  }

  /** Probes `url` (TLS handshake only), or returns undefined when refused. `force` ignores a fresh cached result. */
  async probe(ep: { url: string; host: string; port: number }, force = false): Promise<CheckReport | undefined> {
    const why = this.refusal(ep.host);
    if (why) {
      this.log.info(`not probing ${endpointKey(ep)}: ${why === 'untrusted' ? 'the workspace is not trusted' : `${ALLOW_ENV} does not list ${ep.host}`}`);
      return undefined;
    }
    const key = endpointKey(ep);
    let fresh = false;
    const report = await this.cache.get(key, () => this.limiter.run(() => { fresh = true; return this.run(ep.url); }), force);
    // Only news is announced: listeners re-render diagnostics, which must not loop back into another announcement.
    if (fresh) this.changed.fire(key);
    return report;
  }

  private async run(url: string): Promise<CheckReport> {
    // Re-checked here: trust can't be revoked at run time in VS Code, but a queued probe costs nothing to re-check.
    if (!vscode.workspace.isTrusted) throw new Error('workspace not trusted');
    const s = checkSettings();
    this.started++;
    this.log.info(`probing ${url}`);
    const report = await loadTls().checkUrl(url, {
      timeoutMs: s.timeoutMs, repeat: s.repeat, extraCaFiles: s.extraCaFiles, ...(s.pythonPath ? { pythonPath: s.pythonPath } : {}),
    });
    this.log.info(`probed ${url}: ${report.verdict}${report.causes.length ? ` (${report.causes.map((c) => c.code).join(', ')})` : ''}`);
    return report;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
