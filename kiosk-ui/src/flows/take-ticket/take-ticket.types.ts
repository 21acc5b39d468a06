/** The kiosk machine's input, context and events (take-ticket.machine.ts), kept apart so the machine file stays one job. */
import { type AgentErrorCode } from '../../agent-client/agent-client';
import type { IssuedTicket, KioskInfo, PriorityCategory, ServiceSummary } from '../../../../shared/api-schemas';
import type { Language } from '../../i18n/catalogue';
import type { PreferenceToggle, Preferences } from '../../ui/preferences';

export interface TakeTicketInput {
  /** Silence before "Cần thêm thời gian?" is asked. */
  idleTimeoutMs?: number;
  /** How long that question waits for a touch before the session ends; 0 ends it without asking. */
  idleWarningMs?: number;
  ticketShownMs?: number;
  unprintedShownMs?: number;
  bootRetryMs?: number;
}

export interface TakeTicketContext {
  info: KioskInfo | null;
  services: ServiceSummary[];
  serviceId: string | null;
  priority: PriorityCategory | null;
  ticket: IssuedTicket | null;
  errorCode: AgentErrorCode | null;
  /** A slip scanned before the pickup flow started (on the attract or home screen): its first lookup. */
  pendingScan: string | null;
  /** Why the camera could not be used (CAMERA_UNAVAILABLE, CAMERA_DENIED), shown until it is closed. */
  cameraError: string | null;
  /** The visitor's language and display modes for this session. */
  prefs: Preferences;
  /** Came in by the priority button on the attract screen: the priority question does not offer "Không". */
  priorityPath: boolean;
  timing: Required<TakeTicketInput>;
}

export type TakeTicketEvent =
  | { type: 'kiosk.touched' }
  // The attract screen's own priority button: straight to the services, as a priority visitor.
  | { type: 'kiosk.priorityTouched' }
  | { type: 'prefs.language'; lang: Language }
  | { type: 'prefs.toggle'; pref: PreferenceToggle }
  // "Cần thêm thời gian?" answered yes.
  | { type: 'idle.extend' }
  // The camera as a scanner: opened and closed by the visitor; it reports a failure if there is none.
  | { type: 'camera.open' }
  | { type: 'camera.close' }
  | { type: 'camera.failed'; code: string }
  | { type: 'home.takeTicket' }
  | { type: 'home.collectResult' }
  | { type: 'service.selected'; serviceId: string }
  | { type: 'services.retry' }
  // No priority (or null) is the "Không" answer.
  | { type: 'priority.chosen'; priority?: PriorityCategory | null }
  | { type: 'issue.retry' }
  | { type: 'ticket.done' }
  | { type: 'nav.back' }
  | { type: 'nav.home' }
  // Any touch on the kiosk (scrolling a list, reading with a finger on the glass): keeps the session alive.
  | { type: 'user.activity' }
  // A slip code from the serial scanner (agent event) or a keyboard-wedge scanner, from any screen.
  | { type: 'scan.received'; code: string }
  // The pickup flow holds the session while a compartment door is open (the citizen is at the lockers).
  | { type: 'session.hold' }
  | { type: 'session.release' };

export const DEFAULT_TIMING: Required<TakeTicketInput> = {
  idleTimeoutMs: 60_000,
  idleWarningMs: 15_000,
  ticketShownMs: 15_000,
  unprintedShownMs: 45_000,
  bootRetryMs: 5_000,
};
