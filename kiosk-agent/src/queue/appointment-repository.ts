/**
 * SQL for appointments, over the store port (SQLite or PostgreSQL, one SQL for both). Booking decisions that read
 * then write (a slot's places, a phone's bookings) run in a transaction under the lock "appointments"
 * (appointment-book.ts), so a centre's agents taking the last place of a slot at once decide in turn.
 */
import type { SqlExecutor } from '../store/store-port';

/**
 * Thrown inside a check-in's transaction when another check-in of the same appointment committed first (two
 * kiosks scanning one code at once): the ticket is rolled back and the caller reprints the one that exists.
 */
export class CheckedInMeanwhile extends Error {
  override name = 'CheckedInMeanwhile';
}

export type AppointmentStatus = 'booked' | 'checked-in' | 'cancelled';
export type AppointmentSource = 'public' | 'staff' | 'integration';

export interface AppointmentRow {
  id: string;
  code: string;
  serviceId: string;
  day: string;
  startMs: number;
  endMs: number;
  phone: string | null;
  status: AppointmentStatus;
  ticketId: string | null;
  checkedInAtMs: number | null;
}

const COLUMNS = `id, code, service_id AS "serviceId", day, start_ms AS "startMs", end_ms AS "endMs", phone, status,
  ticket_id AS "ticketId", checked_in_at_ms AS "checkedInAtMs"`;

const numeric = (r: AppointmentRow): AppointmentRow => ({
  ...r,
  startMs: Number(r.startMs),
  endMs: Number(r.endMs),
  checkedInAtMs: r.checkedInAtMs === null ? null : Number(r.checkedInAtMs),
});

export class AppointmentRepository {
  constructor(private readonly q: SqlExecutor) {}

  in(tx: SqlExecutor): AppointmentRepository {
    return new AppointmentRepository(tx);
  }

  async insert(a: {
    id: string;
    code: string;
    serviceId: string;
    day: string;
    startMs: number;
    endMs: number;
    phone: string;
    name: string | null;
    source: AppointmentSource;
    address: string | null;
    bookedBy: string | null;
    createdAtMs: number;
  }): Promise<void> {
    await this.q.run(
      `INSERT INTO appointments (id, code, service_id, day, start_ms, end_ms, phone, name, source, address, booked_by, created_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [a.id, a.code, a.serviceId, a.day, a.startMs, a.endMs, a.phone, a.name, a.source, a.address, a.bookedBy, a.createdAtMs],
    );
  }

  async byCode(code: string): Promise<AppointmentRow | undefined> {
    const r = await this.q.get<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments WHERE code = ?`, [code]);
    return r ? numeric(r) : undefined;
  }

  async byId(id: string): Promise<AppointmentRow | undefined> {
    const r = await this.q.get<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments WHERE id = ?`, [id]);
    return r ? numeric(r) : undefined;
  }

  /** Places taken per slot start of a service on a day (cancelled ones free their place). */
  async takenOn(serviceId: string, day: string): Promise<Map<number, number>> {
    const rows = await this.q.all<{ startMs: number; n: number }>(
      `SELECT start_ms AS "startMs", COUNT(*) AS n FROM appointments
       WHERE service_id = ? AND day = ? AND status <> 'cancelled' GROUP BY start_ms`,
      [serviceId, day],
    );
    return new Map(rows.map((r) => [Number(r.startMs), Number(r.n)]));
  }

  /** Bookings a phone holds that are still to come (not cancelled, not yet checked in, not past). */
  async upcomingForPhone(phone: string, nowMs: number): Promise<{ serviceId: string; day: string }[]> {
    return this.q.all(`SELECT service_id AS "serviceId", day FROM appointments WHERE phone = ? AND status = 'booked' AND start_ms > ?`, [phone, nowMs]);
  }

  /** Public bookings made from one network address since `sinceMs`. */
  async countFromAddress(address: string, sinceMs: number): Promise<number> {
    const row = await this.q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM appointments WHERE address = ? AND created_at_ms >= ?`, [address, sinceMs]);
    return Number(row?.n ?? 0);
  }

  /** Records the check-in; false when another check-in of the same code got there first. */
  async markCheckedIn(id: string, ticketId: string, atMs: number): Promise<boolean> {
    const r = await this.q.run(`UPDATE appointments SET status = 'checked-in', ticket_id = ?, checked_in_at_ms = ? WHERE id = ? AND status = 'booked'`, [ticketId, atMs, id]);
    return r.changes === 1;
  }

  /** Cancels a booking still to be checked in; false when it is not (checked in, cancelled, or unknown). */
  async cancel(id: string): Promise<boolean> {
    const r = await this.q.run(`UPDATE appointments SET status = 'cancelled' WHERE id = ? AND status = 'booked'`, [id]);
    return r.changes === 1;
  }
}
