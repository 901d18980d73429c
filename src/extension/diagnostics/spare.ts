// A scan process started before it is needed: Node's start-up and the bundle's load (40-70 ms, a sixth of a re-scan
// of a 200 MB tree) are then paid while nothing waits, not between "Scan Workspace" and the first file. One is held
// at a time; it ends on its own after an idle time (scanWorker.ts: the child exits when no request came), so a window
// that does not scan again holds nothing for long. Pure (no vscode): workspaceScan.ts gives it the fork, tests fakes.

/** What the holder needs of a process (a ChildProcess has all of it). */
export interface StartedProcess {
  /** False once its IPC channel closed (it ended, or its idle time ran out). */
  readonly connected: boolean;
  kill(): boolean;
}

/** Holds at most one started process; see the file comment. */
export class Spare<P extends StartedProcess> {
  private held?: { readonly proc: P; readonly at: number };

  /**
   * `start` forks a process; `maxAgeMs`: a held process older than this is not handed out (its own idle timeout, a
   * few seconds longer, may be about to end it) but ended, and a new one started instead.
   */
  constructor(
    private readonly start: () => P,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a process to hold unless a usable one is held already. A fork that throws leaves nothing held. */
  warm(): void {
    if (this.usable()) return;
    this.stop();
    try {
      this.held = { proc: this.start(), at: this.now() };
    } catch {
      this.held = undefined; // the next take() forks (and reports) for itself
    }
  }

  /** The held process when usable (then none is held), else a new one from `start` (which may throw). */
  take(): { readonly proc: P; readonly prestarted: boolean } {
    if (this.usable()) {
      const proc = this.held!.proc;
      this.held = undefined;
      return { proc, prestarted: true };
    }
    this.stop();
    return { proc: this.start(), prestarted: false };
  }

  /** Ends the held process, if any (deactivation, or one too old to hand out). */
  stop(): void {
    this.held?.proc.kill();
    this.held = undefined;
  }

  private usable(): boolean {
    return Boolean(this.held && this.held.proc.connected && this.now() - this.held.at < this.maxAgeMs);
  }
}
