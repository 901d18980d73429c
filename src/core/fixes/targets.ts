// Which environment variables make a finding's client trust a bundle (for "Use an environment variable instead"),
// and which hosts are local enough for a development certificate.
import { ruleById } from '../rules/registry';
import { FixKind } from '../rules/types';

/**
 * The CA-bundle variables the client of `ruleId` reads (the rule's `caVars`, e.g. requests → REQUESTS_CA_BUNDLE), as
 * an alternative to its quick-fix. Empty when the rule has no fix, and when the finding is itself an environment
 * variable (its fix already swaps it for the CA-bundle variable).
 */
export function envVarsFor(ruleId: string, kind: FixKind): string[] {
  const rule = ruleById(ruleId);
  if (
    !rule ||
    kind === 'none' ||
    kind === 'node-env-var' ||
    kind === 'env-ca-bundle' ||
    rule.concept === 'process-env-switch'
  ) {
    return [];
  }
  return [...rule.caVars];
}

/** True for loopback, `.localhost`/`.test`/`.internal`/`.local` names and RFC 1918 / ULA / link-local addresses. */
export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || /\.(?:localhost|test|internal|local|lan|home\.arpa)$/.test(h)) return true;
  if (h === '::1' || /^f[cd][0-9a-f]{2}:|^fe80:/.test(h)) return true;
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(h);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return (
    a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
  );
}
