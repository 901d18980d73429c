// "Use an environment variable instead": drop the switch from the code and write the CA-bundle variables the client
// reads (REQUESTS_CA_BUNDLE / SSL_CERT_FILE / NODE_EXTRA_CA_CERTS, …) where the user chooses, through the shared
// writers in envTargets.ts (.env merged line by line, terminal.integrated.env.*, launch.json configurations).
import { envVarsFor, fixKindOf, removeFlagFix } from '../../core/fixes/index';
import { folderFor } from '../settings';
import { corePath } from '../diagnostics/manager';
import { EnvTarget, EnvWriteResult, pickEnvTargets, writeEnv } from '../envTargets';
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
    return { applied: false, reason: `no environment variable replaces this ${finding.ruleId} finding` };
  }
  if (!folder) {
    return {
      applied: false,
      reason: 'open a workspace folder first: the variables are written to its .env, settings or launch.json',
    };
  }
  const choice = args.bundlePath
    ? givenBundle(args.bundlePath, doc.uri)
    : await chooseBundle(doc, finding, args.source, deps);
  if ('reason' in choice) return notApplied(choice.reason);
  // Absolute: programs started from a terminal, a debugger or a task don't share one working directory.
  const vars = Object.fromEntries(names.map((n) => [n, choice.file.fsPath]));
  const targets = args.targets ?? (await pickEnvTargets(vars));
  if (!targets?.length) return { applied: false, reason: 'cancelled' };
  const write = new WorkspaceWrite();
  await addBundleFile(write, doc.uri, choice);
  addFix(write, doc.uri, removal);
  if (!(await write.apply())) return { applied: false, reason: 'the edit was not applied' };
  const written: EnvWriteResult[] = [];
  for (const t of targets) written.push(await writeEnv(t, folder.uri, vars));
  log.info(
    `set ${names.join(', ')}=${choice.file.fsPath} in ${written.map((w) => w.where).join(', ')} and removed ${finding.value} from ${doc.uri.fsPath}`,
  );
  // Undo covers the code edit and the new bundle; the variables were written by their own writers (said here).
  const message = deps.reporter.announce(
    write,
    `removed ${finding.ruleId} and set ${names.join(', ')}`,
    undefined,
    `Set ${names.join(', ')} in ${written.map((w) => w.where).join(', ')} (not part of Undo).`,
  );
  return { applied: true, bundle: choice.file.fsPath, env: vars, written, message: message.text };
}
