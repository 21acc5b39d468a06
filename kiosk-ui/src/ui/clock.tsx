/**
 * Date and time in the header, in the centre's time zone: vi-VN style, with English day names on an English screen
 * (a Vietnamese weekday there was the one Vietnamese word left on it).
 */
import { useEffect, useState } from 'react';
import { useLang } from '../i18n/i18n';

export function Clock({ timeZone }: { timeZone: string }) {
  const locale = useLang() === 'en' ? 'en-GB' : 'vi-VN';
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
  const date = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(now);
  return (
    <div className="clock">
      <time className="clock__time" dateTime={now.toISOString()}>{time}</time>
      <span className="clock__date">{date}</span>
    </div>
  );
}
