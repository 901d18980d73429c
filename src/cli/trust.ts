// `tls-doctor trust plan|apply|verify|undo|audit`: trust a TLS-inspecting proxy's root in every tool, with a plan
// first, the user's explicit consent (--yes, after the fingerprint is shown), a journal, an undo and proof.
import type { RootCandidate, ToolId } from '../core/trust/index';
import { auditText, changeLine, planJson, planText, refusalText, verifyText } from '../core/trust/render';
import { Command, Io, oneOf, parse, UsageError } from './command';

const USAGE = [
  'tls-doctor trust plan [--from URL]... [--ca FILE]... [--tools LIST] [--scope user|workspace] [--format text|json]',
  'tls-doctor trust apply [--from URL]... [--ca FILE]... [--tools LIST] [--scope user|workspace] --yes',
  'tls-doctor trust verify [--from URL]... [--tools LIST] [--format text|json]',
  'tls-doctor trust undo [--scope user|workspace]',
  'tls-doctor trust audit [--format text|json]',
].join('\n       ');

const OPTIONS = {
  from: { type: 'string', multiple: true },
  ca: { type: 'string', multiple: true },
  tools: { type: 'string' },
  format: { type: 'string' },
  scope: { type: 'string' },
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
  const p = await core.planTrustIn(scopeOf(v, io), roots, io.env, toolsOf(core, v.tools));
  io.out(
    format === 'json'
      ? `${JSON.stringify(planJson(p), null, 2)}\n`
      : `${planText(p)}Nothing was changed. To apply: tls-doctor trust apply ${argsOf(v)} --yes\n`,
  );
  return 0;
}

/** --scope: the user's home (default) or the current folder as a team's workspace (for committing). */
function scopeOf(v: Values, io: Io): { kind: 'user' } | { kind: 'workspace'; root: string } {
  return oneOf('--scope', v.scope, ['user', 'workspace'] as const, 'user') === 'workspace'
    ? { kind: 'workspace', root: io.cwd }
    : { kind: 'user' };
}

function argsOf(v: Values): string {
  return [
    ...(v.from ?? []).map((u) => `--from ${u}`),
    ...(v.ca ?? []).map((f) => `--ca ${f}`),
    ...(v.tools ? [`--tools ${v.tools}`] : []),
    ...(v.scope ? [`--scope ${v.scope}`] : []),
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
  const scope = scopeOf(v, io);
  const p = await core.planTrustIn(scope, roots, io.env, toolsOf(core, v.tools));
  const r = core.applyTrust(p, v.from ?? []);
  const out = [
    ...roots.map((x) => `Trusting ${x.subject}\n  SHA-256 ${x.sha256}${x.vendor ? ` (${x.vendor})` : ''}`),
    r.written.length ? 'Changed:' : 'Nothing to change: everything is in place already.',
    ...r.written.map(changeLine),
    ...r.ran.map((c) => `  ran     ${c}`),
    '',
    ...r.written.filter((c) => c.diff).map((c) => c.diff),
  ];
  if (r.written.length && scope.kind === 'workspace') {
    out.push(
      `Commit ${core.WORKSPACE_DIR}/ and the files above (the journal stays out: ${core.WORKSPACE_DIR}/.gitignore). Undo: tls-doctor trust undo --scope workspace`,
    );
  } else if (r.written.length) {
    out.push(
      `Open a new terminal (or run: . ${p.envFile}) for the variables; then check: tls-doctor trust verify. Undo: tls-doctor trust undo`,
    );
  }
  io.out(`${out.join('\n')}\n`);
  for (const e of r.errors) io.err(`error: ${e}\n`);
  return r.errors.length ? 1 : 0;
}

async function verify(core: Core, v: Values, io: Io): Promise<number> {
  if (v.ca || v.yes || v.scope) throw new UsageError('verify takes --from, --tools and --format only');
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
  if (Object.entries(v).some(([k, x]) => k !== 'scope' && x !== undefined)) {
    throw new UsageError('undo takes --scope only');
  }
  const scope = scopeOf(v, io);
  const r = scope.kind === 'workspace' ? core.undoWorkspaceTrust(scope.root) : core.undoTrust(io.env);
  if (!r) {
    io.out('Nothing to undo (no journal of an earlier trust apply).\n');
    return 0;
  }
  io.out(
    `${[
      ...r.restored.map((f) => `restored  ${f}`),
      ...r.removed.map((f) => `removed   ${f}`),
      ...r.backups.map((f) => `kept      ${f}  (edited after apply: its content then, before the restore)`),
    ].join(
      '\n',
    )}\n${scope.kind === 'workspace' ? 'The workspace files are as they were before apply.' : 'Open a new terminal for the variables to be gone.'}\n`,
  );
  for (const e of r.errors) io.err(`error: ${e}\n`);
  return r.errors.length ? 1 : 0;
}

async function audit(core: Core, v: Values, io: Io): Promise<number> {
  if (v.from || v.ca || v.tools || v.yes || v.scope) throw new UsageError('audit takes --format only');
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
