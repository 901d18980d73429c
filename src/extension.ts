// The entry (dist/extension.js): what activation loads. It registers every command id and one proxy per provider
// (src/extension/slots.ts) and loads the features (dist/main.js, src/extension/main.ts) on first use: a command, a
// provider call, or right after activation when there is work waiting (documents to scan, the workspace scan on
// activation). Activation itself reads nothing but this small bundle. Keep it free of feature and core imports: a
// unit test checks what this bundle holds.
import * as path from 'path';
import * as vscode from 'vscode';
import { COMMAND_TABLE } from './extension/commandIds';
import { CommandRoutes, EntryHost, Loaded, ProviderSlots, TerminalStart } from './extension/slots';

/** Schemes of documents the features scan live (the diagnostics manager's list). */
const LIVE = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata', 'vscode-notebook-cell']);

/** Terminal commands kept for the features while they are not loaded (the explain feature's output recorder). */
const MAX_PENDING_TERMINALS = 20;

/** Loads dist/main.js once and starts the features; see the file comment. */
class LazyHost implements vscode.Disposable {
  readonly commands = new CommandRoutes();
  readonly slots: ProviderSlots;
  private loaded?: Loaded;
  readonly activatedAt = performance.now();
  activateMs = 0;
  private readonly terminals: TerminalStart[] = [];
  private readonly waiting: vscode.Disposable[] = [];
  private soon?: ReturnType<typeof setTimeout>;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.slots = new ProviderSlots((reason) => this.load(reason));
  }

  /** The features, loading them now if they are not yet (synchronously: callers need them in this call). */
  load(reason: string): Loaded {
    if (this.loaded) return this.loaded;
    this.stopWaiting();
    const t0 = performance.now();
    // A computed path: esbuild leaves it alone instead of inlining the features into the entry.
    const main = require(path.join(__dirname, 'main.js')) as typeof import('./extension/main');
    const loadMs = performance.now() - t0;
    const times = { activateMs: this.activateMs, loadedAfterMs: t0 - this.activatedAt, loadMs, reason };
    const entry: EntryHost = {
      commands: this.commands,
      slots: this.slots,
      ...times,
      describe: () => ({
        ...times,
        emptySlots: this.slots.empty(),
        commandsWithoutHandler: Object.values(COMMAND_TABLE)
          .map((c) => c.id)
          .filter((id) => !this.commands.has(id)),
      }),
      takeTerminalStarts: () => this.terminals.splice(0),
    };
    this.loaded = main.start(this.context, entry);
    return this.loaded;
  }

  /**
   * Loads the features on the next turn when work is waiting now (the workspace scan on activation, documents to
   * scan), else when a document opens or a terminal command starts (recorded for the explain feature meanwhile).
   */
  loadWhenNeeded(): void {
    const scan =
      Boolean(vscode.workspace.workspaceFolders?.length) &&
      vscode.workspace.getConfiguration('tlsDoctor').get<boolean>('scan.onActivation', true);
    const live = (d: vscode.TextDocument) => LIVE.has(d.uri.scheme);
    if (scan) return this.loadSoon('the workspace scan on activation');
    if (vscode.workspace.textDocuments.some(live)) return this.loadSoon('open documents');
    this.waiting.push(
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (live(d)) this.loadSoon(`${d.uri.scheme} document opened`);
      }),
      vscode.window.onDidStartTerminalShellExecution((e) => {
        // Read from now: a stream returns only what is written after it was asked for.
        if (this.terminals.length < MAX_PENDING_TERMINALS) {
          this.terminals.push({ terminal: e.terminal, execution: e.execution, stream: e.execution.read() });
        }
        this.loadSoon('a terminal command');
      }),
    );
  }

  private loadSoon(reason: string): void {
    this.soon ??= setTimeout(() => this.load(reason), 0);
  }

  private stopWaiting(): void {
    if (this.soon) clearTimeout(this.soon);
    while (this.waiting.length) this.waiting.pop()?.dispose();
  }

  dispose(): void {
    this.stopWaiting();
    this.slots.dispose();
  }
}

export function activate(context: vscode.ExtensionContext): void {
  const host = new LazyHost(context);
  context.subscriptions.push(host);
  for (const { id } of Object.values(COMMAND_TABLE)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, (...args: unknown[]) => host.load(`command ${id}`).commands.invoke(id, args)),
    );
  }
  host.loadWhenNeeded();
  host.activateMs = performance.now() - host.activatedAt;
}

export function deactivate(): void {
  // Every resource is a disposable on context.subscriptions.
}
