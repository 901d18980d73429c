// The model of an inspected certificate file (`tls-doctor inspect --format json` prints InspectReport as is). Every
// field is plain text or numbers: the viewer renders them as text, the CLI prints them.
import type { CertInfo, TrustVerdict } from '../tls/types';

/** What the file turned out to be. */
export type FileKind = 'pem' | 'der' | 'pkcs7' | 'pkcs12' | 'csr' | 'unknown';

/** Why a file (or part of it) could not be read. Results, never exceptions: the viewer and the CLI show the message. */
export type ProblemCode =
  | 'not-a-file'
  | 'too-large'
  | 'unreadable'
  | 'empty'
  | 'not-certificate-data'
  | 'bad-block'
  | 'password-required'
  | 'wrong-password'
  | 'unsupported-encryption'
  | 'truncated';

export interface Problem {
  readonly code: ProblemCode;
  readonly message: string;
}

/** One certificate of the file, with what CertInfo (the diagnosis core's view) does not carry. */
export interface InspectedCert extends CertInfo {
  /** Colon-separated upper-case hex, as X509Certificate.fingerprint. */
  readonly sha1: string;
  /** Whole days until notAfter (negative once expired). */
  readonly daysLeft: number;
  /** Where it came from in the file, e.g. "PEM block 2 (line 31)", "PKCS#12 certificate bag 1". */
  readonly origin: string;
  readonly basicConstraints?: { readonly ca: boolean; readonly pathLength?: number };
  readonly nameConstraints?: { readonly permitted: readonly string[]; readonly excluded: readonly string[] };
  readonly ocspUrls: readonly string[];
  readonly crlUrls: readonly string[];
  /** Policy OIDs, with a name for the common ones ("2.23.140.1.2.1 (domain validated)"). */
  readonly policies: readonly string[];
  /** Leaf, intermediate, root (self-signed CA) or self-signed (a self-signed leaf). */
  readonly role: 'leaf' | 'intermediate' | 'root' | 'self-signed';
  /** Index (in `certificates`) of the certificate of this file that issued this one, when the file has it. */
  readonly issuedBy?: number;
  /** What strict clients and the public-trust rules refuse (weak.ts and the CA/Browser Forum limits). */
  readonly strict: readonly string[];
}

/** A certificate signing request (.csr, `CERTIFICATE REQUEST` blocks). */
export interface InspectedCsr {
  readonly subject: string;
  readonly sans: readonly string[];
  readonly keyType: string;
  readonly keyBits?: number;
  readonly signatureAlgorithm: string;
  /** Whether the request's self-signature verifies with its own key (undefined: could not be checked). */
  readonly signatureValid?: boolean;
  readonly origin: string;
  readonly pem: string;
}

/** A private key found in the file (never its content: only that it is there). */
export interface FoundKey {
  readonly label: string;
  readonly encrypted: boolean;
  readonly origin: string;
  /** sha256 of the certificate of this file whose public key it is, when it could be matched. */
  readonly matches?: string;
}

/** What was read from the bytes, before any trust store is consulted. */
export interface Inspection {
  readonly kind: FileKind;
  readonly certificates: readonly InspectedCert[];
  readonly requests: readonly InspectedCsr[];
  readonly keys: readonly FoundKey[];
  readonly problems: readonly Problem[];
  readonly notes: readonly string[];
  /** How many certificates the file holds (more than `certificates.length` when the cap cut the list). */
  readonly totalCertificates: number;
  /** Certificate indexes ordered leaf → root when the file is one chain (each issued by the next), else undefined. */
  readonly chainOrder?: readonly number[];
}

/** The verdict of every store for one certificate of the file (a leaf, or each root of a CA bundle). */
export interface CertVerdicts {
  readonly index: number;
  readonly subject: string;
  readonly stores: readonly TrustVerdict[];
}

/** An Inspection with the verdicts of the trust stores, and the file it came from. */
export interface InspectReport extends Inspection {
  readonly file?: string;
  readonly verdicts: readonly CertVerdicts[];
}
