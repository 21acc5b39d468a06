/**
 * What the diagnostics routes answer, apart from devices' own tools (printer-tools.ts, locker-tools.ts): the
 * overview, the scanner view, ports, the log, the self-test with its audit and printed report, and the support
 * bundle. The routes only validate and call these.
 */
import type { FullHealth } from '../../../shared/api-schemas';
import type { DiagnosticsOverview, SelfTestReport } from '../../../shared/diagnostics-schemas';
import type { PortList } from '../devices/serial/port-list';
import { isAgentError } from '../errors/agent-error';
import { faultAdvice } from '../i18n/fault-advice';
import type { Clock } from '../core/clock';
import type { DiagnosticsAudit } from './diagnostics-audit';
import { diagnosticsOverview } from './diagnostics-overview';
import type { LogRing } from './log-ring';
import type { ScanLog } from './scan-log';
import type { SelfTestCheck } from './self-test';

export interface DiagnosticsServiceDeps {
  audit: DiagnosticsAudit;
  clock: Clock;
  health: () => FullHealth;
  /** Asks the printer for its state now: a technician looking at the overview wants the present, not the last poll. */
  refreshPrinter: () => Promise<unknown>;
  startedAtMs: number;
  storePath: string;
  runChecks: () => Promise<SelfTestCheck[]>;
  printReport: (checks: SelfTestCheck[]) => Promise<void>;
  listPorts: () => Promise<PortList>;
  /** The serial paths the site config names, with the device that uses each, and whether each exists now. */
  configuredPorts: () => { path: string; usedBy: string; present: boolean }[];
  logRing: LogRing;
  scanLog: ScanLog;
  /** The site config with secrets (tokens, the PIN hash) replaced, for the support bundle. */
  redactedConfig: () => unknown;
}

export class DiagnosticsService {
  constructor(private readonly deps: DiagnosticsServiceDeps) {}

  async overview(): Promise<DiagnosticsOverview> {
    await this.deps.refreshPrinter().catch(() => undefined); // a failure shows in the state it leaves
    const { health, startedAtMs, clock, storePath } = this.deps;
    return diagnosticsOverview({ health: health(), startedAtMs, nowMs: clock.now(), storePath });
  }

  scanner() {
    const status = this.deps.health().devices.scanner;
    return { status: { ...status, advice: faultAdvice('scanner', status.state) }, recent: this.deps.scanLog.recent() };
  }

  async serialPorts() {
    return { ...(await this.deps.listPorts()), configured: this.deps.configuredPorts() };
  }

  logTail(lines: number) {
    return { lines: this.deps.logRing.tail(lines) };
  }

  /** Runs every probe; prints the report when asked (a printer that cannot print says why in `printed`); audited. */
  async selfTest(print: boolean): Promise<SelfTestReport> {
    const { clock, audit } = this.deps;
    const checks = await this.deps.runChecks();
    const report: SelfTestReport = { ok: checks.every((c) => c.ok), at: new Date(clock.now()).toISOString(), checks };
    if (print) {
      report.printed = await this.deps.printReport(checks).then(
        () => true as const,
        (err: unknown) => (isAgentError(err) ? err.code : 'PRINTER_ERROR'),
      );
    }
    await audit.record(clock.now(), 'self-test', report.ok ? 'ok' : 'failed', { failed: checks.filter((c) => !c.ok).map((c) => c.name), printed: report.printed ?? false });
    return report;
  }

  /** Everything support needs in one JSON file, and the name to save it under; audited. */
  async bundle(): Promise<{ fileName: string; content: object }> {
    const { clock, audit } = this.deps;
    const overview = await this.overview();
    const generatedAt = new Date(clock.now()).toISOString();
    const content = {
      generatedAt,
      overview,
      selfTest: await this.deps.runChecks(),
      serialPorts: await this.serialPorts().catch((err: unknown) => ({ error: String(err), configured: this.deps.configuredPorts() })),
      config: this.deps.redactedConfig(),
      log: this.deps.logRing.tail(500),
      audit: await audit.recent(200),
    };
    await audit.record(clock.now(), 'bundle.export', 'ok');
    return { fileName: `motcua-diagnostics-${generatedAt.replace(/[:.]/g, '-')}.json`, content };
  }
}
