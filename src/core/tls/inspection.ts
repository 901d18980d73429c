// TLS-inspection products, as data: the names their re-signing roots and issuers carry. A chain whose root or issuer
// names one of them came through that product, whatever the trust stores say. Words match whole words, case-blind;
// keep entries specific enough that a public CA's name never matches (e.g. "Symantec" alone is also a former public
// CA brand, so only its proxy product names are listed).

/** One product: the name to show and the words (regex sources) its certificates' names carry. */
export interface InspectionVendor {
  readonly vendor: string;
  readonly words: readonly string[];
}

export const INSPECTION_VENDORS: readonly InspectionVendor[] = [
  { vendor: 'Zscaler', words: ['Zscaler'] },
  { vendor: 'Netskope', words: ['Netskope'] },
  { vendor: 'Cisco Umbrella', words: ['Cisco Umbrella', 'OpenDNS'] },
  { vendor: 'Palo Alto Networks', words: ['Palo Alto Networks', 'PAN-OS', 'GlobalProtect'] },
  { vendor: 'Fortinet', words: ['Fortinet', 'FortiGate', 'Fortiproxy'] },
  { vendor: 'Forcepoint', words: ['Forcepoint', 'Websense'] },
  { vendor: 'Blue Coat / Symantec ProxySG', words: ['Blue ?Coat', 'ProxySG', 'Symantec Web Security', 'Symantec WSS'] },
  { vendor: 'Sophos', words: ['Sophos'] },
  { vendor: 'Check Point', words: ['Check ?Point'] },
  { vendor: 'McAfee / Skyhigh Web Gateway', words: ['McAfee Web Gateway', 'Skyhigh'] },
  { vendor: 'Cloudflare Gateway', words: ['Cloudflare for Teams', 'Gateway CA - Cloudflare'] },
  { vendor: 'Avast (HTTPS scanning)', words: ['Avast'] },
  { vendor: 'AVG (HTTPS scanning)', words: ['AVG Web/Mail Shield', 'AVG Technologies'] },
  { vendor: 'Kaspersky (HTTPS scanning)', words: ['Kaspersky'] },
  { vendor: 'ESET (HTTPS scanning)', words: ['ESET SSL Filter', 'ESET, spol'] },
  { vendor: 'Bitdefender (HTTPS scanning)', words: ['Bitdefender'] },
];

const MATCHERS = INSPECTION_VENDORS.map((v) => ({
  vendor: v.vendor,
  re: new RegExp(`\\b(?:${v.words.join('|')})\\b`, 'i'),
}));

/** The inspection product a distinguished name (subject or issuer) names, or undefined. */
export function inspectionVendor(name: string): string | undefined {
  return MATCHERS.find((m) => m.re.test(name))?.vendor;
}

/** One regex matching any vendor word (for wording tables). */
export const INSPECTION_WORDS = new RegExp(`\\b(?:${INSPECTION_VENDORS.flatMap((v) => v.words).join('|')})\\b`, 'i');
