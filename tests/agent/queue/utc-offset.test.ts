import { describe, expect, it } from 'vitest';
import { utcOffsetMinutes } from '../../../kiosk-agent/src/core/local-time';
import { wallClock } from '../../../shared/wall-clock';

describe('the zone offset the screens get for their clocks', () => {
  it('is +07:00 in Vietnam all year, and follows daylight saving and half-hour zones elsewhere', () => {
    expect(utcOffsetMinutes('Asia/Ho_Chi_Minh', Date.UTC(2026, 0, 15))).toBe(420);
    expect(utcOffsetMinutes('Asia/Ho_Chi_Minh', Date.UTC(2026, 6, 15))).toBe(420);
    expect(utcOffsetMinutes('Europe/Berlin', Date.UTC(2026, 0, 15))).toBe(60);
    expect(utcOffsetMinutes('Europe/Berlin', Date.UTC(2026, 6, 15))).toBe(120);
    expect(utcOffsetMinutes('America/St_Johns', Date.UTC(2026, 0, 15))).toBe(-210);
    expect(utcOffsetMinutes('Asia/Kathmandu', Date.UTC(2026, 0, 15, 12, 0, 45))).toBe(345);
    expect(utcOffsetMinutes('UTC', Date.now())).toBe(0);
  });

  it('gives the same wall clock as Intl for the centre, across local midnight', () => {
    const zone = 'Asia/Ho_Chi_Minh';
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    // 16:59 and 17:00 UTC are 23:59 and 00:00 the next day in Vietnam; and a leap day.
    for (const at of [Date.UTC(2026, 10, 22, 16, 59, 59), Date.UTC(2026, 10, 22, 17, 0, 0), Date.UTC(2028, 1, 28, 17, 30), Date.UTC(2026, 11, 31, 17, 0)]) {
      const w = wallClock(at, utcOffsetMinutes(zone, at));
      const p = Object.fromEntries(intl.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
      expect([days[w.weekday], w.day, w.month, w.year, w.hour, w.minute]).toEqual([p.weekday, Number(p.day), Number(p.month), Number(p.year), Number(p.hour), Number(p.minute)]);
    }
  });
});
