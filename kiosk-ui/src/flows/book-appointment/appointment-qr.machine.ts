/**
 * An appointment's page (/appointment/:id, the link in the booking SMS): loads it once (retrying while the agent
 * cannot be reached) and shows its code as a QR for the kiosk's scanner. No React and no IO: `loadAppointment` is
 * provided.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { AppointmentView } from '../../../../shared/appointment-schemas';
import { errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';

export interface AppointmentPage {
  appointment: AppointmentView;
  centerName: string;
  utcOffsetMinutes: number;
  serviceName: { vi: string; en: string } | null;
}

export const appointmentQrMachine = setup({
  types: {
    context: {} as { id: string; page: AppointmentPage | null; errorCode: AgentErrorCode | null; retryMs: number },
    input: {} as { id: string; retryMs?: number },
    events: {} as { type: 'appointment.cancel' } | { type: 'appointment.confirmCancel' } | { type: 'appointment.keep' },
  },
  actors: {
    loadAppointment: fromPromise<AppointmentPage, { id: string }>(async () => {
      throw new Error('loadAppointment not provided');
    }),
    cancelAppointment: fromPromise<AppointmentView, { id: string }>(async () => {
      throw new Error('cancelAppointment not provided');
    }),
  },
  delays: { retry: ({ context }) => context.retryMs },
}).createMachine({
  id: 'appointmentQr',
  context: ({ input }) => ({ id: input.id, page: null, errorCode: null, retryMs: input.retryMs ?? 5000 }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadAppointment',
        input: ({ context }) => ({ id: context.id }),
        onDone: { target: 'shown', actions: assign({ page: ({ event }) => event.output, errorCode: null }) },
        onError: [
          { guard: ({ event }) => errorEventCode(event) === 'APPOINTMENT_NOT_FOUND', target: 'notFound' },
          { target: 'failed', actions: assign({ errorCode: ({ event }) => errorEventCode(event) }) },
        ],
      },
    },
    failed: { after: { retry: 'loading' } },
    notFound: {},
    shown: {
      initial: 'idle',
      states: {
        idle: { on: { 'appointment.cancel': { guard: ({ context }) => context.page?.appointment.status === 'booked', target: 'confirming' } } },
        // Asked once more: a tap by mistake must not give the slot away.
        confirming: { on: { 'appointment.confirmCancel': 'cancelling', 'appointment.keep': 'idle' } },
        cancelling: {
          invoke: {
            src: 'cancelAppointment',
            input: ({ context }) => ({ id: context.id }),
            onDone: { target: 'idle', actions: assign({ page: ({ context, event }) => (context.page ? { ...context.page, appointment: event.output } : null), errorCode: null }) },
            onError: { target: 'idle', actions: assign({ errorCode: ({ event }) => errorEventCode(event) }) },
          },
        },
      },
    },
  },
});
