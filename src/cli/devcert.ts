// `tls-doctor devcert HOST... [--out DIR] [--ca-dir DIR] [--format text|json]`: a development certificate from the
// local CA, plus the CA copy, a combined bundle and the environment variables that make clients trust it.
// `--install` / `--uninstall` / `--status [--stores system,nss,java]` manage the CA in the trust stores.
import * as fs from 'fs';
import { readFileSync } from 'fs';
import * as path from 'path';
import type { DevCertResult } from '../core/certs/light';
import type { StoreName, StoreOutcome, StoreStatus } from '../core/certs/stores/index';
import { CLI_DEFAULTS } from '../core/settings/defaults';
import { Command, Io, oneOf, parse, positiveInt, processIo, runCommand, UsageError } from './command';

const USAGE = [
  'tls-doctor devcert HOST... [--out DIR] [--ca-dir DIR] [--format text|json] [--days N] [--key-type ecdsa|rsa] [--name-constrained] [--replace]',
  '       tls-doctor devcert --client NAME [HOST...] [--out DIR] …   (mTLS client certificate)',
  '       … [--pkcs12 --pkcs12-password-file FILE]   (also a .p12 with key, certificate and CA)',
  '       tls-doctor devcert --install|--uninstall [--stores system,nss,java] [--yes] [--ca-dir DIR]',
  '       tls-doctor devcert --status [--stores LIST] [--format text|json] [--ca-dir DIR]',
].join('\n');

const OPTIONS = {
  out: { type: 'string' },
  'ca-dir': { type: 'string' },
  format: { type: 'string' },
  days: { type: 'string' },
  'key-type': { type: 'string' },
  'name-constrained': { type: 'boolean' },
  replace: { type: 'boolean' },
  install: { type: 'boolean' },
  uninstall: { type: 'boolean' },
  status: { type: 'boolean' },
  stores: { type: 'string' },
  yes: { type: 'boolean' },
  client: { type: 'string' },
  pkcs12: { type: 'boolean' },
  'pkcs12-password-file': { type: 'string' },
} as const;

type Values = ReturnType<typeof parse<typeof OPTIONS>>['values'];
type Certs = typeof import('../core/certs/light');
type Stores = typeof import('../core/certs/stores/index');

function text(r: DevCertResult, ignored?: { gitignore: string; entry: string }): string {
  const lines = [
    `${r.caCreated ? 'Created' : 'Using'} the development CA in ${r.caDir} (SHA-256 ${r.caSha256})`,
    ...replacedLines(r),
    r.client
      ? `Client certificate (mTLS) for ${r.client}${r.hosts.length ? ` (${r.hosts.join(', ')})` : ''}, valid until ${r.notAfter}:`
      : `Certificate for ${r.hosts.join(', ')}, valid until ${r.notAfter}:`,
    `  cert    ${r.cert}`,
    `  key     ${r.key}`,
    `  ca      ${r.ca}`,
    `  bundle  ${r.bundle}`,
    ...(r.pkcs12 ? [`  pkcs12  ${r.pkcs12}`] : []),
    ...(ignored ? [`Added ${ignored.entry} to ${ignored.gitignore}`] : []),
    '',
    'Make clients trust it (public sites keep working: the bundle includes the public roots):',
    ...Object.entries(r.env).map(([k, v]) => `  export ${k}=${JSON.stringify(v)}`),
    ...r.warnings.map((w) => `\nwarning: ${w}`),
    '',
  ];
  return lines.join('\n');
}

/** Never a silent replacement: say which hosts the old leaf had and which the new one has. */
function replacedLines(r: DevCertResult): string[] {
  if (!r.replaced) return [];
  if (r.client) return [`Replaced the client certificate ${r.cert} for ${r.client}`];
  const added = r.hosts.filter((h) => !r.replaced?.hosts.includes(h));
  const dropped = r.replaced.hosts.filter((h) => !r.hosts.includes(h));
  return [
    `Replaced the certificate in ${path.dirname(r.cert)}: old hosts ${r.replaced.hosts.join(', ')}; new hosts ${r.hosts.join(', ')}` +
      (added.length ? ` (added ${added.join(', ')})` : '') +
      (dropped.length ? ` (dropped ${dropped.join(', ')} because of --replace)` : ''),
  ];
}

export const devcertCommand: Command = {
  name: 'devcert',
  summary: 'create a development certificate from a local CA; install the CA into trust stores',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv, OPTIONS);
    const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
    const modes = (['install', 'uninstall', 'status'] as const).filter((m) => values[m]);
    if (modes.length > 1) {
      throw new UsageError(`choose one of --install, --uninstall and --status (got --${modes.join(', --')})`);
    }
    if (values.stores !== undefined && modes.length === 0) {
      throw new UsageError('--stores goes with --install, --uninstall or --status');
    }
    const wantsLeaf = positionals.length > 0 || values.client !== undefined;
    if (modes.length === 0 || wantsLeaf) checkLeafArgs(values, positionals);
    // Loaded here, not at the top: `scan` and `check` never pay for it; light.ts is only what devcert needs.
    const certs = await import('../core/certs/light.js');
    const stores = modes.length > 0 ? await import('../core/certs/stores/index.js') : undefined;
    const caDir = caDirOf(values, io);
    const storesArg =
      values.stores === undefined || !stores
        ? undefined
        : checkInput(() => stores.parseStoreList(values.stores as string));
    if (modes[0] === 'status' && stores) return status(certs, stores, caDir, storesArg, format, io);
    if (wantsLeaf) {
      const code = await leaf(certs, values, positionals, caDir, format, io);
      if (code !== 0 || modes.length === 0 || !stores) return code;
    }
    return manage(certs, stores as Stores, modes[0] as 'install' | 'uninstall', caDir, storesArg, values, format, io);
  },
};

function checkLeafArgs(values: Values, positionals: string[]): void {
  oneOf('--key-type', values['key-type'], ['ecdsa', 'rsa'] as const, 'ecdsa');
  positiveInt('--days', values.days, CLI_DEFAULTS.devcertValidityDays);
  if (positionals.length === 0 && values.client === undefined) {
    throw new UsageError('give at least one HOST (e.g. localhost 127.0.0.1 ::1)');
  }
  if (values['pkcs12-password-file'] !== undefined && !values.pkcs12) {
    throw new UsageError('--pkcs12-password-file goes with --pkcs12');
  }
  if (values.pkcs12 && values['pkcs12-password-file'] === undefined) {
    throw new UsageError(
      '--pkcs12 needs --pkcs12-password-file FILE (a password on the command line would end up in the shell history)',
    );
  }
}

/** The password: the file's first line (a trailing newline, as `echo` writes, is not part of it). */
function pkcs12Password(values: Values, io: Io): string | undefined {
  const file = values['pkcs12-password-file'];
  if (file === undefined) return undefined;
  try {
    return readFileSync(path.resolve(io.cwd, file), 'utf8').split(/\r?\n/)[0];
  } catch (e) {
    throw new UsageError(
      `--pkcs12-password-file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

/** --ca-dir, else TLS_DOCTOR_CAROOT, both relative to the command's folder (`TLS_DOCTOR_CAROOT=.` means it). */
function caDirOf(values: Values, io: Io): string | undefined {
  const dir = values['ca-dir'] ?? (io.env.TLS_DOCTOR_CAROOT || undefined);
  return dir ? path.resolve(io.cwd, dir) : undefined;
}

async function leaf(
  certs: Certs,
  values: Values,
  hosts: string[],
  caDir: string | undefined,
  format: 'text' | 'json',
  io: Io,
): Promise<number> {
  if (hosts.length > 0) checkInput(() => certs.parseHosts(hosts));
  if (values.client !== undefined) checkInput(() => certs.checkClientName(values.client as string));
  const password = pkcs12Password(values, io);
  if (password !== undefined) checkInput(() => certs.checkPkcs12Password(password));
  const days = positiveInt('--days', values.days, CLI_DEFAULTS.devcertValidityDays);
  checkInput(() => certs.checkValidityDays(days));
  const outDir = path.resolve(io.cwd, values.out ?? CLI_DEFAULTS.devcertOutDir);
  checkFolder('--out', outDir);
  if (caDir) checkFolder('--ca-dir', caDir);
  // The CA must stay out of the repository the command runs in, not only out of git work trees it lies in.
  const workspaceDir = certs.gitWorkTreeOf(io.cwd);
  let failure: unknown;
  const result = await certs
    .writeDevCert({
      hosts,
      outDir,
      caDir,
      env: io.env,
      validityDays: days,
      keyType: oneOf('--key-type', values['key-type'], ['ecdsa', 'rsa'] as const, 'ecdsa'),
      nameConstrained: values['name-constrained'],
      replace: values.replace,
      ...(workspaceDir ? { workspaceDir } : {}),
      ...(values.client !== undefined ? { client: values.client } : {}),
      ...(password !== undefined ? { pkcs12Password: password } : {}),
    })
    .catch((e: Error) => {
      failure = e;
      return undefined;
    });
  if (!result) return reportFailure(certs, failure, io);
  const ignored = safeIgnore(certs, outDir, io);
  io.out(
    format === 'json'
      ? `${JSON.stringify(jsonOf(result, ignored), null, 2)}\n`
      : text(result, ignored?.updated ? ignored : undefined),
  );
  if (format === 'json') for (const w of result.warnings) io.err(`warning: ${w}\n`);
  return 0;
}

/** Lists the out folder in .gitignore inside a git work tree; a failure there is a warning, not a lost certificate. */
function safeIgnore(certs: Certs, outDir: string, io: Io) {
  try {
    return certs.ignoreOutDir(outDir);
  } catch (e) {
    io.err(`warning: could not add ${outDir} to .gitignore: ${(e as Error).message}\n`);
    return undefined;
  }
}

/** Refusals (mismatched key, CA inside a repository) are the user's input to fix, and I/O errors are I/O errors:
 * both exit 2, as the README documents. */
function reportFailure(_certs: Certs, e: unknown, io: Io): number {
  io.err(`tls-doctor devcert: ${(e as Error).message}\n`);
  return 2;
}

async function manage(
  certs: Certs,
  stores: Stores,
  mode: 'install' | 'uninstall',
  caDirArg: string | undefined,
  asked: StoreName[] | undefined,
  values: Values,
  format: 'text' | 'json',
  io: Io,
): Promise<number> {
  const caDir = certs.resolveCaDir(caDirArg, io.env);
  if (mode === 'uninstall' && !stores.storeCa(caDir)) {
    io.out(
      format === 'json'
        ? `${JSON.stringify({ caDir, ca: null, outcomes: [] }, null, 2)}\n`
        : `There is no development CA in ${caDir}: nothing to uninstall.\n`,
    );
    return 0;
  }
  if (mode === 'install') {
    // Created when missing (like mkcert -install); a key that does not match, or a CA in a repository, is refused.
    const made = await certs.ensureUsableCa(caDir, certs.gitWorkTreeOf(io.cwd)).catch((e: Error) => e);
    if (made instanceof Error) return reportFailure(certs, made, io);
    for (const w of made.warnings) io.err(`warning: ${w}\n`);
  }
  const ca = stores.storeCa(caDir);
  if (!ca) return reportFailure(certs, new Error(`no CA certificate in ${caDir}`), io);
  const ctx = stores.storeContext(ca, io.env, { consent: values.yes === true });
  const chosen = stores.selectStores(ctx, asked);
  const outcomes = mode === 'install' ? await stores.installCa(ctx, chosen) : await stores.uninstallCa(ctx, chosen);
  io.out(
    format === 'json'
      ? `${JSON.stringify({ caDir, caSha256: ca.sha256, stores: chosen, outcomes }, null, 2)}\n`
      : outcomesText(mode, caDir, ca.sha256, chosen, outcomes),
  );
  return outcomes.some(stores.isFailure) ? 1 : 0;
}

function outcomesText(
  mode: string,
  caDir: string,
  sha256: string,
  stores: StoreName[],
  outcomes: StoreOutcome[],
): string {
  const head = `${mode === 'install' ? 'Installing' : 'Uninstalling'} the development CA in ${caDir} (SHA-256 ${sha256}) ${mode === 'install' ? 'into' : 'from'}: ${stores.join(', ') || '(no store found)'}`;
  const lines = outcomes.flatMap((o) => [
    `  ${o.store.padEnd(6)}  ${o.action.padEnd(17)}  ${o.message}`,
    ...(o.commands ?? []).map((c) => `          $ ${c}`),
  ]);
  return [head, ...lines, ''].join('\n');
}

async function status(
  certs: Certs,
  stores: Stores,
  caDirArg: string | undefined,
  asked: StoreName[] | undefined,
  format: 'text' | 'json',
  io: Io,
): Promise<number> {
  const caDir = certs.resolveCaDir(caDirArg, io.env);
  const ca = stores.storeCa(caDir);
  if (!ca) {
    io.out(
      format === 'json'
        ? `${JSON.stringify({ caDir, ca: null, stores: [] }, null, 2)}\n`
        : `There is no development CA in ${caDir} yet.\n`,
    );
    return 1;
  }
  const statuses = await stores.caStatus(stores.storeContext(ca, io.env), asked);
  io.out(
    format === 'json'
      ? `${JSON.stringify({ caDir, caSha256: ca.sha256, stores: statuses }, null, 2)}\n`
      : statusText(caDir, ca.sha256, statuses),
  );
  return 0;
}

function statusText(caDir: string, sha256: string, statuses: StoreStatus[]): string {
  const mark = (t: boolean | undefined) => (t === true ? 'trusted' : t === false ? 'not trusted' : 'unknown');
  return [
    `Development CA in ${caDir} (SHA-256 ${sha256})`,
    ...statuses.flatMap((s) => [
      `  ${s.store.padEnd(6)}  ${s.present ? mark(s.trusted) : 'not present'}${s.note ? `  (${s.note})` : ''}`,
      ...s.targets.map(
        (t) => `          ${mark(t.trusted).padEnd(11)}  ${t.target}${t.detail ? `  [${t.detail}]` : ''}`,
      ),
    ]),
    '',
  ].join('\n');
}

/** True for `devcert …` without -h/--help: the executable then runs devcert alone (see src/cli/entry.ts). */
export function takesDevcertShortPath(argv: readonly string[]): boolean {
  return argv[0] === devcertCommand.name && !argv.slice(1).some((a) => a === '-h' || a === '--help');
}

/** `tls-doctor devcert ARGV` as main() runs it (src/cli.ts): the same output and exit codes, errors included. */
export function runDevcert(argv: string[], io: Io): Promise<number> {
  return runCommand(devcertCommand, argv, io);
}

/** The short path of the executable: devcert with the process's streams, exit code set when done. */
export function runDevcertProcess(argv: string[]): void {
  void runDevcert(argv, processIo()).then((code) => {
    process.exitCode = code;
  });
}

/** Turns a validation error from the core into a usage error (exit 2). */
function checkInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The stable JSON contract plus extra fields after it. */
function jsonOf(r: DevCertResult, ignored?: { gitignore: string; updated: boolean }) {
  return {
    cert: r.cert,
    key: r.key,
    ca: r.ca,
    bundle: r.bundle,
    env: r.env,
    caDir: r.caDir,
    caCreated: r.caCreated,
    caSha256: r.caSha256,
    hosts: r.hosts,
    notAfter: r.notAfter,
    warnings: r.warnings,
    manifest: r.manifest ?? null,
    replaced: r.replaced ?? null,
    gitignore: ignored ?? null,
    pkcs12: r.pkcs12 ?? null,
    client: r.client ?? null,
  };
}

/** `dir` must be a folder or not exist yet: a file in its place is a usage error named for what the user typed, not
 * for the temporary file the atomic write would have tried. (Other problems, such as a parent that is a file, are
 * I/O errors the core names.) */
function checkFolder(flag: string, dir: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    return;
  }
  if (!st.isDirectory()) throw new UsageError(`${flag} ${dir} exists and is not a folder`);
}
