// Reading a PKCS#12 (.p12/.pfx) file for its certificates (RFC 7292): the MAC is checked first (a wrong password is
// said as such, not as "garbage"), then each AuthenticatedSafe part is decrypted. Supported: PBES2 with PBKDF2
// (HMAC-SHA-1/256/384/512) and AES-CBC or 3DES (OpenSSL 3's default), and the legacy PKCS#12 PBEs with SHA-1:
// 3DES and RC2-40/128 (OpenSSL 1.x, older Windows exports). Not supported: RC4, PBMAC1, public-key (enveloped)
// privacy mode; those parts are named in a note. Private keys are never decrypted for display: only that they exist,
// and which certificate's public key they hold when the password opens them.
import * as crypto from 'node:crypto';
import { pkcs12Kdf } from '../certs/pkcs12';
import { children, oidText, readTlv, Tlv } from '../der/read';
import { rc2CbcDecrypt } from './rc2';

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  envelopedData: '1.2.840.113549.1.7.3',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
} as const;

const MAC_HASHES: Readonly<Record<string, 'sha1' | 'sha256'>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
};

const PRFS: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

const PBES2_CIPHERS: Readonly<Record<string, { name: string; keyLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};

/** The PKCS#12 PBEs (RFC 7292 appendix C) with SHA-1, by OID. */
const PKCS12_PBES: Readonly<Record<string, { name: string; keyLength: number; rc2Bits?: number }>> = {
  '1.2.840.113549.1.12.1.3': { name: 'des-ede3-cbc', keyLength: 24 },
  '1.2.840.113549.1.12.1.4': { name: 'des-ede-cbc', keyLength: 16 },
  '1.2.840.113549.1.12.1.5': { name: 'rc2-128', keyLength: 16, rc2Bits: 128 },
  '1.2.840.113549.1.12.1.6': { name: 'rc2-40', keyLength: 5, rc2Bits: 40 },
};

/** PBKDF2 / PKCS#12 iteration counts above this are refused: a hostile file could otherwise stall the reader. */
const MAX_ITERATIONS = 10_000_000;

/** What the reader found. `status` says whether the password opened it. */
export interface Pkcs12Content {
  readonly status: 'ok' | 'password-required' | 'wrong-password' | 'unsupported';
  readonly certs: Buffer[];
  readonly keys: { readonly encrypted: boolean; readonly publicKey?: crypto.KeyObject }[];
  readonly notes: string[];
  readonly message?: string;
}

/** True when `der` is shaped like a PFX: SEQUENCE { INTEGER 3, ContentInfo, … }. */
export function looksLikePkcs12(der: Buffer): boolean {
  try {
    const [version, auth] = children(der, readTlv(der, 0));
    return (
      version?.tag === 0x02 &&
      der[version.start] === 3 &&
      auth?.tag === 0x30 &&
      oidText(der, children(der, auth)[0]).startsWith('1.2.840.113549.1.7.')
    );
  } catch {
    return false;
  }
}

/** The content octets of an OCTET STRING, primitive (0x04, or 0x80 when [0] IMPLICIT) or BER-constructed. */
function octetsOf(buf: Buffer, t: Tlv): Buffer {
  if (t.tag === 0x04 || t.tag === 0x80) return buf.subarray(t.start, t.end);
  return Buffer.concat(children(buf, t).map((c) => octetsOf(buf, c)));
}

function intOf(buf: Buffer, t: Tlv): number {
  return buf.subarray(t.start, t.end).reduce((n, b) => n * 256 + b, 0);
}

/** A ContentInfo → its type and [0] content element. */
function contentInfo(buf: Buffer, t: Tlv): { type: string; content?: Tlv } {
  const [type, wrapped] = children(buf, t);
  return { type: oidText(buf, type), content: wrapped ? children(buf, wrapped)[0] : undefined };
}

/** The password bytes as the PKCS#12 PBEs and MAC use them: UTF-16BE with a terminator (done inside pkcs12Kdf). */
function checkMac(der: Buffer, mac: Tlv, authSafe: Buffer, password: string): boolean | 'unsupported' {
  const [digestInfo, salt, iter] = children(der, mac);
  const [alg, digest] = children(der, digestInfo);
  const hash = MAC_HASHES[oidText(der, children(der, alg)[0])];
  if (!hash) return 'unsupported';
  const iterations = iter ? intOf(der, iter) : 1;
  if (iterations > MAX_ITERATIONS) return 'unsupported';
  const length = hash === 'sha1' ? 20 : 32;
  const key = pkcs12Kdf(password, octetsOf(der, salt), 3, iterations, length, hash);
  const expected = crypto.createHmac(hash, key).update(authSafe).digest();
  const got = octetsOf(der, digest);
  return got.length === expected.length && crypto.timingSafeEqual(got, expected);
}

/** Decrypts an EncryptedContentInfo's content; undefined on a padding failure, a string when unsupported. */
function decrypt(buf: Buffer, algTlv: Tlv, data: Buffer, password: string): Buffer | undefined | string {
  const [algOid, params] = children(buf, algTlv);
  const alg = oidText(buf, algOid);
  const legacy = PKCS12_PBES[alg];
  if (legacy) {
    const [salt, iter] = children(buf, params);
    const iterations = intOf(buf, iter);
    if (iterations > MAX_ITERATIONS) return `an iteration count of ${iterations}`;
    const s = octetsOf(buf, salt);
    const key = pkcs12Kdf(password, s, 1, iterations, legacy.keyLength, 'sha1');
    const iv = pkcs12Kdf(password, s, 2, iterations, 8, 'sha1');
    if (legacy.rc2Bits) return rc2CbcDecrypt(key, legacy.rc2Bits, iv, data);
    return decipher(legacy.name, key, iv, data);
  }
  if (alg !== OID.pbes2) return `encryption ${alg}`;
  const [kdf, scheme] = children(buf, params);
  const [kdfOid, kdfParams] = children(buf, kdf);
  if (oidText(buf, kdfOid) !== OID.pbkdf2) return `key derivation ${oidText(buf, kdfOid)}`;
  const kp = children(buf, kdfParams);
  const salt = octetsOf(buf, kp[0]);
  const iterations = intOf(buf, kp[1]);
  if (iterations > MAX_ITERATIONS) return `an iteration count of ${iterations}`;
  const prfTlv = kp.slice(2).find((t) => t.tag === 0x30);
  const prf = prfTlv ? PRFS[oidText(buf, children(buf, prfTlv)[0])] : 'sha1';
  const [cipherOid, ivTlv] = children(buf, scheme);
  const cipher = PBES2_CIPHERS[oidText(buf, cipherOid)];
  if (!prf || !cipher) return `PBES2 with ${prf ? oidText(buf, cipherOid) : 'an unknown PRF'}`;
  // PBES2 takes the password as its UTF-8 bytes (RFC 8018), unlike the PKCS#12 PBEs' BMPString.
  const key = crypto.pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, prf);
  return decipher(cipher.name, key, octetsOf(buf, ivTlv), data);
}

function decipher(name: string, key: Buffer, iv: Buffer, data: Buffer): Buffer | undefined {
  try {
    const d = crypto.createDecipheriv(name, key, iv);
    return Buffer.concat([d.update(data), d.final()]);
  } catch {
    return undefined;
  }
}

/** Reads the bags of one SafeContents. */
function readBags(buf: Buffer, safe: Tlv, password: string | undefined, out: Mutable): void {
  for (const bag of children(buf, safe)) {
    const [idTlv, valueWrap] = children(buf, bag);
    const id = oidText(buf, idTlv);
    const value = children(buf, valueWrap)[0];
    if (id === OID.certBag) {
      const [certType, certWrap] = children(buf, value);
      if (oidText(buf, certType) !== OID.x509Certificate) {
        out.notes.push('a certificate bag that is not an X.509 certificate was skipped');
        continue;
      }
      out.certs.push(Buffer.from(octetsOf(buf, children(buf, certWrap)[0])));
    } else if (id === OID.keyBag || id === OID.shroudedKeyBag) {
      // The [0] wrapper holds exactly the key element: its content range is the element with its header.
      const keyDer = buf.subarray(valueWrap.start, value.end);
      out.keys.push({ encrypted: id === OID.shroudedKeyBag, publicKey: publicKeyOf(keyDer, id, password) });
    }
  }
}

/** The public key of a (possibly encrypted) PKCS#8 key, to pair it with its certificate; undefined when unreadable. */
function publicKeyOf(der: Buffer, id: string, password: string | undefined): crypto.KeyObject | undefined {
  try {
    const key =
      id === OID.keyBag
        ? crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
        : crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8', passphrase: password ?? '' });
    return crypto.createPublicKey(key);
  } catch {
    return undefined;
  }
}

type Mutable = { certs: Buffer[]; keys: Pkcs12Content['keys'][number][]; notes: string[] };

/** Reads a PFX with `password` (undefined: try the empty password, as OpenSSL does for files made without one). */
export function readPkcs12(der: Buffer, password: string | undefined): Pkcs12Content {
  const out: Mutable = { certs: [], keys: [], notes: [] };
  const [, authTlv, macTlv] = children(der, readTlv(der, 0));
  const auth = contentInfo(der, authTlv);
  if (auth.type !== OID.data || !auth.content) {
    return { status: 'unsupported', ...out, message: 'this PKCS#12 file is signed with a public key (not supported)' };
  }
  const authSafe = octetsOf(der, auth.content);
  const pw = password ?? '';
  if (macTlv) {
    const ok = checkMac(der, macTlv, authSafe, pw);
    if (ok === 'unsupported') {
      out.notes.push('the integrity MAC uses an algorithm TLS Doctor does not check (e.g. PBMAC1): not verified');
    } else if (!ok) {
      return password === undefined
        ? { status: 'password-required', ...out, message: 'this PKCS#12 file is protected by a password' }
        : { status: 'wrong-password', ...out, message: 'wrong password: the PKCS#12 integrity check failed' };
    }
  }
  const parts = children(authSafe, readTlv(authSafe, 0));
  for (const part of parts) readPart(authSafe, part, pw, out);
  return { status: 'ok', ...out };
}

function readPart(buf: Buffer, part: Tlv, password: string, out: Mutable): void {
  const info = contentInfo(buf, part);
  if (!info.content) return;
  if (info.type === OID.data) {
    const safe = octetsOf(buf, info.content);
    readBags(safe, readTlv(safe, 0), password, out);
    return;
  }
  if (info.type !== OID.encryptedData) {
    out.notes.push(
      info.type === OID.envelopedData
        ? 'a part encrypted to a public key (envelopedData) was skipped: it needs the recipient private key'
        : `a part of type ${info.type} was skipped`,
    );
    return;
  }
  const [, eci] = children(buf, info.content);
  const [, alg, content] = children(buf, eci);
  if (!content) return;
  const plain = decrypt(buf, alg, octetsOf(buf, content), password);
  if (typeof plain === 'string') {
    out.notes.push(`a part encrypted with ${plain} was skipped (not supported; re-export the file with OpenSSL 3)`);
  } else if (!plain) {
    out.notes.push('a part could not be decrypted with this password (its padding is wrong)');
  } else {
    readBags(plain, readTlv(plain, 0), password, out);
  }
}
