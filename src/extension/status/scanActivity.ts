// Whether a workspace scan is running, for whoever shows it (the status bar item's spinner). The diagnostics
// feature's scan runner calls begin() and the returned end(); overlapping scans (a new one cancels the old, which
// still ends) are counted, so the state is "running" until the last one ended.
import * as vscode from 'vscode';

/** Counts running workspace scans; see the file comment. */
export class ScanActivity implements vscode.Disposable {
  private running = 0;
  private readonly changed = new vscode.EventEmitter<boolean>();
  /** Fires with the new state when the first scan starts or the last one ends. */
  readonly onDidChange = this.changed.event;

  /** True while at least one workspace scan runs. */
  get scanning(): boolean {
    return this.running > 0;
  }

  /** Marks a scan as started; call the returned function once when it ends (a second call does nothing). */
  begin(): () => void {
    if (this.running++ === 0) this.changed.fire(true);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.running === 0) this.changed.fire(false);
    };
  }

  dispose(): void {
    this.changed.dispose();
  }
}
