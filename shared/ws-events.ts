/** Events pushed on WS /api/events. Every message is `{ type, at, data }`, validated by both sides. */
import { z } from 'zod';
import { DeviceStatusSchema, IssuedTicketSchema, LocalizedTextSchema, TicketViewSchema } from './api-schemas';

export const TicketIssuedEventSchema = z.object({
  type: z.literal('ticket.issued'),
  at: z.string(),
  data: IssuedTicketSchema,
});
export const TicketCalledEventSchema = z.object({
  type: z.literal('ticket.called'),
  at: z.string(),
  data: z.object({
    ticket: TicketViewSchema,
    counterId: z.string(),
    /** The counter's name for the display and the announcement ("quầy số 3"). */
    counterName: LocalizedTextSchema,
    /** A recall: the display announces it again. */
    recall: z.boolean().optional(),
    /** When the call was recorded: the same instant as the call's `at` in GET /api/display, so a display can tell a call it already announced. */
    calledAt: z.string(),
  }),
});
/**
 * A counter started, finished, marked a no-show, transferred or parked a ticket: consoles and /track pages refresh,
 * and the lobby display refetches its picture (a parked ticket leaves its counter's tile; nothing is announced).
 */
export const TicketUpdatedEventSchema = z.object({
  type: z.literal('ticket.updated'),
  at: z.string(),
  data: z.object({ ticket: TicketViewSchema, action: z.enum(['serve', 'finish', 'no-show', 'transfer', 'park']), counterId: z.string() }),
});
/**
 * Someone signed in or out at a counter, or their session ended (site config `display.showOfficer` on): the lobby
 * display fetches its picture again, which names the officer now at the counter. The event itself names no one, so
 * whether names are public stays decided in one place, GET /api/display, by the agent that answers it.
 */
export const CounterOfficerChangedEventSchema = z.object({
  type: z.literal('counter.officerChanged'),
  at: z.string(),
  data: z.object({ counterId: z.string() }),
});
export const DeviceChangedEventSchema = z.object({
  type: z.literal('device.changed'),
  at: z.string(),
  data: z.object({ device: z.enum(['printer', 'scanner', 'locker']), status: DeviceStatusSchema }),
});
export const PrinterJobEventSchema = z.object({
  type: z.literal('printer.job'),
  at: z.string(),
  data: z.object({ jobId: z.number().int() }),
});

export const ScannerScannedEventSchema = z.object({
  type: z.literal('scanner.scanned'),
  at: z.string(),
  data: z.object({ code: z.string() }),
});
export const ScannerRejectedEventSchema = z.object({
  type: z.literal('scanner.rejected'),
  at: z.string(),
  data: z.object({ reason: z.enum(['empty', 'too-short', 'too-long', 'not-text']), rawHex: z.string() }),
});
export const LockerDoorEventSchema = z.object({
  type: z.literal('locker.door'),
  at: z.string(),
  data: z.object({ board: z.number().int(), lock: z.number().int(), open: z.boolean() }),
});

/** Something a person at the counter must do: a compartment that would not open, a door left open. */
export const StaffAlertEventSchema = z.object({
  type: z.literal('staff.alert'),
  at: z.string(),
  data: z.object({
    kind: z.enum(['locker-unlock-failed', 'door-left-open', 'handover-needs-staff', 'pickup-guessing', 'pickup-paused', 'payment-unmatched', 'payment-short', 'payment-excess']),
    /** The dossier and compartment concerned; absent for an alert about the whole kiosk (`pickup-paused`). */
    dossierCode: z.string().optional(),
    board: z.number().int().optional(),
    lock: z.number().int().optional(),
    message: z.string(),
  }),
});
/** The kiosk reminds the citizen to shut the door. */
export const PickupDoorReminderEventSchema = z.object({
  type: z.literal('pickup.doorReminder'),
  at: z.string(),
  data: z.object({ dossierCode: z.string(), board: z.number().int(), lock: z.number().int() }),
});

/** A pickup finished: the door was shut after the citizen took the result; the receipt printed or not. */
export const PickupCompletedEventSchema = z.object({
  type: z.literal('pickup.completed'),
  at: z.string(),
  data: z.object({
    dossierCode: z.string(),
    board: z.number().int(),
    lock: z.number().int(),
    receiptPrinted: z.boolean(),
    receiptErrorCode: z.string().optional(),
  }),
});

/**
 * A dossier's fees were paid (by a bank transfer or cash at the counter): the kiosk waiting on its QR screen goes on.
 * `due` is what is still owed (0: paid in full). Kiosk audience: it names a dossier.
 */
export const PaymentReceivedEventSchema = z.object({
  type: z.literal('payment.received'),
  at: z.string(),
  data: z.object({ dossierCode: z.string(), due: z.number().int() }),
});

/**
 * A supervisor disabled an account or reset its password: every session of that account has ended. The officer's
 * console (signed in as that account) checks its session at once and shows the sign-in form.
 */
export const StaffSessionsEndedEventSchema = z.object({
  type: z.literal('staff.sessionsEnded'),
  at: z.string(),
  data: z.object({ accountId: z.number().int() }),
});

export const AgentEventSchema = z.discriminatedUnion('type', [
  StaffAlertEventSchema,
  StaffSessionsEndedEventSchema,
  PickupDoorReminderEventSchema,
  PickupCompletedEventSchema,
  PaymentReceivedEventSchema,
  TicketIssuedEventSchema,
  TicketCalledEventSchema,
  TicketUpdatedEventSchema,
  CounterOfficerChangedEventSchema,
  DeviceChangedEventSchema,
  PrinterJobEventSchema,
  ScannerScannedEventSchema,
  ScannerRejectedEventSchema,
  LockerDoorEventSchema,
]);
export type AgentEvent = z.infer<typeof AgentEventSchema>;
export type AgentEventType = AgentEvent['type'];

/**
 * Who may receive each event (docs/ARCHITECTURE.md, README "Security and privacy"). `public`: displays and phones — numbers, counters, queue counts, never a
 * slip code, a dossier code, a name, a phone or a compartment. `kiosk`: the touchscreen beside the agent (or a
 * remote screen with its device token): scans, pickups, doors, devices. `staff`: officers signed in with a token:
 * alerts that name dossiers and compartments. A socket always receives `public` events, and the others only when
 * the agent decided at the upgrade (or after an `auth` message) that it belongs to that audience.
 */
export const EVENT_AUDIENCES = ['public', 'kiosk', 'staff'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];

export const EVENT_AUDIENCE = {
  'ticket.issued': 'public',
  'ticket.called': 'public',
  'ticket.updated': 'public',
  'counter.officerChanged': 'public',
  'device.changed': 'kiosk',
  'printer.job': 'kiosk',
  'scanner.scanned': 'kiosk',
  'scanner.rejected': 'kiosk',
  'locker.door': 'kiosk',
  'pickup.doorReminder': 'kiosk',
  'pickup.completed': 'kiosk',
  'payment.received': 'kiosk',
  'staff.alert': 'staff',
  'staff.sessionsEnded': 'staff',
} as const satisfies Record<AgentEventType, EventAudience>;

/**
 * What a client may send on the socket: credentials, after connecting (a browser cannot set headers on a
 * WebSocket, and a token in the URL would end up in logs and browser history). The agent answers `auth.result`.
 */
export const SocketAuthMessageSchema = z.strictObject({
  type: z.literal('auth'),
  staffToken: z.string().min(1).max(512).optional(),
  kioskToken: z.string().min(1).max(512).optional(),
});
export type SocketAuthMessage = z.infer<typeof SocketAuthMessageSchema>;

export const SocketAuthResultSchema = z.object({
  type: z.literal('auth.result'),
  /** The audiences this socket now receives. */
  audiences: z.array(z.enum(EVENT_AUDIENCES)),
  /** Credentials that were sent and refused (an unknown or expired token). */
  refused: z.array(z.enum(['staffToken', 'kioskToken'])),
});
export type SocketAuthResult = z.infer<typeof SocketAuthResultSchema>;
