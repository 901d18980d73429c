// The quiet status bar item (as ESLint has): the number of TLS Doctor findings in the workspace, a spinner while a
// workspace scan runs, the warning background only when some finding is an error. Clicking opens the Problems view.
// tlsDoctor.statusBar.enabled hides it. Counts come from the diagnostic collection (what the Problems view shows),
// recomputed at most every UPDATE_MS after the FindingStore says a file changed.
import * as vscode from 'vscode';
import { countFindings, StatusCounts, statusLook } from './model';
import type { ScanActivity } from './scanActivity';

const UPDATE_MS = 150;

/** What the item shows now (returned by the internal state command for tests). */
export interface StatusState extends StatusCounts {
  readonly visible: boolean;
  readonly scanning: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly accessibleLabel: string;
  readonly warning: boolean;
}

/** Where the item reads from. */
export interface StatusSources {
  readonly collection: vscode.DiagnosticCollection;
  readonly onFindingsChanged: vscode.Event<unknown>;
  readonly scans: ScanActivity;
  readonly enabled: () => boolean;
}

function count(collection: vscode.DiagnosticCollection): StatusCounts {
  const lists: (readonly vscode.Diagnostic[])[] = [];
  collection.forEach((_, d) => {
    lists.push(d);
  });
  return countFindings(lists);
}

/** The localised wording for a state: the tooltip says what the number is, the accessible label says it whole. */
function wording(c: StatusCounts, kind: ReturnType<typeof statusLook>['kind']): { tooltip: string; label: string } {
  if (kind === 'scanning') {
    const label = vscode.l10n.t('TLS Doctor: scanning the workspace, {0} insecure TLS settings so far', c.total);
    return { tooltip: label, label };
  }
  if (kind === 'clean') {
    const label = vscode.l10n.t('TLS Doctor: no insecure TLS settings found');
    return { tooltip: vscode.l10n.t('{0}. Click to open the Problems view.', label), label };
  }
  const label =
    c.errors > 0
      ? vscode.l10n.t('TLS Doctor: {0} insecure TLS settings, {1} of them errors', c.total, c.errors)
      : vscode.l10n.t('TLS Doctor: {0} insecure TLS settings', c.total);
  return {
    tooltip: vscode.l10n.t('{0}. Click to open the Problems view (filter it with "TLS Doctor").', label),
    label,
  };
}

/** Owns the status bar item; see the file comment. */
export class StatusBarController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tlsDoctor.status', vscode.StatusBarAlignment.Left, 0);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last: StatusState | undefined;

  constructor(private readonly sources: StatusSources) {
    this.item.name = vscode.l10n.t('TLS Doctor');
    this.item.command = { command: 'workbench.actions.view.problems', title: vscode.l10n.t('Open the Problems view') };
    this.disposables.push(
      this.item,
      sources.onFindingsChanged(() => this.schedule()),
      sources.scans.onDidChange(() => this.update()), // at once: the spinner must appear when the scan starts
    );
    this.update();
  }

  /** Re-reads the setting and the counts now (setting changes call it). */
  update(): StatusState {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const counts = count(this.sources.collection);
    const scanning = this.sources.scans.scanning;
    const look = statusLook(counts, scanning);
    const { tooltip, label } = wording(counts, look.kind);
    const text = `$(${look.icon}) ${counts.total}`;
    const visible = this.sources.enabled();
    const next = { ...counts, visible, scanning, text, tooltip, accessibleLabel: label, warning: look.warning };
    // Each property set is a message to the workbench: only what changed is sent (most updates change nothing).
    this.show(next);
    this.last = next;
    return next;
  }

  private show(s: StatusState): void {
    const was = this.last;
    if (was?.text !== s.text) this.item.text = s.text;
    if (was?.tooltip !== s.tooltip) this.item.tooltip = s.tooltip;
    if (was?.accessibleLabel !== s.accessibleLabel) {
      this.item.accessibilityInformation = { label: s.accessibleLabel, role: 'button' };
    }
    if (was?.warning !== s.warning) {
      this.item.backgroundColor = s.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    if (was?.visible !== s.visible) {
      if (s.visible) this.item.show();
      else this.item.hide();
    }
  }

  /** What the item shows (after any pending update). */
  state(): StatusState {
    return this.timer || !this.last ? this.update() : this.last;
  }

  private schedule(): void {
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.update();
      }, UPDATE_MS);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
