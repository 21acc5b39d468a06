/** Opening hours, daily limits and the closing margin at the store, on both adapters: what a citizen is told. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../kiosk-agent/src/config/load-config';
import { QueueService } from '../../../kiosk-agent/src/queue/queue-service';
import { availability } from '../../../kiosk-agent/src/queue/service-availability';
import { FakeClock } from '../../support/fake-clock';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';
import { testConfig } from '../../support/test-config';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (local: string): number => Date.parse(`${local}+07:00`);
const weekdays = [['07:30', '11:30'], ['13:30', '17:00']] as [string, string][];
const config = parseSiteConfig({
  ...testConfig('unused'),
  hours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: [['07:30', '11:30']] },
  closedDays: ['2026-12-03'],
  services: [
    { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice' }, dailyLimit: 3 },
    // Its own hours: mornings only.
    { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' }, hours: { wed: [['08:00', '11:00']] }, defaultServiceMinutes: 20 },
  ],
  queue: { closingMarginMinutes: 10 },
});

const failure = async (p: Promise<unknown>) => p.then(() => undefined, (err: { code: string; message: string; details?: { facts?: object } }) => err);

describe('availability (pure)', () => {
  const base = { schedule: { hours: { wed: weekdays }, closedDays: [] }, timeZone: TZ, dailyLimit: 100, issuedToday: 0, estimatedWaitMinutes: 0, closingMarginMinutes: 10 };
  it('open, closing when the wait ends more than the margin after closing, full at the limit, closed outside hours', () => {
    expect(availability({ ...base, nowMs: at('2026-12-02T09:00') }).state).toBe('open');
    // The wait ends exactly at closing + margin (11:40): still open; a minute more: closing.
    expect(availability({ ...base, nowMs: at('2026-12-02T11:00'), estimatedWaitMinutes: 40 }).state).toBe('open');
    expect(availability({ ...base, nowMs: at('2026-12-02T11:00'), estimatedWaitMinutes: 41 })).toMatchObject({ state: 'closing', closesAtMs: at('2026-12-02T11:30') });
    expect(availability({ ...base, nowMs: at('2026-12-02T09:00'), issuedToday: 100 })).toMatchObject({ state: 'full', remaining: 0, opensAtMs: at('2026-12-09T07:30') });
    expect(availability({ ...base, nowMs: at('2026-12-02T12:00') })).toMatchObject({ state: 'closed', opensAtMs: at('2026-12-02T13:30'), remaining: 100 });
  });
});

describe.each(STORE_KINDS)('issuing within opening hours and limits (%s)', (kind) => {
  let t: TestStore;
  let clock: FakeClock;
  let queue: QueueService;
  beforeEach(async () => {
    t = await openTestStore(kind);
    clock = new FakeClock(at('2026-12-02T09:00')); // a Wednesday
    queue = new QueueService({ config, store: t.store, clock });
  });
  afterEach(() => t.cleanup());

  it('outside hours: SERVICE_CLOSED with when it opens, in Vietnamese; the closed day before a weekday is skipped', async () => {
    clock.set(new Date(at('2026-12-02T12:00')).toISOString());
    const lunch = await failure(queue.issueTicket('tu-phap', undefined));
    expect(lunch).toMatchObject({ code: 'SERVICE_CLOSED', details: { facts: { opensAt: new Date(at('2026-12-02T13:30')).toISOString() } } });
    expect(lunch!.message).toContain('quay lại lúc 13:30');
    clock.set(new Date(at('2026-12-02T18:00')).toISOString());
    // Thursday 3 December is a closed day: Friday morning.
    expect(await failure(queue.issueTicket('tu-phap', undefined))).toMatchObject({ details: { facts: { opensAt: new Date(at('2026-12-04T07:30')).toISOString() } } });
  });

  it('a daily limit: the fourth ticket is SERVICE_FULL with the next working day, and no number is used up', async () => {
    for (let i = 0; i < 3; i++) await queue.issueTicket('tu-phap', undefined);
    const full = await failure(queue.issueTicket('tu-phap', undefined));
    expect(full).toMatchObject({ code: 'SERVICE_FULL', details: { facts: { opensAt: new Date(at('2026-12-04T07:30')).toISOString() } } });
    expect(full!.message).toContain('hết số trong ngày');
    const list = await queue.listServices();
    expect(list.find((s) => s.id === 'tu-phap')).toMatchObject({ state: 'full', remaining: 0 });
    // Parallel requests at the limit's edge: the limit holds, the numbers stay 1..3.
    clock.set(new Date(at('2026-12-04T08:00')).toISOString());
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => queue.issueTicket('tu-phap', undefined)));
    const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.number] : [])).sort();
    expect(numbers).toEqual(['A001', 'A002', 'A003']);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['SERVICE_FULL', 'SERVICE_FULL', 'SERVICE_FULL']);
  });

  it("a service's own hours; the closing margin refuses a ticket whose wait runs past closing, but not a priority visitor", async () => {
    clock.set(new Date(at('2026-12-02T10:20')).toISOString());
    await queue.issueTicket('dat-dai', undefined); // 0 ahead: ends 10:20, fine
    await queue.issueTicket('dat-dai', undefined); // 1 ahead × 20 min: ends 10:40
    await queue.issueTicket('dat-dai', undefined); // 2 ahead: ends 11:00
    const late = await failure(queue.issueTicket('dat-dai', undefined)); // 3 ahead: 11:20 > 11:00 + 10
    expect(late).toMatchObject({ code: 'SERVICE_CLOSING', details: { facts: { closesAt: new Date(at('2026-12-02T11:00')).toISOString() } } });
    expect(late!.message).toContain('sắp hết giờ');
    expect((await queue.issueTicket('dat-dai', 'elderly')).number).toBe('D004');
    expect((await queue.listServices()).find((s) => s.id === 'dat-dai')?.state).toBe('closing');
    clock.set(new Date(at('2026-12-02T14:00')).toISOString());
    expect(await failure(queue.issueTicket('dat-dai', undefined))).toMatchObject({ code: 'SERVICE_CLOSED' });
    expect((await queue.listServices()).map((s) => [s.id, s.state])).toEqual([
      ['tu-phap', 'open'],
      ['dat-dai', 'closed'],
    ]);
  });
});

describe.each(STORE_KINDS)('a service closed for the rest of the day (%s)', (kind) => {
  let t: TestStore;
  afterEach(() => t.cleanup());

  it('no more tickets for it today, even in the afternoon; open again at its next opening day; the others unaffected', async () => {
    t = await openTestStore(kind);
    const clock = new FakeClock(at('2026-12-02T09:00'));
    const queue = new QueueService({ config, store: t.store, clock });
    await queue.issueTicket('tu-phap', undefined);
    expect(await queue.closeToday('tu-phap', null)).toEqual({ serviceId: 'tu-phap', day: '2026-12-02', opensAt: new Date(at('2026-12-04T07:30')).toISOString() });
    await queue.closeToday('tu-phap', null); // again: no error
    clock.set(new Date(at('2026-12-02T14:00')).toISOString());
    const refused = await failure(queue.issueTicket('tu-phap', undefined));
    expect(refused).toMatchObject({ code: 'SERVICE_CLOSED', details: { facts: { opensAt: new Date(at('2026-12-04T07:30')).toISOString() } } });
    expect((await queue.listServices()).find((s) => s.id === 'tu-phap')).toMatchObject({ state: 'closed', opensAt: new Date(at('2026-12-04T07:30')).toISOString() });
    clock.set(new Date(at('2026-12-04T07:31')).toISOString());
    expect((await queue.issueTicket('tu-phap', undefined)).number).toBe('A001');
  });
});
