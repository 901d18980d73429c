// "TLS Doctor: Fix Trust for All Tools…": find the inspecting proxy's root (a probe through the ProbeService, a CA
// file, or the chain a Check TLS report already holds), ask for consent in a modal that shows its fingerprint, show
// the plan as a checklist (each tool's mechanism, why, and its diff), apply the ticked tools through core/trust (the
// journal), prove it with the real tools under a progress notification, and offer Undo (the core undo). Nothing is
// written before the modal is confirmed and the checklist accepted.
import * as vscode from 'vscode';
import type { ChainReport, Plan, RootCandidate, RootResult, Tool, ToolId, VerifyResult } from '../../core/trust/index';
import { refusalText } from '../endpoints/service';
import { loadTls, loadTrust } from '../lazy';
import type { Services } from '../services';
import type { TrustDocs } from './docs';
import { checklistRows, consentDetail, diffText, remoteNote, remoteWhere, resultRows } from './model';

/** What the command was given: a URL to probe, a CA file, or the report of a check already made (Check TLS, Explain). */
export interface FixTrustArgs {
  readonly url?: string;
  readonly caFile?: string;
  readonly report?: ChainReport & { readonly url?: string };
  /**
   * The SHA-256 fingerprints (colon-separated, as shown) a caller already had the user confirm: the modal is skipped
   * only when every root found is one of them, so a different root still asks. (VS Code refuses modals in extension
   * tests; the integration test confirms this way, and checks the modal's text through `consent` of a declined run.)
   */
  readonly confirmedSha256?: readonly string[];
  /** Start the checklist on the workspace plan (the checklist's button switches either way). */
  readonly scope?: TrustScope;
}

/** What happened, for callers and tests. */
export interface FixTrustOutcome {
  readonly step: 'untrusted' | 'cancelled' | 'refused' | 'declined' | 'applied' | 'undone';
  readonly roots?: readonly { subject: string; sha256: string }[];
  readonly tools?: readonly ToolId[];
  readonly scope?: TrustScope;
  readonly written?: readonly string[];
  readonly errors?: readonly string[];
  readonly results?: readonly VerifyResult[];
  readonly reason?: string;
  /** The modal's detail, when it was shown (subject, SHA-256…). */
  readonly consent?: string;
}

/** The quick picks' title (a function: vscode.l10n.t needs the bundle loaded, at run time). */
const title = () => vscode.l10n.t('TLS Doctor: Fix Trust for All Tools');

/** Where a root may come from, as the first quick pick offers it. */
type Source = { url: string } | { caFile: string };

/** The package hosts the workspace uses (its registries, else the public ones), read from its files. */
async function workspaceHosts(): Promise<{ url: string; from: string }[]> {
  const trust = loadTrust();
  const files = new Map<string, string>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const name of trust.HOST_FILES) {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, name));
        files.set(name, `${files.get(name) ?? ''}${new TextDecoder().decode(bytes)}\n`);
      } catch {
        // not there
      }
    }
  }
  return trust.packageHosts(files);
}

async function pickSource(): Promise<Source | undefined> {
  const hosts = await workspaceHosts();
  type Item = vscode.QuickPickItem & { pick: 'url' | 'other' | 'file'; url?: string };
  const items: Item[] = [
    ...hosts.map((h) => ({
      label: `$(globe) ${h.url}`,
      description: h.from,
      detail: vscode.l10n.t('Probe it: behind an inspecting proxy its chain ends at the proxy root'),
      pick: 'url' as const,
      url: h.url,
    })),
    { label: `$(edit) ${vscode.l10n.t('Another URL…')}`, pick: 'other' },
    { label: `$(file) ${vscode.l10n.t('A CA certificate file…')}`, pick: 'file' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: title(),
    placeHolder: vscode.l10n.t('Where does the root come from? A host your tools fail on, or the file IT gave you'),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.pick === 'url' && picked.url) return { url: picked.url };
  if (picked.pick === 'file') {
    const files = await vscode.window.showOpenDialog({
      title: vscode.l10n.t('The root certificate to trust (PEM)'),
      canSelectMany: false,
      filters: { [vscode.l10n.t('Certificates')]: ['pem', 'crt', 'cer'], [vscode.l10n.t('All files')]: ['*'] },
    });
    return files?.[0] ? { caFile: files[0].fsPath } : undefined;
  }
  const url = await askUrl(hosts[0]?.url);
  return url ? { url } : undefined;
}

async function askUrl(value?: string, prompt?: string): Promise<string | undefined> {
  const url = await vscode.window.showInputBox({
    title: title(),
    prompt: prompt ?? vscode.l10n.t('An https:// URL your tools fail on (it is probed to read the chain)'),
    value: value ?? 'https://',
    ignoreFocusOut: true,
    validateInput: (v) => {
      try {
        loadTls().parseTarget(v.trim());
        return undefined;
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    },
  });
  return url?.trim() || undefined;
}

/** The root `source` gives: a probe through the ProbeService (trust guard, allow-list, limiter), or a file. */
async function rootsOf(services: Services, source: Source): Promise<RootResult[] | { refused: string }> {
  const trust = loadTrust();
  const o = { env: process.env };
  if ('caFile' in source) return trust.rootsFromCaFile(source.caFile, o);
  const target = loadTls().parseTarget(source.url);
  const report = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('TLS Doctor: reading the chain of {0}…', target.host),
    },
    () => services.probes.checkNow(target),
  );
  if ('refused' in report) return { refused: refusalText(report.refused, target.host) };
  return [await trust.rootFromChain(report, source.url, o)];
}

/** The modal: subject and SHA-256 of each root; true only when the user confirmed (a refused dialog declines). */
async function confirm(roots: readonly RootCandidate[], log: vscode.LogOutputChannel): Promise<boolean> {
  const yes = vscode.l10n.t('Trust This Root');
  const answer = await Promise.resolve(
    vscode.window.showWarningMessage(
      roots.length === 1
        ? vscode.l10n.t(
            'Trust "{0}" in every tool?',
            roots[0].vendor ? `${roots[0].subject} (${roots[0].vendor})` : roots[0].subject,
          )
        : vscode.l10n.t('Trust these {0} roots in every tool?', roots.length),
      { modal: true, detail: consentDetail(roots) },
      yes,
    ),
  ).catch((e: unknown) => {
    log.warn(`trust: the consent dialog could not be shown (${e instanceof Error ? e.message : String(e)}): declined`);
    return undefined;
  });
  return answer === yes;
}

type ToolItem = vscode.QuickPickItem & { tool: ToolId };

/** Where the plan applies: the user's home (the default) or the first workspace folder, for committing. */
export type TrustScope = 'user' | 'workspace';

/** The plan for a scope and a subset of the tools (all when `only` is undefined). */
type Planner = (scope: TrustScope, only?: readonly ToolId[]) => Plan;

/**
 * The checklist: one ticked row per tool, a diff button per row, a whole-plan button and (with a workspace open) a
 * button that switches between the home and the workspace plan. The ticked tools and the scope, or undefined.
 */
async function checklist(
  planFor: Planner,
  initial: TrustScope,
  canWorkspace: boolean,
  docs: TrustDocs,
  note: string | undefined,
  where: string,
): Promise<{ tools: ToolId[]; scope: TrustScope } | undefined> {
  const qp = vscode.window.createQuickPick<ToolItem>();
  const diffButton: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('diff'),
    tooltip: vscode.l10n.t('Show diff'),
  };
  const planButton: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('file-code'),
    tooltip: vscode.l10n.t('Show the whole plan (read-only)'),
  };
  const toWorkspace: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('repo'),
    tooltip: vscode.l10n.t('Plan for this workspace instead (.env, launch.json, devcontainer: for committing)'),
  };
  const toUser: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('home'),
    tooltip: vscode.l10n.t('Plan for your home instead (your tools on this machine)'),
  };
  let scope = initial;
  const show = () => {
    const items: ToolItem[] = checklistRows(planFor(scope)).map((r) => ({ ...r, buttons: [diffButton] }));
    qp.title =
      scope === 'workspace'
        ? vscode.l10n.t('Trust plan for this workspace (for committing): untick what to leave alone')
        : vscode.l10n.t('Trust plan for {0}: untick what to leave alone', where);
    qp.placeholder = vscode.l10n.t(
      'Each ticked tool is configured{0}; nothing is written before you accept',
      scope === 'user' && note ? vscode.l10n.t(' (on {0}, where the tools run: see the whole plan)', where) : '',
    );
    qp.items = items;
    qp.selectedItems = items.filter((i) => i.picked);
    qp.buttons = [planButton, ...(canWorkspace ? [scope === 'user' ? toWorkspace : toUser] : [])];
  };
  qp.canSelectMany = true;
  qp.ignoreFocusOut = true;
  qp.matchOnDetail = true;
  show();
  const wholePlan = () =>
    `${note && scope === 'user' ? `# ${note}\n\n` : ''}${loadTrust().planText(
      planFor(
        scope,
        qp.selectedItems.map((i) => i.tool),
      ),
    )}`;
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: { tools: ToolId[]; scope: TrustScope } | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidTriggerItemButton((e) => {
      const p = planFor(scope, [e.item.tool]);
      void docs.show(
        `${e.item.tool}.diff`,
        diffText(p, vscode.l10n.t('What trusting the root changes for {0}', e.item.label)),
      );
    });
    qp.onDidTriggerButton((b) => {
      if (b === planButton) void docs.show('plan.txt', wholePlan());
      else {
        scope = scope === 'user' ? 'workspace' : 'user';
        show();
      }
    });
    qp.onDidAccept(() => finish({ tools: qp.selectedItems.map((i) => i.tool), scope }));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

/** The URL the tools are verified against: the probed one, else one the user gives (Escape: no verification). */
async function verifyUrl(source: Source | undefined, arg: FixTrustArgs): Promise<string | undefined> {
  if (source && 'url' in source) return source.url;
  if (arg.report?.url) return arg.report.url;
  const hosts = await workspaceHosts();
  return askUrl(hosts[0]?.url, vscode.l10n.t('Verify against which https:// URL? (Escape: skip the verification)'));
}

async function verify(
  services: Services,
  url: string,
  tools: readonly ToolId[],
  plan: Plan,
): Promise<VerifyResult[] | { refused: string }> {
  const host = loadTls().parseTarget(url).host;
  // The tools connect like a probe does: the same trust guard and allow-list.
  const why = services.probes.refusal(host);
  if (why) return { refused: refusalText(why, host) };
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('TLS Doctor: verifying with the real tools in a new shell ({0})…', tools.join(', ')),
    },
    async () =>
      plan.scope === 'workspace'
        ? loadTrust().verifyWorkspaceTrust(plan, process.env, [url], tools)
        : (await loadTrust().verifyTrust(process.env, [url], tools)).results,
  );
}

/** The ✓/✗ list with each tool's own error, and Undo. True when the user chose Undo. */
async function showResults(results: readonly VerifyResult[], written: number, scope: TrustScope): Promise<boolean> {
  type Item = vscode.QuickPickItem & { undo?: boolean };
  const rows = resultRows(results);
  const items: Item[] = [
    ...rows.map((r) => ({
      label: `${r.ok === undefined ? '$(circle-slash)' : r.ok ? '$(pass)' : '$(error)'} ${r.label.slice(2)}`,
      description: `${r.ok === undefined ? vscode.l10n.t('not checked') : r.ok ? vscode.l10n.t('verified') : vscode.l10n.t('failed')} · ${r.description}`,
      ...(r.detail ? { detail: r.detail } : {}),
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: `$(discard) ${vscode.l10n.t('Undo: restore every file as it was')}`, undo: true },
    { label: `$(check) ${vscode.l10n.t('Keep the changes')}` },
  ];
  const failed = rows.filter((r) => r.ok === false).length;
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t(
      'Trust: {0} file(s) changed; {1} of {2} tool(s) verified',
      written,
      rows.filter((r) => r.ok).length,
      rows.filter((r) => r.ok !== undefined).length,
    ),
    placeHolder: failed
      ? vscode.l10n.t('{0} tool(s) still fail: their own error is under each; Undo restores every file', failed)
      : scope === 'workspace'
        ? vscode.l10n.t('Commit .tls-doctor/trust/ and the changed files; Undo restores every file')
        : vscode.l10n.t('New terminals have the settings; Undo restores every file'),
    ignoreFocusOut: true,
    matchOnDetail: true,
  });
  return picked?.undo === true;
}

/** The core undo, told in a notification. */
export async function undoTrust(
  services: Services,
  workspaceRoot?: string,
): Promise<{ restored: number; removed: number } | undefined> {
  const trust = loadTrust();
  const r = workspaceRoot ? trust.undoWorkspaceTrust(workspaceRoot) : trust.undoTrust(process.env);
  if (!r) {
    void vscode.window.showInformationMessage(vscode.l10n.t('TLS Doctor: nothing to undo (no earlier trust change).'));
    return undefined;
  }
  for (const f of r.restored) services.log.info(`trust undo: restored ${f}`);
  for (const f of r.removed) services.log.info(`trust undo: removed ${f}`);
  for (const e of r.errors) services.log.error(`trust undo: ${e}`);
  const msg = vscode.l10n.t(
    'TLS Doctor: restored {0} file(s) and removed {1} it had created. New terminals no longer have the settings.',
    r.restored.length,
    r.removed.length,
  );
  void (r.errors.length
    ? vscode.window.showErrorMessage(`${msg} ${r.errors.join('; ')}`)
    : vscode.window.showInformationMessage(msg));
  return { restored: r.restored.length, removed: r.removed.length };
}

/** The whole command; see the file comment. */
export async function fixTrust(services: Services, docs: TrustDocs, arg: FixTrustArgs = {}): Promise<FixTrustOutcome> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('TLS Doctor: trusting a root in your tools needs a trusted workspace (it probes and runs tools).'),
    );
    return { step: 'untrusted' };
  }
  const trust = loadTrust();
  let source: Source | undefined;
  let found: RootResult[] | { refused: string };
  if (arg.report) {
    found = [
      await trust.rootFromChain(arg.report, arg.report.url ?? arg.url ?? 'the checked URL', { env: process.env }),
    ];
  } else {
    source = arg.caFile ? { caFile: arg.caFile } : arg.url ? { url: arg.url } : await pickSource();
    if (!source) return { step: 'cancelled' };
    found = await rootsOf(services, source);
  }
  if ('refused' in found) return refuse(services, found.refused);
  const refusals = found.flatMap((r) => ('refused' in r ? [r.refused] : []));
  if (refusals.length) {
    return refuse(
      services,
      refusals.map((r) => `${r.source}: ${r.reason}${r.sha256 ? ` (SHA-256 ${r.sha256})` : ''}`).join('; '),
    );
  }
  const roots = found.flatMap((r) => ('root' in r ? [r.root] : []));
  const summary = roots.map((r) => ({ subject: r.subject, sha256: r.sha256 }));
  const preConfirmed = roots.every((r) => arg.confirmedSha256?.includes(r.sha256));
  if (preConfirmed) services.log.info(`trust: ${summary.map((r) => r.sha256).join(', ')} confirmed by the caller`);
  else if (!(await confirm(roots, services.log))) {
    return { step: 'declined', roots: summary, consent: consentDetail(roots) };
  }
  const env = process.env;
  const detected: Tool[] = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('TLS Doctor: finding your tools and their versions…'),
    },
    () => trust.detectTools(env),
  );
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const wsRoot = folder?.scheme === 'file' ? folder.fsPath : undefined;
  const planFor: Planner = (scope, only) =>
    scope === 'workspace' && wsRoot
      ? trust.workspacePlanFromTools(wsRoot, roots, detected, only)
      : trust.planFromTools(roots, detected, env, only);
  const note = remoteNote(vscode.env.remoteName, trust.userPaths(env).home);
  const initial: TrustScope = arg.scope === 'workspace' && wsRoot ? 'workspace' : 'user';
  const picked = await checklist(
    planFor,
    initial,
    wsRoot !== undefined,
    docs,
    note,
    remoteWhere(vscode.env.remoteName),
  );
  if (!picked?.tools.length) return { step: 'cancelled', roots: summary };
  const ticked = picked.tools;
  const url = await verifyUrl(source, arg);
  const plan = planFor(picked.scope, ticked);
  const applied = trust.applyTrust(plan, url ? [url] : []);
  for (const c of applied.written) services.log.info(`trust apply: wrote ${c.file} (${c.purpose})`);
  for (const e of applied.errors) services.log.error(`trust apply: ${e}`);
  if (applied.errors.length) {
    void vscode.window.showErrorMessage(vscode.l10n.t('TLS Doctor: {0}', applied.errors.join('; ')));
  }
  const base = {
    roots: summary,
    tools: ticked,
    scope: picked.scope,
    written: applied.written.map((c) => c.file),
    errors: applied.errors,
  };
  let results: VerifyResult[] = [];
  if (url) {
    const v = await verify(services, url, ticked, plan);
    if ('refused' in v) {
      services.log.info(`trust verify skipped: ${v.refused}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('TLS Doctor: not verified: {0}', v.refused));
    } else results = v;
    for (const r of results) {
      services.log.info(`trust verify ${r.status} ${r.tool} ${r.url}${r.detail ? `: ${r.detail}` : ''}`);
    }
  }
  if (await showResults(results, applied.written.length, picked.scope)) {
    await undoTrust(services, picked.scope === 'workspace' ? wsRoot : undefined);
    return { step: 'undone', ...base, results };
  }
  return { step: 'applied', ...base, results };
}

function refuse(services: Services, reason: string): FixTrustOutcome {
  services.log.warn(`trust: refusing: ${reason}`);
  void vscode.window.showErrorMessage(vscode.l10n.t('TLS Doctor: not trusting it: {0}. Nothing was changed.', reason));
  return { step: 'refused', reason };
}
