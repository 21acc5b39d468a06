/**
 * SQL for issuing tickets and reading queues, over the store port (SQLite or PostgreSQL). Numbers are allocated
 * and the ticket inserted in one transaction: the per-day counter row is taken by `INSERT … ON CONFLICT … DO UPDATE
 * … RETURNING`, which in PostgreSQL also locks that row until the ticket commits, so agents sharing a store hand
 * out numbers without gaps or repeats. What counters do to tickets (call, recall, transfer…) is in
 * counter-repository.ts.
 */
import { randomBytes } from 'node:crypto';
import type { PriorityCategory } from '../../../shared/api-schemas';
import { formatTicketNumber } from '../../../shared/ticket-number';
import { pluck, pluckAll, type SqlExecutor } from '../store/store-port';
import { streakKey, toTicketRow, type QueueGroup, type RawTicketRow, type TicketRow } from './ticket-row';

export type { TicketRow } from './ticket-row';

/** Ticket ids go into a public QR (/track/:id): unguessable, short enough for a small QR. */
export function newTicketId(): string {
  return `t${randomBytes(10).toString('base64url')}`;
}

/** Where one queue's tickets are: a service's shared queue, or one counter's own queue; the key is the last `?`. */
const IN_GROUP = { service: 'queue_service_id = ? AND target_counter_id IS NULL', counter: 'target_counter_id = ?' } as const;
const groupKey = (g: QueueGroup): string => (g.kind === 'service' ? g.serviceId : g.counterId);
const ofClass = (isPriority: boolean): string => (isPriority ? 'priority IS NOT NULL' : 'priority IS NULL');
const otherClass = (isPriority: boolean): string => ofClass(!isPriority);

export class TicketRepository {
  constructor(private readonly q: SqlExecutor) {}

  /** The same queries inside an open transaction. */
  in(tx: SqlExecutor): TicketRepository {
    return new TicketRepository(tx);
  }

  /**
   * Allocates the next number for (day, service) and inserts the ticket. Run it inside a transaction
   * (QueueService.issueTicket does): the number and the ticket commit together or not at all. On PostgreSQL the
   * upsert locks the day's counter row of the service until the commit, so it is the transaction's last step and the
   * new row is built here rather than read back: two statements and the commit while other agents wait.
   */
  async insertNext(input: {
    day: string;
    serviceId: string;
    prefix: string;
    priority: PriorityCategory | null;
    issuedAtMs: number;
    phone?: string | null;
    /** Checked in for an appointment: it waits at its booked time (queue key), not at the end. */
    booked?: { appointmentId: string; startMs: number } | undefined;
  }): Promise<TicketRow> {
    const seq = Number(
      await pluck<number>(
        this.q,
        `INSERT INTO daily_sequences (day, service_id, last_seq) VALUES (?, ?, 1)
         ON CONFLICT (day, service_id) DO UPDATE SET last_seq = daily_sequences.last_seq + 1 RETURNING last_seq`,
        [input.day, input.serviceId],
      ),
    );
    const id = newTicketId();
    const key = input.booked?.startMs ?? input.issuedAtMs;
    const appointmentId = input.booked?.appointmentId ?? null;
    const bookedAtMs = input.booked?.startMs ?? null;
    await this.q.run(
      `INSERT INTO tickets (id, day, service_id, queue_service_id, queue_key_ms, seq, number, priority, status, issued_at_ms, phone, appointment_id, booked_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?)`,
      [id, input.day, input.serviceId, input.serviceId, key, seq, formatTicketNumber(input.prefix, seq), input.priority, input.issuedAtMs, input.phone ?? null, appointmentId, bookedAtMs],
    );
    return {
      ...{ id, day: input.day, serviceId: input.serviceId, queueServiceId: input.serviceId, targetCounterId: null, queueKeyMs: key },
      ...{ seq, number: formatTicketNumber(input.prefix, seq), priority: input.priority, status: 'waiting', issuedAtMs: input.issuedAtMs },
      ...{ counterId: null, calledAtMs: null, firstCalledAtMs: null, servingAtMs: null, doneAtMs: null, recalls: 0, printed: false, printError: null },
      ...{ appointmentId, bookedAtMs },
    };
  }

  /** A ticket's phone for the turn messages, and whether its two messages went (turn-notices.ts). */
  contactOf(id: string): Promise<{ phone: string | null; number: string; calledNoticeAtMs: number | null; nearNoticeAtMs: number | null } | undefined> {
    return this.q.get('SELECT phone, number, notified_called_at_ms AS "calledNoticeAtMs", notified_near_at_ms AS "nearNoticeAtMs" FROM tickets WHERE id = ?', [id]);
  }

  /** Today's waiting tickets with a phone whose "your turn is near" message has not gone yet. */
  awaitingNearNotice(day: string): Promise<{ id: string; phone: string }[]> {
    return this.q.all(`SELECT id, phone FROM tickets WHERE day = ? AND status = 'waiting' AND phone IS NOT NULL AND notified_near_at_ms IS NULL`, [day]);
  }

  /** Leaves or (null) withdraws a ticket's phone for the turn messages. */
  async setPhone(id: string, phone: string | null): Promise<void> {
    await this.q.run('UPDATE tickets SET phone = ? WHERE id = ?', [phone, id]);
  }

  /** Records that a message went: "near", or "called" (which also settles "near": it is past). */
  async markNoticed(id: string, which: 'near' | 'called', atMs: number): Promise<void> {
    const set = which === 'near' ? 'notified_near_at_ms = ?' : 'notified_called_at_ms = ?, notified_near_at_ms = COALESCE(notified_near_at_ms, ?)';
    await this.q.run(`UPDATE tickets SET ${set} WHERE id = ?`, which === 'near' ? [atMs, id] : [atMs, atMs, id]);
  }

  /** Waiting tickets of a queue by class (what a new ticket of the queue will have ahead of it). */
  async waitingInGroup(day: string, group: QueueGroup): Promise<{ priority: number; normal: number }> {
    const row = await this.q.get<{ priority: number; normal: number }>(
      `SELECT COUNT(priority) AS priority, COUNT(*) - COUNT(priority) AS normal
       FROM tickets WHERE day = ? AND status = 'waiting' AND ${IN_GROUP[group.kind]}`,
      [day, groupKey(group)],
    );
    return { priority: Number(row?.priority ?? 0), normal: Number(row?.normal ?? 0) };
  }

  async get(id: string): Promise<TicketRow | undefined> {
    const r = await this.q.get<RawTicketRow>('SELECT * FROM tickets WHERE id = ?', [id]);
    return r ? toTicketRow(r) : undefined;
  }

  /** Today's ticket with this number (staff type "A012" to call a particular person). */
  async byNumber(day: string, number: string): Promise<TicketRow | undefined> {
    const r = await this.q.get<RawTicketRow>('SELECT * FROM tickets WHERE day = ? AND number = ? ORDER BY issued_at_ms DESC LIMIT 1', [day, number]);
    return r ? toTicketRow(r) : undefined;
  }

  /** The first waiting ticket of one class (priority or normal) in a queue. */
  async head(day: string, group: QueueGroup, isPriority: boolean): Promise<TicketRow | undefined> {
    const r = await this.q.get<RawTicketRow>(
      `SELECT * FROM tickets WHERE day = ? AND status = 'waiting' AND ${ofClass(isPriority)} AND ${IN_GROUP[group.kind]}
       ORDER BY queue_key_ms, seq LIMIT 1`,
      [day, groupKey(group)],
    );
    return r ? toTicketRow(r) : undefined;
  }

  /** What a position needs: own-class tickets that come earlier in the queue, and the other class's waiting tickets. */
  async queueCounts(t: TicketRow, group: QueueGroup): Promise<{ sameClassBefore: number; otherClassWaiting: number }> {
    const isPriority = t.priority !== null;
    const row = await this.q.get<{ before: number; other: number }>(
      `SELECT COUNT(*) FILTER (WHERE ${ofClass(isPriority)} AND (queue_key_ms < ? OR (queue_key_ms = ? AND seq < ?))) AS before,
              COUNT(*) FILTER (WHERE ${otherClass(isPriority)}) AS other
       FROM tickets WHERE day = ? AND status = 'waiting' AND ${IN_GROUP[group.kind]}`,
      [t.queueKeyMs, t.queueKeyMs, t.seq, t.day, groupKey(group)],
    );
    return { sameClassBefore: Number(row?.before ?? 0), otherClassWaiting: Number(row?.other ?? 0) };
  }

  /**
   * The first booked ticket of a queue whose time has come (booked at or before `nowMs`): it is called before the
   * walk-in queue (README "Appointments").
   */
  async dueBookedHead(day: string, group: QueueGroup, nowMs: number): Promise<TicketRow | undefined> {
    const r = await this.q.get<RawTicketRow>(
      `SELECT * FROM tickets WHERE day = ? AND status = 'waiting' AND booked_at_ms IS NOT NULL AND booked_at_ms <= ? AND ${IN_GROUP[group.kind]}
       ORDER BY booked_at_ms, seq LIMIT 1`,
      [day, nowMs, groupKey(group)],
    );
    return r ? toTicketRow(r) : undefined;
  }

  /**
   * Booked tickets of a queue a waiting ticket will likely see called first: for a walk-in, those whose queue key is
   * after its own (they go first once their time comes, and check-in opens at most `appointments.earlyMinutes`
   * before it); for a booked ticket whose time has come, the booked ones due before it.
   */
  async bookedAhead(t: TicketRow, group: QueueGroup, nowMs: number): Promise<number> {
    const sql =
      t.bookedAtMs !== null && t.bookedAtMs <= nowMs
        ? `booked_at_ms IS NOT NULL AND (booked_at_ms < ? OR (booked_at_ms = ? AND seq < ?))`
        : `booked_at_ms IS NOT NULL AND (queue_key_ms > ? OR (queue_key_ms = ? AND seq > ?))`;
    const key = t.bookedAtMs !== null && t.bookedAtMs <= nowMs ? t.bookedAtMs : t.queueKeyMs;
    const n = await pluck<number>(this.q, `SELECT COUNT(*) AS n FROM tickets WHERE day = ? AND status = 'waiting' AND ${sql} AND ${IN_GROUP[group.kind]}`, [
      t.day,
      key,
      key,
      t.seq,
      groupKey(group),
    ]);
    return Number(n ?? 0);
  }

  /** The smallest queue key among the waiting tickets of a queue (a transfer "to the front" goes before it). */
  async frontKey(day: string, group: QueueGroup): Promise<number | null> {
    const key = await pluck<number | null>(this.q, `SELECT MIN(queue_key_ms) AS k FROM tickets WHERE day = ? AND status = 'waiting' AND ${IN_GROUP[group.kind]}`, [
      day,
      groupKey(group),
    ]);
    return key ?? null;
  }

  /** Waiting tickets per service queue (tickets sent to one counter included), and how many are priority. */
  async waitingCounts(day: string): Promise<Map<string, { total: number; priority: number }>> {
    const rows = await this.q.all<{ serviceId: string; n: number; p: number }>(
      `SELECT queue_service_id AS "serviceId", COUNT(*) AS n, COUNT(priority) AS p
       FROM tickets WHERE day = ? AND status = 'waiting' GROUP BY queue_service_id`,
      [day],
    );
    return new Map(rows.map((r) => [r.serviceId, { total: r.n, priority: r.p }]));
  }

  /** Tickets issued today per service (the day's counter rows): what a daily limit counts. */
  async issuedCounts(day: string): Promise<Map<string, number>> {
    const rows = await this.q.all<{ serviceId: string; n: number }>('SELECT service_id AS "serviceId", last_seq AS n FROM daily_sequences WHERE day = ?', [day]);
    return new Map(rows.map((r) => [r.serviceId, Number(r.n)]));
  }

  async waitingForCounter(day: string, counterId: string): Promise<number> {
    return (await pluck<number>(this.q, `SELECT COUNT(*) AS n FROM tickets WHERE day = ? AND status = 'waiting' AND target_counter_id = ?`, [day, counterId])) ?? 0;
  }

  async streak(day: string, group: QueueGroup): Promise<number> {
    return (await pluck<number>(this.q, 'SELECT priority_streak FROM queue_state WHERE day = ? AND service_id = ?', [day, streakKey(group)])) ?? 0;
  }

  async markPrinted(id: string, printed: boolean, printError: string | null): Promise<void> {
    await this.q.run('UPDATE tickets SET printed = ?, print_error = ? WHERE id = ?', [printed ? 1 : 0, printError, id]);
  }

  recentServiceDurations(serviceId: string, sinceMs: number): Promise<number[]> {
    return pluckAll<number>(
      this.q,
      `SELECT done_at_ms - serving_at_ms AS d FROM tickets
       WHERE queue_service_id = ? AND status = 'done' AND serving_at_ms IS NOT NULL AND done_at_ms >= ?
       ORDER BY done_at_ms DESC LIMIT 30`,
      [serviceId, sinceMs],
    );
  }
}
