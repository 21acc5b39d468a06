/**
 * A booked ticket among walk-ins, on both stores: it waits at its booked time, is called when that time comes
 * (before walk-ins who came earlier), not before it while others wait, and every waiting person is told an honest
 * position. Booking through AppointmentBook (staff), check-in through QueueService as the check-in does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../kiosk-agent/src/config/load-config';
import { AppointmentBook } from '../../../kiosk-agent/src/queue/appointment-book';
import { CounterDesk } from '../../../kiosk-agent/src/queue/counter-desk';
import { CounterRepository } from '../../../kiosk-agent/src/queue/counter-repository';
import { QueueService } from '../../../kiosk-agent/src/queue/queue-service';
import { QueueStats } from '../../../kiosk-agent/src/stats/queue-stats';
import { FakeClock } from '../../support/fake-clock';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';
import { testConfig } from '../../support/test-config';

const at = (local: string): number => Date.parse(`${local}+07:00`);
const iso = (local: string): string => new Date(at(local)).toISOString();
const config = parseSiteConfig({
  ...testConfig('unused'),
  counters: [{ id: '1', services: ['tu-phap'] }],
  services: [{ id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice' }, dailyLimit: 5 }],
});

describe.each(STORE_KINDS)('a booked ticket in the queue (%s)', (kind) => {
  let t: TestStore;
  let clock: FakeClock;
  let queue: QueueService;
  let desk: CounterDesk;
  let book: AppointmentBook;

  beforeEach(async () => {
    t = await openTestStore(kind);
    clock = new FakeClock(at('2026-12-02T09:00'));
    queue = new QueueService({ config, store: t.store, clock });
    desk = new CounterDesk({ config, queue, store: t.store, counters: new CounterRepository(t.store), clock });
    book = new AppointmentBook({ config, queue, store: t.store, clock, appointmentUrl: (id) => `http://kiosk/appointment/${id}`, queued: () => undefined });
  });
  afterEach(() => t.cleanup());

  const walkIn = async (local: string) => {
    clock.set(iso(local));
    return queue.issueWithPosition('tu-phap', undefined);
  };
  const callAt = async (local: string) => {
    clock.set(iso(local));
    return (await desk.callNext('1')).ticket.number;
  };

  it('is called at its time, after the walk-ins before it and before those who came since; positions say so', async () => {
    const appointment = await book.book({ serviceId: 'tu-phap', start: iso('2026-12-02T09:30'), phone: '0912345678' }, { source: 'staff', by: null });
    expect((await walkIn('2026-12-02T09:00')).ticket.number).toBe('A001');
    expect((await walkIn('2026-12-02T09:05')).ticket.number).toBe('A002');

    clock.set(iso('2026-12-02T09:10'));
    const booked = await queue.issueWithPosition('tu-phap', undefined, undefined, { appointmentId: appointment.id, startMs: at('2026-12-02T09:30') });
    // Two walk-ins came before its time; it is not due for 20 minutes, longer than their 2 × 5 minutes.
    expect([booked.ticket.number, booked.ahead, booked.estimatedWaitMinutes, booked.ticket.bookedAtMs]).toEqual(['A003', 2, 20, at('2026-12-02T09:30')]);

    const later = await walkIn('2026-12-02T09:15');
    // A004 came after the booked citizen checked in but before the booked time: A001, A002, and A003 once due.
    expect([later.ticket.number, later.ahead]).toEqual(['A004', 3]);

    expect(await callAt('2026-12-02T09:20')).toBe('A001');
    expect(await callAt('2026-12-02T09:25')).toBe('A002');
    // 09:28: the booked time has not come and A004 waits: A004, not the booked ticket.
    expect(await callAt('2026-12-02T09:28')).toBe('A004');
    const a005 = await walkIn('2026-12-02T09:29');
    expect(a005.ahead).toBe(1); // the booked one, due in a minute
    // 09:30: its time: before A005, who came earlier.
    expect(await callAt('2026-12-02T09:30')).toBe('A003');
    expect(await callAt('2026-12-02T09:35')).toBe('A005');

    // Statistics: booked vs walk-in, on time, and a booking nobody checked in for once its time is over.
    await book.book({ serviceId: 'tu-phap', start: iso('2026-12-02T10:00'), phone: '0912000002' }, { source: 'staff', by: null });
    clock.set(iso('2026-12-02T11:00'));
    const stats = await new QueueStats(t.store, 3, () => clock.now()).compute('2026-12-02', '2026-12-02');
    expect(stats.services[0]).toMatchObject({ issued: 5, booked: 1, walkIns: 4, onTimeCheckIns: 1, appointmentsMissed: 1 });
    // A003's wait runs from its booked time (09:30, called 09:30: 0), not from its check-in at 09:10.
    expect(stats.services[0]!.longestWaitMinutes).toBe(20); // A001: 09:00 → 09:20
  });

  it('when nobody else waits it is called early rather than leave the counter idle; the daily limit does not refuse it', async () => {
    const appointment = await book.book({ serviceId: 'tu-phap', start: iso('2026-12-02T10:00'), phone: '0912345678' }, { source: 'staff', by: null });
    for (const time of ['09:00', '09:01', '09:02', '09:03', '09:04']) await walkIn(`2026-12-02T${time}`);
    await expect(walkIn('2026-12-02T09:05')).rejects.toMatchObject({ code: 'SERVICE_FULL' });
    clock.set(iso('2026-12-02T09:40'));
    const booked = await queue.issueWithPosition('tu-phap', undefined, undefined, { appointmentId: appointment.id, startMs: at('2026-12-02T10:00') });
    expect(booked.ticket.number).toBe('A006');
    for (const n of ['A001', 'A002', 'A003', 'A004', 'A005']) expect(await callAt('2026-12-02T09:41')).toBe(n);
    expect(await callAt('2026-12-02T09:45')).toBe('A006');
  });

  it('a second check-in of the same appointment is refused inside its transaction: no second ticket, no number used', async () => {
    const appointment = await book.book({ serviceId: 'tu-phap', start: iso('2026-12-02T09:30'), phone: '0912345678' }, { source: 'staff', by: null });
    const booked = { appointmentId: appointment.id, startMs: at('2026-12-02T09:30') };
    await queue.issueWithPosition('tu-phap', undefined, undefined, booked);
    await expect(queue.issueWithPosition('tu-phap', undefined, undefined, booked)).rejects.toMatchObject({ name: 'CheckedInMeanwhile' });
    expect((await walkIn('2026-12-02T09:11')).ticket.number).toBe('A002');
    expect((await book.appointments.byId(appointment.id))?.status).toBe('checked-in');
  });
});
