/** Date and time in the header, vi-VN style, in the centre's time zone. */
import { useEffect, useState } from 'react';

export function Clock({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);
  const time = new Intl.DateTimeFormat('vi-VN', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
  const date = new Intl.DateTimeFormat('vi-VN', { timeZone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(now);
  return (
    <div className="clock">
      <time className="clock__time" dateTime={now.toISOString()}>{time}</time>
      <span className="clock__date">{date}</span>
    </div>
  );
}
