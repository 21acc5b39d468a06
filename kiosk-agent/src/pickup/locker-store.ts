/**
 * SQL for compartments in use, deposits, handovers and pickup-code attempts, over the store port. Decisions that
 * read and then write (a free compartment, an attempt count) run in a transaction under the lock "lockers".
 */
import { pluck, type SqlExecutor } from '../store/store-port';

export interface Compartment {
  board: number;
  lock: number;
}

export type DepositState = 'opening' | 'awaiting-door' | 'done' | 'failed';
export type HandoverState = 'unlocking' | 'opened' | 'unlock-failed' | 'door-closed' | 'needs-staff';

export interface PickupSecret {
  code: string;
  status: string;
  board: number | null;
  lock: number | null;
  /** The kiosk whose locker holds the result. */
  kioskId: string | null;
  pickupCodeHash: string | null;
  failedAttempts: number;
  lockedUntilMs: number | null;
  /** Lockouts so far (five wrong codes each) since the deposit. */
  lockouts: number;
}

type Deposit = { id: number; dossierCode: string; board: number; lock: number; state: DepositState };
type PendingHandover = { dossierCode: string; board: number; lock: number; state: HandoverState };
type InLocker = { dossierCode: string; board: number; lock: number; depositedAtMs: number | null };
type Waiting = { code: string; procedure: string; phone: string | null; depositedAtMs: number; remindedAtMs: number | null };

export class LockerStore {
  constructor(
    private readonly q: SqlExecutor,
    /** The kiosk whose locker this is: its compartments, deposits, handovers and pauses are the ones read here. */
    private readonly kioskId: string,
  ) {}

  /** The deposit of this dossier still in progress (door not shut yet), if any. */
  activeDeposit(code: string): Promise<{ id: number; state: DepositState } | undefined> {
    return this.q.get(`SELECT id, state FROM deposits WHERE dossier_code = ? AND state IN ('opening', 'awaiting-door')`, [code]);
  }

  /** Counts one more lockout of this dossier; returns the count. */
  async addLockout(code: string): Promise<number> {
    return (await pluck<number>(this.q, 'UPDATE dossiers SET lockouts = lockouts + 1 WHERE code = ? RETURNING lockouts', [code])) ?? 0;
  }

  /** Wrong pickup codes typed at this kiosk since `sinceMs`, any dossier. */
  async wrongCodesSince(sinceMs: number): Promise<number> {
    const n = await pluck<number>(
      this.q,
      `SELECT COUNT(*) AS n FROM pickup_audit WHERE action = 'open' AND result IN ('wrong-code', 'wrong-code-locked') AND at_ms >= ? AND kiosk_id = ?`,
      [sinceMs, this.kioskId],
    );
    return n ?? 0;
  }

  /** Until when every pickup is paused, if it is now. */
  pausedUntil(nowMs: number): Promise<number | undefined> {
    return pluck<number>(this.q, 'SELECT until_ms FROM pickup_pauses WHERE lifted_at_ms IS NULL AND until_ms > ? AND kiosk_id = ? ORDER BY id DESC LIMIT 1', [
      nowMs,
      this.kioskId,
    ]);
  }

  async startPause(nowMs: number, untilMs: number, wrongCodes: number): Promise<void> {
    await this.q.run('INSERT INTO pickup_pauses (started_at_ms, until_ms, wrong_codes, kiosk_id) VALUES (?, ?, ?, ?)', [nowMs, untilMs, wrongCodes, this.kioskId]);
  }

  /** When the last pause began or was lifted, whichever is later (undefined before the first pause). */
  async lastPauseBoundary(): Promise<number | undefined> {
    const at = await pluck<number | null>(
      this.q,
      'SELECT MAX(CASE WHEN lifted_at_ms > started_at_ms THEN lifted_at_ms ELSE started_at_ms END) AS at FROM pickup_pauses WHERE kiosk_id = ?',
      [this.kioskId],
    );
    return at ?? undefined;
  }

  /** Staff lift every pause in force; returns whether there was one. */
  async liftPauses(nowMs: number): Promise<boolean> {
    const { changes } = await this.q.run('UPDATE pickup_pauses SET lifted_at_ms = ? WHERE lifted_at_ms IS NULL AND until_ms > ? AND kiosk_id = ?', [nowMs, nowMs, this.kioskId]);
    return changes > 0;
  }

  occupied(): Promise<Compartment[]> {
    return this.q.all(
      `SELECT locker_board AS board, locker_lock AS lock FROM dossiers WHERE status = 'in-locker' AND locker_board IS NOT NULL AND locker_kiosk_id = ?
       UNION SELECT board, lock FROM deposits WHERE state IN ('opening', 'awaiting-door') AND kiosk_id = ?`,
      [this.kioskId, this.kioskId],
    );
  }

  /** `accountId`: the officer putting the result in (a pickup's rating is attributed to them); null for a machine. */
  async startDeposit(dossierCode: string, c: Compartment, nowMs: number, accountId: number | null = null): Promise<number> {
    const id = await pluck<number>(
      this.q,
      `INSERT INTO deposits (dossier_code, board, lock, state, created_at_ms, updated_at_ms, kiosk_id, account_id) VALUES (?, ?, ?, 'opening', ?, ?, ?, ?) RETURNING id`,
      [dossierCode, c.board, c.lock, nowMs, nowMs, this.kioskId, accountId],
    );
    return Number(id);
  }

  async setDeposit(id: number, state: DepositState, nowMs: number): Promise<void> {
    await this.q.run('UPDATE deposits SET state = ?, updated_at_ms = ? WHERE id = ?', [state, nowMs, id]);
  }

  depositAwaitingAt(c: Compartment): Promise<{ id: number; dossierCode: string } | undefined> {
    return this.q.get(`SELECT id, dossier_code AS "dossierCode" FROM deposits WHERE state = 'awaiting-door' AND board = ? AND lock = ? AND kiosk_id = ?`, [
      c.board,
      c.lock,
      this.kioskId,
    ]);
  }

  async placeInLocker(code: string, c: Compartment, pickupCodeHash: string, nowMs: number): Promise<void> {
    await this.q.run(
      `UPDATE dossiers SET locker_board = ?, locker_lock = ?, locker_kiosk_id = ?, pickup_code_hash = ?, deposited_at_ms = ?, failed_attempts = 0,
         locked_until_ms = NULL, lockouts = 0, reminded_at_ms = NULL, updated_at_ms = ? WHERE code = ?`,
      [c.board, c.lock, this.kioskId, pickupCodeHash, nowMs, nowMs, code],
    );
  }

  async markInLocker(code: string, nowMs: number): Promise<void> {
    await this.q.run(`UPDATE dossiers SET status = 'in-locker', updated_at_ms = ? WHERE code = ?`, [nowMs, code]);
  }

  secret(code: string): Promise<PickupSecret | undefined> {
    return this.q.get(
      `SELECT code, status, locker_board AS board, locker_lock AS lock, locker_kiosk_id AS "kioskId", pickup_code_hash AS "pickupCodeHash",
              failed_attempts AS "failedAttempts", locked_until_ms AS "lockedUntilMs", lockouts FROM dossiers WHERE code = ?`,
      [code],
    );
  }

  async setAttempts(code: string, failedAttempts: number, lockedUntilMs: number | null): Promise<void> {
    await this.q.run('UPDATE dossiers SET failed_attempts = ?, locked_until_ms = ? WHERE code = ?', [failedAttempts, lockedUntilMs, code]);
  }

  handover(code: string): Promise<{ state: HandoverState; board: number; lock: number } | undefined> {
    return this.q.get('SELECT state, board, lock FROM handovers WHERE dossier_code = ?', [code]);
  }

  async insertHandover(code: string, c: Compartment, nowMs: number): Promise<void> {
    await this.q.run(`INSERT INTO handovers (dossier_code, board, lock, state, created_at_ms, updated_at_ms, kiosk_id) VALUES (?, ?, ?, 'unlocking', ?, ?, ?)`, [
      code,
      c.board,
      c.lock,
      nowMs,
      nowMs,
      this.kioskId,
    ]);
  }

  async setHandover(code: string, state: HandoverState, nowMs: number): Promise<void> {
    // A handover that failed at another kiosk is tried again here: it belongs to the kiosk trying now.
    await this.q.run('UPDATE handovers SET state = ?, updated_at_ms = ?, kiosk_id = ? WHERE dossier_code = ?', [state, nowMs, this.kioskId, code]);
  }

  handoverOpenAt(c: Compartment): Promise<string | undefined> {
    return pluck<string>(this.q, `SELECT dossier_code FROM handovers WHERE state = 'opened' AND board = ? AND lock = ? AND kiosk_id = ?`, [
      c.board,
      c.lock,
      this.kioskId,
    ]);
  }

  activeDeposits(): Promise<Deposit[]> {
    return this.q.all(`SELECT id, dossier_code AS "dossierCode", board, lock, state FROM deposits WHERE state IN ('opening', 'awaiting-door') AND kiosk_id = ?`, [
      this.kioskId,
    ]);
  }

  pendingHandovers(): Promise<PendingHandover[]> {
    return this.q.all(`SELECT dossier_code AS "dossierCode", board, lock, state FROM handovers WHERE state IN ('unlocking', 'opened') AND kiosk_id = ?`, [
      this.kioskId,
    ]);
  }

  inLocker(): Promise<InLocker[]> {
    return this.q.all(
      `SELECT code AS "dossierCode", locker_board AS board, locker_lock AS lock, deposited_at_ms AS "depositedAtMs"
       FROM dossiers WHERE status = 'in-locker' AND locker_board IS NOT NULL AND locker_kiosk_id = ?`,
      [this.kioskId],
    );
  }

  /** Takes a result back out of its compartment: the dossier is at the counter again and its code is void. */
  async recall(code: string, nowMs: number): Promise<boolean> {
    const { changes } = await this.q.run(
      `UPDATE dossiers SET status = 'ready', locker_board = NULL, locker_lock = NULL, locker_kiosk_id = NULL, pickup_code_hash = NULL,
         failed_attempts = 0, locked_until_ms = NULL, lockouts = 0, updated_at_ms = ? WHERE code = ? AND status = 'in-locker'`,
      [nowMs, code],
    );
    // A handover that never completed (a door that would not open, one staff had to check) is closed by the
    // recall, so a later deposit of the same dossier can be collected at the kiosk again.
    if (changes === 1) await this.q.run(`DELETE FROM handovers WHERE dossier_code = ? AND state IN ('unlock-failed', 'needs-staff')`, [code]);
    return changes === 1;
  }

  /** Results deposited before `cutoffMs` and still in their compartment. */
  waitingSince(cutoffMs: number): Promise<Waiting[]> {
    return this.q.all(
      `SELECT code, procedure, phone, deposited_at_ms AS "depositedAtMs", reminded_at_ms AS "remindedAtMs" FROM dossiers
       WHERE status = 'in-locker' AND deposited_at_ms IS NOT NULL AND deposited_at_ms < ?`,
      [cutoffMs],
    );
  }

  async markReminded(code: string, nowMs: number): Promise<void> {
    await this.q.run('UPDATE dossiers SET reminded_at_ms = ? WHERE code = ?', [nowMs, code]);
  }

  /** The pickup code is void once the result is handed over: its hash goes with it. */
  async markReturned(code: string, nowMs: number): Promise<void> {
    await this.q.run(`UPDATE dossiers SET status = 'returned', pickup_code_hash = NULL, updated_at_ms = ? WHERE code = ?`, [nowMs, code]);
  }
}
