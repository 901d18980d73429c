// `tls-doctor inspect FILE...`: what a certificate file is, every certificate in it, and who would trust it; the same
// core (src/core/inspect) as the extension's certificate viewer.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inspectFile } from '../core/inspect/index';
import type { InspectedCert, InspectReport } from '../core/inspect/index';
import type { TrustVerdict } from '../core/tls/types';
import { Command, Io, oneOf, parse, UsageError } from './command';

const USAGE =
  'tls-doctor inspect FILE... [--format text|json] [--password-file FILE] [--ca FILE]... [--os-store FILE]...';

const HELP = `Reads certificate files (PEM with any number of blocks, DER .crt/.cer/.der, PKCS#7 .p7b/.p7c, PKCS#12
.p12/.pfx, CSR .csr, bare base64) and prints each certificate (subject, issuer, names, validity, key, signature,
fingerprints, usages, constraints, URLs, policies), which certificate issued which, and each trust store's verdict.
Private keys in a file are named, never printed.

  --format text|json    json: an array of reports, one per file (the model of src/core/inspect/types.ts)
  --password-file FILE  the PKCS#12 password: the file's first line (a password on the command line would end up in
                        the shell history); without it, a .p12 made without a password still opens
  --ca FILE             also judge with these CA files (added to Node's roots, as tls-doctor check --ca)
  --os-store FILE       read these files (or folders) as the OS store instead of the platform's own

Exit codes: 0 read, 1 a certificate has expired or is not valid yet, 2 usage error or a file that could not be read
(not certificate data, truncated, wrong or missing password).`;

const OPTIONS = {
  format: { type: 'string' },
  'password-file': { type: 'string' },
  ca: { type: 'string', multiple: true },
  'os-store': { type: 'string', multiple: true },
} as const;

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'show what a certificate file holds and who trusts it',
  usage: USAGE,
  help: HELP,
  async run(argv, io) {
    const { values, positionals } = parse(argv, OPTIONS);
    if (positionals.length === 0) throw new UsageError('give one or more certificate files');
    const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
    const password = passwordOf(values['password-file'], io);
    const resolve = (f: string) => path.resolve(io.cwd, f);
    const stores = {
      env: io.env,
      extraCaFiles: (values.ca ?? []).map(resolve),
      ...(values['os-store'] ? { osStorePaths: values['os-store'].map(resolve) } : {}),
    };
    const now = new Date();
    const reports: InspectReport[] = [];
    for (const f of positionals) {
      reports.push(await inspectFile(resolve(f), { ...(password !== undefined ? { password } : {}), now, stores }));
    }
    io.out(format === 'json' ? `${JSON.stringify(reports, null, 2)}\n` : reports.map(render).join('\n'));
    return exitCode(reports);
  },
};

function passwordOf(file: string | undefined, io: Io): string | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(path.resolve(io.cwd, file), 'utf8').split(/\r?\n/)[0];
  } catch (e) {
    throw new UsageError(`--password-file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** 2: a file gave nothing (a problem and no certificate or request); 1: a certificate is outside its validity. */
export function exitCode(reports: readonly InspectReport[]): number {
  if (reports.some((r) => r.problems.length > 0 && r.certificates.length === 0 && r.requests.length === 0)) return 2;
  if (reports.some((r) => r.certificates.some((c) => c.daysLeft < 0 || Date.parse(c.notBefore) > Date.now()))) {
    return 1;
  }
  return 0;
}

const KIND: Readonly<Record<InspectReport['kind'], string>> = {
  pem: 'PEM',
  der: 'DER certificate',
  pkcs7: 'PKCS#7',
  pkcs12: 'PKCS#12',
  csr: 'certificate signing request',
  unknown: 'not readable',
};

function validity(c: InspectedCert): string {
  const when =
    c.daysLeft < 0
      ? `EXPIRED ${-c.daysLeft} days ago`
      : Date.parse(c.notBefore) > Date.now()
        ? 'NOT VALID YET'
        : `${c.daysLeft} days left`;
  return `${c.notBefore.slice(0, 10)} → ${c.notAfter.slice(0, 10)} (${when})`;
}

function field(label: string, value: string | undefined): string[] {
  return value ? [`      ${`${label}:`.padEnd(14)}${value}`] : [];
}

function certLines(c: InspectedCert, i: number): string[] {
  const nc = c.nameConstraints;
  return [
    `  [${i + 1}] ${c.role}  ${c.subject}   (${c.origin})`,
    ...field(
      'Issuer',
      `${c.issuer}${c.issuedBy !== undefined ? `  (certificate ${c.issuedBy + 1} of this file)` : ''}`,
    ),
    ...field('Names', c.sans.join(', ')),
    ...field('Validity', validity(c)),
    ...field('Key', c.keyBits !== undefined ? `${c.keyType} ${c.keyBits} bits` : c.keyType),
    ...field('Signature', c.signatureAlgorithm),
    ...field('SHA-256', c.sha256),
    ...field('SHA-1', c.sha1),
    ...field('Serial', c.serialNumber),
    ...field('Key usage', c.keyUsage?.join(', ')),
    ...field('Ext. usage', c.extKeyUsage?.join(', ')),
    ...field(
      'Basic',
      c.basicConstraints &&
        `CA: ${c.basicConstraints.ca}${c.basicConstraints.pathLength !== undefined ? `, path length ${c.basicConstraints.pathLength}` : ''}`,
    ),
    ...field('Permitted', nc?.permitted.join(', ')),
    ...field('Excluded', nc?.excluded.join(', ')),
    ...field('CA issuers', c.aiaIssuers?.join(', ')),
    ...field('OCSP', c.ocspUrls.join(', ')),
    ...field('CRL', c.crlUrls.join(', ')),
    ...field('Policies', c.policies.join(', ')),
    ...c.strict.map((s) => `      ! ${s}`),
  ];
}

function verdictLine(v: TrustVerdict): string {
  const mark = v.trusted === true ? '✓ trusted' : v.trusted === false ? '✗ not trusted' : '– not checked';
  return `      ${v.store.padEnd(20)} ${mark}${v.error || v.note ? `  ${v.error ?? v.note}` : ''}`;
}

/** The human form of one report. */
export function render(r: InspectReport): string {
  const count =
    r.totalCertificates > 0
      ? `, ${r.totalCertificates} certificate${r.totalCertificates === 1 ? '' : 's'}`
      : r.requests.length
        ? `, ${r.requests.length} request${r.requests.length === 1 ? '' : 's'}`
        : '';
  const order = r.chainOrder ? ` (one chain, leaf → root: ${r.chainOrder.map((i) => i + 1).join(' → ')})` : '';
  const lines = [
    `${r.file ?? '(input)'}: ${KIND[r.kind]}${count}${order}`,
    ...r.problems.map((p) => `  error: ${p.message}`),
    ...r.certificates.flatMap(certLines),
    ...r.requests.flatMap((q) => [
      `  request  ${q.subject}   (${q.origin})`,
      ...field('Names', q.sans.join(', ')),
      ...field('Key', q.keyBits !== undefined ? `${q.keyType} ${q.keyBits} bits` : q.keyType),
      ...field(
        'Signature',
        `${q.signatureAlgorithm}${q.signatureValid === false ? ' (DOES NOT VERIFY)' : q.signatureValid ? ' (verifies)' : ''}`,
      ),
    ]),
    ...r.keys.map(
      (k) =>
        `  private key (${k.label}${k.encrypted ? ', encrypted' : ''}, ${k.origin})${k.matches ? `: the key of certificate ${r.certificates.findIndex((c) => c.sha256 === k.matches) + 1}` : ''}`,
    ),
    ...r.verdicts.flatMap((v) => [`  Trust for [${v.index + 1}] ${v.subject}:`, ...v.stores.map(verdictLine)]),
    ...r.notes.map((n) => `  note: ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}
