/**
 * When a centre (or one of its services) is open: a weekly schedule of intervals in the centre's zone, days it is
 * closed (national holidays), and what follows from the clock — open now and until when, or when it opens next.
 * Pure: the clock and the zone are given. A schedule with no `hours` is always open (a site that never configured
 * hours keeps issuing as before).
 */
import { localDayKey, utcOffsetMinutes, WEEKDAYS } from '../core/local-time';

export { WEEKDAYS };
export type Weekday = (typeof WEEKDAYS)[number];
/** ["07:30", "11:30"]: open from the first minute to (not including) the second, local time. */
export type Interval = readonly [string, string];
export type WeekHours = Partial<Record<Weekday, readonly Interval[]>>;

export interface Schedule {
  hours: WeekHours | undefined;
  /** YYYY-MM-DD, local days the centre does not open whatever the weekday. */
  closedDays: readonly string[];
}

export interface OpeningState {
  open: boolean;
  /** End of the interval it is open in now. */
  closesAtMs: number | null;
  /** Start of the next interval, when closed now (null: always open, or nothing in the next two weeks). */
  opensAtMs: number | null;
}

/** How far ahead the next opening is looked for: a fortnight covers Tết and any run of holidays. */
const LOOKAHEAD_DAYS = 14;

export function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day (HH:MM): ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function weekdayOf(day: string): Weekday {
  return WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
}

/** The instant of minute `minutes` of local day `day` in `timeZone` (the zone's offset that day). */
export function localInstant(day: string, minutes: number, timeZone: string): number {
  const asUtc = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  const first = asUtc - utcOffsetMinutes(timeZone, asUtc) * 60_000;
  // Once more at the result: right across an offset change (none in Việt Nam today, but the zone is configurable).
  return asUtc - utcOffsetMinutes(timeZone, first) * 60_000;
}

/** The day's open intervals as instants, in order; none on a closed day. */
export function intervalsOn(schedule: Schedule, day: string, timeZone: string): [number, number][] {
  if (!schedule.hours || schedule.closedDays.includes(day)) return [];
  return (schedule.hours[weekdayOf(day)] ?? [])
    .map(([from, to]): [number, number] => [localInstant(day, minutesOf(from), timeZone), localInstant(day, minutesOf(to), timeZone)])
    .sort((a, b) => a[0] - b[0]);
}

export function openingAt(schedule: Schedule, nowMs: number, timeZone: string): OpeningState {
  if (!schedule.hours) return { open: true, closesAtMs: null, opensAtMs: null };
  const today = localDayKey(nowMs, timeZone);
  for (const [from, to] of intervalsOn(schedule, today, timeZone)) {
    if (nowMs >= from && nowMs < to) return { open: true, closesAtMs: to, opensAtMs: null };
  }
  for (let i = 0; i <= LOOKAHEAD_DAYS; i++) {
    const next = intervalsOn(schedule, addDays(today, i), timeZone).find(([from]) => from > nowMs);
    if (next) return { open: false, closesAtMs: null, opensAtMs: next[0] };
  }
  return { open: false, closesAtMs: null, opensAtMs: null };
}
