/**
 * Appointments through the API as a citizen's phone, a counter and the kiosk meet them: slots, booking (public and
 * staff) with its limits, the SMS with the code once, the appointment's page, and check-in with every refusal.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { FakeGateway } from '../support/fake-gateway';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { waitUntil } from '../support/socat';

const at = (local: string): number => Date.parse(`${local}+07:00`);
const iso = (local: string): string => new Date(at(local)).toISOString();
const weekdays: [string, string][] = [['07:30', '11:30'], ['13:30', '17:00']];
const clock = new FakeClock(at('2026-12-02T08:00')); // a Wednesday
const gateway = new FakeGateway();

const test = agentTest({
  clock,
  config: () => ({
    hours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
    services: [
      { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice' }, appointments: { slotMinutes: 30, perSlot: 2, daysAhead: 7 } },
      { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' } },
    ],
    appointments: { perPhone: 2, perAddressPerDay: 6 },
    notifier: { driver: 'webhook', url: gateway.url },
    outbox: { pollMs: 50, minBackoffMs: 50 },
  }),
});

type Failure = { error: { code: string; message: string; details?: Record<string, string> } };
type Booked = Failure & { id: string; code: string; start: string; url: string };
type CheckIn = Failure & { ticket: { id: string; number: string; bookedAt?: string; ahead: number; printed: boolean }; appointment: { id: string }; again: boolean };

describe('appointments through the API', () => {
  beforeAll(() => gateway.start());
  afterAll(() => gateway.stop());

  test('slots and public booking: places, limits per phone and per address, services not offered; the SMS once', async ({ agent }) => {
    const slots = await getJson<{ slots: { start: string; remaining: number }[]; bookableUntil: string }>(`${agent.url}/api/appointments/slots?serviceId=tu-phap&date=2026-12-02`);
    expect(slots.status).toBe(200);
    // At 08:00 the 07:30 and 08:00 slots have begun: 08:30 is the first still to come.
    expect(slots.body.slots[0]).toEqual({ start: iso('2026-12-02T08:30'), end: iso('2026-12-02T09:00'), remaining: 2 });
    expect(slots.body.bookableUntil).toBe('2026-12-09');
    expect((await getJson<{ slots: unknown[] }>(`${agent.url}/api/appointments/slots?serviceId=tu-phap&date=2026-12-12`)).body.slots).toEqual([]);
    const notOffered = await getJson<Failure>(`${agent.url}/api/appointments/slots?serviceId=dat-dai&date=2026-12-02`);
    expect([notOffered.status, notOffered.body.error.code]).toEqual([409, 'APPOINTMENT_NOT_OFFERED']);
    const badQuery = await getJson<Failure>(`${agent.url}/api/appointments/slots?serviceId=tu-phap&date=tomorrow`);
    expect([badQuery.status, badQuery.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const bookAs = (phone: string, start: string, serviceId = 'tu-phap') => postJson<Booked>(`${agent.url}/api/appointments/book`, { serviceId, start, phone, name: 'Nguyễn Văn An' });
    const first = await bookAs('0912000001', iso('2026-12-02T09:00'));
    expect(first.status).toBe(201);
    expect(first.body.code).toMatch(/^\d{8}$/);
    expect(first.body.url).toMatch(new RegExp(`/appointment/${first.body.id}$`));
    expect((await bookAs('0912000002', iso('2026-12-02T09:00'))).status).toBe(201);
    const full = await bookAs('0912000003', iso('2026-12-02T09:00'));
    expect([full.status, full.body.error.code]).toEqual([409, 'APPOINTMENT_SLOT_FULL']);
    const after = await getJson<{ slots: { start: string; remaining: number }[] }>(`${agent.url}/api/appointments/slots?serviceId=tu-phap&date=2026-12-02`);
    expect(after.body.slots.find((s) => s.start === iso('2026-12-02T09:00'))?.remaining).toBe(0);

    for (const [start, code] of [
      [iso('2026-12-02T09:10'), 'APPOINTMENT_SLOT_INVALID'], // not a slot start
      [iso('2026-12-02T07:30'), 'APPOINTMENT_SLOT_INVALID'], // passed
      [iso('2026-12-02T12:00'), 'APPOINTMENT_SLOT_INVALID'], // lunch
      [iso('2026-12-14T09:00'), 'APPOINTMENT_SLOT_INVALID'], // beyond daysAhead
    ] as const) {
      const refused = await bookAs('0912000004', start);
      expect([start, refused.status, refused.body.error.code]).toEqual([start, 409, code]);
    }
    const notBookable = await bookAs('0912000004', iso('2026-12-02T09:30'), 'dat-dai');
    expect([notBookable.status, notBookable.body.error.code]).toEqual([409, 'APPOINTMENT_NOT_OFFERED']);

    // One phone: one per service and day, two to come in all.
    const sameDay = await bookAs('0912000001', iso('2026-12-02T10:00'));
    expect([sameDay.status, sameDay.body.error.code]).toEqual([429, 'APPOINTMENT_LIMIT']);
    expect((await bookAs('0912000001', iso('2026-12-03T10:00'))).status).toBe(201);
    const third = await bookAs('0912000001', iso('2026-12-04T10:00'));
    expect([third.status, third.body.error.code, third.body.error.message]).toEqual([429, 'APPOINTMENT_LIMIT', expect.stringContaining('đã có 2 lịch hẹn')]);
    // One address: six bookings a day (three made above); a phone changing its number does not get round it.
    for (const [n, time] of [[5, '08:00'], [6, '08:30'], [7, '09:00']]) expect((await bookAs(`091200000${n}`, iso(`2026-12-07T${time}`))).status).toBe(201);
    const address = await bookAs('0912000009', iso('2026-12-08T08:00'));
    expect([address.status, address.body.error.code]).toEqual([429, 'APPOINTMENT_LIMIT']);

    const bad = await postJson<Failure>(`${agent.url}/api/appointments/book`, { serviceId: 'tu-phap', start: 'at nine', phone: 'x' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    // The SMS: the code and its link, once per booking, to that phone.
    await waitUntil(() => gateway.received.length >= 6, 3000, 'six booking messages');
    expect(gateway.received).toHaveLength(6);
    await new Promise((r) => setTimeout(r, 200));
    const toFirst = gateway.received.filter((m) => m.reference === first.body.id);
    expect(toFirst).toHaveLength(1);
    expect(toFirst[0]).toMatchObject({ to: '0912000001' });
    expect(toFirst[0]!.text).toContain(`Mã lịch hẹn: ${first.body.code.slice(0, 4)} ${first.body.code.slice(4)}`);
    expect(toFirst[0]!.text).toContain(first.body.url);

    // Its page: the code for the QR, never the phone or the name.
    const page = await getJson<{ code: string; status: string; checkInFrom: string }>(`${agent.url}/api/appointments/${first.body.id}`);
    expect(page.body).toMatchObject({ code: first.body.code, status: 'booked', checkInFrom: iso('2026-12-02T08:30') });
    expect(JSON.stringify(page.body)).not.toMatch(/0912000001|Nguyễn/);
    expect((await getJson<Failure>(`${agent.url}/api/appointments/anone`)).body.error.code).toBe('APPOINTMENT_NOT_FOUND');

    // Cancelled from its link: its place frees up and the phone may book again; twice answers the same.
    const cancel = (id: string) => postJson<Failure & { status: string }>(`${agent.url}/api/appointments/${id}/cancel`, {});
    expect((await cancel(first.body.id)).body.status).toBe('cancelled');
    expect((await cancel(first.body.id)).body.status).toBe('cancelled');
    const freed = await getJson<{ slots: { start: string; remaining: number }[] }>(`${agent.url}/api/appointments/slots?serviceId=tu-phap&date=2026-12-02`);
    expect(freed.body.slots.find((s) => s.start === iso('2026-12-02T09:00'))?.remaining).toBe(1);
    // The phone is under its limit again; what stops it now is this address's day (cancelled bookings still count).
    const again = await bookAs('0912000001', iso('2026-12-04T10:00'));
    expect([again.status, again.body.error.message]).toEqual([429, expect.stringContaining('Thiết bị này đã đặt quá nhiều lịch hẹn')]);
    expect((await cancel('anone')).body.error.code).toBe('APPOINTMENT_NOT_FOUND');
  });

  test('staff book any open time; check-in: too early, on time (a ticket with its time), again (the same ticket), expired, unknown', async ({ agent }) => {
    clock.set(iso('2026-12-02T08:00'));
    const staffBook = (start: string, serviceId = 'dat-dai') => postJson<Booked>(`${agent.url}/api/appointments`, { serviceId, start, phone: '0987000001' }, STAFF);
    expect((await postJson(`${agent.url}/api/appointments`, { serviceId: 'dat-dai', start: iso('2026-12-02T09:10'), phone: '0987000001' })).status).toBe(401);
    const lunch = await staffBook(iso('2026-12-02T12:10'));
    expect([lunch.status, lunch.body.error.code]).toEqual([409, 'APPOINTMENT_SLOT_INVALID']);
    const visit = await staffBook(iso('2026-12-02T09:10')); // not a slot grid, not a public service: staff may
    expect(visit.status).toBe(201);

    const checkIn = (code: string) => postJson<CheckIn>(`${agent.url}/api/appointments/check-in`, { code });
    const early = await checkIn(visit.body.code);
    expect([early.status, early.body.error.code, early.body.error.details?.checkInFrom]).toEqual([409, 'APPOINTMENT_TOO_EARLY', iso('2026-12-02T08:40')]);
    expect(early.body.error.message).toContain('08:40');

    clock.set(iso('2026-12-02T08:45'));
    const walkIn = await postJson<{ number: string }>(`${agent.url}/api/tickets`, { serviceId: 'dat-dai' });
    expect(walkIn.body.number).toBe('D001');
    const checked = await checkIn(`LH:${visit.body.code}`); // as scanned from the QR
    expect(checked.status).toBe(201);
    expect(checked.body.again).toBe(false);
    expect(checked.body.ticket).toMatchObject({ number: 'D002', bookedAt: iso('2026-12-02T09:10'), printed: true, ahead: 1 });
    const lastSlip = async () => (await getJson<{ text: string }[]>(`${agent.url}/api/demo/printer/jobs`)).body[0]!.text;
    const slip = await lastSlip();
    expect(slip).toContain('ĐÃ ĐẶT LỊCH HẸN');
    expect(slip).toContain('Giờ hẹn: 09:10');

    const again = await checkIn(visit.body.code);
    expect([again.status, again.body.again, again.body.ticket.number]).toEqual([201, true, 'D002']);
    expect(await lastSlip()).toContain('IN LẠI');

    // The counter sees the booked time on the ticket.
    const view = await getJson<{ bookedAt?: string }>(`${agent.url}/api/tickets/${checked.body.ticket.id}`);
    expect(view.body.bookedAt).toBe(iso('2026-12-02T09:10'));

    const missed = await staffBook(iso('2026-12-02T09:30'));
    clock.set(iso('2026-12-02T09:46'));
    const expired = await checkIn(missed.body.code);
    expect([expired.status, expired.body.error.code, expired.body.error.details?.serviceId]).toEqual([409, 'APPOINTMENT_EXPIRED', 'dat-dai']);
    expect(expired.body.error.message).toContain('lấy số thường');

    // A checked-in booking cannot be cancelled (its ticket exists); a cancelled one does not check in.
    const refused = await postJson<Failure>(`${agent.url}/api/appointments/${checked.body.appointment.id}/cancel`, {});
    expect([refused.status, refused.body.error.code]).toEqual([409, 'APPOINTMENT_CHECKED_IN']);
    const dropped = await staffBook(iso('2026-12-02T10:00'));
    await postJson(`${agent.url}/api/appointments/${dropped.body.id}/cancel`, {});
    clock.set(iso('2026-12-02T09:50'));
    const gone = await checkIn(dropped.body.code);
    expect([gone.status, gone.body.error.code, gone.body.error.details?.serviceId]).toEqual([409, 'APPOINTMENT_CANCELLED', 'dat-dai']);

    for (const code of ['00000000', 'hello', '000.00.15.H29-250704-0012']) {
      const unknown = await checkIn(code);
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'APPOINTMENT_NOT_FOUND']);
    }
  });
});
