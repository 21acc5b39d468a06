/**
 * Every error the agent can return carries one of these codes. The HTTP status for each code lives here, in one
 * place, so the agent's error mapper and the UI agree; the UI branches on the code, never on the message.
 */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERVICE_NOT_FOUND: 404,
  /** Outside the service's opening hours (or a closed day): `details.opensAt` says when it opens. */
  SERVICE_CLOSED: 409,
  /** The service's daily limit is reached: `details.opensAt`, the next opening on a later day. */
  SERVICE_FULL: 409,
  /** A new ticket's estimated wait would end too long after the service closes today. */
  SERVICE_CLOSING: 409,
  /** No appointment has this code (a typo, or a code of another centre). */
  APPOINTMENT_NOT_FOUND: 404,
  /** Check-in more than `appointments.earlyMinutes` before the booked time: `details.checkInFrom` says when. */
  APPOINTMENT_TOO_EARLY: 409,
  /** Check-in more than `appointments.graceMinutes` after the booked time: a walk-in ticket is offered instead. */
  APPOINTMENT_EXPIRED: 409,
  /** The slot is taken (every place booked) or has passed: `details` may name the next free slot. */
  APPOINTMENT_SLOT_FULL: 409,
  /** Not a slot of this service on that day (the public books only the slots GET /api/appointments/slots lists). */
  APPOINTMENT_SLOT_INVALID: 409,
  /** The public cannot book this service ahead (no `services[].appointments`): a walk-in ticket at the kiosk. */
  APPOINTMENT_NOT_OFFERED: 409,
  /** This phone already holds as many bookings as allowed, or this network address made too many today. */
  APPOINTMENT_LIMIT: 429,
  /** A booking already checked in at the kiosk cannot be cancelled (its ticket exists). */
  APPOINTMENT_CHECKED_IN: 409,
  /** The appointment was cancelled. */
  APPOINTMENT_CANCELLED: 409,
  /** No procedure with this code in the kiosk's catalogue (README "Procedures at the kiosk"). */
  PROCEDURE_NOT_FOUND: 404,
  /** A wrong username or password at sign-in: `details.attemptsLeft` before the account locks (for an account that exists). */
  STAFF_CREDENTIALS_INVALID: 401,
  /** Too many wrong passwords in a row: the account is locked until `details.retryAt`. */
  STAFF_LOCKED: 429,
  /** The account was disabled by a supervisor: its sessions have ended. */
  STAFF_ACCOUNT_DISABLED: 403,
  /** An integration token used outside its `scopes` (staff.tokens[].scopes). */
  TOKEN_SCOPE: 403,
  /** The route needs a supervisor (or admin) signed in. */
  STAFF_ROLE_REQUIRED: 403,
  /** An account with this username exists already. */
  STAFF_USERNAME_TAKEN: 409,
  /** A password shorter than 8 characters. */
  STAFF_PASSWORD_WEAK: 400,
  STAFF_ACCOUNT_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  COUNTER_NOT_FOUND: 404,
  /** `/display/<id>` names no display of the site config's `displays`. */
  DISPLAY_NOT_FOUND: 404,
  QUEUE_EMPTY: 404,
  /** A counter action on a ticket in a state that does not allow it (finish a ticket never called…). */
  TICKET_WRONG_STATE: 409,
  /** A phone left for the messages before a turn, on a ticket no longer waiting (called, finished, no-show, another day). */
  TICKET_NOT_WAITING: 409,
  /** The ticket is being handled at another counter. */
  TICKET_OTHER_COUNTER: 409,
  /** Recall/start/finish/no-show without a ticket: the counter has not called anyone. */
  COUNTER_IDLE: 409,
  /** A kiosk-only route asked from another machine on the LAN (without the kiosk's device token). */
  KIOSK_ONLY: 403,
  /** Not the rating tablet of that counter (server.counterTablets). */
  COUNTER_TABLET_ONLY: 403,
  /** The request named a host the agent does not answer to (DNS rebinding, a mistyped address). */
  HOST_NOT_ALLOWED: 421,
  /** A browser page from another site tried to use the agent. */
  ORIGIN_NOT_ALLOWED: 403,
  /** Too many requests of one kind from one client in a short time (slip lookups). */
  RATE_LIMITED: 429,
  /** Too many event connections (in all, or from one address). */
  TOO_MANY_CONNECTIONS: 503,
  DOSSIER_NOT_FOUND: 404,
  SLIP_CODE_INVALID: 400,
  PICKUP_CODE_INVALID: 403,
  PICKUP_LOCKED: 429,
  PICKUP_ALREADY_DONE: 409,
  PICKUP_NEEDS_STAFF: 409,
  /** Too many wrong pickup codes at this kiosk in a short time: every pickup pauses until it ends or staff lift it. */
  PICKUP_PAUSED: 429,
  DOSSIER_NOT_READY: 409,
  DOSSIER_NOT_IN_LOCKER: 409,
  DOSSIER_IN_LOCKER: 409,
  /** The result is in the locker of another kiosk of the centre: only that kiosk opens it. */
  LOCKER_AT_OTHER_KIOSK: 409,
  DOSSIER_NO_PHONE: 409,
  LOCKER_FULL: 409,
  /** The dossier is already being put in a compartment (its door not shut yet). */
  DEPOSIT_IN_PROGRESS: 409,
  LOCKER_DISABLED: 503,
  /** The province's one-stop system did not answer (lookup falls back to what the kiosk already knows). */
  UPSTREAM_UNAVAILABLE: 503,
  RATING_NOT_ALLOWED: 409,
  /** The dossier's fees are not paid (in full): `details.amount` is what is still due; nothing was unlocked. */
  PAYMENT_REQUIRED: 402,
  /** A payment webhook without the right `x-signature` (hex HMAC-SHA256 of the raw body with payments.webhookSecret). */
  PAYMENT_SIGNATURE_INVALID: 401,
  /** A payment whose reference names no dossier: kept for staff (unmatched payments), nothing else done. */
  PAYMENT_REFERENCE_UNKNOWN: 404,
  /** A cash payment for a dossier that owes nothing (no fees, or paid in full). */
  PAYMENT_NOT_DUE: 409,
  /** No unmatched transfer has this id (GET /api/payments/unmatched lists the open ones). */
  UNMATCHED_PAYMENT_NOT_FOUND: 404,
  /** The unmatched transfer was already placed on a dossier: `details.dossierCode` says which; nothing recorded twice. */
  UNMATCHED_PAYMENT_ASSIGNED: 409,
  /** The site config has no `payments`: no VietQR, no webhook. */
  PAYMENTS_NOT_CONFIGURED: 503,
  /** Demo only: the simulated bank's webhook to its own agent got no answer it could read. */
  DEMO_BANK_FAILED: 502,
  PAYLOAD_TOO_LARGE: 413,
  /** The request line or headers are too long (a huge query string): refused before any route sees it. */
  REQUEST_TOO_LARGE: 431,
  /** Technician sign-in: wrong PIN (details.attemptsLeft), too many wrong PINs (details.retryAfterMinutes). */
  TECHNICIAN_PIN_INVALID: 403,
  TECHNICIAN_LOCKED: 429,
  /** The site config has no technician.pinHash: diagnostics cannot be entered. */
  TECHNICIAN_NOT_CONFIGURED: 503,
  /** A diagnostics route without a live technician session (none, signed out, or ended by inactivity). */
  TECHNICIAN_SESSION_REQUIRED: 401,
  /** Opening a compartment that holds a citizen's result needs a reason, written to the audit trail. */
  REASON_REQUIRED: 400,
  /** "Open all" needs an explicit confirmation in the request. */
  CONFIRMATION_REQUIRED: 400,
  PRINTER_OFFLINE: 503,
  PRINTER_PAPER_OUT: 503,
  PRINTER_COVER_OPEN: 503,
  PRINTER_TIMEOUT: 504,
  PRINTER_ERROR: 502,
  LOCKER_TIMEOUT: 504,
  LOCKER_BAD_FRAME: 502,
  LOCKER_UNKNOWN_LOCK: 404,
  LOCKER_NOT_OPENED: 502,
  SERIAL_UNAVAILABLE: 503,
  SHUTTING_DOWN: 503,
  /** The store cannot be written (disk full, read-only, database restarting): reads still work. */
  STORE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export const PRINTER_ERROR_CODES = [
  'PRINTER_OFFLINE',
  'PRINTER_PAPER_OUT',
  'PRINTER_COVER_OPEN',
  'PRINTER_TIMEOUT',
  'PRINTER_ERROR',
] as const satisfies readonly ErrorCode[];

export type PrinterErrorCode = (typeof PRINTER_ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_HTTP_STATUS, value);
}

/**
 * The failures after which a compartment was not opened for the citizen (or may have been, unconfirmed): the kiosk
 * sends them to the result counter; the agent has already alerted staff. One list for the agent and the screens.
 */
export const LOCKER_FAILURE_CODES = [
  'LOCKER_TIMEOUT',
  'LOCKER_NOT_OPENED',
  'LOCKER_BAD_FRAME',
  'LOCKER_UNKNOWN_LOCK',
  'LOCKER_DISABLED',
  'SERIAL_UNAVAILABLE',
  'PICKUP_NEEDS_STAFF',
] as const satisfies readonly ErrorCode[];
