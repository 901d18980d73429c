// NSS databases: Chromium/Chrome on Linux (~/.pki/nssdb) and every Firefox profile keep their own trust store and
// ignore the OS one, so "trusted in the OS" still shows a certificate error there. Like mkcert's truststore_nss.go,
// entries are added with certutil (libnss3-tools) as trusted SSL CAs ("C,,"), under a nickname holding the CA's
// fingerprint, so uninstall and status touch exactly this CA's entry and never another one's.
import * as fs from 'fs';
import * as path from 'path';
import { failureText, run, which } from './run';
import type { StoreCa, StoreContext, StoreOutcome, StoreStatus, TargetStatus, TrustStore } from './types';

/** One NSS database: its certutil `-d` argument and whether we may create it when missing. */
export interface NssDb {
  /** `sql:/path` (cert9.db) or `dbm:/path` (cert8.db, old Firefox). */
  spec: string;
  dir: string;
  /** The shared Chromium/Chrome database: created when missing, as Chromium itself would on first start. */
  shared: boolean;
  exists: boolean;
}

const INSTALL_HINT = 'certutil not found: install libnss3-tools (Debian/Ubuntu), nss-tools (Fedora) or nss (Arch)';
/** Browsers that read the shared database or profiles below; their presence makes the store "present". */
const BROWSERS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'brave-browser',
  'microsoft-edge',
  'firefox',
];

/** The nickname of our entry, e.g. "TLS Doctor development CA 1a2b3c4d5e6f7a8b" (visible in browser settings). */
export function nssNickname(ca: StoreCa): string {
  return `TLS Doctor development CA ${ca.sha256.slice(0, 16).toLowerCase()}`;
}

/** Every NSS database of the user under `home`: the shared one (even if missing) and each Firefox profile's. */
export function nssDatabases(home: string): NssDb[] {
  const shared = path.join(home, '.pki', 'nssdb');
  const dbs: NssDb[] = [
    { spec: `sql:${shared}`, dir: shared, shared: true, exists: fs.existsSync(path.join(shared, 'cert9.db')) },
  ];
  // Firefox from the distribution, and the snap/flatpak builds (Ubuntu's default Firefox is a snap).
  const roots = [
    '.mozilla/firefox',
    'snap/firefox/common/.mozilla/firefox',
    '.var/app/org.mozilla.firefox/.mozilla/firefox',
  ];
  for (const root of roots.map((r) => path.join(home, r))) {
    for (const name of safeList(root)) {
      const dir = path.join(root, name);
      if (fs.existsSync(path.join(dir, 'cert9.db'))) dbs.push({ spec: `sql:${dir}`, dir, shared: false, exists: true });
      else if (fs.existsSync(path.join(dir, 'cert8.db'))) {
        dbs.push({ spec: `dbm:${dir}`, dir, shared: false, exists: true });
      }
    }
  }
  return dbs;
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** NSS's certutil; never on Windows, where `certutil` is an unrelated system tool of the same name. */
function certutil(ctx: StoreContext): string | undefined {
  return ctx.platform === 'win32' ? undefined : which('certutil', ctx.env);
}

/** Whether our entry is in `db`: `certutil -L -n` exits 0 only for an existing nickname. */
async function hasEntry(tool: string, db: NssDb, ctx: StoreContext): Promise<boolean> {
  return (await run(tool, ['-L', '-d', db.spec, '-n', nssNickname(ctx.ca)], opts(ctx))).ok;
}

function opts(ctx: StoreContext) {
  return { env: ctx.env, timeoutMs: ctx.timeoutMs };
}

/** Creates the shared database with an empty password (what Chromium does), so there is somewhere to install. */
async function createDb(tool: string, db: NssDb, ctx: StoreContext): Promise<string | undefined> {
  try {
    fs.mkdirSync(db.dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    return `cannot create ${db.dir}: ${(e as NodeJS.ErrnoException).code}`;
  }
  const r = await run(tool, ['-N', '-d', db.spec, '--empty-password'], opts(ctx));
  return r.ok ? undefined : `certutil -N failed: ${failureText(r)}`;
}

async function installInto(tool: string, db: NssDb, ctx: StoreContext): Promise<StoreOutcome> {
  const base = { store: 'nss' as const, target: db.spec };
  if (!db.exists) {
    const failed = await createDb(tool, db, ctx);
    if (failed) return { ...base, action: 'failed', message: failed };
  }
  if (await hasEntry(tool, db, ctx)) {
    return { ...base, action: 'already-installed', message: `already trusted in ${db.spec}` };
  }
  const r = await run(
    tool,
    ['-A', '-d', db.spec, '-t', 'C,,', '-n', nssNickname(ctx.ca), '-i', ctx.ca.certPath],
    opts(ctx),
  );
  if (!r.ok) return { ...base, action: 'failed', message: `certutil -A failed for ${db.spec}: ${failureText(r)}` };
  return { ...base, action: 'installed', message: `added to ${db.spec}${db.exists ? '' : ' (created)'}` };
}

async function removeFrom(tool: string, db: NssDb, ctx: StoreContext): Promise<StoreOutcome> {
  const base = { store: 'nss' as const, target: db.spec };
  if (!(await hasEntry(tool, db, ctx))) return { ...base, action: 'not-installed', message: `not in ${db.spec}` };
  const r = await run(tool, ['-D', '-d', db.spec, '-n', nssNickname(ctx.ca)], opts(ctx));
  if (!r.ok) return { ...base, action: 'failed', message: `certutil -D failed for ${db.spec}: ${failureText(r)}` };
  return { ...base, action: 'removed', message: `removed from ${db.spec}` };
}

export const nssStore: TrustStore = {
  name: 'nss',
  /** Present when certutil can reach it and a browser or database that uses NSS is on this machine. */
  present(ctx) {
    if (ctx.platform === 'win32' || !certutil(ctx)) return false;
    return nssDatabases(ctx.home).some((d) => d.exists) || BROWSERS.some((b) => which(b, ctx.env));
  },
  async install(ctx) {
    const tool = certutil(ctx);
    if (!tool) return [{ store: 'nss', target: '', action: 'unavailable', message: INSTALL_HINT }];
    const out: StoreOutcome[] = [];
    // One database at a time: certutil on the same sql: database from two processes can hit SQLITE_BUSY.
    for (const db of nssDatabases(ctx.home)) out.push(await installInto(tool, db, ctx));
    return out;
  },
  async uninstall(ctx) {
    const tool = certutil(ctx);
    if (!tool) return [{ store: 'nss', target: '', action: 'unavailable', message: INSTALL_HINT }];
    const out: StoreOutcome[] = [];
    for (const db of nssDatabases(ctx.home).filter((d) => d.exists)) out.push(await removeFrom(tool, db, ctx));
    return out;
  },
  async status(ctx): Promise<StoreStatus> {
    const tool = certutil(ctx);
    const dbs = nssDatabases(ctx.home).filter((d) => d.exists);
    if (!tool) {
      return {
        store: 'nss',
        present: false,
        trusted: false,
        targets: dbs.map((d) => ({ target: d.spec, trusted: undefined })),
        note: INSTALL_HINT,
      };
    }
    const targets: TargetStatus[] = await Promise.all(
      dbs.map(async (d) => ({ target: d.spec, trusted: await hasEntry(tool, d, ctx) })),
    );
    return {
      store: 'nss',
      present: nssStore.present(ctx),
      trusted: targets.some((t) => t.trusted),
      targets,
      ...(dbs.length ? {} : { note: 'no NSS database yet (~/.pki/nssdb is created on install)' }),
    };
  },
};
