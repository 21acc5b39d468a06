/**
 * SQL for what counters do to tickets. Every change is guarded by the state it expects (`AND status = …`), so
 * two counters pressing "call" on the same ticket cannot both win, and each change is logged in ticket_events
 * in the same transaction (the lobby display's last calls and the statistics read that log).
 */
import type { Db } from '../store/sqlite';
import { toTicketRow, type RawTicketRow, type TicketRow } from './ticket-row';

export type TicketAction = 'call' | 'recall' | 'serve' | 'finish' | 'no-show' | 'transfer';

export interface RecentCall {
  ticketId: string;
  number: string;
  counterId: string;
  serviceId: string;
  atMs: number;
  recall: boolean;
}

export class CounterRepository {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      call: db.prepare(
        `UPDATE tickets SET status = 'called', counter_id = @counterId, called_at_ms = @at,
           first_called_at_ms = COALESCE(first_called_at_ms, @at), serving_at_ms = NULL, target_counter_id = NULL
         WHERE id = @id AND status IN ('waiting', 'no-show')`,
      ),
      setStreak: db.prepare(
        `INSERT INTO queue_state (day, service_id, priority_streak) VALUES (?, ?, ?)
         ON CONFLICT (day, service_id) DO UPDATE SET priority_streak = excluded.priority_streak`,
      ),
      recall: db.prepare(`UPDATE tickets SET recalls = recalls + 1, called_at_ms = @at WHERE id = @id AND status = 'called'`),
      serve: db.prepare(`UPDATE tickets SET status = 'serving', serving_at_ms = @at WHERE id = @id AND status = 'called'`),
      // Finishing straight from "called" (staff skipped "start") counts the service from the call.
      finish: db.prepare(
        `UPDATE tickets SET status = 'done', serving_at_ms = COALESCE(serving_at_ms, called_at_ms), done_at_ms = @at
         WHERE id = @id AND status IN ('called', 'serving')`,
      ),
      noShow: db.prepare(`UPDATE tickets SET status = 'no-show', done_at_ms = @at WHERE id = @id AND status = 'called'`),
      transfer: db.prepare(
        `UPDATE tickets SET status = 'waiting', counter_id = NULL, called_at_ms = NULL, serving_at_ms = NULL,
           queue_service_id = @queueServiceId, target_counter_id = @targetCounterId, queue_key_ms = @keyMs
         WHERE id = @id AND status IN ('waiting', 'called', 'serving')`,
      ),
      log: db.prepare(
        `INSERT INTO ticket_events (ticket_id, day, at_ms, action, counter_id, detail) VALUES (@id, @day, @at, @action, @counterId, @detail)`,
      ),
      current: db.prepare(
        `SELECT * FROM tickets WHERE counter_id = ? AND day = ? AND status IN ('called', 'serving') ORDER BY called_at_ms DESC LIMIT 1`,
      ),
      recentCalls: db.prepare(
        `SELECT e.ticket_id AS ticketId, t.number, e.counter_id AS counterId, t.queue_service_id AS serviceId, e.at_ms AS atMs,
                e.action = 'recall' AS recall
         FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
         WHERE e.day = ? AND e.action IN ('call', 'recall') ORDER BY e.at_ms DESC, e.id DESC LIMIT ?`,
      ),
    };
  }

  private log(t: TicketRow, action: TicketAction, at: number, counterId: string | null, detail?: object): void {
    this.s.log.run({ id: t.id, day: t.day, at, action, counterId, detail: detail ? JSON.stringify(detail) : null });
  }

  /** Marks a waiting (or no-show, called again) ticket called at a counter; false if it was no longer callable. */
  call(t: TicketRow, counterId: string, at: number, streak: { key: string; value: number } | null): boolean {
    if (this.s.call.run({ id: t.id, counterId, at }).changes !== 1) return false;
    if (streak) this.s.setStreak.run(t.day, streak.key, streak.value);
    this.log(t, 'call', at, counterId);
    return true;
  }

  recall(t: TicketRow, at: number): boolean {
    return this.guarded(this.s.recall.run({ id: t.id, at }).changes, () => this.log(t, 'recall', at, t.counterId));
  }

  serve(t: TicketRow, at: number): boolean {
    return this.guarded(this.s.serve.run({ id: t.id, at }).changes, () => this.log(t, 'serve', at, t.counterId));
  }

  finish(t: TicketRow, at: number): boolean {
    return this.guarded(this.s.finish.run({ id: t.id, at }).changes, () => this.log(t, 'finish', at, t.counterId));
  }

  noShow(t: TicketRow, at: number): boolean {
    return this.guarded(this.s.noShow.run({ id: t.id, at }).changes, () => this.log(t, 'no-show', at, t.counterId));
  }

  transfer(t: TicketRow, to: { queueServiceId: string; targetCounterId: string | null; keyMs: number }, at: number, byCounterId: string): boolean {
    const changes = this.s.transfer.run({ id: t.id, ...to }).changes;
    return this.guarded(changes, () =>
      this.log(t, 'transfer', at, byCounterId, { fromServiceId: t.queueServiceId, toServiceId: to.queueServiceId, toCounterId: to.targetCounterId }),
    );
  }

  /** The ticket a counter is calling or serving now, if any. */
  current(counterId: string, day: string): TicketRow | undefined {
    const r = this.s.current.get(counterId, day) as RawTicketRow | undefined;
    return r ? toTicketRow(r) : undefined;
  }

  recentCalls(day: string, limit: number): RecentCall[] {
    return (this.s.recentCalls.all(day, limit) as (Omit<RecentCall, 'recall'> & { recall: number })[]).map((r) => ({ ...r, recall: r.recall === 1 }));
  }

  private guarded(changes: number, onChanged: () => void): boolean {
    if (changes !== 1) return false;
    onChanged();
    return true;
  }
}
