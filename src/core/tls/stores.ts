// Trust stores, each read once: Node's bundled roots, the OS store, certifi, the bundles that environment variables
// name, and the user's --ca files. A store with `pems: undefined` could not be checked; `note` says why.
import { execFile } from 'node:child_process';
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readPlatformStore } from './platformstores';
import * as tls from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { pemCertificates } from '../text/pem';

/** One trust store to evaluate the chain against. */
export interface Store {
  readonly name: string;
  readonly source?: string;
  readonly pems?: readonly string[];
  readonly note?: string;
}

/** Linux system bundles, most common first (Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine/others). */
export const LINUX_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];
const LINUX_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];

/** Environment variables that name a CA bundle, in the order clients consult them. */
export const CA_ENV_VARS = ['REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE', 'SSL_CERT_FILE', 'NODE_EXTRA_CA_CERTS'] as const;

/** How many certificates in a file (or folder) actually parse: 0 means it is not a usable CA file (broken PEM, a key…). */
export async function readableCertCount(p: string): Promise<number> {
  return (await readCerts(p)).filter((pem) => {
    try {
      new X509Certificate(pem);
      return true;
    } catch {
      return false;
    }
  }).length;
}

/** CA files larger than this are refused unread: the biggest public bundles are ~250 KB; /dev/zero is endless. */
export const MAX_CA_FILE_BYTES = 10 * 1024 * 1024;

/** Certificates of a file, or of every file in a folder (as OpenSSL's hashed cert dirs and `verify=` folders).
 * Rejects with a readable message (code ENOTREG / EFBIG) for a FIFO, device or socket, or a file over 10 MB:
 * reading a FIFO blocks forever and a device never ends, so those are refused after a stat, before any read. */
export async function readCerts(p: string): Promise<string[]> {
  const st = await fs.stat(p);
  if (!st.isDirectory()) checkCaFile(p, st);
  const key = `${st.mtimeMs}:${st.size}`;
  const hit = fileCache.get(p);
  if (hit?.key === key) return hit.certs;
  const certs = st.isDirectory() ? await readDir(p) : pemCertificates(await readCaFile(p));
  fileCache.set(p, { key, certs });
  return certs;
}

function checkCaFile(p: string, st: { isFile(): boolean; size: number }): void {
  if (!st.isFile()) {
    throw Object.assign(new Error(`${p} is not a regular file (a FIFO, device or socket is never read)`), {
      code: 'ENOTREG',
    });
  }
  if (st.size > MAX_CA_FILE_BYTES) {
    throw Object.assign(
      new Error(
        `${p} is ${Math.round(st.size / 1048576)} MB, over the ${MAX_CA_FILE_BYTES / 1048576} MB limit for CA files`,
      ),
      { code: 'EFBIG' },
    );
  }
}

/** Reads a CA file as latin1, opened non-blocking and checked again on the open handle (the path may have been
 * swapped for a FIFO since the stat), and never more than the limit. */
async function readCaFile(p: string): Promise<string> {
  const h = await fs.open(p, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  try {
    const st = await h.stat();
    checkCaFile(p, st);
    const buf = Buffer.alloc(st.size);
    let n = 0;
    for (let r = -1; n < st.size && r !== 0; n += r) r = (await h.read(buf, n, st.size - n, n)).bytesRead;
    return buf.toString('latin1', 0, n);
  } finally {
    await h.close();
  }
}

/** Parsed files by path, invalidated by mtime and size: the OS bundle is read once, not once per check. */
const fileCache = new Map<string, { key: string; certs: string[] }>();

async function readDir(p: string): Promise<string[]> {
  const names = (await fs.readdir(p)).filter((n) => /\.(pem|crt|cer)$|^[0-9a-f]{8}\.\d+$/i.test(n)).sort();
  const all = await Promise.all(names.map((n) => readCaFile(path.join(p, n)).then(pemCertificates, () => [])));
  return [...new Set(all.flat())];
}

/** Combined lists by the identity of their parts (readCerts returns the same array while a file is unchanged): the
 * same array comes back on every check, so SecureContexts and store indexes are found by identity, not by hashing. */
const combined = new Map<string, { parts: readonly (readonly string[])[]; pems: readonly string[] }>();

function stablePems(key: string, parts: readonly (readonly string[])[]): readonly string[] {
  const hit = combined.get(key);
  if (hit && hit.parts.length === parts.length && hit.parts.every((p, i) => p === parts[i])) return hit.pems;
  const pems = parts.flat();
  combined.set(key, { parts, pems });
  return pems;
}

/** One shared empty base, so stablePems sees the same parts on every check. */
const NO_BASE: readonly string[] = [];

/** A store read from files; a missing or empty file becomes a note rather than an error. */
async function fileStore(name: string, files: readonly string[], base: readonly string[] = NO_BASE): Promise<Store> {
  const source = files.join(path.delimiter);
  try {
    const lists = await Promise.all(files.map(readCerts));
    const own = lists.flat();
    if (own.length === 0) return { name, source, note: `no PEM certificates in ${source}` };
    return { name, source, pems: stablePems(`${name}\0${source}`, [base, ...lists]) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOTREG' || err.code === 'EFBIG' ? err.message : (err.code ?? err.message);
    return { name, source, note: `cannot read ${source}: ${why}` };
  }
}

/** The OS store: injected paths, the Linux bundle (or cert dirs), else a plain note. */
async function osStore(paths: readonly string[] | undefined, timeoutMs = 5000): Promise<Store> {
  if (paths) return fileStore('os', paths);
  const platform = await readPlatformStore(process.platform, { timeoutMs: Math.min(5000, timeoutMs) });
  if (platform) {
    const notes = [
      ...(platform.unreadable.length ? [`could not read: ${platform.unreadable.join('; ')}`] : []),
      ...(platform.excluded?.length ? [`not trusted by the trust settings: ${platform.excluded.join('; ')}`] : []),
    ];
    const unread = notes.length ? notes.join('. ') : undefined;
    if (platform.pems.length === 0) {
      return { name: 'os', source: platform.source, note: unread ?? `no certificates in the ${platform.source}` };
    }
    return {
      name: 'os',
      source: platform.source,
      pems: stablePems(`os\0${platform.source}`, [NO_BASE, platform.pems]),
      ...(unread ? { note: unread } : {}),
    };
  }
  if (process.platform !== 'linux') {
    return { name: 'os', note: `the ${process.platform} certificate store is not read` };
  }
  for (const f of LINUX_BUNDLES) if (await exists(f)) return fileStore('os', [f]);
  for (const d of LINUX_DIRS) if (await exists(d)) return fileStore('os', [d]);
  return { name: 'os', note: 'no system CA bundle found (looked in /etc/ssl and /etc/pki)' };
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

const certifiCache = new Map<string, Promise<string | undefined>>();

/** certifi's cacert.pem as the interpreter reports it (cached per interpreter; 5 s budget for a cold start, less
 * when the check's own timeout is shorter: a failed look-up is not cached, so a later, longer check asks again). */
export function findCertifi(python: string, timeoutMs = 5000): Promise<string | undefined> {
  let p = certifiCache.get(python);
  if (!p) {
    p = new Promise((resolve) => {
      execFile(
        python,
        ['-c', 'import certifi; print(certifi.where())'],
        { timeout: Math.min(5000, timeoutMs) },
        (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined),
      );
    });
    certifiCache.set(python, p);
    void p.then((found) => {
      if (!found) certifiCache.delete(python);
    });
  }
  return p;
}

async function certifiStore(
  certifiPath: string | null | undefined,
  python: string,
  timeoutMs?: number,
): Promise<Store> {
  if (certifiPath === null) return { name: 'certifi', note: 'not checked' };
  const file = certifiPath ?? (await findCertifi(python, timeoutMs));
  if (!file) return { name: 'certifi', note: `${python} has no certifi module (or could not be run)` };
  return fileStore('certifi', [file]);
}

/** Stores named by environment variables. Requests' REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE and SSL_CERT_FILE replace the
 * defaults; NODE_EXTRA_CA_CERTS adds to Node's bundled roots. An empty value is reported, not skipped. */
function envStores(env: NodeJS.ProcessEnv): Promise<Store>[] {
  return CA_ENV_VARS.filter((v) => env[v] !== undefined).map((v) => {
    const value = env[v] as string;
    if (value === '') {
      return Promise.resolve({
        name: v,
        note:
          v === 'CURL_CA_BUNDLE'
            ? 'set but empty: python-requests then silently disables verification'
            : 'set but empty',
      });
    }
    return fileStore(v, [value], v === 'NODE_EXTRA_CA_CERTS' ? tls.rootCertificates : []);
  });
}

/** Options that choose the stores. */
export interface StoreOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly extraCaFiles?: readonly string[];
  /** The extra CA files alone, without Node's roots (CheckOptions.extraCaAlone). */
  readonly extraCaAlone?: boolean;
  readonly osStorePaths?: readonly string[];
  readonly certifiPath?: string | null;
  readonly pythonPath?: string;
  /** The check's timeout: bounds the interpreter asked for certifi. */
  readonly timeoutMs?: number;
}

/** The stores a primary handshake may verify against: node, and --ca when given. Quick (no interpreter to ask), so
 * the probe need not wait for the rest (certifi asks Python, which can be slow to start). */
export async function referenceStores(o: Pick<StoreOptions, 'extraCaFiles' | 'extraCaAlone'>): Promise<Store[]> {
  const node: Store = { name: 'node', source: `Node ${process.version} bundled roots`, pems: tls.rootCertificates };
  if (!o.extraCaFiles?.length) return [node];
  return [node, await fileStore('--ca', o.extraCaFiles, o.extraCaAlone ? NO_BASE : tls.rootCertificates)];
}

/** Every store to evaluate, in display order: node, os, certifi, environment bundles, --ca. `early`: the
 * referenceStores already loaded (the same objects are returned, so verdicts can tell the reference by identity). */
export async function loadStores(o: StoreOptions, early: Promise<Store[]> = referenceStores(o)): Promise<Store[]> {
  const more = [
    osStore(o.osStorePaths, o.timeoutMs),
    certifiStore(o.certifiPath, o.pythonPath ?? 'python3', o.timeoutMs),
    ...envStores(o.env),
  ];
  const [node, ca] = await early;
  return [node, ...(await Promise.all(more)), ...(ca ? [ca] : [])];
}
