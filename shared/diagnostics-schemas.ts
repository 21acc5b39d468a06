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

export const PrinterDiagnosisSchema = DeviceDiagnosisSchema.extend({
  interface: z.string(),
  text: z.enum(['cp1258', 'raster']),
  codePage: z.number().int(),
  columns: z.number().int(),
  /** The printer's own answer to DLE EOT 1, 4 (and 2 when offline), and what its bits say; null if it never answered. */
  status: z
    .object({
      printerStatus: z.number().int(),
      offlineCause: z.number().int().optional(),
      paperSensor: z.number().int(),
      bits: z.object({ offline: z.boolean(), coverOpen: z.boolean(), paperNearEnd: z.boolean(), paperEnd: z.boolean() }),
    })
    .nullable(),
});
export type PrinterDiagnosis = z.infer<typeof PrinterDiagnosisSchema>;
export const TestPrintRequestSchema = z.strictObject({ kind: z.enum(['sample', 'code-page']).default('sample') });
export const TestPrintResponseSchema = z.object({ printed: z.literal(true), bytes: z.number().int() });

const ErrorFactSchema = z.object({ code: z.string(), message: z.string() });
export const LockerGridSchema = z.object({
  status: DeviceDiagnosisSchema,
  boards: z.array(z.object({ address: z.number().int(), answered: z.boolean(), error: ErrorFactSchema.optional() })),
  compartments: z.array(
    z.object({ board: z.number().int(), lock: z.number().int(), open: z.boolean().nullable(), dossierCode: z.string().nullable(), overdue: z.boolean() }),
  ),
});
export const OpenCompartmentRequestSchema = z.strictObject({
  board: z.number().int().min(0).max(255),
  lock: z.number().int().min(1).max(64),
  /** Required when the compartment holds a citizen's result; written to the audit trail. */
  reason: z.string().max(500).optional(),
});
export const OpenCompartmentResponseSchema = z.object({ board: z.number().int(), lock: z.number().int(), open: z.boolean(), dossierCode: z.string().nullable() });
export const OpenAllRequestSchema = z.strictObject({ confirm: z.boolean(), reason: z.string().max(500) });
export const OpenAllResponseSchema = z.object({ opened: z.number().int(), failed: z.array(z.object({ board: z.number().int(), lock: z.number().int(), code: z.string() })) });

export const SerialPortListSchema = z.object({
  ports: z.array(z.object({ path: z.string(), byId: z.string().optional(), manufacturer: z.string().optional(), vendorId: z.string().optional(), productId: z.string().optional(), serialNumber: z.string().optional() })),
  source: z.enum(['udev', 'by-id']),
  note: z.string().optional(),
  /** The paths the site config names, and whether each exists now. */
  configured: z.array(z.object({ path: z.string(), usedBy: z.string(), present: z.boolean() })),
});
export const ScannerDiagnosisSchema = z.object({
  status: DeviceDiagnosisSchema,
  /** The last frames, newest first: accepted ones with their text, refused ones with the reason; bytes in hex. */
  recent: z.array(z.object({ at: z.string(), accepted: z.boolean(), code: z.string().optional(), reason: z.string().optional(), hex: z.string() })),
});
export const LogQuerySchema = z.strictObject({ lines: z.coerce.number().int().min(1).max(500).default(100) });
export const LogTailSchema = z.object({ lines: z.array(z.unknown()) });

export const SelfTestRequestSchema = z.strictObject({ print: z.boolean().default(false) });
export const SelfTestReportSchema = z.object({
  ok: z.boolean(),
  at: z.string(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string(), advice: z.array(z.string()) })),
  /** When a printed report was asked for: whether it printed, or the printer's error code. */
  printed: z.union([z.literal(true), z.string()]).optional(),
});
export type SelfTestReport = z.infer<typeof SelfTestReportSchema>;
