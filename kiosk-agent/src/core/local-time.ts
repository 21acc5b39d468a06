/**
 * The queue's day is the centre's local calendar day (Asia/Ho_Chi_Minh by default). It is computed from the clock
 * on every use, never cached at start-up, so a process that runs across midnight rolls over by itself.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl formatter per locale, zone and options, made once: building one costs far more than using it, and the
 * queue formats on every ticket and every list. Every date or time the agent writes in a zone goes through here.
 */
export function zonedFormatter(locale: string, timeZone: string, options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  // en-CA formats as YYYY-MM-DD.
  return zonedFormatter('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
}

export function localDayKey(epochMs: number, timeZone: string): string {
  return formatterFor(timeZone).format(new Date(epochMs));
}

/**
 * The zone's offset from UTC at an instant, in minutes (Asia/Ho_Chi_Minh: 420). Sent to the screens so their clocks
 * need no Intl of their own (see shared/wall-clock.ts).
 */
export function utcOffsetMinutes(timeZone: string, epochMs: number): number {
  const f = zonedFormatter('en-US', timeZone, { hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const parts = f.formatToParts(new Date(epochMs));
  const asUtc = Date.UTC(part(parts, 'year'), part(parts, 'month') - 1, part(parts, 'day'), part(parts, 'hour'), part(parts, 'minute'));
  const wholeMinute = Math.floor(epochMs / 60_000) * 60_000;
  return Math.round((asUtc - wholeMinute) / 60_000);
}

/** Weekday keys as the site config writes them, Sunday first (JavaScript's getUTCDay order). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
