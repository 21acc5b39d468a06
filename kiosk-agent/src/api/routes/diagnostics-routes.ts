/**
 * The technician's diagnostics API. Entry with the PIN from the kiosk itself; every other route needs the session
 * token and keeps the session alive. Every action is written to the diagnostics audit trail.
 */
import type { z } from 'zod';
import type { Health } from '../../../../shared/api-schemas';
import {
  AuditListSchema,
  AuditQuerySchema,
  DiagnosticsOverviewSchema,
  TechnicianSessionRequestSchema,
  TechnicianSessionSchema,
  LogQuerySchema,
  LogTailSchema,
  ScannerDiagnosisSchema,
  SelfTestReportSchema,
  SelfTestRequestSchema,
  SerialPortListSchema,
  type SelfTestReport,
} from '../../../../shared/diagnostics-schemas';
import type { LogRing } from '../../diagnostics/log-ring';
import type { ScanLog } from '../../diagnostics/scan-log';
import { faultAdvice } from '../../i18n/fault-advice';
import type { LockerTools } from '../../diagnostics/locker-tools';
import type { PrinterTools } from '../../diagnostics/printer-tools';
import type { SelfTestCheck } from '../../diagnostics/self-test';
import type { PortList } from '../../devices/serial/list-ports';
import { isAgentError } from '../../errors/agent-error';
import { registerDiagnosticsDeviceRoutes } from './diagnostics-device-routes';
import type { DiagnosticsAudit } from '../../diagnostics/diagnostics-audit';
import { diagnosticsOverview } from '../../diagnostics/diagnostics-overview';
import type { TechnicianGate } from '../../diagnostics/technician-gate';
import type { Clock } from '../../queue/local-day';
import type { RouteRegistry } from '../route-registry';
import { bearerToken } from '../staff-auth';

export interface DiagnosticsRouteDeps {
  gate: TechnicianGate;
  audit: DiagnosticsAudit;
  clock: Clock;
  health: () => Health;
  /** Asks the printer for its state now: a technician looking at the overview wants the present, not the last poll. */
  refreshPrinter: () => Promise<unknown>;
  startedAtMs: number;
  storePath: string;
  printer: PrinterTools;
  lockers: LockerTools;
  selfTest: () => Promise<SelfTestCheck[]>;
  printSelfTest: (checks: SelfTestCheck[]) => Promise<void>;
  serialPorts: () => Promise<PortList>;
  /** The serial paths the site config names, with the device that uses each. */
  configuredPorts: () => { path: string; usedBy: string; present: boolean }[];
  logRing: LogRing;
  scanLog: ScanLog;
  /** The site config with secrets (tokens, the PIN hash) replaced, for the support bundle. */
  redactedConfig: () => unknown;
}

export function registerDiagnosticsRoutes(r: RouteRegistry, deps: DiagnosticsRouteDeps): void {
  r.add(
    {
      method: 'post',
      path: '/api/diagnostics/session',
      summary: 'Open a technician session with the PIN (from the kiosk itself); the token goes in `Authorization: Bearer`',
      tag: 'diagnostics',
      auth: 'kiosk',
      body: TechnicianSessionRequestSchema,
      responses: { 200: { description: 'Session', schema: TechnicianSessionSchema } },
      errors: ['TECHNICIAN_PIN_INVALID', 'TECHNICIAN_LOCKED', 'TECHNICIAN_NOT_CONFIGURED'],
    },
    ({ body }) => deps.gate.open(body.pin),
  );
  r.add(
    {
      method: 'post',
      path: '/api/diagnostics/session/end',
      summary: 'End the technician session now',
      tag: 'diagnostics',
      auth: 'technician',
      responses: { 204: { description: 'Ended' } },
    },
    ({ req, res }) => {
      deps.gate.close(bearerToken(req));
      res.status(204).end();
    },
  );
  r.add(
    {
      method: 'get',
      path: '/api/diagnostics/overview',
      summary: "Agent version and uptime, the store's size, each device's state, last error and what to check",
      tag: 'diagnostics',
      auth: 'technician',
      responses: { 200: { description: 'Overview', schema: DiagnosticsOverviewSchema } },
    },
    async () => {
      await deps.refreshPrinter().catch(() => undefined); // a failure shows in the state it leaves
      return diagnosticsOverview({ health: deps.health(), startedAtMs: deps.startedAtMs, nowMs: deps.clock.now(), storePath: deps.storePath });
    },
  );
  r.add(
    {
      method: 'get',
      path: '/api/diagnostics/audit',
      summary: 'The diagnostics audit trail, newest first: sign-ins (also refused ones) and every action',
      tag: 'diagnostics',
      auth: 'technician',
      query: AuditQuerySchema,
      responses: { 200: { description: 'Audit entries', schema: AuditListSchema } },
    },
    ({ query }) => deps.audit.recent((query as z.infer<typeof AuditQuerySchema>).limit),
  );

  r.add(
    {
      method: 'get',
      path: '/api/diagnostics/serial-ports',
      summary: "Serial ports on this machine (from udev, or /dev/serial/by-id when udevadm is absent) and the config's ports",
      tag: 'diagnostics',
      auth: 'technician',
      responses: { 200: { description: 'Ports', schema: SerialPortListSchema } },
    },
    async () => ({ ...(await deps.serialPorts()), configured: deps.configuredPorts() }),
  );
  r.add(
    {
      method: 'get',
      path: '/api/diagnostics/scanner',
      summary: "The scanner's state with what to check, and its last frames (accepted or refused) with their bytes in hex",
      tag: 'diagnostics',
      auth: 'technician',
      responses: { 200: { description: 'Scanner', schema: ScannerDiagnosisSchema } },
    },
    () => {
      const status = deps.health().devices.scanner;
      return { status: { ...status, advice: faultAdvice('scanner', status.state) }, recent: deps.scanLog.recent() };
    },
  );
  r.add(
    {
      method: 'get',
      path: '/api/diagnostics/log',
      summary: "The agent's last log lines (info and above), oldest first",
      tag: 'diagnostics',
      auth: 'technician',
      query: LogQuerySchema,
      responses: { 200: { description: 'Log lines', schema: LogTailSchema } },
    },
    ({ query }) => ({ lines: deps.logRing.tail((query as z.infer<typeof LogQuerySchema>).lines) }),
  );
  const selfTest = async (print: boolean): Promise<SelfTestReport> => {
    const checks = await deps.selfTest();
    const report: SelfTestReport = { ok: checks.every((c) => c.ok), at: new Date(deps.clock.now()).toISOString(), checks };
    if (print) {
      report.printed = await deps.printSelfTest(checks).then(
        () => true as const,
        (err: unknown) => (isAgentError(err) ? err.code : 'PRINTER_ERROR'),
      );
    }
    deps.audit.record(deps.clock.now(), 'self-test', report.ok ? 'ok' : 'failed', { failed: checks.filter((c) => !c.ok).map((c) => c.name), printed: report.printed ?? false });
    return report;
  };
  r.add(
    {
      method: 'post',
      path: '/api/diagnostics/self-test',
      summary: 'Run every probe (store, disk, configured ports, printer, scanner, each lock board); `print: true` also prints the report',
      tag: 'diagnostics',
      auth: 'technician',
      body: SelfTestRequestSchema,
      responses: { 200: { description: 'Report', schema: SelfTestReportSchema } },
    },
    ({ body }) => selfTest(body.print),
  );
  r.add(
    {
      method: 'get',
      path: '/api/diagnostics/bundle',
      summary: 'Everything support needs in one JSON file: overview, self-test, ports, config without secrets, log and audit',
      tag: 'diagnostics',
      auth: 'technician',
      responses: { 200: { description: 'Diagnostics bundle (a JSON download)' } },
    },
    async ({ res }) => {
      await deps.refreshPrinter().catch(() => undefined);
      const now = deps.clock.now();
      const bundle = {
        generatedAt: new Date(now).toISOString(),
        overview: diagnosticsOverview({ health: deps.health(), startedAtMs: deps.startedAtMs, nowMs: now, storePath: deps.storePath }),
        selfTest: await deps.selfTest(),
        serialPorts: { ...(await deps.serialPorts().catch((err: unknown) => ({ error: String(err) }))), configured: deps.configuredPorts() },
        config: deps.redactedConfig(),
        log: deps.logRing.tail(500),
        audit: deps.audit.recent(200),
      };
      deps.audit.record(now, 'bundle.export', 'ok');
      const stamp = bundle.generatedAt.replace(/[:.]/g, '-');
      res.setHeader('content-disposition', `attachment; filename="motcua-diagnostics-${stamp}.json"`);
      return bundle;
    },
  );
  registerDiagnosticsDeviceRoutes(r, { printer: deps.printer, lockers: deps.lockers });
}
