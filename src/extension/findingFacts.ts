// What a finding's scanned text says about it (its endpoint, which quick-fixes the text allows), computed from the
// core alone: no `vscode` import, so the workspace scan's worker thread computes the same facts as the editor does
// and the FindingStore only records them.
import { createHash } from 'crypto';
import type { Endpoint } from '../core/endpoints/index';
import { resolveEndpoint } from '../core/endpoints/index';
import { canTrustBundle, removeFlagFix, trustBundleFix } from '../core/fixes/index';
import type { Finding, Range } from '../core/rules/types';
import { scanText } from '../core/scan/index';

/** How trusting a bundle rewrites a finding: a plain edit, an edit plus variables to set at start-up, or not at all. */
export type TrustShape = 'edit' | 'env' | 'none';

/** The facts of one finding, without the finding (they travel from the scan worker as plain data). */
export interface FindingFacts {
  /** The endpoint the code talks to, when the text says so statically. */
  readonly endpoint?: Endpoint;
  /** True when the switch can be removed from the text (removeFlagFix has an edit). */
  readonly removable: boolean;
  readonly trust: TrustShape;
}

/** What the store needs from the core; injectable so tests can count the work done. */
export interface FindingAnalysis {
  endpoint(text: string, f: Finding): Endpoint | undefined;
  removable(text: string, f: Finding, path: string): boolean;
  trust(text: string, f: Finding, path: string): TrustShape;
}

/** The bundle name used to ask the core whether a trust fix exists: its shape never depends on the bundle's name. */
const PROBE_BUNDLE = 'bundle.pem';

/** The core's answers, each guarded: a fact that can't be computed is "not available", never an error. */
export const coreAnalysis: FindingAnalysis = {
  endpoint(text, f) {
    try {
      return resolveEndpoint(text, f);
    } catch {
      return undefined;
    }
  },
  removable(text, f, path) {
    try {
      return removeFlagFix(text, f, path) !== undefined;
    } catch {
      return false;
    }
  },
  trust(text, f, path) {
    if (!canTrustBundle(f.ruleId)) return 'none';
    try {
      const fix = trustBundleFix(text, f, { bundle: PROBE_BUNDLE, path });
      return !fix ? 'none' : fix.env ? 'env' : 'edit';
    } catch {
      return 'none';
    }
  },
};

/** The key of a finding within its document: rule id and range (diagnostics handed back by VS Code are copies). */
export function findingKey(ruleId: string, r: Range): string {
  return `${ruleId}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The facts of `finding` in `text` (the one place they are computed, in the editor and in the scan worker). */
export function factsOf(
  finding: Finding,
  path: string,
  text: string,
  analysis: FindingAnalysis = coreAnalysis,
): FindingFacts {
  const endpoint = analysis.endpoint(text, finding);
  return {
    ...(endpoint ? { endpoint } : {}),
    removable: analysis.removable(text, finding, path),
    trust: analysis.trust(text, finding, path),
  };
}

/**
 * Identity of a file's findings and their facts (what the editor shows): two scans with the same digest show the
 * same, so the second is only confirmed, never re-rendered.
 */
export function factsDigest(findings: readonly Finding[], facts: readonly (readonly [string, FindingFacts])[]): string {
  return createHash('sha1')
    .update(JSON.stringify([findings, facts]))
    .digest('hex')
    .slice(0, 16);
}

/** The fields of a finding that are positions in its text (Range values) or hold them only: what a move changes. */
const POSITIONS: ReadonlySet<string> = new Set(['range', 'context']);

/**
 * Identity of a file's findings and facts with their positions left out: two scans with the same shape and different
 * digests found the same findings, in the same order, with the same facts, only at other places (lines inserted or
 * removed above them). What depends on positions alone (ranges, lenses, diagnostics) is redone for such a move;
 * what does not (endpoints, counts, bundle lookups, probes) stays. A notebook finding keeps its cell index.
 */
export function shapeDigest(findings: readonly Finding[], facts: readonly (readonly [string, FindingFacts])[]): string {
  const json = JSON.stringify([findings, facts.map(([, v]) => v)], (k, v: unknown) => {
    if (POSITIONS.has(k)) return undefined;
    if (k === 'cell') return (v as Finding['cell'])?.index;
    return v;
  });
  return createHash('sha1').update(json).digest('hex').slice(0, 16);
}

/** A file's raw findings (suppressions applied, severities not), each one's facts, and their digest. */
export interface ScannedFindings {
  readonly findings: readonly Finding[];
  readonly facts: readonly (readonly [string, FindingFacts])[];
  readonly digest: string;
}

/**
 * Scans `text` as the editor keeps findings (raw) and computes each finding's facts once: the one way both the
 * workspace scan process and the live re-scan worker produce what the host shows, so their digests agree.
 */
export function scanWithFacts(text: string, path: string, languageId?: string): ScannedFindings {
  const findings = scanText(text, path, { languageId, testFileSeverity: 'default' });
  const facts = findings.map((f) => [findingKey(f.ruleId, f.range), factsOf(f, path, text)] as const);
  return { findings, facts, digest: factsDigest(findings, facts) };
}
