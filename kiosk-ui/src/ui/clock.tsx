/**
 * Date and time in the header, in the centre's time zone, in the screen's language ("Thứ Hai, 23/11/2026" or
 * "Monday, 23/11/2026"). Formatted by hand from the centre's UTC offset: Intl's first use in a page is the slowest
 * thing on a kiosk's first screen (see shared/wall-clock.ts).
 */
import { useEffect, useState } from 'react';
import { twoDigits, wallClock } from '../../../shared/wall-clock';
import { useT } from '../i18n/i18n';

export function Clock({ utcOffsetMinutes }: { utcOffsetMinutes: number }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  const w = wallClock(now, utcOffsetMinutes);
  return (
    <div className="clock">
      <time className="clock__time" dateTime={new Date(now).toISOString()}>{`${twoDigits(w.hour)}:${twoDigits(w.minute)}`}</time>
      <span className="clock__date">{t.clock.date(t.clock.weekdays[w.weekday] ?? '', twoDigits(w.day), twoDigits(w.month), w.year)}</span>
    </div>
  );
}
