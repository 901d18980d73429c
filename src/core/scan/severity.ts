// Severity settings: per-rule overrides (`ignore` drops a rule) and the lower default for test files.
import { Finding, SeveritySetting } from '../rules/types';

/** Which files count as tests: by folder (`test/`, `tests/`, `__tests__/`, `spec/`) or by name. */
const TEST_DIR = /(?:^|\/)(?:tests?|__tests__|spec|testdata)\//;
const TEST_NAME =
  /(?:^|\/)(?:test_[^/]*\.py|[^/]*_test\.(?:py|go)|[^/]*\.(?:spec|test)\.[cm]?[jt]sx?|conftest\.py|[^/]*_spec\.rb|[^/]*Tests?\.(?:java|kt|cs|php))$/;

/**
 * True for test files: `test_*.py`, `*_test.py`, `*_test.go`, `*.spec.ts`, `*.test.js`, `*_spec.rb`, `FooTest.java`,
 * or anything under a `test/`, `tests/`, `__tests__/`, `spec/` or `testdata/` folder. Pass a workspace-relative path:
 * the folders of an absolute path (e.g. `/home/me/test/…`) count too.
 */
export function isTestFile(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return TEST_NAME.test(p) || TEST_DIR.test(p);
}

/** How severities are chosen; see ScanOptions in ./index. */
export interface SeverityOptions {
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /** Severity for findings in test files; `default` keeps the rule's own. Default: `info`. */
  readonly testFileSeverity?: SeveritySetting | 'default';
}

/**
 * Applies settings in this order: a per-rule `ignore` always drops the finding; in a test file the test-file
 * severity wins (unless `default`); otherwise the per-rule setting, else the rule's own severity.
 */
export function applySeverity(findings: readonly Finding[], path: string, opts: SeverityOptions): Finding[] {
  const test = isTestFile(path) ? (opts.testFileSeverity ?? 'info') : 'default';
  const out: Finding[] = [];
  for (const f of findings) {
    const configured = opts.severities?.[f.ruleId];
    if (configured === 'ignore' || test === 'ignore') continue;
    const severity = test !== 'default' ? test : (configured ?? f.severity);
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
