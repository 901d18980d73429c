// Helpers for fix tests: scan a snippet with the real detection core, apply the fix for one finding, return the text.
import * as assert from 'assert';
import { applyEdits, removeFlagFix, trustBundleFix } from '../../../src/core/fixes/index';
import type { FixResult } from '../../../src/core/fixes/index';
import { scanText } from '../../../src/core/scan/index';
import type { Finding } from '../../../src/core/rules/types';

/** The only finding of `ruleId` in `text` (fails the test if there isn't exactly one). */
export function only(text: string, path: string, ruleId: string): Finding {
  const found = scanText(text, path, { testFileSeverity: 'default' }).filter((f) => f.ruleId === ruleId);
  assert.strictEqual(found.length, 1, `expected one ${ruleId} in ${JSON.stringify(text)}, got ${found.length}`);
  return found[0];
}

/** The trust-bundle fix result for the finding of `ruleId`. */
export function trustResult(
  text: string,
  path: string,
  ruleId: string,
  bundle = '.certs/bundle.pem',
): FixResult | undefined {
  return trustBundleFix(text, only(text, path, ruleId), { bundle, path });
}

/** `text` after the trust-bundle fix; also checks that the fixed text has no finding of `ruleId` left. */
export function trust(text: string, path: string, ruleId: string, bundle = '.certs/bundle.pem'): string {
  const r = trustResult(text, path, ruleId, bundle);
  assert.ok(r, `no fix for ${ruleId} in ${JSON.stringify(text)}`);
  const out = applyEdits(text, r.edits);
  assert.deepStrictEqual(
    scanText(out, path, { testFileSeverity: 'default' }).filter((f) => f.ruleId === ruleId),
    [],
    `finding still there after the fix:\n${out}`,
  );
  return out;
}

/** `text` after the remove-the-flag fix (undefined when none is offered); also checks the finding is gone. */
export function remove(text: string, path: string, ruleId: string): string | undefined {
  const r = removeFlagFix(text, only(text, path, ruleId), path);
  if (!r) return undefined;
  const out = applyEdits(text, r.edits);
  assert.deepStrictEqual(
    scanText(out, path, { testFileSeverity: 'default' }).filter((f) => f.ruleId === ruleId),
    [],
    `finding still there after removal:\n${out}`,
  );
  return out;
}
