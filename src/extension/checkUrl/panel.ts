// The one reusable webview panel of the check commands (the webview-sample pattern: a class that owns its
// disposables, loads only from media/, strict CSP with a crypto nonce, actions through postMessage).
import * as vscode from 'vscode';
import type { CheckReport } from '../../core/tls/types';
import type { ExplainView } from '../explain/model';
import { viewSnippets } from '../explain/model';
import { renderExplanation } from '../explain/render';
import { collectSnippets } from './model';
import { BundleCheckView, pageContext, PageContext, renderReport } from './render';
import { parseWebviewMessage } from '../webviewMessage';

/** What the panel shows: one check report, or the explanation of a pasted error. */
export type PanelContent =
  | { readonly kind: 'report'; readonly report: CheckReport }
  | { readonly kind: 'explanation'; readonly explanation: ExplainView };

/** What the panel's buttons do; the feature module supplies them (they need settings, the log, the core). */
export interface PanelActions {
  recheck(url: string): Thenable<unknown>;
  /** "Check <host>" on an explanation: run the check, then re-state the explanation from its report. */
  checkExplained(view: ExplainView, url: string): Thenable<unknown>;
  saveCa(report: CheckReport): Promise<unknown>;
  createBundle(report: CheckReport): Promise<unknown>;
  copyEnv(report: CheckReport): Promise<unknown>;
  /** Handshakes made with a CA bundle as the trust for this report's endpoint (a fixed client's), newest first. */
  bundleChecks?(report: CheckReport): readonly BundleCheckView[];
  /** "Fix Trust for All Tools…", with the root of the report's chain (an explanation has none: the command asks). */
  fixTrust(report?: CheckReport): Thenable<unknown>;
}

/** What the page may post (validated in webviewMessage.ts: the page is ours, but what crosses is input). */
const MESSAGES = {
  plain: ['recheck', 'saveCa', 'createBundle', 'copyEnv', 'fixTrust'] as const,
  indexed: ['copy'] as const,
  url: /^https?:\/\//i,
};
type Message = NonNullable<ReturnType<typeof parseMessage>>;

function parseMessage(raw: unknown) {
  return parseWebviewMessage(raw, MESSAGES);
}

/**
 * Owns the check panel: at most one exists, and `show` reuses it. Created by the checkUrl feature at activation and
 * disposed with it (no module or class keeps the panel).
 */
export class CheckPanelHost implements vscode.Disposable {
  private current: CheckPanel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly actions: PanelActions,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Shows `content` in the existing panel, or creates it beside the active editor. */
  show(content: PanelContent): CheckPanel {
    const existing = this.current;
    if (existing) {
      existing.update(content);
      existing.reveal();
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(
      CheckPanel.viewType,
      'TLS Check',
      { viewColumn: column, preserveFocus: true },
      {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      },
    );
    const created = new CheckPanel(panel, this.extensionUri, content, this.actions, this.log, () => {
      if (this.current === created) this.current = undefined;
    });
    this.current = created;
    return created;
  }

  /** The open panel, if any. */
  get active(): CheckPanel | undefined {
    return this.current;
  }

  dispose(): void {
    this.current?.dispose();
  }
}

/** The check panel (see CheckPanelHost). */
export class CheckPanel implements vscode.Disposable {
  /** Webview view type (tests look for a tab with this type). */
  static readonly viewType = 'tlsDoctor.check';
  private readonly disposables: vscode.Disposable[] = [];
  private content: PanelContent;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    content: PanelContent,
    private readonly actions: PanelActions,
    private readonly log: vscode.LogOutputChannel,
    private readonly onDispose: () => void,
  ) {
    this.content = content;
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw), null, this.disposables);
    this.render();
  }

  /** Brings the panel to the front without taking focus. */
  reveal(): void {
    this.panel.reveal(this.panel.viewColumn, true);
  }

  /** Replaces what the panel shows. */
  update(content: PanelContent): void {
    this.content = content;
    this.render();
  }

  /** What the panel shows now. */
  get shown(): PanelContent {
    return this.content;
  }

  /** Tells the page that a re-check it started ended without a new report (cancelled or failed). */
  idle(): void {
    void this.panel.webview.postMessage({ type: 'idle' });
  }

  private render(): void {
    const webview = this.panel.webview;
    const media = (file: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    // remoteName: the check ran on the remote machine (SSH, WSL, container, Codespaces); the page says so.
    const remote = vscode.env.remoteName;
    const ctx: PageContext = { ...pageContext(webview.cspSource, media), ...(remote ? { remote } : {}) };
    if (this.content.kind === 'report') {
      this.panel.title = `TLS: ${this.content.report.host}`;
      const checks = this.actions.bundleChecks?.(this.content.report) ?? [];
      webview.html = renderReport(this.content.report, { ...ctx, ...(checks.length ? { bundleChecks: checks } : {}) });
    } else {
      this.panel.title = 'TLS Error Explained';
      webview.html = renderExplanation(this.content.explanation, ctx);
    }
  }

  private async onMessage(raw: unknown): Promise<void> {
    const msg = parseMessage(raw);
    if (!msg) {
      this.log.warn(`check panel: ignored an unexpected message from the webview`);
      return;
    }
    try {
      await this.dispatch(msg);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.log.error(`check panel: "${msg.type}" failed: ${why}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('TLS Doctor: {0}', why));
      this.idle();
    }
  }

  private async dispatch(msg: Message): Promise<void> {
    const content = this.content;
    const report = content.kind === 'report' ? content.report : undefined;
    if (msg.type === 'copy') {
      const snippet =
        content.kind === 'report'
          ? collectSnippets(content.report.causes)[msg.index]?.text
          : viewSnippets(content.explanation)[msg.index];
      if (snippet) await vscode.env.clipboard.writeText(snippet);
      return;
    }
    if (msg.type === 'checkUrl') {
      return this.afterCheck(
        await (content.kind === 'explanation'
          ? this.actions.checkExplained(content.explanation, msg.url)
          : this.actions.recheck(msg.url)),
      );
    }
    if (msg.type === 'fixTrust') {
      await this.actions.fixTrust(report);
      return;
    }
    if (!report) return;
    if (msg.type === 'recheck') return this.afterCheck(await this.actions.recheck(report.url));
    await this.actions[msg.type](report);
  }

  private afterCheck(result: unknown): void {
    if (!result) this.idle(); // a new report re-renders the page; without one, re-enable the buttons
  }

  dispose(): void {
    this.onDispose();
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
