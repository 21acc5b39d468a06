/**
 * Officers' accounts and sessions against a real store, on both adapters: the password kept as scrypt and checked,
 * the lock after wrong passwords (surviving a restart), and each way a session ends (sign-out, idle, the day's
 * limit, a disabled account, a new password).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaffSessions } from '../../../kiosk-agent/src/staff/staff-sessions';
import { FakeClock } from '../../support/fake-clock';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';

const CONFIG = { sessionIdleMinutes: 30, sessionMaxHours: 12, signInAttempts: 5, lockMinutes: 15 };
const MIN = 60_000;
const failure = (p: Promise<unknown>) => p.then(() => ({ code: 'no error' }), (err: { code: string; details?: { facts?: Record<string, unknown> } }) => err);

describe.each(STORE_KINDS)('staff sessions (%s)', (kind) => {
  let t: TestStore;
  let clock: FakeClock;
  let staff: StaffSessions;
  beforeEach(async () => {
    t = await openTestStore(kind);
    clock = new FakeClock(Date.parse('2026-12-02T07:30:00+07:00'));
    staff = new StaffSessions({ store: t.store, clock, config: CONFIG });
    await staff.add({ username: 'Lan', name: 'Nguyễn Thị Lan', role: 'officer', password: 'mat-khau-cua-lan' });
  });
  afterEach(() => t.cleanup());

  it('keeps the password only as scrypt; the right one opens a session that names the officer', async () => {
    const stored = await t.store.get<{ password_hash: string; username: string }>('SELECT password_hash, username FROM staff_accounts');
    expect(stored?.username).toBe('lan'); // usernames are kept in lower case
    expect(stored?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored?.password_hash).not.toContain('mat-khau');
    const signed = await staff.signIn('LAN', 'mat-khau-cua-lan', '3');
    expect(signed.officer).toMatchObject({ username: 'lan', name: 'Nguyễn Thị Lan', role: 'officer' });
    expect(await staff.verify(signed.token)).toMatchObject({ username: 'lan' });
    expect(await staff.verify('not-a-token')).toBeUndefined();
    expect((await staff.list())[0]).toMatchObject({ username: 'lan', signedInAt: ['3'], disabled: false });
    await expect(staff.add({ username: 'lan', name: 'Another', role: 'officer', password: 'long-enough' })).rejects.toMatchObject({ code: 'STAFF_USERNAME_TAKEN' });
    await expect(staff.add({ username: 'ha', name: 'Hà', role: 'officer', password: 'short' })).rejects.toMatchObject({ code: 'STAFF_PASSWORD_WEAK' });
  });

  it('five wrong passwords lock the account for 15 minutes, even against the right one, and a restart does not lift it', async () => {
    for (let left = 4; left >= 1; left--) {
      expect(await failure(staff.signIn('lan', 'wrong'))).toMatchObject({ code: 'STAFF_CREDENTIALS_INVALID', details: { facts: { attemptsLeft: left } } });
    }
    expect(await failure(staff.signIn('lan', 'wrong'))).toMatchObject({ code: 'STAFF_LOCKED' });
    const restarted = new StaffSessions({ store: t.store, clock, config: CONFIG });
    expect(await failure(restarted.signIn('lan', 'mat-khau-cua-lan'))).toMatchObject({ code: 'STAFF_LOCKED' });
    clock.advance(15 * MIN + 1000);
    expect((await restarted.signIn('lan', 'mat-khau-cua-lan')).officer.username).toBe('lan');
    // An unknown username says the same, without a count that would tell it apart.
    expect(await failure(staff.signIn('nobody', 'x'))).toMatchObject({ code: 'STAFF_CREDENTIALS_INVALID', details: {} });
  });

  it('a session ends on sign-out, after 30 idle minutes, after 12 hours however busy, when the account is disabled or its password reset', async () => {
    const out = (await staff.signIn('lan', 'mat-khau-cua-lan')).token;
    await staff.signOut(out);
    expect(await staff.verify(out)).toBeUndefined();

    const idle = (await staff.signIn('lan', 'mat-khau-cua-lan')).token;
    clock.advance(29 * MIN);
    expect(await staff.verify(idle)).toBeDefined();
    clock.advance(29 * MIN); // 29 since the last request: still on
    expect(await staff.verify(idle)).toBeDefined();
    clock.advance(31 * MIN);
    expect(await staff.verify(idle)).toBeUndefined();

    // Used every 29 minutes all day: it ends with the first request past 12 hours (25 × 29 min = 12 h 5 min).
    const busy = (await staff.signIn('lan', 'mat-khau-cua-lan')).token;
    let requests = 0;
    while (requests < 40) {
      clock.advance(29 * MIN);
      requests += 1;
      if ((await staff.verify(busy)) === undefined) break;
    }
    expect(requests).toBe(25);

    const id = (await staff.list())[0]!.id;
    const a = (await staff.signIn('lan', 'mat-khau-cua-lan')).token;
    expect(await staff.setDisabled(id, true)).toEqual({ sessionsEnded: 1 });
    expect(await staff.verify(a)).toBeUndefined();
    expect(await failure(staff.signIn('lan', 'mat-khau-cua-lan'))).toMatchObject({ code: 'STAFF_ACCOUNT_DISABLED' });
    await staff.setDisabled(id, false);
    const b = (await staff.signIn('lan', 'mat-khau-cua-lan')).token;
    await staff.resetPassword(id, 'mat-khau-moi-2026');
    expect(await staff.verify(b)).toBeUndefined();
    expect((await staff.signIn('lan', 'mat-khau-moi-2026')).officer.username).toBe('lan');
  });
});
