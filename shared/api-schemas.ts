/**
 * Wire schemas for the agent's HTTP API. Both sides validate against these: the agent at its edge, the UI's
 * agent client on every response. Types are z.infer of the schemas, never written twice.
 */
import { z } from 'zod';
import { ERROR_HTTP_STATUS, type ErrorCode } from './error-codes';
import { VIETNAMESE_MOBILE } from './phone-number';

export const PRIORITY_CATEGORIES = ['elderly', 'disabled', 'pregnant', 'merit'] as const;
export const PriorityCategorySchema = z.enum(PRIORITY_CATEGORIES);
export type PriorityCategory = z.infer<typeof PriorityCategorySchema>;

export const LocalizedTextSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const ServiceIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes');

export const ServiceSummarySchema = z.object({
  id: ServiceIdSchema,
  prefix: z.string(),
  name: LocalizedTextSchema,
  waiting: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative(),
  /** Whether it issues now: open, closing (the wait would run past closing), closed (outside its hours), full (its daily limit). */
  state: z.enum(['open', 'closing', 'closed', 'full']).optional(),
  /** ISO instants: when it opens (closed, full), when its current opening ends (open, closing). */
  opensAt: z.string().optional(),
  closesAt: z.string().optional(),
  /** Tickets left today under its daily limit. */
  remaining: z.number().int().nonnegative().optional(),
  /** Booked ahead from the public page /book (services[].appointments): slot length and how many days ahead. */
  appointments: z.object({ slotMinutes: z.number().int(), daysAhead: z.number().int() }).optional(),
});
export type ServiceSummary = z.infer<typeof ServiceSummarySchema>;
export const ServiceListSchema = z.array(ServiceSummarySchema);

/** A service closed for the rest of the day by a supervisor, and when it opens next. */
export const ServiceClosureSchema = z.object({ serviceId: ServiceIdSchema, day: z.string(), opensAt: z.string().nullable() });

/**
 * `parked`: the counter set the ticket aside (the citizen went to photocopy a paper); it waits in no queue and only
 * that counter calls it back (shared/ticket-transitions.ts).
 */
export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no-show', 'parked'] as const;
export const TicketStatusSchema = z
  .enum(TICKET_STATUSES)
  .describe('waiting → called → serving → done; no-show (called, did not come; may be called again); parked (set aside by its counter while the citizen fetches a paper; in no queue; called back by that counter)');
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

/**
 * A Vietnamese mobile number for the messages before a turn: 10 digits from 03, 05, 07, 08 or 09, or the same with
 * +84 / 84 instead of the 0 (shared/phone-number.ts).
 */
export const TicketPhoneSchema = z.string().regex(VIETNAMESE_MOBILE, 'a Vietnamese mobile number: 10 digits starting 03, 05, 07, 08 or 09 (or +84…)');

export const IssueTicketRequestSchema = z.strictObject({
  serviceId: ServiceIdSchema,
  priority: PriorityCategorySchema.optional(),
  /** For a message when the turn is near and when called (queue.notifyAhead); kept only for the day. */
  phone: TicketPhoneSchema.optional(),
});
export type IssueTicketRequest = z.infer<typeof IssueTicketRequestSchema>;

/** A phone left after the ticket printed (the kiosk asks after printing; the tracking page any time while waiting). */
export const TicketPhoneRequestSchema = z.strictObject({ phone: TicketPhoneSchema });
/** The phone is never echoed: only its last three digits ("••• ••• 678"). */
export const TicketPhoneResponseSchema = z.object({ ok: z.literal(true), phone: z.string() });
export const TicketPhoneRemovedSchema = z.object({ ok: z.literal(true) });

export const PrintFailureSchema = z.object({
  code: z.string(),
  message: z.string(),
});

export const IssuedTicketSchema = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  priority: PriorityCategorySchema.nullable(),
  issuedAt: z.string(),
  ahead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative(),
  trackUrl: z.string(),
  printed: z.boolean(),
  printError: PrintFailureSchema.optional(),
  /** A ticket checked in for an appointment: its booked time (it is called then, README "Appointments"). */
  bookedAt: z.string().optional(),
});
export type IssuedTicket = z.infer<typeof IssuedTicketSchema>;

export const TicketViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  priority: PriorityCategorySchema.nullable(),
  issuedAt: z.string(),
  status: TicketStatusSchema,
  counterId: z.string().optional(),
  /** The counter's name once called ("Quầy 3"), for the tracking page and the display. */
  counterName: LocalizedTextSchema.optional(),
  /** The queue it waits in after a transfer to another service, or the one counter it was sent to. */
  queueServiceId: z.string().optional(),
  targetCounterId: z.string().optional(),
  /** Checked in for an appointment: the booked time (counters mark it "đặt lịch"). */
  bookedAt: z.string().optional(),
  ahead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative(),
});
export type TicketView = z.infer<typeof TicketViewSchema>;

export const CallNextResponseSchema = z.object({ ticket: TicketViewSchema });

export const DEVICE_STATES = ['ready', 'offline', 'paper-low', 'paper-out', 'cover-open', 'error', 'disabled'] as const;
export const DeviceStateSchema = z.enum(DEVICE_STATES);
export type DeviceState = z.infer<typeof DeviceStateSchema>;

export const DeviceStatusSchema = z.object({
  state: DeviceStateSchema,
  driver: z.string(),
  lastError: z.string().optional(),
});
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

/** Whether the store takes writes; when it does not, what went wrong and what to do (Vietnamese). */
export const StoreHealthSchema = z.object({
  state: z.enum(['ready', 'error']),
  lastError: z.string().optional(),
  advice: z.string().optional(),
});
export type StoreHealth = z.infer<typeof StoreHealthSchema>;

/**
 * `devices` and `store` are for the kiosk and staff only: device paths, hosts and errors tell a stranger on the
 * LAN too much. Everyone else gets the overall status.
 */
export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  demo: z.boolean(),
  devices: z.object({ printer: DeviceStatusSchema, scanner: DeviceStatusSchema, locker: DeviceStatusSchema }).optional(),
  store: StoreHealthSchema.optional(),
});
export type Health = z.infer<typeof HealthSchema>;
/** Health as the agent knows it, before the public's copy is trimmed. */
export type FullHealth = Required<Health>;

export const KioskInfoSchema = z.object({
  centerName: z.string(),
  timezone: z.string(),
  /** The zone's offset from UTC now, in minutes (420 in Vietnam): the header clock needs no Intl with it. */
  utcOffsetMinutes: z.number().int(),
  demo: z.boolean(),
  priorityCategories: z.array(PriorityCategorySchema),
  /** Result pickup at this kiosk: whether it has lockers, and the service whose counter hands results over. */
  pickup: z.object({ lockers: z.boolean(), resultServiceId: z.string().nullable() }),
  /** Levels of the satisfaction rating: 3 (rất hài lòng / hài lòng / không hài lòng) or 5. */
  ratingScale: z.union([z.literal(3), z.literal(5)]),
  /** The home screen offers "Tôi đã đặt lịch hẹn" (check-in of booked visits; site config `appointments.kioskButton`). */
  checkIn: z.boolean(),
  /** The home screen offers "Tra cứu thủ tục": the centre's procedure catalogue holds at least one procedure. */
  procedures: z.boolean(),
});
export type KioskInfo = z.infer<typeof KioskInfoSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** Facts the UI may show with the error, e.g. `attemptsLeft` for a wrong pickup code. */
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Demo-only view of what the simulated printer received, so the demo shows the printed ticket on screen. */
export const PrintedJobSchema = z.object({
  id: z.number().int(),
  receivedAt: z.string(),
  bytes: z.number().int(),
  text: z.string(),
  qrCodes: z.array(z.string()),
  cut: z.boolean(),
  imagePng: z.string().optional(),
});
export type PrintedJob = z.infer<typeof PrintedJobSchema>;
export const PrintedJobListSchema = z.array(PrintedJobSchema);

export const SimulatedPrinterStateRequestSchema = z.strictObject({
  paper: z.enum(['ok', 'low', 'out']).optional(),
  coverOpen: z.boolean().optional(),
  offline: z.boolean().optional(),
});

export const SimulatedPrinterStateSchema = z.object({
  paper: z.enum(['ok', 'low', 'out']),
  coverOpen: z.boolean(),
  offline: z.boolean(),
});
export type SimulatedPrinterStateView = z.infer<typeof SimulatedPrinterStateSchema>;

export const DemoScanRequestSchema = z.strictObject({ code: z.string().min(1).max(2048) });
export const DemoDoorRequestSchema = z.strictObject({ board: z.number().int().min(0).max(15), lock: z.number().int().min(1).max(16) });
export const SimulatedLockerStateSchema = z.array(z.object({ address: z.number().int(), open: z.array(z.number().int()) }));

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_HTTP_STATUS[code];
}
