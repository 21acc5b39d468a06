/**
 * When a service opens again, in words, in the centre's zone: "13:30 Thứ Tư" (with the date beyond a week:
 * "07:30 Thứ Hai 23/02" after Tết). Formatted from the centre's UTC offset with plain Date arithmetic, as the header
 * clock is (shared/wall-clock.ts): no Intl time zones on the kiosk.
 */
import { twoDigits, wallClock } from '../../../../shared/wall-clock';
import type { Catalogue } from '../../i18n/catalogue';

const WEEK_MS = 6.5 * 24 * 3_600_000;

export function whenText(t: Catalogue, iso: string | null | undefined, utcOffsetMinutes: number, nowMs: number): string | null {
  const at = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(at)) return null;
  const w = wallClock(at, utcOffsetMinutes);
  const time = `${twoDigits(w.hour)}:${twoDigits(w.minute)}`;
  const weekday = t.clock.weekdays[w.weekday] ?? '';
  return at - nowMs > WEEK_MS ? t.hours.atDate(time, weekday, twoDigits(w.day), twoDigits(w.month)) : t.hours.at(time, weekday);
}
