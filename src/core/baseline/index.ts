// Baselines for legacy code: a file listing the findings a team has accepted for now, so `scan --baseline` reports
// only new ones. A finding is known by its rule, its file and a fingerprint of the text of its line(s) with the
// whitespace collapsed: stable when lines move (code added above, re-indentation), new when the line itself changes.
// Pure: the CLI reads and writes the files; here are the fingerprint, the file format and the matching.
import { createHash } from 'node:crypto';
import type { Range } from '../rules/types';

/** Bumped when the fingerprint or the file format changes; older files are then refused, not misread. */
export const BASELINE_VERSION = 1;

/** One accepted finding; `count` identical lines (same rule, file and fingerprint) are one entry. */
export interface BaselineEntry {
  readonly ruleId: string;
  /** Relative to the baseline file's folder, `/`-separated. */
  readonly file: string;
  readonly fingerprint: string;
  readonly count: number;
}

export interface Baseline {
  readonly version: typeof BASELINE_VERSION;
  readonly tool: 'tls-doctor';
  readonly findings: readonly BaselineEntry[];
}

/** What matching needs to know about a current finding. */
export interface Fingerprinted {
  readonly ruleId: string;
  readonly file: string;
  readonly fingerprint: string;
}

/** The text of the lines `range` spans (without line breaks), from the file's text. */
export function linesOfRange(text: string, range: Range): string {
  return text
    .split('\n')
    .slice(range.start.line, range.end.line + 1)
    .join('\n');
}

/** Whitespace runs (line breaks included) become one space; leading and trailing whitespace goes. */
export function normaliseLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/** 32 hex digits of SHA-256 over the rule id and the normalised line text. */
export function fingerprintOf(ruleId: string, lineText: string): string {
  return createHash('sha256')
    .update(`${ruleId}\n${normaliseLine(lineText)}`)
    .digest('hex')
    .slice(0, 32);
}

const keyOf = (f: Pick<Fingerprinted, 'ruleId' | 'file' | 'fingerprint'>) => `${f.ruleId}\0${f.file}\0${f.fingerprint}`;

/** A baseline accepting every finding in `current`: entries sorted by file, rule and fingerprint. */
export function toBaseline(current: readonly Fingerprinted[]): Baseline {
  const counts = new Map<string, { f: Fingerprinted; n: number }>();
  for (const f of current) {
    const c = counts.get(keyOf(f));
    if (c) c.n++;
    else counts.set(keyOf(f), { f, n: 1 });
  }
  const findings = [...counts.values()]
    .map(({ f, n }) => ({ ruleId: f.ruleId, file: f.file, fingerprint: f.fingerprint, count: n }))
    .sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  return { version: BASELINE_VERSION, tool: 'tls-doctor', findings };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The baseline file's text: stable key order, two-space indent, trailing newline (diff-friendly in reviews). */
export function formatBaseline(b: Baseline): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}

/** Reads a baseline file's text; a readable error message instead of a throw for anything malformed. */
export function parseBaseline(text: string): Baseline | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `not JSON (${(e as Error).message})` };
  }
  const o = data as Partial<Baseline> | null;
  if (!o || typeof o !== 'object' || o.tool !== 'tls-doctor') {
    return { error: 'not a TLS Doctor baseline (no "tool": "tls-doctor")' };
  }
  if (o.version !== BASELINE_VERSION) {
    return {
      error: `baseline version ${String(o.version)} is not supported (expected ${BASELINE_VERSION}; write it again with --write-baseline)`,
    };
  }
  if (!Array.isArray(o.findings)) return { error: '"findings" must be an array' };
  const bad = o.findings.findIndex(
    (e: Partial<BaselineEntry>) =>
      typeof e?.ruleId !== 'string' ||
      typeof e.file !== 'string' ||
      typeof e.fingerprint !== 'string' ||
      !Number.isInteger(e.count) ||
      (e.count as number) < 1,
  );
  if (bad >= 0) {
    return { error: `findings[${bad}] needs ruleId, file, fingerprint (strings) and count (a whole number ≥ 1)` };
  }
  return { version: BASELINE_VERSION, tool: 'tls-doctor', findings: o.findings };
}

/**
 * For each current finding (in order), whether the baseline already has it. Identical lines are counted: a baseline
 * holding one `verify=False` line in a file accepts one such line there, and a second copy is new.
 */
export function matchBaseline(current: readonly Fingerprinted[], baseline: Baseline): ('new' | 'unchanged')[] {
  const left = new Map<string, number>();
  for (const e of baseline.findings) left.set(keyOf(e), (left.get(keyOf(e)) ?? 0) + e.count);
  return current.map((f) => {
    const n = left.get(keyOf(f)) ?? 0;
    if (n === 0) return 'new';
    left.set(keyOf(f), n - 1);
    return 'unchanged';
  });
}
