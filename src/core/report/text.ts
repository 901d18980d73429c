// The text report: one `file:line:col severity ruleId message` line per finding, then a summary line.
import type { Severity } from '../rules/types';
import { printable } from '../text/printable';
import { toJsonFinding } from './json';
import type { FileFinding, ScanStats } from './types';

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
