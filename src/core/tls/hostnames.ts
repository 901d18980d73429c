// How each client matches the host name against the certificate, where clients differ. Rows marked "measured" are
// asserted against the real client in test/unit/tls/hostnames.test.ts (python3 ssl, requests/urllib3 2, Node, curl
// with OpenSSL 3); the others are the clients' documented behaviour, which the tests cannot run here.

/** One client's host-name matching. */
export interface HostnameRule {
  readonly client: string;
  /** Falls back to the subject CN when the certificate has no DNS subjectAltName. */
  readonly cnFallback: boolean;
  /** Ignores one trailing dot of the host ("localhost." matches DNS:localhost); undefined when not established. */
  readonly trailingDot?: boolean;
  readonly source: string;
}

export const HOSTNAME_RULES: readonly HostnameRule[] = [
  {
    client: 'node',
    cnFallback: true,
    trailingDot: true,
    source: 'measured: tls.checkServerIdentity uses the CN without DNS SANs and drops a trailing dot',
  },
  {
    client: 'python-ssl',
    cnFallback: true,
    trailingDot: false,
    source:
      'measured: ssl.create_default_context() has hostname_checks_common_name = True; OpenSSL compares the host with its dot',
  },
  {
    client: 'python-requests (urllib3 2)',
    cnFallback: false,
    trailingDot: true,
    source: 'measured: urllib3 2 sets hostname_checks_common_name = False and strips the dot',
  },
  {
    client: 'python-requests (urllib3 1)',
    cnFallback: true,
    trailingDot: true,
    source: "measured: urllib3 1.26 (e.g. Debian 12's python3-urllib3) keeps the CN fallback",
  },
  { client: 'curl', cnFallback: true, trailingDot: true, source: 'measured: curl 7.88 with OpenSSL 3' },
  {
    client: 'java',
    cnFallback: true,
    source: 'documented: HostnameChecker uses the most specific CN when there is no DNS SAN',
  },
  {
    client: 'go',
    cnFallback: false,
    source: 'documented: Go 1.15 ignores the CN without SANs; 1.17 removed GODEBUG=x509ignoreCN=0',
  },
  {
    client: 'browsers',
    cnFallback: false,
    source: 'documented: Chrome 58+, Apple platforms since iOS 13 / macOS 10.15 require a SAN',
  },
];

/** Clients that accept / reject a certificate whose only name is the CN. */
export function cnOnlySplit(): { accept: string[]; reject: string[] } {
  return split((r) => r.cnFallback);
}

/** Clients that accept / reject a host written with a trailing dot (only those where it is established). */
export function trailingDotSplit(): { accept: string[]; reject: string[] } {
  return split(
    (r) => r.trailingDot,
    (r) => r.trailingDot !== undefined,
  );
}

function split(accepts: (r: HostnameRule) => boolean | undefined, known: (r: HostnameRule) => boolean = () => true) {
  const rows = HOSTNAME_RULES.filter(known);
  return {
    accept: rows.filter((r) => accepts(r)).map((r) => r.client),
    reject: rows.filter((r) => !accepts(r)).map((r) => r.client),
  };
}
