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
  /** Jupyter notebooks only: the 1-based cell number and the 1-based line and column inside that cell. */
  readonly cell?: { readonly index: number; readonly line: number; readonly column: number };
}

/** Maps a finding to the stable JSON shape. */
export function toJsonFinding({ file, finding: f }: FileFinding): JsonFinding {
  return {
    ruleId: f.ruleId, file,
    line: f.range.start.line + 1, column: f.range.start.character + 1,
    endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
    severity: f.severity, message: f.message,
    ...(f.cell ? { cell: { index: f.cell.index + 1, line: f.cell.line + 1, column: f.cell.character + 1 } } : {}),
  };
}

/**
 * `{"version":1,"findings":[…]}` followed by a newline. `extras[i]`, when given, adds fields to finding i (the CLI's
 * `--probe` adds `endpoint`).
 */
export function toJson(results: readonly FileFinding[], extras?: readonly (object | undefined)[]): string {
  const findings = results.map((r, i) => ({ ...toJsonFinding(r), ...extras?.[i] }));
  return `${JSON.stringify({ version: 1, findings }, null, 2)}\n`;
}

/** `file:line:col severity ruleId message` lines, then a summary line. */
export function toText(results: readonly FileFinding[], stats: ScanStats): string {
  const lines = results.map((r) => {
    const j = toJsonFinding(r);
    return `${j.file}:${j.line}:${j.column} ${j.severity} ${j.ruleId} ${j.message}`;
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
