// What the entry (src/extension.ts) registers with VS Code at activation, before the features are loaded: every
// command id, and one proxy per provider with its selector or view type. A proxy loads the features (dist/main.js,
// LazyHost.load) on its first call and then forwards to the implementation the feature filled its slot with. So
// activation reads one small bundle, and everything behind it is loaded on first use. No feature code in here: this
// module is part of the entry bundle.
import * as vscode from 'vscode';

/** A command handler as registered by the features (args in, result or thenable out). */
type Handler = (...args: unknown[]) => unknown;

/** The features' command handlers by id; the entry's registrations call into it. */
export class CommandRoutes {
  private readonly handlers = new Map<string, Handler>();

  /** Adds the handler of `id` (once: a second handler for an id is a bug, as VS Code says for registerCommand). */
  add(id: string, handler: Handler): vscode.Disposable {
    if (this.handlers.has(id)) throw new Error(`command '${id}' already exists`);
    this.handlers.set(id, handler);
    return new vscode.Disposable(() => this.handlers.delete(id));
  }

  has(id: string): boolean {
    return this.handlers.has(id);
  }

  invoke(id: string, args: unknown[]): unknown {
    const handler = this.handlers.get(id);
    if (!handler) throw new Error(`command '${id}' is not available`);
    return handler(...args);
  }
}

/** The view types of package.json's contributes.customEditors. */
export const VIEW_TYPES = { binary: 'tlsDoctor.certificateViewer', text: 'tlsDoctor.certificateViewerText' } as const;
/** Read-only documents of the trust checklist (trust/docs.ts). */
export const TRUST_SCHEME = 'tls-doctor-trust';
/** Read-only documents of dev-certificate snippets (devcert/snippets.ts). */
export const SNIPPET_SCHEME = 'tls-doctor-snippets';
/** The "TLS Endpoints" view of package.json's contributes.views. */
export const ENDPOINTS_VIEW = 'tlsDoctor.endpoints';

/** Files and unsaved documents (the URL lens and hover, the certificate hover). */
const FILES: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
/** Every document (findings come from code, scripts and config alike). */
const ANY: vscode.DocumentSelector = { pattern: '**/*' };
const VIEWER_OPTIONS = { webviewOptions: { enableFindWidget: true }, supportsMultipleEditorsPerDocument: true };

/** Each slot's provider type. */
export interface SlotTypes {
  fixes: vscode.CodeActionProvider;
  urlLens: vscode.CodeLensProvider;
  urlHover: vscode.HoverProvider;
  probeLens: vscode.CodeLensProvider;
  certificateHover: vscode.HoverProvider;
  endpointsTree: vscode.TreeDataProvider<unknown>;
  certificateViewer: vscode.CustomReadonlyEditorProvider;
  certificateViewerText: vscode.CustomReadonlyEditorProvider;
  terminalLinks: vscode.TerminalLinkProvider;
  trustDocs: vscode.TextDocumentContentProvider;
  snippetDocs: vscode.TextDocumentContentProvider;
}
export type SlotName = keyof SlotTypes;

/** Where the features put their providers (Services.slots). */
export interface Slots {
  /** Makes `impl` the provider behind slot `name`; disposing empties the slot again. */
  fill<K extends SlotName>(name: K, impl: SlotTypes[K]): vscode.Disposable;
}

/** The features, as the entry sees them once loaded. */
export interface Loaded {
  readonly commands: CommandRoutes;
}

/** What tlsDoctor.entry.state returns. */
export interface EntryState {
  readonly activateMs: number;
  readonly loadedAfterMs: number;
  readonly loadMs: number;
  readonly reason: string;
  readonly emptySlots: readonly SlotName[];
  readonly commandsWithoutHandler: readonly string[];
}

/** A terminal command that started before the features were loaded, and its output stream (read from the start). */
export interface TerminalStart {
  readonly terminal: vscode.Terminal;
  readonly execution: vscode.TerminalShellExecution;
  readonly stream: AsyncIterable<string>;
}

/** What the entry hands the features when it loads them (main.ts start()). */
export interface EntryHost {
  readonly commands: CommandRoutes;
  readonly slots: Slots;
  /** How long activate() took, how much later the features were loaded, why, and how long loading them took. */
  readonly activateMs: number;
  readonly loadedAfterMs: number;
  readonly loadMs: number;
  readonly reason: string;
  /** The timings above, and which provider slots and command ids have no implementation (tests: none). */
  describe(): EntryState;
  /** Terminal commands that started before the features were loaded, their output read from the start. */
  takeTerminalStarts(): TerminalStart[];
}

/** Loads the features on first use (see the file comment); `reason` says which use, for the log. */
export type Load = (reason: string) => Loaded;

/** The slot table: what each proxy is registered as. */
const SPECS: { readonly [K in SlotName]: (proxy: SlotTypes[K]) => vscode.Disposable } = {
  fixes: (p) =>
    vscode.languages.registerCodeActionsProvider(ANY, p, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  urlLens: (p) => vscode.languages.registerCodeLensProvider(FILES, p),
  urlHover: (p) => vscode.languages.registerHoverProvider(FILES, p),
  probeLens: (p) => vscode.languages.registerCodeLensProvider(ANY, p),
  certificateHover: (p) => vscode.languages.registerHoverProvider(FILES, p),
  endpointsTree: (p) => vscode.window.registerTreeDataProvider(ENDPOINTS_VIEW, p),
  certificateViewer: (p) => vscode.window.registerCustomEditorProvider(VIEW_TYPES.binary, p, VIEWER_OPTIONS),
  certificateViewerText: (p) => vscode.window.registerCustomEditorProvider(VIEW_TYPES.text, p, VIEWER_OPTIONS),
  terminalLinks: (p) => vscode.window.registerTerminalLinkProvider(p),
  trustDocs: (p) => vscode.workspace.registerTextDocumentContentProvider(TRUST_SCHEME, p),
  snippetDocs: (p) => vscode.workspace.registerTextDocumentContentProvider(SNIPPET_SCHEME, p),
};

/** Calls `method` of the slot's implementation with `args`; `fallback` when the features left the slot empty. */
type Call = <K extends SlotName>(name: K, method: string, args: unknown[], fallback?: unknown) => unknown;

/**
 * One object implementing every provider interface by forwarding, and firing the change events of whatever fills
 * its slot (lenses, tree, content). VS Code only calls the methods the provider kind has.
 */
function proxyFor(name: SlotName, call: Call, changes: vscode.EventEmitter<unknown>): object {
  const fwd =
    (method: string, fallback?: unknown) =>
    (...args: unknown[]) =>
      call(name, method, args, fallback);
  return {
    provideCodeActions: fwd('provideCodeActions', []),
    resolveCodeAction: fwd('resolveCodeAction'),
    provideCodeLenses: fwd('provideCodeLenses', []),
    resolveCodeLens: fwd('resolveCodeLens'),
    onDidChangeCodeLenses: changes.event,
    provideHover: fwd('provideHover'),
    getTreeItem: fwd('getTreeItem'),
    getChildren: fwd('getChildren', []),
    onDidChangeTreeData: changes.event,
    openCustomDocument: fwd('openCustomDocument'),
    resolveCustomEditor: fwd('resolveCustomEditor'),
    provideTerminalLinks: fwd('provideTerminalLinks', []),
    handleTerminalLink: fwd('handleTerminalLink'),
    provideTextDocumentContent: fwd('provideTextDocumentContent', ''),
    onDidChange: changes.event,
  };
}

/** The change event an implementation offers, whatever its provider kind calls it. */
function changeEventOf(impl: object): vscode.Event<unknown> | undefined {
  const i = impl as Record<string, unknown>;
  const e = i.onDidChangeCodeLenses ?? i.onDidChangeTreeData ?? i.onDidChange;
  return typeof e === 'function' ? (e as vscode.Event<unknown>) : undefined;
}

/**
 * Registers every slot's proxy (at activation) and is the Slots the features fill. A method missing from the
 * implementation answers as if the provider did not have it: resolveCodeAction/resolveCodeLens return their item unchanged.
 */
export class ProviderSlots implements Slots, vscode.Disposable {
  private readonly impls = new Map<SlotName, object>();
  private readonly changes = new Map<SlotName, vscode.EventEmitter<unknown>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly load: Load) {
    const call: Call = (name, method, args, fallback) => {
      if (!this.impls.has(name)) this.load(`${name}.${method}`);
      const impl = this.impls.get(name) as Record<string, unknown> | undefined;
      const fn = impl?.[method];
      if (typeof fn === 'function') return (fn as (...a: unknown[]) => unknown).apply(impl, args);
      return method === 'resolveCodeAction' || method === 'resolveCodeLens' ? args[0] : fallback;
    };
    for (const name of Object.keys(SPECS) as SlotName[]) {
      const changes = new vscode.EventEmitter<unknown>();
      this.changes.set(name, changes);
      const register = SPECS[name] as (p: object) => vscode.Disposable;
      this.disposables.push(changes, register(proxyFor(name, call, changes)));
    }
  }

  fill<K extends SlotName>(name: K, impl: SlotTypes[K]): vscode.Disposable {
    if (this.impls.has(name)) throw new Error(`provider slot '${name}' is already filled`);
    this.impls.set(name, impl);
    const changes = this.changes.get(name);
    const sub = changes && changeEventOf(impl)?.((e) => changes.fire(e));
    return new vscode.Disposable(() => {
      sub?.dispose();
      if (this.impls.get(name) === impl) this.impls.delete(name);
    });
  }

  /** The slots nothing filled (tests: none once the features are loaded). */
  empty(): SlotName[] {
    return (Object.keys(SPECS) as SlotName[]).filter((name) => !this.impls.has(name));
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.impls.clear();
  }
}
