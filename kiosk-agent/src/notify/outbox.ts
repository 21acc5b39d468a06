/**
 * A durable outbox: work that must reach another system (a notification now; report-backs to the one-stop system
 * later) is written in the same store as the change that caused it, then delivered by a worker that retries with
 * backoff (5 s doubling to 5 min) until the handler succeeds — across restarts. A delivered payload that held a
 * secret (the pickup code) is redacted once sent.
 */
import type { Db } from '../store/sqlite';

export interface OutboxItem {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
}

export type OutboxHandler = (item: OutboxItem) => Promise<void>;

export class Outbox {
  private readonly s;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;

  constructor(
    db: Db,
    private readonly now: () => number,
    private readonly handlers: Record<string, OutboxHandler>,
    private readonly options: { pollMs?: number; minBackoffMs?: number; maxBackoffMs?: number; log?: { warn(obj: object, msg: string): void } } = {},
  ) {
    this.s = {
      add: db.prepare('INSERT INTO outbox (kind, payload, next_attempt_ms, created_at_ms) VALUES (?, ?, ?, ?)'),
      due: db.prepare('SELECT id, kind, payload, attempts FROM outbox WHERE done_at_ms IS NULL AND next_attempt_ms <= ? ORDER BY id LIMIT 20'),
      done: db.prepare(`UPDATE outbox SET done_at_ms = ?, attempts = attempts + 1, last_error = NULL, payload = ? WHERE id = ?`),
      retry: db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ?, last_error = ? WHERE id = ?'),
      pending: db.prepare('SELECT COUNT(*) FROM outbox WHERE done_at_ms IS NULL').pluck(),
    };
  }

  /** Adds an item; call inside the transaction that made the change it reports. */
  add(kind: string, payload: unknown): void {
    const now = this.now();
    this.s.add.run(kind, JSON.stringify(payload), now, now);
  }

  pendingCount(): number {
    return this.s.pending.get() as number;
  }

  /** Delivers every item that is due; returns how many succeeded. */
  async flush(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let delivered = 0;
    try {
      const rows = this.s.due.all(this.now()) as { id: number; kind: string; payload: string; attempts: number }[];
      for (const row of rows) {
        const payload = JSON.parse(row.payload) as Record<string, unknown>;
        const handler = this.handlers[row.kind];
        try {
          if (!handler) throw new Error(`no handler for outbox kind "${row.kind}"`);
          await handler({ id: row.id, kind: row.kind, payload, attempts: row.attempts });
          const redacted = 'text' in payload ? { ...payload, text: '[delivered; redacted]' } : payload;
          this.s.done.run(this.now(), JSON.stringify(redacted), row.id);
          delivered += 1;
        } catch (err) {
          const min = this.options.minBackoffMs ?? 5000;
          const backoff = Math.min(min * 2 ** row.attempts, this.options.maxBackoffMs ?? 300_000);
          this.s.retry.run(this.now() + backoff, (err as Error).message.slice(0, 500), row.id);
          this.options.log?.warn({ id: row.id, kind: row.kind, attempts: row.attempts + 1, err: (err as Error).message }, 'outbox delivery failed; will retry');
        }
      }
    } finally {
      this.running = false;
    }
    return delivered;
  }

  start(): void {
    const tick = (): void => {
      if (this.stopped) return;
      void this.flush().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs ?? 1000);
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
  }
}
