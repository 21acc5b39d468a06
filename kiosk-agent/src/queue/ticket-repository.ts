/** SQL for tickets and the per-day sequences. Numbers are allocated and the ticket inserted in one transaction. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../store/sqlite';
import type { PriorityCategory, TicketStatus } from '../../../shared/api-schemas';
import { formatTicketNumber } from '../../../shared/ticket-number';

export interface TicketRow {
  id: string;
  day: string;
  serviceId: string;
  seq: number;
  number: string;
  priority: PriorityCategory | null;
  status: TicketStatus;
  issuedAtMs: number;
  counterId: string | null;
  calledAtMs: number | null;
  servingAtMs: number | null;
  doneAtMs: number | null;
  printed: boolean;
  printError: string | null;
}

interface RawTicketRow {
  id: string;
  day: string;
  service_id: string;
  seq: number;
  number: string;
  priority: string | null;
  status: string;
  issued_at_ms: number;
  counter_id: string | null;
  called_at_ms: number | null;
  serving_at_ms: number | null;
  done_at_ms: number | null;
  printed: number;
  print_error: string | null;
}

function toRow(r: RawTicketRow): TicketRow {
  return {
    id: r.id,
    day: r.day,
    serviceId: r.service_id,
    seq: r.seq,
    number: r.number,
    priority: r.priority as PriorityCategory | null,
    status: r.status as TicketStatus,
    issuedAtMs: r.issued_at_ms,
    counterId: r.counter_id,
    calledAtMs: r.called_at_ms,
    servingAtMs: r.serving_at_ms,
    doneAtMs: r.done_at_ms,
    printed: r.printed === 1,
    printError: r.print_error,
  };
}

/** Ticket ids go into a public QR (/track/:id): unguessable, short enough for a small QR. */
export function newTicketId(): string {
  return `t${randomBytes(10).toString('base64url')}`;
}

export class TicketRepository {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      nextSeq: db.prepare(
        `INSERT INTO daily_sequences (day, service_id, last_seq) VALUES (?, ?, 1)
         ON CONFLICT (day, service_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
      ),
      insert: db.prepare(
        `INSERT INTO tickets (id, day, service_id, seq, number, priority, status, issued_at_ms)
         VALUES (@id, @day, @serviceId, @seq, @number, @priority, 'waiting', @issuedAtMs)`,
      ),
      byId: db.prepare('SELECT * FROM tickets WHERE id = ?'),
      waiting: db.prepare(`SELECT * FROM tickets WHERE day = ? AND service_id = ? AND status = 'waiting' ORDER BY issued_at_ms, seq`),
      sameClassBefore: db
        .prepare(
          `SELECT COUNT(*) FROM tickets WHERE day = @day AND service_id = @serviceId AND status = 'waiting'
           AND (priority IS NOT NULL) = @isPriority AND (issued_at_ms < @issuedAtMs OR (issued_at_ms = @issuedAtMs AND seq < @seq))`,
        )
        .pluck(),
      otherClassWaiting: db
        .prepare(`SELECT COUNT(*) FROM tickets WHERE day = @day AND service_id = @serviceId AND status = 'waiting' AND (priority IS NOT NULL) != @isPriority`)
        .pluck(),
      waitingCount: db.prepare(`SELECT service_id AS serviceId, COUNT(*) AS n FROM tickets WHERE day = ? AND status = 'waiting' GROUP BY service_id`),
      streak: db.prepare('SELECT priority_streak FROM queue_state WHERE day = ? AND service_id = ?').pluck(),
      setStreak: db.prepare(
        `INSERT INTO queue_state (day, service_id, priority_streak) VALUES (?, ?, ?)
         ON CONFLICT (day, service_id) DO UPDATE SET priority_streak = excluded.priority_streak`,
      ),
      markCalled: db.prepare(`UPDATE tickets SET status = 'called', counter_id = ?, called_at_ms = ? WHERE id = ? AND status = 'waiting'`),
      markPrinted: db.prepare('UPDATE tickets SET printed = ?, print_error = ? WHERE id = ?'),
      recentDurations: db
        .prepare(
          `SELECT done_at_ms - serving_at_ms FROM tickets
           WHERE service_id = ? AND status = 'done' AND serving_at_ms IS NOT NULL AND done_at_ms >= ?
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
    return r ? toRow(r) : undefined;
  }

  waiting(day: string, serviceId: string): TicketRow[] {
    return (this.stmts.waiting.all(day, serviceId) as RawTicketRow[]).map(toRow);
  }

  /** What a position needs: own-class tickets that came earlier, and the other class's waiting tickets. */
  queueCounts(t: TicketRow): { sameClassBefore: number; otherClassWaiting: number } {
    const args = { day: t.day, serviceId: t.serviceId, isPriority: t.priority !== null ? 1 : 0, issuedAtMs: t.issuedAtMs, seq: t.seq };
    return {
      sameClassBefore: this.stmts.sameClassBefore.get(args) as number,
      otherClassWaiting: this.stmts.otherClassWaiting.get({ day: t.day, serviceId: t.serviceId, isPriority: args.isPriority }) as number,
    };
  }

  waitingCounts(day: string): Map<string, number> {
    const rows = this.stmts.waitingCount.all(day) as { serviceId: string; n: number }[];
    return new Map(rows.map((r) => [r.serviceId, r.n]));
  }

  streak(day: string, serviceId: string): number {
    return (this.stmts.streak.get(day, serviceId) as number | undefined) ?? 0;
  }

  /** Marks a ticket called and records the service's new streak; false if someone else called it first. */
  markCalled(ticketId: string, counterId: string, atMs: number, day: string, serviceId: string, nextStreak: number): boolean {
    return this.db.transaction(() => {
      const changed = this.stmts.markCalled.run(counterId, atMs, ticketId).changes === 1;
      if (changed) this.stmts.setStreak.run(day, serviceId, nextStreak);
      return changed;
    }).immediate();
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
