// What the "Install / Uninstall Development CA…" pickers offer and what their result notifications say, as data: the
// extension words it (localised), the rules about which store is ticked and what counts as done live here, tested.
import type { StoreName, StoreOutcome, StoreStatus } from './types';

/** One row of the store picker. */
export interface StoreChoice {
  store: StoreName;
  /** The store exists on this machine (its tool is there, or its database). */
  present: boolean;
  /** At least one of its targets trusts the CA already. */
  trusted: boolean;
  /** Ticked when the picker opens. */
  picked: boolean;
  /** The databases / keystores / bundles it would touch, for the row's detail. */
  targets: string[];
  /** Why it is absent or can't be read (e.g. certutil missing). */
  note?: string;
}

/**
 * The picker rows, in the order of `statuses`. Install ticks every store present (the CLI's default: every store
 * present); uninstall ticks the stores that trust the CA now (removing from the others would do nothing).
 */
export function storeChoices(statuses: readonly StoreStatus[], mode: 'install' | 'uninstall'): StoreChoice[] {
  return statuses.map((s) => ({
    store: s.store,
    present: s.present,
    trusted: s.trusted,
    picked: mode === 'install' ? s.present : s.trusted,
    targets: s.targets.map((t) => t.target).filter(Boolean),
    ...(s.note ? { note: s.note } : {}),
  }));
}

/** What one install/uninstall run amounts to, by store, for one notification. */
export interface OutcomeTally {
  /** Stores where at least one target changed (installed / removed). */
  changed: StoreName[];
  /** Stores where nothing needed doing (already installed / not installed) and nothing changed. */
  unchanged: StoreName[];
  /** Outcomes that failed or whose tool is missing: the error notification lists their messages. */
  failed: StoreOutcome[];
  /** The system store's outcome when it waits for the user's consent (its commands are to be run by the user). */
  needsConsent?: StoreOutcome;
}

/** Sorts outcomes into changed / unchanged / failed / needs-consent (a store counts once, failures win). */
export function tallyOutcomes(outcomes: readonly StoreOutcome[]): OutcomeTally {
  const failed = outcomes.filter((o) => o.action === 'failed' || o.action === 'unavailable');
  const failedStores = new Set(failed.map((o) => o.store));
  const storesWith = (actions: readonly StoreOutcome['action'][]) => [
    ...new Set(outcomes.filter((o) => actions.includes(o.action) && !failedStores.has(o.store)).map((o) => o.store)),
  ];
  const changed = storesWith(['installed', 'removed']);
  const unchanged = storesWith(['already-installed', 'not-installed']).filter((s) => !changed.includes(s));
  const needsConsent = outcomes.find((o) => o.action === 'needs-consent');
  return { changed, unchanged, failed, ...(needsConsent ? { needsConsent } : {}) };
}

/** The stores (by name) that trust the CA and the ones present that don't, for the status notification. */
export function statusTally(statuses: readonly StoreStatus[]): {
  trusted: StoreName[];
  untrusted: StoreName[];
  absent: StoreName[];
} {
  return {
    trusted: statuses.filter((s) => s.trusted).map((s) => s.store),
    untrusted: statuses.filter((s) => s.present && !s.trusted).map((s) => s.store),
    absent: statuses.filter((s) => !s.present && !s.trusted).map((s) => s.store),
  };
}
