/**
 * The guessing bounds on a real store: a kiosk-wide pause that starts on a dossier's fifth wrong code still counts
 * that dossier's lockout, and after staff lift a pause only codes typed since count towards the next one.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PickupAttempts, type AttemptDecision } from '../../../kiosk-agent/src/pickup/pickup-attempts';
import { PickupCodeHasher } from '../../../kiosk-agent/src/pickup/pickup-code';
import { pickupRepos, type PickupStore } from '../../../kiosk-agent/src/pickup/pickup-repos';
import { unitOfWork } from '../../../kiosk-agent/src/store/store-port';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';

const T0 = Date.parse('2026-12-02T02:00:00Z');
const MIN = 60_000;

describe.each(STORE_KINDS)('pickup attempts (%s)', (kind) => {
  let t: TestStore;
  let pickup: PickupStore;
  let attempts: PickupAttempts;
  const hasher = new PickupCodeHasher(randomBytes(32));

  const inLocker = (code: string, lock: number, pin: string) =>
    pickup.transaction(async ({ records, lockers }) => {
      await records.upsert({ code, procedure: 'Chứng thực', applicantName: 'Lý Văn Sáu', phone: null, dueDate: '2026-12-05', status: 'ready' }, T0);
      await lockers.placeInLocker(code, { board: 0, lock }, hasher.hash(pin), T0);
      await lockers.markInLocker(code, T0);
    });
  /** One code typed for a dossier, decided in its own transaction as a handover does. */
  const attempt = (code: string, pin: string, at: number): Promise<AttemptDecision> =>
    pickup.transaction(async (tx) => {
      const secret = (await tx.lockers.secret(code))!;
      return attempts.check(tx, { ...secret, pickupCodeHash: secret.pickupCodeHash! }, { board: secret.board!, lock: secret.lock! }, pin, at);
    }, { lock: 'lockers' });
  const codeOf = (d: AttemptDecision) => (d.ok ? 'OK' : d.error.code);
  const secretOf = async (code: string) => (await pickup.read.lockers.secret(code))!;

  beforeEach(async () => {
    t = await openTestStore(kind);
    pickup = unitOfWork(t.store, pickupRepos(() => T0, 'kiosk'));
    attempts = new PickupAttempts({ wrongCodesPerKiosk: 5, windowMs: 10 * MIN, pauseMs: 15 * MIN, lockoutsBeforeStaff: 3 }, (c, h) => hasher.verify(c, h));
    await inLocker('000.00.15.H29-251201-0801', 1, '111111');
    await inLocker('000.00.15.H29-251201-0802', 2, '222222');
  });
  afterEach(() => t.cleanup());

  it('a pause that starts on a dossier’s fifth wrong code still counts its lockout, and alerts for both', async () => {
    const x = '000.00.15.H29-251201-0801';
    const answers: AttemptDecision[] = [];
    for (let i = 0; i < 5; i++) answers.push(await attempt(x, '000000', T0 + i * 1000));
    expect(answers.map(codeOf)).toEqual(['PICKUP_CODE_INVALID', 'PICKUP_CODE_INVALID', 'PICKUP_CODE_INVALID', 'PICKUP_CODE_INVALID', 'PICKUP_PAUSED']);
    expect((await secretOf(x)).lockouts).toBe(1);
    expect((await secretOf(x)).lockedUntilMs).toBeGreaterThan(T0);
    const last = answers[4]!;
    expect(last.ok ? [] : (last.alerts ?? []).map((a) => a.kind)).toEqual(['pickup-paused']);
  });

  it('after staff lift a pause, the codes typed before it do not count again', async () => {
    const [x, y] = ['000.00.15.H29-251201-0801', '000.00.15.H29-251201-0802'];
    for (let i = 0; i < 3; i++) await attempt(x, '000000', T0 + i * 1000);
    expect(codeOf(await attempt(y, '000000', T0 + 4000))).toBe('PICKUP_CODE_INVALID');
    expect(codeOf(await attempt(y, '000000', T0 + 5000))).toBe('PICKUP_PAUSED'); // five at the kiosk
    expect(await pickup.read.lockers.liftPauses(T0 + 2 * MIN)).toBe(true);
    // One typo three minutes later: well within the window of the earlier five, but they were dealt with.
    expect(codeOf(await attempt(y, '000000', T0 + 3 * MIN))).toBe('PICKUP_CODE_INVALID');
    expect(codeOf(await attempt(y, '222222', T0 + 3 * MIN + 1000))).toBe('OK');
  });
});
