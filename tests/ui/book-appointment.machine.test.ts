/**
 * The phone pages' machines with the agent as a double: booking (one bookable service chosen already, slots of the
 * day, a phone checked before sending, a slot taken meanwhile reloads the day) and the appointment's page (its
 * cancel asked twice before the slot is given up).
 */
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import type { ServiceSummary } from '../../shared/api-schemas';
import type { AppointmentView, BookAppointmentRequest, SlotList } from '../../shared/appointment-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { appointmentQrMachine, type AppointmentPage } from '../../kiosk-ui/src/flows/book-appointment/appointment-qr.machine';
import { bookableDays, bookAppointmentMachine } from '../../kiosk-ui/src/flows/book-appointment/book-appointment.machine';

const SERVICE: ServiceSummary = { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp', en: 'Justice' }, waiting: 0, estimatedWaitMinutes: 0, appointments: { slotMinutes: 30, daysAhead: 3 } };
const slots = (remaining: number): SlotList => ({
  serviceId: 'tu-phap',
  date: '2026-12-02',
  slotMinutes: 30,
  bookableUntil: '2026-12-05',
  slots: [{ start: '2026-12-02T02:30:00.000Z', end: '2026-12-02T03:00:00.000Z', remaining }],
});

describe('booking on a phone', () => {
  it('the one service and today are chosen; a phone that is not a mobile number is not sent; a slot taken meanwhile reloads the day', async () => {
    const sent: BookAppointmentRequest[] = [];
    let loads = 0;
    const machine = bookAppointmentMachine.provide({
      actors: {
        loadServices: fromPromise(async () => ({ centerName: 'TT', utcOffsetMinutes: 420, today: '2026-12-02', services: [SERVICE] })),
        loadSlots: fromPromise(async () => slots(loads++ === 0 ? 1 : 0)),
        book: fromPromise(async ({ input }) => {
          sent.push(input);
          throw new AgentRequestError('APPOINTMENT_SLOT_FULL', 'full', 409);
        }),
      },
    });
    const actor = createActor(machine).start();
    const ready = await waitFor(actor, (s) => s.matches({ choosing: 'ready' }));
    expect([ready.context.serviceId, ready.context.date, ready.context.slots?.slots[0]?.remaining]).toEqual(['tu-phap', '2026-12-02', 1]);
    actor.send({ type: 'book.slot', start: '2026-12-02T02:30:00.000Z' });
    actor.send({ type: 'book.phone', phone: '12345' });
    actor.send({ type: 'book.submit' });
    expect(sent).toEqual([]);
    actor.send({ type: 'book.phone', phone: '0912 345 678' });
    actor.send({ type: 'book.submit' });
    const after = await waitFor(actor, (s) => s.matches({ choosing: 'ready' }) && s.context.errorCode !== null);
    expect(sent).toEqual([{ serviceId: 'tu-phap', start: '2026-12-02T02:30:00.000Z', phone: '0912345678' }]);
    expect([after.context.errorCode, after.context.start, after.context.slots?.slots[0]?.remaining]).toEqual(['APPOINTMENT_SLOT_FULL', null, 0]);
  });

  it('offers today and the days ahead, two weeks at most', () => {
    expect(bookableDays('2026-12-30', 3)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(bookableDays('2026-12-02', 90)).toHaveLength(14);
  });
});

describe("an appointment's page", () => {
  const view = (status: AppointmentView['status']): AppointmentView => ({
    ...{ id: 'a1', code: '12345678', serviceId: 'tu-phap', start: '2026-12-02T02:30:00.000Z', end: '2026-12-02T03:00:00.000Z', status },
    ...{ checkInFrom: '2026-12-02T02:00:00.000Z', checkInUntil: '2026-12-02T02:45:00.000Z' },
  });

  it('cancels only after a second touch, then shows it cancelled', async () => {
    const cancelled: string[] = [];
    const machine = appointmentQrMachine.provide({
      actors: {
        loadAppointment: fromPromise(async (): Promise<AppointmentPage> => ({ appointment: view('booked'), centerName: 'TT', utcOffsetMinutes: 420, serviceName: null })),
        cancelAppointment: fromPromise(async ({ input }) => {
          cancelled.push(input.id);
          return view('cancelled');
        }),
      },
    });
    const actor = createActor(machine, { input: { id: 'a1' } }).start();
    await waitFor(actor, (s) => s.matches({ shown: 'idle' }));
    actor.send({ type: 'appointment.cancel' });
    actor.send({ type: 'appointment.keep' });
    expect(cancelled).toEqual([]);
    actor.send({ type: 'appointment.cancel' });
    actor.send({ type: 'appointment.confirmCancel' });
    await waitFor(actor, (s) => s.matches({ shown: 'idle' }) && s.context.page?.appointment.status === 'cancelled');
    expect(cancelled).toEqual(['a1']);
    // Cancelled: nothing more to cancel.
    actor.send({ type: 'appointment.cancel' });
    expect(actor.getSnapshot().matches({ shown: 'idle' })).toBe(true);
  });
});
