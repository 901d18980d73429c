// What the live re-scan of a typing pause computes, off the extension host's main thread (liveScanWorker.ts runs it;
// the main thread only when no worker can run): a document's text kept in step with its edits, and its findings with
// their facts and digest. No `vscode` import, so a worker thread can load it.
import { scanText } from '../../core/scan/index';
import type { Finding } from '../../core/rules/types';
import { factsDigest, factsOf, FindingFacts, findingKey } from '../findingFacts';

/** One edit of a document event: `length` characters at `offset` replaced by `text` (VS Code's contentChanges). */
export type TextEdit = readonly [offset: number, length: number, text: string];

/**
 * `text` after `edits`, applied in their order. VS Code's events list an edit's changes so that this is exact: by
 * descending position, each offset taken before the event, so no change moves the ones after it.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const [offset, length, insert] of edits) out = out.slice(0, offset) + insert + out.slice(offset + length);
  return out;
}

/** The raw findings of a live document (suppressions applied, severities not), their facts and digest. */
export interface LiveFindings {
  readonly findings: readonly Finding[];
  readonly facts: readonly (readonly [string, FindingFacts])[];
  readonly digest: string;
}

/** Scans `text` as the editor does (raw findings) and computes each finding's facts once. */
export function liveFindings(text: string, path: string, languageId: string | undefined): LiveFindings {
  const findings = scanText(text, path, { languageId, testFileSeverity: 'default' });
  const facts = findings.map((f) => [findingKey(f.ruleId, f.range), factsOf(f, path, text)] as const);
  return { findings, facts, digest: factsDigest(findings, facts) };
}
