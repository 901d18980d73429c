// Scanning many files: read (skipping huge/binary/minified ones) and scan each, in this thread or spread over
// worker threads. Results are plain data so they cross thread boundaries unchanged.
import { Finding } from '../rules/types';
import { scanBytes, ScanOptions } from './index';
import { readBytesForScan, SkipReason } from './walk';

/** A file to scan: where to read it, and the path the rules see (relative to the scanned folder, for test-file detection). */
export interface ScanTarget {
  readonly path: string;
  readonly scanPath: string;
}

/** What scanning one file produced. */
export type FileOutcome =
  | { readonly path: string; readonly findings: Finding[] }
  | { readonly path: string; readonly skip: SkipReason; readonly detail: string };

/** Reads and scans targets one after the other (the unit-testable core of the CLI). */
export function scanTargets(
  targets: readonly ScanTarget[],
  opts: ScanOptions = {},
  maxFileSize?: number,
): FileOutcome[] {
  return targets.map((t) => scanOne(t, opts, maxFileSize));
}

/**
 * Reads and scans one target. Most files mention no TLS switch at all: the families' needles are looked for in the
 * bytes, the prefilters run on a latin1 view of them (a plain copy), and only files that pass are decoded as UTF-8.
 */
export function scanOne(t: ScanTarget, opts: ScanOptions = {}, maxFileSize?: number): FileOutcome {
  // One file must never abort a scan of thousands: whatever goes wrong in it (a rule bug, an input a rule cannot
  // handle) becomes a skip with its reason, and the other files' findings are still reported.
  try {
    return readAndScan(t, opts, maxFileSize);
  } catch (e) {
    return {
      path: t.path,
      skip: 'failed',
      detail: `the scan failed on this file: ${(e as Error)?.message ?? String(e)}`,
    };
  }
}

function readAndScan(t: ScanTarget, opts: ScanOptions, maxFileSize?: number): FileOutcome {
  // The bytes live in this thread's read buffer until the next read: they are tested and decoded before it.
  const read = readBytesForScan(t.path, maxFileSize, true);
  if ('skip' in read) return { path: t.path, skip: read.skip, detail: read.detail };
  return { path: t.path, findings: scanBytes(read.bytes, t.scanPath, opts) };
}
