// The few ASN.1 structures the viewer shows that Node's X509Certificate does not decode: distinguished names (for
// CSRs), GeneralNames, basic and name constraints, CRL distribution points and policies. Built on der/read.ts;
// every reader here throws on malformed DER and its callers turn that into a note.
import { children, oidText, readTlv, Tlv } from '../der/read';

/** Attribute type OIDs → the short names OpenSSL prints (RFC 4519, PKCS#9). */
const NAME_ATTRS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.4': 'SN',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/** Common policy OIDs (CA/Browser Forum, RFC 5280). */
const POLICY_NAMES: Readonly<Record<string, string>> = {
  '2.5.29.32.0': 'any policy',
  '2.23.140.1.1': 'extended validation',
  '2.23.140.1.2.1': 'domain validated',
  '2.23.140.1.2.2': 'organization validated',
  '2.23.140.1.2.3': 'individual validated',
};

/** A string-typed element's text (UTF8, Printable, IA5, T61 as latin1, BMP, Universal). */
export function stringValue(buf: Buffer, t: Tlv): string {
  const b = buf.subarray(t.start, t.end);
  if (t.tag === 0x1e) return Buffer.from(b).swap16().toString('utf16le');
  if (t.tag === 0x1c) {
    let s = '';
    for (let i = 0; i + 3 < b.length; i += 4) s += String.fromCodePoint(b.readUInt32BE(i));
    return s;
  }
  return b.toString(t.tag === 0x14 ? 'latin1' : 'utf8');
}

/** A Name (RDNSequence) as "CN=a, O=b" in DER order, the way the diagnosis core prints subjects. */
export function nameText(buf: Buffer, name: Tlv): string {
  const parts: string[] = [];
  for (const rdn of children(buf, name)) {
    for (const atv of children(buf, rdn)) {
      const [type, value] = children(buf, atv);
      const o = oidText(buf, type);
      parts.push(`${NAME_ATTRS[o] ?? o}=${stringValue(buf, value)}`);
    }
  }
  return parts.join(', ');
}

/** An IP address (4 or 16 bytes), or an address and mask (8 or 32 bytes, as in name constraints). */
function ipText(b: Buffer): string {
  const one = (x: Buffer) =>
    x.length === 4
      ? [...x].join('.')
      : (x.toString('hex').match(/.{4}/g) ?? []).map((g) => g.replace(/^0+(?=.)/, '')).join(':');
  if (b.length === 8 || b.length === 32) return `${one(b.subarray(0, b.length / 2))}/${one(b.subarray(b.length / 2))}`;
  return one(b);
}

/** One GeneralName as OpenSSL's prefixes print it: "DNS:x", "IP:1.2.3.4", "email:x", "URI:x", "DirName:…". */
export function generalName(buf: Buffer, t: Tlv): string {
  const b = buf.subarray(t.start, t.end);
  switch (t.tag) {
    case 0x81:
      return `email:${b.toString('latin1')}`;
    case 0x82:
      return `DNS:${b.toString('latin1')}`;
    case 0x86:
      return `URI:${b.toString('latin1')}`;
    case 0x87:
      return `IP:${ipText(b)}`;
    case 0xa4:
      return `DirName:${nameText(buf, children(buf, t)[0])}`;
    default:
      return `other name (tag ${t.tag.toString(16)})`;
  }
}

/** The names of a GeneralNames SEQUENCE (a SAN extension's value). */
export function generalNames(ext: Buffer): string[] {
  return children(ext, readTlv(ext, 0)).map((t) => generalName(ext, t));
}

/** basicConstraints: SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER OPTIONAL }. */
export function basicConstraints(ext: Buffer): { ca: boolean; pathLength?: number } {
  let ca = false;
  let pathLength: number | undefined;
  for (const t of children(ext, readTlv(ext, 0))) {
    if (t.tag === 0x01) ca = ext[t.start] !== 0;
    if (t.tag === 0x02) pathLength = ext.subarray(t.start, t.end).reduce((n, b) => n * 256 + b, 0);
  }
  return pathLength === undefined ? { ca } : { ca, pathLength };
}

/** nameConstraints: [0] permitted and [1] excluded GeneralSubtrees, each subtree's base name. */
export function nameConstraints(ext: Buffer): { permitted: string[]; excluded: string[] } {
  const out = { permitted: [] as string[], excluded: [] as string[] };
  for (const t of children(ext, readTlv(ext, 0))) {
    const list = t.tag === 0xa0 ? out.permitted : t.tag === 0xa1 ? out.excluded : undefined;
    if (!list) continue;
    for (const subtree of children(ext, t)) list.push(generalName(ext, children(ext, subtree)[0]));
  }
  return out;
}

/** Every URI in a structure (CRL distribution points nest them in fullName GeneralNames). */
export function urisIn(buf: Buffer, t: Tlv = readTlv(buf, 0), depth = 0): string[] {
  if (t.tag === 0x86) return [buf.subarray(t.start, t.end).toString('latin1')];
  // Constructed elements only (bit 6), and a depth bound: the structure is at most a few levels deep.
  if (!(t.tag & 0x20) || depth > 8) return [];
  return children(buf, t).flatMap((c) => urisIn(buf, c, depth + 1));
}

/** certificatePolicies: the policy OIDs, named when common. */
export function policies(ext: Buffer): string[] {
  return children(ext, readTlv(ext, 0)).map((info) => {
    const o = oidText(ext, children(ext, info)[0]);
    return POLICY_NAMES[o] ? `${o} (${POLICY_NAMES[o]})` : o;
  });
}
