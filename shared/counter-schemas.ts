/** Wire schemas for the counter console, the lobby display and the statistics. */
import { z } from 'zod';
import { LocalizedTextSchema, ServiceIdSchema, TicketViewSchema } from './api-schemas';
import { DisplayCounterSchema, DisplayOfficerSchema } from './display-schemas';

const TicketIdSchema = z.string().min(1).max(64);
const CounterIdSchema = z.string().min(1).max(16);

/** Recall, start, finish, no-show, park: on the counter's current ticket, or on the ticket named. */
export const TicketActionRequestSchema = z.strictObject({ ticketId: TicketIdSchema.optional() });
/** Finishing a visit may name the dossier the officer received or returned: its rating is then tied to it too. */
export const FinishRequestSchema = z.strictObject({
  ticketId: TicketIdSchema.optional(),
  dossierCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9.\-/]{4,64}$/, 'a dossier code such as 000.00.10.H38-261201-0001')
    .optional(),
});

/** Call one particular ticket: by its id or by today's number ("A012"). */
export const CallTicketRequestSchema = z
  .strictObject({ ticketId: TicketIdSchema.optional(), number: z.string().regex(/^[A-Za-z]{1,2}\d{3,4}$/, 'a ticket number such as A012').optional() })
  .refine((b) => (b.ticketId === undefined) !== (b.number === undefined), { message: 'give ticketId or number, not both', path: ['number'] });

export const TransferRequestSchema = z
  .strictObject({
    ticketId: TicketIdSchema.optional(),
    toServiceId: ServiceIdSchema.optional(),
    toCounterId: CounterIdSchema.optional(),
    position: z.enum(['front', 'end']).default('end'),
  })
  .refine((b) => b.toServiceId !== undefined || b.toCounterId !== undefined, { message: 'give toServiceId or toCounterId', path: ['toServiceId'] });
export type TransferRequest = z.infer<typeof TransferRequestSchema>;

/** Every counter action answers with the ticket acted on, and the ticket a call closed, if any. */
export const CounterActionResponseSchema = z.object({ ticket: TicketViewSchema, closed: TicketViewSchema.optional() });
export type CounterActionResponse = z.infer<typeof CounterActionResponseSchema>;

export const CounterInfoSchema = z.object({ id: z.string(), name: LocalizedTextSchema, services: z.array(z.string()) });
export type CounterInfo = z.infer<typeof CounterInfoSchema>;

/** A ticket the counter parked today (the citizen stepped away to fetch a paper), to call back with POST …/call. */
export const ParkedTicketSchema = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  /** When it was parked (ISO instant). */
  parkedAt: z.string(),
});
export type ParkedTicket = z.infer<typeof ParkedTicketSchema>;
/** GET /api/counters/:id/parked: oldest parked first. */
export const ParkedListSchema = z.array(ParkedTicketSchema);

/** What a counter console shows: its current ticket, who waits in each queue it serves, and what it parked. */
export const CounterStateSchema = z.object({
  counter: CounterInfoSchema,
  current: TicketViewSchema.nullable(),
  queues: z.array(
    z.object({
      serviceId: z.string(),
      name: LocalizedTextSchema,
      prefix: z.string(),
      waiting: z.number().int().nonnegative(),
      priorityWaiting: z.number().int().nonnegative(),
    }),
  ),
  /** Tickets transferred to this counter itself. */
  directWaiting: z.number().int().nonnegative(),
  /** Today's tickets this counter parked, oldest first (the same list as GET /api/counters/:id/parked). */
  parked: ParkedListSchema,
  counters: z.array(CounterInfoSchema),
  services: z.array(z.object({ id: z.string(), name: LocalizedTextSchema })),
});
export type CounterState = z.infer<typeof CounterStateSchema>;

export const RecentCallSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  counterId: z.string(),
  counterName: LocalizedTextSchema,
  serviceId: z.string(),
  at: z.string(),
  recall: z.boolean(),
});
export type RecentCall = z.infer<typeof RecentCallSchema>;

/** The lobby display's whole picture, fetched on start and after every reconnect (catch-up). */
export const DisplaySnapshotSchema = z.object({
  centerName: z.string(),
  /** The centre's IANA time zone, for the display's clock. */
  timezone: z.string(),
  /** The zone's offset from UTC now, in minutes, for the clock (see shared/wall-clock.ts). */
  utcOffsetMinutes: z.number().int(),
  /** Newest first: the day's latest calls, and the latest call of every counter that called today (one tile each). */
  calls: z.array(RecentCallSchema),
  /** Every configured counter, in the configured order: the tiles of `/display` (all counters). */
  counters: z.array(DisplayCounterSchema),
  /** Who is signed in at each staffed counter, when `display.showOfficer` is on; absent when it is off. */
  officers: z.array(DisplayOfficerSchema).optional(),
  services: z.array(
    z.object({
      id: z.string(),
      prefix: z.string(),
      name: LocalizedTextSchema,
      waiting: z.number().int().nonnegative(),
      /** Whether it issues now (GET /api/services `state`): the display marks the closed and full ones. */
      state: z.enum(['open', 'closing', 'closed', 'full']).optional(),
    }),
  ),
});
export type DisplaySnapshot = z.infer<typeof DisplaySnapshotSchema>;

const isCalendarDay = (day: string): boolean => {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
};
const StatsDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine(isCalendarDay, 'not a day of the calendar');
/** The longest range one statistics request may cover: a year (a report over more is several requests). */
export const MAX_STATS_DAYS = 366;
const daysBetween = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
export const StatsQuerySchema = z
  .strictObject({ from: StatsDaySchema.optional(), to: StatsDaySchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) <= MAX_STATS_DAYS, { message: `at most ${MAX_STATS_DAYS} days at a time`, path: ['to'] });

const minutes = z.number().nonnegative().nullable();
export const ServiceStatsSchema = z.object({
  day: z.string(),
  serviceId: z.string(),
  issued: z.number().int(),
  called: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  /** Tickets checked in for an appointment, and the rest (walk-ins). */
  booked: z.number().int(),
  walkIns: z.number().int(),
  /** Booked tickets checked in by their booked time. */
  onTimeCheckIns: z.number().int(),
  /** Appointments of the day whose time ended without a check-in (only days with tickets of the service are listed). */
  appointmentsMissed: z.number().int(),
  /** From issue (or the booked time, for a booked ticket checked in early) to the first call. */
  averageWaitMinutes: minutes,
  longestWaitMinutes: minutes,
  averageServiceMinutes: minutes,
});
export const CounterStatsSchema = z.object({
  day: z.string(),
  counterId: z.string(),
  served: z.number().int(),
  noShows: z.number().int(),
  averageServiceMinutes: minutes,
  /** Ratings given for this counter's tickets: count per level, 1 = least satisfied. */
  ratings: z.record(z.string(), z.number().int()),
});
export const StatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  ratingScale: z.number().int(),
  services: z.array(ServiceStatsSchema),
  counters: z.array(CounterStatsSchema),
});
export type Stats = z.infer<typeof StatsSchema>;
export type ServiceStats = z.infer<typeof ServiceStatsSchema>;
export type CounterStats = z.infer<typeof CounterStatsSchema>;
