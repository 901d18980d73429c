// The two constructors of detection: `ruleFactory` declares a family's rules as data (catalog/*.ts), and
// `defineFamily` ties those rules to a matcher. A family is "rules + prefilter + appliesTo + scan"; this is the seam a
// future parser-based engine plugs into (it supplies another `scan`, the rules and their examples stay as they are).
import { Finding, FixKind, RuleExamples, RuleFamily, RuleMeta, Severity } from './types';
import type { Client, Concept, Surface } from './vocabulary';

/** What a catalog entry declares; `id` gets the family prefix, the rest defaults from the family. */
export interface RuleSpec {
  readonly title: string;
  readonly description: string;
  readonly concept: Concept;
  readonly client: Client;
  readonly fix?: FixKind;
  readonly severity?: Severity;
  readonly surface?: Surface;
  readonly caVars?: readonly string[];
  readonly notes?: string;
  readonly examples: Omit<RuleExamples, 'file'> & { readonly file?: string };
}

/** A family's defaults: its id prefix, the surface its rules are written in and the file its examples are scanned as. */
export interface RuleDefaults {
  readonly surface?: Surface;
  readonly file?: string;
}

/** Builds RuleMetas for a family, e.g. `ruleFactory('go', { surface: 'go', file: 'main.go' })('insecure-skip-verify', {...})`. */
export function ruleFactory(prefix: string, defaults: RuleDefaults = {}) {
  return (id: string, spec: RuleSpec): RuleMeta => {
    const surface = spec.surface ?? defaults.surface;
    const file = spec.examples.file ?? defaults.file;
    if (!surface || !file) throw new Error(`rule ${prefix}.${id} needs a surface and an examples file`);
    return {
      id: `${prefix}.${id}`,
      title: spec.title,
      severity: spec.severity ?? 'warning',
      description: spec.description,
      fix: spec.fix ?? 'none',
      concept: spec.concept,
      client: spec.client,
      surface,
      caVars: spec.caVars ?? [],
      ...(spec.notes ? { notes: spec.notes } : {}),
      examples: { file, flagged: spec.examples.flagged, ok: spec.examples.ok },
    };
  };
}

/** What a family module supplies: its rules by short name (a catalog object) and its matcher. */
export interface FamilySpec {
  readonly id: string;
  readonly rules: Readonly<Record<string, RuleMeta>>;
  readonly prefilter: RegExp;
  /** See RuleFamily.needles. */
  readonly needles?: readonly string[];
  readonly notes?: string;
  appliesTo(path: string, languageId?: string): boolean;
  scan(text: string, path: string, languageId?: string): Finding[];
}

/** Docs prose shared by families: code families lex comments and strings away, text families read values only. */
export const NOTES = {
  code: 'Comments, docstrings and string literals that merely mention the flag are never findings.',
  text: 'Comments and prose (Markdown) are never findings; neither is a value only known at run time (`$VAR`, `${VAR}`, `${{ expr }}`, `$(cmd)`).',
} as const;

/** A RuleFamily from its spec (the rules object's values, in declaration order). */
export function defineFamily(spec: FamilySpec): RuleFamily {
  return {
    id: spec.id,
    rules: Object.values(spec.rules),
    prefilter: spec.prefilter,
    ...(spec.needles ? { needles: spec.needles } : {}),
    ...(spec.notes ? { notes: spec.notes } : {}),
    appliesTo: spec.appliesTo,
    scan: spec.scan,
  };
}
