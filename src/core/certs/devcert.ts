// One call for "make me a trusted development certificate": ensure the CA, issue the leaf, write the files.
import * as fs from 'fs';
import * as path from 'path';
import { createBundle } from './bundle';
import { ensureCa } from './ca';
import { CaBundleEnv, caBundleEnv } from './env';
import { parseHosts, withinConstraints } from './hosts';
import { certIds } from './ids';
import { assertCaOutsideGit, assertCaOutsideWorkspace, tightenCaPermissions } from './integrity';
import { checkClientName, checkValidityDays, issueLeaf } from './leaf';
import { loadSigningCa } from './leafder';
import { MANIFEST_FILE, manifestText, PreviousLeaf, readPrevious } from './manifest';
import { checkPkcs12Password, toPkcs12 } from './pkcs12';
import { LeafKeyType } from './profile';
import { CERT_MODE, LEAF_KEY_MODE, resolveCaDir, writeFileAtomic } from './store';

/** File names written into the output folder; stable, so env files and snippets keep pointing at them. */
export const OUT_FILES = { cert: 'cert.pem', key: 'key.pem', ca: 'ca.pem', bundle: 'bundle.pem' } as const;

/** Input of writeDevCert. */
export interface DevCertOptions {
  /** Host names, wildcards and IP addresses for the SANs, e.g. ['localhost', '127.0.0.1', '::1']. */
  hosts: string[];
  /** Folder for cert.pem, key.pem, ca.pem and bundle.pem (created if missing). */
  outDir: string;
  /** CA folder; default `$TLS_DOCTOR_CAROOT` or the per-user data folder. */
  caDir?: string;
  /** Where `TLS_DOCTOR_CAROOT` is read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  validityDays?: number;
  /** Only used when the CA is created by this call. */
  nameConstrained?: boolean;
  keyType?: LeafKeyType;
  /** A folder the CA must stay out of besides outDir (the workspace). */
  workspaceDir?: string;
  /** Issue for `hosts` only; by default a leaf already in outDir keeps its hosts and `hosts` are added to them. */
  replace?: boolean;
  /** An mTLS client certificate for this name (CN, EKU clientAuth) in client-NAME.pem / client-NAME-key.pem. */
  client?: string;
  /** Also write a PKCS#12 file (key, certificate, CA) protected by this password, beside the PEMs. */
  pkcs12Password?: string;
}

/** What writeDevCert wrote (absolute paths) and the environment that makes clients trust it. No key material. */
export interface DevCertResult {
  cert: string;
  key: string;
  ca: string;
  bundle: string;
  env: CaBundleEnv;
  caDir: string;
  caCreated: boolean;
  /** SHA-256 of the CA certificate (hex), for trust-store commands and display. */
  caSha256: string;
  hosts: string[];
  notAfter: string;
  /** Things the user should know, e.g. a host outside the CA's name constraints. */
  warnings: string[];
  /** The leaf this call replaced (its hosts), when outDir already held one: callers must say so, never silently. */
  replaced?: PreviousLeaf;
  /** The hosts manifest written beside the leaf (hosts.json); not for client certificates. */
  manifest?: string;
  /** The PKCS#12 file, when asked for. */
  pkcs12?: string;
  /** The client name of a client certificate. */
  client?: string;
}

/**
 * Ensures the CA, issues a leaf for `hosts` (added to the hosts of a leaf already in `outDir`, unless `replace`), and
 * writes cert (0644), key (0600), CA copy, bundle and the hosts manifest to `outDir`. Refuses (CaRefusedError) a CA
 * folder inside a git work tree or the workspace and a CA key that does not match its certificate; tightens a CA key
 * or folder looser than 0400/0700 (with a warning).
 */
export async function writeDevCert(opts: DevCertOptions): Promise<DevCertResult> {
  const client = opts.client === undefined ? undefined : checkClientName(opts.client);
  if (!client || opts.hosts.length > 0) parseHosts(opts.hosts);
  checkValidityDays(opts.validityDays);
  if (opts.pkcs12Password !== undefined) checkPkcs12Password(opts.pkcs12Password);
  const outDir = path.resolve(opts.outDir);
  const caDir = resolveCaDir(opts.caDir, opts.env ?? process.env);
  assertCaOutsideWorkspace(caDir, outDir, 'output folder');
  assertCaOutsideGit(caDir);
  if (opts.workspaceDir) assertCaOutsideWorkspace(caDir, opts.workspaceDir);
  const hygiene = tightenCaPermissions(caDir);
  makeOutDir(outDir);
  // Client certificates have files of their own per name and no hosts to keep, but replacing one is still said.
  const previous = client ? previousClient(clientPaths(outDir, client).cert) : readPrevious(outDir, OUT_FILES.cert);
  const hosts =
    client && opts.hosts.length === 0
      ? []
      : parseHosts(opts.replace || client || !previous ? opts.hosts : [...previous.hosts, ...opts.hosts]);
  const ca = await ensureCa(caDir, { nameConstrained: opts.nameConstrained });
  const leaf = await issueLeaf(
    caDir,
    hosts.map((h) => h.value),
    { validityDays: opts.validityDays, keyType: opts.keyType, client },
  );
  const files = client ? clientPaths(outDir, client) : outPaths(outDir);
  const caSha256 = certIds(ca.certPem).sha256;
  const notAfter = certIds(leaf.certPem).notAfter;
  const manifest = client ? undefined : path.join(outDir, MANIFEST_FILE);
  writeFileAtomic(files.key, leaf.keyPem, LEAF_KEY_MODE);
  writeFileAtomic(files.cert, leaf.certPem, CERT_MODE);
  writeIfChanged(files.ca, ca.certPem, CERT_MODE);
  writeIfChanged(files.bundle, createBundle([ca.certPem]), CERT_MODE);
  if (manifest) {
    writeFileAtomic(manifest, manifestText({ hosts: hosts.map((h) => h.value), caSha256, notAfter }), CERT_MODE);
  }
  const pkcs12 = opts.pkcs12Password === undefined ? undefined : files.cert.replace(/\.pem$/, '.p12');
  if (pkcs12) {
    const p12 = toPkcs12({
      certPem: leaf.certPem,
      keyPem: leaf.keyPem,
      caPems: [ca.certPem],
      password: opts.pkcs12Password as string,
      friendlyName: client ?? hosts[0].value,
    });
    writeFileAtomic(pkcs12, p12, LEAF_KEY_MODE); // 0600: it holds the private key
  }
  const warnings = [...hygiene, ...(ca.nameConstrained ? outsideConstraintWarnings(hosts) : [])];
  if (opts.nameConstrained && !ca.nameConstrained && !ca.created) {
    warnings.push(`the existing CA in ${caDir} has no name constraints; move it away to create a constrained one`);
  }
  return {
    ...files,
    env: caBundleEnv(files.bundle),
    caDir,
    caCreated: ca.created,
    caSha256,
    hosts: hosts.map((h) => h.value),
    notAfter,
    warnings,
    ...(manifest ? { manifest } : {}),
    ...(previous ? { replaced: previous } : {}),
    ...(pkcs12 ? { pkcs12 } : {}),
    ...(client ? { client } : {}),
  };
}

/** The client certificate already at `certPath`, if any (its SANs as hosts; usually none). */
function previousClient(certPath: string): PreviousLeaf | undefined {
  if (!fs.existsSync(certPath)) return undefined;
  return readPrevious(path.dirname(certPath), path.basename(certPath), false) ?? { hosts: [] };
}

/**
 * Public files that usually stay the same across reruns (the CA copy, the bundle): rewritten only when their text
 * differs, which spares a rerun two atomic writes of ~200 KB (a rename costs milliseconds on a busy disk).
 */
function writeIfChanged(file: string, text: string, mode: number): void {
  try {
    if ((fs.statSync(file).mode & 0o777) === mode && fs.readFileSync(file, 'utf8') === text) return;
  } catch {
    // missing or unreadable: write it
  }
  writeFileAtomic(file, text, mode);
}

/** Paths of a client certificate named `name`: client-NAME.pem and client-NAME-key.pem, plus the shared CA files. */
export function clientPaths(outDir: string, name: string): { cert: string; key: string; ca: string; bundle: string } {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'client';
  const shared = outPaths(outDir);
  return {
    ...shared,
    cert: path.join(path.dirname(shared.cert), `client-${slug}.pem`),
    key: path.join(path.dirname(shared.cert), `client-${slug}-key.pem`),
  };
}

/** Absolute paths of the four output files. */
export function outPaths(outDir: string): { cert: string; key: string; ca: string; bundle: string } {
  const abs = path.resolve(outDir);
  return {
    cert: path.join(abs, OUT_FILES.cert),
    key: path.join(abs, OUT_FILES.key),
    ca: path.join(abs, OUT_FILES.ca),
    bundle: path.join(abs, OUT_FILES.bundle),
  };
}

function makeOutDir(outDir: string): void {
  try {
    // Non-recursive when the parent exists: Node 20's recursive mkdir loops forever on some ENOENT cases (/proc).
    if (!fs.existsSync(outDir)) fs.mkdirSync(outDir, { recursive: !fs.existsSync(path.dirname(outDir)) });
    fs.accessSync(outDir, fs.constants.W_OK);
  } catch (e) {
    throw new Error(
      `cannot write to the output folder ${outDir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      { cause: e },
    );
  }
}

function outsideConstraintWarnings(hosts: ReturnType<typeof parseHosts>): string[] {
  const outside = hosts.filter((h) => !withinConstraints(h)).map((h) => h.value);
  return outside.length === 0
    ? []
    : [
        `the CA is name-constrained, so clients will reject the certificate for: ${outside.join(', ')} (allowed: localhost, *.test, *.internal, *.home.arpa, *.local, private IPs)`,
      ];
}

/**
 * The CA for trust-store commands: refuses a folder in a git work tree or `workspaceDir`, tightens loose modes,
 * creates the CA when missing and refuses a key that does not match its certificate. Returns the warnings.
 */
export async function ensureUsableCa(
  caDir: string,
  workspaceDir?: string,
  opts: { nameConstrained?: boolean } = {},
): Promise<{ created: boolean; warnings: string[] }> {
  assertCaOutsideGit(caDir);
  if (workspaceDir) assertCaOutsideWorkspace(caDir, workspaceDir);
  const warnings = tightenCaPermissions(caDir);
  const ca = await ensureCa(caDir, opts);
  loadSigningCa(caDir); // throws CA_KEY_MISMATCH for a key from another CA
  return { created: ca.created, warnings };
}
