/** SQL for dossiers and the pickup audit trail. */
import type { DossierStatus } from '../../../shared/dossier-schemas';
import type { Db } from '../store/sqlite';

export interface DossierRow {
  code: string;
  procedure: string;
  applicantName: string;
  phone: string | null;
  dueDate: string;
  status: DossierStatus;
  lockerBoard: number | null;
  lockerLock: number | null;
  updatedAtMs: number;
}

interface RawDossier {
  code: string;
  procedure: string;
  applicant_name: string;
  phone: string | null;
  due_date: string;
  status: string;
  locker_board: number | null;
  locker_lock: number | null;
  updated_at_ms: number;
}

const toRow = (r: RawDossier): DossierRow => ({
  code: r.code,
  procedure: r.procedure,
  applicantName: r.applicant_name,
  phone: r.phone,
  dueDate: r.due_date,
  status: r.status as DossierStatus,
  lockerBoard: r.locker_board,
  lockerLock: r.locker_lock,
  updatedAtMs: r.updated_at_ms,
});

export class DossierRepository {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      upsert: db.prepare(
        `INSERT INTO dossiers (code, procedure, applicant_name, phone, due_date, status, created_at_ms, updated_at_ms)
         VALUES (@code, @procedure, @applicantName, @phone, @dueDate, @status, @now, @now)
         ON CONFLICT (code) DO UPDATE SET procedure = excluded.procedure, applicant_name = excluded.applicant_name,
           phone = excluded.phone, due_date = excluded.due_date, status = excluded.status, updated_at_ms = excluded.updated_at_ms,
           anonymised_at_ms = NULL`,
      ),
      // Personal data written again (staff, an import, the one-stop system) is personal data again: retention will
      // remove it once more (anonymised_at_ms cleared).
      // What the one-stop system says, merged in one statement: a result the kiosk holds in a compartment or has
      // handed over keeps that status whatever the system says (it cannot know), decided at write time so a door
      // shut while the system was being asked is not undone.
      merge: db.prepare(
        `INSERT INTO dossiers (code, procedure, applicant_name, phone, due_date, status, created_at_ms, updated_at_ms)
         VALUES (@code, @procedure, @applicantName, @phone, @dueDate, @status, @now, @now)
         ON CONFLICT (code) DO UPDATE SET procedure = excluded.procedure, applicant_name = excluded.applicant_name,
           phone = excluded.phone, due_date = excluded.due_date, updated_at_ms = excluded.updated_at_ms, anonymised_at_ms = NULL,
           status = CASE WHEN dossiers.status IN ('in-locker', 'returned') THEN dossiers.status ELSE excluded.status END`,
      ),
      get: db.prepare('SELECT * FROM dossiers WHERE code = ?'),
      depositing: db.prepare(`SELECT 1 FROM deposits WHERE dossier_code = ? AND state IN ('opening', 'awaiting-door')`).pluck(),
      audit: db.prepare('INSERT INTO pickup_audit (at_ms, dossier_code, action, result) VALUES (?, ?, ?, ?)'),
      auditFor: db.prepare('SELECT at_ms AS atMs, dossier_code AS dossierCode, action, result FROM pickup_audit WHERE dossier_code = ? ORDER BY id'),
    };
  }

  upsert(d: Omit<DossierRow, 'lockerBoard' | 'lockerLock' | 'updatedAtMs'>, nowMs: number): DossierRow {
    this.stmts.upsert.run({ ...d, now: nowMs });
    return this.get(d.code)!;
  }

  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  mergeFromUpstream(d: Omit<DossierRow, 'lockerBoard' | 'lockerLock' | 'updatedAtMs'>, nowMs: number): void {
    this.stmts.merge.run({ ...d, now: nowMs });
  }

  get(code: string): DossierRow | undefined {
    const r = this.stmts.get.get(code) as RawDossier | undefined;
    return r ? toRow(r) : undefined;
  }

  /** Whether a deposit of this dossier is in progress (its compartment open, the door not shut yet). */
  isBeingDeposited(code: string): boolean {
    return this.stmts.depositing.get(code) !== undefined;
  }

  audit(atMs: number, dossierCode: string | null, action: string, result: string): void {
    this.stmts.audit.run(atMs, dossierCode, action, result);
  }

  auditFor(code: string): { atMs: number; dossierCode: string; action: string; result: string }[] {
    return this.stmts.auditFor.all(code) as { atMs: number; dossierCode: string; action: string; result: string }[];
  }
}
