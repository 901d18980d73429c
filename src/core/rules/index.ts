// The rules module's public face: the registry (families, rules by id) and the shared types and vocabularies.
export * from './types';
export * from './vocabulary';
export { families, allRules, ruleById, familyOf, conceptOf } from './registry';
export { defineFamily, ruleFactory } from './define';
