// Which environment variables make a finding's client trust a bundle (for "Use an environment variable instead"),
// and which hosts are local enough for a development certificate.
import { FixKind } from '../rules/types';

/** The CA-bundle variables the client of `ruleId` reads, e.g. requests → REQUESTS_CA_BUNDLE; empty when none helps. */
export function envVarsFor(ruleId: string, kind: FixKind): string[] {
  if (kind === 'none' || kind === 'node-env-var' || kind === 'env-ca-bundle' || ruleId.startsWith('env.')) return [];
  if (/^python\.(?:requests|session|httpx)/.test(ruleId)) return ['REQUESTS_CA_BUNDLE', 'SSL_CERT_FILE'];
  if (ruleId.startsWith('python.')) return ['SSL_CERT_FILE'];
  if (ruleId.startsWith('javascript.') || kind === 'npm-strict-ssl') return ['NODE_EXTRA_CA_CERTS'];
  if (kind === 'curl-insecure') return ['CURL_CA_BUNDLE'];
  if (kind === 'git-ssl-verify') return ['GIT_SSL_CAINFO'];
  if (kind === 'pip-trusted-host') return ['PIP_CERT'];
  if (kind === 'go-insecure-skip-verify') return ['SSL_CERT_FILE'];
  return [];
}

/** True for loopback, `.localhost`/`.test`/`.internal`/`.local` names and RFC 1918 / ULA / link-local addresses. */
export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || /\.(?:localhost|test|internal|local|lan|home\.arpa)$/.test(h)) return true;
  if (h === '::1' || /^f[cd][0-9a-f]{2}:|^fe80:/.test(h)) return true;
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(h);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}
