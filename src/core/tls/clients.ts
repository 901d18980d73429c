// The per-client truth table: what each client rejects beyond chain trust (how it matches host names, which
// signatures, keys and validity periods it refuses). Rows whose `source` starts with "measured" are asserted against
// the real client in test/e2e/clients/clients.test.ts (this machine: Debian 12, OpenSSL 3.0 with SECLEVEL=2 in
// /etc/ssl/openssl.cnf, Node 20 with its bundled OpenSSL, python3 3.11 with urllib3 1.26 and 2.x, curl 7.88, Java 17);
// "documented" rows (Go, the browsers) cannot run here and come from the clients' documentation, cited per row.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import * as tls from 'node:tls';
import type { CertInfo } from './types';

/** true: accepted; false: rejected; 'private-only': accepted only under a root the user added, rejected under the
 * client's built-in public roots. */
export type Acceptance = boolean | 'private-only';

/** One client's rules. Undefined: not established (neither measured here nor documented), so the client is left out
 * of that split rather than guessed. */
export interface ClientRule {
  readonly client: string;
  /** Matches the host against the subject CN when the certificate has no DNS subjectAltName. */
  readonly cnFallback: boolean;
  /** Ignores one trailing dot of the host ("localhost." matches DNS:localhost). */
  readonly trailingDot?: boolean;
  /** Matches an IP address host against the CN when the certificate has no subjectAltName at all. */
  readonly ipInCn?: boolean;
  /** A wildcard covers more than one label (`*.example.com` matching `a.b.example.com`). RFC 6125 §6.4.3 says one. */
  readonly wildcardDeep: boolean;
  /** A SHA-1 signature on the leaf or an intermediate. */
  readonly sha1?: Acceptance;
  /** An RSA key of 1024 bits (≥ 1024, < 2048) on the leaf. */
  readonly rsa1024?: Acceptance;
  /** Longest leaf validity (notAfter − notBefore) accepted, in days, under public roots and under private ones. */
  readonly maxValidityDays?: { readonly public?: number; readonly private?: number };
  readonly source: string;
}

/** Chrome's and Apple's limit for publicly trusted TLS leaves issued since 2020-09-01 (CA/B Forum ballot SC31 was
 * voted down; the browsers enforce it themselves). Certificates under a root the user or an admin added are exempt. */
export const PUBLIC_MAX_VALIDITY_DAYS = 398;

export const CLIENT_RULES: readonly ClientRule[] = [
  // Node 20: tls.checkServerIdentity (CN without DNS SANs, drops a trailing dot, IPs only against IP SANs); its
  // bundled OpenSSL 3 runs at SECLEVEL=1 and ignores /etc/ssl/openssl.cnf: SHA-1 signatures fail ("CA signature
  // digest algorithm too weak"), RSA-1024 (80-bit) passes. No validity limit.
  {
    client: 'node',
    cnFallback: true,
    trailingDot: true,
    ipInCn: false,
    wildcardDeep: false,
    sha1: false,
    rsa1024: true,
    source: 'measured: Node 20 https.get',
  },
  // Python ssl: ssl.create_default_context() has hostname_checks_common_name = True and lets OpenSSL's X509_check_host
  // compare the host with its dot; the system OpenSSL's SECLEVEL=2 rejects SHA-1 and RSA-1024 ("EE certificate key
  // too weak"). A Python built against an OpenSSL at SECLEVEL=1 (python.org installers) accepts RSA-1024.
  {
    client: 'python-ssl',
    cnFallback: true,
    trailingDot: false,
    ipInCn: false,
    wildcardDeep: false,
    sha1: false,
    rsa1024: false,
    source: 'measured: python3 ssl (3.11, system OpenSSL 3.0)',
  },
  // requests with urllib3 2: hostname_checks_common_name = False (no CN fallback, also not for IPs), strips the dot
  // before matching; the chain checks are Python ssl's.
  {
    client: 'python-requests (urllib3 2)',
    cnFallback: false,
    trailingDot: true,
    ipInCn: false,
    wildcardDeep: false,
    sha1: false,
    rsa1024: false,
    source: 'measured: requests 2.32 + urllib3 2.x',
  },
  // requests with urllib3 1.26 (Debian 12's python3-urllib3): its own match_hostname, with the CN fallback for names
  // and IP addresses alike when there are no DNS SANs.
  {
    client: 'python-requests (urllib3 1)',
    cnFallback: true,
    trailingDot: true,
    ipInCn: true,
    wildcardDeep: false,
    sha1: false,
    rsa1024: false,
    source: 'measured: requests 2.28 + urllib3 1.26',
  },
  // curl 7.88 with OpenSSL 3: its own host check falls back to the CN (an IP too) when there is no subjectAltName,
  // and drops the trailing dot; chain checks at the system OpenSSL's SECLEVEL=2.
  {
    client: 'curl',
    cnFallback: true,
    trailingDot: true,
    ipInCn: true,
    wildcardDeep: false,
    sha1: false,
    rsa1024: false,
    source: 'measured: curl 7.88.1 (OpenSSL 3.0)',
  },
  // openssl s_client -verify_hostname / -verify_ip (X509_check_host / X509_check_ip, what C programs on OpenSSL get):
  // CN fallback for names only, the dot is part of the name.
  {
    client: 'openssl',
    cnFallback: true,
    trailingDot: false,
    ipInCn: false,
    wildcardDeep: false,
    sha1: false,
    rsa1024: false,
    source: 'measured: openssl s_client 3.0',
  },
  // Java 17 (JSSE, endpoint identification "HTTPS"): HostnameChecker uses the most specific CN without DNS SANs, IPs
  // only against IP SANs. jdk.certpath.disabledAlgorithms = "SHA1 jdkCA & usage TLSServer, RSA keySize < 1024": SHA-1
  // fails only under a root of the JDK's own cacerts (jdkCA), RSA-1024 passes.
  {
    client: 'java',
    cnFallback: true,
    trailingDot: true,
    ipInCn: false,
    wildcardDeep: false,
    sha1: 'private-only',
    rsa1024: true,
    source: 'measured: OpenJDK 17 SSLSocket (SHA-1 under a JDK cacerts root: documented, java.security)',
  },
  // Go: crypto/x509 ignores the CN since Go 1.15 (GODEBUG=x509ignoreCN=0 removed in 1.17), rejects SHA-1 signatures
  // since Go 1.18 (x509sha1=1 removed in 1.24); crypto/rsa refuses keys under 1024 bits only (Go 1.24). No validity
  // limit. pkg.go.dev/crypto/x509 and the Go release notes.
  {
    client: 'go',
    cnFallback: false,
    ipInCn: false,
    wildcardDeep: false,
    sha1: false,
    rsa1024: true,
    source: 'documented: Go crypto/x509 (1.15, 1.18, 1.24 release notes)',
  },
  // Chrome: no CN fallback since Chrome 58 (NET::ERR_CERT_COMMON_NAME_INVALID); SHA-1 rejected since Chrome 57
  // (the EnableSha1ForLocalAnchors policy is gone); RSA < 2048 rejected for publicly trusted certificates; leaves
  // valid > 398 days rejected when publicly trusted and issued since 2020-09-01, not under locally added roots
  // (Chrome Root Program policy, chromium.org "Certificate Lifetimes").
  {
    client: 'chrome',
    cnFallback: false,
    ipInCn: false,
    wildcardDeep: false,
    sha1: false,
    rsa1024: 'private-only',
    maxValidityDays: { public: PUBLIC_MAX_VALIDITY_DAYS },
    source: 'documented: Chrome 57/58 release notes, Chrome Root Program policy',
  },
  // Firefox: mozilla::pkix never uses the CN (security.pki.name_matching_mode 3); SHA-1 rejected under built-in roots
  // (security.pki.sha1_enforcement_level), allowed under imported ones; RSA ≥ 2048 is a Mozilla Root Store policy
  // requirement for public CAs, mozilla::pkix itself accepts 1024. No client-side validity limit.
  {
    client: 'firefox',
    cnFallback: false,
    ipInCn: false,
    wildcardDeep: false,
    sha1: 'private-only',
    rsa1024: 'private-only',
    source: 'documented: mozilla::pkix, Mozilla Root Store Policy',
  },
  // Safari / Apple platforms (URLSession, curl on macOS uses its own): support.apple.com/103769 (iOS 13 / macOS 10.15)
  // for every TLS certificate, private roots included: a SAN is required, SHA-1 and RSA < 2048 are rejected, and a
  // leaf issued after 2019-07-01 must be valid ≤ 825 days; support.apple.com/102028: ≤ 398 days for leaves issued
  // since 2020-09-01 under Apple's built-in roots only (not user- or admin-added roots).
  {
    client: 'safari',
    cnFallback: false,
    ipInCn: false,
    wildcardDeep: false,
    sha1: false,
    rsa1024: false,
    maxValidityDays: { public: PUBLIC_MAX_VALIDITY_DAYS, private: 825 },
    source: 'documented: support.apple.com/103769 and /102028',
  },
];

/** Which clients accept and which reject (clients whose rule is not established are in neither). */
export interface ClientSplit {
  readonly accept: string[];
  readonly reject: string[];
}

/** Splits the table by `accepts` (undefined: not established for that client). */
export function splitClients(accepts: (r: ClientRule) => boolean | undefined): ClientSplit {
  const out: ClientSplit = { accept: [], reject: [] };
  for (const r of CLIENT_RULES) {
    const a = accepts(r);
    if (a !== undefined) (a ? out.accept : out.reject).push(r.client);
  }
  return out;
}

const CN = /(?:^|,\s*)CN=([^,]+)/;

/** `pattern` (a SAN DNS entry or a CN) matches `host`: case-insensitive; a leading `*.` covers one label, or several
 * for a client that allows it. */
function nameMatches(pattern: string, host: string, deep: boolean): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (!p.startsWith('*.')) return p === h;
  const suffix = p.slice(1); // ".example.com"
  if (!h.endsWith(suffix)) return false;
  const label = h.slice(0, -suffix.length);
  return label.length > 0 && (deep || !label.includes('.'));
}

/** Whether `rule`'s client accepts `leaf` for `host` (names only, not the chain); undefined when its rule for that
 * case is not established. */
export function hostAccepted(
  rule: ClientRule,
  host: string,
  leaf: Pick<CertInfo, 'subject' | 'sans'>,
): boolean | undefined {
  let h = host.replace(/^\[|\]$/g, '');
  if (h.endsWith('.') && !isIP(h.slice(0, -1))) {
    if (rule.trailingDot === undefined) return undefined;
    if (!rule.trailingDot) return false;
    h = h.slice(0, -1);
  }
  const cn = CN.exec(leaf.subject)?.[1]?.trim();
  if (isIP(h)) {
    const ips = leaf.sans.filter((s) => s.startsWith('IP:')).map((s) => s.slice(3).toLowerCase());
    if (ips.includes(h.toLowerCase())) return true;
    if (leaf.sans.length > 0 || cn !== h) return false;
    return rule.ipInCn;
  }
  const dns = leaf.sans.filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4));
  if (dns.length > 0) return dns.some((d) => nameMatches(d, h, rule.wildcardDeep));
  return cn !== undefined && nameMatches(cn, h, rule.wildcardDeep) ? rule.cnFallback : false;
}

/** The split for a host name against a leaf. */
export function hostSplit(host: string, leaf: Pick<CertInfo, 'subject' | 'sans'>): ClientSplit {
  return splitClients((r) => hostAccepted(r, host, leaf));
}

/** A rule's Acceptance for a chain under a public (built-in) root or a private one. */
function accepts(a: Acceptance | undefined, publicRoot: boolean): boolean | undefined {
  return a === 'private-only' ? !publicRoot : a;
}

/** Who accepts a SHA-1 signature on the path, under a public root or a private one. */
export function sha1Split(publicRoot: boolean): ClientSplit {
  return splitClients((r) => accepts(r.sha1, publicRoot));
}

/** Who accepts an RSA key of 1024 to 2047 bits. Smaller keys: nobody (OpenSSL SECLEVEL=1, Java, Go all refuse). */
export function rsaSplit(bits: number, publicRoot: boolean): ClientSplit {
  if (bits < 1024) return splitClients(() => false);
  return splitClients((r) => accepts(r.rsa1024, publicRoot));
}

/** Who accepts a leaf valid `days` days, under a public root or a private one (no limit: accepted). */
export function validitySplit(days: number, publicRoot: boolean): ClientSplit {
  return splitClients((r) => {
    const max = publicRoot ? r.maxValidityDays?.public : r.maxValidityDays?.private;
    return max === undefined || days <= max;
  });
}

let publicSubjects: Set<string> | undefined;

/** Subjects of the public roots Node bundles (Mozilla's list), as CertInfo writes them ("CN=…, O=…"). */
function publicRootSubjects(): Set<string> {
  publicSubjects ??= new Set(
    tls.rootCertificates.map((pem) => new X509Certificate(pem).subject.split('\n').filter(Boolean).join(', ')),
  );
  return publicSubjects;
}

/** True when the chain reaches a publicly trusted root: a sent certificate is, or is issued by, one of Mozilla's
 * roots. A private CA (yours, a company's, an inspection proxy's) is not. */
export function chainIsPublic(chain: readonly Pick<CertInfo, 'subject' | 'issuer'>[]): boolean {
  const roots = publicRootSubjects();
  return chain.some((c) => roots.has(c.issuer) || roots.has(c.subject));
}
