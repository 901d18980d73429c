// The first bytes a server sends, read before TLS consumes them: the plaintext part of a TLS handshake (did the
// server ask for a client certificate?) or, when the port speaks something else, its banner or reply.
// Why read raw bytes: Node exposes neither the CertificateRequest nor what a non-TLS peer said; OpenSSL only says
// "wrong version number".

/** What the head of the server's byte stream shows. */
export interface ServerHead {
  /** A TLS 1.2 (or older) server sent CertificateRequest in its plaintext flight. */
  readonly certificateRequested?: boolean;
  /** Set when the bytes are not TLS records: the protocol they look like, and what to do about it. */
  readonly speaks?: { readonly protocol: string; readonly banner: string; readonly hint: string };
}

const HANDSHAKE = 22;
const CERTIFICATE_REQUEST = 13;
/** TLS record content types 20..23 (ChangeCipherSpec, Alert, Handshake, ApplicationData) at protocol major 3. */
const isTlsRecord = (b: Buffer) => b.length >= 2 && b[0] >= 20 && b[0] <= 23 && b[1] === 3;

/** Plain-text protocols by their first line. Ports in hints are the IANA assignments (RFC 8314 for mail). */
const PROTOCOLS: readonly (readonly [RegExp, string, string])[] = [
  [/^HTTP\/\d/, 'HTTP', 'it is a plain-HTTP port: use http://, or the port where the service offers HTTPS'],
  [/^SSH-\d/, 'SSH', 'it is an SSH server: TLS clients cannot use it (ssh/sftp/git over SSH can)'],
  [/^\* (OK|PREAUTH|BYE)/i, 'IMAP', 'IMAP without TLS: use implicit TLS on port 993, or STARTTLS on port 143'],
  [/^\+OK/, 'POP3', 'POP3 without TLS: use implicit TLS on port 995, or STLS on port 110'],
  [
    /^220[ -].*(FTP|FileZilla)/i,
    'FTP',
    'FTP without TLS: use explicit FTPS (AUTH TLS) on this port, or implicit FTPS on port 990',
  ],
  [/^220[ -]/, 'SMTP', 'SMTP without TLS: use implicit TLS on port 465, or STARTTLS on port 587 (or 25)'],
];

/** Reads the captured head: the handshake messages of the plaintext records, or a non-TLS banner. */
export function readServerHead(head: Buffer): ServerHead {
  if (head.length === 0) return {};
  if (isTlsRecord(head)) return { certificateRequested: handshakeTypes(head).includes(CERTIFICATE_REQUEST) };
  const banner = firstLine(head);
  const found = PROTOCOLS.find(([re]) => re.test(banner));
  if (found) return { speaks: { protocol: found[1], banner, hint: found[2] } };
  const printable = /^[\x20-\x7e]{3,}/.test(head.subarray(0, 3).toString('latin1'));
  return printable
    ? {
        speaks: {
          protocol: 'a plain-text protocol',
          banner,
          hint: 'this port does not speak TLS: check the port number',
        },
      }
    : {};
}

/** Handshake message types in the plaintext handshake records at the start of `buf` (up to the first non-handshake
 * record: after ChangeCipherSpec everything is encrypted). Messages may span records, so fragments are joined. */
function handshakeTypes(buf: Buffer): number[] {
  const parts: Buffer[] = [];
  for (let pos = 0; pos + 5 <= buf.length && buf[pos] === HANDSHAKE;) {
    const len = buf.readUInt16BE(pos + 3);
    parts.push(buf.subarray(pos + 5, Math.min(buf.length, pos + 5 + len)));
    pos += 5 + len;
  }
  const stream = Buffer.concat(parts);
  const types: number[] = [];
  for (let pos = 0; pos + 4 <= stream.length; pos += 4 + stream.readUIntBE(pos + 1, 3)) types.push(stream[pos]);
  return types;
}

/** The first line as printable text, at most 120 characters. */
function firstLine(buf: Buffer): string {
  const line = buf.subarray(0, 240).toString('latin1').split(/\r?\n/)[0];
  return line.replace(/[^\x20-\x7e]/g, '?').slice(0, 120);
}
