// What every trust store (system, nss, java) offers, so the CLI and the extension treat them alike.

/** The stores TLS Doctor can install the development CA into. */
export type StoreName = 'system' | 'nss' | 'java';
export const STORE_NAMES: readonly StoreName[] = ['system', 'nss', 'java'];

/** The CA as the stores need it. */
export interface StoreCa {
  certPath: string;
  certPem: string;
  /** SHA-256 hex, upper case, no colons: names our entries so uninstall removes exactly them. */
  sha256: string;
  sha1: string;
  serial: string;
}

/** Where the stores are looked for: HOME-based paths and PATH from `env`, so tests run against a temp HOME. */
export interface StoreContext {
  ca: StoreCa;
  home: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Run commands that need admin rights (sudo). Without it, system-store commands are only returned. */
  consent?: boolean;
  /** Per command (default 30 s). */
  timeoutMs?: number;
  /** Text of /etc/os-release (picks the Linux family's commands); read from disk when undefined. */
  osRelease?: string;
}

/** What one install/uninstall did to one target (one NSS database, one keystore, the OS store). */
export interface StoreOutcome {
  store: StoreName;
  /** The database, keystore or store changed, e.g. `sql:/home/u/.pki/nssdb`. */
  target: string;
  action: 'installed' | 'already-installed' | 'removed' | 'not-installed' | 'needs-consent' | 'failed' | 'unavailable';
  message: string;
  /** Shell commands that do (or did) it, shown to the user (the system store's sudo lines). */
  commands?: string[];
}

/** Whether one target trusts the CA; `trusted` undefined when that can't be told (tool missing, unknown OS). */
export interface TargetStatus {
  target: string;
  trusted: boolean | undefined;
  detail?: string;
}

/** One store's status: whether it exists on this machine and which of its targets trust the CA. */
export interface StoreStatus {
  store: StoreName;
  present: boolean;
  /** True when at least one target trusts the CA. */
  trusted: boolean;
  targets: TargetStatus[];
  /** Why the store is absent or can't be read, e.g. "certutil not found (apt install libnss3-tools)". */
  note?: string;
}

/** One store's implementation (stores/<name>.ts). */
export interface TrustStore {
  name: StoreName;
  /** Whether this machine has the store (used for the default: every store present). */
  present(ctx: StoreContext): boolean;
  install(ctx: StoreContext): Promise<StoreOutcome[]>;
  uninstall(ctx: StoreContext): Promise<StoreOutcome[]>;
  status(ctx: StoreContext): Promise<StoreStatus>;
}

/** The entry name used in NSS and Java stores: fixed prefix + fingerprint, so it is ours and this CA's only. */
export function entryName(ca: StoreCa): string {
  return `tls-doctor-${ca.sha256.slice(0, 16).toLowerCase()}`;
}
