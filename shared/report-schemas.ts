/**
 * The centre's service-quality report (GET /api/reports/service-quality): per officer, per service and for the
 * centre, what was served, how long people waited and were served, how they rated it and whether results left in
 * the lockers were there by the promised date. Browser-safe: the agent answers with it, the UI parses with it.
 */
import { z } from 'zod';
import { LocalizedTextSchema } from './api-schemas';

/** The longest period one report covers, as for the statistics: a year. */
export const MAX_REPORT_DAYS = 366;

const ReportDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD (a day as YYYY-MM-DD)')
  .refine((day) => {
    const d = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
  }, 'Không có ngày này trong lịch (not a day of the calendar)');

/**
 * Local days of the centre (center.timezone), both included. Neither given: this month; one given: that day.
 * The order and the length are checked by the agent with its own message (reportRangeProblem), not here, so the
 * refusal says in words what is wrong rather than naming a field.
 */
export const ReportQuerySchema = z.strictObject({ from: ReportDaySchema.optional(), to: ReportDaySchema.optional() });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** What is wrong with a period, or null: the agent refuses with it, the page says it before asking. */
export function reportRangeProblem(from: string, to: string): 'order' | 'tooLong' | null {
  if (from > to) return 'order';
  if (dayNumber(to) - dayNumber(from) + 1 > MAX_REPORT_DAYS) return 'tooLong';
  return null;
}

/** `2026-11` → its first and last day. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const count = z.number().int().nonnegative();
const minutes = z.number().nonnegative().nullable();

/**
 * Ratings given, counted by level on each scale (index 0 = level 1 = least satisfied): a rating keeps the scale it
 * was given on, so a centre that moved from 3 to 5 levels keeps its history readable. `satisfied` are the "rất hài
 * lòng" and "hài lòng" answers (levels 3 and 2 of 3; levels 5 and 4 of 5); `satisfactionPercent` their share of
 * all ratings, one decimal, null without ratings.
 */
export const RatingSummarySchema = z.object({
  scale3: z.array(count).length(3),
  scale5: z.array(count).length(5),
  total: count,
  satisfied: count,
  satisfactionPercent: z.number().min(0).max(100).nullable(),
});
export type RatingSummary = z.infer<typeof RatingSummarySchema>;

/** One group's figures (an officer at a service, an officer, a service, the centre). */
export const QualityFiguresSchema = z.object({
  /** Tickets finished ("Hoàn thành") and tickets closed as no-shows, of the period's local days. */
  served: count,
  noShows: count,
  /** Issue (or the booked time) → first call, over the tickets above; as GET /api/stats computes it. */
  averageWaitMinutes: minutes,
  /** Call or start → finish, over the finished tickets. */
  averageServiceMinutes: minutes,
  ratings: RatingSummarySchema,
  /** Results collected from a locker in the period, deposited on or before the dossier's promised date, or after. */
  handoversOnTime: count,
  handoversLate: count,
});
export type QualityFigures = z.infer<typeof QualityFiguresSchema>;

/** null: no officer recorded (an integration token, or before officers signed in) — "Không rõ cán bộ". */
const OfficerIdSchema = z.number().int().nullable();
/** null: results collected from the lockers ("Trả kết quả tại tủ"), which belong to no queue service. */
const ServiceIdSchema = z.string().nullable();

export const ServiceQualityReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  centerName: z.string(),
  timezone: z.string(),
  /** The scale the kiosk asks on now (older ratings may be on the other one). */
  ratingScale: z.union([z.literal(3), z.literal(5)]),
  officers: z.array(z.object({ officerId: OfficerIdSchema, name: z.string().nullable(), username: z.string().nullable() }).extend(QualityFiguresSchema.shape)),
  services: z.array(z.object({ serviceId: ServiceIdSchema, name: LocalizedTextSchema.nullable() }).extend(QualityFiguresSchema.shape)),
  /** Each officer at each service (the CSV's rows); the officers' and services' rows are these summed. */
  cells: z.array(z.object({ officerId: OfficerIdSchema, serviceId: ServiceIdSchema }).extend(QualityFiguresSchema.shape)),
  centre: QualityFiguresSchema,
});
export type ServiceQualityReport = z.infer<typeof ServiceQualityReportSchema>;
export type OfficerQuality = ServiceQualityReport['officers'][number];
export type ServiceQuality = ServiceQualityReport['services'][number];
