// `tls-doctor trust plan|apply|verify|undo|audit`: trust a TLS-inspecting proxy's root in every tool, with a plan
// first, the user's explicit consent (--yes, after the fingerprint is shown), a journal, an undo and proof.
import type {
  AuditFinding,
  FileChange,
  Plan,
  RootCandidate,
  RootRefusal,
  ToolId,
  VerifyResult,
} from '../core/trust/index';
import { shellWord } from '../core/text/quote';
import { Command, Io, oneOf, parse, UsageError } from './command';

const USAGE = [
  'tls-doctor trust plan [--from URL]... [--ca FILE]... [--tools LIST] [--format text|json]',
  'tls-doctor trust apply [--from URL]... [--ca FILE]... [--tools LIST] --yes',
  'tls-doctor trust verify [--from URL]... [--tools LIST] [--format text|json]',
  'tls-doctor trust undo',
  'tls-doctor trust audit [--format text|json]',
].join('\n       ');

const OPTIONS = {
  from: { type: 'string', multiple: true },
  ca: { type: 'string', multiple: true },
  tools: { type: 'string' },
  format: { type: 'string' },
  yes: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parse<typeof OPTIONS>>['values'];
type Core = typeof import('../core/trust/index');

/** `--tools python,node` → ids, refusing unknown names. */
function toolsOf(core: Core, list: string | undefined): ToolId[] | undefined {
  if (list === undefined) return undefined;
  const ids = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.filter((i) => !(core.TOOL_IDS as readonly string[]).includes(i));
  if (bad.length || !ids.length) {
    throw new UsageError(
      `--tools: unknown tool${bad.length === 1 ? '' : 's'} ${bad.join(', ') || '(empty list)'}; known: ${core.TOOL_IDS.join(', ')}`,
    );
  }
  return ids as ToolId[];
}

function rootText(r: RootCandidate): string[] {
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

function refusalText(r: RootRefusal): string {
  return [
    `refusing ${r.source}: ${r.reason}`,
    ...(r.subject ? [`  subject  ${r.subject}`] : []),
    ...(r.sha256 ? [`  sha256   ${r.sha256}`] : []),
  ].join('\n');
}

function changeLine(c: FileChange): string {
  return `  ${c.before === undefined ? 'create' : 'edit  '}  ${c.file}  (${c.purpose})`;
}

function planText(p: Plan): string {
  const width = Math.max(...p.tools.map((t) => `${t.tool} ${t.version ?? ''}`.length), 4);
  const lines = [
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
      `Environment, in ${p.envFile} (sourced by one marked line in the shell startup files):`,
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

function planJson(p: Plan) {
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
  };
}

const MARK: Record<VerifyResult['status'], string> = { ok: '✓', 'tls-ok': '✓', fail: '✗', skipped: '–' };

function verifyText(results: readonly VerifyResult[]): string {
  const width = Math.max(...results.map((r) => r.tool.length));
  return `${results.map((r) => `${MARK[r.status]} ${r.tool.padEnd(width)}  ${r.url}${r.status === 'tls-ok' ? '  (TLS verified; then the server said: ' + r.detail + ')' : r.detail ? `  ${r.detail}` : ''}`).join('\n')}\n`;
}

function auditText(findings: readonly AuditFinding[]): string {
  if (!findings.length) return '✓ no broken or unsafe trust settings found\n';
  return `${findings.map((f) => `${f.severity === 'error' ? '✗' : '!'} ${f.where}: ${f.message}`).join('\n')}\n`;
}

/** Roots from --from/--ca, or an exit code after printing why not. */
async function rootsOrExit(core: Core, v: Values, io: Io): Promise<RootCandidate[] | number> {
  const urls = v.from ?? [];
  const cas = v.ca ?? [];
  if (!urls.length && !cas.length) {
    throw new UsageError("give the root to trust: --from URL (the proxy's chain is read) or --ca FILE");
  }
  const { roots, refusals } = await core.findRoots({ urls, caFiles: cas, env: io.env, cwd: io.cwd, timeoutMs: 5000 });
  if (refusals.length) {
    io.err(`${refusals.map(refusalText).join('\n')}\nNothing was changed.\n`);
    return 2;
  }
  return roots;
}

async function plan(core: Core, v: Values, io: Io): Promise<number> {
  const format = oneOf('--format', v.format, ['text', 'json'] as const, 'text');
  const roots = await rootsOrExit(core, v, io);
  if (typeof roots === 'number') return roots;
  const p = await core.planTrust(roots, io.env, toolsOf(core, v.tools));
  io.out(
    format === 'json'
      ? `${JSON.stringify(planJson(p), null, 2)}\n`
      : `${planText(p)}Nothing was changed. To apply: tls-doctor trust apply ${argsOf(v)} --yes\n`,
  );
  return 0;
}

function argsOf(v: Values): string {
  return [
    ...(v.from ?? []).map((u) => `--from ${u}`),
    ...(v.ca ?? []).map((f) => `--ca ${f}`),
    ...(v.tools ? [`--tools ${v.tools}`] : []),
  ].join(' ');
}

async function apply(core: Core, v: Values, io: Io): Promise<number> {
  if (v.format !== undefined) throw new UsageError('apply has no --format');
  const roots = await rootsOrExit(core, v, io);
  if (typeof roots === 'number') return roots;
  if (!v.yes) {
    io.err(
      `${roots.map((r) => `Would trust ${r.subject}\n  SHA-256 ${r.sha256}${r.vendor ? ` (${r.vendor})` : ''}`).join('\n')}\nCheck the fingerprint with your IT department, then re-run with --yes: tls-doctor trust apply ${argsOf(v)} --yes\nNothing was changed (see the plan: tls-doctor trust plan ${argsOf(v)}).\n`,
    );
    return 2;
  }
  const p = await core.planTrust(roots, io.env, toolsOf(core, v.tools));
  const r = core.applyTrust(p, v.from ?? []);
  const out = [
    ...roots.map((x) => `Trusting ${x.subject}\n  SHA-256 ${x.sha256}${x.vendor ? ` (${x.vendor})` : ''}`),
    r.written.length ? 'Changed:' : 'Nothing to change: everything is in place already.',
    ...r.written.map(changeLine),
    ...r.ran.map((c) => `  ran     ${c}`),
    '',
    ...r.written.filter((c) => c.diff).map((c) => c.diff),
  ];
  if (r.written.length) {
    out.push(
      `Open a new terminal (or run: . ${p.envFile}) for the variables; then check: tls-doctor trust verify. Undo: tls-doctor trust undo`,
    );
  }
  io.out(`${out.join('\n')}\n`);
  for (const e of r.errors) io.err(`error: ${e}\n`);
  return r.errors.length ? 1 : 0;
}

async function verify(core: Core, v: Values, io: Io): Promise<number> {
  if (v.ca || v.yes) throw new UsageError('verify takes --from, --tools and --format only');
  const format = oneOf('--format', v.format, ['text', 'json'] as const, 'text');
  let r: Awaited<ReturnType<Core['verifyTrust']>>;
  try {
    r = await core.verifyTrust(io.env, v.from, toolsOf(core, v.tools));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const ok = core.allVerified(r.results);
  io.out(
    format === 'json'
      ? `${JSON.stringify({ ok, urls: r.urls, results: r.results }, null, 2)}\n`
      : verifyText(r.results),
  );
  return ok ? 0 : 1;
}

async function undo(core: Core, v: Values, io: Io): Promise<number> {
  if (Object.values(v).some((x) => x !== undefined)) throw new UsageError('undo takes no options');
  const r = core.undoTrust(io.env);
  if (!r) {
    io.out('Nothing to undo (no journal of an earlier trust apply).\n');
    return 0;
  }
  io.out(
    `${[
      ...r.restored.map((f) => `restored  ${f}`),
      ...r.removed.map((f) => `removed   ${f}`),
      ...r.backups.map((f) => `kept      ${f}  (edited after apply: its content then, before the restore)`),
    ].join('\n')}\nOpen a new terminal for the variables to be gone.\n`,
  );
  for (const e of r.errors) io.err(`error: ${e}\n`);
  return r.errors.length ? 1 : 0;
}

async function audit(core: Core, v: Values, io: Io): Promise<number> {
  if (v.from || v.ca || v.tools || v.yes) throw new UsageError('audit takes --format only');
  const format = oneOf('--format', v.format, ['text', 'json'] as const, 'text');
  const findings = await core.auditAll(io.env);
  io.out(format === 'json' ? `${JSON.stringify({ findings }, null, 2)}\n` : auditText(findings));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

const SUBCOMMANDS = { plan, apply, verify, undo, audit } as const;

export const trustCommand: Command = {
  name: 'trust',
  summary: "trust a TLS-inspecting proxy's root in every tool: plan, apply, verify, undo, audit",
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (!sub || !(sub in SUBCOMMANDS)) {
      throw new UsageError(
        sub ? `unknown trust subcommand "${sub}"` : 'missing the subcommand (plan, apply, verify, undo, audit)',
      );
    }
    const { values, positionals } = parse(rest, OPTIONS, true);
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    // Loaded here, not at the top: `scan` and `check` never pay for it.
    const core = await import('../core/trust/index.js');
    return SUBCOMMANDS[sub as keyof typeof SUBCOMMANDS](core, values, io);
  },
};
