/**
 * The service-quality report page (/reports/service-quality) and its monthly print view for one officer
 * (/reports/service-quality/print): a supervisor signs in as on /stats, picks a period (this month at first: the
 * agent decides which month that is in the centre's days), reads the figures per officer, per service and for the
 * centre, saves the CSV or prints. An officer who is not a supervisor is told so (403 STAFF_ROLE_REQUIRED). A
 * period the agent would refuse (from after to, over 366 days) is refused here first with the same reason.
 * The states are every staff report's (ui/staff-report.machine.ts); `loadReport`, `saveCsv`, `signIn` and the
 * `printPage` action are provided by the page (service-quality.actors.ts) or by tests.
 */
import type { EventFromLogic } from 'xstate';
import { reportRangeProblem, type ServiceQualityReport } from '../../../../shared/report-schemas';
import { staffReportMachine } from '../../ui/staff-report.machine';

export type { ReportPeriod } from '../../ui/staff-report.machine';

export const serviceQualityMachine = staffReportMachine<ServiceQualityReport>({
  id: 'serviceQuality',
  periodEvent: 'period.set',
  periodOf: (report) => ({ from: report.from, to: report.to }),
  periodProblem: reportRangeProblem,
});

export type ServiceQualityEvent = EventFromLogic<typeof serviceQualityMachine>;
