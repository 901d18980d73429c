// The operating system's trust store, through ostrust.ts's per-platform commands. They need admin rights (sudo on
// Linux and macOS), so they are always shown in full and run only with the user's explicit consent: without it the
// outcome is "needs-consent" with the exact command lines, which the user can run or read first.
import * as fs from 'fs';
import { trustCommands } from '../ostrust';
import { failureText, run } from './run';
import type { StoreContext, StoreOutcome, StoreStatus, TrustStore } from './types';

/** The bundles the Linux families build from their anchors (update-ca-certificates / update-ca-trust / trust). */
export const LINUX_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ca-certificates/extracted/tls-ca-bundle.pem',
  '/var/lib/ca-certificates/ca-bundle.pem',
];

function osRelease(ctx: StoreContext): string {
  if (ctx.osRelease !== undefined) return ctx.osRelease;
  try {
    return fs.readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

function commandsFor(ctx: StoreContext) {
  return trustCommands(ctx.platform, ctx.ca, ctx.platform === 'linux' ? osRelease(ctx) : '');
}

/** The base64 body of a PEM certificate, whitespace removed: equal bodies are the same certificate. */
function body(pem: string): string {
  return pem.replace(/-----[A-Z ]+-----|\s+/g, '');
}

/** Runs one shell line of ostrust.ts with the terminal attached, so sudo can ask for the password. */
function runLine(line: string, ctx: StoreContext) {
  const shell =
    ctx.platform === 'win32'
      ? { cmd: 'cmd.exe', args: ['/d', '/s', '/c', line] }
      : { cmd: '/bin/sh', args: ['-c', line] };
  return run(shell.cmd, shell.args, { env: ctx.env, interactive: true, timeoutMs: ctx.timeoutMs ?? 300_000 });
}

async function apply(ctx: StoreContext, which: 'install' | 'uninstall'): Promise<StoreOutcome[]> {
  let cmds;
  try {
    cmds = commandsFor(ctx);
  } catch (e) {
    return [{ store: 'system', target: ctx.platform, action: 'unavailable', message: (e as Error).message }];
  }
  const line = cmds[which];
  const base = { store: 'system' as const, target: cmds.platform, commands: [line] };
  if (!ctx.consent) {
    return [
      {
        ...base,
        action: 'needs-consent',
        message: `needs admin rights: run the command below, or rerun with --yes to let TLS Doctor run it`,
      },
    ];
  }
  const r = await runLine(line, ctx);
  if (!r.ok) {
    return [
      { ...base, action: 'failed', message: `the ${cmds.platform} trust-store command failed: ${failureText(r)}` },
    ];
  }
  return [
    {
      ...base,
      action: which === 'install' ? 'installed' : 'removed',
      message: `${which === 'install' ? 'added to' : 'removed from'} the ${cmds.platform} trust store`,
    },
  ];
}

export const systemStore: TrustStore = {
  name: 'system',
  present: (ctx) => ['linux', 'darwin', 'win32'].includes(ctx.platform),
  install: (ctx) => apply(ctx, 'install'),
  uninstall: (ctx) => apply(ctx, 'uninstall'),
  /** Linux: whether the built bundle holds the CA (what OpenSSL, curl and Go read). Elsewhere: not told. */
  async status(ctx): Promise<StoreStatus> {
    if (ctx.platform !== 'linux') {
      return {
        store: 'system',
        present: systemStore.present(ctx),
        trusted: false,
        targets: [{ target: ctx.platform, trusted: undefined }],
        note: 'status of the OS store is only read on Linux',
      };
    }
    const want = body(ctx.ca.certPem);
    const targets = LINUX_BUNDLES.filter((f) => fs.existsSync(f)).map((f) => ({
      target: f,
      trusted: bundleHas(f, want),
    }));
    return { store: 'system', present: true, trusted: targets.some((t) => t.trusted), targets };
  },
};

function bundleHas(file: string, wantBody: string): boolean {
  try {
    return body(fs.readFileSync(file, 'utf8')).includes(wantBody);
  } catch {
    return false;
  }
}
