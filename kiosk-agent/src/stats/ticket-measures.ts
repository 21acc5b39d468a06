/**
 * What a ticket's figures mean, written once for every report that reads the tickets table (queue-stats.ts for
 * /api/stats, service-quality-report.ts for the centre's service-quality report): the SQL fragments name the
 * table's own columns without an alias, so a report that joins reads them from a subquery of tickets' columns.
 * A wait runs from issue (or the booked time, for a booked ticket checked in early) to the first call; a service
 * time from "start" (or the call, when staff skipped "start": finish fills serving_at_ms then) to "finish".
 */

/** A booked citizen's wait starts at the booked time, not at an early check-in (README "Appointments"). */
const WAIT_FROM = 'CASE WHEN booked_at_ms > issued_at_ms THEN booked_at_ms ELSE issued_at_ms END';

/** A ticket's wait in ms; NULL until it is first called. */
export const WAIT_MS = `first_called_at_ms - ${WAIT_FROM}`;

/** A finished ticket's service time in ms; NULL for any other (so AVG and COUNT skip them). */
export const SERVICE_MS = `CASE WHEN status = 'done' THEN done_at_ms - serving_at_ms END`;

// COUNT(…) FILTER (WHERE …) reads the same in SQLite and PostgreSQL.
export const SERVED = `COUNT(*) FILTER (WHERE status = 'done')`;
export const NO_SHOWS = `COUNT(*) FILTER (WHERE status = 'no-show')`;

/** AVG cast so both stores give a float (PostgreSQL's AVG of BIGINT is NUMERIC, which its driver gives as text). */
export const average = (expr: string): string => `AVG(CAST(${expr} AS DOUBLE PRECISION))`;
/** A SUM both stores give as a float, for averages weighed over groups afterwards. */
export const total = (expr: string): string => `SUM(CAST(${expr} AS DOUBLE PRECISION))`;

/** Counter ratings with the ticket they rate (r, t), for the ticket's local days `BETWEEN ? AND ?`. */
export const COUNTER_RATINGS_IN_DAYS = `ratings r JOIN tickets t ON t.id = r.reference WHERE r.subject = 'counter' AND t.day BETWEEN ? AND ?`;

/** Milliseconds as minutes with one decimal, as every report shows them. */
export const toMinutes = (ms: number | null): number | null => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);
