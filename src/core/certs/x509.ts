// node-forge helpers shared by the CA and the leaves: native key generation and signing, host parsing, and the
// DER of the one extension forge can't encode (name constraints).
import * as crypto from 'crypto';
import * as net from 'net';
import { domainToASCII } from 'url';
import forge from 'node-forge';
import { PERMITTED_DNS, PERMITTED_IP_CIDRS, RSA_PUBLIC_EXPONENT, SIGNATURE_HASH } from './profile';

const { asn1, pki } = forge;

/** forge functions that exist at run time but are missing from @types/node-forge. */
const forgeExtra = forge as unknown as {
  pki: { getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1 };
  util: { bytesFromIP(ip: string): string | null };
};

/** A freshly generated RSA key: PKCS#8 PEM for the file, forge's public key for the certificate. */
export interface RsaKey {
  privatePem: string;
  publicKey: forge.pki.rsa.PublicKey;
}

/**
 * Generates an RSA key with Node's native, asynchronous keygen (libuv thread pool: the extension host's event loop
 * stays free). node-forge's own `generateKeyPair` does exactly this under Node; calling it directly keeps the
 * PKCS#8 PEM Node produces instead of re-encoding it in JavaScript.
 */
export function generateRsaKey(bits: number): Promise<RsaKey> {
  return new Promise((resolve, reject) => {
    crypto.generateKeyPair('rsa', {
      modulusLength: bits,
      publicExponent: RSA_PUBLIC_EXPONENT,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }, (err, pub, priv) => {
      if (err) reject(new Error(`RSA-${bits} key generation failed: ${err.message}`, { cause: err }));
      else resolve({ privatePem: priv, publicKey: pki.publicKeyFromPem(pub) as forge.pki.rsa.PublicKey });
    });
  });
}

/** A leaf key of either type: PKCS#8 PEM for the file and the SubjectPublicKeyInfo DER for the certificate. */
export interface LeafKey {
  privatePem: string;
  spkiDer: Buffer;
}

/** Generates an ECDSA P-256 key natively (≈1 ms, against ≈100–250 ms for RSA-2048 on a small machine). */
export function generateEcKey(): Promise<LeafKey> {
  return new Promise((resolve, reject) => {
    crypto.generateKeyPair('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }, (err, pub, priv) => {
      if (err) reject(new Error(`P-256 key generation failed: ${err.message}`, { cause: err }));
      else resolve({ privatePem: priv, spkiDer: pub });
    });
  });
}

/** The SubjectPublicKeyInfo DER of a forge RSA public key. */
export function rsaSpkiDer(publicKey: forge.pki.rsa.PublicKey): Buffer {
  return Buffer.from(asn1.toDer(pki.publicKeyToAsn1(publicKey)).getBytes(), 'binary');
}

/**
 * RFC 5280 §4.2.1.2 method 1 key identifier: SHA-1 of the subjectPublicKey BIT STRING contents. Computed from the
 * DER so it works for EC keys, which forge can't represent.
 */
export function keyIdentifier(spkiDer: Buffer): string {
  const spki = asn1.fromDer(spkiDer.toString('binary'));
  const bits = (spki.value as forge.asn1.Asn1[])[1].value as string;
  return crypto.createHash('sha1').update(Buffer.from(bits.slice(1), 'binary')).digest('binary');
}

/** A subjectKeyIdentifier extension with a precomputed value (forge would derive it from an RSA key only). */
export function skiExtension(spkiDer: Buffer): object {
  return { id: '2.5.29.14', name: 'subjectKeyIdentifier', value: asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, keyIdentifier(spkiDer)) };
}

/**
 * Signs `cert` with Node's native RSA (≈4 ms) instead of forge's JavaScript bignums (≈120 ms for a 3072-bit key).
 * forge serialises the TBSCertificate; `spkiDer` then replaces its public key (element 6), which is how an EC leaf
 * key goes into a certificate forge builds; Node signs those exact bytes with sha256WithRSAEncryption.
 */
export function signNative(cert: forge.pki.Certificate, privateKey: crypto.KeyObject | string, spkiDer?: Buffer): void {
  cert.signatureOid = cert.siginfo.algorithmOid = pki.oids[`${SIGNATURE_HASH}WithRSAEncryption`];
  const tbs = forgeExtra.pki.getTBSCertificate(cert);
  if (spkiDer) (tbs.value as forge.asn1.Asn1[])[6] = asn1.fromDer(spkiDer.toString('binary'));
  cert.tbsCertificate = tbs;
  const bytes = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  cert.signature = crypto.sign(SIGNATURE_HASH, bytes, privateKey).toString('binary');
}

/** A host as it goes into a SAN: a DNS name (IDN → punycode, lower case) or an IP address. */
export interface Host {
  kind: 'dns' | 'ip';
  value: string;
}

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** Parses and validates one host (`localhost`, `*.app.test`, `127.0.0.1`, `::1`, `[::1]`); throws a readable error. */
export function parseHost(input: string): Host {
  const raw = input.trim().replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(raw)) return { kind: 'ip', value: raw };
  const ascii = domainToASCII(raw.replace(/\.$/, ''));
  const labels = ascii.split('.');
  const wildcardOk = labels[0] !== '*' || labels.length >= 3;
  const valid = ascii.length > 0 && ascii.length <= 253 && wildcardOk && labels.every((l, i) => LABEL.test(l) || (i === 0 && l === '*'));
  if (!valid) {
    throw new Error(`"${input}" is not a valid host name or IP address (expected e.g. localhost, app.test, *.app.test, 127.0.0.1, ::1)`);
  }
  return { kind: 'dns', value: ascii };
}

/** Parses hosts, dropping duplicates; throws on an empty list or a bad entry. */
export function parseHosts(inputs: readonly string[]): Host[] {
  if (inputs.length === 0) throw new Error('at least one host name or IP address is needed');
  const seen = new Set<string>();
  return inputs.map(parseHost).filter((h) => {
    const key = `${h.kind}:${h.kind === 'ip' ? bytesOfIp(h.value) : h.value}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function bytesOfIp(ip: string): string {
  return forgeExtra.util.bytesFromIP(ip) ?? ip;
}

/** SAN entries: dNSName (type 2) and iPAddress (type 7; forge encodes the address bytes, not text). */
export function subjectAltNames(hosts: readonly Host[]): object[] {
  return hosts.map((h) => (h.kind === 'ip' ? { type: 7, ip: h.value } : { type: 2, value: h.value }));
}

/** A CIDR as the iPAddress form of a name constraint: address octets followed by mask octets (RFC 5280). */
function cidrBytes(cidr: string): string {
  const [addr, bitsText] = cidr.split('/');
  const bytes = forgeExtra.util.bytesFromIP(addr);
  if (!bytes) throw new Error(`bad CIDR in profile: ${cidr}`);
  const bits = Number(bitsText);
  let mask = '';
  for (let i = 0; i < bytes.length; i++) mask += String.fromCharCode(0xff & (0xff << Math.max(0, 8 - Math.max(0, bits - 8 * i))));
  return bytes + mask;
}

/**
 * The nameConstraints extension (2.5.29.30), critical as RFC 5280 §4.2.1.10 requires. forge 1.x parses this
 * extension but cannot encode it, so the DER is built here: SEQUENCE { [0] permittedSubtrees SEQUENCE OF
 * GeneralSubtree { base GeneralName } } with dNSName [2] IA5String and iPAddress [7] OCTET STRING.
 */
export function nameConstraintsExtension(): object {
  const subtree = (tag: number, value: string) =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, false, value)]);
  const permitted = [
    ...PERMITTED_DNS.map((d) => subtree(2, d)),
    ...PERMITTED_IP_CIDRS.map((c) => subtree(7, cidrBytes(c))),
  ];
  const value = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, permitted),
  ]);
  return { id: '2.5.29.30', name: 'nameConstraints', critical: true, value };
}

/** Whether a host falls inside the name constraints (to warn before issuing a leaf no client will accept). */
export function withinConstraints(host: Host): boolean {
  if (host.kind === 'dns') {
    const name = host.value.replace(/^\*\./, '');
    return PERMITTED_DNS.some((d) => name === d || name.endsWith(`.${d}`));
  }
  const list = new net.BlockList();
  for (const c of PERMITTED_IP_CIDRS) {
    const [a, b] = c.split('/');
    list.addSubnet(a, Number(b), net.isIPv6(a) ? 'ipv6' : 'ipv4');
  }
  return list.check(host.value, net.isIPv6(host.value) ? 'ipv6' : 'ipv4');
}

/** SHA-256 / SHA-1 fingerprints and the serial, as trust-store commands need them (hex, upper case, no colons). */
export function certIds(certPem: string): { sha256: string; sha1: string; serial: string; notAfter: string; subject: string } {
  const x = new crypto.X509Certificate(certPem);
  const hex = (f: string) => f.replace(/:/g, '').toUpperCase();
  return { sha256: hex(x.fingerprint256), sha1: hex(x.fingerprint), serial: x.serialNumber.toUpperCase(), notAfter: x.validTo, subject: x.subject };
}
