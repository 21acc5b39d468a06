/**
 * Opening hours and daily limits in the site config: the centre's weekly schedule, its closed days, and per
 * service an override of the hours and a daily limit. Times are local to `center.timezone`. No `hours` at all: the
 * kiosk issues at any time, as before.
 */
import { z } from 'zod';
import { WEEKDAYS } from '../core/local-time';

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:MM (e.g. "07:30")');

const IntervalsSchema = z.array(z.tuple([TimeOfDaySchema, TimeOfDaySchema])).superRefine((intervals, ctx) => {
  intervals.forEach(([from, to], i) => {
    if (from >= to) ctx.addIssue({ code: 'custom', path: [i], message: `"${from}" must come before "${to}"` });
    const prev = intervals[i - 1];
    if (prev && prev[1] > from) ctx.addIssue({ code: 'custom', path: [i], message: `overlaps or comes before the interval ending "${prev[1]}": list them in order` });
  });
});

/** `{ "mon": [["07:30","11:30"],["13:30","17:00"]], …, "sat": [["07:30","11:30"]] }`; a day not listed is closed. */
export const WeekHoursSchema = z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, IntervalsSchema.optional()])) as Record<(typeof WEEKDAYS)[number], z.ZodOptional<typeof IntervalsSchema>>);

export const ClosedDaysSchema = z
  .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a date'))
  .default([]);

/** Per service: its own hours (instead of the centre's) and how many tickets it issues a day at most. */
export const ServiceHoursFields = {
  hours: WeekHoursSchema.optional(),
  dailyLimit: z.number().int().min(1).max(9999).optional(),
};
