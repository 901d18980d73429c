// The JSON report: the stable CLI contract (`{"version":1,"findings":[…]}`).
import type { FileFinding, JsonFinding } from './types';

/** Maps a finding to the stable JSON shape. */
export function toJsonFinding({ file, finding: f }: FileFinding): JsonFinding {
  return {
    ruleId: f.ruleId,
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    message: f.message,
    ...(f.cell ? { cell: { index: f.cell.index + 1, line: f.cell.line + 1, column: f.cell.character + 1 } } : {}),
    ...(f.origin
      ? {
          origin: {
            line: f.origin.range.start.line + 1,
            column: f.origin.range.start.character + 1,
            endLine: f.origin.range.end.line + 1,
            endColumn: f.origin.range.end.character + 1,
            reaches: f.origin.reaches,
          },
        }
      : {}),
  };
}

/**
 * `{"version":1,"findings":[…]}` followed by a newline. `extras[i]`, when given, adds fields to finding i (the CLI's
 * `--probe` adds `endpoint`). Files that were not scanned, when there are any, follow as `skipped` (`{file, reason,
 * detail}`), so a consumer can tell "no findings" from "not read".
 */
export function toJson(
  results: readonly FileFinding[],
  extras?: readonly (object | undefined)[],
  skipped?: readonly object[],
): string {
  const findings = results.map((r, i) => ({ ...toJsonFinding(r), ...extras?.[i] }));
  return `${JSON.stringify({ version: 1, findings, ...(skipped?.length ? { skipped } : {}) }, null, 2)}\n`;
}
