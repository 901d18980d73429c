// The shared vocabulary of detection: what a rule is, what a finding is. Every language-family file under
// src/core/rules/ exports a RuleFamily; the scanner (src/core/scan/) runs the families that apply to a file.
import type { Client, Concept, Surface } from './vocabulary';

export type { Client, Concept, Surface } from './vocabulary';

/** How loud a finding is. `ignore` exists only in settings (it turns a rule off). */
export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'ignore';

// Positions and ranges belong to the text layer (src/core/text/lines.ts); rules speak them.
import type { Range } from '../text/lines';
export type { Position, Range } from '../text/lines';

/**
 * What kind of remedy applies, so quick-fixes can attach to findings without re-parsing them.
 * e.g. `python-verify-kwarg` for `requests.get(url, verify=False)`.
 */
export type FixKind =
  | 'python-verify-kwarg' // verify=False → verify="<bundle>"
  | 'python-verify-attribute' // session.verify = False → session.verify = "<bundle>"
  | 'python-unverified-context' // ssl._create_unverified_context() → ssl.create_default_context(cafile=...)
  | 'node-reject-unauthorized' // rejectUnauthorized: false → ca: fs.readFileSync(...)
  | 'node-env-var' // NODE_TLS_REJECT_UNAUTHORIZED=0 → NODE_EXTRA_CA_CERTS=<bundle>
  | 'go-insecure-skip-verify' // InsecureSkipVerify: true → RootCAs: pool
  | 'curl-insecure' // curl -k → curl --cacert <bundle>
  | 'git-ssl-verify' // http.sslVerify=false → http.sslCAInfo=<bundle>
  | 'npm-strict-ssl' // strict-ssl=false → cafile=<bundle>
  | 'pip-trusted-host' // trusted-host → cert=<bundle>
  | 'env-ca-bundle' // a variable that disables verification → the CA-bundle variable
  | 'none';

/**
 * A code example of a rule. A flagged example marks each expected finding's range inline with `«…»` (a mark that
 * starts with `{other.rule-id}` is another rule's finding that the snippet also holds). A plain string is scanned as
 * the rule's `examples.file`; an object names its own file (the same switch in a Dockerfile, say).
 */
export type Example = string | { readonly file: string; readonly code: string };

/** Every example is a test (test/unit/rules/examples.test.ts) and the docs page shows them. */
export interface RuleExamples {
  /** The file name examples are scanned as, e.g. `app.py`, `.npmrc`. */
  readonly file: string;
  /** Snippets that yield exactly the marked findings. */
  readonly flagged: readonly Example[];
  /** Snippets that yield no finding of any rule; the first is the docs page's "Instead". */
  readonly ok: readonly Example[];
}

/** Static description of one rule. `id` is stable (it names the docs page docs/rules/<id>.md). */
export interface RuleMeta {
  /** Dotted, stable, e.g. `python.requests-verify-false`. */
  readonly id: string;
  /** One line, shown as the diagnostic message prefix. */
  readonly title: string;
  readonly severity: Severity;
  /** Why it is dangerous and what to do instead, one or two sentences (the docs page has more). */
  readonly description: string;
  readonly fix: FixKind;
  /** What the switch does, e.g. `verification-off` (see vocabulary.ts). */
  readonly concept: Concept;
  /** The client or tool whose verification it affects, e.g. `python-requests`, `git`. */
  readonly client: Client;
  /** The language or config kind it is written in, e.g. `python`, `shell`, `env`, `npmrc`. */
  readonly surface: Surface;
  /** Environment variables that make `client` trust a CA bundle, e.g. `REQUESTS_CA_BUNDLE` (empty: none helps). */
  readonly caVars: readonly string[];
  /** Docs prose: what is and is not matched (Markdown). */
  readonly notes?: string;
  readonly examples: RuleExamples;
}

/** One place where verification is disabled or weakened. */
export interface Finding {
  readonly ruleId: string;
  /** The exact text that disables verification, e.g. `verify=False` or `-k`. */
  readonly range: Range;
  readonly severity: Severity;
  readonly message: string;
  /** The matched text at `range` (what a fix replaces). */
  readonly value: string;
  /** Range of the whole call / statement / line the finding belongs to, when known (for endpoint resolution). */
  readonly context?: Range;
  /** In a Jupyter notebook: the 0-based cell index (among all cells) and the 0-based line and column in that cell. */
  readonly cell?: { readonly index: number; readonly line: number; readonly character: number };
  /**
   * Where the insecure value is written when it is not written at `range` (CodeQL's convention: the alert sits at the
   * sink, the source is the flow's origin): `VERIFY = False` for a finding at `requests.get(url, verify=VERIFY)`.
   * Fixes edit the origin (one edit fixes every call it reaches); `reaches` counts the findings of the file that
   * share this origin. Also listed in `related`, so every surface that shows related places shows it.
   */
  readonly origin?: {
    readonly range: Range;
    /** The text at `origin.range` (what a fix replaces). */
    readonly value: string;
    /** The statement around the value (`context` of the finding the value would be on its own). */
    readonly context?: Range;
    readonly reaches: number;
  };
  /** Extra places worth showing, e.g. a `urllib3.disable_warnings()` call that hides the warning. */
  readonly related?: readonly { readonly range: Range; readonly message: string }[];
}

/** A language family: which files it reads, its rules, and the matcher that finds them in a text. */
export interface RuleFamily {
  readonly id: string;
  readonly rules: readonly RuleMeta[];
  /** Docs prose every page of the family ends its "What is and is not matched" with (where, what never counts). */
  readonly notes?: string;
  /**
   * A cheap test of the raw text: when it does not match, `scan` finds nothing. Its keywords are ASCII, so it may
   * also be run on a latin1 view of a file's bytes, which lets the CLI skip decoding most files.
   */
  readonly prefilter: RegExp;
  /**
   * Optional, cheaper still: ASCII strings of which every `prefilter` match contains at least one; `prefilter` runs
   * only on files that contain one (test/unit/scan/scan.test.ts checks this on the examples and the prefilter's
   * words). A keyword added to `prefilter` needs a needle too. The needles of all families are searched together
   * (rules/needles.ts): each distinct needle once per file, from its rarest character (`setCertificateVerifyProc` is
   * looked for as `Verify`), needles with the same probe in one search. A search stops at every occurrence of that
   * character, so what a needle costs is how common its rarest character is in source code (upper case, digits,
   * `_`, `-`, `k`, `v`: cheap; a needle of common lower-case letters only, such as `mongo`, stops at every `m`), not
   * its length: name the switch in full when that is more selective.
   */
  readonly needles?: readonly string[];
  /** `path` is a file path (any separator); `languageId` is VS Code's, when known. */
  appliesTo(path: string, languageId?: string): boolean;
  /**
   * Pure: text in, findings out (before suppression comments and severity settings are applied). `languageId` is the
   * one `appliesTo` saw: a family chosen by it (a Dockerfile named `build.docker`) must read the file the same way.
   */
  scan(text: string, path: string, languageId?: string): Finding[];
}
