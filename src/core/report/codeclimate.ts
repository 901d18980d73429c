// GitLab Code Quality report (the Code Climate issue format GitLab reads from `artifacts:reports:codequality`): a JSON
// array of issues, each with a description, check name, severity, location and a fingerprint unique to the issue.
import { createHash } from 'node:crypto';
import type { Severity } from '../rules/types';
import type { FileFinding } from './index';

const SEVERITY: Record<Severity, 'critical' | 'major' | 'info'> = { error: 'critical', warning: 'major', info: 'info' };

/**
 * The report for `results`; `lineFingerprints[i]` is finding i's baseline fingerprint (rule + normalised line). GitLab
 * compares issues between branches by `fingerprint`, so identical lines in one file are told apart by occurrence.
 */
export function toCodeClimate(results: readonly FileFinding[], lineFingerprints: readonly string[]): string {
  const seen = new Map<string, number>();
  const issues = results.map(({ file, finding: f }, i) => {
    const base = `${f.ruleId}\0${file}\0${lineFingerprints[i] ?? `${f.range.start.line}:${f.range.start.character}`}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      type: 'issue',
      check_name: f.ruleId,
      description: f.message,
      categories: ['Security'],
      severity: SEVERITY[f.severity],
      fingerprint: createHash('sha256').update(`${base}\0${n}`).digest('hex').slice(0, 32),
      location: { path: file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
      engine_name: 'tls-doctor',
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
