/**
 * Demo mode only: puts the sample dossiers (shared/demo-dossiers.ts) in the store at every start, so each demo
 * begins the same way: two results waiting in locker compartments with known pickup codes, the others in the states
 * a citizen may meet, one of them behind an unpaid fee. Earlier handovers, deposits, lockouts and payments of these
 * sample dossiers are cleared (so the fee is due again at every start); nothing else in the store is touched.
 */
import { DEMO_APPOINTMENT, DEMO_DOSSIERS } from '../../../shared/demo-dossiers';
import type { PickupCodeHasher } from '../pickup/pickup-code';
import { localDayKey } from '../core/local-time';
import { type Clock } from '../core/clock';
import { pluck, type SqlStore } from '../store/store-port';

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function seedDemoDossiers(store: SqlStore, clock: Clock, timeZone: string, codes: PickupCodeHasher, kioskId: string): Promise<void> {
  const now = clock.now();
  const today = localDayKey(now, timeZone);
  await store.transaction(async (tx) => {
    // A demo visitor who typed wrong codes until every pickup paused gets a fresh start too.
    await tx.run('UPDATE pickup_pauses SET lifted_at_ms = ? WHERE lifted_at_ms IS NULL', [now]);
    for (const d of DEMO_DOSSIERS) {
      // A compartment a sample result needs may have been used by a real deposit made during the demo: leave that one.
      const free =
        !d.locker ||
        (await pluck(tx, `SELECT code FROM dossiers WHERE status = 'in-locker' AND locker_board = ? AND locker_lock = ? AND locker_kiosk_id = ? AND code <> ?`, [
          d.locker.board,
          d.locker.lock,
          kioskId,
          d.code,
        ])) === undefined;
      await tx.run('DELETE FROM handovers WHERE dossier_code = ?', [d.code]);
      await tx.run('DELETE FROM deposits WHERE dossier_code = ?', [d.code]);
      await tx.run(`DELETE FROM ratings WHERE subject = 'pickup' AND reference = ?`, [d.code]);
      // The demo bank's transfers (and any cash recorded) of an earlier demo: the fee is owed again.
      await tx.run('DELETE FROM payments WHERE dossier_code = ?', [d.code]);
      const status = d.locker && !free ? 'ready' : d.status;
      await tx.run(
        `INSERT INTO dossiers (code, procedure, applicant_name, phone, due_date, status, created_at_ms, updated_at_ms, fees)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET procedure = excluded.procedure, applicant_name = excluded.applicant_name, phone = excluded.phone,
           due_date = excluded.due_date, status = excluded.status, updated_at_ms = excluded.updated_at_ms, fees = excluded.fees`,
        [d.code, d.procedure, d.applicantName, d.phone, addDays(today, d.dueInDays), status, now, now, d.fees ? JSON.stringify(d.fees) : null],
      );
      if (d.locker && free) {
        await tx.run(
          `UPDATE dossiers SET locker_board = ?, locker_lock = ?, locker_kiosk_id = ?, pickup_code_hash = ?, deposited_at_ms = ?, failed_attempts = 0,
             locked_until_ms = NULL, lockouts = 0 WHERE code = ?`,
          [d.locker.board, d.locker.lock, kioskId, codes.hash(d.locker.pickupCode), now, d.code],
        );
      } else {
        await tx.run(
          `UPDATE dossiers SET locker_board = NULL, locker_lock = NULL, locker_kiosk_id = NULL, pickup_code_hash = NULL, failed_attempts = 0, locked_until_ms = NULL, lockouts = 0 WHERE code = ?`,
          [d.code],
        );
      }
    }
  }, { lock: 'lockers' });
  await seedDemoAppointment(store, now, today);
}

/** The demo's booked visit, again a quarter of an hour from now (its ticket of an earlier start stays as it was). */
async function seedDemoAppointment(store: SqlStore, now: number, today: string): Promise<void> {
  const start = Math.ceil((now + DEMO_APPOINTMENT.inMinutes * 60_000) / 60_000) * 60_000;
  await store.transaction(
    async (tx) => {
      await tx.run('DELETE FROM appointments WHERE code = ?', [DEMO_APPOINTMENT.code]);
      await tx.run(
        `INSERT INTO appointments (id, code, service_id, day, start_ms, end_ms, phone, name, source, created_at_ms)
         VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 'staff', ?)`,
        [`ademo${DEMO_APPOINTMENT.code}`, DEMO_APPOINTMENT.code, DEMO_APPOINTMENT.serviceId, today, start, start + 30 * 60_000, now],
      );
    },
    { lock: 'appointments' },
  );
}
