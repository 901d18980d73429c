// Test helpers for rule families: scan a snippet and get compact, assertable tuples.
import * as assert from 'assert';
import { scanText } from '../../../src/core/scan/index';

/** `[ruleId, 1-based line, 1-based column, value]` for every finding (test-file severity left at rule defaults). */
/** Like `hits`, each finding with its origin's 1-based line and text (`-` for a finding on its own value). */
export function hitsFrom(text: string, path: string): [string, number, number, string, number | '-', string][] {
  return scanText(text, path, { testFileSeverity: 'default' }).map((f) => [
    f.ruleId,
    f.range.start.line + 1,
    f.range.start.character + 1,
    f.value,
    f.origin ? f.origin.range.start.line + 1 : '-',
    f.origin?.value ?? '-',
  ]);
}

export function hits(text: string, path: string): [string, number, number, string][] {
  return scanText(text, path, { testFileSeverity: 'default' }).map((f) => [
    f.ruleId,
    f.range.start.line + 1,
    f.range.start.character + 1,
    f.value,
  ]);
}

/** Asserts that `text` yields exactly one finding of `ruleId` whose value is `value`. */
export function expectOne(text: string, path: string, ruleId: string, value: string): void {
  const found = hits(text, path);
  assert.deepStrictEqual(
    found.map(([id, , , v]) => [id, v]),
    [[ruleId, value]],
    `in: ${text}`,
  );
}

/** Asserts that `text` yields no finding at all. */
export function expectNone(text: string, path: string): void {
  assert.deepStrictEqual(hits(text, path), [], `in: ${text}`);
}
