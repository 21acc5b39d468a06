/**
 * Booking a visit from a phone (/book): a service that takes bookings → a day → a free slot → the phone number
 * (and a name, optional) → booked: the code and a link to its QR (the same goes by SMS). A slot taken meanwhile
 * reloads the day's slots and says so. No React and no IO: `loadServices`, `loadSlots` and `book` are provided
 * (book-appointment.actors.ts, or tests).
 */
import { assign, fromPromise, setup } from 'xstate';
import type { ServiceSummary } from '../../../../shared/api-schemas';
import type { BookAppointmentRequest, BookedAppointment, SlotList } from '../../../../shared/appointment-schemas';
import { isVietnameseMobile } from '../../../../shared/phone-number';
import { errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';

export interface BookingSetup {
  centerName: string;
  utcOffsetMinutes: number;
  /** Today in the centre's zone (YYYY-MM-DD). */
  today: string;
  /** Only the services the public may book. */
  services: ServiceSummary[];
}

export interface BookContext {
  setup: BookingSetup | null;
  serviceId: string | null;
  date: string | null;
  slots: SlotList | null;
  start: string | null;
  phone: string;
  name: string;
  booked: BookedAppointment | null;
  errorCode: AgentErrorCode | null;
}

export type BookEvent =
  | { type: 'book.service'; serviceId: string }
  | { type: 'book.date'; date: string }
  | { type: 'book.slot'; start: string }
  | { type: 'book.phone'; phone: string }
  | { type: 'book.name'; name: string }
  | { type: 'book.submit' }
  | { type: 'book.retry' };

/** The days a service may be booked on: today and the `daysAhead` that follow (at most two weeks shown). */
export function bookableDays(today: string, daysAhead: number): string[] {
  return Array.from({ length: Math.min(daysAhead, 13) + 1 }, (_, i) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return d.toISOString().slice(0, 10);
  });
}


export const bookAppointmentMachine = setup({
  types: { context: {} as BookContext, events: {} as BookEvent },
  actors: {
    loadServices: fromPromise<BookingSetup>(async () => {
      throw new Error('loadServices not provided');
    }),
    loadSlots: fromPromise<SlotList, { serviceId: string; date: string }>(async () => {
      throw new Error('loadSlots not provided');
    }),
    book: fromPromise<BookedAppointment, BookAppointmentRequest>(async () => {
      throw new Error('book not provided');
    }),
  },
  actions: {
    rememberError: assign({ errorCode: ({ event }) => errorEventCode(event) }),
  },
  guards: {
    hasServices: ({ event }) => (event as unknown as { output: BookingSetup }).output.services.length > 0,
    dayChosen: ({ context }) => context.serviceId !== null && context.date !== null,
    complete: ({ context }) => context.start !== null && isVietnameseMobile(context.phone.replace(/[\s.]/g, '')),
    slotGone: ({ event }) => ['APPOINTMENT_SLOT_FULL', 'APPOINTMENT_SLOT_INVALID'].includes(errorEventCode(event)),
  },
}).createMachine({
  id: 'bookAppointment',
  context: { setup: null, serviceId: null, date: null, slots: null, start: null, phone: '', name: '', booked: null, errorCode: null },
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadServices',
        onDone: [
          {
            guard: 'hasServices',
            target: 'choosing',
            // One service: chosen already; the first day too.
            actions: assign(({ event }) => ({
              setup: event.output,
              serviceId: event.output.services.length === 1 ? event.output.services[0]!.id : null,
              date: event.output.services.length === 1 ? event.output.today : null,
            })),
          },
          { target: 'noService', actions: assign({ setup: ({ event }) => event.output }) },
        ],
        onError: { target: 'failed', actions: 'rememberError' },
      },
    },
    failed: { on: { 'book.retry': 'loading' } },
    noService: {},
    choosing: {
      initial: 'deciding',
      on: {
        'book.service': { target: '.deciding', actions: assign({ serviceId: ({ event }) => event.serviceId, date: ({ context }) => context.setup!.today, start: null, errorCode: null }) },
        'book.date': { target: '.deciding', actions: assign({ date: ({ event }) => event.date, start: null, errorCode: null }) },
        'book.phone': { actions: assign({ phone: ({ event }) => event.phone.slice(0, 20) }) },
        'book.name': { actions: assign({ name: ({ event }) => event.name.slice(0, 80) }) },
      },
      states: {
        deciding: { always: [{ guard: 'dayChosen', target: 'slotsLoading' }, { target: 'ready' }] },
        slotsLoading: {
          invoke: {
            src: 'loadSlots',
            input: ({ context }) => ({ serviceId: context.serviceId!, date: context.date! }),
            onDone: { target: 'ready', actions: assign({ slots: ({ event }) => event.output }) },
            onError: { target: 'ready', actions: ['rememberError', assign({ slots: null })] },
          },
        },
        ready: {
          on: {
            'book.slot': { actions: assign({ start: ({ event }) => event.start, errorCode: null }) },
            'book.submit': { guard: 'complete', target: '#bookAppointment.booking' },
          },
        },
      },
    },
    booking: {
      invoke: {
        src: 'book',
        input: ({ context }) => ({
          serviceId: context.serviceId!,
          start: context.start!,
          phone: context.phone.replace(/[\s.]/g, ''),
          ...(context.name.trim() ? { name: context.name.trim() } : {}),
        }),
        onDone: { target: 'booked', actions: assign({ booked: ({ event }) => event.output, errorCode: null }) },
        onError: [
          // Taken meanwhile: the day's slots as they are now, and why.
          { guard: 'slotGone', target: 'choosing.slotsLoading', actions: ['rememberError', assign({ start: null })] },
          { target: 'choosing.ready', actions: 'rememberError' },
        ],
      },
    },
    booked: { type: 'final' },
  },
});

export type BookAppointmentMachine = typeof bookAppointmentMachine;
