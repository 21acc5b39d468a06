/**
 * Booking against a real store, on both adapters: slots from the offer's own hours, none on a day closed early,
 * and a slot's last place taken by two bookings at once goes to one of them (the other is told it is full).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../kiosk-agent/src/config/load-config';
import { AppointmentBook } from '../../../kiosk-agent/src/queue/appointment-book';
import { QueueService } from '../../../kiosk-agent/src/queue/queue-service';
import { FakeClock } from '../../support/fake-clock';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';
import { testConfig } from '../../support/test-config';

const at = (local: string): number => Date.parse(`${local}+07:00`);
const iso = (local: string): string => new Date(at(local)).toISOString();
const day: [string, string][] = [
  ['07:30', '11:30'],
  ['13:30', '17:00'],
];
const config = parseSiteConfig({
  ...testConfig('unused'),
  hours: { wed: day, thu: day },
  counters: [{ id: '1', services: ['tu-phap'] }],
  services: [
    // Booked in the mornings only, two people a slot.
    { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice' }, appointments: { slotMinutes: 60, perSlot: 2, daysAhead: 3, hours: { wed: [['08:00', '11:00']], thu: [['08:00', '11:00']] } } },
  ],
});

describe.each(STORE_KINDS)('booking (%s)', (kind) => {
  let t: TestStore;
  let clock: FakeClock;
  let queue: QueueService;
  let book: AppointmentBook;
  beforeEach(async () => {
    t = await openTestStore(kind);
    clock = new FakeClock(at('2026-12-02T07:00'));
    queue = new QueueService({ config, store: t.store, clock });
    book = new AppointmentBook({ config, queue, store: t.store, clock, appointmentUrl: (id) => `http://kiosk/appointment/${id}`, queued: () => undefined });
  });
  afterEach(() => t.cleanup());

  it("slots follow the offer's own hours; an afternoon time is refused; a service closed for today offers none today", async () => {
    const slots = await book.slots('tu-phap', '2026-12-02');
    expect(slots.slots.map((s) => s.start)).toEqual([iso('2026-12-02T08:00'), iso('2026-12-02T09:00'), iso('2026-12-02T10:00')]);
    const afternoon = book.book({ serviceId: 'tu-phap', start: iso('2026-12-02T14:00'), phone: '0912345678' }, { source: 'public', address: '192.0.2.1' });
    await expect(afternoon).rejects.toMatchObject({ code: 'APPOINTMENT_SLOT_INVALID' });
    await queue.closeToday('tu-phap', null);
    expect((await book.slots('tu-phap', '2026-12-02')).slots).toEqual([]);
    expect((await book.slots('tu-phap', '2026-12-03')).slots).toHaveLength(3);
  });

  it('the last place of a slot, asked for twice at once, goes once', async () => {
    const first = await book.book({ serviceId: 'tu-phap', start: iso('2026-12-02T09:00'), phone: '0912000001' }, { source: 'public', address: '192.0.2.1' });
    expect(first.code).toMatch(/^\d{8}$/);
    const race = await Promise.allSettled(
      ['0912000002', '0912000003'].map((phone) => book.book({ serviceId: 'tu-phap', start: iso('2026-12-02T09:00'), phone }, { source: 'public', address: '192.0.2.2' })),
    );
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(race.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['APPOINTMENT_SLOT_FULL']);
    expect((await book.slots('tu-phap', '2026-12-02')).slots.find((s) => s.start === iso('2026-12-02T09:00'))?.remaining).toBe(0);
  });
});
