// The shared vocabulary of endpoint checks. The JSON of `tls-doctor check --format json` is CheckReport, as is.

/** Stable cause codes (docs and fixes are keyed on them; never rename one). */
export type CauseCode =
  | 'self-signed'
  | 'untrusted-root'
  | 'incomplete-chain'
  | 'expired'
  | 'not-yet-valid'
  | 'hostname-mismatch'
  | 'weak-signature'
  | 'weak-key'
  | 'wrong-purpose'
  | 'inconsistent-certificates'
  | 'not-tls'
  | 'handshake-failure'
  | 'connection-refused'
  | 'timeout'
  | 'dns-failure'
  | 'trusted-by-os-not-by-client'
  | 'local-resource-limit'
  | 'verification-failed'
  | 'constraint-violation'
  | 'invalid-ca'
  | 'client-cert-required'
  | 'legacy-cn-only'
  | 'tls-inspection'
  | 'sni-required'
  | 'wrong-intermediate'
  | 'missing-intermediate'
  | 'protocol-version'
  | 'certificate-too-large';

/** Stable warning codes: something to act on soon that does not fail the check. */
export type WarningCode = 'expiring-soon';

/** Clients a fix can be written for. */
export type ClientId =
  'python-requests' | 'python-ssl' | 'node' | 'curl' | 'git' | 'pip' | 'uv' | 'conda' | 'yarn' | 'java' | 'server';

/** One concrete remedy for one client: a setting, an environment variable or a command. */
export interface Fix {
  readonly client: ClientId;
  readonly text: string;
  /** Copy-pasteable snippet when there is one (a command line, an env assignment). */
  readonly snippet?: string;
}

export interface Cause {
  readonly code: CauseCode;
  readonly message: string;
  readonly fixes: readonly Fix[];
  /** OpenSSL's own reason, when the cause stands for a verification error (verification-failed). */
  readonly reason?: string;
  /** The trust stores that rejected the chain (verification-failed). */
  readonly rejectedBy?: readonly string[];
  /** The TLS-inspection product the chain names (tls-inspection), e.g. "Zscaler". */
  readonly vendor?: string;
  /** Which clients accept and which reject, when that differs by client (legacy-cn-only). */
  readonly clients?: { readonly accept: readonly string[]; readonly reject: readonly string[] };
}

/** Not a failure: the verdict stays as it is, but the user should act (e.g. renew within days). */
export interface CheckWarning {
  readonly code: WarningCode;
  readonly message: string;
  /** expiring-soon: whole days until notAfter, and the certificate. */
  readonly daysLeft?: number;
  readonly subject?: string;
}

/** One certificate of the chain as the server sent it (index 0 = leaf). All fields are plain text. */
export interface CertInfo {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: string; // ISO 8601
  readonly notAfter: string; // ISO 8601
  readonly sans: readonly string[]; // "DNS:example.com", "IP:127.0.0.1"
  readonly sha256: string; // colon-separated hex, upper case (as X509Certificate.fingerprint256)
  readonly serialNumber: string;
  readonly keyType: string; // "RSA", "EC", "Ed25519"…
  readonly keyBits?: number;
  readonly signatureAlgorithm: string;
  readonly isCA: boolean;
  readonly selfSigned: boolean;
  readonly keyUsage?: readonly string[];
  readonly extKeyUsage?: readonly string[];
  readonly aiaIssuers?: readonly string[];
  readonly pem: string;
}

/** Verdict of one trust store (or client) for the chain. */
export interface TrustVerdict {
  readonly store: string; // "node", "os", "certifi", "REQUESTS_CA_BUNDLE", "--ca", …
  readonly source?: string; // file or folder it was read from
  readonly trusted: boolean | null; // null: not checked (say why in `note`)
  readonly error?: string; // OpenSSL-style reason when not trusted
  readonly note?: string;
}

/** The whole result of checking one URL. */
export interface CheckReport {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly verdict: 'ok' | 'fail';
  readonly causes: readonly Cause[];
  /** Warnings that do not change the verdict (expiring-soon). */
  readonly warnings?: readonly CheckWarning[];
  /** Remarks that are neither causes nor warnings, e.g. certificates the server sent that the verified path skips. */
  readonly notes?: readonly string[];
  readonly chain: readonly CertInfo[];
  /** sha256 of the sent certificates the verified path does not use (their expiry or weakness fails no client that
   * builds the same path). Only set when the reference store verified the chain. */
  readonly notOnPath?: readonly string[];
  readonly trust: Readonly<Record<string, TrustVerdict>>;
  readonly protocol?: string;
  readonly cipher?: string;
  readonly addresses?: readonly string[];
  /** Effective values of REQUESTS_CA_BUNDLE, SSL_CERT_FILE, CURL_CA_BUNDLE, NODE_EXTRA_CA_CERTS, proxies. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
  readonly proxy?: string;
  readonly elapsedMs?: number;
  /** The user's own CA the chain is rooted at (CheckOptions.ownCas), with its certificate. */
  readonly ownCa?: {
    readonly file: string;
    readonly label: string;
    readonly subject: string;
    readonly pem: string;
    readonly bundle?: string;
  };
  /** Every connection made, in order (useful when certificates differ between them). */
  readonly connections?: readonly ConnectionInfo[];
}

/** One TLS connection the probe made (repeats, every resolved address, and one per trust store). */
export interface ConnectionInfo {
  readonly address: string;
  /** Which trust store's context was used ("sent-chain" for the raw probe). */
  readonly purpose: string;
  readonly leafSha256?: string;
  readonly error?: string;
  readonly elapsedMs: number;
}

/** Options of `checkUrl`. The last group exists so tests (and odd machines) can point at other stores. */
export interface CheckOptions {
  /** Extra trusted roots for this check, added to Node's bundled roots (like NODE_EXTRA_CA_CERTS; see extraCaAlone). */
  readonly extraCaFiles?: readonly string[];
  /** The extra CA files *replace* Node's roots instead of adding to them: how a fixed client sees them when the fix
   * hands it the bundle as its whole trust (`verify=<bundle>`, `--cacert`, `cafile=`, an agent's `ca:`). A fix's
   * proof uses this, so a root-only bundle is not reported as verifying a server only the public roots vouch for. */
  readonly extraCaAlone?: boolean;
  /** Connections per resolved address, to catch load balancers with mixed certificates (default 1). */
  readonly repeat?: number;
  /** One deadline for the whole check: DNS, TCP connect, proxy CONNECT, TLS handshakes, the read after them and the
   * AIA fetch all fit in it (default 5000 ms). */
  readonly timeoutMs?: number;
  /** Fetch a missing issuer from the leaf's AIA URL (default true; README "What is sent over the network"). */
  readonly aia?: boolean;
  /** Environment to read CA-bundle and proxy variables from (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Python interpreter used to locate certifi (default `python3`). */
  readonly pythonPath?: string;
  readonly signal?: AbortSignal;
  /** Probe every address the name resolves to (default true). */
  readonly resolveAll?: boolean;
  /** OS trust store files/folders (default: the Linux system bundle and cert dirs; none on macOS/Windows). */
  readonly osStorePaths?: readonly string[];
  /** certifi's cacert.pem; `null` skips certifi; undefined asks the Python interpreter. */
  readonly certifiPath?: string | null;
  /** Reverse name of an address, for the SNI retry of an IP target (default getnameinfo via dns.lookupService). */
  readonly reverseLookup?: (address: string) => Promise<string | undefined>;
  /** CA files to recognise as the user's own (TLS Doctor's development CA, the workspace's `.certs/`): a chain
   * rooted at one is named as such, and its fixes use that file. Recognised, not trusted: the verdict is unchanged. */
  readonly ownCas?: readonly { readonly file: string; readonly label: string }[];
  /** Paths the fixes' snippets use: a saved bundle (`--save-bundle`) and chain (`--save-chain`). */
  readonly fixPaths?: { readonly bundle?: string; readonly chain?: string };
  /** Name resolution (default dns.lookup with all: true). */
  readonly lookup?: (host: string) => Promise<readonly string[]>;
  /** The workspace folder the check is for: its package.json / .yarnrc.yml say which Yarn (and so which CA key). */
  readonly workspace?: string;
  /** A client certificate (PEM cert and key) to present to servers that ask for one (mTLS). */
  readonly clientCert?: { readonly cert: string; readonly key: string };
}
