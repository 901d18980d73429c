// What SARIF results carry beyond the finding itself, for code scanning at team scale: the baseline fingerprint
// (`partialFingerprints`, so alerts follow a line that moves), the baseline state, and `fixes` built from the text
// edits the quick-fixes compute. Kept apart from sarif.ts: `toSarif` only merges these into its results.
import { removeFlagFix, trustBundleFix } from '../fixes/index';
import type { FixResult } from '../fixes/index';
import type { Finding } from '../rules/types';

/** The key our line fingerprint goes under in `partialFingerprints` (next to the older `tlsDoctor/v1`). */
export const LINE_FINGERPRINT_KEY = 'tlsDoctorLineHash/v1';
/** Bundle path written into "trust the CA" fixes: SARIF fixes are static, so the user picks the real file. */
export const PLACEHOLDER_BUNDLE = 'path/to/ca-bundle.pem';

/** Per-result additions, index-aligned with the findings given to `toSarif`. */
export interface SarifExtra {
  /** From src/core/baseline (rule + normalised line text). */
  readonly fingerprint?: string;
  /** Present only when the scan compared against a baseline. */
  readonly baselineState?: 'new' | 'unchanged';
  /** Why the result is accepted (it is in the baseline): becomes an external SARIF suppression. */
  readonly suppressedBy?: string;
  readonly fixes?: readonly SarifFix[];
  /** `scan --probe`: the endpoint's verdict, as `properties.tlsDoctor.endpoint` (the JSON finding's `endpoint`). */
  readonly endpoint?: SarifEndpoint;
  /** One sentence appended to the result's message (what the probe found). */
  readonly messageSuffix?: string;
}

/** What a probe found about a finding's endpoint (`not-checked` says why in `reason`). */
export interface SarifEndpoint {
  readonly url: string;
  readonly verdict: string;
  readonly causes: readonly string[];
  readonly remedy: string;
  readonly reason?: string;
}

/** A SARIF 2.1.0 `fix` object: one artifact change of replacements in the finding's file. */
export interface SarifFix {
  readonly description: { readonly text: string };
  readonly artifactChanges: readonly {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId: string };
    readonly replacements: readonly {
      readonly deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number };
      readonly insertedContent: { readonly text: string };
    }[];
  }[];
}

/**
 * The fixes for a finding in `text` (its file's content; `file` as in the report): "trust a CA bundle" with a
 * placeholder path the user replaces, and "remove the switch" for endpoints that verify with default trust.
 */
export function sarifFixes(text: string, finding: Finding, file: string): SarifFix[] {
  const out: SarifFix[] = [];
  const trust = trustBundleFix(text, finding, { bundle: PLACEHOLDER_BUNDLE, path: file });
  if (trust) {
    const env = trust.env
      ? ` and set ${Object.entries(trust.env)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')} where the program starts`
      : '';
    out.push(
      toSarifFix(
        trust,
        file,
        `Keep verification on and trust your CA: ${trust.label}${env}. Replace ${PLACEHOLDER_BUNDLE} with your CA bundle (PEM).`,
      ),
    );
  }
  const remove = removeFlagFix(text, finding, file);
  if (remove) {
    out.push(
      toSarifFix(
        remove,
        file,
        `${cap(remove.label)}: right when the endpoint's certificate verifies with the default trust store.`,
      ),
    );
  }
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function toSarifFix(fix: FixResult, file: string, description: string): SarifFix {
  return {
    description: { text: description },
    artifactChanges: [
      {
        artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
        replacements: fix.edits.map((e) => ({
          deletedRegion: {
            startLine: e.range.start.line + 1,
            startColumn: e.range.start.character + 1,
            endLine: e.range.end.line + 1,
            endColumn: e.range.end.character + 1,
          },
          insertedContent: { text: e.newText },
        })),
      },
    ],
  };
}

/** Merges `extra` into one SARIF result object (the result's own partialFingerprints are kept). */
export function decorateResult<R extends { partialFingerprints?: Record<string, string>; message: { text: string } }>(
  result: R,
  extra: SarifExtra | undefined,
): R {
  if (!extra) return result;
  return {
    ...result,
    ...(extra.messageSuffix
      ? { message: { ...result.message, text: sentences(result.message.text, extra.messageSuffix) } }
      : {}),
    ...(extra.endpoint ? { properties: { tlsDoctor: { endpoint: extra.endpoint } } } : {}),
    ...(extra.fingerprint
      ? { partialFingerprints: { ...result.partialFingerprints, [LINE_FINGERPRINT_KEY]: extra.fingerprint } }
      : {}),
    ...(extra.baselineState ? { baselineState: extra.baselineState } : {}),
    ...(extra.suppressedBy
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: extra.suppressedBy }] }
      : {}),
    ...(extra.fixes?.length ? { fixes: extra.fixes } : {}),
  };
}

/** `more` after `text` as a new sentence (finding messages don't end with a full stop). */
function sentences(text: string, more: string): string {
  return `${text}${/[.!?]$/.test(text) ? '' : '.'} ${more}`;
}
