/**
 * The statistics page (/stats) for the centre's head: pick a range of days, read per day and service (issued,
 * waits, service time, no-shows) and per counter (served, satisfaction), save the CSV. Staff token as on the
 * counter console. The states are every staff report's (ui/staff-report.machine.ts); `loadReport`, `saveCsv` and
 * `signIn` are provided by the page (staff-stats.actors.ts) or by tests.
 */
import type { EventFromLogic } from 'xstate';
import type { LocalizedText } from '../../../../shared/api-schemas';
import type { Stats } from '../../../../shared/counter-schemas';
import { staffReportMachine, type ReportPeriod } from '../../ui/staff-report.machine';

/** The figures with the names of the services and counters they mention. */
export interface StatsView {
  stats: Stats;
  serviceNames: Record<string, LocalizedText>;
  counterNames: Record<string, LocalizedText>;
}

export type StatsRange = ReportPeriod;

export const staffStatsMachine = staffReportMachine<StatsView>({
  id: 'stats',
  periodEvent: 'range.set',
  periodOf: (view) => ({ from: view.stats.from, to: view.stats.to }),
  // No check before asking: /api/stats answers a backwards range with VALIDATION_FAILED, shown over the figures.
  // A token may still be typed in, as on the counter console.
  acceptsToken: true,
});

export type StaffStatsEvent = EventFromLogic<typeof staffStatsMachine>;
