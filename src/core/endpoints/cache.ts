// Probe results per host:port with a time-to-live, in-flight de-duplication (ten findings on one endpoint make one
// probe), and a limiter so "Check all" over a big workspace never opens more than a few connections at once.
import { Slots } from '../tls/limit';

/** A cached value and when it was stored (ms since the epoch). */
export interface Cached<T> {
  readonly value: T;
  readonly at: number;
}

/** Per-key results with a TTL. `now` is injectable so tests don't sleep. */
export class ResultCache<T> {
  private readonly entries = new Map<string, Cached<T>>();
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value if it is younger than the TTL. */
  fresh(key: string): T | undefined {
    const e = this.entries.get(key);
    return e && this.now() - e.at < this.ttlMs ? e.value : undefined;
  }

  /** The last value stored, however old (the tree shows it until a new check replaces it). */
  last(key: string): Cached<T> | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): void {
    this.entries.set(key, { value, at: this.now() });
  }

  /** Whether a computation for `key` is under way. */
  pending(key: string): boolean {
    return this.inFlight.has(key);
  }

  /**
   * The fresh value, or the result of `compute` (shared by concurrent callers for the same key). `force` skips the
   * fresh value but still joins a computation already under way. A rejected computation is not cached.
   */
  get(key: string, compute: () => Promise<T>, force = false): Promise<T> {
    const hit = force ? undefined : this.fresh(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const running = this.inFlight.get(key);
    if (running) return running;
    const p = compute()
      .then((v) => {
        this.set(key, v);
        return v;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Runs at most `max` tasks at a time, FIFO: the one implementation is the TLS core's (it also caps sockets). */
export { Slots as Limiter };

/** Maps `items` through `fn` with at most `limit` running at once; results keep the input order. */
export function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const limiter = new Slots(limit);
  return Promise.all(items.map((item, i) => limiter.run(() => fn(item, i))));
}
