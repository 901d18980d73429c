// Groups a stream of items into batches by time: the first item that `matters` goes out at once (the first problem
// appears as soon as it is found, even after skips), later ones at most every `intervalMs`, an interval that doubles
// after each batch holding such items, up to `maxIntervalMs` (the first problems stream in quickly; a long scan does
// not pay a diagnostics update, in the extension host and in the window, every 100 ms). Pure (no vscode): the scan
// worker batches what it posts to the extension host with it, and unit tests drive it with a fake clock.

/** Collects items and hands them to `emit` in batches; see the file comment. */
export class Batcher<T> {
  private items: T[] = [];
  private last = Number.NEGATIVE_INFINITY;
  private emitted = false;
  private interval: number;

  constructor(
    private readonly emit: (items: T[]) => void,
    intervalMs = 100,
    private readonly now: () => number = Date.now,
    private readonly maxIntervalMs = intervalMs,
    /** Items the receiver shows (findings); others (skips) ride along with them. Default: every item. */
    private readonly matters: (item: T) => boolean = () => true,
  ) {
    this.interval = intervalMs;
  }

  /** Adds one item; emits when it is the very first one that matters or the interval has passed. */
  push(item: T): void {
    this.items.push(item);
    if (!this.emitted && this.matters(item)) this.flush();
    else this.tick();
  }

  /** Emits what is pending (possibly nothing, so the receiver hears progress) once the interval has passed. */
  tick(): void {
    const t = this.now();
    if (t - this.last >= this.interval) this.flush(t);
  }

  /** Emits what is pending now (the end of a stream). */
  flush(t = this.now()): void {
    const out = this.items;
    this.items = [];
    this.last = t;
    if (out.some(this.matters)) {
      // Not after the very first one: the second batch follows it within the first interval.
      if (this.emitted) this.interval = Math.min(this.maxIntervalMs, this.interval * 2);
      this.emitted = true;
    }
    this.emit(out);
  }
}
