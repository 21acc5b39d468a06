/** Procedure catalogue routes: search and read (public), print the papers (kiosk), import (staff). Logic lives in procedures/. */
import { z } from 'zod';
import {
  ProcedureDetailSchema,
  ProcedureImportRequestSchema,
  ProcedureImportResponseSchema,
  ProcedureListSchema,
  ProcedurePrintResponseSchema,
  ProcedureQuerySchema,
} from '../../../../shared/procedure-schemas';
import { parseCatalogueCsv, parseCatalogueItems } from '../../procedures/catalogue-parse';
import type { ProcedureCatalogue } from '../../procedures/procedure-catalogue';
import type { RouteRegistry } from '../route-registry';

const CodeParams = z.strictObject({ code: z.string().min(3).max(40) });

export function registerProcedureRoutes(r: RouteRegistry, deps: { procedures: ProcedureCatalogue }): void {
  const { procedures } = deps;

  r.add(
    {
      method: 'get',
      path: '/api/procedures',
      summary: 'Search the procedure catalogue, diacritics and case ignored; with no words, also every field and its count',
      description:
        'Every word must appear in the code, name, field, agency or papers. Best first: a name starting with the query, then names holding every word, then the rest; by name within each. At most `limit` (30) of `total`.',
      tag: 'procedures',
      auth: 'none',
      query: ProcedureQuerySchema,
      responses: { 200: { description: 'The matching procedures, best first', schema: ProcedureListSchema } },
      errors: ['VALIDATION_FAILED'],
    },
    ({ query }) => procedures.search(query as z.infer<typeof ProcedureQuerySchema>),
  );

  r.add(
    {
      method: 'get',
      path: '/api/procedures/:code',
      summary: 'One procedure: papers to bring, time limit, fee, its public page, and the queue service and counters handling it',
      tag: 'procedures',
      auth: 'none',
      params: CodeParams,
      responses: { 200: { description: 'The procedure', schema: ProcedureDetailSchema } },
      errors: ['VALIDATION_FAILED', 'PROCEDURE_NOT_FOUND'],
    },
    ({ params }) => procedures.detail(params.code!),
  );

  r.add(
    {
      method: 'post',
      path: '/api/procedures/:code/print',
      summary: 'Print the papers to bring for a procedure on the kiosk’s ticket printer',
      tag: 'procedures',
      auth: 'kiosk',
      params: CodeParams,
      responses: { 200: { description: 'Printed and cut', schema: ProcedurePrintResponseSchema } },
      errors: ['KIOSK_ONLY', 'VALIDATION_FAILED', 'PROCEDURE_NOT_FOUND', 'PRINTER_OFFLINE', 'PRINTER_PAPER_OUT', 'PRINTER_COVER_OPEN', 'PRINTER_TIMEOUT', 'PRINTER_ERROR'],
    },
    ({ params }) => procedures.print(params.code!),
  );

  r.add(
    {
      method: 'post',
      path: '/api/procedures/import',
      summary: 'Staff: import the province’s procedure catalogue ({ csv } or { procedures: [...] }), upserting by code',
      description:
        'Records that fail a check (no code, a code of the wrong shape, no name, a code already in the file…) are refused with their line (CSV) or item number (JSON) and the reason in Vietnamese; the others are imported in one transaction.',
      tag: 'procedures',
      auth: 'staff',
      body: ProcedureImportRequestSchema,
      // A province's catalogue of a few hundred procedures with their papers; read only after the token checked out.
      bodyLimit: '6mb',
      responses: { 200: { description: 'How many were imported, and which lines were refused and why', schema: ProcedureImportResponseSchema } },
      errors: ['UNAUTHORIZED', 'TOKEN_SCOPE', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'STORE_UNAVAILABLE'],
    },
    ({ body }) => procedures.import('csv' in body ? parseCatalogueCsv(body.csv) : parseCatalogueItems(body.procedures)),
  );
}
