// "Check TLS" CodeLens above https:// URL literals, and a hover with the same command link. One scan per document
// (cached by version); an edit re-reads only the lines it wrote (updateHits), so typing in a 10,000-line file does not
// scan it whole again. The lens objects are kept too (a pause gets the same ones back) and get their titles in
// resolveCodeLens, for the lenses shown only. Nothing in untrusted workspaces (the command would refuse to connect).
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { codeLensEnabled } from '../settings';
import type { SettingsSnapshot } from '../settingsSnapshot';
import type { ProbeService } from '../endpoints/service';
import type { Slots } from '../slots';
import { findHttpsUrls, lensTargets, originOf, PROSE_LANGUAGES, titleWithProof, updateHits, UrlHit } from './urls';

/** What the lenses read from the prober: the re-checks of fixed lines (a handshake with the fix's bundle). */
export type ProofSource = Pick<ProbeService, 'proofsIn' | 'onDidProbe'>;

const COMMAND = COMMANDS.checkUrl;

type LensTarget = ReturnType<typeof lensTargets>[number];

/** A lens with what resolveCodeLens() needs of it (no side table: a line break above 200 URLs makes 200 again). */
class UrlLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    public target: LensTarget & { readonly uri: vscode.Uri },
  ) {
    super(range);
  }
}

/** What a lens shows apart from its line: a moved URL with the same signature keeps its lens (title resolved). */
function signature({ hit, title }: LensTarget): string {
  return `${hit.start}:${hit.end}:${title}:${hit.url}`;
}

/** Scans documents for URL literals once per version and serves both the CodeLens and the hover. */
export class UrlLensProvider implements vscode.CodeLensProvider, vscode.HoverProvider, vscode.Disposable {
  private readonly cache = new Map<string, { version: number; languageId: string; hits: UrlHit[] }>();
  /** The lenses of a hits array (an edit that moved no URL keeps the same array), until refresh(). */
  private lenses = new WeakMap<UrlHit[], UrlLens[]>();
  /** Per document the lenses made last: those of URLs that only moved are given their new range and served again. */
  private readonly made = new Map<string, UrlLens[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly proofs?: ProofSource,
    private readonly settings?: SettingsSnapshot,
  ) {
    if (proofs) this.disposables.push(proofs.onDidProbe(() => this.refresh()));
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cache.delete(d.uri.toString());
        this.made.delete(d.uri.toString());
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tlsDoctor.check.codeLens')) this.changed.fire();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refresh()),
    );
  }

  /** The URL literals of `doc` (cached by document version). */
  hits(doc: vscode.TextDocument): UrlHit[] {
    if (PROSE_LANGUAGES.has(doc.languageId) || !vscode.workspace.isTrusted) return [];
    const key = doc.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === doc.version && cached.languageId === doc.languageId) return cached.hits;
    const hits = findHttpsUrls(doc.getText(), doc.languageId);
    this.cache.set(key, { version: doc.version, languageId: doc.languageId, hits });
    return hits;
  }

  /**
   * Brings the cached hits of a document to its new version from the lines the change wrote. Only from the version
   * just before: a cache of an older version (a change this provider did not see) is dropped and rebuilt on demand.
   */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const cached = this.cache.get(key);
    if (!cached || cached.version >= e.document.version) return;
    if (cached.version !== e.document.version - 1 || cached.languageId !== e.document.languageId) {
      this.cache.delete(key);
      return;
    }
    const edits = e.contentChanges.map((c) => ({
      startLine: c.range.start.line,
      endLine: c.range.end.line,
      text: c.text,
    }));
    const hits = updateHits(cached.hits, edits, e.document.languageId, (line) => e.document.lineAt(line).text);
    this.cache.set(key, { version: e.document.version, languageId: e.document.languageId, hits });
  }

  /**
   * The lenses of `doc`: kept per hits array (an edit that moved no URL keeps it) until a probe or a setting changes,
   * so a typing pause gets the same objects back. They carry a range only; resolveCodeLens() gives each one shown its
   * title and command (once: the object keeps them). A URL that only moved (a line break above it) keeps its lens,
   * given its new range: no new objects and no resolve round trip for the lenses on screen.
   */
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.enabled(doc.uri)) return [];
    const hits = this.hits(doc);
    const kept = this.lenses.get(hits);
    if (kept) return kept;
    const key = doc.uri.toString();
    const old = new Map<string, UrlLens[]>();
    for (const l of this.made.get(key) ?? []) {
      const sig = signature(l.target);
      const same = old.get(sig);
      if (same) same.push(l);
      else old.set(sig, [l]);
    }
    // A title names a proof on its line (resolveCodeLens): with proofs in this file, a moved lens is resolved again.
    const proofs = (this.proofs?.proofsIn(doc.uri).length ?? 0) > 0;
    const lenses = lensTargets(hits).map((t) => {
      const target = { ...t, uri: doc.uri };
      const range = new vscode.Range(t.hit.line, t.hit.start, t.hit.line, t.hit.end);
      const lens = old.get(signature(t))?.shift();
      if (!lens) return new UrlLens(range, target);
      if (lens.range.start.line !== t.hit.line) {
        lens.range = range;
        if (proofs) lens.command = undefined;
      }
      lens.target = target;
      return lens;
    });
    this.lenses.set(hits, lenses);
    this.made.set(key, lenses);
    return lenses;
  }

  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (!(lens instanceof UrlLens) || lens.command) return lens;
    const { hit, title, origin, uri } = lens.target;
    const proofs = this.proofs?.proofsIn(uri) ?? [];
    lens.command = {
      title: this.proofTitle(
        title,
        origin,
        // This line's fix, else a fix for the same endpoint elsewhere in the file (the URL is often a constant a few
        // lines above the call that now names the bundle).
        proofs.find((p) => p.line === hit.line && originOf(p.endpoint.url) === origin) ??
          proofs.find((p) => originOf(p.endpoint.url) === origin),
      ),
      command: COMMAND,
      arguments: [hit.url],
      tooltip: `Check the certificate chain of ${origin} against each trust store`,
    };
    return lens;
  }

  /** tlsDoctor.check.codeLens for `uri`: from the settings snapshot when there is one. */
  private enabled(uri: vscode.Uri): boolean {
    return this.settings ? this.settings.get(codeLensEnabled, uri) : codeLensEnabled(uri);
  }

  /** Drops the kept lenses (a probe changed their titles) and asks the workbench for new ones. */
  private refresh(): void {
    this.lenses = new WeakMap();
    this.made.clear();
    this.changed.fire();
  }

  /** The title with the fix's proof on this line, when it is for this endpoint (a real handshake with its bundle). */
  private proofTitle(title: string, origin: string, proof: ReturnType<ProofSource['proofsIn']>[number] | undefined) {
    if (!proof || originOf(proof.endpoint.url) !== origin) return title;
    return titleWithProof(title, proof.check, vscode.workspace.asRelativePath(proof.check.bundle, false));
  }

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const hit = this.hits(doc).find((h) => h.line === pos.line && pos.character >= h.start && pos.character <= h.end);
    if (!hit) return undefined;
    const args = encodeURIComponent(JSON.stringify([hit.url]));
    const md = new vscode.MarkdownString(
      `[$(shield) Check TLS](command:${COMMAND}?${args} "Check the certificate chain of ${hit.origin}") — probe this endpoint's certificate chain and trust stores`,
      true,
    );
    md.isTrusted = { enabledCommands: [COMMAND] };
    return new vscode.Hover(md, new vscode.Range(hit.line, hit.start, hit.line, hit.end));
  }

  dispose(): void {
    this.cache.clear();
    this.made.clear();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/** Fills the lens and hover slots (files and untitled documents; prose languages are filtered inside). */
export function registerUrlLenses(slots: Slots, proofs?: ProofSource, settings?: SettingsSnapshot): vscode.Disposable {
  const provider = new UrlLensProvider(proofs, settings);
  return vscode.Disposable.from(provider, slots.fill('urlLens', provider), slots.fill('urlHover', provider));
}
