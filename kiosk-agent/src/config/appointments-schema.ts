/**
 * Appointments in the site config: per service, whether the public may book it and how (`services[].appointments`),
 * and for the centre how check-in at the kiosk treats time and how many bookings one phone or one network address
 * may hold (`appointments`). Staff and integrations book any open service at any time, with or without these.
 */
import { z } from 'zod';
import { WeekHoursSchema } from './opening-hours-schema';

/** `services[].appointments`: public booking offered in slots of `slotMinutes`, `perSlot` people each, up to `daysAhead` days ahead. */
export const ServiceAppointmentsSchema = z.strictObject({
  slotMinutes: z.number().int().min(5).max(240).default(15),
  perSlot: z.number().int().min(1).max(100).default(1),
  daysAhead: z.number().int().min(0).max(90).default(14),
  /** When slots are offered, if not the service's (or the centre's) opening hours: e.g. mornings only. */
  hours: WeekHoursSchema.optional(),
});
export type ServiceAppointments = z.infer<typeof ServiceAppointmentsSchema>;

export const AppointmentsConfigSchema = z
  .strictObject({
    /** Check-in opens this many minutes before the booked time; earlier is APPOINTMENT_TOO_EARLY. */
    earlyMinutes: z.number().int().min(0).max(240).default(30),
    /** Check-in closes this many minutes after the booked time; later is APPOINTMENT_EXPIRED (a walk-in ticket is offered). */
    graceMinutes: z.number().int().min(0).max(240).default(15),
    /** Public bookings one phone may hold that are still to come (over all services). */
    perPhone: z.number().int().min(1).max(20).default(2),
    /** Public bookings one network address may make in a day (a phone on the centre's Wi-Fi, a household's router). */
    perAddressPerDay: z.number().int().min(1).max(500).default(10),
    /**
     * The home screen's "Tôi đã đặt lịch hẹn". Unset: shown when a service takes public bookings; true for a centre
     * whose bookings come only from counters or the province's system.
     */
    kioskButton: z.boolean().optional(),
    /** A booked ticket is issued even when the wait would run past closing (SERVICE_CLOSING does not apply). */
    closingExempt: z.boolean().default(true),
  })
  .prefault({});
export type AppointmentsConfig = z.infer<typeof AppointmentsConfigSchema>;
