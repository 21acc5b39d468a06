import { describe, expect, it } from 'vitest';
import { addDays, localInstant, minutesOf, openingAt, weekdayOf, type Schedule } from '../../../kiosk-agent/src/queue/opening-hours';

const TZ = 'Asia/Ho_Chi_Minh';
/** A local time in Hà Nội (UTC+7) as an instant. */
const at = (local: string): number => Date.parse(`${local}+07:00`);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16));

const centre: Schedule = {
  hours: {
    mon: [['07:30', '11:30'], ['13:30', '17:00']],
    tue: [['07:30', '11:30'], ['13:30', '17:00']],
    wed: [['07:30', '11:30'], ['13:30', '17:00']],
    thu: [['07:30', '11:30'], ['13:30', '17:00']],
    fri: [['07:30', '11:30'], ['13:30', '17:00']],
    sat: [['07:30', '11:30']],
  },
  closedDays: ['2026-09-02', '2026-09-01'],
};

describe('opening hours', () => {
  it('reads times of day and refuses what is not one', () => {
    expect(minutesOf('07:30')).toBe(450);
    expect(minutesOf('23:59')).toBe(1439);
    expect(() => minutesOf('24:00')).toThrow();
    expect(() => minutesOf('7:30')).toThrow();
  });

  it('knows weekdays, day arithmetic across months, and local instants', () => {
    expect(weekdayOf('2026-12-02')).toBe('wed');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(localInstant('2026-12-02', minutesOf('07:30'), TZ)).toBe(at('2026-12-02T07:30'));
  });

  it('open inside an interval, until its end; the lunch break is closed until the afternoon', () => {
    expect(openingAt(centre, at('2026-12-02T07:30'), TZ)).toEqual({ open: true, closesAtMs: at('2026-12-02T11:30'), opensAtMs: null });
    const lunch = openingAt(centre, at('2026-12-02T11:30'), TZ);
    expect([lunch.open, iso(lunch.opensAtMs)]).toEqual([false, '2026-12-02T13:30']);
    expect(iso(openingAt(centre, at('2026-12-02T16:59'), TZ).closesAtMs)).toBe('2026-12-02T17:00');
  });

  it('before opening and after closing: the next interval, over the night and the weekend', () => {
    expect(iso(openingAt(centre, at('2026-12-02T06:00'), TZ).opensAtMs)).toBe('2026-12-02T07:30');
    expect(iso(openingAt(centre, at('2026-12-02T23:59'), TZ).opensAtMs)).toBe('2026-12-03T07:30');
    // Saturday afternoon → Monday morning (no Sunday hours).
    expect(iso(openingAt(centre, at('2026-12-05T12:00'), TZ).opensAtMs)).toBe('2026-12-07T07:30');
  });

  it('closed days: National Day (2 September) and the day before are skipped', () => {
    // Monday 31 August 2026, evening → Thursday 3 September (1 and 2 September closed).
    const s = openingAt(centre, at('2026-08-31T18:00'), TZ);
    expect([s.open, iso(s.opensAtMs)]).toEqual([false, '2026-09-03T07:30']);
    expect(openingAt(centre, at('2026-09-02T09:00'), TZ).open).toBe(false);
  });

  it('no hours configured: always open; hours that never come: closed with no opening known', () => {
    expect(openingAt({ hours: undefined, closedDays: [] }, at('2026-12-06T03:00'), TZ)).toEqual({ open: true, closesAtMs: null, opensAtMs: null });
    expect(openingAt({ hours: {}, closedDays: [] }, at('2026-12-06T03:00'), TZ)).toEqual({ open: false, closesAtMs: null, opensAtMs: null });
  });

  it('follows the zone: the same instant is another local time elsewhere', () => {
    // 07:45 in Hà Nội is 01:45 in Paris (UTC+1 in December): the same hours are closed there.
    expect(openingAt(centre, at('2026-12-02T07:45'), TZ).open).toBe(true);
    expect(openingAt(centre, at('2026-12-02T07:45'), 'Europe/Paris').open).toBe(false);
  });
});
