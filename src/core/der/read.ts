// Just enough DER reading for what Node 20's X509Certificate does not expose: the signature algorithm and
// the key-usage bits. (node-forge could parse ASN.1 too, but it cannot read ECDSA certificates; see the field notes.)

/** One DER element: tag byte, where its content starts and ends in the buffer. */
export interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/** Reads the element at `pos`. Throws on truncated input (callers catch and report "unreadable"). */
export function readTlv(buf: Buffer, pos: number): Tlv & { next: number } {
  const tag = buf[pos];
  let len = buf[pos + 1];
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i];
    start += n;
  }
  if (tag === undefined || start + len > buf.length) throw new Error('truncated DER');
  return { tag, start, end: start + len, next: start + len };
}

/** The children of a constructed element. */
export function children(buf: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let pos = parent.start; pos < parent.end;) {
    const t = readTlv(buf, pos);
    out.push(t);
    pos = t.next;
  }
  return out;
}

/** Dotted text of an OBJECT IDENTIFIER's content. */
export function oidText(buf: Buffer, t: Tlv): string {
  const bytes = buf.subarray(t.start, t.end);
  const parts = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let v = 0;
  for (let i = 1; i < bytes.length; i++) {
    v = v * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** OID of Certificate.signatureAlgorithm (the outer one: what the issuer actually signed with). */
export function signatureOid(der: Buffer): string {
  const [, alg] = children(der, readTlv(der, 0));
  return oidText(der, children(der, alg)[0]);
}

/** The extnValue (inner DER) of the extension `oid`, or undefined. */
export function extensionValue(der: Buffer, oid: string): Buffer | undefined {
  const [tbs] = children(der, readTlv(der, 0));
  const explicit3 = children(der, tbs).find((t) => t.tag === 0xa3);
  if (!explicit3) return undefined;
  const list = children(der, explicit3)[0];
  for (const ext of children(der, list)) {
    const parts = children(der, ext);
    if (oidText(der, parts[0]) !== oid) continue;
    const value = parts[parts.length - 1];
    return der.subarray(value.start, value.end);
  }
  return undefined;
}
