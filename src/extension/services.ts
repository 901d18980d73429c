import type * as vscode from 'vscode';
import type { ProbeService } from './endpoints/service';

/** What every feature module receives from `activate()`. */
export interface Services {
  readonly log: vscode.LogOutputChannel;
  /**
   * The one endpoint prober (owned by the endpoints feature): cache per host:port, concurrency limit, trust guard and
   * allow-list, plus structured verdicts per finding. The quick-fixes read and probe through it too.
   */
  readonly probes: ProbeService;
}
