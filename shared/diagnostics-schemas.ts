/** Wire shapes of the technician's diagnostics API (`/api/diagnostics/*`). */
import { z } from 'zod';
import { DeviceStateSchema } from './api-schemas';

export const TechnicianSessionRequestSchema = z.strictObject({ pin: z.string().min(1).max(64) });
export const TechnicianSessionSchema = z.object({
  token: z.string(),
  /** When the session ends if no request comes before then (each request moves it). */
  expiresAt: z.string(),
  idleSeconds: z.number().int(),
});
export type TechnicianSession = z.infer<typeof TechnicianSessionSchema>;

export const DeviceDiagnosisSchema = z.object({
  state: DeviceStateSchema,
  driver: z.string(),
  lastError: z.string().optional(),
  /** What to check, in Vietnamese, most likely first; empty when the device is ready. */
  advice: z.array(z.string()),
});
export type DeviceDiagnosis = z.infer<typeof DeviceDiagnosisSchema>;

export const DiagnosticsOverviewSchema = z.object({
  version: z.string(),
  startedAt: z.string(),
  uptimeSeconds: z.number().int(),
  demo: z.boolean(),
  store: z.object({ path: z.string(), bytes: z.number().int() }),
  devices: z.object({ printer: DeviceDiagnosisSchema, scanner: DeviceDiagnosisSchema, locker: DeviceDiagnosisSchema }),
});
export type DiagnosticsOverview = z.infer<typeof DiagnosticsOverviewSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const AuditListSchema = z.array(AuditEntrySchema);
export const AuditQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
