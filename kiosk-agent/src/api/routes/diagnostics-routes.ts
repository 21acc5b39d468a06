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
} from '../../../../shared/diagnostics-schemas';
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
}
