/**
 * A durable outbox: work that must reach another system (notifications; report-backs to the one-stop system) is
 * written in the same store as the change that caused it, then delivered by a worker that retries with backoff
 * (5 s doubling to 5 min) until the handler succeeds — across restarts. A delivered payload that held a secret (the
 * pickup code) is redacted once sent; an undelivered one expires with its code (`expire`), so a code that no longer
 * opens anything is never sent late and never kept.
 *
 * The worker never dies: a store that cannot be written (disk full, read-only) is reported and the worker backs
 * off (up to a minute) and tries again; the messages wait in the store.
 *
 * Several agents of a centre may run this worker on one shared store: a row is claimed by a conditional update
 * (still due, not delivered) before it is sent, so exactly one agent's claim changes it and only that agent sends it;
 * the others see zero rows changed and move on, as `FOR UPDATE SKIP LOCKED` would have them.
 */
import type { SqlStore } from '../store/store-port';
import { OutboxQueue } from './outbox-queue';

export interface OutboxItem {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
}

/** Delivers one item; `signal` aborts it when the agent stops (the item was claimed and is sent again later). */
export type OutboxHandler = (item: OutboxItem, signal: AbortSignal) => Promise<void>;

export interface OutboxOptions {
  pollMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /**
   * The longest one delivery can take (the gateway's and the one-stop system's timeouts): a claimed row is not due
   * again before it has passed, so on a shared store no other agent sends it while this one is still sending.
   */
  leaseMs?: number;
  log?: { warn(obj: object, msg: string): void };
  /** A failure of the worker itself (the store), not of a delivery. */
  onWorkerError?: (err: unknown) => void;
}

const REDACTED_DELIVERED = '[delivered; redacted]';

export class Outbox {
  /** Adding and voiding messages outside a transaction (inside one, build an OutboxQueue on it). */
  readonly queue: OutboxQueue;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  private workerDelayMs: number;
  /** Aborts a delivery in flight on stop: SIGTERM must not wait out a gateway's timeout. */
  private readonly stopping = new AbortController();

  constructor(
    private readonly store: SqlStore,
    private readonly now: () => number,
    private readonly handlers: Record<string, OutboxHandler>,
    private readonly options: OutboxOptions = {},
  ) {
    this.workerDelayMs = options.pollMs ?? 1000;
    this.queue = new OutboxQueue(store, now);
  }

  pendingCount(): Promise<number> {
    return this.queue.pendingCount();
  }

  async flush(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let delivered = 0;
    try {
      const rows = await this.store.all<{ id: number; kind: string; payload: string; attempts: number }>(
        'SELECT id, kind, payload, attempts FROM outbox WHERE done_at_ms IS NULL AND next_attempt_ms <= ? ORDER BY id LIMIT 20',
        [this.now()],
      );
      for (const row of rows) {
        if (this.stopped) break;
        let payload: Record<string, unknown>;
        try {
          payload = JSON.parse(row.payload) as Record<string, unknown>;
        } catch {
          // Never deliverable: set aside (not retried) so it cannot hold up the messages behind it.
          await this.store.run(`UPDATE outbox SET done_at_ms = ?, last_error = 'unreadable payload' WHERE id = ?`, [this.now(), row.id]);
          this.options.log?.warn({ id: row.id, kind: row.kind }, 'outbox item with an unreadable payload set aside');
          continue;
        }
        const handler = this.handlers[row.kind];
        const min = this.options.minBackoffMs ?? 5000;
        const backoff = Math.min(min * 2 ** row.attempts, this.options.maxBackoffMs ?? 300_000);
        // Claimed before it is sent: the attempt and the next try are written first, so a store that cannot take that
        // write sends nothing, one that fails after the send does not send it again at every tick, and of several
        // agents only the one whose claim changed the row sends it. Zero rows: expired meanwhile, or another agent's.
        const now = this.now();
        const claim = await this.store.run(
          'UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ? WHERE id = ? AND done_at_ms IS NULL AND next_attempt_ms <= ? AND attempts = ?',
          [now + Math.max(backoff, this.options.leaseMs ?? 0), row.id, now, row.attempts],
        );
        if (claim.changes === 0) continue;
        let failure: unknown;
        try {
          if (!handler) throw new Error(`no handler for outbox kind "${row.kind}"`);
          await handler({ id: row.id, kind: row.kind, payload, attempts: row.attempts }, this.stopping.signal);
        } catch (err) {
          failure = err;
        }
        if (failure === undefined) {
          const redacted = 'text' in payload ? { ...payload, text: REDACTED_DELIVERED } : payload;
          await this.store.run('UPDATE outbox SET done_at_ms = ?, last_error = NULL, payload = ? WHERE id = ? AND done_at_ms IS NULL', [
            this.now(),
            JSON.stringify(redacted),
            row.id,
          ]);
          delivered += 1;
        } else {
          // The next try after the backoff (the claim held it for the whole lease).
          await this.store.run('UPDATE outbox SET last_error = ?, next_attempt_ms = ? WHERE id = ? AND done_at_ms IS NULL', [
            (failure as Error).message.slice(0, 500),
            this.now() + backoff,
            row.id,
          ]);
          this.options.log?.warn({ id: row.id, kind: row.kind, attempts: row.attempts + 1, err: (failure as Error).message }, 'outbox delivery failed; will retry');
        }
      }
    } finally {
      this.running = false;
    }
    return delivered;
  }

  /** Delivers now, for callers that must not wait for the next poll; never rejects. */
  flushSoon(): void {
    this.flush().catch((err: unknown) => this.options.onWorkerError?.(err));
  }

  /** The store takes writes again: forget the worker's backoff and deliver now. */
  wake(): void {
    this.workerDelayMs = this.options.pollMs ?? 1000;
    // One worker chain only: if it is waiting, it runs now; if it is delivering, it goes on at the normal pace.
    if (this.stopped || !this.tick || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(this.tick, 0);
  }

  private tick: (() => void) | undefined;

  start(): void {
    const pollMs = this.options.pollMs ?? 1000;
    const tick = (): void => {
      this.timer = undefined;
      if (this.stopped) return;
      this.flush().then(
        () => {
          this.workerDelayMs = pollMs;
        },
        (err: unknown) => {
          // The store, not a gateway: say so, wait longer each time (up to a minute), keep the worker alive.
          this.options.onWorkerError?.(err);
          this.workerDelayMs = Math.min(Math.max(this.workerDelayMs * 2, pollMs), 60_000);
        },
      ).finally(() => {
        this.timer = this.stopped ? undefined : setTimeout(tick, this.workerDelayMs);
      });
    };
    this.tick = tick;
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
  }
}
