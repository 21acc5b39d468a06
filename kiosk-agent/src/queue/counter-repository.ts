/**
 * SQL for what counters do to tickets. Every change is guarded by the state it expects (`AND status = …`), so
 * two counters pressing "call" on the same ticket cannot both win, and each change is logged in ticket_events
 * in the same transaction (the lobby display's last calls and the statistics read that log). Callers run these in
 * a transaction (CounterDesk does).
 */
import type { SqlExecutor } from '../store/store-port';
import { toTicketRow, type RawTicketRow, type TicketRow } from './ticket-row';

export type TicketAction = 'call' | 'recall' | 'serve' | 'finish' | 'no-show' | 'transfer' | 'park';

/** A ticket a counter parked today (tickets_parked index: day, counter_id where parked). */
export interface ParkedRow {
  id: string;
  number: string;
  serviceId: string;
  parkedAtMs: number;
}

/**
 * A call the lobby display still shows: no park at the same counter came after it (a parked ticket leaves its
 * counter's tile empty until the counter calls again, the parked ticket or another).
 */
const NOT_PARKED_SINCE = `NOT EXISTS (SELECT 1 FROM ticket_events p WHERE p.day = e.day AND p.counter_id = e.counter_id AND p.action = 'park' AND p.id > e.id)`;

export interface RecentCall {
  ticketId: string;
  number: string;
  counterId: string;
  serviceId: string;
  atMs: number;
  recall: boolean;
}

export class CounterRepository {
  constructor(
    private readonly q: SqlExecutor,
    /** The officer whose actions these are (their account's id), recorded with each event; null for a machine. */
    private readonly by: number | null = null,
  ) {}

  /** The same statements inside an open transaction, on behalf of the officer `by`. */
  in(tx: SqlExecutor, by: number | null = this.by): CounterRepository {
    return new CounterRepository(tx, by);
  }

  private async log(t: TicketRow, action: TicketAction, at: number, counterId: string | null, detail?: object): Promise<void> {
    await this.q.run('INSERT INTO ticket_events (ticket_id, day, at_ms, action, counter_id, detail, account_id) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      t.id,
      t.day,
      at,
      action,
      counterId,
      detail ? JSON.stringify(detail) : null,
      this.by,
    ]);
  }

  /**
   * Marks a waiting ticket (or a no-show called again, or a parked one called back) called at a counter; false if it
   * was no longer callable. A parked ticket is called back only by the counter that parked it.
   */
  async call(t: TicketRow, counterId: string, at: number, streak: { key: string; value: number } | null): Promise<boolean> {
    const { changes } = await this.q.run(
      `UPDATE tickets SET status = 'called', counter_id = ?, called_at_ms = ?,
         first_called_at_ms = COALESCE(first_called_at_ms, ?), serving_at_ms = NULL, target_counter_id = NULL, recalls = 0, parked_at_ms = NULL
       WHERE id = ? AND (status IN ('waiting', 'no-show') OR (status = 'parked' AND counter_id = ?))`,
      [counterId, at, at, t.id, counterId],
    );
    if (changes !== 1) return false;
    if (streak) {
      await this.q.run(
        `INSERT INTO queue_state (day, service_id, priority_streak) VALUES (?, ?, ?)
         ON CONFLICT (day, service_id) DO UPDATE SET priority_streak = excluded.priority_streak`,
        [t.day, streak.key, streak.value],
      );
    }
    await this.log(t, 'call', at, counterId);
    return true;
  }

  async recall(t: TicketRow, at: number): Promise<boolean> {
    const { changes } = await this.q.run(`UPDATE tickets SET recalls = recalls + 1, called_at_ms = ? WHERE id = ? AND status = 'called'`, [at, t.id]);
    return this.guarded(changes, () => this.log(t, 'recall', at, t.counterId));
  }

  async serve(t: TicketRow, at: number): Promise<boolean> {
    const { changes } = await this.q.run(`UPDATE tickets SET status = 'serving', serving_at_ms = ? WHERE id = ? AND status = 'called'`, [at, t.id]);
    return this.guarded(changes, () => this.log(t, 'serve', at, t.counterId));
  }

  /** Finishing straight from "called" (staff skipped "start") counts the service from the call. */
  async finish(t: TicketRow, at: number, dossierCode: string | null = null): Promise<boolean> {
    const { changes } = await this.q.run(
      `UPDATE tickets SET status = 'done', serving_at_ms = COALESCE(serving_at_ms, called_at_ms), done_at_ms = ?, dossier_code = COALESCE(?, dossier_code)
       WHERE id = ? AND status IN ('called', 'serving')`,
      [at, dossierCode, t.id],
    );
    return this.guarded(changes, () => this.log(t, 'finish', at, t.counterId));
  }

  async noShow(t: TicketRow, at: number): Promise<boolean> {
    const { changes } = await this.q.run(`UPDATE tickets SET status = 'no-show', done_at_ms = ? WHERE id = ? AND status = 'called'`, [at, t.id]);
    return this.guarded(changes, () => this.log(t, 'no-show', at, t.counterId));
  }

  /**
   * Sets aside the ticket a counter is calling or serving (the citizen went to fetch a paper): it keeps its counter,
   * waits in no queue, and the counter is free. Serving time restarts when it is called back.
   */
  async park(t: TicketRow, counterId: string, at: number): Promise<boolean> {
    const { changes } = await this.q.run(
      `UPDATE tickets SET status = 'parked', parked_at_ms = ? WHERE id = ? AND status IN ('called', 'serving') AND counter_id = ?`,
      [at, t.id, counterId],
    );
    return this.guarded(changes, () => this.log(t, 'park', at, counterId));
  }

  /** The day's tickets a counter parked, oldest first. */
  parked(counterId: string, day: string): Promise<ParkedRow[]> {
    return this.q.all<ParkedRow>(
      `SELECT id, number, service_id AS "serviceId", parked_at_ms AS "parkedAtMs" FROM tickets
       WHERE day = ? AND counter_id = ? AND status = 'parked' ORDER BY parked_at_ms, seq`,
      [day, counterId],
    );
  }

  async transfer(t: TicketRow, to: { queueServiceId: string; targetCounterId: string | null; keyMs: number }, at: number, byCounterId: string): Promise<boolean> {
    const { changes } = await this.q.run(
      `UPDATE tickets SET status = 'waiting', counter_id = NULL, called_at_ms = NULL, serving_at_ms = NULL,
         queue_service_id = ?, target_counter_id = ?, queue_key_ms = ?
       WHERE id = ? AND status IN ('waiting', 'called', 'serving')`,
      [to.queueServiceId, to.targetCounterId, to.keyMs, t.id],
    );
    return this.guarded(changes, () =>
      this.log(t, 'transfer', at, byCounterId, { fromServiceId: t.queueServiceId, toServiceId: to.queueServiceId, toCounterId: to.targetCounterId }),
    );
  }

  /** The ticket a counter is calling or serving now, if any. */
  async current(counterId: string, day: string): Promise<TicketRow | undefined> {
    const r = await this.q.get<RawTicketRow>(
      `SELECT * FROM tickets WHERE counter_id = ? AND day = ? AND status IN ('called', 'serving') ORDER BY called_at_ms DESC LIMIT 1`,
      [counterId, day],
    );
    return r ? toTicketRow(r) : undefined;
  }

  /** The day's latest calls, newest first (none a counter has parked since). */
  recentCalls(day: string, limit: number): Promise<RecentCall[]> {
    return this.calls(`e.day = ? AND e.action IN ('call', 'recall') AND ${NOT_PARKED_SINCE} ORDER BY e.at_ms DESC, e.id DESC LIMIT ?`, [day, limit]);
  }

  /**
   * Each counter's latest call of the day (however long ago), newest first: what the lobby display's tiles show. A
   * counter that parked a ticket after its latest call has none.
   */
  latestCallPerCounter(day: string): Promise<RecentCall[]> {
    return this.calls(
      `e.id IN (SELECT MAX(id) FROM ticket_events WHERE day = ? AND action IN ('call', 'recall') GROUP BY counter_id) AND ${NOT_PARKED_SINCE}
       ORDER BY e.at_ms DESC, e.id DESC`,
      [day],
    );
  }

  private async calls(where: string, params: (string | number)[]): Promise<RecentCall[]> {
    const rows = await this.q.all<Omit<RecentCall, 'recall'> & { recall: number }>(
      `SELECT e.ticket_id AS "ticketId", t.number, e.counter_id AS "counterId", t.queue_service_id AS "serviceId", e.at_ms AS "atMs",
              CASE WHEN e.action = 'recall' THEN 1 ELSE 0 END AS recall
       FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
       WHERE ${where}`,
      params,
    );
    return rows.map((r) => ({ ...r, recall: r.recall === 1 }));
  }

  private async guarded(changes: number, onChanged: () => Promise<void>): Promise<boolean> {
    if (changes !== 1) return false;
    await onChanged();
    return true;
  }
}
