// Plain-text and JSON faces of a trust plan, its roots, verification results and audit findings: the CLI prints them,
// the VS Code checklist shows the same text in its read-only plan document. Pure: no I/O.
import { shellWord } from '../text/quote';
import type { AuditFinding } from './audit';
import type { Plan, FileChange } from './plan';
import type { RootCandidate, RootRefusal } from './root';
import type { VerifyResult } from './verify';

export function rootText(r: RootCandidate): string[] {
  return [
    `  subject  ${r.subject}`,
    `  issuer   ${r.issuer}`,
    `  sha256   ${r.sha256}`,
    ...(r.vendor ? [`  product  ${r.vendor}`] : []),
    `  expires  ${r.notAfter.slice(0, 10)}`,
    `  from     ${r.source}${r.intermediates.length ? ` (+ ${r.intermediates.length} intermediate${r.intermediates.length === 1 ? '' : 's'})` : ''}`,
    `  OS store ${r.inOsStore ? 'already there' : 'not there'}`,
  ];
}

export function refusalText(r: RootRefusal): string {
  return [
    `refusing ${r.source}: ${r.reason}`,
    ...(r.subject ? [`  subject  ${r.subject}`] : []),
    ...(r.sha256 ? [`  sha256   ${r.sha256}`] : []),
  ].join('\n');
}

export function changeLine(c: FileChange): string {
  return `  ${c.before === undefined ? 'create' : 'edit  '}  ${c.file}  (${c.purpose})`;
}

export function planText(p: Plan): string {
  const width = Math.max(...p.tools.map((t) => `${t.tool} ${t.version ?? ''}`.length), 4);
  const lines = [
    ...(p.scope === 'workspace'
      ? [`Scope: the workspace ${p.paths.home} (for committing; nothing in your home changes)`, '']
      : []),
    `Root${p.roots.length === 1 ? '' : 's'} to trust:`,
    ...p.roots.flatMap((r) => [...rootText(r), '']),
    'Per tool:',
    ...p.tools.flatMap((t) => [
      `  ${`${t.tool} ${t.version ?? ''}`.padEnd(width)}  ${t.unchanged ? '– ' : ''}${t.mechanism}`,
      `  ${''.padEnd(width)}  why: ${t.why}`,
      ...t.notes.map((n) => `  ${''.padEnd(width)}  note: ${n}`),
      ...(t.run?.argv ?? []).map(
        (a, i) =>
          `  ${''.padEnd(width)}  runs: ${a.map(shellWord).join(' ')}${t.run?.stdin?.[i] ? '  < the root (PEM)' : ''}`,
      ),
    ]),
    '',
  ];
  const vars = Object.entries(p.env);
  if (vars.length) {
    lines.push(
      p.scope === 'workspace'
        ? `Environment (paths relative to the workspace root; launch.json and the devcontainer anchor them with \${workspaceFolder} / \${containerWorkspaceFolder}):`
        : `Environment, in ${p.envFile} (sourced by one marked line in the shell startup files):`,
      ...vars.map(([k, v]) => `  ${k}=${v}`),
      '',
    );
  }
  if (p.missing.length) lines.push(`Not found on PATH (nothing planned): ${p.missing.join(', ')}`, '');
  lines.push(
    p.changes.length ? 'Changes:' : 'Changes: none (everything is in place already)',
    ...p.changes.map(changeLine),
    '',
  );
  for (const c of p.changes) if (c.diff) lines.push(c.diff);
  if (p.notes?.length) lines.push('By hand (not done by apply):', ...p.notes.map((n) => `  ${n}`), '');
  if (p.osStore) {
    lines.push(
      'Optional, by hand (system file, needs sudo; not done by apply):',
      `  ${p.osStore.install}`,
      ...p.osStore.notes.map((n) => `  note: ${n}`),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

export function planJson(p: Plan) {
  return {
    roots: p.roots,
    envFile: p.envFile,
    env: p.env,
    bundle: p.bundle,
    ca: p.ca,
    missing: p.missing,
    tools: p.tools.map((t) => ({
      tool: t.tool,
      version: t.version,
      mechanism: t.mechanism,
      why: t.why,
      env: t.env,
      files: [...new Set(t.edits.map((e) => e.file))],
      notes: t.notes,
      runs: t.run?.argv ?? [],
      unchanged: Boolean(t.unchanged),
    })),
    changes: p.changes.map((c) => ({
      file: c.file,
      purpose: c.purpose,
      created: c.before === undefined,
      diff: c.diff,
    })),
    ...(p.osStore ? { osStore: p.osStore } : {}),
    ...(p.scope ? { scope: p.scope } : {}),
    ...(p.notes ? { notes: p.notes } : {}),
  };
}

export const MARK: Record<VerifyResult['status'], string> = { ok: '✓', 'tls-ok': '✓', fail: '✗', skipped: '–' };

export function verifyText(results: readonly VerifyResult[]): string {
  const width = Math.max(...results.map((r) => r.tool.length));
  return `${results.map((r) => `${MARK[r.status]} ${r.tool.padEnd(width)}  ${r.url}${r.status === 'tls-ok' ? '  (TLS verified; then the server said: ' + r.detail + ')' : r.detail ? `  ${r.detail}` : ''}`).join('\n')}\n`;
}

export function auditText(findings: readonly AuditFinding[]): string {
  if (!findings.length) return '✓ no broken or unsafe trust settings found\n';
  return `${findings.map((f) => `${f.severity === 'error' ? '✗' : '!'} ${f.where}: ${f.message}`).join('\n')}\n`;
}
