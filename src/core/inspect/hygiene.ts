// Workspace hygiene for certificate files: what a repository should not hold or will soon regret holding. Its own
// concept (not a detection rule: nothing here turns verification off), reported with lower severity than findings:
// expired or expiring certificates, private keys outside test fixtures, certificates strict clients refuse, and a
// key file next to a certificate it does not belong to. Pure: the caller reads the files (bounded) and passes bytes.
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { parseBytes } from './read';
import type { Inspection } from './types';

export type HygieneCode = 'expired' | 'expiring' | 'private-key' | 'strict' | 'key-mismatch';

export interface HygieneIssue {
  readonly file: string;
  /** 0-based line of the block the issue is about (0 for binary files). */
  readonly line: number;
  readonly code: HygieneCode;
  readonly severity: 'warning' | 'info';
  readonly message: string;
}

export { HYGIENE_GLOB } from './files';

/** Path segments that mark test fixtures: a key there is a test key, not a leaked one. */
const FIXTURE_SEGMENT = /^(tests?|__tests__|spec|specs|fixtures?|testdata|test-data|mocks?|examples?|samples?)$/i;

export function isTestFixture(file: string): boolean {
  return file.split(/[\\/]/).some((s) => FIXTURE_SEGMENT.test(s));
}

function lineOf(origin: string): number {
  const m = /\(line (\d+)\)/.exec(origin);
  return m ? Number(m[1]) - 1 : 0;
}

/** The issues of one file's inspection. */
function issuesOf(file: string, ins: Inspection, warnDays: number, binaryKeystore: boolean): HygieneIssue[] {
  const out: HygieneIssue[] = [];
  const add = (line: number, code: HygieneCode, severity: HygieneIssue['severity'], message: string) =>
    out.push({ file, line, code, severity, message });
  for (const c of ins.certificates) {
    const line = lineOf(c.origin);
    const name = c.subject || '(no subject)';
    if (c.daysLeft < 0) {
      add(
        line,
        'expired',
        'warning',
        `certificate ${name} expired ${-c.daysLeft} days ago (${c.notAfter.slice(0, 10)})`,
      );
    } else if (c.daysLeft <= warnDays) {
      add(line, 'expiring', 'info', `certificate ${name} expires in ${c.daysLeft} days (${c.notAfter.slice(0, 10)})`);
    }
    for (const s of c.strict) add(line, 'strict', 'info', `certificate ${name} ${s}`);
  }
  if (!isTestFixture(file)) {
    for (const k of ins.keys) {
      add(
        lineOf(k.origin),
        'private-key',
        'warning',
        `a private key (${k.label}${k.encrypted ? ', encrypted' : ''}) is in the workspace: keep keys out of version control (add the file to .gitignore and rotate the key if it was committed)`,
      );
    }
    if (binaryKeystore && ins.keys.length === 0 && ins.problems.some((p) => p.code === 'password-required')) {
      add(
        0,
        'private-key',
        'warning',
        'a PKCS#12 keystore (usually with a private key) is in the workspace: keep it out of version control',
      );
    }
  }
  return out;
}

const CERT_EXTS = ['.crt', '.pem', '.cer'];

function spki(k: crypto.KeyObject): Buffer {
  return k.export({ type: 'spki', format: 'der' });
}

/** A `name.key` next to `name.crt|pem|cer` whose public key differs: a server configured with the pair fails with a
 * confusing "key values mismatch" far from the cause. Encrypted keys are skipped (no password). */
function mismatches(files: ReadonlyMap<string, Buffer>): HygieneIssue[] {
  const out: HygieneIssue[] = [];
  for (const [file, bytes] of files) {
    if (path.extname(file).toLowerCase() !== '.key') continue;
    const stem = file.slice(0, -4);
    const certFile = CERT_EXTS.map((e) => stem + e).find((f) => files.has(f));
    if (!certFile) continue;
    let key: crypto.KeyObject;
    let cert: crypto.X509Certificate;
    try {
      key = crypto.createPublicKey(crypto.createPrivateKey(bytes));
      cert = new crypto.X509Certificate(files.get(certFile)!);
    } catch {
      continue;
    }
    if (!spki(key).equals(spki(cert.publicKey))) {
      out.push({
        file,
        line: 0,
        code: 'key-mismatch',
        severity: 'warning',
        message: `this key does not belong to ${path.basename(certFile)} next to it (its public key differs): a server given this pair refuses to start or fails every handshake`,
      });
    }
  }
  return out;
}

/** Hygiene issues of `files` (path → bytes), within `warnDays` for expiry. */
export function hygieneIssues(
  files: ReadonlyMap<string, Buffer>,
  opts: { readonly warnDays: number; readonly now?: Date },
): HygieneIssue[] {
  const now = opts.now ?? new Date();
  const out: HygieneIssue[] = [];
  for (const [file, bytes] of files) {
    const { inspection } = parseBytes(bytes, { now });
    out.push(...issuesOf(file, inspection, opts.warnDays, /\.(p12|pfx)$/i.test(file)));
  }
  return [...out, ...mismatches(files)];
}
