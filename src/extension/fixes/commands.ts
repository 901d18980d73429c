// The commands behind the quick-fixes that need I/O or a choice: they take plain arguments (a FindingRef plus the
// answers a prompt would give), so tests skip every prompt, and they return what they did.
import * as path from 'path';
import * as vscode from 'vscode';
import { canTrustBundle, removeFlagFix, trustBundleFix } from '../../core/fixes/index';
import type { FixResult } from '../../core/fixes/index';
import type { Finding } from '../../core/rules/types';
import { ruleById } from '../../core/rules/registry';
import { COMMANDS } from '../commandIds';
import { corePath } from '../diagnostics/manager';
import { endpointKey } from '../../core/endpoints/index';
import type { Endpoint } from '../../core/endpoints/index';
import { endpointIn, refusalText } from '../endpoints/service';
import type { BundleCheck, ProbeService } from '../endpoints/service';
import type { FindingStore } from '../findings';
import { openDocument } from '../documents';
import { folderFor } from '../settings';
import {
  asWritten,
  BundleChoice,
  devCaBundle,
  endpointBundle,
  fixOptions,
  pathNote,
  pickBundle,
  shownPath,
} from './bundles';
import type { BundleIndex } from './bundleIndex';
import { WorkspaceWrite } from '../workspaceFiles';
import { addBundleFile, addFix, lineAfterFix } from './edits';
import { FindingRef, locate } from './locate';
import type { FixProof, FixReporter } from './report';

/** What the fix commands work with (all owned by activate(), see Services). */
export interface FixDeps {
  readonly probes: ProbeService;
  /** Announces every applied fix (what changed, the re-check, Undo). */
  readonly reporter: FixReporter;
  readonly log: vscode.LogOutputChannel;
  readonly findings: FindingStore;
  readonly bundles: BundleIndex;
}

/** Where a bundle should come from, when a caller (or test) already knows. */
export type BundleSource = 'workspace' | 'endpoint' | 'devca' | 'pick';

/** Arguments of tlsDoctor.fix.trustBundle (and tlsDoctor.fix.applyBundle, which requires `bundlePath`). */
export interface TrustArgs extends FindingRef {
  /** An existing bundle: absolute, or relative to the workspace folder. Skips every prompt. */
  readonly bundlePath?: string;
  readonly source?: BundleSource;
}

/** What a fix command did. */
export interface FixOutcome {
  readonly applied: boolean;
  /** The path as written into the file. */
  readonly bundle?: string;
  /** Why nothing was applied. */
  readonly reason?: string;
  /** Variables the user still has to set where the program starts (Node reads NODE_EXTRA_CA_CERTS only then). */
  readonly env?: Readonly<Record<string, string>>;
  /** The notification that said what changed (and what the re-check found). */
  readonly message?: string;
  readonly proof?: FixProof;
}

/** tlsDoctor.fix.applyBundle: the fix with a given bundle, no prompt. */
export async function applyBundle(args: TrustArgs, deps: FixDeps): Promise<FixOutcome> {
  if (!args?.bundlePath) throw new Error('tlsDoctor.fix.applyBundle needs { uri, ruleId, range, bundlePath }');
  const { doc, finding } = await locate(deps.findings, args);
  return apply(doc, finding, givenBundle(args.bundlePath, doc.uri), deps);
}

function bundleUri(p: string, doc: vscode.Uri): vscode.Uri {
  const folder = folderFor(doc);
  return vscode.Uri.file(path.isAbsolute(p) || !folder ? p : path.join(folder.uri.fsPath, p));
}

/** tlsDoctor.fix.trustBundle: chooses the bundle source (in the order), creates the bundle if needed, applies. */
export async function trustBundle(args: TrustArgs, deps: FixDeps): Promise<FixOutcome> {
  if (args?.bundlePath) return applyBundle(args, deps);
  const { doc, finding } = await locate(deps.findings, args);
  if (!canTrustBundle(finding.ruleId)) {
    return { applied: false, reason: vscode.l10n.t('no bundle fix for {0}', finding.ruleId) };
  }
  const choice = await chooseBundle(doc, finding, args.source, deps);
  if ('reason' in choice) return notApplied(choice.reason);
  deps.log.info(`trusting ${choice.file.fsPath} (${choice.origin}) for ${finding.ruleId} in ${doc.uri.fsPath}`);
  return apply(doc, finding, choice, deps);
}

/**
 * A fix that could not go ahead says why (never silently), with "Manage Workspace Trust" when the workspace's
 * restricted mode is the reason. A cancelled prompt needs no message.
 */
export function notApplied(reason: string): FixOutcome {
  if (reason !== 'cancelled') {
    const MANAGE = vscode.l10n.t('Manage Workspace Trust');
    const untrusted = !vscode.workspace.isTrusted;
    void Promise.resolve(
      vscode.window.showWarningMessage(
        vscode.l10n.t('TLS Doctor: the fix was not applied: {0}.', reason),
        ...(untrusted ? [MANAGE] : []),
      ),
    ).then((c) => {
      if (c === MANAGE) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  }
  return { applied: false, reason };
}

/** A bundle from `source`, or (no source) from the one the user picks; `{ reason }` when there is none. */
export async function chooseBundle(
  doc: vscode.TextDocument,
  f: Finding,
  source: BundleSource | undefined,
  deps: FixDeps,
): Promise<BundleChoice | { reason: string }> {
  const chosen = source ?? (await askSource(doc, f, deps));
  if (!chosen) return { reason: 'cancelled' };
  return (await bundleFrom(chosen, doc, f, deps)) ?? { reason: 'cancelled' };
}

/** The bundle a command argument names (absolute, or relative to the document's workspace folder). */
export function givenBundle(p: string, doc: vscode.Uri): BundleChoice {
  return { file: bundleUri(p, doc), origin: vscode.l10n.t('the given file') };
}

/** Builds (or finds) the bundle of one source; `{ reason }` when that source can't give one. */
async function bundleFrom(
  source: BundleSource,
  doc: vscode.TextDocument,
  f: Finding,
  deps: FixDeps,
): Promise<BundleChoice | { reason: string } | undefined> {
  switch (source) {
    case 'workspace': {
      const b = deps.bundles.refresh(doc.uri)[0];
      return b
        ? { file: b, origin: vscode.l10n.t('the workspace') }
        : { reason: vscode.l10n.t('no bundle in the workspace') };
    }
    case 'devca':
      return devCaBundle(doc.uri);
    case 'pick':
      return pickBundle();
    default:
      return fromEndpoint(doc, f, deps);
  }
}

/**
 * The finding's endpoint through the shared ProbeService (a fresh cached report is reused, so a probe the user just
 * ran costs no second connection), then a bundle with the CA it presents (certifi's public roots for Python).
 */
async function fromEndpoint(
  doc: vscode.TextDocument,
  f: Finding,
  { probes, log }: FixDeps,
): Promise<BundleChoice | { reason: string }> {
  const ep = endpointIn(doc.getText(), f);
  if (!ep) return { reason: vscode.l10n.t('the endpoint this code talks to is not known statically') };
  const refusal = probes.refusal(ep.host, doc.uri);
  if (refusal) return { reason: vscode.l10n.t('not probing {0}: {1}', ep.url, refusalText(refusal, ep.host)) };
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('TLS Doctor: probing {0}', ep.url) },
    () => probes.probeFinding(doc, f, ep),
  );
  if ('refused' in outcome) {
    return {
      reason: vscode.l10n.t(
        'not probing {0}: {1}',
        ep.url,
        outcome.refused === 'no-endpoint' ? vscode.l10n.t('no endpoint') : refusalText(outcome.refused, ep.host),
      ),
    };
  }
  const v = outcome.verdict;
  log.info(`probe for the fix of ${f.ruleId}: ${v.summary}`);
  if (v.remedy !== 'trust-ca' || !v.ca) return { reason: v.summary };
  const python = ruleById(f.ruleId)?.surface === 'python' || doc.languageId === 'python';
  return endpointBundle(doc.uri, ep, v.ca, python ? outcome.certifi : undefined);
}

/**
 * Offers the sources in order; the endpoint only when it is known and may be probed. Offer only what works (issue 19
 * item 2): with a known endpoint the workspace bundle is checked against it first (one handshake, cached) and is
 * labelled verified, or left out when the endpoint rejects it; when the last probe found the endpoint's CA untrusted
 * (self-signed, private root), "the CA it presents" comes first.
 */
async function askSource(
  doc: vscode.TextDocument,
  f: Finding,
  { probes, bundles }: FixDeps,
): Promise<BundleSource | undefined> {
  type Item = vscode.QuickPickItem & { source: BundleSource };
  const items: Item[] = [];
  const ep = endpointIn(doc.getText(), f);
  const probeable = ep && !probes.refusal(ep.host, doc.uri) ? ep : undefined;
  const existing = bundles.refresh(doc.uri)[0];
  if (existing) {
    const check = probeable && (await bundleCheckOf(probes, probeable, existing, doc.uri));
    if (!check || check.ok || !check.reached) {
      items.push({
        source: 'workspace',
        label: `$(file) ${asWritten(existing, doc.uri)}`,
        description: !ep
          ? vscode.l10n.t('a bundle already in the workspace')
          : check?.ok
            ? vscode.l10n.t('verified against {0}', endpointKey(ep))
            : vscode.l10n.t('a bundle already in the workspace; not verified against {0}', ep.host),
      });
    }
  }
  if (probeable) {
    const endpointItem: Item = {
      source: 'endpoint',
      label: `$(plug) ${vscode.l10n.t('The CA that {0} presents', endpointKey(probeable))}`,
      description: vscode.l10n.t('probe it now and save its root/issuing CA with the public roots'),
    };
    const untrusted = probes.verdictFor(doc, f, probeable)?.verdict.remedy === 'trust-ca';
    if (untrusted) items.unshift(endpointItem);
    else items.push(endpointItem);
  }
  items.push({
    source: 'devca',
    label: `$(shield) ${vscode.l10n.t('The local development CA')}`,
    description: vscode.l10n.t('public roots + your per-user TLS Doctor CA; not verified against the endpoint'),
  });
  items.push({ source: 'pick', label: `$(folder-opened) ${vscode.l10n.t('Choose a CA bundle file…')}` });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('TLS Doctor: which CA should this code trust?'),
    placeHolder: vscode.l10n.t('Verification stays on; the code trusts this bundle'),
  });
  return picked?.source;
}

/** The cached check of `bundle` against `ep`, else one handshake now (with a progress note); undefined if refused. */
async function bundleCheckOf(
  probes: ProbeService,
  ep: Endpoint,
  bundle: vscode.Uri,
  scope: vscode.Uri,
): Promise<BundleCheck | undefined> {
  const cached = probes.bundleCheck(ep, bundle.fsPath);
  if (cached) return cached;
  const r = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Window,
      title: vscode.l10n.t('TLS Doctor: checking {0} with {1}', endpointKey(ep), asWritten(bundle, scope)),
    },
    () => probes.verifyBundle(ep, bundle.fsPath, { scope }).catch(() => undefined),
  );
  return r && 'ok' in r ? r : undefined;
}

/** Writes the bundle (if new) and the code edits as one WorkspaceEdit, re-checks the endpoint with it, and says so. */
async function apply(doc: vscode.TextDocument, f: Finding, choice: BundleChoice, deps: FixDeps): Promise<FixOutcome> {
  const endpoint = endpointIn(doc.getText(), f);
  const fix = trustBundleFix(doc.getText(), f, fixOptions(doc.uri, choice.file));
  if (!fix) {
    return {
      applied: false,
      reason: vscode.l10n.t('this {0} finding is too unusual to rewrite automatically', f.ruleId),
    };
  }
  const written = shownPath(fix, choice.file, doc.uri);
  // The file already names another CA in that variable: never replaced without the user (issue 19 item 4).
  if (fix.existingCa?.decision === 'ask') {
    return {
      applied: false,
      reason: vscode.l10n.t(
        '{0} already names another CA ({1}); merge it into the bundle or edit it by hand',
        fix.existingCa.variable,
        fix.existingCa.value,
      ),
    };
  }
  const write = new WorkspaceWrite();
  await addBundleFile(write, doc.uri, choice);
  addFix(write, doc.uri, fix);
  const applied = await write.apply();
  if (!applied) return { applied, bundle: written, reason: vscode.l10n.t('the edit was not applied') };
  const line = lineAfterFix(fix, f.range.start.line);
  const proof = endpoint && (await proveFix(doc.uri, line, f.ruleId, endpoint, choice.file, written, deps));
  const extra = [pathNote(fix, choice.file, doc.uri), fix.env && envReminder(fix)].filter(Boolean).join(' ');
  const message = deps.reporter.announce(
    write,
    vscode.l10n.t('trusted {0} for {1}', written, f.ruleId),
    proof,
    extra || undefined,
  );
  return {
    applied,
    bundle: written,
    ...(fix.env ? { env: fix.env } : {}),
    message: message.text,
    ...(proof ? { proof } : {}),
  };
}

function envReminder(fix: FixResult): string {
  const vars = Object.entries(fix.env ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return vscode.l10n.t(
    'Set {0} where the program starts (Node reads it once at start-up); "Use an environment variable instead" writes it to .env, the terminal or launch.json.',
    vars,
  );
}

/**
 * Re-checks `ep` with `bundle` as the trust the fixed code now uses (the fixed code is on 0-based `line`) (one handshake, through the ProbeService's guard),
 * records it for the lens and the Endpoints view, and returns what it found.
 */
export async function proveFix(
  uri: vscode.Uri,
  line: number,
  ruleId: string,
  ep: Endpoint,
  bundle: vscode.Uri,
  written: string,
  { probes }: Pick<FixDeps, 'probes'>,
): Promise<FixProof> {
  const base = { endpoint: endpointKey(ep), bundle: written, client: clientOf(ruleId) };
  const check = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('TLS Doctor: re-checking {0}', endpointKey(ep)) },
    () =>
      probes.verifyBundle(ep, bundle.fsPath, { scope: uri, force: true }).catch((e: Error) => ({ error: e.message })),
  );
  if ('refused' in check) return { ...base, ok: false, skipped: refusalText(check.refused, ep.host) };
  if ('error' in check) return { ...base, ok: false, skipped: check.error };
  if (!check.reached) {
    return { ...base, ok: false, skipped: vscode.l10n.t('unreachable: {0}', check.causes.join(', ')) };
  }
  const fixed = openDocument(uri);
  probes.recordProof(uri, line, ep, check, fixed && line < fixed.lineCount ? fixed.lineAt(line).text : undefined);
  return { ...base, ok: check.ok, causes: check.causes };
}

/** The client a rule is about, for "python requests now verifies …" (the registry's client id, e.g. python-requests). */
export function clientOf(ruleId: string): string {
  const client = ruleById(ruleId)?.client;
  return client ? client.replace(/-/g, ' ') : vscode.l10n.t('the code');
}

/** tlsDoctor.fix.removeFlag: drops the switch (offered only after a probe showed default trust suffices). */
export async function removeFlag(args: FindingRef, deps: FixDeps): Promise<FixOutcome> {
  const { doc, finding } = await locate(deps.findings, args);
  const fix = removeFlagFix(doc.getText(), finding, corePath(doc.uri));
  if (!fix) return { applied: false, reason: vscode.l10n.t('no safe removal for this {0} finding', finding.ruleId) };
  const write = new WorkspaceWrite();
  addFix(write, doc.uri, fix);
  if (!(await write.apply())) return { applied: false, reason: vscode.l10n.t('the edit was not applied') };
  const message = deps.reporter.announce(
    write,
    vscode.l10n.t('removed {0} ({1})', firstLineOf(finding.value), finding.ruleId),
  );
  return { applied: true, message: message.text };
}

function firstLineOf(s: string): string {
  const line = s.split(/\r?\n/)[0];
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** Arguments of tlsDoctor.fix.devCert: the finding, the hosts, and (tests, or a second run) whether to trust it right away. */
export interface DevCertFixArgs extends FindingRef {
  readonly hosts: readonly string[];
  readonly folder?: string;
  /** true: point the flagged code at the new bundle without asking; false: only create. */
  readonly trust?: boolean;
}

/** What tlsDoctor.fix.devCert did. */
export interface DevCertFixOutcome {
  readonly created: boolean;
  readonly message?: string;
  readonly bundle?: string;
  readonly trusted?: FixOutcome;
}

/**
 * The "Create a development certificate for <host>" quick fix: creates it (adding to the hosts of one already there),
 * says where it went, and offers to point the flagged code at its bundle (the trust fix, with its own message and Undo).
 */
export async function devCertFix(args: DevCertFixArgs, deps: FixDeps): Promise<DevCertFixOutcome> {
  const { doc, finding } = await locate(deps.findings, args);
  const created = await vscode.commands.executeCommand<{ bundle: string; message: string } | undefined>(
    COMMANDS.createDevCert,
    { hosts: [...args.hosts], ...(args.folder ? { folder: args.folder } : {}), quiet: true },
  );
  if (!created?.bundle) return { created: false };
  const name = vscode.workspace.asRelativePath(doc.uri, false);
  const USE = vscode.l10n.t('Trust It in {0}', path.basename(doc.uri.fsPath));
  const SNIPPETS = vscode.l10n.t('Show Server Snippets');
  const canTrust = canTrustBundle(finding.ruleId);
  const bundleName = asWritten(vscode.Uri.file(created.bundle), doc.uri);
  const message = canTrust
    ? vscode.l10n.t(
        '{0} Serve it from your server; {1} can trust {2} instead of {3}.',
        created.message,
        name,
        bundleName,
        firstLineOf(finding.value),
      )
    : vscode.l10n.t('{0} Serve it from your server.', created.message);
  deps.log.info(message);
  const run = async (choice: string | undefined): Promise<FixOutcome | undefined> => {
    if (choice === SNIPPETS) await vscode.commands.executeCommand(COMMANDS.showDevCertSnippets);
    if (choice !== USE) return undefined;
    return applyBundle({ ...args, bundlePath: created.bundle }, deps);
  };
  if (args.trust !== undefined) {
    const trusted = args.trust && canTrust ? await run(USE) : undefined;
    return { created: true, message, bundle: created.bundle, ...(trusted ? { trusted } : {}) };
  }
  void Promise.resolve(vscode.window.showInformationMessage(message, ...(canTrust ? [USE] : []), SNIPPETS)).then(run);
  return { created: true, message, bundle: created.bundle };
}
