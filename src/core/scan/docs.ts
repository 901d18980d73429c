// Where each rule's documentation lives. The repository URL comes from package.json (the one place to change it).
import pkg from '../../../package.json';

/** Base URL of the repository's browsable tree, derived from package.json `repository.url`. */
export const REPOSITORY_URL = pkg.repository.url.replace(/\.git$/, '').replace(/^git\+/, '');

/** Browsable docs page of a rule, e.g. `…/blob/main/docs/rules/python.requests-verify-false.md`. */
export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

/** Repository-relative path of a rule's docs page. */
export function ruleDocsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
