// Output formats for scan results: text (one line per finding plus a summary), JSON (the stable CLI contract) and
// SARIF 2.1.0 (GitHub code scanning). Pure functions of the findings; the CLI decides where they go.
import { Finding, Severity } from '../rules/types';

export { toSarif } from './sarif';

/** A finding and the file it was found in (`file` is relative to the current directory, `/`-separated). */
export interface FileFinding {
  readonly file: string;
  readonly finding: Finding;
}

/** Counts shown in the text summary. */
export interface ScanStats {
  readonly filesScanned: number;
  readonly filesSkipped: number;
}

/** One finding of the JSON contract: lines and columns are 1-based; `endColumn` is exclusive (as in SARIF). */
export interface JsonFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly message: string;
}

/** Maps a finding to the stable JSON shape. */
export function toJsonFinding({ file, finding: f }: FileFinding): JsonFinding {
  return {
    ruleId: f.ruleId, file,
    line: f.range.start.line + 1, column: f.range.start.character + 1,
    endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
    severity: f.severity, message: f.message,
  };
}

/**
 * `{"version":1,"findings":[…]}` followed by a newline. `extras[i]`, when given, adds fields to finding i (the CLI's
 * `--probe` adds `endpoint`). Files that were not scanned, when there are any, follow as `skipped` (`{file, reason,
 * detail}`), so a consumer can tell "no findings" from "not read".
 */
export function toJson(results: readonly FileFinding[], extras?: readonly (object | undefined)[], skipped?: readonly object[]): string {
  const findings = results.map((r, i) => ({ ...toJsonFinding(r), ...extras?.[i] }));
  return `${JSON.stringify({ version: 1, findings, ...(skipped?.length ? { skipped } : {}) }, null, 2)}\n`;
}

/** Control and bidirectional-override characters, which a terminal would obey: a file named `\x1b[2J.py` must
 * not clear the screen, nor `\u202e` reverse the line. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` with every control or bidi character shown as a `\u001b`-style escape (for text meant for a terminal). */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `file:line:col severity ruleId message` lines, then a summary line. File names are shown `printable`. */
export function toText(results: readonly FileFinding[], stats: ScanStats): string {
  const lines = results.map((r) => {
    const j = toJsonFinding(r);
    return `${printable(j.file)}:${j.line}:${j.column} ${j.severity} ${j.ruleId} ${j.message}`;
  });
  return `${[...lines, summary(results, stats)].join('\n')}\n`;
}

function summary(results: readonly FileFinding[], stats: ScanStats): string {
  const by = (s: Severity) => results.filter((r) => r.finding.severity === s).length;
  const files = new Set(results.map((r) => r.file)).size;
  const skipped = stats.filesSkipped ? `, ${stats.filesSkipped} skipped` : '';
  const n = results.length;
  return `${n} finding${n === 1 ? '' : 's'} (${by('error')} error, ${by('warning')} warning, ${by('info')} info) in ${files} file${files === 1 ? '' : 's'}; ${stats.filesScanned} file${stats.filesScanned === 1 ? '' : 's'} scanned${skipped}`;
}
