import { AgentError } from '../errors/agent-error';

/**
 * A sliding-window count per client (pure, in memory): at most `limit` events in any `windowMs`. Used where an
 * answer is worth probing for (a slip lookup says whether a result is in a locker). In memory on purpose: a
 * restart takes longer than the window it forgets. Bounded: the oldest clients are forgotten beyond `maxKeys`.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one event for `key`; returns 0 if allowed, else how many ms until the next one would be. */
  take(key: string): number {
    const now = this.now();
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return recent[0]! + this.windowMs - now;
    }
    recent.push(now);
    this.hits.delete(key); // re-inserted last: Map order is the eviction order
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
    return 0;
  }

  /**
   * Counts one event for `key`, or refuses it with `429 RATE_LIMITED`: the Vietnamese message (told the seconds to
   * wait) and `details.retryAfterSeconds`. What every throttled route answers.
   */
  takeOrRefuse(key: string, message: (seconds: number) => string): void {
    const waitMs = this.take(key);
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    throw new AgentError('RATE_LIMITED', message(seconds), { facts: { retryAfterSeconds: seconds } });
  }
}
