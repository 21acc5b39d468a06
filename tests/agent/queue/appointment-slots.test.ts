/** Slots cut from opening hours, the check-in window, and the appointment code's forms (pure). */
import { describe, expect, it } from 'vitest';
import { appointmentQrText, formatAppointmentCode, isAppointmentQr, parseAppointmentCode } from '../../../shared/appointment-code';
import { checkInTiming, checkInWindow, slotsOn, slotStartingAt } from '../../../kiosk-agent/src/queue/appointment-slots';
import type { Schedule } from '../../../kiosk-agent/src/queue/opening-hours';

const TZ = 'Asia/Ho_Chi_Minh';
const at = (local: string): number => Date.parse(`${local}+07:00`);
const hhmm = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(11, 16);

const centre: Schedule = {
  hours: { wed: [['07:30', '11:30'], ['13:30', '17:00']], sat: [['07:30', '09:00']] },
  closedDays: ['2026-12-09'],
};

describe('appointment slots', () => {
  it('cut each interval from its start; a slot that would run past the end is not offered', () => {
    const slots = slotsOn(centre, '2026-12-02', TZ, 40);
    // 07:30 + 6 × 40 min = 11:30 exactly; afternoon 13:30 → 16:10 is the last that ends by 17:00.
    expect(slots.map((s) => hhmm(s.startMs))).toEqual(['07:30', '08:10', '08:50', '09:30', '10:10', '10:50', '13:30', '14:10', '14:50', '15:30', '16:10']);
    expect(hhmm(slots.at(-1)!.endMs)).toBe('16:50');
    expect(slotsOn(centre, '2026-12-05', TZ, 60).map((s) => hhmm(s.startMs))).toEqual(['07:30']);
  });

  it('none on a closed day, a day without hours, or a weekday not listed', () => {
    expect(slotsOn(centre, '2026-12-09', TZ, 30)).toEqual([]); // a Wednesday, but a closed day
    expect(slotsOn(centre, '2026-12-03', TZ, 30)).toEqual([]); // Thursday: not open
  });

  it('knows whether an instant starts a slot', () => {
    expect(slotStartingAt(centre, '2026-12-02', TZ, 30, at('2026-12-02T14:00'))).toEqual({ startMs: at('2026-12-02T14:00'), endMs: at('2026-12-02T14:30') });
    expect(slotStartingAt(centre, '2026-12-02', TZ, 30, at('2026-12-02T14:10'))).toBeUndefined();
    expect(slotStartingAt(centre, '2026-12-02', TZ, 30, at('2026-12-02T12:00'))).toBeUndefined();
  });
});

describe('check-in window', () => {
  const window = checkInWindow(at('2026-12-02T09:30'), 30, 15);
  it.each([
    ['2026-12-02T08:59', 'too-early'],
    ['2026-12-02T09:00', 'on-time'],
    ['2026-12-02T09:30', 'on-time'],
    ['2026-12-02T09:45', 'on-time'],
    ['2026-12-02T09:46', 'expired'],
  ])('at %s: %s', (now, expected) => {
    expect(checkInTiming(at(now), window)).toBe(expected);
  });
});

describe('appointment codes', () => {
  it('read typed, spaced and scanned forms alike; refuse anything else', () => {
    for (const input of ['12345678', '1234 5678', ' 1234-5678 ', 'LH:12345678', 'lh:1234 5678']) expect(parseAppointmentCode(input)).toBe('12345678');
    for (const input of ['1234567', '123456789', 'LH:', '000.00.15.H29-250704-0012', 'abcdefgh']) expect(parseAppointmentCode(input)).toBeUndefined();
    expect(isAppointmentQr(appointmentQrText('00012345'))).toBe(true);
    expect(isAppointmentQr('00012345')).toBe(false); // typed, not a QR: the kiosk does not take a bare number scan for one
    expect(formatAppointmentCode('00012345')).toBe('0001 2345');
  });
});
