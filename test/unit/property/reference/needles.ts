// The needle search as it was before the shared search (issue 18), kept unchanged as the oracle of
// needles.property.test.ts: each family searched its own needles, one pass per needle, for every file it reads
// (src/core/scan/index.ts holdsNeedle and mayHaveFindings). Not used by the product.
import { families } from '../../../../src/core/rules/registry';
import type { RuleFamily } from '../../../../src/core/rules/types';

/** Each family's needles as bytes, made once (a string needle would be encoded again at every search). */
const needleBytes = new Map<RuleFamily, readonly Buffer[]>();

export function holdsNeedle(raw: string | Buffer, f: RuleFamily): boolean {
  const needles = f.needles!;
  if (typeof raw === 'string') return needles.some((n) => raw.includes(n));
  let bytes = needleBytes.get(f);
  if (!bytes) needleBytes.set(f, (bytes = needles.map((n) => Buffer.from(n, 'latin1'))));
  for (const n of bytes) if (raw.indexOf(n) !== -1) return true;
  return false;
}

export function mayHaveFindings(raw: string | Buffer, path: string, languageId?: string): boolean {
  let text = typeof raw === 'string' ? raw : undefined;
  for (const f of families) {
    if (!f.appliesTo(path, languageId)) continue;
    if (f.needles && !holdsNeedle(raw, f)) continue;
    text ??= (raw as Buffer).toString('latin1');
    if (f.prefilter.test(text)) return true;
  }
  return false;
}

/** The families whose scan `scanText` ran on `text` (needles passed), in order. */
export function familiesScanned(text: string, path: string, languageId?: string): string[] {
  return families.filter((f) => f.appliesTo(path, languageId) && (!f.needles || holdsNeedle(text, f))).map((f) => f.id);
}
