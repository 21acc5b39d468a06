/**
 * The wall-clock reading of an instant at a known UTC offset, with plain Date arithmetic.
 *
 * The kiosk's header clock uses this instead of Intl.DateTimeFormat: the first use of Intl (ICU) in a page costs
 * 25–35 ms on this machine and 100–170 ms with the CPU throttled 4× like a cheap kiosk PC, on the very first screen.
 * The agent sends the centre's current offset with the kiosk info and the display snapshot (see
 * `utcOffsetMinutes` in the agent). Vietnam has kept UTC+07:00 since 1975; in a zone with daylight saving the
 * clock would show the old offset until the screen fetches that info again.
 */
export interface WallClock {
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday, as Date#getUTCDay counts. */
  weekday: number;
  day: number;
  month: number;
  year: number;
}

export function wallClock(epochMs: number, utcOffsetMinutes: number): WallClock {
  const shifted = new Date(epochMs + utcOffsetMinutes * 60_000);
  return {
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
    day: shifted.getUTCDate(),
    month: shifted.getUTCMonth() + 1,
    year: shifted.getUTCFullYear(),
  };
}

export const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** "09:30": an instant's time of day at the offset (an ISO string, as the agent sends instants). */
export function clockAt(iso: string, utcOffsetMinutes: number): string {
  const w = wallClock(Date.parse(iso), utcOffsetMinutes);
  return `${twoDigits(w.hour)}:${twoDigits(w.minute)}`;
}

/** "02/12/2026": an instant's date at the offset, as Vietnamese readers write it. */
export function dateAt(iso: string, utcOffsetMinutes: number): string {
  const w = wallClock(Date.parse(iso), utcOffsetMinutes);
  return `${twoDigits(w.day)}/${twoDigits(w.month)}/${w.year}`;
}
