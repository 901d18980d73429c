// Inline suppressions: `tls-doctor: ignore` (every rule), `tls-doctor: ignore <rule-id>[, <rule-id>…]`, or a concept
// such as `tls-doctor: ignore verification-off` (every rule of that concept, see src/core/rules/vocabulary.ts), written
// in a comment on the finding's line or on the line above. The marker is looked for in the raw line right after a
// comment opener, so it works with every comment syntax (`#`, `//`, `/* */`, ` * ` in a block, `<!-- -->`, `;`, `--`,
// `%`, `REM`) while a string that merely contains the words (`note = "tls-doctor: ignore"`) silences nothing.
import { conceptOf } from '../rules/registry';
import { Finding } from '../rules/types';
import { isConcept } from '../rules/vocabulary';

const MARKER = /(?:#|\/\/|\/\*|<!--|;|--|%|\bREM\b|^\s*\*)[ \t]*tls-doctor:\s*ignore\b([ \t]+[\w.\-, \t]*)?/i;

/** Rule ids and concepts suppressed on one line: `'*'` for all, or a set of ids; undefined when the line has no marker. */
export function suppressedOn(line: string): '*' | Set<string> | undefined {
  if (!line.includes('tls-doctor:')) return undefined;
  const m = MARKER.exec(line);
  if (!m) return undefined;
  const ids = (m[1] ?? '').split(/[\s,]+/).filter((id) => /^[\w-]+\.[\w.-]+$/.test(id) || isConcept(id));
  return ids.length ? new Set(ids) : '*';
}

function covers(s: '*' | Set<string> | undefined, ruleId: string): boolean {
  if (s === '*') return true;
  if (s === undefined) return false;
  const concept = conceptOf(ruleId);
  return s.has(ruleId) || (concept !== undefined && s.has(concept));
}

/** Drops findings suppressed by a marker on their first line or the line above (for a finding at a sink, also those of
 * its origin: a marker written beside the value, where findings used to be, still holds). */
export function applySuppressions(findings: readonly Finding[], text: string): Finding[] {
  // `-doct` first: a short needle is searched for its first character (rare `-`), the whole marker with
  // Boyer-Moore-Horspool (0.13 ms against 0.01 on a 10,000-line file).
  if (!text.includes('-doct') || !text.includes('tls-doctor:')) return [...findings];
  const lines = text.split('\n');
  const marked = (line: number, ruleId: string) =>
    covers(suppressedOn(lines[line] ?? ''), ruleId) || covers(suppressedOn(lines[line - 1] ?? ''), ruleId);
  return findings.filter(
    (f) => !marked(f.range.start.line, f.ruleId) && !(f.origin && marked(f.origin.range.start.line, f.ruleId)),
  );
}
