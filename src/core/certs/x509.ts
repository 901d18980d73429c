// node-forge helpers for building the CA: native key generation and signing, and the DER of the one extension forge
// can't encode (name constraints). Leaves are built without forge (leafder.ts); hosts and ids are in hosts.ts, ids.ts.
import * as crypto from 'crypto';
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

// Hosts and certificate ids need no forge; they live in hosts.ts and ids.ts (the leaf path never loads forge).
export { parseHost, parseHosts, withinConstraints } from './hosts';
export type { Host } from './hosts';
export { certIds } from './ids';

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
