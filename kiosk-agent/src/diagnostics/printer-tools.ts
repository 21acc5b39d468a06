/** The printer screen: its state with advice, and the test prints (audited, with the printer's answer). */
import type { PrinterDiagnosis } from '../../../shared/diagnostics-schemas';
import { decodeStatus } from '../devices/printer/escpos-status';
import type { TextLayoutOptions } from '../devices/printer/print-blocks';
import type { Printer } from '../devices/printer/printer';
import { buildCodePageChartJob, buildSamplePrintJob } from '../devices/printer/test-print-layout';
import { formatSlipTime } from '../devices/printer/print-blocks';
import { isAgentError } from '../errors/agent-error';
import { faultAdvice } from '../i18n/fault-advice';
import type { Clock } from '../queue/local-day';
import type { DiagnosticsAudit } from './diagnostics-audit';

export type TestPrintKind = 'sample' | 'code-page';

export interface PrinterToolsDeps {
  printer: Printer;
  layout: TextLayoutOptions;
  interfaceName: string;
  centerName: string;
  timeZone: string;
  clock: Clock;
  audit: DiagnosticsAudit;
}

export class PrinterTools {
  constructor(private readonly deps: PrinterToolsDeps) {}

  async detail(): Promise<PrinterDiagnosis> {
    const status = await this.deps.printer.refreshStatus().catch(() => this.deps.printer.status());
    const { layout } = this.deps;
    const replies = this.deps.printer.lastStatusReplies();
    return {
      ...status,
      advice: faultAdvice('printer', status.state),
      interface: this.deps.interfaceName,
      text: layout.text,
      codePage: layout.codePage,
      columns: layout.columns,
      status: replies ? { ...replies, bits: decodeStatus(replies.printerStatus, replies.offlineCause, replies.paperSensor) } : null,
    };
  }

  /** Prints and cuts; a printer that cannot print throws its PRINTER_* error, which is audited too. */
  async testPrint(kind: TestPrintKind): Promise<{ printed: true; bytes: number }> {
    const { clock, layout } = this.deps;
    const job =
      kind === 'sample'
        ? buildSamplePrintJob({ centerName: this.deps.centerName, printedAt: formatSlipTime(clock.now(), this.deps.timeZone), interfaceName: this.deps.interfaceName }, layout)
        : buildCodePageChartJob(layout);
    try {
      await this.deps.printer.print(job);
      this.deps.audit.record(clock.now(), 'printer.test-print', 'ok', { kind });
      return { printed: true, bytes: job.length };
    } catch (err) {
      this.deps.audit.record(clock.now(), 'printer.test-print', 'failed', { kind, code: isAgentError(err) ? err.code : 'INTERNAL_ERROR' });
      throw err;
    }
  }
}
