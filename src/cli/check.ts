// `tls-doctor check URL`: probe one endpoint and print the chain, each store's verdict and the causes with fixes.
import { readFileSync, statSync } from 'node:fs';
import { describeIoError } from '../core/scan/walk';
import * as path from 'node:path';
import { CLI_DEFAULTS, SETTING_DEFAULTS } from '../core/settings/defaults';
import { createBundle } from '../core/certs/bundle';
import { CA_CERT_FILE, resolveCaDir } from '../core/certs/store';
import { readdirSync, writeFileSync } from 'node:fs';
import { redact } from '../core/text/url';
import {
  checkUrl,
  MAX_REPEAT,
  MAX_TIMEOUT_MS,
  parseTarget,
  PLACEHOLDERS,
  readableCertCount,
  renamePath,
} from '../core/tls/index';
import type { Cause, CertInfo, CheckReport, CheckWarning, TrustVerdict } from '../core/tls/index';
import { Command, Io, oneOf, parse, positiveInt, UsageError } from './command';

const OPTIONS = {
  ca: { type: 'string', multiple: true },
  repeat: { type: 'string' },
  timeout: { type: 'string' },
  format: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'no-aia': { type: 'boolean' },
  'save-chain': { type: 'string' },
  'save-bundle': { type: 'string' },
  'certs-dir': { type: 'string' },
  'os-store': { type: 'string', multiple: true },
} as const;

export const checkCommand: Command = {
  name: 'check',
  summary: 'probe a URL, show its chain and name what is wrong',
  usage:
    'tls-doctor check URL [--ca FILE]... [--cert FILE --key FILE] [--repeat N] [--timeout MS] [--no-aia] [--save-chain FILE] [--save-bundle FILE] [--certs-dir DIR] [--os-store FILE]... [--format text|json]',
  async run(argv, io) {
    const { values, positionals } = parse(argv, OPTIONS);
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length ? `expected one URL, got ${positionals.length}` : 'missing the URL to check',
      );
    }
    try {
      parseTarget(positionals[0]);
    } catch (e) {
      throw new UsageError(redact((e as Error).message));
    }
    const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
    // Ranges first: a bad number must not wait for CA files to be read.
    const repeat = positiveInt('--repeat', values.repeat, CLI_DEFAULTS.checkRepeat, MAX_REPEAT);
    const timeoutMs = positiveInt('--timeout', values.timeout, CLI_DEFAULTS.checkTimeoutMs, MAX_TIMEOUT_MS);
    const extraCaFiles = (values.ca ?? []).map((f) => path.resolve(io.cwd, f));
    for (const f of extraCaFiles) statCaFile(f);
    for (const f of extraCaFiles) await checkCaFile(f);
    const clientCert = readClientCert(values.cert, values.key, io.cwd);
    // --timeout is one deadline for the whole check; --no-aia: connect to the checked server only.
    const aia = values['no-aia'] ? false : SETTING_DEFAULTS['check.aia'];
    const saveChain = values['save-chain'] === undefined ? undefined : path.resolve(io.cwd, values['save-chain']);
    const saveBundle = values['save-bundle'] === undefined ? undefined : path.resolve(io.cwd, values['save-bundle']);
    const ownCas = await ownCaFiles(path.resolve(io.cwd, values['certs-dir'] ?? CLI_DEFAULTS.devcertOutDir), io.env);
    const fixPaths = { ...(saveBundle ? { bundle: saveBundle } : {}), ...(saveChain ? { chain: saveChain } : {}) };
    // --os-store: read these files (or folders) as the OS store instead of the platform's own.
    const osStorePaths = values['os-store']?.map((f) => path.resolve(io.cwd, f));
    const report = await checkUrl(positionals[0], {
      extraCaFiles,
      env: io.env,
      ...(clientCert ? { clientCert } : {}),
      repeat,
      timeoutMs,
      aia,
      ownCas,
      fixPaths,
      workspace: io.cwd,
      ...(osStorePaths ? { osStorePaths } : {}),
    });
    // Written before the report is printed: its snippets already name these files.
    if (saveChain) saveFile(io, saveChain, report.chain.map((c) => c.pem).join(''), 'chain');
    let shown = report;
    if (saveBundle) {
      const root =
        report.ownCa?.pem ??
        report.chain.find((c) => c.selfSigned && c.isCA)?.pem ??
        report.chain.find((c) => c.selfSigned)?.pem;
      if (root) saveFile(io, saveBundle, createBundle([root]), 'bundle');
      else {
        // Not written: the snippets must not name a file that does not exist.
        shown = renamePath(report, saveBundle, PLACEHOLDERS.bundle);
        io.err(
          `--save-bundle: not written: the server sent no root and no known CA file (${CLI_DEFAULTS.devcertOutDir}/, the development CA) holds it; pass the root with --ca and save the bundle with tls-doctor devcert, or write it by hand\n`,
        );
      }
    }
    // The report is already redacted (core); the rendered text passes redact() too, as every output does.
    io.out(redact(format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : renderText(shown, painter(io))));
    return report.verdict === 'ok' ? 0 : 1;
  },
};

/** CA files a chain may be rooted at that are the user's own: TLS Doctor's development CA, and every PEM file of
 * CA certificates in the workspace's certificate folder (bundles, with public roots, are not "own" CAs). */
async function ownCaFiles(certsDir: string, env: NodeJS.ProcessEnv): Promise<{ file: string; label: string }[]> {
  const out = [{ file: path.join(resolveCaDir(undefined, env), CA_CERT_FILE), label: "TLS Doctor's development CA" }];
  let names: string[];
  try {
    names = readdirSync(certsDir)
      .filter((n) => /\.(pem|crt)$/i.test(n) && !/bundle/i.test(n))
      .sort();
  } catch {
    return out; // no certificate folder: nothing of the workspace's to recognise
  }
  return [
    ...out,
    ...names.map((n) => ({
      file: path.join(certsDir, n),
      label: `a CA in the workspace's certificate folder (${path.basename(certsDir)}/${n})`,
    })),
  ];
}

/** Writes a PEM file the user asked for (0644: certificates are public); a failure is reported, not thrown. */
function saveFile(io: Io, file: string, text: string, what: string): void {
  try {
    writeFileSync(file, text, { mode: 0o644 });
    io.err(`saved the ${what} to ${file}\n`);
  } catch (e) {
    io.err(`could not save the ${what} to ${file}: ${describeIoError(e)}\n`);
  }
}

/** A --ca path must exist: "not found" only when it is missing; a symlink loop or a permission problem says so. */
function statCaFile(f: string): void {
  try {
    statSync(f);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`--ca file not found: ${f}`);
    throw new UsageError(`--ca ${f}: ${describeIoError(e)}`);
  }
}

/** A --ca file must be a regular file (or folder) of readable PEM certificates; a FIFO or device is refused unread. */
async function checkCaFile(f: string): Promise<void> {
  const n = await readableCertCount(f).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOTREG' || e.code === 'EFBIG') throw new UsageError(`--ca ${e.message}`);
    return 0;
  });
  if (n === 0) {
    throw new UsageError(`--ca ${f}: no certificate could be read from it (expected PEM: -----BEGIN CERTIFICATE-----)`);
  }
}

/** `--cert FILE --key FILE`: the client certificate for an mTLS server, both or neither, checked before probing. */
function readClientCert(
  certFile: string | undefined,
  keyFile: string | undefined,
  cwd: string,
): { cert: string; key: string } | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) {
    throw new UsageError('--cert and --key go together (the client certificate and its private key)');
  }
  const read = (flag: string, file: string, want: RegExp, label: string) => {
    let text: string;
    try {
      text = readFileSync(path.resolve(cwd, file), 'utf8');
    } catch (e) {
      throw new UsageError(`${flag} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (!want.test(text)) throw new UsageError(`${flag} ${file}: expected PEM (${label})`);
    return text;
  };
  return {
    cert: read('--cert', certFile, /-----BEGIN CERTIFICATE-----/, '-----BEGIN CERTIFICATE-----'),
    key: read('--key', keyFile, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, '-----BEGIN PRIVATE KEY-----'),
  };
}

type Paint = (style: keyof typeof STYLES, s: string) => string;
const STYLES = { bold: '1', red: '31', green: '32', yellow: '33', dim: '2' };

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
function painter(io: Io): Paint {
  const on = io.isTTY && !io.env.NO_COLOR;
  return (style, s) => (on ? `\x1b[${STYLES[style]}m${s}\x1b[0m` : s);
}

/** The human report: headline, problems with fixes, chain, stores, environment. */
export function renderText(r: CheckReport, p: Paint): string {
  const head = `${r.url}  ${r.verdict === 'ok' ? p('green', 'OK') : p('red', 'FAIL')}`;
  const meta = [
    r.addresses?.join(', '),
    r.protocol,
    r.cipher,
    r.proxy && `via proxy ${r.proxy}`,
    r.elapsedMs !== undefined && `${r.elapsedMs} ms`,
  ]
    .filter(Boolean)
    .join(' · ');
  return [
    p('bold', head),
    `  ${meta}`,
    '',
    ...causesText(r.causes, p),
    ...warningsText(r.warnings ?? [], p),
    ...notesText(r.notes ?? []),
    ...chainText(r.chain, p),
    ...trustText(r.trust, p),
    ...envText(r.environment),
  ].join('\n');
}

/** Warnings do not fail the check (the verdict above stays OK), so they get their own section and colour. */
function warningsText(warnings: readonly CheckWarning[], p: Paint): string[] {
  if (!warnings.length) return [];
  return [
    p('bold', 'Warnings'),
    ...warnings.map((w) => `  ${p('yellow', '!')} ${p('bold', w.code)}: ${w.message}`),
    '',
  ];
}

function notesText(notes: readonly string[]): string[] {
  return notes.length ? ['Notes', ...notes.map((n) => `  - ${n}`), ''] : [];
}

function causesText(causes: readonly Cause[], p: Paint): string[] {
  if (!causes.length) return [`${p('green', '✓')} no problems found`, ''];
  return [
    p('bold', 'Problems'),
    ...causes.flatMap((c) => [
      `  ${p('red', '✗')} ${p('bold', c.code)}: ${c.message}`,
      ...(c.clients
        ? [
            `      ${p('dim', 'accepted by:')} ${c.clients.accept.join(', ') || 'none'}  ${p('dim', 'rejected by:')} ${c.clients.reject.join(', ') || 'none'}`,
          ]
        : []),
      ...c.fixes.flatMap((f) => [
        `      ${p('dim', `${f.client}:`)} ${f.text}`,
        ...(f.snippet ? f.snippet.split('\n').map((l) => `          ${l}`) : []),
      ]),
    ]),
    '',
  ];
}

function chainText(chain: readonly CertInfo[], p: Paint): string[] {
  if (!chain.length) return [];
  return [
    p('bold', 'Chain (as sent by the server)'),
    ...chain.flatMap((c, i) => [
      `  ${i} ${p('bold', c.subject || '(empty subject)')}${c.selfSigned ? p('dim', '  [self-signed]') : ''}`,
      `    issuer   ${c.issuer}`,
      `    valid    ${c.notBefore.slice(0, 10)} → ${c.notAfter.slice(0, 10)} (${daysLeft(c.notAfter, p)})`,
      `    names    ${c.sans.join(', ') || '(no subjectAltName)'}`,
      `    key      ${c.keyType}${c.keyBits ? ` ${c.keyBits}` : ''}, ${c.signatureAlgorithm}${c.isCA ? ', CA' : ''}${c.extKeyUsage ? `, EKU ${c.extKeyUsage.join('/')}` : ''}`,
      `    sha256   ${c.sha256}`,
    ]),
    '',
  ];
}

function daysLeft(notAfter: string, p: Paint): string {
  const days = Math.floor((Date.parse(notAfter) - Date.now()) / 86_400_000);
  if (days < 0) return p('red', `expired ${-days} days ago`);
  return days < 30 ? p('yellow', `${days} days left`) : `${days} days left`;
}

function trustText(trust: Readonly<Record<string, TrustVerdict>>, p: Paint): string[] {
  const rows = Object.values(trust);
  const width = Math.max(...rows.map((v) => v.store.length));
  return [
    p('bold', 'Trust stores'),
    ...rows.map((v) => {
      const mark =
        v.trusted === true
          ? p('green', '✓ trusted')
          : v.trusted === false
            ? p('red', '✗ rejected')
            : p('dim', '– not checked');
      const why = [v.error, v.note, v.source && p('dim', `(${v.source})`)].filter(Boolean).join('  ');
      return `  ${v.store.padEnd(width)}  ${mark}  ${why}`;
    }),
    '',
  ];
}

function envText(env: CheckReport['environment']): string[] {
  const entries = Object.entries(env ?? {});
  if (!entries.length) return [];
  return ['Environment', ...entries.map(([k, v]) => `  ${k}=${v === '' ? '""  (set but empty)' : v}`), ''];
}
