/**
 * The service-quality report (supervisors): the staff client's bearer token, every answer parsed with
 * shared/report-schemas.ts. A subclass of its own, so the report's requests do not crowd the counter console's.
 */
import { ServiceQualityReportSchema } from '../../../shared/report-schemas';
import { StaffClient } from './staff-client';

/** `?from=…&to=…`; neither: the agent's default (this month, in the centre's days). */
function periodQuery(from?: string, to?: string): string {
  const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString();
  return query ? `?${query}` : '';
}

export class ReportClient extends StaffClient {
  serviceQuality(from?: string, to?: string) {
    return this.request(ServiceQualityReportSchema, `/api/reports/service-quality${periodQuery(from, to)}`);
  }

  /** The same report as CSV (UTF-8 with BOM, for Excel), as text to save. */
  async serviceQualityCsv(from?: string, to?: string): Promise<string> {
    const text = await (await this.send(`/api/reports/service-quality.csv${periodQuery(from, to)}`)).text();
    // text() drops the BOM the agent sent; the saved file needs it for Excel to read UTF-8.
    return text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
  }
}
