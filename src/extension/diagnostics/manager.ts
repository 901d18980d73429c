// Owns the "TLS Doctor" diagnostic collection. Findings are kept raw (rule severities, before settings) per file, so
// a change of tlsDoctor.rules.severity or testFiles.severity re-renders without re-reading anything. A file's findings
// come either from its open editor (live text) or from disk (workspace scan); the editor wins while it is open.
import * as vscode from 'vscode';
import { isScannable, scanText } from '../../core/scan/index';
import { applySeverity } from '../../core/scan/severity';
import type { Finding } from '../../core/rules/types';
import { ruleDocsUri, toDiagnostic } from '../convert';
import type { FindingFacts, FindingStore } from '../findings';
import { ScanSettings, scanSettings } from '../settings';
import type { SettingsSnapshot } from '../settingsSnapshot';
import type { WorkspaceExcludes } from './excludes';
import type { LiveResult, LiveScanner } from './liveScan';
import type { TextEdit } from './liveText';

/** Where a file's current findings came from. */
export type Origin = 'editor' | 'disk';

interface Entry {
  readonly uri: vscode.Uri;
  /** Workspace-relative path (what rules and test-file detection see). */
  readonly path: string;
  readonly raw: readonly Finding[];
  readonly origin: Origin;
  /** The workspace scan generation that last confirmed a disk entry (older ones are pruned when a scan completes). */
  readonly generation: number;
  /** Facts computed where the file was scanned (the scan worker), by finding key; the store takes them as they are. */
  readonly facts?: ReadonlyMap<string, FindingFacts>;
  /** For editor entries: the document version and language scanned (the same version is never scanned twice). */
  readonly version?: string;
  /**
   * For editor entries: the size limit (bytes) the document was scanned under. A live re-scan in the same language
   * reuses it and skips the excludes check: a change of the excludes or of the limit rescans every open document.
   */
  readonly limit?: number;
  /**
   * The scan worker's identity of findings + facts (an identical re-scan re-renders nothing): for workspace-scan
   * entries and live re-scans made in the live scanner's worker.
   */
  readonly digest?: string;
  /** For live re-scans made in the worker: the shapeDigest of findings + facts (equal shapes: only positions moved). */
  readonly shape?: string;
}

/** Document schemes worth scanning live (user files, unsaved files, remote and virtual files, user settings). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata', 'vscode-notebook-cell']);

/** A document's length in characters without building its text (the host keeps line offsets up to date). */
function textLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

/** Path the core sees for `uri`: relative to its workspace folder when it has one. */
export function corePath(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? uri.path : vscode.workspace.asRelativePath(uri, false);
}

// ---- Extension point for other features (the endpoint verdicts of issue 6): add to a finding's diagnostic, and
// hear when a file's findings were shown (the FindingStore's onDidChange). Decorators run synchronously on every
// render, so keep them cheap.

/** Adjusts the diagnostic of `finding` in `uri` before it is shown (e.g. appends a probe verdict). */
export type DiagnosticDecorator = (uri: vscode.Uri, finding: Finding, diagnostic: vscode.Diagnostic) => void;

/** What the manager is built from (all owned by activate()). */
export interface DiagnosticsDeps {
  readonly log: vscode.LogOutputChannel;
  readonly findings: FindingStore;
  readonly excludes: WorkspaceExcludes;
  /** The rule pages inside the extension (diagnostic code links); undefined: links to the repository. */
  readonly bundledDocs?: vscode.Uri;
  /** The kept settings (Services.settings); undefined: read anew each time (tests that build a manager alone). */
  readonly settings?: SettingsSnapshot;
  /** Where typing pauses are re-scanned (a worker thread); undefined: on this thread, as on open and save. */
  readonly live?: LiveScanner;
}

/** Keeps diagnostics in step with editors and workspace scans. */
export class DiagnosticsManager implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('tlsDoctor');
  private readonly entries = new Map<string, Entry>();
  /** Per document its typing pause's timer, and the document it scans. */
  private readonly timers = new Map<string, { readonly doc: vscode.TextDocument; readonly timer: NodeJS.Timeout }>();
  private readonly decorators = new Set<DiagnosticDecorator>();
  private readonly log: vscode.LogOutputChannel;
  /** True once a workspace scan ran: closed and changed files then keep (or get) their on-disk results. */
  workspaceMode = false;
  /** Generation of the latest workspace scan; every entry set is stamped with it. */
  private generation = 0;
  /** Entries scanned but not shown yet (the workspace scan shows them in one update per batch). */
  private readonly staged = new Map<string, Entry>();
  /** Each rule page's Uri, made once (bounded by the rule set): every diagnostic of the rule links to the same one. */
  private readonly docs = new Map<string, vscode.Uri>();
  /**
   * One copy of each rule id, message and matched text the workspace scan sent (its messages carry each finding's
   * strings anew; most findings of a rule share them). Emptied when a scan begins and when it completes, so it never
   * outlives the findings that hold its strings.
   */
  private readonly strings = new Map<string, string>();
  /** Per document the ticket of its live re-scan in flight; a scan, edit or delete since makes the answer stale. */
  private readonly pendingLive = new Map<string, number>();
  private nextTicket = 0;
  /** Per entry the findings it shows, with the settings generation they were computed under (see shownKept). */
  private readonly kept = new WeakMap<Entry, { readonly generation: number; readonly shown: readonly Finding[] }>();

  constructor(
    private readonly deps: DiagnosticsDeps,
    private readonly debounceMs = 300,
  ) {
    this.log = deps.log;
  }

  /** Registers a decorator; every file is re-rendered so it applies at once (and again when it is removed). */
  addDecorator(decorator: DiagnosticDecorator): vscode.Disposable {
    this.decorators.add(decorator);
    this.rerender();
    return new vscode.Disposable(() => {
      this.decorators.delete(decorator);
      this.rerender();
    });
  }

  /** True for user documents (files, unsaved, remote, virtual, user settings); false for output channels, git views… */
  isLiveScheme(uri: vscode.Uri): boolean {
    return SCHEMES.has(uri.scheme);
  }

  /** True when a live document should be scanned: a user file, not excluded, in a language some family reads. */
  wantsDocument(doc: vscode.TextDocument): boolean {
    if (!SCHEMES.has(doc.uri.scheme)) return false;
    const ex = this.deps.excludes.excludeFor(doc.uri);
    if (ex?.matcher.excludes(ex.rel)) return false;
    return isScannable(corePath(doc.uri), doc.languageId);
  }

  /**
   * Scans an open document now (cancelling a pending debounced scan). Returns the findings shown. `again`: even if
   * this version was scanned (the excludes or the size limit changed).
   */
  scanDocument(doc: vscode.TextDocument, again = false): readonly Finding[] {
    this.cancelPending(doc.uri);
    this.pendingLive.delete(doc.uri.toString());
    const version = `${doc.version}:${doc.languageId}`;
    const known = this.entries.get(doc.uri.toString());
    // Saving, focusing or re-opening a document does not change its text: the findings and facts of that version
    // stand, and so does the check that the document is wanted (what could change it, a setting, passes `again`).
    // Auto-save makes this the path of every typing pause.
    if (!again && known?.origin === 'editor' && known.version === version) return this.shownKept(known);
    if (!this.wantsDocument(doc)) {
      this.delete(doc.uri);
      return [];
    }
    const limit = this.scanSettingsOf(doc.uri).maxFileSizeKB * 1024;
    const text = doc.getText();
    if (text.length > limit) {
      this.log.info(
        `skipped ${corePath(doc.uri)}: ${Math.round(text.length / 1024)} KB is over tlsDoctor.scan.maxFileSizeKB`,
      );
      this.delete(doc.uri);
      return [];
    }
    return this.set(doc.uri, text, 'editor', doc.languageId, version, limit);
  }

  /**
   * A document was saved. Its text is that of its current version: when a typing pause's scan of it is scheduled or
   * in flight (auto-save comes a second after the last keystroke, and a loaded machine may still be scanning in the
   * worker), that scan shows it; else scanDocument() (which keeps what a scanned version showed).
   */
  saved(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (this.timers.has(key) || this.pendingLive.has(key)) return;
    this.scanDocument(doc);
  }

  /**
   * Debounced scan for typing. A keystroke while the document's timer runs restarts that timer (refresh) rather than
   * replacing it; a timer for another object of the same Uri (closed and re-opened) is replaced.
   */
  schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending?.doc === doc) {
      pending.timer.refresh();
      return;
    }
    this.cancelPending(doc.uri);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed) this.scanLive(doc);
    }, this.debounceMs);
    this.timers.set(key, { doc, timer });
  }

  /** An edit of an open document (onDidChangeTextDocument): the live scanner's copy follows it. */
  edited(e: vscode.TextDocumentChangeEvent): void {
    const live = this.deps.live;
    if (!live) return;
    const edits = e.contentChanges.map((c): TextEdit => [c.rangeOffset, c.rangeLength, c.text]);
    live.edited(e.document.uri.toString(), e.document.version, edits);
  }

  /** A document closed: the live scanner drops its copy. */
  closed(doc: vscode.TextDocument): void {
    this.deps.live?.closed(doc.uri.toString());
  }

  /**
   * The typing pause's scan: in the live scanner's worker when there is one (the main thread posts a version number
   * and applies the answer if the document is still at that version), else scanDocument().
   */
  private scanLive(doc: vscode.TextDocument): void {
    const live = this.deps.live;
    const key = doc.uri.toString();
    const version = `${doc.version}:${doc.languageId}`;
    const known = this.entries.get(key);
    if (known?.origin === 'editor' && known.version === version) return;
    // The checks of scanDocument, from what the last scan of this document in this language found (see Entry.limit).
    const again = known?.origin === 'editor' && known.version?.endsWith(`:${doc.languageId}`);
    const limit = again
      ? known.limit
      : this.wantsDocument(doc)
        ? this.scanSettingsOf(doc.uri).maxFileSizeKB * 1024
        : undefined;
    if (!live || limit === undefined || (live.lengthAt(key, doc.version) ?? textLength(doc)) > limit) {
      this.scanDocument(doc); // what it does with an unwanted or too large document is the same for both
      return;
    }
    const ticket = this.nextTicket++;
    this.pendingLive.set(key, ticket);
    const digest = known?.origin === 'editor' ? known.digest : undefined;
    void live
      .scan(
        // The version read when the scanner reads the text: a text sent again (the copy was stale) is labelled with
        // its own version, not that of the pause.
        {
          key,
          get version() {
            return doc.version;
          },
          getText: () => doc.getText(),
        },
        known?.path ?? corePath(doc.uri),
        doc.languageId,
        digest,
      )
      .then((r) => {
        if (this.pendingLive.get(key) !== ticket) return;
        this.pendingLive.delete(key);
        if (doc.isClosed || `${doc.version}:${doc.languageId}` !== version) return; // a newer pause follows
        // No worker, or its copy is not this text (length differs): this thread scans the text itself. New findings
        // are checked against the document itself before they are shown; "same" shows nothing new, so the length the
        // edits gave is enough (and costs no line index rebuild).
        const length = r?.kind === 'same' ? (live.lengthAt(key, doc.version) ?? textLength(doc)) : textLength(doc);
        if (!r || r.length !== length) this.scanDocument(doc);
        else this.applyLive(doc.uri, r, version, limit);
      });
  }

  /** Shows a live re-scan's answer: "same" only records the version scanned; new findings render like set(). */
  private applyLive(uri: vscode.Uri, r: LiveResult, version: string, limit: number): void {
    const key = uri.toString();
    const shown = this.entries.get(key);
    if (r.kind === 'same') {
      if (shown?.origin !== 'editor') return;
      const next = { ...shown, version };
      this.entries.set(key, next);
      const kept = this.kept.get(shown);
      if (kept) this.kept.set(next, kept); // the same findings under the same settings
      return;
    }
    const entry: Entry = {
      uri,
      // The path the worker scanned under (scanLive sends the shown entry's; asRelativePath per pause otherwise).
      path: shown?.path ?? corePath(uri),
      raw: r.findings,
      origin: 'editor',
      generation: this.generation,
      facts: new Map(r.facts),
      version,
      digest: r.digest,
      shape: r.shape,
      limit,
    };
    this.entries.set(key, entry);
    // Not the digest shown (for that one the worker answers "same"): the findings or their facts changed, so they are
    // published without comparing them one by one with those recorded (a line break above 200 findings: ~0.8 ms).
    // Only a shown version scanned on this thread (no digest) is compared. The same shape as shown: the findings only
    // moved (lines inserted or removed above them), which the store tells its listeners apart from a change.
    const moved = shown?.origin === 'editor' && shown.shape === r.shape;
    this.render(entry, undefined, shown?.origin === 'editor' && shown.digest === undefined, true, moved);
  }

  /** The scan settings of `uri`: from the snapshot (once per folder until a change), else read now. */
  private scanSettingsOf(uri: vscode.Uri): ScanSettings {
    return this.deps.settings ? this.deps.settings.get(scanSettings, uri) : scanSettings(uri);
  }

  private cancelPending(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.timers.get(key);
    if (t) {
      clearTimeout(t.timer);
      this.timers.delete(key);
    }
  }

  /** Scans `text` as the content of `uri` and shows the result. */
  set(
    uri: vscode.Uri,
    text: string,
    origin: Origin,
    languageId?: string,
    version?: string,
    limit?: number,
  ): readonly Finding[] {
    const path = corePath(uri);
    // Raw findings: suppressions applied, severities not (they are applied in render, from the current settings).
    const raw = scanText(text, path, { languageId, testFileSeverity: 'default' });
    const entry: Entry = {
      uri,
      path,
      raw,
      origin,
      generation: this.generation,
      ...(version ? { version } : {}),
      ...(limit !== undefined ? { limit } : {}),
    };
    // Only a re-scan from the same origin may publish nothing (typing; a file changed on disk): an opened document
    // taking over from its on-disk results is news to the store's listeners even with the same findings.
    const again = this.entries.get(uri.toString())?.origin === origin;
    this.entries.set(uri.toString(), entry);
    return this.render(entry, text, again);
  }

  /** Starts a workspace scan generation: disk entries it does not confirm are pruned by pruneUnconfirmed(). */
  beginScan(): void {
    this.generation++;
    this.strings.clear();
  }

  /**
   * Takes a file's findings from the workspace scan (raw, with the facts computed where it was scanned) without showing
   * them yet: publishStaged() shows everything staged in one update. No findings: the file's entry goes (nothing is
   * published for clean files). Findings identical to those shown (same digest) are only confirmed, not re-rendered.
   */
  stage(
    uri: vscode.Uri,
    raw: readonly Finding[],
    facts: ReadonlyMap<string, FindingFacts>,
    digest?: string,
    path?: string,
  ): void {
    const key = uri.toString();
    const shown = this.entries.get(key);
    if (raw.length === 0) {
      this.staged.delete(key);
      if (shown?.origin === 'disk') this.delete(uri);
      return;
    }
    if (digest !== undefined && shown?.origin === 'disk' && shown.digest === digest) {
      this.entries.set(key, { ...shown, generation: this.generation });
      return;
    }
    const entry: Entry = {
      uri,
      // `path`: the caller's corePath(uri) when it knows it (the workspace scan: the folder-relative path).
      path: path ?? corePath(uri),
      raw: raw.map((f) => this.shared(f)),
      origin: 'disk',
      generation: this.generation,
      facts: this.sharedFacts(facts),
      ...(digest !== undefined ? { digest } : {}),
    };
    this.entries.set(key, entry);
    this.staged.set(key, entry);
  }

  /** Shows every staged entry in one diagnostics update; `settings`: the caller's, when it knows them for every one. */
  publishStaged(settings?: ScanSettings): void {
    if (this.staged.size === 0) return;
    const batch: [vscode.Uri, vscode.Diagnostic[]][] = [];
    // The settings are read once per workspace folder, not once per file (the snapshot, or this batch's own map): a
    // Uri-scoped setting is its folder's, and each read costs ~0.5 ms (on a 200 MB tree it was most of the cold scan's
    // main-thread time).
    const byFolder = new Map<string, ScanSettings>();
    const settingsOf = (uri: vscode.Uri) => {
      if (settings) return settings;
      if (this.deps.settings) return this.deps.settings.get(scanSettings, uri);
      const key = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
      let s = byFolder.get(key);
      if (!s) byFolder.set(key, (s = scanSettings(uri)));
      return s;
    };
    for (const e of this.staged.values()) batch.push([e.uri, this.renderedDiagnostics(e, settingsOf(e.uri))]);
    this.staged.clear();
    this.collection.set(batch);
  }

  /** Drops disk entries the latest completed workspace scan did not confirm (deleted, newly excluded files). */
  pruneUnconfirmed(): void {
    this.strings.clear();
    for (const e of [...this.entries.values()]) {
      if (e.origin === 'disk' && e.generation < this.generation) this.delete(e.uri);
    }
  }

  /** Workspace-relative paths (corePath) of disk entries under `folder`, for the scan to re-check even if clean now. */
  diskPathsIn(folder: vscode.Uri): string[] {
    const prefix = folder.path.replace(/\/?$/, '/');
    const same = (u: vscode.Uri) => u.scheme === folder.scheme && u.authority === folder.authority;
    return [...this.entries.values()]
      .filter((e) => e.origin === 'disk' && same(e.uri) && e.uri.path.startsWith(prefix))
      .map((e) => e.uri.path.slice(prefix.length));
  }

  /**
   * Shows `e`. A re-scan (`again`: of the same origin, `text` given) whose findings and facts equal those recorded (and
   * so shown) publishes nothing: no diagnostics update, no code-action or lens refresh. Re-renders (settings,
   * decorators, probe verdicts) always publish, since what they change is not in the findings.
   */
  private render(
    e: Entry,
    text?: string,
    again = false,
    rescanned = text !== undefined,
    moved = false,
  ): readonly Finding[] {
    this.staged.delete(e.uri.toString());
    const shown = this.shownKept(e);
    // Recorded first: decorators read what the store knows about the findings (their endpoints).
    const changed = this.deps.findings.record(e.uri, shown, e.path, text, e.facts, !again, moved);
    if (changed || !again || !rescanned) this.collection.set(e.uri, this.diagnosticsOf(e.uri, shown));
    return shown;
  }

  private renderedDiagnostics(e: Entry, settings?: ScanSettings): vscode.Diagnostic[] {
    return this.prepare(e, settings).diagnostics;
  }

  /**
   * What shownOf(e) gave, while the settings snapshot has not changed since (its generation): the auto-save after a
   * typing pause asks for the findings of the version just scanned, and applying the severities again cost ~0.2 ms
   * on 200 findings. Without a snapshot (a manager built alone), computed each time.
   */
  private shownKept(e: Entry): readonly Finding[] {
    const generation = this.deps.settings?.generation;
    const kept = this.kept.get(e);
    if (generation !== undefined && kept?.generation === generation) return kept.shown;
    const shown = this.shownOf(e);
    if (generation !== undefined) this.kept.set(e, { generation, shown });
    return shown;
  }

  /** The findings `e` shows under the current severity settings. */
  private shownOf(e: Entry, s: ScanSettings = this.scanSettingsOf(e.uri)): readonly Finding[] {
    return applySeverity(e.raw, e.path, { severities: s.severities, testFileSeverity: s.testFileSeverity });
  }

  /** Applies the severity settings, records the shown findings in the store and builds their diagnostics. */
  private prepare(e: Entry, settings?: ScanSettings): { shown: readonly Finding[]; diagnostics: vscode.Diagnostic[] } {
    const shown = this.shownOf(e, settings);
    // Recorded first: decorators read what the store knows about the findings (their endpoints).
    this.deps.findings.record(e.uri, shown, e.path, undefined, e.facts);
    return { shown, diagnostics: this.diagnosticsOf(e.uri, shown) };
  }

  /** The decorated diagnostics of `shown`, linked to their findings in the store. */
  private diagnosticsOf(uri: vscode.Uri, shown: readonly Finding[]): vscode.Diagnostic[] {
    const pairs = shown.map((f) => [this.decorated(uri, f), f] as const);
    this.deps.findings.link(pairs);
    return pairs.map(([d]) => d);
  }

  /** Re-renders one file (or all) from the stored findings. */
  rerender(uri?: vscode.Uri): void {
    const e = uri && this.entries.get(uri.toString());
    if (e) this.render(e);
    else if (!uri) this.renderAll();
  }

  /** Re-applies severity settings to every file (no re-scan). */
  renderAll(): void {
    for (const e of this.entries.values()) this.render(e);
  }

  /** The origin of the findings currently shown for `uri`, if any. */
  originOf(uri: vscode.Uri): Origin | undefined {
    return this.entries.get(uri.toString())?.origin;
  }

  /** URIs whose findings came from disk (for pruning after a workspace scan). */
  diskUris(): vscode.Uri[] {
    return [...this.entries.values()].filter((e) => e.origin === 'disk').map((e) => e.uri);
  }

  /** Number of findings currently shown, over all files. */
  count(): number {
    let n = 0;
    this.collection.forEach((_, d) => {
      n += d.length;
    });
    return n;
  }

  /** Removes the findings of `uri`. */
  delete(uri: vscode.Uri): void {
    this.cancelPending(uri);
    this.pendingLive.delete(uri.toString());
    this.staged.delete(uri.toString());
    this.entries.delete(uri.toString());
    this.collection.delete(uri);
    this.deps.findings.forget(uri);
  }

  /** Removes the findings of `uri` and of every file under it (a deleted or renamed folder). */
  deleteUnder(uri: vscode.Uri): void {
    const prefix = uri.toString().replace(/\/?$/, '/');
    for (const e of [...this.entries.values()]) {
      if (e.uri.toString() === uri.toString() || e.uri.toString().startsWith(prefix)) this.delete(e.uri);
    }
  }

  /** The copy of `s` already held (see `strings`), else `s`, held from now on. */
  private one<T extends string>(s: T): T {
    const held = this.strings.get(s);
    if (held !== undefined) return held as T;
    this.strings.set(s, s);
    return s;
  }

  /** `f` with its strings replaced by the copies already held. */
  private shared(f: Finding): Finding {
    const related = f.related?.map((r) => ({ ...r, message: this.one(r.message) }));
    return {
      ...f,
      ruleId: this.one(f.ruleId),
      severity: this.one(f.severity),
      message: this.one(f.message),
      value: this.one(f.value),
      ...(related ? { related } : {}),
    };
  }

  /** `facts` with their strings (trust shape, endpoint) replaced by the copies already held. */
  private sharedFacts(facts: ReadonlyMap<string, FindingFacts>): ReadonlyMap<string, FindingFacts> {
    const out = new Map<string, FindingFacts>();
    for (const [k, v] of facts) {
      const ep = v.endpoint;
      const endpoint = ep && { ...ep, url: this.one(ep.url), host: this.one(ep.host), via: this.one(ep.via) };
      out.set(k, { ...v, trust: this.one(v.trust), ...(endpoint ? { endpoint } : {}) });
    }
    return out;
  }

  private docsOf(ruleId: string): vscode.Uri {
    let uri = this.docs.get(ruleId);
    if (!uri) this.docs.set(ruleId, (uri = ruleDocsUri(ruleId, this.deps.bundledDocs)));
    return uri;
  }

  private decorated(uri: vscode.Uri, f: Finding): vscode.Diagnostic {
    const d = toDiagnostic(f, uri, this.deps.bundledDocs, this.docsOf(f.ruleId));
    for (const decorate of this.decorators) decorate(uri, f, d);
    return d;
  }

  /** The workspace excludes this manager scans by (the workspace scan lists files with them). */
  get excludes(): WorkspaceExcludes {
    return this.deps.excludes;
  }

  dispose(): void {
    this.decorators.clear();
    this.entries.clear(); // a decorator removed after this re-renders nothing
    this.staged.clear();
    for (const t of this.timers.values()) clearTimeout(t.timer);
    this.timers.clear();
    this.collection.dispose();
  }
}
