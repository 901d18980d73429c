// Public surface of `tls-doctor trust`: find the root with consent, plan, apply with a journal, verify with the real
// tools in a new shell, undo, audit. The CLI (src/cli/trust.ts) is a thin face over these.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findCertifi } from '../tls/stores';
import { auditTrust, AuditFinding, certifiAppended } from './audit';
import { which } from './detect';
import { detectTools, Tool, TOOL_IDS, ToolId } from './detect';
import { applyPlan, ApplyResult, undoJournal, UndoResult } from './journal';
import type { PlanContext } from './mechanisms';
import { buildPlan, Plan } from './plan';
import { dataFile, userPaths, UserPaths } from './paths';
import { ChainReport, RootCandidate, RootRefusal, rootFromReport, rootFromUrl, rootsFromFile } from './root';
import { newShellEnv, runInNewShell, verifyTools, VerifyResult } from './verify';
import { buildWorkspacePlan, workspacePaths } from './workspace';

export { TOOL_IDS, compareVersions } from './detect';
export type { ToolId, Tool } from './detect';
export type { Plan, FileChange } from './plan';
export type { ToolPlan } from './mechanisms';
export type { ChainReport, RootCandidate, RootRefusal, RootResult } from './root';
export type { VerifyResult, VerifyStatus } from './verify';
export type { AuditFinding } from './audit';
export type { ApplyResult, UndoResult } from './journal';
export { allVerified, newShellEnv } from './verify';
export { userPaths } from './paths';
export { WORKSPACE_DIR, workspacePaths } from './workspace';
export { detectTools } from './detect';
export { unifiedDiff } from './diff';
export { HOST_FILES, packageHosts } from './hosts';
export type { HostCandidate } from './hosts';
export { auditText, planText, rootText, verifyText } from './render';
export { VENDORS, vendorOf } from './vendors';

/** What `apply` remembers for `verify` without arguments. */
interface State {
  readonly version: 1;
  readonly urls: readonly string[];
  readonly tools: readonly ToolId[];
  readonly roots: readonly { subject: string; sha256: string }[];
}

function readState(u: UserPaths): State | undefined {
  try {
    return JSON.parse(fs.readFileSync(dataFile(u, 'state'), 'utf8')) as State;
  } catch {
    return undefined;
  }
}

export interface FindInput {
  readonly urls: readonly string[];
  readonly caFiles: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly timeoutMs?: number;
  readonly osStorePaths?: readonly string[];
}

/** Every root the sources give, and every refusal (one refusal should stop the whole operation). */
export async function findRoots(i: FindInput): Promise<{ roots: RootCandidate[]; refusals: RootRefusal[] }> {
  const o = { env: i.env, timeoutMs: i.timeoutMs, osStorePaths: i.osStorePaths };
  const results = [
    ...(await Promise.all(i.urls.map((u) => rootFromUrl(u, o)))),
    ...(await Promise.all(i.caFiles.map((f) => rootsFromFile(path.resolve(i.cwd, f), o)))).flat(),
  ];
  const roots: RootCandidate[] = [];
  for (const r of results) if ('root' in r && !roots.some((x) => x.sha256 === r.root.sha256)) roots.push(r.root);
  return { roots, refusals: results.flatMap((r) => ('refused' in r ? [r.refused] : [])) };
}

/** Detects the tools (`only`: a subset) and builds the plan. Writes nothing. */
export async function planTrust(
  roots: readonly RootCandidate[],
  env: NodeJS.ProcessEnv,
  only?: readonly ToolId[],
): Promise<Plan> {
  const tools = await detectTools(env, only ?? TOOL_IDS);
  return planFromTools(roots, tools, env, only);
}

/** Where a plan applies: the user's home (default) or a workspace folder, for committing. */
export type Scope = { readonly kind: 'user' } | { readonly kind: 'workspace'; readonly root: string };

/** Detects the tools and builds the plan for `scope`. Writes nothing. */
export async function planTrustIn(
  scope: Scope,
  roots: readonly RootCandidate[],
  env: NodeJS.ProcessEnv,
  only?: readonly ToolId[],
): Promise<Plan> {
  const tools = await detectTools(env, only ?? TOOL_IDS);
  return scope.kind === 'user'
    ? planFromTools(roots, tools, env, only)
    : workspacePlanFromTools(scope.root, roots, tools, only);
}

/** The workspace plan for tools detected earlier. */
export function workspacePlanFromTools(
  root: string,
  roots: readonly RootCandidate[],
  detected: readonly Tool[],
  only?: readonly ToolId[],
): Plan {
  const tools = only ? detected.filter((t) => only.includes(t.id)) : detected;
  const missing = (only ?? []).filter((id) => !tools.some((t) => t.id === id));
  return buildWorkspacePlan(roots, tools, root, missing);
}

/** Verifies `tools` against `urls` as a process started in the workspace sees them: a new shell plus the plan's variables. */
export async function verifyWorkspaceTrust(
  plan: Plan,
  env: NodeJS.ProcessEnv,
  urls: readonly string[],
  tools: readonly ToolId[],
  timeoutMs?: number,
): Promise<VerifyResult[]> {
  const extra = Object.fromEntries(Object.entries(plan.env).map(([k, v]) => [k, path.resolve(plan.paths.home, v)]));
  return verifyTools(tools, urls, env, timeoutMs, extra);
}

/** Restores every file a workspace apply touched; undefined when there is nothing to undo. */
export function undoWorkspaceTrust(root: string): UndoResult | undefined {
  return undoJournal(workspacePaths(root));
}

/** The plan for tools detected earlier (a checklist narrows the first plan without probing every tool again). */
export function planFromTools(
  roots: readonly RootCandidate[],
  detected: readonly Tool[],
  env: NodeJS.ProcessEnv,
  only?: readonly ToolId[],
): Plan {
  const tools = only ? detected.filter((t) => only.includes(t.id)) : detected;
  const missing = (only ?? []).filter((id) => !tools.some((t) => t.id === id));
  return buildPlan(roots, tools, userPaths(env), env, missing);
}

/** The root of a chain the caller's own probe saw (the extension probes through its ProbeService). */
export function rootFromChain(
  report: ChainReport,
  source: string,
  o: { env: NodeJS.ProcessEnv; osStorePaths?: readonly string[] },
): ReturnType<typeof rootFromReport> {
  return rootFromReport(report, source, o);
}

/** The root(s) in a CA file, each judged like a probed root. */
export function rootsFromCaFile(
  file: string,
  o: { env: NodeJS.ProcessEnv; osStorePaths?: readonly string[] },
): ReturnType<typeof rootsFromFile> {
  return rootsFromFile(file, o);
}

/** Applies the plan (journaled) and remembers the URLs and tools for `verify`. */
export function applyTrust(plan: Plan, urls: readonly string[]): ApplyResult {
  const u = plan.paths;
  const earlier = readState(u);
  const state: State = {
    version: 1,
    urls: [...new Set([...(earlier?.urls ?? []), ...urls])],
    tools: [...new Set([...(earlier?.tools ?? []), ...plan.tools.map((t) => t.tool)])],
    roots: [
      ...(earlier?.roots ?? []),
      ...plan.roots
        .filter((r) => !earlier?.roots.some((e) => e.sha256 === r.sha256))
        .map((r) => ({ subject: r.subject, sha256: r.sha256 })),
    ],
  };
  const text = `${JSON.stringify(state, null, 2)}\n`;
  const file = dataFile(u, 'state');
  const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
  return applyPlan(plan, same ? [] : [{ file, text }]);
}

/** Verifies `tools` (default: those apply configured, else those on PATH) against `urls` (default: apply's). */
export async function verifyTrust(
  env: NodeJS.ProcessEnv,
  urls?: readonly string[],
  tools?: readonly ToolId[],
  timeoutMs?: number,
): Promise<{ urls: readonly string[]; results: VerifyResult[] }> {
  const state = readState(userPaths(env));
  const targets = urls?.length ? urls : (state?.urls ?? []);
  if (!targets.length) {
    throw new Error('no URL to verify against: give --from URL (or run trust apply --from URL first)');
  }
  const ids = tools ?? (state?.tools.length ? state.tools : (await detectTools(env)).map((t) => t.id));
  return { urls: targets, results: await verifyTools(ids, targets, env, timeoutMs) };
}

/** Restores every file apply touched; undefined when there is nothing to undo. */
export function undoTrust(env: NodeJS.ProcessEnv): UndoResult | undefined {
  return undoJournal(userPaths(env));
}

/** Variables a new shell ends up with (startup files included), from a clean environment. */
async function newShellVariables(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const r = await runInNewShell('env', newShellEnv(env), 10_000);
  if (r.code !== 0) return {};
  return Object.fromEntries(
    r.output.split('\n').flatMap((l) => {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(l);
      return m ? [[m[1], m[2]]] : [];
    }),
  );
}

/** Findings for the current environment, a new shell's, and the user's tool files. */
export async function auditAll(env: NodeJS.ProcessEnv): Promise<AuditFinding[]> {
  const paths = userPaths(env);
  const ctx: PlanContext = {
    paths,
    env,
    bundle: dataFile(paths, 'bundle'),
    ca: dataFile(paths, 'ca'),
    truststore: dataFile(paths, 'truststore'),
    inOsStore: false,
    rootNames: [],
  };
  const fresh = await newShellVariables(env);
  const current = auditTrust(env, ctx);
  const inNewShell = auditTrust(fresh, ctx)
    .filter((f) => !current.some((c) => c.where === f.where && c.message === f.message))
    .map((f) => ({ ...f, where: `${f.where} (in a new shell)` }));
  return [...current, ...inNewShell, ...(await certifiFindings(env))];
}

/** certifi of the python3 on PATH, checked for hand-appended certificates. */
async function certifiFindings(env: NodeJS.ProcessEnv): Promise<AuditFinding[]> {
  const python = which('python3', env);
  const file = python ? await findCertifi(python) : undefined;
  if (!file) return [];
  try {
    const f = certifiAppended(file, fs.readFileSync(file, 'latin1'));
    return f ? [f] : [];
  } catch {
    return [];
  }
}
