// Installing the development CA into every trust store a developer uses, and telling which ones trust it.
// One file per store (system.ts, nss.ts, java.ts), like mkcert's truststore_*.go; this file picks and runs them.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CA_CERT_FILE } from '../store';
import { certIds } from '../ids';
import { javaStore } from './java';
import { nssStore } from './nss';
import { systemStore } from './system';
import { STORE_NAMES, StoreCa, StoreContext, StoreName, StoreOutcome, StoreStatus, TrustStore } from './types';

export type { StoreCa, StoreContext, StoreName, StoreOutcome, StoreStatus, TargetStatus } from './types';
export { STORE_NAMES } from './types';

const STORES: Record<StoreName, TrustStore> = { system: systemStore, nss: nssStore, java: javaStore };

/** Parses a `--stores` list such as `nss,java`; throws a readable error for an unknown name. */
export function parseStoreList(list: string): StoreName[] {
  const names = list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = names.find((n) => !(STORE_NAMES as readonly string[]).includes(n));
  if (bad !== undefined || names.length === 0) {
    throw new Error(`--stores takes a comma-separated list of ${STORE_NAMES.join(', ')} (got "${list}")`);
  }
  return [...new Set(names as StoreName[])];
}

/** The CA in `caDir` as the stores need it; undefined when the folder holds no CA certificate. */
export function storeCa(caDir: string): StoreCa | undefined {
  const certPath = path.join(caDir, CA_CERT_FILE);
  let certPem: string;
  try {
    certPem = fs.readFileSync(certPath, 'utf8');
  } catch {
    return undefined;
  }
  const { sha256, sha1, serial } = certIds(certPem);
  return { certPath, certPem, sha256, sha1, serial };
}

/** A context for the current user: HOME, PATH and the platform from `env` / the process. */
export function storeContext(
  ca: StoreCa,
  env: NodeJS.ProcessEnv = process.env,
  extra: Partial<StoreContext> = {},
): StoreContext {
  const home = env.HOME && path.isAbsolute(env.HOME) ? env.HOME : os.userInfo().homedir;
  return { ca, env, home, platform: process.platform, ...extra };
}

/** The stores to act on: the ones asked for, else every store present on this machine. */
export function selectStores(ctx: StoreContext, asked?: readonly StoreName[]): StoreName[] {
  return asked?.length ? [...asked] : STORE_NAMES.filter((n) => STORES[n].present(ctx));
}

/** Installs the CA into `stores`, one after the other (sudo prompts and certutil must not interleave). Idempotent. */
export async function installCa(ctx: StoreContext, stores: readonly StoreName[]): Promise<StoreOutcome[]> {
  const out: StoreOutcome[] = [];
  for (const s of stores) out.push(...(await STORES[s].install(ctx)));
  return out;
}

/** Removes exactly this CA's entries (by fingerprint) from `stores`. Idempotent. */
export async function uninstallCa(ctx: StoreContext, stores: readonly StoreName[]): Promise<StoreOutcome[]> {
  const out: StoreOutcome[] = [];
  for (const s of stores) out.push(...(await STORES[s].uninstall(ctx)));
  return out;
}

/** Which of `stores` (default: all) trust the CA; read-only. */
export function caStatus(ctx: StoreContext, stores: readonly StoreName[] = STORE_NAMES): Promise<StoreStatus[]> {
  return Promise.all(stores.map((s) => STORES[s].status(ctx)));
}

/** True when an outcome is a failure the exit status should report (needs-consent is not: nothing went wrong). */
export function isFailure(o: StoreOutcome): boolean {
  return o.action === 'failed' || o.action === 'unavailable';
}
