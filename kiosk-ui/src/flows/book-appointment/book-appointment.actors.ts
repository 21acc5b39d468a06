/** The real IO behind the booking page: the public services, kiosk and appointment endpoints. */
import { fromPromise } from 'xstate';
import type { BookAppointmentRequest } from '../../../../shared/appointment-schemas';
import { appointmentClient } from '../../agent-client/appointment-client';
import { bookAppointmentMachine } from './book-appointment.machine';

export const liveBookAppointmentMachine = bookAppointmentMachine.provide({
  actors: {
    loadServices: fromPromise(async () => {
      const [kiosk, services] = await Promise.all([appointmentClient.kiosk(), appointmentClient.services()]);
      const today = new Date(Date.now() + kiosk.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
      return { centerName: kiosk.centerName, utcOffsetMinutes: kiosk.utcOffsetMinutes, today, services: services.filter((s) => s.appointments !== undefined) };
    }),
    loadSlots: fromPromise(({ input }: { input: { serviceId: string; date: string } }) => appointmentClient.slots(input.serviceId, input.date)),
    book: fromPromise(({ input }: { input: BookAppointmentRequest }) => appointmentClient.book(input)),
  },
});
