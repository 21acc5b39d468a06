/**
 * Who sits at each counter, for the lobby display (`display.showOfficer`), on both adapters: the officer whose live
 * session was signed in there — the most recently seen of two, nobody once the session ended, went idle, passed the
 * day's limit or the account was disabled — and the counters told each time that changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaffSessions } from '../../../kiosk-agent/src/staff/staff-sessions';
import { FakeClock } from '../../support/fake-clock';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';

const CONFIG = { sessionIdleMinutes: 30, sessionMaxHours: 12, signInAttempts: 5, lockMinutes: 15 };
const MIN = 60_000;

describe.each(STORE_KINDS)('officers at counters (%s)', (kind) => {
  let t: TestStore;
  let clock: FakeClock;
  let staff: StaffSessions;
  let told: string[];
  beforeEach(async () => {
    t = await openTestStore(kind);
    clock = new FakeClock(Date.parse('2026-12-02T07:30:00+07:00'));
    staff = new StaffSessions({ store: t.store, clock, config: CONFIG });
    told = [];
    staff.onCounterSessions((id) => told.push(id));
    await staff.add({ username: 'lan', name: 'Nguyễn Thị Lan', role: 'officer', password: 'mat-khau-cua-lan' });
    await staff.add({ username: 'minh', name: 'Trần Văn Minh', role: 'officer', password: 'mat-khau-cua-minh' });
  });
  afterEach(() => t.cleanup());

  it('names the officer signed in at each counter; of two at one counter, the one seen last', async () => {
    expect(await staff.officersAtCounters()).toEqual(new Map());
    const lan = await staff.signIn('lan', 'mat-khau-cua-lan', '2');
    await staff.signIn('minh', 'mat-khau-cua-minh'); // no counter: a supervisor's desk, the statistics
    expect(await staff.officersAtCounters()).toEqual(new Map([['2', 'Nguyễn Thị Lan']]));
    clock.advance(2 * MIN);
    await staff.signIn('minh', 'mat-khau-cua-minh', '2');
    expect(await staff.officersAtCounters()).toEqual(new Map([['2', 'Trần Văn Minh']]));
    // Lan's console makes a request later (touching her session): she is the one seen last.
    clock.advance(2 * MIN);
    await staff.verify(lan.token);
    expect(await staff.officersAtCounters()).toEqual(new Map([['2', 'Nguyễn Thị Lan']]));
    expect(told).toEqual(['2', '2']);
  });

  it('nobody once the session ends: sign-out, idle, the day\'s limit, a disabled account, a new password', async () => {
    const out = await staff.signIn('lan', 'mat-khau-cua-lan', '1');
    await staff.signOut(out.token);
    expect(await staff.officersAtCounters()).toEqual(new Map());
    await staff.signOut(out.token); // already ended: nothing to tell
    expect(told).toEqual(['1', '1']);

    told.length = 0;
    await staff.signIn('lan', 'mat-khau-cua-lan', '1');
    clock.advance(31 * MIN);
    expect(await staff.officersAtCounters()).toEqual(new Map());

    // Busy all day: seen every 20 minutes, past 12 hours after signing in.
    const busy = await staff.signIn('lan', 'mat-khau-cua-lan', '3');
    for (let m = 0; m < 12 * 60; m += 20) {
      clock.advance(20 * MIN);
      await staff.verify(busy.token);
    }
    clock.advance(MIN);
    expect(await staff.officersAtCounters()).toEqual(new Map());

    await staff.signIn('lan', 'mat-khau-cua-lan', '4');
    await staff.signIn('minh', 'mat-khau-cua-minh', '5');
    expect(await staff.officersAtCounters()).toEqual(new Map([['4', 'Nguyễn Thị Lan'], ['5', 'Trần Văn Minh']]));
    told.length = 0;
    await staff.setDisabled((await staff.accounts.byUsername('lan'))!.id, true);
    await staff.resetPassword((await staff.accounts.byUsername('minh'))!.id, 'mat-khau-moi-cua-minh');
    expect(await staff.officersAtCounters()).toEqual(new Map());
    expect(told).toEqual(['4', '5']);
  });
});
