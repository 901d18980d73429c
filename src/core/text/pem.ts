// PEM: finding the `-----BEGIN X-----` … `-----END X-----` blocks in a text (RFC 7468). The one splitter behind CA
// bundles (src/core/certs/bundle.ts) and trust-store reading (src/core/tls/stores.ts).

/** One PEM block: its label (`CERTIFICATE`, `PRIVATE KEY`, …), its exact text, and its base64 body without spaces. */
export interface PemBlock {
  readonly label: string;
  readonly text: string;
  readonly base64: string;
}

// RFC 7468 §2: the END label repeats the BEGIN label; labels are printable ASCII (upper case and spaces in practice).
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Labels of certificate blocks: `TRUSTED CERTIFICATE` is OpenSSL's variant with trust settings appended. */
export const CERTIFICATE_LABELS: ReadonlySet<string> = new Set(['CERTIFICATE', 'TRUSTED CERTIFICATE']);

/** Every PEM block of `text` in order; text between blocks (comments in bundles) is skipped. */
export function pemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1], text: m[0], base64: m[2].replace(/\s+/g, '') }));
}

/** The exact text of each certificate block (other blocks, e.g. keys, are left out). */
export function pemCertificates(text: string): string[] {
  return pemBlocks(text)
    .filter((b) => CERTIFICATE_LABELS.has(b.label) && b.base64 !== '')
    .map((b) => b.text);
}

/** A normalised certificate PEM for `base64`: the standard header, 64-column lines, LF endings. */
export function certificatePem(base64: string): string {
  const lines = (base64.match(/.{1,64}/g) ?? []).map((l) => `${l}\n`).join('');
  return `-----BEGIN CERTIFICATE-----\n${lines}-----END CERTIFICATE-----\n`;
}
