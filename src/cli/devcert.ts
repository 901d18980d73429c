// `tls-doctor devcert HOST... [--out DIR] [--ca-dir DIR] [--format text|json]`: a development certificate from the
// local CA, plus the CA copy, a combined bundle and the environment variables that make clients trust it.
import * as fs from 'fs';
import * as path from 'path';
import type { DevCertResult } from '../core/certs/index';
import { CLI_DEFAULTS } from '../core/settings/defaults';
import { Command, oneOf, parse, positiveInt, UsageError } from './command';

const USAGE = 'tls-doctor devcert HOST... [--out DIR] [--ca-dir DIR] [--format text|json] [--days N] [--key-type ecdsa|rsa] [--name-constrained]';

function text(r: DevCertResult): string {
  const lines = [
    `${r.caCreated ? 'Created' : 'Using'} the development CA in ${r.caDir} (SHA-256 ${r.caSha256})`,
    `Certificate for ${r.hosts.join(', ')}, valid until ${r.notAfter}:`,
    `  cert    ${r.cert}`, `  key     ${r.key}`, `  ca      ${r.ca}`, `  bundle  ${r.bundle}`,
    '', 'Make clients trust it (public sites keep working: the bundle includes the public roots):',
    ...Object.entries(r.env).map(([k, v]) => `  export ${k}=${JSON.stringify(v)}`),
    ...r.warnings.map((w) => `\nwarning: ${w}`), '',
  ];
  return lines.join('\n');
}

export const devcertCommand: Command = {
  name: 'devcert',
  summary: 'create a development certificate from a local CA',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(argv, {
      out: { type: 'string' }, 'ca-dir': { type: 'string' }, format: { type: 'string' },
      days: { type: 'string' }, 'key-type': { type: 'string' }, 'name-constrained': { type: 'boolean' },
    });
    const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
    const keyType = oneOf('--key-type', values['key-type'], ['ecdsa', 'rsa'] as const, 'ecdsa');
    const days = positiveInt('--days', values.days, CLI_DEFAULTS.devcertValidityDays);
    if (positionals.length === 0) throw new UsageError('give at least one HOST (e.g. localhost 127.0.0.1 ::1)');
    // Loaded here, not at the top: `scan` and `check` never pay for node-forge.
    const certs = await import('../core/certs/index.js');
    checkInput(() => certs.parseHosts(positionals));
    checkInput(() => certs.checkValidityDays(days));
    const outDir = path.resolve(io.cwd, values.out ?? CLI_DEFAULTS.devcertOutDir);
    const caDir = values['ca-dir'] ? path.resolve(io.cwd, values['ca-dir']) : undefined;
    checkFolder('--out', outDir);
    if (caDir) checkFolder('--ca-dir', caDir);
    const result = await certs.writeDevCert({
      hosts: positionals, outDir, caDir, env: io.env, validityDays: days, keyType, nameConstrained: values['name-constrained'],
    }).catch((e: Error) => { io.err(`tls-doctor devcert: ${e.message}\n`); return undefined; });
    if (!result) return 2; // an I/O error (exit 2, as documented)
    io.out(format === 'json' ? `${JSON.stringify(jsonOf(result), null, 2)}\n` : text(result));
    if (format === 'json') for (const w of result.warnings) io.err(`warning: ${w}\n`);
    return 0;
  },
};

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

/** Turns a validation error from the core into a usage error (exit 2). */
function checkInput(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The stable JSON contract plus extra fields after it. */
function jsonOf(r: DevCertResult) {
  return {
    cert: r.cert, key: r.key, ca: r.ca, bundle: r.bundle, env: r.env,
    caDir: r.caDir, caCreated: r.caCreated, caSha256: r.caSha256, hosts: r.hosts, notAfter: r.notAfter, warnings: r.warnings,
  };
}
