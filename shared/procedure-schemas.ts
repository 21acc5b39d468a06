/**
 * The procedure catalogue on the wire (README "Procedures at the kiosk"): what the province publishes of each
 * administrative procedure (thủ tục hành chính) — its code, name, field (lĩnh vực), agency, time limit, fee, the
 * papers to bring and its public page — as the kiosk searches, shows and prints it.
 */
import { z } from 'zod';
import { LocalizedTextSchema } from './api-schemas';

/** One procedure as imported (a CSV row or a JSON item), after the import's own checks. */
export const ProcedureSchema = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  agency: z.string(),
  timeLimit: z.string(),
  fee: z.string(),
  documents: z.array(z.string()),
  /** The procedure's public page ("Công khai Thủ tục hành chính số"), shown as a QR; null when the catalogue has none. */
  url: z.string().nullable(),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

/** Where to submit it: the queue service its field maps to (site config `procedures.fieldServices`) and its counters. */
export const ProcedureServiceSchema = z.object({
  id: z.string(),
  name: LocalizedTextSchema,
  counters: z.array(z.object({ id: z.string(), name: LocalizedTextSchema })),
});

/** GET /api/procedures/:code. */
export const ProcedureDetailSchema = ProcedureSchema.extend({ service: ProcedureServiceSchema.nullable() });
export type ProcedureDetail = z.infer<typeof ProcedureDetailSchema>;

export const ProcedureSummarySchema = ProcedureSchema.pick({ code: true, name: true, field: true });
export type ProcedureSummary = z.infer<typeof ProcedureSummarySchema>;

export const PROCEDURE_PAGE_SIZE = 30;
/** The most one request may ask for (`limit`). */
export const PROCEDURE_LIST_MAX = 100;

/** GET /api/procedures?q=&field=&limit= */
export const ProcedureQuerySchema = z.strictObject({
  q: z.string().max(100).optional(),
  field: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(PROCEDURE_LIST_MAX).optional(),
});

export const ProcedureListSchema = z.object({
  /** How many procedures match (the list holds at most `limit` of them, best first). */
  total: z.number().int(),
  procedures: z.array(ProcedureSummarySchema),
  /** Every field with its number of procedures, by name; empty when the query has words (the list is the answer). */
  fields: z.array(z.object({ name: z.string(), count: z.number().int() })),
});
export type ProcedureList = z.infer<typeof ProcedureListSchema>;

/**
 * POST /api/procedures/import: the province's export as CSV text, or the same fields as JSON items. Items are
 * checked one by one by the import (a bad one is refused with its reason, the others imported), not here.
 */
export const ProcedureImportRequestSchema = z.union([
  z.strictObject({ csv: z.string().min(1).max(5_000_000) }),
  z.strictObject({ procedures: z.array(z.unknown()).min(1).max(10_000) }),
]);
export type ProcedureImportRequest = z.infer<typeof ProcedureImportRequestSchema>;

export const ProcedureImportResponseSchema = z.object({
  imported: z.number().int(),
  /** Lines (CSV: the line the record starts on; JSON: the item's position from 1) not imported, and why (Vietnamese). */
  refused: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  /** Fields of the catalogue that no queue service is mapped to: their procedures show no "take a ticket" button. */
  fieldsWithoutService: z.array(z.string()),
});
export type ProcedureImportResponse = z.infer<typeof ProcedureImportResponseSchema>;

/** POST /api/procedures/:code/print: the papers list went to the ticket printer. */
export const ProcedurePrintResponseSchema = z.object({ printed: z.literal(true) });
