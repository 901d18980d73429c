// The detection entry point shared by the CLI and the extension: text in, findings out, with inline suppressions
// and severity settings applied. Pure and synchronous; file walking lives in ./walk.
import { isAscii } from 'buffer';
import { families } from '../rules/index';
import { Finding, RuleFamily, SeveritySetting } from '../rules/types';
import { NeedleHits } from '../rules/needles';
import { applySuppressions } from './suppress';
import { applySeverity } from './severity';

export { isTestFile } from './severity';
export { ruleDocsUrl, ruleDocsPath, REPOSITORY_URL } from './docs';
export { applySuppressions, suppressedOn } from './suppress';
export { walkFiles, readForScan, DEFAULT_EXCLUDES } from './walk';
export type { WalkOptions, WalkEvent, SkipReason, ReadResult } from './walk';
export type { Finding, RuleMeta, Severity, SeveritySetting, Range, Position } from '../rules/types';
export { allRules, ruleById, conceptOf } from '../rules/registry';

/** Options for `scanText`. */
export interface ScanOptions {
  /** Per-rule severity overrides, e.g. `{ "python.requests-verify-false": "error" }`; `ignore` turns a rule off. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /** Severity for findings in test files (see `isTestFile`); `default` keeps each rule's own. Default: `info`. */
  readonly testFileSeverity?: SeveritySetting | 'default';
  /** VS Code language id, when known: picks the family for files without a telling extension. */
  readonly languageId?: string;
}

/**
 * Finds every place in `text` that turns TLS verification off. `path` picks the rule families (by extension or
 * file name) and decides whether test-file severity applies. Findings are sorted by position.
 * Example: `scanText('requests.get(u, verify=False)', 'app.py')` → one `python.requests-verify-false` finding.
 */
export function scanText(text: string, path: string, opts: ScanOptions = {}): Finding[] {
  const needles = new NeedleHits(text);
  // Families whose needles fail are skipped: their prefilter, and so their scan, would fail.
  return findingsOf(
    text,
    path,
    opts,
    families.filter((f) => f.appliesTo(path, opts.languageId) && needles.any(f)),
  );
}

/**
 * `mayHaveFindings(bytes, path) ? scanText(bytes.toString('utf8'), path, opts) : []`, with the families that read
 * `path` and pass their needles found once, in the bytes, for both (needles are ASCII: the bytes hold one exactly
 * when the decoded text does). What a whole-tree scan runs per file.
 */
export function scanBytes(bytes: Buffer, path: string, opts: ScanOptions = {}): Finding[] {
  const needles = new NeedleHits(bytes);
  const needled: RuleFamily[] = [];
  let latin1: string | undefined;
  let passed = false;
  for (const f of families) {
    if (!f.appliesTo(path, opts.languageId) || !needles.any(f)) continue;
    needled.push(f);
    if (passed) continue;
    latin1 ??= bytes.toString('latin1');
    passed = f.prefilter.test(latin1);
  }
  if (!passed) return [];
  // Most source is ASCII, whose latin1 view is its text already: no second decoding.
  return findingsOf(isAscii(bytes) ? latin1! : bytes.toString('utf8'), path, opts, needled);
}

function findingsOf(text: string, path: string, opts: ScanOptions, scanned: readonly RuleFamily[]): Finding[] {
  const found: Finding[] = [];
  for (const family of scanned) {
    // A loop, not push(...spread): a spread passes every finding as an argument, and 130,000 findings in one
    // generated script overflow the call stack.
    for (const f of family.scan(text, path, opts.languageId)) found.push(f);
  }
  if (found.length === 0) return found;
  return applySeverity(applySuppressions(found, text), path, opts).sort(byPosition);
}

/**
 * False when no family that reads `path` can find anything in `raw` (its needles and prefilter fail). `raw` is the
 * text, or the file's bytes: then the needles are looked for in the bytes (a native search, like `includes`) and only
 * a file that holds one gets a latin1 view (a plain copy) for the prefilter, so the many files that mention no TLS
 * switch at all are neither copied nor decoded. Needles go first, each searched once for all the families that
 * declare it (rules/needles.ts): they cost a fraction of the prefilter's alternation on the files that have none of
 * them, most files of a tree.
 */
export function mayHaveFindings(raw: string | Buffer, path: string, languageId?: string): boolean {
  let text = typeof raw === 'string' ? raw : undefined;
  const needles = new NeedleHits(raw);
  for (const f of families) {
    if (!f.appliesTo(path, languageId)) continue;
    if (!needles.any(f)) continue;
    text ??= (raw as Buffer).toString('latin1');
    if (f.prefilter.test(text)) return true;
  }
  return false;
}

/** True when some family reads files like `path` (the walker uses this to skip everything else unread). */
export function isScannable(path: string, languageId?: string): boolean {
  return families.some((f) => f.appliesTo(path, languageId));
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
