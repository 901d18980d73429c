// Reading the examples of a rule (RuleMeta.examples): `«…»` marks the range a flagged example must yield, and
// `«{other.rule-id}…»` a finding of another rule the same snippet holds. The examples test and the docs generator
// both read examples through here, so a page shows exactly what the test checks.
import type { Example, RuleMeta } from './types';

/** An expected finding: rule id and [start, end) offsets in the unmarked text. */
export interface Mark {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
}

/** One example, ready to scan: its file, its text without marks, and the findings it must yield. */
export interface ParsedExample {
  readonly file: string;
  readonly text: string;
  readonly marks: readonly Mark[];
}

const MARK = /«(?:\{([\w.-]+)\})?|»/g;

/** Strips the marks from `code`; each mark's rule is `ruleId` unless it names another one. Throws on unbalanced marks. */
export function parseMarks(code: string, ruleId: string): { text: string; marks: Mark[] } {
  let text = '';
  let last = 0;
  const open: { ruleId: string; start: number }[] = [];
  const marks: Mark[] = [];
  MARK.lastIndex = 0;
  for (let m = MARK.exec(code); m; m = MARK.exec(code)) {
    text += code.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] !== '»') {
      open.push({ ruleId: m[1] ?? ruleId, start: text.length });
      continue;
    }
    const o = open.pop();
    if (!o) throw new Error(`unbalanced » in an example of ${ruleId}: ${code}`);
    marks.push({ ruleId: o.ruleId, start: o.start, end: text.length });
  }
  if (open.length) throw new Error(`unclosed « in an example of ${ruleId}: ${code}`);
  text += code.slice(last);
  return { text, marks: marks.sort((a, b) => a.start - b.start || a.end - b.end) };
}

/** The example's file and code (a plain string is scanned as the rule's examples file). */
export function exampleSource(rule: RuleMeta, e: Example): { file: string; code: string } {
  return typeof e === 'string' ? { file: rule.examples.file, code: e } : e;
}

/** Every flagged example of `rule`, parsed. */
export function flaggedExamples(rule: RuleMeta): ParsedExample[] {
  return rule.examples.flagged.map((e) => {
    const { file, code } = exampleSource(rule, e);
    return { file, ...parseMarks(code, rule.id) };
  });
}

/** Every ok example of `rule` (no marks allowed: they must yield nothing). */
export function okExamples(rule: RuleMeta): ParsedExample[] {
  return rule.examples.ok.map((e) => {
    const { file, code } = exampleSource(rule, e);
    return { file, ...parseMarks(code, rule.id) };
  });
}
