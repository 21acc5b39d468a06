/** The centre's service-quality report (issue 19): for supervisors, as JSON for the page and as CSV for Excel. */
import { ReportQuerySchema, ServiceQualityReportSchema } from '../../../../shared/report-schemas';
import { REPORT_TEXT } from '../../i18n/report-text';
import type { ServiceQualityReports } from '../../stats/service-quality-report';
import { serviceQualityToCsv } from '../../stats/service-quality-csv';
import type { RouteRegistry } from '../route-registry';

export interface ReportRouteDeps {
  reports: ServiceQualityReports;
}

const PERIOD =
  'from and to are local days of the centre (center.timezone), both included; neither: this month; one alone: that day. ' +
  'from after to, or more than 366 days, is refused with 400 VALIDATION_FAILED. Satisfaction: "rất hài lòng" + "hài lòng" ' +
  "(levels 3 and 2 of 3, 5 and 4 of 5, each rating on its own scale) over all ratings. A ticket's officer is the one who " +
  'finished it (or closed it as a no-show); a locker handover is on time when its result was deposited by the end of the ' +
  "dossier's promised day, and counts for the officer who deposited it. officerId null: no officer recorded; serviceId " +
  'null: results collected from the lockers.';

export function registerReportRoutes(r: RouteRegistry, deps: ReportRouteDeps): void {
  r.add(
    {
      method: 'get',
      path: '/api/reports/service-quality',
      summary: 'Service quality per officer, per service and for the centre: served, no-shows, waits, service times, ratings and satisfaction, locker results on time',
      description: PERIOD,
      tag: 'reports',
      auth: 'supervisor',
      query: ReportQuerySchema,
      responses: { 200: { description: 'The report for the days from..to', schema: ServiceQualityReportSchema } },
      errors: ['UNAUTHORIZED', 'STAFF_ROLE_REQUIRED', 'VALIDATION_FAILED'],
    },
    ({ query }) => deps.reports.compute(query),
  );

  r.add(
    {
      method: 'get',
      path: '/api/reports/service-quality.csv',
      summary: 'The same report as CSV (UTF-8 with BOM, opens in Excel): one row per officer at each service, then the totals per officer, per service and for the centre',
      description: PERIOD,
      tag: 'reports',
      auth: 'supervisor',
      query: ReportQuerySchema,
      responses: { 200: { description: 'text/csv' } },
      errors: ['UNAUTHORIZED', 'STAFF_ROLE_REQUIRED', 'VALIDATION_FAILED'],
    },
    async ({ query, res }) => {
      const report = await deps.reports.compute(query);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${REPORT_TEXT.csvFileName(report.from, report.to)}"`);
      res.send(serviceQualityToCsv(report));
      return undefined;
    },
  );
}
