/**
 * The guessing bounds on a real store: a kiosk-wide pause that starts on a dossier's fifth wrong code still counts
 * that dossier's lockout, and after staff lift a pause only codes typed since count towards the next one.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierRepository } from '../../../kiosk-agent/src/pickup/dossier-repository';
import { LockerStore } from '../../../kiosk-agent/src/pickup/locker-store';
import { PickupAttempts, type AttemptDecision } from '../../../kiosk-agent/src/pickup/pickup-attempts';
import { PickupCodeHasher } from '../../../kiosk-agent/src/pickup/pickup-code';
import { openStore, type Db } from '../../../kiosk-agent/src/store/sqlite';
import { tempDir } from '../../support/temp-dir';

const T0 = Date.parse('2026-12-02T02:00:00Z');
const MIN = 60_000;

describe('pickup attempts', () => {
  const dir = tempDir();
  let db: Db;
  let store: LockerStore;
  let attempts: PickupAttempts;
  const hasher = new PickupCodeHasher(randomBytes(32));

  const inLocker = (code: string, lock: number, pin: string) => {
    const repo = new DossierRepository(db);
    repo.upsert({ code, procedure: 'Chứng thực', applicantName: 'Lý Văn Sáu', phone: null, dueDate: '2026-12-05', status: 'ready' }, T0);
    store.placeInLocker(code, { board: 0, lock }, hasher.hash(pin), T0);
    store.markInLocker(code, T0);
  };
  const attempt = (code: string, pin: string, at: number): AttemptDecision => {
    const secret = store.secret(code)!;
    return store.tx(() => attempts.check({ ...secret, pickupCodeHash: secret.pickupCodeHash! }, { board: secret.board!, lock: secret.lock! }, pin, at));
  };
  const codeOf = (d: AttemptDecision) => (d.ok ? 'OK' : d.error.code);

  beforeEach(() => {
    db = openStore({ dataDir: dir.path, fileName: `a-${Math.random()}.sqlite`, synchronous: 'NORMAL' });
    store = new LockerStore(db);
    const repo = new DossierRepository(db);
    attempts = new PickupAttempts(store, (at, code, action, result) => repo.audit(at, code, action, result), { wrongCodesPerKiosk: 5, windowMs: 10 * MIN, pauseMs: 15 * MIN, lockoutsBeforeStaff: 3 }, (c, h) => hasher.verify(c, h));
    inLocker('000.00.15.H29-251201-0801', 1, '111111');
    inLocker('000.00.15.H29-251201-0802', 2, '222222');
  });
  afterEach(() => db.close());

  it('a pause that starts on a dossier’s fifth wrong code still counts its lockout, and alerts for both', () => {
    const x = '000.00.15.H29-251201-0801';
    const answers = Array.from({ length: 5 }, (_, i) => attempt(x, '000000', T0 + i * 1000));
    expect(answers.map(codeOf)).toEqual(['PICKUP_CODE_INVALID', 'PICKUP_CODE_INVALID', 'PICKUP_CODE_INVALID', 'PICKUP_CODE_INVALID', 'PICKUP_PAUSED']);
    expect(store.secret(x)!.lockouts).toBe(1);
    expect(store.secret(x)!.lockedUntilMs).toBeGreaterThan(T0);
    const last = answers[4]!;
    expect(last.ok ? [] : (last.alerts ?? []).map((a) => a.kind)).toEqual(['pickup-paused']);
  });

  it('after staff lift a pause, the codes typed before it do not count again', () => {
    const [x, y] = ['000.00.15.H29-251201-0801', '000.00.15.H29-251201-0802'];
    for (let i = 0; i < 3; i++) attempt(x, '000000', T0 + i * 1000);
    expect(codeOf(attempt(y, '000000', T0 + 4000))).toBe('PICKUP_CODE_INVALID');
    expect(codeOf(attempt(y, '000000', T0 + 5000))).toBe('PICKUP_PAUSED'); // five at the kiosk
    expect(store.liftPauses(T0 + 2 * MIN)).toBe(true);
    // One typo three minutes later: well within the window of the earlier five, but they were dealt with.
    expect(codeOf(attempt(y, '000000', T0 + 3 * MIN))).toBe('PICKUP_CODE_INVALID');
    expect(codeOf(attempt(y, '222222', T0 + 3 * MIN + 1000))).toBe('OK');
  });
});
