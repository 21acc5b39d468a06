/** SQL for compartments in use, deposits, handovers and pickup-code attempts. */
import type { Db } from '../store/sqlite';

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
  pickupCodeHash: string | null;
  failedAttempts: number;
  lockedUntilMs: number | null;
  /** Lockouts so far (five wrong codes each) since the deposit. */
  lockouts: number;
}

export class LockerStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      occupied: db.prepare(
        `SELECT locker_board AS board, locker_lock AS lock FROM dossiers WHERE status = 'in-locker' AND locker_board IS NOT NULL
         UNION SELECT board, lock FROM deposits WHERE state IN ('opening', 'awaiting-door')`,
      ),
      insertDeposit: db.prepare(`INSERT INTO deposits (dossier_code, board, lock, state, created_at_ms, updated_at_ms) VALUES (?, ?, ?, 'opening', ?, ?)`),
      setDeposit: db.prepare('UPDATE deposits SET state = ?, updated_at_ms = ? WHERE id = ?'),
      depositAwaiting: db.prepare(`SELECT id, dossier_code AS dossierCode FROM deposits WHERE state = 'awaiting-door' AND board = ? AND lock = ?`),
      placeInLocker: db.prepare(
        `UPDATE dossiers SET locker_board = ?, locker_lock = ?, pickup_code_hash = ?, deposited_at_ms = ?, failed_attempts = 0, locked_until_ms = NULL,
           lockouts = 0, reminded_at_ms = NULL, updated_at_ms = ? WHERE code = ?`,
      ),
      markInLocker: db.prepare(`UPDATE dossiers SET status = 'in-locker', updated_at_ms = ? WHERE code = ?`),
      secret: db.prepare(
        `SELECT code, status, locker_board AS board, locker_lock AS lock, pickup_code_hash AS pickupCodeHash,
                failed_attempts AS failedAttempts, locked_until_ms AS lockedUntilMs, lockouts FROM dossiers WHERE code = ?`,
      ),
      activeDeposit: db.prepare(`SELECT id, state FROM deposits WHERE dossier_code = ? AND state IN ('opening', 'awaiting-door')`),
      addLockout: db.prepare('UPDATE dossiers SET lockouts = lockouts + 1 WHERE code = ? RETURNING lockouts'),
      wrongCodesSince: db.prepare(`SELECT COUNT(*) FROM pickup_audit WHERE action = 'open' AND result IN ('wrong-code', 'wrong-code-locked') AND at_ms >= ?`).pluck(),
      activePause: db.prepare('SELECT id, until_ms AS untilMs FROM pickup_pauses WHERE lifted_at_ms IS NULL AND until_ms > ? ORDER BY id DESC LIMIT 1'),
      startPause: db.prepare('INSERT INTO pickup_pauses (started_at_ms, until_ms, wrong_codes) VALUES (?, ?, ?)'),
      liftPauses: db.prepare('UPDATE pickup_pauses SET lifted_at_ms = ? WHERE lifted_at_ms IS NULL AND until_ms > ?'),
      lastPauseBoundary: db.prepare('SELECT MAX(MAX(started_at_ms, COALESCE(lifted_at_ms, 0))) FROM pickup_pauses').pluck(),
      setAttempts: db.prepare('UPDATE dossiers SET failed_attempts = ?, locked_until_ms = ? WHERE code = ?'),
      handover: db.prepare('SELECT state, board, lock FROM handovers WHERE dossier_code = ?'),
      insertHandover: db.prepare(`INSERT INTO handovers (dossier_code, board, lock, state, created_at_ms, updated_at_ms) VALUES (?, ?, ?, 'unlocking', ?, ?)`),
      setHandover: db.prepare('UPDATE handovers SET state = ?, updated_at_ms = ? WHERE dossier_code = ?'),
      handoverOpenAt: db.prepare(`SELECT dossier_code AS dossierCode FROM handovers WHERE state = 'opened' AND board = ? AND lock = ?`),
      activeDeposits: db.prepare(`SELECT id, dossier_code AS dossierCode, board, lock, state FROM deposits WHERE state IN ('opening', 'awaiting-door')`),
      pendingHandovers: db.prepare(`SELECT dossier_code AS dossierCode, board, lock, state FROM handovers WHERE state IN ('unlocking', 'opened')`),
      inLocker: db.prepare(
        `SELECT code AS dossierCode, locker_board AS board, locker_lock AS lock, deposited_at_ms AS depositedAtMs
         FROM dossiers WHERE status = 'in-locker' AND locker_board IS NOT NULL`,
      ),
      recall: db.prepare(
        `UPDATE dossiers SET status = 'ready', locker_board = NULL, locker_lock = NULL, pickup_code_hash = NULL,
           failed_attempts = 0, locked_until_ms = NULL, lockouts = 0, updated_at_ms = ? WHERE code = ? AND status = 'in-locker'`,
      ),
      // A handover that never completed (a door that would not open, one staff had to check) is closed by the
      // recall, so a later deposit of the same dossier can be collected at the kiosk again.
      dropUnfinishedHandover: db.prepare(`DELETE FROM handovers WHERE dossier_code = ? AND state IN ('unlock-failed', 'needs-staff')`),
      waitingSince: db.prepare(
        `SELECT code, procedure, phone, deposited_at_ms AS depositedAtMs, reminded_at_ms AS remindedAtMs FROM dossiers
         WHERE status = 'in-locker' AND deposited_at_ms IS NOT NULL AND deposited_at_ms < ?`,
      ),
      markReminded: db.prepare('UPDATE dossiers SET reminded_at_ms = ? WHERE code = ?'),
      // The pickup code is void once the result is handed over: its hash goes with it.
      markReturned: db.prepare(`UPDATE dossiers SET status = 'returned', pickup_code_hash = NULL, updated_at_ms = ? WHERE code = ?`),
    };
  }

  /** The deposit of this dossier still in progress (door not shut yet), if any. */
  activeDeposit(code: string): { id: number; state: DepositState } | undefined {
    return this.s.activeDeposit.get(code) as { id: number; state: DepositState } | undefined;
  }

  /** Counts one more lockout of this dossier; returns the count. */
  addLockout(code: string): number {
    return (this.s.addLockout.get(code) as { lockouts: number } | undefined)?.lockouts ?? 0;
  }

  /** Wrong pickup codes typed at this kiosk since `sinceMs`, any dossier. */
  wrongCodesSince(sinceMs: number): number {
    return this.s.wrongCodesSince.get(sinceMs) as number;
  }

  /** Until when every pickup is paused, if it is now. */
  pausedUntil(nowMs: number): number | undefined {
    return (this.s.activePause.get(nowMs) as { untilMs: number } | undefined)?.untilMs;
  }

  startPause(nowMs: number, untilMs: number, wrongCodes: number): void {
    this.s.startPause.run(nowMs, untilMs, wrongCodes);
  }

  /** When the last pause began or was lifted, whichever is later (undefined before the first pause). */
  lastPauseBoundary(): number | undefined {
    return (this.s.lastPauseBoundary.get() as number | null) ?? undefined;
  }

  /** Staff lift every pause in force; returns whether there was one. */
  liftPauses(nowMs: number): boolean {
    return this.s.liftPauses.run(nowMs, nowMs).changes > 0;
  }

  occupied(): Compartment[] {
    return this.s.occupied.all() as Compartment[];
  }

  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  startDeposit(dossierCode: string, c: Compartment, nowMs: number): number {
    return Number(this.s.insertDeposit.run(dossierCode, c.board, c.lock, nowMs, nowMs).lastInsertRowid);
  }

  setDeposit(id: number, state: DepositState, nowMs: number): void {
    this.s.setDeposit.run(state, nowMs, id);
  }

  depositAwaitingAt(c: Compartment): { id: number; dossierCode: string } | undefined {
    return this.s.depositAwaiting.get(c.board, c.lock) as { id: number; dossierCode: string } | undefined;
  }

  placeInLocker(code: string, c: Compartment, pickupCodeHash: string, nowMs: number): void {
    this.s.placeInLocker.run(c.board, c.lock, pickupCodeHash, nowMs, nowMs, code);
  }

  markInLocker(code: string, nowMs: number): void {
    this.s.markInLocker.run(nowMs, code);
  }

  secret(code: string): PickupSecret | undefined {
    return this.s.secret.get(code) as PickupSecret | undefined;
  }

  setAttempts(code: string, failedAttempts: number, lockedUntilMs: number | null): void {
    this.s.setAttempts.run(failedAttempts, lockedUntilMs, code);
  }

  handover(code: string): { state: HandoverState; board: number; lock: number } | undefined {
    return this.s.handover.get(code) as { state: HandoverState; board: number; lock: number } | undefined;
  }

  insertHandover(code: string, c: Compartment, nowMs: number): void {
    this.s.insertHandover.run(code, c.board, c.lock, nowMs, nowMs);
  }

  setHandover(code: string, state: HandoverState, nowMs: number): void {
    this.s.setHandover.run(state, nowMs, code);
  }

  handoverOpenAt(c: Compartment): string | undefined {
    return (this.s.handoverOpenAt.get(c.board, c.lock) as { dossierCode: string } | undefined)?.dossierCode;
  }

  activeDeposits(): { id: number; dossierCode: string; board: number; lock: number; state: DepositState }[] {
    return this.s.activeDeposits.all() as { id: number; dossierCode: string; board: number; lock: number; state: DepositState }[];
  }

  pendingHandovers(): { dossierCode: string; board: number; lock: number; state: HandoverState }[] {
    return this.s.pendingHandovers.all() as { dossierCode: string; board: number; lock: number; state: HandoverState }[];
  }

  inLocker(): { dossierCode: string; board: number; lock: number; depositedAtMs: number | null }[] {
    return this.s.inLocker.all() as { dossierCode: string; board: number; lock: number; depositedAtMs: number | null }[];
  }

  /** Takes a result back out of its compartment: the dossier is at the counter again and its code is void. */
  recall(code: string, nowMs: number): boolean {
    const recalled = this.s.recall.run(nowMs, code).changes === 1;
    if (recalled) this.s.dropUnfinishedHandover.run(code);
    return recalled;
  }

  /** Results deposited before `cutoffMs` and still in their compartment. */
  waitingSince(cutoffMs: number): { code: string; procedure: string; phone: string | null; depositedAtMs: number; remindedAtMs: number | null }[] {
    return this.s.waitingSince.all(cutoffMs) as { code: string; procedure: string; phone: string | null; depositedAtMs: number; remindedAtMs: number | null }[];
  }

  markReminded(code: string, nowMs: number): void {
    this.s.markReminded.run(nowMs, code);
  }

  markReturned(code: string, nowMs: number): void {
    this.s.markReturned.run(nowMs, code);
  }
}
