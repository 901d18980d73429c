// Bytes → Inspection: find out what a certificate file is (PEM text with any number of blocks, DER certificate,
// PKCS#7, PKCS#12, CSR) and read every certificate in it. Bad input is a Problem in the result, never an exception,
// and the work is bounded: files over MAX_INSPECT_BYTES are refused, only the first MAX_CERTIFICATES certificates are
// read in full (the rest are counted), and PKCS#12 iteration counts are capped (pkcs12.ts).
import * as crypto from 'node:crypto';
import { readTlv } from '../der/read';
import { pemBlocks } from '../text/pem';
import { signs } from '../tls/pathbuild';
import { MAX_CA_FILE_BYTES } from '../tls/stores';
import { inspectCert } from './cert';
import { inspectCsr, looksLikeCsr, looksLikePkcs7, pkcs7Certificates } from './containers';
import { looksLikePkcs12, readPkcs12 } from './pkcs12';
import type { FileKind, FoundKey, InspectedCert, InspectedCsr, Inspection, Problem } from './types';

/** Files over this are refused unread (the same limit as CA files: the biggest public bundles are ~250 KB). */
export const MAX_INSPECT_BYTES = MAX_CA_FILE_BYTES;
/** Certificates read in full per file; a bigger bundle is counted and the rest named in a note. */
export const MAX_CERTIFICATES = 500;

export interface InspectOptions {
  /** PKCS#12 password; undefined tries the empty one and asks for it when that fails. */
  readonly password?: string;
  readonly now?: Date;
}

/** An Inspection and the parsed certificates behind `certificates` (same order), for chain building. */
export interface Parsed {
  readonly inspection: Inspection;
  readonly x509: readonly crypto.X509Certificate[];
}

const CERT_LABELS = new Set(['CERTIFICATE', 'TRUSTED CERTIFICATE', 'X509 CERTIFICATE']);
const CSR_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
const KEY_LABEL = /PRIVATE KEY$/;

/** Collects what the readers find; `finish` turns it into an Inspection. */
class Collector {
  readonly certs: { x: crypto.X509Certificate; origin: string }[] = [];
  readonly requests: InspectedCsr[] = [];
  readonly keys: (FoundKey & { publicKey?: crypto.KeyObject })[] = [];
  readonly problems: Problem[] = [];
  readonly notes: string[] = [];
  total = 0;

  constructor(readonly now: Date) {}

  cert(input: Buffer | string, origin: string): void {
    this.total++;
    if (this.certs.length >= MAX_CERTIFICATES) return;
    try {
      this.certs.push({ x: new crypto.X509Certificate(input), origin });
    } catch (e) {
      this.problem('bad-block', `${origin} is not a readable certificate (${(e as Error).message})`);
    }
  }

  problem(code: Problem['code'], message: string): void {
    if (this.problems.length < 20) this.problems.push({ code, message });
    else if (this.problems.length === 20) this.problems.push({ code, message: 'more problems were not listed' });
  }
}

/** Newlines in text[from, to): counted block by block, so line numbers cost one pass over the file. */
function newlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function readPem(text: string, c: Collector): void {
  const blocks = pemBlocks(text);
  let cursor = 0;
  let line = 1;
  for (const [i, b] of blocks.entries()) {
    const at = text.indexOf(b.text, cursor);
    line += newlines(text, cursor, at);
    const origin = `PEM block ${i + 1} (line ${line})`;
    line += newlines(text, at, at + b.text.length);
    cursor = at + b.text.length;
    if (CERT_LABELS.has(b.label)) {
      // Past the cap only count: parsing 10,000 certificates for a list nobody reads costs seconds.
      if (c.certs.length >= MAX_CERTIFICATES) c.total++;
      else c.cert(b.label === 'TRUSTED CERTIFICATE' ? b.text : Buffer.from(b.base64, 'base64'), origin);
    } else if (CSR_LABELS.has(b.label)) {
      guarded(c, origin, () => c.requests.push(inspectCsr(Buffer.from(b.base64, 'base64'), origin)));
    } else if (b.label === 'PKCS7') {
      guarded(c, origin, () => {
        for (const [j, der] of pkcs7Certificates(Buffer.from(b.base64, 'base64')).entries()) {
          c.cert(der, `${origin}, PKCS#7 certificate ${j + 1}`);
        }
      });
    } else if (KEY_LABEL.test(b.label)) {
      c.keys.push(pemKey(b.label, b.text, origin));
    } else {
      c.notes.push(`${origin}: a "${b.label}" block, not a certificate (left out)`);
    }
  }
}

function pemKey(label: string, text: string, origin: string): FoundKey & { publicKey?: crypto.KeyObject } {
  const encrypted = label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(text);
  if (encrypted || label === 'OPENSSH PRIVATE KEY') return { label, encrypted, origin };
  try {
    return { label, encrypted, origin, publicKey: crypto.createPublicKey(crypto.createPrivateKey(text)) };
  } catch {
    return { label, encrypted, origin };
  }
}

function guarded(c: Collector, origin: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    c.problem('bad-block', `${origin} could not be read (${(e as Error).message})`);
  }
}

/** A text that is nothing but base64 (a kubeconfig `*-data` value saved to a file, an unarmoured PEM body). */
function bareBase64(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 64 || !/^[A-Za-z0-9+/]+=*$/.test(compact)) return undefined;
  const der = Buffer.from(compact, 'base64');
  return der[0] === 0x30 ? der : undefined;
}

/** A DER buffer: PKCS#12, PKCS#7, a certificate or a CSR, in that order of checks. */
function readDer(der: Buffer, c: Collector, opts: InspectOptions, origin: string): FileKind {
  try {
    readTlv(der, 0);
  } catch {
    c.problem('truncated', `${origin}: the DER data is truncated (the file is incomplete or not DER)`);
    return 'unknown';
  }
  if (looksLikePkcs12(der)) return readP12(der, c, opts);
  if (looksLikePkcs7(der)) {
    guarded(c, origin, () => {
      for (const [j, cert] of pkcs7Certificates(der).entries()) c.cert(cert, `PKCS#7 certificate ${j + 1}`);
    });
    return 'pkcs7';
  }
  if (looksLikeCsr(der)) {
    guarded(c, origin, () => c.requests.push(inspectCsr(der, origin)));
    return 'csr';
  }
  try {
    c.certs.push({ x: new crypto.X509Certificate(der), origin });
    c.total++;
    return 'der';
  } catch {
    c.problem('not-certificate-data', `${origin}: ${whatDerIs(der)}`);
    return 'unknown';
  }
}

/** A readable reason for DER that is no certificate: often a private key saved with a certificate extension. */
function whatDerIs(der: Buffer): string {
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      crypto.createPrivateKey({ key: der, format: 'der', type });
      return `this is a private key (${type.toUpperCase()} DER), not a certificate`;
    } catch {
      // not this kind of key
    }
  }
  try {
    crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
    return 'this is a public key, not a certificate';
  } catch {
    return 'DER data, but not a certificate, CSR, PKCS#7 or PKCS#12 structure';
  }
}

function readP12(der: Buffer, c: Collector, opts: InspectOptions): FileKind {
  let content;
  try {
    content = readPkcs12(der, opts.password);
  } catch (e) {
    c.problem('bad-block', `the PKCS#12 structure could not be read (${(e as Error).message})`);
    return 'pkcs12';
  }
  c.notes.push(...content.notes);
  if (content.status !== 'ok') {
    c.problem(
      content.status === 'unsupported' ? 'unsupported-encryption' : content.status,
      content.message ?? content.status,
    );
    return 'pkcs12';
  }
  for (const [i, cert] of content.certs.entries()) c.cert(cert, `PKCS#12 certificate ${i + 1}`);
  for (const [i, k] of content.keys.entries()) {
    c.keys.push({
      label: 'PRIVATE KEY',
      encrypted: k.encrypted,
      origin: `PKCS#12 key ${i + 1}`,
      ...(k.publicKey ? { publicKey: k.publicKey } : {}),
    });
  }
  return 'pkcs12';
}

/** Reads `bytes` (a whole file). */
export function parseBytes(bytes: Buffer, opts: InspectOptions = {}): Parsed {
  const c = new Collector(opts.now ?? new Date());
  let kind: FileKind = 'unknown';
  if (bytes.length === 0) {
    c.problem('empty', 'the file is empty');
  } else if (bytes.length > MAX_INSPECT_BYTES) {
    c.problem(
      'too-large',
      `the file is ${Math.round(bytes.length / 1048576)} MB, over the ${MAX_INSPECT_BYTES / 1048576} MB limit`,
    );
  } else {
    kind = readAny(bytes, c, opts);
  }
  return finish(kind, c);
}

function readAny(bytes: Buffer, c: Collector, opts: InspectOptions): FileKind {
  // PEM is ASCII; latin1 keeps every byte, so a binary file never throws here.
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN ')) {
    readPem(text, c);
    if (c.total + c.requests.length + c.keys.length + c.problems.length === 0) {
      c.problem('bad-block', 'the file has a "-----BEGIN" line but no complete PEM block (is it truncated?)');
    }
    const csrOnly = c.total === 0 && c.requests.length > 0;
    return csrOnly ? 'csr' : 'pem';
  }
  const b64 = bareBase64(text);
  if (b64) return readDer(b64, c, opts, 'the base64 text');
  if (bytes[0] === 0x30) return readDer(bytes, c, opts, 'the file');
  c.problem(
    'not-certificate-data',
    /^[\t\n\r\x20-\x7e]*$/.test(text.slice(0, 4096))
      ? 'no certificate in this text: no "-----BEGIN CERTIFICATE-----" block and no base64 certificate'
      : 'not certificate data: neither PEM text nor DER (a certificate, PKCS#7, PKCS#12 or CSR)',
  );
  return 'unknown';
}

function spki(k: crypto.KeyObject): Buffer {
  return k.export({ type: 'spki', format: 'der' });
}

/** The file's certificates linked (which one issued which), keys paired with their certificates, the chain order. */
function finish(kind: FileKind, c: Collector): Parsed {
  const x509 = c.certs.map((e) => e.x);
  const bySubject = new Map<string, number[]>();
  x509.forEach((x, i) => bySubject.set(x.subject, [...(bySubject.get(x.subject) ?? []), i]));
  const certificates: InspectedCert[] = c.certs.map((e, i) => {
    const base = inspectCert(e.x, e.origin, c.now);
    const issuer = (bySubject.get(e.x.issuer) ?? []).find((j) => j !== i && signs(x509[j], e.x));
    return issuer === undefined ? base : { ...base, issuedBy: issuer };
  });
  const keys = c.keys.map(({ publicKey, ...k }) => {
    if (!publicKey) return k;
    const mine = spki(publicKey);
    const i = x509.findIndex((x) => spki(x.publicKey).equals(mine));
    return i === -1 ? k : { ...k, matches: certificates[i].sha256 };
  });
  if (c.total > c.certs.length && c.total > MAX_CERTIFICATES) {
    c.notes.push(
      `the file holds ${c.total} certificates; the first ${MAX_CERTIFICATES} are shown and checked, the rest only counted`,
    );
  }
  const chainOrder = orderOf(certificates);
  const inspection: Inspection = {
    kind,
    certificates,
    requests: c.requests,
    keys,
    problems: c.problems,
    notes: c.notes,
    totalCertificates: c.total,
    ...(chainOrder ? { chainOrder } : {}),
  };
  return { inspection, x509 };
}

/** Leaf → root indexes when the certificates form one chain (in any order in the file); else undefined. */
function orderOf(certs: readonly InspectedCert[]): number[] | undefined {
  if (certs.length < 2) return undefined;
  const issuers = new Set(certs.map((c) => c.issuedBy).filter((i) => i !== undefined));
  const leaves = certs.map((_, i) => i).filter((i) => !issuers.has(i));
  if (leaves.length !== 1) return undefined;
  const order = [leaves[0]];
  for (let next = certs[leaves[0]].issuedBy; next !== undefined && !order.includes(next); next = certs[next].issuedBy) {
    order.push(next);
  }
  return order.length === certs.length ? order : undefined;
}
