/**
 * The technician's diagnostics API. Entry with the PIN from the kiosk itself; every other route needs the session
 * token and keeps the session alive. Every action is written to the diagnostics audit trail.
 */
import type { z } from 'zod';
import {
  AuditListSchema,
  AuditQuerySchema,
  DiagnosticsOverviewSchema,
  LogQuerySchema,
  LogTailSchema,
  ScannerDiagnosisSchema,
  SelfTestReportSchema,
  SelfTestRequestSchema,
  SerialPortListSchema,
  TechnicianSessionRequestSchema,
  TechnicianSessionSchema,
} from '../../../../shared/diagnostics-schemas';
import type { DiagnosticsAudit } from '../../diagnostics/diagnostics-audit';
import type { DiagnosticsService } from '../../diagnostics/diagnostics-service';
import type { LockerTools } from '../../diagnostics/locker-tools';
import type { PrinterTools } from '../../diagnostics/printer-tools';
import type { TechnicianGate } from '../../diagnostics/technician-gate';
import type { RouteRegistry } from '../route-registry';
import { bearerOf } from '../access-policy';
import { registerDiagnosticsDeviceRoutes } from './diagnostics-device-routes';

export interface DiagnosticsRouteDeps {
  gate: TechnicianGate;
  audit: DiagnosticsAudit;
  service: DiagnosticsService;
  printer: PrinterTools;
  lockers: LockerTools;
}

export function registerDiagnosticsRoutes(r: RouteRegistry, deps: DiagnosticsRouteDeps): void {
  r.add(
    {
      method: 'post',
      path: '/api/diagnostics/session',
      summary: 'Open a technician session with the PIN (from the kiosk itself only, never a counter PC); the token goes in `Authorization: Bearer`',
      tag: 'diagnostics',
      auth: 'kiosk-device',
      body: TechnicianSessionRequestSchema,
      responses: { 200: { description: 'Session', schema: TechnicianSessionSchema } },
      errors: ['KIOSK_ONLY', 'TECHNICIAN_PIN_INVALID', 'TECHNICIAN_LOCKED', 'TECHNICIAN_NOT_CONFIGURED'],
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
      deps.gate.close(bearerOf(req.headers.authorization));
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
    () => deps.service.overview(),
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
    async ({ query }) => deps.audit.recent((query as z.infer<typeof AuditQuerySchema>).limit),
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
    () => deps.service.serialPorts(),
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
    () => deps.service.scanner(),
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
    ({ query }) => deps.service.logTail((query as z.infer<typeof LogQuerySchema>).lines),
  );
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
    ({ body }) => deps.service.selfTest(body.print),
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
      const { fileName, content } = await deps.service.bundle();
      res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
      return content;
    },
  );
  registerDiagnosticsDeviceRoutes(r, { printer: deps.printer, lockers: deps.lockers });
}
