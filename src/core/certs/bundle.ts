// A combined CA bundle: public roots plus the extra CAs a project needs. Pointing REQUESTS_CA_BUNDLE or SSL_CERT_FILE
// at the extra CA alone would break every public site (those variables replace the default store); a combined file
// keeps both working and, unlike appending to certifi's cacert.pem, survives package upgrades (field notes §2).
import { X509Certificate } from 'crypto';
import * as tls from 'tls';
import { certificatePem, CERTIFICATE_LABELS, pemBlocks } from '../text/pem';

/** One certificate of a bundle, normalised for deduplication. */
interface BundleCert {
  pem: string;
  /** The base64 body without whitespace: equal bodies are the same certificate. */
  key: string;
}

/** Splits PEM text into certificates; other block types (keys!) are refused rather than copied into a bundle. */
export function splitPemCertificates(text: string, what = 'PEM text'): string[] {
  return pemBlocks(text).map((b) => {
    if (!CERTIFICATE_LABELS.has(b.label)) {
      throw new Error(`${what} contains a "${b.label}" block; a CA bundle may only contain certificates`);
    }
    return certificatePem(b.base64);
  });
}

function toBundleCert(pem: string): BundleCert {
  return { pem, key: pem.replace(/-----[A-Z ]+-----|\s+/g, '') };
}

/** Parses each extra PEM (throwing a readable error for junk) and returns its certificates with a label. */
function readExtras(extraPems: readonly string[]): { cert: BundleCert; label: string }[] {
  return extraPems.flatMap((text, i) => {
    const pems = splitPemCertificates(text, `extra CA #${i + 1}`);
    if (pems.length === 0) throw new Error(`extra CA #${i + 1} contains no PEM certificate`);
    return pems.map((pem) => ({ cert: toBundleCert(pem), label: describe(pem, i) }));
  });
}

function describe(pem: string, i: number): string {
  try {
    const x = new X509Certificate(pem);
    return `${x.subject.replace(/\n/g, ', ')} (SHA-256 ${x.fingerprint256})`;
  } catch (e) {
    throw new Error(`extra CA #${i + 1} is not a readable certificate: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Builds a CA bundle (PEM text): `publicRoots` (default: Node's bundled Mozilla roots) followed by `extraPems`,
 * without duplicates, under a comment header naming the extras. E.g. `createBundle([devCaPem])`.
 */
export function createBundle(
  extraPems: readonly string[],
  publicRoots: readonly string[] = tls.rootCertificates,
): string {
  const extras = readExtras(extraPems);
  const seen = new Set<string>();
  const parts: string[] = [];
  const add = (c: BundleCert) => {
    if (seen.has(c.key)) return false;
    seen.add(c.key);
    parts.push(c.pem);
    return true;
  };
  const roots = publicRoots.flatMap((r) => splitPemCertificates(r, 'public root')).map(toBundleCert);
  const rootCount = roots.filter(add).length;
  const added = extras.filter((e) => add(e.cert)).map((e) => e.label);
  return header(rootCount, added) + parts.join('');
}

function header(rootCount: number, extras: readonly string[]): string {
  return [
    '# CA bundle written by TLS Doctor: public roots plus the extra CAs below.',
    '# Point REQUESTS_CA_BUNDLE, SSL_CERT_FILE or NODE_EXTRA_CA_CERTS here; regenerate rather than edit.',
    `# ${rootCount} public roots; ${extras.length} extra CA${extras.length === 1 ? '' : 's'}:`,
    ...extras.map((l) => `#   ${l}`),
    '',
    '',
  ].join('\n');
}

/** What mergeIntoBundle did: the new PEM text and the certificates it added (subject + fingerprint). */
export interface MergedBundle {
  readonly pem: string;
  readonly added: readonly string[];
}

/**
 * Adds the certificates of `existing` files (e.g. the corporate bundle REQUESTS_CA_BUNDLE named before a fix) to
 * `bundlePem`, so pointing the variable at the new bundle keeps trusting everything the old one did. Duplicates are
 * skipped; a comment line names each source. Throws a readable error for a file that holds a key or no certificate.
 */
export function mergeIntoBundle(
  bundlePem: string,
  existing: readonly { readonly name: string; readonly pem: string }[],
): MergedBundle {
  const seen = new Set(splitPemCertificates(bundlePem, 'the bundle').map((p) => toBundleCert(p).key));
  let out = bundlePem.endsWith('\n') || bundlePem === '' ? bundlePem : `${bundlePem}\n`;
  const added: string[] = [];
  for (const [i, file] of existing.entries()) {
    const pems = splitPemCertificates(file.pem, file.name);
    if (pems.length === 0) throw new Error(`${file.name} contains no PEM certificate`);
    const fresh = pems.map(toBundleCert).filter((c) => !seen.has(c.key) && seen.add(c.key));
    if (fresh.length === 0) continue;
    const labels = fresh.map((c) => describe(c.pem, i));
    out += `# merged from ${file.name.replace(/[\r\n]/g, ' ')}: ${fresh.length} certificate${fresh.length === 1 ? '' : 's'}\n${fresh.map((c) => c.pem).join('')}`;
    added.push(...labels);
  }
  return { pem: out, added };
}
