/** The wire shapes of booking a visit and checking in at the kiosk (README "Appointments"). */
import { z } from 'zod';
import { IssuedTicketSchema, ServiceIdSchema, TicketPhoneSchema } from './api-schemas';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');
/** A Vietnamese mobile number, as for the messages before a turn (0912345678, +84912345678). */
export const PhoneNumberSchema = TicketPhoneSchema;

export const SlotsQuerySchema = z.strictObject({ serviceId: ServiceIdSchema, date: DaySchema });

export const SlotSchema = z.object({ start: z.string(), end: z.string(), remaining: z.number().int().nonnegative() });
export const SlotListSchema = z.object({
  serviceId: z.string(),
  date: z.string(),
  slotMinutes: z.number().int(),
  /** The last day the public may book (today + daysAhead). */
  bookableUntil: z.string(),
  slots: z.array(SlotSchema),
});
export type SlotList = z.infer<typeof SlotListSchema>;

export const BookAppointmentRequestSchema = z.strictObject({
  serviceId: ServiceIdSchema,
  /** The slot's start, ISO 8601 with its offset (as GET /api/appointments/slots gives it). */
  start: z.iso.datetime({ offset: true }),
  phone: PhoneNumberSchema,
  name: z.string().trim().min(1).max(80).optional(),
});
export type BookAppointmentRequest = z.infer<typeof BookAppointmentRequestSchema>;

export const BookedAppointmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  serviceId: z.string(),
  start: z.string(),
  end: z.string(),
  /** The page that shows the code as a QR (sent by SMS too). */
  url: z.string(),
});
export type BookedAppointment = z.infer<typeof BookedAppointmentSchema>;

/** What anyone holding the appointment's id (its link) sees: no phone, no name. */
export const AppointmentViewSchema = z.object({
  id: z.string(),
  code: z.string(),
  serviceId: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(['booked', 'checked-in', 'cancelled']),
  checkInFrom: z.string(),
  checkInUntil: z.string(),
});
export type AppointmentView = z.infer<typeof AppointmentViewSchema>;

export const CheckInRequestSchema = z.strictObject({ code: z.string().min(1).max(64) });

export const CheckInResponseSchema = z.object({
  ticket: IssuedTicketSchema,
  appointment: z.object({ id: z.string(), start: z.string(), serviceId: z.string() }),
  /** True when this code had checked in before: the same ticket, printed again. */
  again: z.boolean(),
});
export type CheckInResponse = z.infer<typeof CheckInResponseSchema>;
