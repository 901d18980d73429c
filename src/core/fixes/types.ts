// What a quick-fix is at the core level: plain text edits (no VS Code types), plus the environment a fix relies on.
import type { Range } from '../rules/types';

/** Replace the text at `range` with `newText` (an insertion has an empty range). */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** One fix for one finding: edits to the finding's file, e.g. `verify=False` → `verify=".certs/bundle.pem"`. */
export interface FixResult {
  /** What the edit does, in a few words (for the action title and the edit preview). */
  readonly label: string;
  /** Non-overlapping edits to the same file, in document order. */
  readonly edits: readonly TextEdit[];
  /**
   * Variables that must be set where the program starts for the fix to work (e.g. removing
   * `process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"` needs NODE_EXTRA_CA_CERTS in the environment: Node reads it once
   * at start-up, so setting it in code has no effect).
   */
  readonly env?: Readonly<Record<string, string>>;
}

/** How the bundle is referred to from the edited file. */
export interface FixOptions {
  /**
   * The path to write into the file, as the program should see it: usually relative to the workspace folder (the
   * usual working directory) with `/` separators, or absolute. Written as given, only quoted for the language.
   */
  readonly bundle: string;
  /** The file's path (any separator): tells `.env` from shell from JSON for the env-variable and shell fixes. */
  readonly path: string;
}

/** An edit by offsets, before conversion to a Range. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}
