/** The ticket flow's input, context, events and output (take-ticket.machine.ts), kept apart so the machine file stays one job. */
import type { IssuedTicket, PriorityCategory, ServiceSummary } from '../../../../shared/api-schemas';
import type { AgentErrorCode } from '../../agent-client/agent-client';

export interface TakeTicketTiming {
  /** How long a printed number stays on screen before the kiosk goes home by itself. */
  ticketShownMs: number;
  /** …and an unprinted one (the citizen copies it or scans its QR). */
  unprintedShownMs: number;
}

export interface TakeTicketInput {
  /** A service already chosen (a ticket for the result counter, offered by the pickup flow): straight to priority. */
  serviceId: string | null;
  /** Came in by the attract screen's priority button: the priority question does not offer "Không". */
  priorityPath: boolean;
  /** The priority categories this site offers. */
  priorityCategories: PriorityCategory[];
  timing: TakeTicketTiming;
  /** Whether this kiosk has lockers (the session knows it from GET /api/kiosk): offered when no service issues. */
  pickupLockers?: boolean;
}

export interface TakeTicketContext {
  services: ServiceSummary[];
  serviceId: string | null;
  priority: PriorityCategory | null;
  ticket: IssuedTicket | null;
  errorCode: AgentErrorCode | null;
  /** With SERVICE_CLOSED / SERVICE_FULL (`details.opensAt`) or SERVICE_CLOSING (`details.closesAt`): that instant. */
  errorAt: string | null;
  /** Whether this kiosk has lockers, so results can still be collected when no service issues (from the input). */
  pickupLockers: boolean;
  priorityPath: boolean;
  priorityCategories: PriorityCategory[];
  timing: TakeTicketTiming;
  /** The phone being typed on the keypad after the ticket (digits only; cleared once sent). */
  phoneDigits: string;
  /** The phone as the agent answered it, masked ("•••• ••• 678"), for the confirmation. */
  phoneMasked: string | null;
  /** How the flow ended, read by `output`. */
  exit: TakeTicketOutput | null;
}

/**
 * Where the kiosk goes next: home, or the pickup flow, with a slip scanned meanwhile or (code null) asking for one:
 * "Nhận kết quả" offered while no service issues.
 */
export type TakeTicketOutput = { next: 'home' } | { next: 'collect'; code: string | null };

export type TakeTicketEvent =
  | { type: 'service.selected'; serviceId: string }
  | { type: 'services.retry' }
  // No priority (or null) is the "Không" answer.
  | { type: 'priority.chosen'; priority?: PriorityCategory | null }
  | { type: 'issue.retry' }
  | { type: 'ticket.done' }
  // No service issues now: collect a result from the lockers instead.
  | { type: 'pickup.chosen' }
  | { type: 'nav.back' }
  | { type: 'nav.home' }
  // A slip scanned while taking a ticket: the pickup flow takes over, unless a ticket is being printed.
  | { type: 'scan.received'; code: string }
  // After the ticket: a phone for the messages before the turn (optional), typed on the on-screen keypad.
  | { type: 'phone.start' }
  | { type: 'phone.digit'; digit: string }
  | { type: 'phone.delete' }
  | { type: 'phone.submit' }
  | { type: 'phone.skip' };

/** The phone step's events: the session passes them on to the flow and re-arms its idle timer on them. */
export const TICKET_PHONE_EVENTS = ['phone.start', 'phone.digit', 'phone.delete', 'phone.submit', 'phone.skip'] as const;

export const DEFAULT_TICKET_TIMING: TakeTicketTiming = { ticketShownMs: 15_000, unprintedShownMs: 45_000 };
