// Public surface of certificate-file inspection (bundled separately as dist/inspect.js, loaded on first use by the
// extension's viewer, hover and hygiene diagnostics, and by `tls-doctor inspect`).
import { constants as fsConstants, promises as fs } from 'node:fs';
import { loadStores, StoreOptions } from '../tls/stores';
import { InspectOptions, MAX_INSPECT_BYTES, parseBytes } from './read';
import { judge } from './trust';
import type { InspectReport, Problem } from './types';

export * from './types';
export { parseBytes, MAX_INSPECT_BYTES, MAX_CERTIFICATES } from './read';
export type { InspectOptions, Parsed } from './read';
export { judge, judgedIndexes, MAX_JUDGED, OFFLINE_NOTE } from './trust';
export { strictProblems, daysLeft, PUBLIC_MAX_VALIDITY_DAYS } from './cert';
export { loadStores } from '../tls/stores';
export type { Store, StoreOptions } from '../tls/stores';

/** Options of inspectFile/inspectBuffer: the password, the clock, and which stores to judge with (none: no verdicts). */
export interface ReportOptions extends InspectOptions {
  readonly stores?: StoreOptions | false;
}

/** Reads a file for inspection: a FIFO, device or socket is refused after a stat, and nothing over the size cap is
 * read. Returns the bytes or a Problem. */
export async function readInspectable(file: string): Promise<Buffer | Problem> {
  let h: fs.FileHandle | undefined;
  try {
    h = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const st = await h.stat();
    if (!st.isFile()) return { code: 'not-a-file', message: `${file} is not a regular file` };
    if (st.size > MAX_INSPECT_BYTES) {
      return {
        code: 'too-large',
        message: `${file} is ${Math.round(st.size / 1048576)} MB, over the ${MAX_INSPECT_BYTES / 1048576} MB limit for certificate files`,
      };
    }
    const buf = Buffer.alloc(st.size);
    let n = 0;
    for (let r = -1; n < st.size && r !== 0; n += r) r = (await h.read(buf, n, st.size - n, n)).bytesRead;
    return buf.subarray(0, n);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { code: 'unreadable', message: `cannot read ${file}: ${err.code ?? err.message}` };
  } finally {
    await h?.close();
  }
}

/** Inspects bytes and, unless `stores` is false, judges them against the trust stores. */
export async function inspectBuffer(bytes: Buffer, opts: ReportOptions = {}, file?: string): Promise<InspectReport> {
  const now = opts.now ?? new Date();
  const { inspection, x509 } = parseBytes(bytes, { ...opts, now });
  const base = { ...(file ? { file } : {}), ...inspection };
  if (opts.stores === false || x509.length === 0) return { ...base, verdicts: [] };
  const stores = await loadStores(opts.stores ?? { env: process.env });
  const { verdicts, notes } = judge(inspection, x509, stores, now);
  return { ...base, notes: [...inspection.notes, ...notes], verdicts };
}

/** Inspects one file (see inspectBuffer); an unreadable file is a report with one problem. */
export async function inspectFile(file: string, opts: ReportOptions = {}): Promise<InspectReport> {
  const bytes = await readInspectable(file);
  if (!Buffer.isBuffer(bytes)) {
    return {
      file,
      kind: 'unknown',
      certificates: [],
      requests: [],
      keys: [],
      problems: [bytes],
      notes: [],
      totalCertificates: 0,
      verdicts: [],
    };
  }
  return inspectBuffer(bytes, opts, file);
}
export { hygieneIssues, isTestFixture, HYGIENE_GLOB } from './hygiene';
export type { HygieneIssue, HygieneCode } from './hygiene';
