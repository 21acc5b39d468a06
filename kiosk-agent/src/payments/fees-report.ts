/**
 * Fees collected per day and procedure (issue 21), as CSV for Excel (stats/stats-csv.ts: BOM, CRLF, formula-safe
 * fields): one row per local day and procedure with the number of payments, bank transfers and cash apart, and a
 * total row. Read from the payments table, so it matches what was recorded, transaction for transaction.
 */
import { MAX_REPORT_DAYS, monthRange, reportRangeProblem, type ReportQuery } from '../../../shared/report-schemas';
import { localDayKey } from '../core/local-time';
import { AgentError } from '../errors/agent-error';
import { FEES_REPORT_TEXT } from '../i18n/payment-text';
import { csvDocument } from '../stats/stats-csv';
import type { FeeDayRow, PaymentRepository } from './payment-repository';

export interface FeeReportLine {
  day: string;
  procedure: string;
  count: number;
  bank: number;
  cash: number;
}

/** Rows per (day, procedure), bank and cash side by side (pure). */
export function feeReportLines(rows: readonly FeeDayRow[]): FeeReportLine[] {
  const lines = new Map<string, FeeReportLine>();
  for (const r of rows) {
    const procedure = r.procedure ?? '';
    const key = JSON.stringify([r.day, procedure]);
    const line = lines.get(key) ?? { day: r.day, procedure, count: 0, bank: 0, cash: 0 };
    line.count += r.count;
    line[r.method] += r.amount;
    lines.set(key, line);
  }
  return [...lines.values()];
}

export function feesToCsv(lines: readonly FeeReportLine[]): string {
  const sum = (f: (l: FeeReportLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  return csvDocument([
    FEES_REPORT_TEXT.header,
    ...lines.map((l) => [l.day, l.procedure, l.count, l.bank, l.cash, l.bank + l.cash]),
    [FEES_REPORT_TEXT.total, null, sum((l) => l.count), sum((l) => l.bank), sum((l) => l.cash), sum((l) => l.bank + l.cash)],
  ]);
}

export class FeesReport {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly timeZone: string,
    private readonly now: () => number,
  ) {}

  /** Neither day: this month; one: that day; refused when out of order or longer than a report may be. */
  period(q: ReportQuery): { from: string; to: string } {
    if (!q.from && !q.to) return monthRange(localDayKey(this.now(), this.timeZone).slice(0, 7));
    const from = q.from ?? q.to!;
    const to = q.to ?? q.from!;
    const problem = reportRangeProblem(from, to);
    if (problem) {
      const message = problem === 'order' ? FEES_REPORT_TEXT.rangeOrder : FEES_REPORT_TEXT.rangeTooLong(MAX_REPORT_DAYS);
      throw new AgentError('VALIDATION_FAILED', message, { fields: [{ path: problem === 'order' ? 'query.from' : 'query.to', message }] });
    }
    return { from, to };
  }

  async csv(q: ReportQuery): Promise<{ from: string; to: string; csv: string }> {
    const { from, to } = this.period(q);
    return { from, to, csv: feesToCsv(feeReportLines(await this.payments.byDay(from, to))) };
  }
}
