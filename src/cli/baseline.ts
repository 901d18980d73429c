// The team-scale side of `tls-doctor scan`: fingerprints of the findings (from the text of their lines), reading and
// writing baseline files, and the SARIF extras (fingerprint, baseline state, fixes). The logic is in
// src/core/baseline and src/core/report/sarif-extras.ts; this file does the file I/O around it.
import * as fs from 'fs';
import * as nodePath from 'path';
import type { Io } from './command';
import {
  Baseline,
  fingerprintOf,
  Fingerprinted,
  formatBaseline,
  linesOfRange,
  matchBaseline,
  parseBaseline,
  toBaseline,
} from '../core/baseline/index';
import type { FileFinding } from '../core/report/index';
import { sarifFixes, SarifExtra } from '../core/report/sarif-extras';

/** Reads each file with findings once; a file that vanished since the scan has no text. */
function textReader(io: Io): (file: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, fs.readFileSync(nodePath.resolve(io.cwd, file), 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
}

/** The findings with their fingerprints and (when `withFixes`) their SARIF fixes. */
export interface Annotated {
  readonly fingerprints: string[];
  readonly fixes: (SarifExtra['fixes'] | undefined)[];
}

export function annotate(results: readonly FileFinding[], io: Io, withFixes: boolean): Annotated {
  const textOf = textReader(io);
  // A file gone since the scan: its finding's own text stands in for the line.
  const lineOf = ({ file, finding }: FileFinding) => {
    const text = textOf(file);
    return text === undefined ? finding.value : linesOfRange(text, finding.range);
  };
  const fingerprints = results.map((r) => fingerprintOf(r.finding.ruleId, lineOf(r)));
  const fixes = results.map(({ file, finding }) => {
    const text = withFixes ? textOf(file) : undefined;
    return text === undefined ? undefined : sarifFixes(text, finding, file);
  });
  return { fingerprints, fixes };
}

/** Baseline keys: paths relative to the baseline file's folder, so the file works from any current directory. */
function keysFor(
  results: readonly FileFinding[],
  fingerprints: readonly string[],
  baselineFile: string,
  io: Io,
): Fingerprinted[] {
  const dir = nodePath.dirname(nodePath.resolve(io.cwd, baselineFile));
  return results.map(({ file, finding }, i) => ({
    ruleId: finding.ruleId,
    file: nodePath.relative(dir, nodePath.resolve(io.cwd, file)).split(nodePath.sep).join('/'),
    fingerprint: fingerprints[i],
  }));
}

/** Writes a baseline accepting every finding; false (after a message) when the file cannot be written. */
export function writeBaseline(
  file: string,
  results: readonly FileFinding[],
  fingerprints: readonly string[],
  io: Io,
): boolean {
  const b = toBaseline(keysFor(results, fingerprints, file, io));
  try {
    fs.writeFileSync(nodePath.resolve(io.cwd, file), formatBaseline(b));
  } catch (e) {
    io.err(`tls-doctor scan: cannot write baseline ${file}: ${(e as Error).message}\n`);
    return false;
  }
  io.err(`tls-doctor scan: wrote baseline ${file} (${results.length} finding${results.length === 1 ? '' : 's'})\n`);
  return true;
}

/** Reads a baseline file; undefined (after a message) when it is missing or malformed. */
export function readBaseline(file: string, io: Io): Baseline | undefined {
  let text: string;
  try {
    text = fs.readFileSync(nodePath.resolve(io.cwd, file), 'utf8');
  } catch (e) {
    io.err(
      `tls-doctor scan: cannot read baseline ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`,
    );
    return undefined;
  }
  const b = parseBaseline(text);
  if ('error' in b) {
    io.err(`tls-doctor scan: baseline ${file}: ${b.error}\n`);
    return undefined;
  }
  return b;
}

/** new/unchanged for each finding, against the baseline at `file`. */
export function compare(
  results: readonly FileFinding[],
  fingerprints: readonly string[],
  baseline: Baseline,
  file: string,
  io: Io,
): ('new' | 'unchanged')[] {
  return matchBaseline(keysFor(results, fingerprints, file, io), baseline);
}

/** What `scan` reports once baselines are applied. */
export interface TeamView {
  /** The findings to print and count: all of them, or only the new ones when a baseline is given. */
  readonly results: FileFinding[];
  /** Index-aligned with `results`. */
  readonly fingerprints: string[];
  /** Every finding (baseline ones included, marked unchanged and suppressed) and its SARIF extras. */
  readonly sarif: { readonly results: readonly FileFinding[]; readonly extras: readonly SarifExtra[] };
  /** A baseline was written: the scan accepts what it found and exits 0. */
  readonly wroteBaseline: boolean;
}

export interface TeamOptions {
  readonly sarif: boolean;
  /** Fingerprints are needed (SARIF, codeclimate, baselines); plain text and JSON scans skip re-reading files. */
  readonly fingerprints: boolean;
  readonly baseline?: string;
  readonly writeBaseline?: string;
}

/** Applies `--baseline` / `--write-baseline` to the scan's findings; undefined (after a message) means exit 2. */
export function teamView(all: readonly FileFinding[], io: Io, opts: TeamOptions): TeamView | undefined {
  const needed = opts.fingerprints || opts.sarif || opts.baseline !== undefined || opts.writeBaseline !== undefined;
  if (!needed) {
    return { results: [...all], fingerprints: [], sarif: { results: all, extras: [] }, wroteBaseline: false };
  }
  const { fingerprints: prints, fixes } = annotate(all, io, opts.sarif);
  let states: ('new' | 'unchanged')[] | undefined;
  if (opts.baseline !== undefined) {
    const baseline = readBaseline(opts.baseline, io);
    if (!baseline) return undefined;
    states = compare(all, prints, baseline, opts.baseline, io);
    const known = states.filter((s) => s === 'unchanged').length;
    if (known) {
      io.err(
        `tls-doctor scan: ${known} finding${known === 1 ? '' : 's'} listed in the baseline ${opts.baseline} not reported\n`,
      );
    }
  }
  if (opts.writeBaseline !== undefined && !writeBaseline(opts.writeBaseline, all, prints, io)) return undefined;
  const keep = (_x: unknown, i: number) => !states || states[i] === 'new';
  const extras = all.map((_r, i): SarifExtra => ({
    fingerprint: prints[i],
    fixes: fixes[i],
    ...(states ? { baselineState: states[i] } : {}),
    ...(states?.[i] === 'unchanged' ? { suppressedBy: `listed in the baseline ${opts.baseline}` } : {}),
  }));
  return {
    results: all.filter(keep),
    fingerprints: prints.filter(keep),
    sarif: { results: all, extras },
    wroteBaseline: opts.writeBaseline !== undefined,
  };
}
