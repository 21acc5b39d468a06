/**
 * Demo mode only: puts the sample dossiers (shared/demo-dossiers.ts) in the store at every start, so each demo
 * begins the same way: two results waiting in locker compartments with known pickup codes, the others in the states
 * a citizen may meet. Earlier handovers, deposits and lockouts of these sample dossiers are cleared; nothing else
 * in the store is touched.
 */
import { DEMO_DOSSIERS } from '../../../shared/demo-dossiers';
import type { PickupCodeHasher } from '../pickup/pickup-code';
import { localDayKey } from '../core/local-time';
import { type Clock } from '../core/clock';
import type { Db } from '../store/sqlite';

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function seedDemoDossiers(db: Db, clock: Clock, timeZone: string, codes: PickupCodeHasher): void {
  const now = clock.now();
  const today = localDayKey(now, timeZone);
  const upsert = db.prepare(
    `INSERT INTO dossiers (code, procedure, applicant_name, phone, due_date, status, created_at_ms, updated_at_ms)
     VALUES (@code, @procedure, @applicantName, @phone, @dueDate, @status, @now, @now)
     ON CONFLICT (code) DO UPDATE SET procedure = excluded.procedure, applicant_name = excluded.applicant_name, phone = excluded.phone,
       due_date = excluded.due_date, status = excluded.status, updated_at_ms = excluded.updated_at_ms`,
  );
  const place = db.prepare(
    `UPDATE dossiers SET locker_board = ?, locker_lock = ?, pickup_code_hash = ?, deposited_at_ms = ?, failed_attempts = 0, locked_until_ms = NULL, lockouts = 0 WHERE code = ?`,
  );
  const clearLocker = db.prepare(
    `UPDATE dossiers SET locker_board = NULL, locker_lock = NULL, pickup_code_hash = NULL, failed_attempts = 0, locked_until_ms = NULL, lockouts = 0 WHERE code = ?`,
  );
  const dropHandover = db.prepare('DELETE FROM handovers WHERE dossier_code = ?');
  const dropDeposits = db.prepare('DELETE FROM deposits WHERE dossier_code = ?');
  const dropRating = db.prepare(`DELETE FROM ratings WHERE subject = 'pickup' AND reference = ?`);
  // A compartment a sample result needs may have been used by a real deposit made during the demo: leave that one.
  const occupiedBy = db.prepare(`SELECT code FROM dossiers WHERE status = 'in-locker' AND locker_board = ? AND locker_lock = ? AND code <> ?`).pluck();
  // A demo visitor who typed wrong codes until every pickup paused gets a fresh start too.
  const liftPauses = db.prepare('UPDATE pickup_pauses SET lifted_at_ms = ? WHERE lifted_at_ms IS NULL');
  db.transaction(() => {
    liftPauses.run(now);
    for (const d of DEMO_DOSSIERS) {
      const free = !d.locker || occupiedBy.get(d.locker.board, d.locker.lock, d.code) === undefined;
      dropHandover.run(d.code);
      dropDeposits.run(d.code);
      dropRating.run(d.code);
      upsert.run({ code: d.code, procedure: d.procedure, applicantName: d.applicantName, phone: d.phone, dueDate: addDays(today, d.dueInDays), status: d.locker && !free ? 'ready' : d.status, now });
      if (d.locker && free) place.run(d.locker.board, d.locker.lock, codes.hash(d.locker.pickupCode), now, d.code);
      else clearLocker.run(d.code);
    }
  }).immediate();
}
