/** The printer screen: its state with advice, and the test prints (audited, with the printer's answer). */
import type { PrinterDiagnosis } from '../../../shared/diagnostics-schemas';
import type { Printer } from '../devices/printer/printer';
import { formatSlipTime } from '../slips/slip-time';
import { codePageChart, samplePrint, type PrinterMode } from '../slips/test-print-slips';
import { isAgentError } from '../errors/agent-error';
import { faultAdvice } from '../i18n/fault-advice';
import type { Clock } from '../core/clock';
import type { DiagnosticsAudit } from './diagnostics-audit';

export type TestPrintKind = 'sample' | 'code-page';

export interface PrinterToolsDeps {
  printer: Printer;
  layout: PrinterMode;
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
    const replies = this.deps.printer.lastStatus();
    return {
      ...status,
      advice: faultAdvice('printer', status.state),
      interface: this.deps.interfaceName,
      text: layout.text,
      codePage: layout.codePage,
      columns: layout.columns,
      status: replies,
    };
  }

  /** Prints and cuts; a printer that cannot print throws its PRINTER_* error, which is audited too. */
  async testPrint(kind: TestPrintKind): Promise<{ printed: true; bytes: number }> {
    const { clock, layout } = this.deps;
    const doc =
      kind === 'sample'
        ? samplePrint({ centerName: this.deps.centerName, printedAt: formatSlipTime(clock.now(), this.deps.timeZone), interfaceName: this.deps.interfaceName, mode: layout })
        : codePageChart(layout.codePage);
    try {
      const { bytes } = await this.deps.printer.print(doc);
      await this.deps.audit.record(clock.now(), 'printer.test-print', 'ok', { kind });
      return { printed: true, bytes };
    } catch (err) {
      await this.deps.audit.record(clock.now(), 'printer.test-print', 'failed', { kind, code: isAgentError(err) ? err.code : 'INTERNAL_ERROR' });
      throw err;
    }
  }
}
