// What "Fix Trust for All Tools…" and "Audit Tool Trust" show, as plain data: the consent text of a root, one checklist
// item per tool, the diff of one tool's changes, where the plan applies (remote windows), the verification results and
// the fix of an audit finding. No vscode import: unit tests read it directly; the UI (flow.ts) only arranges it.
import type { AuditFinding, FileChange, Plan, RootCandidate, ToolPlan, VerifyResult } from '../../core/trust/index';

/** The modal's detail: everything the user needs to compare with what IT published, and that nothing changed yet. */
export function consentDetail(roots: readonly RootCandidate[]): string {
  const one = (r: RootCandidate) =>
    [
      `Subject: ${r.subject}`,
      ...(r.issuer !== r.subject ? [`Issuer: ${r.issuer}`] : []),
      `SHA-256: ${r.sha256}`,
      ...(r.vendor ? [`Product: ${r.vendor}`] : []),
      `Expires: ${r.notAfter.slice(0, 10)}`,
      `From: ${r.source}${r.intermediates.length ? ` (+ ${r.intermediates.length} intermediate${r.intermediates.length === 1 ? '' : 's'})` : ''}`,
      `OS store: ${r.inOsStore ? 'already there' : 'not there'}`,
    ].join('\n');
  return `${roots.map(one).join('\n\n')}\n\nCompare the fingerprint with the one your IT department publishes. Nothing has been changed yet.`;
}

/** The causes whose fix is trusting the root in every tool: Check TLS and Explain offer the checklist for them. */
export const TRUST_CAUSES: readonly string[] = ['tls-inspection', 'untrusted-root'];

/** The button that offers "Fix Trust for All Tools…", for the panel's action bar (Check TLS, Explain). */
export function offersTrustFix(codes: readonly string[]): boolean {
  return codes.some((c) => TRUST_CAUSES.includes(c));
}

/** One row of the checklist. */
export interface ChecklistRow {
  readonly tool: ToolPlan['tool'];
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  /** Ticked by default: every tool the plan changes something for. */
  readonly picked: boolean;
}

/** `text` with the home folder written as `~` (the checklist's rows are narrow; the diffs keep full paths). */
export function tilde(text: string, home: string): string {
  return home.length > 1 ? text.split(`${home.replace(/[/\\]+$/, '')}/`).join('~/') : text;
}

export function checklistRows(plan: Plan): ChecklistRow[] {
  const home = plan.paths.home;
  return plan.tools.map((t) => ({
    tool: t.tool,
    label: `${t.tool}${t.version ? ` ${t.version}` : ''}`,
    description: tilde(t.unchanged ? `– ${t.mechanism}` : t.mechanism, home),
    detail: tilde([t.why, ...t.notes.map((n) => `note: ${n}`)].join(' · '), home),
    picked: !t.unchanged,
  }));
}

function changeText(c: FileChange): string {
  if (c.data) return `${c.before === undefined ? 'create' : 'update'} ${c.file}  (${c.purpose}; PEM, not shown)\n`;
  return c.diff;
}

/** The exact changes a plan for one tool makes (its own file, or the env file and startup lines), as one diff. */
export function diffText(plan: Plan, heading: string): string {
  const lines = [`# ${heading}`, ''];
  if (!plan.changes.length) lines.push('No file changes: everything is in place already (or this tool needs none).');
  for (const t of plan.tools) {
    for (const n of t.notes) lines.push(`# ${t.tool}: ${n}`);
    for (const a of t.run?.argv ?? []) lines.push(`# ${t.tool} runs: ${a.join(' ')}`);
  }
  const vars = Object.entries(plan.env);
  if (vars.length) lines.push(`# environment (${plan.envFile}): ${vars.map(([k, v]) => `${k}=${v}`).join(' ')}`);
  lines.push('', ...plan.changes.map(changeText));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

const REMOTES: Readonly<Record<string, string>> = {
  wsl: 'WSL',
  'ssh-remote': 'the SSH host',
  'dev-container': 'the dev container',
  'attached-container': 'the container',
  codespaces: 'the codespace',
  tunnel: 'the tunnel machine',
};

/** Where the plan applies, in a few words: "this computer", "WSL", "the SSH host"… */
export function remoteWhere(remoteName: string | undefined): string {
  if (!remoteName) return 'this computer';
  return REMOTES[remoteName] ?? `the remote ${remoteName}`;
}

/** Where the plan applies, when VS Code's window is remote (vscode.env.remoteName), for the checklist and the plan. */
export function remoteNote(remoteName: string | undefined, home: string): string | undefined {
  if (!remoteName) return undefined;
  const name = remoteWhere(remoteName);
  const base = `This window is remote: the plan applies on ${name}, where the tools run (home ${home}), not on this computer.`;
  if (remoteName === 'wsl') {
    return `${base} The Windows side keeps its own settings: run \`tls-doctor trust apply\` in a Windows terminal (or open a local window) for Windows tools; Git for Windows can use the Windows store (http.sslBackend=schannel).`;
  }
  if (remoteName === 'dev-container' || remoteName === 'attached-container' || remoteName === 'codespaces') {
    return `${base} A rebuilt container starts without these changes: use the workspace scope (committed .devcontainer settings) to keep them.`;
  }
  return base;
}

/** One line of the results list. */
export interface ResultRow {
  readonly ok: boolean | undefined;
  readonly label: string;
  readonly description: string;
  readonly detail?: string;
}

export function resultRows(results: readonly VerifyResult[]): ResultRow[] {
  return results.map((r) => ({
    ok: r.status === 'skipped' ? undefined : r.status !== 'fail',
    label: `${r.status === 'skipped' ? '–' : r.status === 'fail' ? '✗' : '✓'} ${r.tool}`,
    description: r.url,
    ...(r.status === 'tls-ok'
      ? { detail: `TLS verified; then the server said: ${r.detail ?? ''}` }
      : r.detail
        ? { detail: r.detail }
        : {}),
  }));
}

/** How an audit finding can be fixed: trust the root properly (the checklist), or edit the file named. */
export type AuditFix = { readonly kind: 'trust' } | { readonly kind: 'open'; readonly file: string };

export function auditFix(f: AuditFinding): AuditFix | undefined {
  const file = /^(\/\S+|[A-Za-z]:\\\S+)/.exec(f.where)?.[1];
  if (/trust the root|tls-doctor trust apply|bundle|UV_SYSTEM_CERTS/i.test(f.message)) return { kind: 'trust' };
  return file ? { kind: 'open', file } : undefined;
}
