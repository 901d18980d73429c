// PKCS#12 (.p12/.pfx) export of a leaf, its key and the CA, for Java keystores, .NET/Kestrel and Windows, which
// want one password-protected file rather than PEMs. Built as DER (der.ts): node-forge's PKCS#12 writer only takes
// RSA keys, and the default leaf key is ECDSA. The profile is what OpenSSL 3 and Java 12+ read by default:
// the key in a pkcs8ShroudedKeyBag encrypted by Node/OpenSSL with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC),
// certificates in plain certBags, and an HMAC-SHA256 MAC keyed by the RFC 7292 appendix B KDF.
import * as crypto from 'crypto';
import { bmp, Der, explicit, int, nul, octets, oid, seq, set } from '../der/write';

const OID = {
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  keyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

/** MAC and key-encryption iterations: OpenSSL 3's default for PKCS#12. */
const ITERATIONS = 2048;

/** Input of toPkcs12: PEM certificate and key, the CA certificates to include, the password and a display name. */
export interface Pkcs12Input {
  certPem: string;
  keyPem: string;
  caPems: readonly string[];
  password: string;
  /** Shown by keystores as the entry's alias, e.g. "localhost". */
  friendlyName: string;
}

/** Empty passwords are mishandled by many tools, and Java's PKCS#12 reader refuses non-ASCII ones ("Password is not
 * ASCII"), so only printable ASCII is accepted. Throws a readable error. */
export function checkPkcs12Password(password: string): void {
  if (password.length === 0) {
    throw new Error('the PKCS#12 password is empty; many tools refuse or mishandle an empty one');
  }
  if (!/^[\x20-\x7e]+$/.test(password)) {
    throw new Error('the PKCS#12 password must be printable ASCII (Java cannot open a .p12 with any other password)');
  }
}

/** RFC 7292 appendix B.2 key derivation (id 1 key, 2 IV, 3 MAC key) with SHA-256 (u = 32) or, for reading legacy
 * files, SHA-1 (u = 20); v = 64 bytes for both. */
export function pkcs12Kdf(
  password: string,
  salt: Buffer,
  id: number,
  iterations: number,
  length: number,
  hash: 'sha256' | 'sha1' = 'sha256',
): Buffer {
  const v = 64;
  // S and P: the input repeated to a whole number of v-byte blocks.
  const fill = (b: Buffer) => {
    const out = Buffer.alloc(v * Math.ceil(b.length / v));
    for (let i = 0; i < out.length; i++) out[i] = b[i % b.length];
    return out;
  };
  // The password as a BMPString with its two-byte terminator (B.1).
  const pass = Buffer.concat([Buffer.from(password, 'utf16le').swap16(), Buffer.alloc(2)]);
  const I = Buffer.concat([fill(salt), fill(pass)]);
  const D = Buffer.alloc(v, id);
  const out: Buffer[] = [];
  for (let n = 0; n < length;) {
    let A = crypto.createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = crypto.createHash(hash).update(A).digest();
    out.push(A);
    n += A.length;
    const B = Buffer.alloc(v);
    for (let i = 0; i < v; i++) B[i] = A[i % A.length]; // A repeated to v bytes
    for (let j = 0; j < I.length; j += v) addOne(I, j, B, v); // Ij = (Ij + B + 1) mod 2^(8v)
  }
  return Buffer.concat(out).subarray(0, length);
}

function addOne(I: Buffer, offset: number, B: Buffer, v: number): void {
  let carry = 1;
  for (let k = v - 1; k >= 0; k--) {
    const sum = I[offset + k] + B[k] + carry;
    I[offset + k] = sum & 0xff;
    carry = sum >> 8;
  }
}

function certDer(pemText: string): Buffer {
  return new crypto.X509Certificate(pemText).raw;
}

function attributes(name: string | undefined, keyId: Buffer | undefined): Der[] {
  const attrs = [
    ...(name ? [seq(oid(OID.friendlyName), set(bmp(name)))] : []),
    ...(keyId ? [seq(oid(OID.localKeyId), set(octets(keyId)))] : []),
  ];
  return attrs.length ? [set(...attrs)] : [];
}

function certBag(der: Buffer, name?: string, keyId?: Buffer): Der {
  return seq(
    oid(OID.certBag),
    explicit(0, seq(oid(OID.x509Certificate), explicit(0, octets(der)))),
    ...attributes(name, keyId),
  );
}

/** A ContentInfo of type data around DER (AuthenticatedSafe members and the PFX's authSafe). */
function dataInfo(content: Buffer): Der {
  return seq(oid(OID.data), explicit(0, octets(content)));
}

/** The .p12 file (DER) holding the key (encrypted), its certificate and the CA certificates. */
export function toPkcs12(input: Pkcs12Input): Buffer {
  checkPkcs12Password(input.password);
  const leaf = certDer(input.certPem);
  // localKeyId pairs the key with its certificate; the certificate's SHA-1 is what OpenSSL and keytool use.
  const keyId = crypto.createHash('sha1').update(leaf).digest();
  const encryptedKey = crypto
    .createPrivateKey(input.keyPem)
    .export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: input.password });
  const keyBag = seq(oid(OID.keyBag), explicit(0, encryptedKey), ...attributes(input.friendlyName, keyId));
  const certs = seq(certBag(leaf, input.friendlyName, keyId), ...input.caPems.map((p) => certBag(certDer(p))));
  const authSafe = seq(dataInfo(certs), dataInfo(seq(keyBag)));
  const salt = crypto.randomBytes(16);
  const macKey = pkcs12Kdf(input.password, salt, 3, ITERATIONS, 32);
  const mac = crypto.createHmac('sha256', macKey).update(authSafe).digest();
  const macData = seq(seq(seq(oid(OID.sha256), nul()), octets(mac)), octets(salt), int(ITERATIONS));
  return seq(int(3), dataInfo(authSafe), macData);
}
