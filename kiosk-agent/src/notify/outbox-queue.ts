/**
 * Writing to the durable outbox (outbox.ts delivers): a message or a report-back is added in the same transaction
 * as the change that caused it, so it exists exactly when that change does. A message carrying a pickup code names
 * its dossier (`expiresWith`); `expire` voids it with the code, text redacted, never sent late.
 */
import { pluck, type SqlExecutor } from '../store/store-port';

export const REDACTED_EXPIRED = '[expired with its pickup code; not sent]';

export class OutboxQueue {
  constructor(
    private readonly q: SqlExecutor,
    private readonly now: () => number,
  ) {}

  async add(kind: string, payload: unknown, options: { expiresWith?: string } = {}): Promise<void> {
    const now = this.now();
    await this.q.run('INSERT INTO outbox (kind, payload, next_attempt_ms, created_at_ms, expires_with) VALUES (?, ?, ?, ?, ?)', [
      kind,
      JSON.stringify(payload),
      now,
      now,
      options.expiresWith ?? null,
    ]);
  }

  /** Voids every undelivered message tied to this dossier's pickup code; returns how many. */
  async expire(dossierCode: string): Promise<number> {
    // Rewritten here rather than with a JSON function: SQLite and PostgreSQL spell those differently.
    const rows = await this.q.all<{ id: number; payload: string }>('SELECT id, payload FROM outbox WHERE expires_with = ? AND done_at_ms IS NULL', [dossierCode]);
    let expired = 0;
    for (const row of rows) {
      let redacted: string;
      try {
        redacted = JSON.stringify({ ...(JSON.parse(row.payload) as object), text: REDACTED_EXPIRED });
      } catch {
        redacted = JSON.stringify({ text: REDACTED_EXPIRED });
      }
      const { changes } = await this.q.run(`UPDATE outbox SET done_at_ms = ?, last_error = 'expired', payload = ? WHERE id = ? AND done_at_ms IS NULL`, [
        this.now(),
        redacted,
        row.id,
      ]);
      expired += changes;
    }
    return expired;
  }

  /**
   * What has not been delivered yet and since when (the metrics and the stuck-outbox alert): one aggregate over the
   * `outbox_due` partial index, cheap enough for every scrape.
   */
  async backlog(): Promise<{ pending: number; oldestCreatedMs: number | null }> {
    const row = await this.q.get<{ n: number | string; oldest: number | string | null }>('SELECT COUNT(*) AS n, MIN(created_at_ms) AS oldest FROM outbox WHERE done_at_ms IS NULL');
    return { pending: Number(row?.n ?? 0), oldestCreatedMs: row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest) };
  }

  async pendingCount(): Promise<number> {
    return Number((await pluck<number>(this.q, 'SELECT COUNT(*) AS n FROM outbox WHERE done_at_ms IS NULL')) ?? 0);
  }
}
