/** The real IO behind an appointment's page: the appointment, the centre's name and its services. */
import { fromPromise } from 'xstate';
import { appointmentClient } from '../../agent-client/appointment-client';
import { appointmentQrMachine } from './appointment-qr.machine';

export const liveAppointmentQrMachine = appointmentQrMachine.provide({
  actors: {
    loadAppointment: fromPromise(async ({ input }: { input: { id: string } }) => {
      const [appointment, kiosk, services] = await Promise.all([appointmentClient.appointment(input.id), appointmentClient.kiosk(), appointmentClient.services()]);
      return { appointment, centerName: kiosk.centerName, utcOffsetMinutes: kiosk.utcOffsetMinutes, serviceName: services.find((s) => s.id === appointment.serviceId)?.name ?? null };
    }),
    cancelAppointment: fromPromise(({ input }: { input: { id: string } }) => appointmentClient.cancel(input.id)),
  },
});
