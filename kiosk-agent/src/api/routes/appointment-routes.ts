/** Appointment routes: slots and booking (public and staff), the appointment's page, check-in at the kiosk. Logic lives in queue/. */
import type { Request } from 'express';
import { z } from 'zod';
import {
  AppointmentViewSchema,
  BookAppointmentRequestSchema,
  BookedAppointmentSchema,
  CheckInRequestSchema,
  CheckInResponseSchema,
  SlotListSchema,
  SlotsQuerySchema,
} from '../../../../shared/appointment-schemas';
import type { AppointmentBook } from '../../queue/appointment-book';
import type { AppointmentCheckIn } from '../../queue/appointment-check-in';
import { plainAddress } from '../access-policy';
import type { RouteRegistry } from '../route-registry';

export function registerAppointmentRoutes(r: RouteRegistry, deps: { appointmentBook: AppointmentBook; checkIn: AppointmentCheckIn }): void {
  const { appointmentBook: book, checkIn } = deps;
  const address = (req: Request): string => plainAddress(req.socket.remoteAddress);

  r.add(
    {
      method: 'get',
      path: '/api/appointments/slots',
      summary: 'The slots of a service the public may book on a day, with the places left (services[].appointments)',
      tag: 'appointments',
      auth: 'none',
      query: SlotsQuerySchema,
      responses: { 200: { description: 'Slots from now on; none for a day outside the booking window or a closed day', schema: SlotListSchema } },
      errors: ['VALIDATION_FAILED', 'SERVICE_NOT_FOUND', 'APPOINTMENT_NOT_OFFERED'],
    },
    ({ query }) => book.slots(String(query.serviceId), String(query.date)),
  );

  const booked = {
    201: { description: 'Booked; the code goes to the phone by the notifier with a link to its QR', schema: BookedAppointmentSchema },
  };

  r.add(
    {
      method: 'post',
      path: '/api/appointments/book',
      summary: 'Book a slot from the public booking page (/book)',
      description:
        'Only the slots GET /api/appointments/slots lists, while places remain, up to `daysAhead` days ahead. A phone holds at most `appointments.perPhone` bookings to come (one per service and day); one network address makes at most `appointments.perAddressPerDay` a day.',
      tag: 'appointments',
      auth: 'none',
      body: BookAppointmentRequestSchema,
      responses: booked,
      errors: ['VALIDATION_FAILED', 'SERVICE_NOT_FOUND', 'APPOINTMENT_NOT_OFFERED', 'APPOINTMENT_SLOT_INVALID', 'APPOINTMENT_SLOT_FULL', 'APPOINTMENT_LIMIT', 'STORE_UNAVAILABLE'],
    },
    async ({ req, res, body }) => {
      const result = await book.book(body, { source: 'public', address: address(req) });
      res.status(201);
      return result;
    },
  );

  r.add(
    {
      method: 'post',
      path: '/api/appointments',
      summary: 'Book a visit for a citizen (a counter, or the province booking system with a staff token): any time the service is open, slot places or not',
      tag: 'appointments',
      auth: 'staff',
      body: BookAppointmentRequestSchema,
      responses: booked,
      errors: ['VALIDATION_FAILED', 'UNAUTHORIZED', 'SERVICE_NOT_FOUND', 'APPOINTMENT_SLOT_INVALID', 'STORE_UNAVAILABLE'],
    },
    async ({ res, body }) => {
      const result = await book.book(body, { source: 'staff', by: null });
      res.status(201);
      return result;
    },
  );

  r.add(
    {
      method: 'post',
      path: '/api/appointments/check-in',
      summary: 'Check in a booked visit at the kiosk (the code typed, or its QR `LH:<code>` scanned): a ticket printed with the booked time',
      description:
        'The ticket is called at its booked time (README "Appointments"). Checked in already: the same ticket, printed again (`again: true`). Earlier than `appointments.earlyMinutes` before the time: 409 APPOINTMENT_TOO_EARLY with `details.checkInFrom`. Later than `appointments.graceMinutes` after it: 409 APPOINTMENT_EXPIRED with `details.serviceId` for a walk-in ticket.',
      tag: 'appointments',
      auth: 'kiosk',
      body: CheckInRequestSchema,
      responses: { 201: { description: 'The ticket (printed, or `printed: false` with the reason)', schema: CheckInResponseSchema } },
      errors: ['VALIDATION_FAILED', 'APPOINTMENT_NOT_FOUND', 'APPOINTMENT_TOO_EARLY', 'APPOINTMENT_EXPIRED', 'APPOINTMENT_CANCELLED', 'SERVICE_CLOSED', 'STORE_UNAVAILABLE', 'KIOSK_ONLY'],
    },
    async ({ res, body }) => {
      const result = await checkIn.checkIn(body.code);
      res.status(201);
      return result;
    },
  );

  r.add(
    {
      method: 'get',
      path: '/api/appointments/:id',
      summary: "An appointment by its id (the link sent by SMS): its code for the QR, time and state; never the phone or the name",
      tag: 'appointments',
      auth: 'none',
      responses: { 200: { description: 'The appointment', schema: AppointmentViewSchema } },
      errors: ['APPOINTMENT_NOT_FOUND'],
    },
    ({ params }) => checkIn.view(z.string().max(64).parse(params.id)),
  );

  r.add(
    {
      method: 'post',
      path: '/api/appointments/:id/cancel',
      summary: 'Cancel a booking not yet checked in (anyone with its link): its place frees up; cancelling twice answers the same',
      tag: 'appointments',
      auth: 'none',
      responses: { 200: { description: 'The appointment, cancelled', schema: AppointmentViewSchema } },
      errors: ['APPOINTMENT_NOT_FOUND', 'APPOINTMENT_CHECKED_IN'],
    },
    ({ params }) => checkIn.cancel(z.string().max(64).parse(params.id)),
  );
}
