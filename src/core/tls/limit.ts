// How many checks and connections run at once, process-wide. Without a cap, 500 concurrent checks at `ulimit -n 1024`
// ran out of file descriptors, and the EMFILE that followed was misread as "connection refused".
/** Checks at once: the one limit the CLI (`scan --probe`) and the extension's endpoint checks share. */
export const MAX_CONCURRENT_CHECKS = 4;
/** Sockets the probe keeps open at once, over every check in the process (repeats × addresses × stores add up). */
export const MAX_CONCURRENT_CONNECTIONS = 64;

/** Runs at most `max` tasks at a time; the rest wait in FIFO order. */
export class Slots {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`Slots needs a positive whole number (got ${max})`);
  }

  /** Tasks running now (at most `max`). */
  get active(): number {
    return this.running;
  }

  /** Tasks waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
    if (this.running >= this.max) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** The shared check limit. Wrap `checkUrl` calls in `checkSlots.run(…)`; never call it from inside a check (a check
 * waiting for a slot its own caller holds would wait forever). */
export const checkSlots = new Slots(MAX_CONCURRENT_CHECKS);

/** The connection limit, taken by every probe (connect.ts) for as long as its socket is open. */
export const connectionSlots = new Slots(MAX_CONCURRENT_CONNECTIONS);
