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
  /** What the caller should tell the user about the written path (e.g. why a .env holds an absolute path). */
  readonly note?: string;
  /**
   * With `FixOptions.anchor`, when the new code names the bundle relative to its own file (Python `__file__`, Node
   * `__dirname` / `import.meta.url`, a script's `$0`): that path, `/`-separated (e.g. `../.certs/bundle.pem`).
   */
  readonly fileRelative?: string;
  /**
   * The file already sets the CA variable the fix writes, to another value (a corporate bundle, say). `edits` then
   * point that assignment at the new bundle (no duplicate line) and drop the switch; `decision` says whether that
   * loses nothing: `same` (it already named this bundle), `merge` (the caller merged the old file's certificates into
   * the new bundle: FixOptions.mergedCas lists it, see mergeIntoBundle), or `ask` (apply only after the user agrees).
   */
  readonly existingCa?: ExistingCa;
  /**
   * Further edits the caller may apply together with `edits` once trust is fixed, e.g. deleting a leftover
   * `NODE_TLS_REJECT_UNAUTHORIZED=0` line. Ranges refer to the same original text and never overlap `edits`.
   */
  readonly followUps?: readonly FollowUp[];
}

/** An assignment of a CA variable found in the edited file (see FixResult.existingCa). */
export interface ExistingCa {
  readonly variable: string;
  /** Its value as the program reads it (quotes removed). */
  readonly value: string;
  /** Zero-based line of the (first) assignment. */
  readonly line: number;
  readonly decision: 'same' | 'merge' | 'ask';
}

/** An optional extra edit offered with a fix. */
export interface FollowUp {
  readonly label: string;
  readonly edits: readonly TextEdit[];
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
  /**
   * Write paths that work from any working directory (see anchor.ts): code refers to the bundle relative to its own
   * file, launch.json/settings to `${workspaceFolder}`, a .env by a relative or (git-ignored) absolute path. Needs an
   * absolute `path`. Without it `bundle` is written as given (the behaviour before issue 19).
   */
  readonly anchor?: AnchorOptions;
  /** Values of CA variables already in the file whose certificates the new bundle includes (mergeIntoBundle). */
  readonly mergedCas?: readonly string[];
}

/** Where the bundle is, for anchored references. */
export interface AnchorOptions {
  /** The bundle's absolute path on disk. */
  readonly bundleFile: string;
  /** The workspace folder (for `${workspaceFolder}`); default: the folder holding `.vscode/`. */
  readonly workspaceFolder?: string;
  /** True when the edited file is git-ignored (a machine-local .env may then hold an absolute path). */
  readonly gitIgnored?: boolean;
  /** The nearest package.json's "type": how Node runs a .js/.ts file (`module`: ESM). */
  readonly moduleType?: 'commonjs' | 'module';
}

/** An edit by offsets, before conversion to a Range. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}
