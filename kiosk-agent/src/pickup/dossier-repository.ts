/** SQL for dossiers and the pickup audit trail. */
import type { DossierStatus } from '../../../shared/dossier-schemas';
import type { Fee } from '../../../shared/payment-schemas';
import { parseFees, standing, type FeeStanding } from '../payments/fee-arithmetic';
import type { SqlExecutor } from '../store/store-port';

export interface DossierRow {
  code: string;
  procedure: string;
  applicantName: string;
  phone: string | null;
  dueDate: string;
  status: DossierStatus;
  lockerBoard: number | null;
  lockerLock: number | null;
  /** The kiosk whose locker holds the result (a centre has several). */
  lockerKioskId: string | null;
  updatedAtMs: number;
  /** Fees paid at handover (issue 21); null: none known. */
  fees: Fee[] | null;
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
  locker_kiosk_id: string | null;
  updated_at_ms: number;
  fees: string | null;
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
  lockerKioskId: r.locker_kiosk_id,
  updatedAtMs: r.updated_at_ms,
  fees: parseFees(r.fees),
});

/** `fees` absent (undefined): a dossier's fees stay as they were; `[]`: it has none. */
type DossierInput = Omit<DossierRow, 'lockerBoard' | 'lockerLock' | 'lockerKioskId' | 'updatedAtMs' | 'fees'> & { fees?: Fee[] | undefined };

const INSERT_DOSSIER = `INSERT INTO dossiers (code, procedure, applicant_name, phone, due_date, status, created_at_ms, updated_at_ms, fees)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const values = (d: DossierInput, nowMs: number) =>
  [d.code, d.procedure, d.applicantName, d.phone, d.dueDate, d.status, nowMs, nowMs, d.fees === undefined ? null : JSON.stringify(d.fees)] as const;

export class DossierRepository {
  constructor(
    private readonly q: SqlExecutor,
    /** Where audit rows are written from (the kiosk-wide guessing limit counts this kiosk's). */
    private readonly kioskId: string,
  ) {}

  // Personal data written again (staff, an import, the one-stop system) is personal data again: retention will
  // remove it once more (anonymised_at_ms cleared).
  async upsert(d: DossierInput, nowMs: number): Promise<DossierRow> {
    await this.q.run(
      `${INSERT_DOSSIER}
       ON CONFLICT (code) DO UPDATE SET procedure = excluded.procedure, applicant_name = excluded.applicant_name,
         phone = excluded.phone, due_date = excluded.due_date, status = excluded.status, updated_at_ms = excluded.updated_at_ms,
         anonymised_at_ms = NULL, fees = COALESCE(excluded.fees, dossiers.fees)`,
      values(d, nowMs),
    );
    return (await this.get(d.code))!;
  }

  /**
   * What the one-stop system says, merged in one statement: a result the kiosk holds in a compartment or has
   * handed over keeps that status whatever the system says (it cannot know), decided at write time so a door
   * shut while the system was being asked is not undone.
   */
  async mergeFromUpstream(d: DossierInput, nowMs: number): Promise<void> {
    await this.q.run(
      `${INSERT_DOSSIER}
       ON CONFLICT (code) DO UPDATE SET procedure = excluded.procedure, applicant_name = excluded.applicant_name,
         phone = excluded.phone, due_date = excluded.due_date, updated_at_ms = excluded.updated_at_ms, anonymised_at_ms = NULL,
         fees = COALESCE(excluded.fees, dossiers.fees),
         status = CASE WHEN dossiers.status IN ('in-locker', 'returned') THEN dossiers.status ELSE excluded.status END`,
      values(d, nowMs),
    );
  }

  async get(code: string): Promise<DossierRow | undefined> {
    const r = await this.q.get<RawDossier>('SELECT * FROM dossiers WHERE code = ?', [code]);
    return r ? toRow(r) : undefined;
  }

  /** The dossier's fees against what its payments add up to (what is due decides whether its compartment opens). */
  async feeStanding(code: string): Promise<FeeStanding> {
    const r = await this.q.get<{ fees: string | null; paid: number | string | null }>(
      'SELECT fees, (SELECT SUM(amount) FROM payments WHERE dossier_code = dossiers.code) AS paid FROM dossiers WHERE code = ?',
      [code],
    );
    // PostgreSQL's SUM of BIGINT is NUMERIC, read as text.
    return standing(parseFees(r?.fees ?? null), Number(r?.paid ?? 0));
  }

  /** Whether a deposit of this dossier is in progress (its compartment open, the door not shut yet). */
  async isBeingDeposited(code: string): Promise<boolean> {
    return (await this.q.get(`SELECT 1 AS one FROM deposits WHERE dossier_code = ? AND state IN ('opening', 'awaiting-door')`, [code])) !== undefined;
  }

  async audit(atMs: number, dossierCode: string | null, action: string, result: string): Promise<void> {
    await this.q.run('INSERT INTO pickup_audit (at_ms, dossier_code, action, result, kiosk_id) VALUES (?, ?, ?, ?, ?)', [atMs, dossierCode, action, result, this.kioskId]);
  }

  auditFor(code: string): Promise<{ atMs: number; dossierCode: string; action: string; result: string }[]> {
    return this.q.all('SELECT at_ms AS "atMs", dossier_code AS "dossierCode", action, result FROM pickup_audit WHERE dossier_code = ? ORDER BY id', [code]);
  }
}
