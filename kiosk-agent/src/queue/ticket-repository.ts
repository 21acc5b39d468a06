/**
 * SQL for issuing tickets and reading queues. Numbers are allocated and the ticket inserted in one transaction.
 * What counters do to tickets (call, recall, transfer…) is in counter-repository.ts.
 */
import { randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/sqlite';
import type { PriorityCategory } from '../../../shared/api-schemas';
import { formatTicketNumber } from '../../../shared/ticket-number';
import { streakKey, toTicketRow, type QueueGroup, type RawTicketRow, type TicketRow } from './ticket-row';

export type { TicketRow } from './ticket-row';

/** Ticket ids go into a public QR (/track/:id): unguessable, short enough for a small QR. */
export function newTicketId(): string {
  return `t${randomBytes(10).toString('base64url')}`;
}

/** The same statement for a service's shared queue and for a counter's own queue. */
function perGroup(db: Db, sql: (where: string) => string): Record<QueueGroup['kind'], Statement> {
  return {
    service: db.prepare(sql('queue_service_id = @key AND target_counter_id IS NULL')),
    counter: db.prepare(sql('target_counter_id = @key')),
  };
}

const groupKey = (g: QueueGroup): string => (g.kind === 'service' ? g.serviceId : g.counterId);

export class TicketRepository {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      nextSeq: db.prepare(
        `INSERT INTO daily_sequences (day, service_id, last_seq) VALUES (?, ?, 1)
         ON CONFLICT (day, service_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
      ),
      insert: db.prepare(
        `INSERT INTO tickets (id, day, service_id, queue_service_id, queue_key_ms, seq, number, priority, status, issued_at_ms)
         VALUES (@id, @day, @serviceId, @serviceId, @issuedAtMs, @seq, @number, @priority, 'waiting', @issuedAtMs)`,
      ),
      byId: db.prepare('SELECT * FROM tickets WHERE id = ?'),
      byNumber: db.prepare('SELECT * FROM tickets WHERE day = ? AND number = ? ORDER BY issued_at_ms DESC LIMIT 1'),
      head: perGroup(
        db,
        (w) => `SELECT * FROM tickets WHERE day = @day AND status = 'waiting' AND ${w} AND (priority IS NOT NULL) = @isPriority
                ORDER BY queue_key_ms, seq LIMIT 1`,
      ),
      sameClassBefore: perGroup(
        db,
        (w) => `SELECT COUNT(*) FROM tickets WHERE day = @day AND status = 'waiting' AND ${w}
                AND (priority IS NOT NULL) = @isPriority AND (queue_key_ms < @keyMs OR (queue_key_ms = @keyMs AND seq < @seq))`,
      ),
      otherClassWaiting: perGroup(
        db,
        (w) => `SELECT COUNT(*) FROM tickets WHERE day = @day AND status = 'waiting' AND ${w} AND (priority IS NOT NULL) != @isPriority`,
      ),
      frontKey: perGroup(db, (w) => `SELECT MIN(queue_key_ms) FROM tickets WHERE day = @day AND status = 'waiting' AND ${w}`),
      waitingCount: db.prepare(
        `SELECT queue_service_id AS serviceId, COUNT(*) AS n, SUM(priority IS NOT NULL) AS p
         FROM tickets WHERE day = ? AND status = 'waiting' GROUP BY queue_service_id`,
      ),
      waitingForCounter: db.prepare(`SELECT COUNT(*) FROM tickets WHERE day = ? AND status = 'waiting' AND target_counter_id = ?`).pluck(),
      streak: db.prepare('SELECT priority_streak FROM queue_state WHERE day = ? AND service_id = ?').pluck(),
      markPrinted: db.prepare('UPDATE tickets SET printed = ?, print_error = ? WHERE id = ?'),
      recentDurations: db
        .prepare(
          `SELECT done_at_ms - serving_at_ms FROM tickets
           WHERE queue_service_id = ? AND status = 'done' AND serving_at_ms IS NOT NULL AND done_at_ms >= ?
           ORDER BY done_at_ms DESC LIMIT 30`,
        )
        .pluck(),
    };
  }

  /** Allocates the next number for (day, service) and inserts the ticket atomically. */
  readonly issue = (input: { day: string; serviceId: string; prefix: string; priority: PriorityCategory | null; issuedAtMs: number }): TicketRow =>
    this.db.transaction(() => {
      const seq = this.stmts.nextSeq.pluck().get(input.day, input.serviceId) as number;
      const row = {
        id: newTicketId(),
        day: input.day,
        serviceId: input.serviceId,
        seq,
        number: formatTicketNumber(input.prefix, seq),
        priority: input.priority,
        issuedAtMs: input.issuedAtMs,
      };
      this.stmts.insert.run(row);
      return this.get(row.id)!;
    }).immediate();

  get(id: string): TicketRow | undefined {
    const r = this.stmts.byId.get(id) as RawTicketRow | undefined;
    return r ? toTicketRow(r) : undefined;
  }

  /** Today's ticket with this number (staff type "A012" to call a particular person). */
  byNumber(day: string, number: string): TicketRow | undefined {
    const r = this.stmts.byNumber.get(day, number) as RawTicketRow | undefined;
    return r ? toTicketRow(r) : undefined;
  }

  /** The first waiting ticket of one class (priority or normal) in a queue. */
  head(day: string, group: QueueGroup, isPriority: boolean): TicketRow | undefined {
    const r = this.stmts.head[group.kind].get({ day, key: groupKey(group), isPriority: isPriority ? 1 : 0 }) as RawTicketRow | undefined;
    return r ? toTicketRow(r) : undefined;
  }

  /** What a position needs: own-class tickets that come earlier in the queue, and the other class's waiting tickets. */
  queueCounts(t: TicketRow, group: QueueGroup): { sameClassBefore: number; otherClassWaiting: number } {
    const base = { day: t.day, key: groupKey(group), isPriority: t.priority !== null ? 1 : 0 };
    return {
      sameClassBefore: this.stmts.sameClassBefore[group.kind].pluck().get({ ...base, keyMs: t.queueKeyMs, seq: t.seq }) as number,
      otherClassWaiting: this.stmts.otherClassWaiting[group.kind].pluck().get(base) as number,
    };
  }

  /** The smallest queue key among the waiting tickets of a queue (a transfer "to the front" goes before it). */
  frontKey(day: string, group: QueueGroup): number | null {
    return (this.stmts.frontKey[group.kind].pluck().get({ day, key: groupKey(group) }) as number | null) ?? null;
  }

  /** Waiting tickets per service queue (tickets sent to one counter included), and how many are priority. */
  waitingCounts(day: string): Map<string, { total: number; priority: number }> {
    const rows = this.stmts.waitingCount.all(day) as { serviceId: string; n: number; p: number }[];
    return new Map(rows.map((r) => [r.serviceId, { total: r.n, priority: r.p }]));
  }

  waitingForCounter(day: string, counterId: string): number {
    return this.stmts.waitingForCounter.get(day, counterId) as number;
  }

  streak(day: string, group: QueueGroup): number {
    return (this.stmts.streak.get(day, streakKey(group)) as number | undefined) ?? 0;
  }

  markPrinted(id: string, printed: boolean, printError: string | null): void {
    this.stmts.markPrinted.run(printed ? 1 : 0, printError, id);
  }

  recentServiceDurations(serviceId: string, sinceMs: number): number[] {
    return this.stmts.recentDurations.all(serviceId, sinceMs) as number[];
  }

  runInTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
