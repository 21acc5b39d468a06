/**
 * Appointment slots (pure): a service's bookable times on a day are its opening intervals cut into slots of
 * `slotMinutes` from each interval's start; a slot that would run past the interval's end is not offered (a
 * 07:30–11:30 morning in 20-minute slots ends with 11:10–11:30). The schedule is the service's (opening-hours.ts),
 * closed days included.
 */
import { intervalsOn, type Schedule } from './opening-hours';

export interface Slot {
  startMs: number;
  endMs: number;
}

export function slotsOn(schedule: Schedule, day: string, timeZone: string, slotMinutes: number): Slot[] {
  const step = slotMinutes * 60_000;
  const slots: Slot[] = [];
  for (const [from, to] of intervalsOn(schedule, day, timeZone)) {
    for (let start = from; start + step <= to; start += step) slots.push({ startMs: start, endMs: start + step });
  }
  return slots;
}

/** The slot starting at `startMs` on `day`, if there is one. */
export function slotStartingAt(schedule: Schedule, day: string, timeZone: string, slotMinutes: number, startMs: number): Slot | undefined {
  return slotsOn(schedule, day, timeZone, slotMinutes).find((s) => s.startMs === startMs);
}

/** When check-in is allowed for a visit booked at `startMs`: from `earlyMinutes` before to `graceMinutes` after. */
export function checkInWindow(startMs: number, earlyMinutes: number, graceMinutes: number): { fromMs: number; untilMs: number } {
  return { fromMs: startMs - earlyMinutes * 60_000, untilMs: startMs + graceMinutes * 60_000 };
}

/** Where a check-in at `nowMs` stands against its window. */
export function checkInTiming(nowMs: number, window: { fromMs: number; untilMs: number }): 'too-early' | 'on-time' | 'expired' {
  if (nowMs < window.fromMs) return 'too-early';
  if (nowMs > window.untilMs) return 'expired';
  return 'on-time';
}
