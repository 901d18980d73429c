// One deadline per check. Every step (DNS, TCP connect, proxy CONNECT, handshake, the TLS 1.3 read after it, each
// store's handshake, the AIA fetch) gets what is left of it as a hard budget, never a fresh `--timeout` of its own:
// a server (or an issuer URL, or a proxy) that dribbles a byte a second resets an idle timer forever, and five steps
// with five full budgets made `check --timeout 800` run for seconds.

/** When a check must be over, on the performance.now() clock. */
export class Deadline {
  private readonly at: number;

  constructor(
    readonly budgetMs: number,
    now = performance.now(),
  ) {
    this.at = now + budgetMs;
  }

  /** Milliseconds left, at least 1 (a step given 0 would still start; 1 ms makes it fail at once, as a timeout). */
  remaining(): number {
    return Math.max(1, Math.ceil(this.at - performance.now()));
  }

  /** True once the deadline has passed. */
  get expired(): boolean {
    return performance.now() >= this.at;
  }
}
