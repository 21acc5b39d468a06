/**
 * What the diagnostics screens show, typed by section and by action: the machine keeps the agent's answer with the
 * section or action it belongs to, so a screen can only be drawn with its own data (a printer screen once got the
 * overview's and crashed).
 */
import type { z } from 'zod';
import type {
  AuditListSchema,
  DiagnosticsOverview,
  LockerGridSchema,
  LogTailSchema,
  OpenAllResponseSchema,
  OpenCompartmentResponseSchema,
  PrinterDiagnosis,
  ScannerDiagnosisSchema,
  SelfTestReport,
  SerialPortListSchema,
  TestPrintResponseSchema,
} from '../../../../shared/diagnostics-schemas';

export const SECTIONS = ['overview', 'printer', 'scanner', 'lockers', 'ports', 'log', 'audit'] as const;
export type Section = (typeof SECTIONS)[number];

export type SectionData =
  | { section: 'overview'; data: DiagnosticsOverview }
  | { section: 'printer'; data: PrinterDiagnosis }
  | { section: 'scanner'; data: z.infer<typeof ScannerDiagnosisSchema> }
  | { section: 'lockers'; data: z.infer<typeof LockerGridSchema> }
  | { section: 'ports'; data: z.infer<typeof SerialPortListSchema> }
  | { section: 'log'; data: z.infer<typeof LogTailSchema> }
  | { section: 'audit'; data: z.infer<typeof AuditListSchema> };

/** One section's data. */
export type DataOf<S extends Section> = Extract<SectionData, { section: S }>['data'];

export type DiagnosticsAction =
  | { kind: 'test-print'; print: 'sample' | 'code-page' }
  | { kind: 'open-compartment'; board: number; lock: number; reason?: string }
  /** Sent only after the technician confirmed on screen; the agent requires both. */
  | { kind: 'open-all'; reason: string }
  | { kind: 'self-test'; print: boolean }
  | { kind: 'export-bundle' };

export type ActionResult =
  | { action: 'test-print'; value: z.infer<typeof TestPrintResponseSchema> }
  | { action: 'open-compartment'; value: z.infer<typeof OpenCompartmentResponseSchema> }
  | { action: 'open-all'; value: z.infer<typeof OpenAllResponseSchema> }
  | { action: 'self-test'; value: SelfTestReport }
  | { action: 'export-bundle'; value: { fileName: string } };
