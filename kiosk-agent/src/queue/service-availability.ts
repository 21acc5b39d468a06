/**
 * Whether a service can issue a ticket now, and why not (pure): closed (outside its hours, a closed day), full (its
 * daily limit reached), closing (a new ticket's estimated wait would end too long after it closes), or open. Berlin's
 * ZMS issues only while the office is open and its quota lasts; QLess calls a queue "closing" once the forecast wait
 * passes closing time (docs/ARCHITECTURE.md "Domain facts").
 */
import { localDayKey } from '../core/local-time';
import { addDays, localInstant, openingAt, type Schedule } from './opening-hours';

export type ServiceState = 'open' | 'closing' | 'closed' | 'full';

export interface Availability {
  state: ServiceState;
  /** When it opens (closed) or opens on a later day (full); null when open or unknown. */
  opensAtMs: number | null;
  /** When the interval it is open in ends; null when closed or always open. */
  closesAtMs: number | null;
  /** Tickets left today under its daily limit; null without a limit. */
  remaining: number | null;
}

export interface AvailabilityInput {
  schedule: Schedule;
  nowMs: number;
  timeZone: string;
  dailyLimit: number | undefined;
  issuedToday: number;
  /** The estimated wait of a ticket issued now. */
  estimatedWaitMinutes: number;
  closingMarginMinutes: number;
}

/** The first opening on a day after today (a full service's "come back"). */
export function opensOnALaterDay(schedule: Schedule, nowMs: number, timeZone: string): number | null {
  const tomorrow = localInstant(addDays(localDayKey(nowMs, timeZone), 1), 0, timeZone);
  const s = openingAt(schedule, tomorrow, timeZone);
  return s.open ? tomorrow : s.opensAtMs;
}

export function availability(input: AvailabilityInput): Availability {
  const { schedule, nowMs, timeZone } = input;
  const opening = openingAt(schedule, nowMs, timeZone);
  const remaining = input.dailyLimit === undefined ? null : Math.max(0, input.dailyLimit - input.issuedToday);
  if (!opening.open) return { state: 'closed', opensAtMs: opening.opensAtMs, closesAtMs: null, remaining };
  if (remaining === 0) return { state: 'full', opensAtMs: opensOnALaterDay(schedule, nowMs, timeZone), closesAtMs: opening.closesAtMs, remaining };
  const waitEndsMs = nowMs + input.estimatedWaitMinutes * 60_000;
  const closing = opening.closesAtMs !== null && waitEndsMs > opening.closesAtMs + input.closingMarginMinutes * 60_000;
  return { state: closing ? 'closing' : 'open', opensAtMs: null, closesAtMs: opening.closesAtMs, remaining };
}
