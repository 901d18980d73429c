// What the status bar item says, as data: counts in, icon / severity / wording keys out. No vscode import, so the
// rules (quiet when clean, warning colour only for errors, spinner while scanning) are unit-tested with plain mocha;
// statusBar.ts turns the result into localised strings.

/** Diagnostic severities as vscode.DiagnosticSeverity numbers them (Error = 0). */
export const SEVERITY_ERROR = 0;

/** The counts the item shows. */
export interface StatusCounts {
  /** TLS Doctor findings shown in the workspace (every severity). */
  readonly total: number;
  /** Of those, error-severity ones. */
  readonly errors: number;
}

/** The item's look for a state. */
export interface StatusLook {
  /** Codicon: a spinner while scanning, a shield otherwise ($(shield) is quiet; no alarm icon for warnings). */
  readonly icon: 'sync~spin' | 'shield' | 'workspace-trusted';
  /** Background: the theme's warning colour only when error-severity findings exist. */
  readonly warning: boolean;
  /** Which wording statusBar.ts uses. */
  readonly kind: 'scanning' | 'clean' | 'findings';
}

/** Counts TLS Doctor diagnostics by severity over every file's list (the collection's forEach gives one per file). */
export function countFindings(perFile: Iterable<readonly { readonly severity: number }[]>): StatusCounts {
  let total = 0;
  let errors = 0;
  for (const list of perFile) {
    total += list.length;
    for (const d of list) if (d.severity === SEVERITY_ERROR) errors++;
  }
  return { total, errors };
}

/** The look for `counts` while a scan does or does not run. */
export function statusLook(counts: StatusCounts, scanning: boolean): StatusLook {
  if (scanning) return { icon: 'sync~spin', warning: counts.errors > 0, kind: 'scanning' };
  if (counts.total === 0) return { icon: 'workspace-trusted', warning: false, kind: 'clean' };
  return { icon: 'shield', warning: counts.errors > 0, kind: 'findings' };
}
