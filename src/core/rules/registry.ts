// The registry: every rule family, and every rule by id. The one place that answers "what is rule X": its concept,
// client, surface, fix and CA-bundle variables (callers look facts up here instead of reading them out of the id).
// The scanner runs every family whose `appliesTo` matches a file; a family's `scan` starts with a cheap keyword test
// of the raw text, so files that cannot match cost one regex test.
import { RuleFamily, RuleMeta } from './types';
import { Concept } from './vocabulary';
import { python } from './python';
import { javascript } from './javascript';
import { go } from './go';
import { jvm } from './jvm';
import { csharp } from './csharp';
import { ruby } from './ruby';
import { php } from './php';
import { rust } from './rust';
import { shellFamily } from './shell';
import { envFamily } from './env';
import { configFamily } from './config';
import { browser } from './browser';
import { notebook } from './notebook';
import { embedded, embeddedGo } from './embedded';
import { connection } from './connection';
import { jsonConfig } from './json-config';

/** Every rule family (code languages first; the shell/CI/config families are appended here). */
export const families: RuleFamily[] = [
  python,
  javascript,
  go,
  jvm,
  csharp,
  ruby,
  php,
  rust,
  browser,
  embedded,
  embeddedGo,
  connection,
  shellFamily,
  envFamily,
  configFamily,
  jsonConfig,
  notebook,
];

let byId: Map<string, { rule: RuleMeta; family: RuleFamily }> | undefined;

function index(): Map<string, { rule: RuleMeta; family: RuleFamily }> {
  byId ??= new Map(families.flatMap((family) => family.rules.map((rule) => [rule.id, { rule, family }] as const)));
  return byId;
}

/** Every rule of every family, in family order. */
export function allRules(): RuleMeta[] {
  return families.flatMap((f) => f.rules);
}

/** The rule with id `id`, e.g. `ruleById('python.requests-verify-false')`; undefined for unknown ids. */
export function ruleById(id: string): RuleMeta | undefined {
  return index().get(id)?.rule;
}

/** The family that declares rule `id`. */
export function familyOf(id: string): RuleFamily | undefined {
  return index().get(id)?.family;
}

/** What rule `id`'s switch does, e.g. `verification-off`; undefined for unknown ids. */
export function conceptOf(id: string): Concept | undefined {
  return ruleById(id)?.concept;
}
