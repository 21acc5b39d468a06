/** The kiosk session's input, context and events (kiosk-session.machine.ts). */
import type { KioskInfo } from '../../../../shared/api-schemas';
import type { AgentErrorCode } from '../../agent-client/agent-client';
import type { TakeTicketEvent } from '../../flows/take-ticket/take-ticket.types';
import type { Language } from '../../i18n/catalogue';
import type { PreferenceToggle, Preferences } from '../../ui/preferences';

export interface KioskSessionInput {
  /** Silence before "Cần thêm thời gian?" is asked. */
  idleTimeoutMs?: number;
  /** How long that question waits for a touch before the session ends; 0 ends it without asking. */
  idleWarningMs?: number;
  ticketShownMs?: number;
  unprintedShownMs?: number;
  bootRetryMs?: number;
}

export interface KioskSessionContext {
  info: KioskInfo | null;
  /** Whether any service issues tickets now (the attract screen's "outside hours" notice); kept across visitors. */
  opening: { closed: boolean; opensAt: string | null } | null;
  errorCode: AgentErrorCode | null;
  /** A slip scanned before the pickup flow started (on the attract, home or a ticket screen): its first lookup; or a procedure's QR. */
  pendingScan: string | null;
  /** A service the ticket flow starts with (a ticket for the result counter, offered by the pickup flow). */
  ticketServiceId: string | null;
  /** Why the camera could not be used (CAMERA_UNAVAILABLE, CAMERA_DENIED), shown until it is closed. */
  cameraError: string | null;
  /** The visitor's language and display modes for this session. */
  prefs: Preferences;
  /** Came in by the priority button on the attract screen: the priority question does not offer "Không". */
  priorityPath: boolean;
  timing: Required<KioskSessionInput>;
}

export type KioskSessionEvent =
  | { type: 'kiosk.touched' }
  // The attract screen's own priority button: straight to the services, as a priority visitor.
  | { type: 'kiosk.priorityTouched' }
  // Outside the hours, the attract screen's "Nhận kết quả tại tủ": straight to the pickup flow.
  | { type: 'kiosk.collect' }
  // What the services say while the attract screen shows: no service issues (closed or full), and when one opens.
  | { type: 'opening.changed'; closed: boolean; opensAt: string | null }
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
  | { type: 'home.checkIn' }
  | { type: 'home.procedures' }
  // Any touch on the kiosk (scrolling a list, reading with a finger on the glass): keeps the session alive.
  | { type: 'user.activity' }
  // The pickup flow holds the session while a compartment door is open (the citizen is at the lockers).
  | { type: 'session.hold' }
  | { type: 'session.release' }
  // A screen's spoken guidance: said in the visitor's language by the `guidanceSpeaker` actor, stopped when it goes.
  | { type: 'guidance.say'; text: string }
  | { type: 'guidance.stop' }
  // The ticket flow's events (scan.received among them: a slip from the serial or keyboard-wedge scanner, any screen).
  | TakeTicketEvent;

/** What the session asks of the `guidanceSpeaker` actor. */
export type SpeakerCommand = { type: 'say'; text: string; lang: Language } | { type: 'stop' };

export const DEFAULT_TIMING: Required<KioskSessionInput> = {
  idleTimeoutMs: 60_000,
  idleWarningMs: 15_000,
  ticketShownMs: 15_000,
  unprintedShownMs: 45_000,
  bootRetryMs: 5_000,
};
