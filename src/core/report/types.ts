// The shapes every report format shares: a finding with its file, the scan counts, and the stable JSON finding.
import type { Finding, Severity } from '../rules/types';

/** A finding and the file it was found in (`file` is relative to the current directory, `/`-separated). */
export interface FileFinding {
  readonly file: string;
  readonly finding: Finding;
}

/** Counts shown in the text summary. */
export interface ScanStats {
  readonly filesScanned: number;
  readonly filesSkipped: number;
}

/** One finding of the JSON contract: lines and columns are 1-based; `endColumn` is exclusive (as in SARIF). */
export interface JsonFinding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly message: string;
  /** Jupyter notebooks only: the 1-based cell number and the 1-based line and column inside that cell. */
  readonly cell?: { readonly index: number; readonly line: number; readonly column: number };
  /** A finding at a sink (`requests.get(url, verify=VERIFY)`): where the insecure value is written (1-based), which
   * `fix` rewrites, and how many findings of the file it reaches. */
  readonly origin?: {
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly reaches: number;
  };
}
