// TLS-inspection products, recognised by the names on their roots. Data, not code: a new product is one more row.
// Sources: /work/shared/notes/trust-switches.md (inspection vendors) and the products' own documentation.

/** One product: its display name and the patterns its roots' subject or issuer match (case-insensitive). */
export interface Vendor {
  readonly name: string;
  readonly patterns: readonly RegExp[];
}

export const VENDORS: readonly Vendor[] = [
  { name: 'Zscaler', patterns: [/zscaler/i] },
  { name: 'Netskope', patterns: [/netskope/i, /goskope/i, /certadmin@netskope\.com/i] },
  { name: 'Cisco Umbrella', patterns: [/cisco umbrella/i, /opendns/i] },
  { name: 'Palo Alto Networks', patterns: [/palo ?alto/i, /prisma access/i, /globalprotect/i] },
  { name: 'Fortinet FortiGate', patterns: [/fortinet/i, /fortigate/i, /forticlient/i] },
  { name: 'Forcepoint', patterns: [/forcepoint/i, /websense/i] },
  { name: 'Blue Coat / Symantec', patterns: [/blue ?coat/i, /symantec.*(proxy|web ?gateway|wss)/i, /proxysg/i] },
  { name: 'Sophos', patterns: [/sophos/i] },
  { name: 'Check Point', patterns: [/check ?point/i] },
  { name: 'Kaspersky (antivirus HTTPS scanning)', patterns: [/kaspersky/i] },
  { name: 'ESET (antivirus HTTPS scanning)', patterns: [/\beset\b/i] },
  { name: 'Avast / AVG (antivirus HTTPS scanning)', patterns: [/avast/i, /\bavg\b/i] },
  { name: 'Bitdefender (antivirus HTTPS scanning)', patterns: [/bitdefender/i] },
];

/** The product whose patterns match the certificate's subject or issuer, e.g. "Zscaler", or undefined. */
export function vendorOf(subject: string, issuer: string, vendors: readonly Vendor[] = VENDORS): string | undefined {
  return vendors.find((v) => v.patterns.some((p) => p.test(subject) || p.test(issuer)))?.name;
}
