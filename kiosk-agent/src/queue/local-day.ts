/**
 * The queue's day is the centre's local calendar day (Asia/Ho_Chi_Minh by default). It is computed from the clock
 * on every use, never cached at start-up, so a process that runs across midnight rolls over by itself.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localDayKey(epochMs: number, timeZone: string): string {
  return formatterFor(timeZone).format(new Date(epochMs));
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
