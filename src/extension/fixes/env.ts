// "Use an environment variable instead": drop the switch from the code and write the CA-bundle variables the client
// reads (REQUESTS_CA_BUNDLE / SSL_CERT_FILE / NODE_EXTRA_CA_CERTS, …) where the user chooses, through the shared
// writers in envTargets.ts (.env merged line by line, terminal.integrated.env.*, launch.json configurations).
import * as vscode from 'vscode';
import { anchoredValue, anchorFor, envVarsFor, fixKindOf, removeFlagFix } from '../../core/fixes/index';
import { folderFor } from '../settings';
import { corePath } from '../diagnostics/manager';
import { EnvTarget, envTargetFile, EnvWriteResult, pickEnvTargets, writeEnv } from '../envTargets';
import { BundleSource, chooseBundle, FixDeps, FixOutcome, givenBundle, notApplied } from './commands';
import { WorkspaceWrite } from '../workspaceFiles';
import { addBundleFile, addFix } from './edits';
import { FindingRef, locate } from './locate';

/** Arguments of tlsDoctor.fix.useEnv; `bundlePath` and `targets` skip their prompts. */
export interface UseEnvArgs extends FindingRef {
  readonly bundlePath?: string;
  readonly source?: BundleSource;
  readonly targets?: readonly EnvTarget[];
}

/** What tlsDoctor.fix.useEnv did. */
export interface UseEnvOutcome extends FixOutcome {
  readonly written?: readonly EnvWriteResult[];
}

/** tlsDoctor.fix.useEnv. */
export async function useEnv(args: UseEnvArgs, deps: FixDeps): Promise<UseEnvOutcome> {
  const { log } = deps;
  const { doc, finding } = await locate(deps.findings, args);
  const names = envVarsFor(finding.ruleId, fixKindOf(finding.ruleId));
  const removal = removeFlagFix(doc.getText(), finding, corePath(doc.uri));
  const folder = folderFor(doc.uri);
  if (!names.length || !removal) {
    return {
      applied: false,
      reason: vscode.l10n.t('no environment variable replaces this {0} finding', finding.ruleId),
    };
  }
  if (!folder) {
    return {
      applied: false,
      reason: vscode.l10n.t(
        'open a workspace folder first: the variables are written to its .env, settings or launch.json',
      ),
    };
  }
  const choice = args.bundlePath
    ? givenBundle(args.bundlePath, doc.uri)
    : await chooseBundle(doc, finding, args.source, deps);
  if ('reason' in choice) return notApplied(choice.reason);
  // One absolute path for the prompt; each target then gets it the way that file can name it (anchoredValue).
  const vars = Object.fromEntries(names.map((n) => [n, choice.file.fsPath]));
  const targets = args.targets ?? (await pickEnvTargets(vars));
  if (!targets?.length) return { applied: false, reason: 'cancelled' };
  // The switch in the very file a target rewrites: one batch cannot edit a range and rewrite the whole file.
  const own = targets.find((t) => envTargetFile(t, folder.uri).toString() === doc.uri.toString());
  if (own) {
    return notApplied(
      vscode.l10n.t('the finding is in {0} itself: "Trust a CA bundle instead" rewrites it there', targetName(own)),
    );
  }
  const write = new WorkspaceWrite();
  await addBundleFile(write, doc.uri, choice);
  addFix(write, doc.uri, removal);
  const written: EnvWriteResult[] = [];
  const notes: string[] = [];
  try {
    for (const t of targets) {
      const file = envTargetFile(t, folder.uri).fsPath;
      const value = anchoredValue(file, anchorFor(file, choice.file.fsPath, folder.uri.fsPath));
      if (value.note) notes.push(`${targetName(t)}: ${value.note}`);
      written.push(await writeEnv(t, folder.uri, Object.fromEntries(names.map((n) => [n, value.path])), write));
    }
  } catch (e) {
    return notApplied((e as Error).message);
  }
  if (!(await write.apply())) return { applied: false, reason: vscode.l10n.t('the edit was not applied') };
  log.info(
    `set ${names.join(', ')} in ${written.map((w) => w.where).join(', ')} and removed ${finding.value} from ${doc.uri.fsPath}`,
  );
  // One batch: the code edit, the new bundle, the .env / launch.json rewrites and the terminal setting undo together.
  const message = deps.reporter.announce(
    write,
    vscode.l10n.t(
      'removed {0} and set {1} ({2})',
      finding.ruleId,
      names.join(', '),
      written.map((w) => targetName(w.target)).join(', '),
    ),
    undefined,
    [
      ...written.flatMap((w) =>
        (w.replaced ?? []).map((r) =>
          vscode.l10n.t(
            'Replaced {0}={1} in {2} (it named another file; Undo restores it).',
            r.key,
            r.old,
            targetName(w.target),
          ),
        ),
      ),
      ...(notes.length ? [vscode.l10n.t('About the paths: {0}.', notes.join('; '))] : []),
    ].join(' ') || undefined,
  );
  return { applied: true, bundle: choice.file.fsPath, env: vars, written, message: message.text };
}

function targetName(t: EnvTarget): string {
  return t === 'dotenv' ? '.env' : t === 'launch' ? 'launch.json' : vscode.l10n.t('terminal settings');
}
