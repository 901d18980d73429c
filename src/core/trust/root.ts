// Finding the root to trust, with the user's consent: the top of the chain a URL presents (probed through the
// configured proxy, so behind a TLS-inspecting proxy it is the proxy's root), its issuer from the OS store when the
// server leaves the root out, or a file the user gives. Refuses what must not be trusted this way.
import { X509Certificate } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as tls from 'node:tls';
import { pemCertificates } from '../text/pem';
import { checkUrl } from '../tls/check';
import { LINUX_BUNDLES, readCerts } from '../tls/stores';
import { vendorOf } from './vendors';

/** A root the user may confirm. */
export interface RootCandidate {
  readonly pem: string;
  readonly subject: string;
  readonly issuer: string;
  /** Colon-separated upper-case hex, as X509Certificate.fingerprint256. */
  readonly sha256: string;
  readonly notAfter: string;
  /** The inspection product it belongs to, when its names say so. */
  readonly vendor?: string;
  /** The URL or file it came from. */
  readonly source: string;
  /** CA certificates between the leaf and the root (they go into the bundle too). */
  readonly intermediates: readonly string[];
  /** Already in the OS trust store (then tools that read the OS store need no change). */
  readonly inOsStore: boolean;
}

/** Why a source gave no root. */
export interface RootRefusal {
  readonly source: string;
  readonly reason: string;
  readonly subject?: string;
  readonly sha256?: string;
}

export type RootResult = { readonly root: RootCandidate } | { readonly refused: RootRefusal };

export interface FindOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  /** OS store files (default: the Linux system bundle; none elsewhere). */
  readonly osStorePaths?: readonly string[];
  readonly now?: Date;
}

let publicFingerprints: Set<string> | undefined;

/** Fingerprints of Node's bundled (Mozilla) roots: a root in here is publicly trusted already. */
export function isPubliclyTrusted(sha256: string): boolean {
  publicFingerprints ??= new Set(tls.rootCertificates.map((p) => new X509Certificate(p).fingerprint256));
  return publicFingerprints.has(sha256);
}

/** The OS store's certificates (Linux system bundle; injected paths in tests). */
async function osCertificates(paths?: readonly string[]): Promise<X509Certificate[]> {
  const files = paths ?? (process.platform === 'linux' ? LINUX_BUNDLES.filter((f) => existsSync(f)).slice(0, 1) : []);
  const pems = (await Promise.all(files.map((f) => readCerts(f).catch(() => [] as string[])))).flat();
  return pems.flatMap((p) => {
    try {
      return [new X509Certificate(p)];
    } catch {
      return [];
    }
  });
}

function oneLine(dn: string): string {
  return dn.replace(/\n/g, ', ');
}

/** Checks a certificate as a root to trust: a CA, self-signed, valid now, not publicly trusted. */
function refusal(x: X509Certificate, now: Date): string | undefined {
  if (!x.ca) return 'it is not a CA certificate (a leaf): trust the root that issued it, not the server certificate';
  if (Date.parse(x.validTo) < now.getTime()) return `it expired on ${new Date(x.validTo).toISOString().slice(0, 10)}`;
  if (Date.parse(x.validFrom) > now.getTime()) {
    return `it is not valid before ${new Date(x.validFrom).toISOString().slice(0, 10)}`;
  }
  if (isPubliclyTrusted(x.fingerprint256)) {
    return "it is a publicly trusted root already (in Node's bundled roots): nothing is inspecting this connection";
  }
  return undefined;
}

function candidate(
  x: X509Certificate,
  source: string,
  intermediates: readonly string[],
  inOsStore: boolean,
): RootCandidate {
  const subject = oneLine(x.subject);
  const issuer = oneLine(x.issuer);
  const vendor = vendorOf(subject, issuer);
  return {
    pem: x.toString(),
    subject,
    issuer,
    sha256: x.fingerprint256,
    notAfter: new Date(x.validTo).toISOString(),
    source,
    intermediates,
    inOsStore,
    ...(vendor ? { vendor } : {}),
  };
}

function judge(
  x: X509Certificate,
  source: string,
  intermediates: readonly string[],
  os: readonly X509Certificate[],
  now: Date,
): RootResult {
  const why = refusal(x, now);
  if (why) return { refused: { source, reason: why, subject: oneLine(x.subject), sha256: x.fingerprint256 } };
  return {
    root: candidate(
      x,
      source,
      intermediates,
      os.some((o) => o.fingerprint256 === x.fingerprint256),
    ),
  };
}

/** The root of the chain `url` presents, probed with the core check (through HTTPS_PROXY when configured). */
export async function rootFromUrl(url: string, o: FindOptions): Promise<RootResult> {
  const report = await checkUrl(url, {
    env: o.env,
    timeoutMs: o.timeoutMs ?? 5000,
    certifiPath: null,
    osStorePaths: o.osStorePaths ?? [],
  });
  return rootFromReport(report, url, o);
}

/** What rootFromReport reads of a check report (the extension's ProbeService makes the report; the core only reads it). */
export interface ChainReport {
  readonly chain: readonly { readonly pem: string }[];
  readonly trust: { readonly node?: { readonly trusted: boolean | null } };
  readonly causes: readonly { readonly message: string }[];
}

/** The root of the chain a check of `source` saw: the top certificate when self-signed, else its issuer in the OS store. */
export async function rootFromReport(report: ChainReport, url: string, o: FindOptions): Promise<RootResult> {
  const now = o.now ?? new Date();
  if (!report.chain.length) {
    return {
      refused: { source: url, reason: `no certificate chain: ${report.causes[0]?.message ?? 'the connection failed'}` },
    };
  }
  if (report.trust.node?.trusted === true) {
    return {
      refused: {
        source: url,
        reason: "its chain is publicly trusted (Node's bundled roots verify it): nothing is inspecting this connection",
      },
    };
  }
  const chain = report.chain.map((c) => new X509Certificate(c.pem));
  const top = chain[chain.length - 1];
  const cas = chain.slice(1).filter((c) => c.ca);
  const os = await osCertificates(o.osStorePaths);
  if (top.checkIssued(top) && top.verify(top.publicKey)) {
    return judge(
      top,
      url,
      cas.slice(0, -1).map((c) => c.toString()),
      os,
      now,
    );
  }
  // The server left the root out: its issuer may be in the OS store (IT installed it there).
  const issuer = os.find((c) => top.checkIssued(c) && top.verify(c.publicKey));
  if (issuer) {
    return judge(
      issuer,
      url,
      cas.map((c) => c.toString()),
      os,
      now,
    );
  }
  return {
    refused: {
      source: url,
      reason: `the server does not send its root (the top certificate "${oneLine(top.subject)}" is issued by "${oneLine(top.issuer)}", which is not in the OS store): export that root and give it with --ca FILE`,
    },
  };
}

/** The root(s) in a PEM file: self-signed CAs are roots, other CAs intermediates; a leaf or a file without a root is refused. */
export async function rootsFromFile(file: string, o: FindOptions): Promise<RootResult[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'latin1');
  } catch (e) {
    return [
      {
        refused: {
          source: file,
          reason: `cannot read it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        },
      },
    ];
  }
  const certs = pemCertificates(text).flatMap((p) => {
    try {
      return [new X509Certificate(p)];
    } catch {
      return [];
    }
  });
  if (!certs.length) {
    return [
      {
        refused: {
          source: file,
          reason: 'no PEM certificate could be read from it (expected -----BEGIN CERTIFICATE-----)',
        },
      },
    ];
  }
  const leaf = certs.find((c) => !c.ca);
  if (leaf) {
    return [
      {
        refused: {
          source: file,
          reason: 'it holds a leaf (not a CA certificate): give the root that issued it',
          subject: oneLine(leaf.subject),
          sha256: leaf.fingerprint256,
        },
      },
    ];
  }
  const roots = certs.filter((c) => c.checkIssued(c));
  if (!roots.length) {
    return [
      {
        refused: {
          source: file,
          reason: 'it holds no root (no self-signed CA certificate): add the root that issued these',
          subject: oneLine(certs[0].subject),
          sha256: certs[0].fingerprint256,
        },
      },
    ];
  }
  const intermediates = certs.filter((c) => !c.checkIssued(c)).map((c) => c.toString());
  const os = await osCertificates(o.osStorePaths);
  return roots.map((r, i) => judge(r, file, i === 0 ? intermediates : [], os, o.now ?? new Date()));
}
