/**
 * Guessing pickup codes, bounded three ways, all counted in the store so a restart lifts nothing:
 * - per dossier: 5 wrong codes lock its pickup for 15 minutes (a lockout);
 * - per dossier, over time: after `lockoutsBeforeStaff` lockouts only staff hand the result over;
 * - per kiosk: `wrongCodesPerKiosk` wrong codes (any dossiers) within `windowMs` pause every pickup for `pauseMs`
 *   and alert staff — someone is trying codes across dossiers.
 * With 10⁶ codes, a guesser gets at most 5 × lockoutsBeforeStaff tries per dossier, ever.
 *
 * Runs inside the pickup's transaction: the decision, the counters and the audit row commit together. Refusals are
 * returned, not thrown, so that they commit.
 */
import { AgentError } from '../errors/agent-error';
import type { DossierRepository } from './dossier-repository';
import type { Compartment, LockerStore, PickupSecret } from './locker-store';

export const MAX_WRONG_CODES = 5;
export const LOCKOUT_MS = 15 * 60_000;

export interface GuessingLimits {
  wrongCodesPerKiosk: number;
  windowMs: number;
  pauseMs: number;
  lockoutsBeforeStaff: number;
}

export type GuessingAlert =
  | { kind: 'pickup-guessing'; dossierCode: string; board: number; lock: number; message: string }
  | { kind: 'pickup-paused'; message: string };

/** What an attempt reads and writes: the open transaction's compartments and audit trail. */
export interface AttemptStore {
  lockers: LockerStore;
  records: DossierRepository;
}

export type AttemptDecision = { ok: true } | { ok: false; error: AgentError; alerts?: GuessingAlert[] };

const minutesLeft = (untilMs: number, nowMs: number): number => Math.max(1, Math.ceil((untilMs - nowMs) / 60_000));

function paused(untilMs: number, nowMs: number): AgentError {
  const minutes = minutesLeft(untilMs, nowMs);
  return new AgentError(
    'PICKUP_PAUSED',
    `Việc nhận kết quả tại tủ đang tạm dừng vì có quá nhiều lần nhập sai mã. Vui lòng đến quầy trả kết quả, hoặc thử lại sau ${minutes} phút.`,
    { facts: { retryAfterMinutes: minutes } },
  );
}

const NEEDS_STAFF = (): AgentError =>
  new AgentError(
    'PICKUP_NEEDS_STAFF',
    'Mã nhận kết quả của hồ sơ này đã bị nhập sai nhiều lần. Để bảo đảm an toàn, vui lòng mang giấy hẹn và giấy tờ tùy thân đến quầy trả kết quả; cán bộ sẽ trao kết quả cho bạn.',
  );

export class PickupAttempts {
  constructor(
    private readonly limits: GuessingLimits,
    private readonly verify: (code: string, stored: string) => boolean,
  ) {}

  /** Whether every pickup at this kiosk is paused now, as an error to answer with. */
  async pausedNow(store: LockerStore, nowMs: number): Promise<AgentError | undefined> {
    const until = await store.pausedUntil(nowMs);
    return until === undefined ? undefined : paused(until, nowMs);
  }

  /** Checks a code for a dossier whose result is in compartment `c`; records what happened (in the caller's transaction). */
  async check(tx: AttemptStore, secret: PickupSecret & { pickupCodeHash: string }, c: Compartment, pickupCode: string, nowMs: number): Promise<AttemptDecision> {
    const store = tx.lockers;
    const audit = (action: string, result: string) => tx.records.audit(nowMs, secret.code, action, result);
    const pause = await this.pausedNow(store, nowMs);
    if (pause) {
      await audit('open', 'paused');
      return { ok: false, error: pause };
    }
    if (secret.lockouts >= this.limits.lockoutsBeforeStaff) {
      await audit('open', 'needs-staff:guessing');
      return { ok: false, error: NEEDS_STAFF() };
    }
    if (secret.lockedUntilMs !== null && secret.lockedUntilMs > nowMs) {
      await audit('open', 'locked');
      const minutes = minutesLeft(secret.lockedUntilMs, nowMs);
      return {
        ok: false,
        error: new AgentError('PICKUP_LOCKED', `Đã nhập sai mã quá ${MAX_WRONG_CODES} lần. Vui lòng thử lại sau ${minutes} phút hoặc đến quầy trả kết quả.`, {
          facts: { retryAfterMinutes: minutes },
        }),
      };
    }
    if (this.verify(pickupCode, secret.pickupCodeHash)) {
      await store.setAttempts(secret.code, 0, null);
      return { ok: true };
    }
    return this.wrong(tx, secret, c, nowMs);
  }

  /**
   * A wrong code: the dossier's own count (and lockouts) first, then the kiosk-wide count. Both always advance: a
   * pause that starts on a dossier's fifth wrong code still counts that dossier's lockout, or a guesser could get
   * five fresh tries on it in every pause cycle.
   */
  private async wrong(tx: AttemptStore, secret: PickupSecret, c: Compartment, nowMs: number): Promise<AttemptDecision> {
    const { limits } = this;
    const store = tx.lockers;
    const audit = (action: string, result: string) => tx.records.audit(nowMs, secret.code, action, result);
    const failed = (secret.lockedUntilMs !== null && secret.lockedUntilMs <= nowMs ? 0 : secret.failedAttempts) + 1;
    const lockNow = failed >= MAX_WRONG_CODES;
    await store.setAttempts(secret.code, lockNow ? 0 : failed, lockNow ? nowMs + LOCKOUT_MS : null);
    await audit('open', lockNow ? 'wrong-code-locked' : 'wrong-code');
    const lockouts = lockNow ? await store.addLockout(secret.code) : secret.lockouts;
    const toStaff = lockNow && lockouts >= limits.lockoutsBeforeStaff;

    const alerts: GuessingAlert[] = [];
    if (toStaff) {
      await audit('open', 'needs-staff:guessing');
      alerts.push({
        kind: 'pickup-guessing',
        dossierCode: secret.code,
        ...c,
        message: `Mã nhận kết quả của hồ sơ ${secret.code} bị nhập sai ${lockouts} lượt: ki-ốt không mở ngăn ${c.lock} (bo ${c.board}) nữa. Vui lòng thu hồi kết quả và trao tại quầy.`,
      });
    }
    // Wrong codes since the window began, or since the last pause began or was lifted by staff, whichever is later:
    // codes typed before staff looked into it do not count twice.
    const since = Math.max(nowMs - limits.windowMs, (await store.lastPauseBoundary()) ?? 0);
    const wrongHere = await store.wrongCodesSince(since);
    const pauseNow = wrongHere >= limits.wrongCodesPerKiosk;
    if (pauseNow) {
      await store.startPause(nowMs, nowMs + limits.pauseMs, wrongHere);
      await audit('pickup-pause', `wrong-codes:${wrongHere}`);
      alerts.push({
        kind: 'pickup-paused',
        message: `Có ${wrongHere} lần nhập sai mã nhận kết quả trong ${Math.round(limits.windowMs / 60_000)} phút: việc nhận kết quả tại tủ tạm dừng ${Math.round(limits.pauseMs / 60_000)} phút. Vui lòng kiểm tra ki-ốt; có thể mở lại sớm hơn bằng POST /api/pickup/resume.`,
      });
    }
    // The answer names what matters most to the person in front of the kiosk.
    let error: AgentError;
    if (toStaff) error = NEEDS_STAFF();
    else if (pauseNow) error = paused(nowMs + limits.pauseMs, nowMs);
    else if (lockNow) {
      error = new AgentError('PICKUP_LOCKED', `Đã nhập sai mã ${MAX_WRONG_CODES} lần. Việc nhận kết quả của hồ sơ này tạm khóa 15 phút; vui lòng đến quầy trả kết quả nếu cần.`, {
        facts: { retryAfterMinutes: 15 },
      });
    } else {
      error = new AgentError('PICKUP_CODE_INVALID', `Mã nhận kết quả không đúng. Bạn còn ${MAX_WRONG_CODES - failed} lần thử.`, { facts: { attemptsLeft: MAX_WRONG_CODES - failed } });
    }
    return { ok: false, error, alerts };
  }
}
