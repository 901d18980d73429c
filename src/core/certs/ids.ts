// Certificate identifiers as the trust stores and the UI show them (Node's X509Certificate only, no forge).
import * as crypto from 'crypto';

/** SHA-256 / SHA-1 fingerprints and the serial, as trust-store commands need them (hex, upper case, no colons). */
export function certIds(certPem: string): {
  sha256: string;
  sha1: string;
  serial: string;
  notAfter: string;
  subject: string;
} {
  const x = new crypto.X509Certificate(certPem);
  const hex = (f: string) => f.replace(/:/g, '').toUpperCase();
  return {
    sha256: hex(x.fingerprint256),
    sha1: hex(x.fingerprint),
    serial: x.serialNumber.toUpperCase(),
    notAfter: x.validTo,
    subject: x.subject,
  };
}
