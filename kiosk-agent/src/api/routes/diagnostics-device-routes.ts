/** Diagnostics for the printer and the lockers: state with advice, test prints, opening compartments. */
import {
  LockerGridSchema,
  OpenAllRequestSchema,
  OpenAllResponseSchema,
  OpenCompartmentRequestSchema,
  OpenCompartmentResponseSchema,
  PrinterDiagnosisSchema,
  TestPrintRequestSchema,
  TestPrintResponseSchema,
} from '../../../../shared/diagnostics-schemas';
import type { LockerTools } from '../../diagnostics/locker-tools';
import type { PrinterTools } from '../../diagnostics/printer-tools';
import type { RouteRegistry } from '../route-registry';

export function registerDiagnosticsDeviceRoutes(r: RouteRegistry, deps: { printer: PrinterTools; lockers: LockerTools }): void {
  r.add(
    {
      method: 'get',
      path: '/api/diagnostics/printer',
      summary: "The printer asked for its state now (DLE EOT), with what to check, its interface and text mode",
      tag: 'diagnostics',
      auth: 'technician',
      responses: { 200: { description: 'Printer', schema: PrinterDiagnosisSchema } },
    },
    () => deps.printer.detail(),
  );
  r.add(
    {
      method: 'post',
      path: '/api/diagnostics/printer/test-print',
      summary: 'Print and cut a Vietnamese sample (`sample`) or a chart of the printer code page (`code-page`); audited',
      tag: 'diagnostics',
      auth: 'technician',
      body: TestPrintRequestSchema,
      responses: { 200: { description: 'Printed', schema: TestPrintResponseSchema } },
      errors: ['PRINTER_PAPER_OUT', 'PRINTER_COVER_OPEN', 'PRINTER_OFFLINE', 'PRINTER_TIMEOUT', 'PRINTER_ERROR'],
    },
    ({ body }) => deps.printer.testPrint(body.kind),
  );
  r.add(
    {
      method: 'get',
      path: '/api/diagnostics/lockers',
      summary: 'Every compartment: door state read from its board now, and the dossier the kiosk holds in it; boards that did not answer',
      tag: 'diagnostics',
      auth: 'technician',
      responses: { 200: { description: 'Locker grid', schema: LockerGridSchema } },
      errors: ['LOCKER_DISABLED'],
    },
    () => deps.lockers.grid(),
  );
  r.add(
    {
      method: 'post',
      path: '/api/diagnostics/lockers/open',
      summary: "Open one compartment; one holding a citizen's result needs a `reason`; audited",
      tag: 'diagnostics',
      auth: 'technician',
      body: OpenCompartmentRequestSchema,
      responses: { 200: { description: 'Opened', schema: OpenCompartmentResponseSchema } },
      errors: ['REASON_REQUIRED', 'LOCKER_UNKNOWN_LOCK', 'LOCKER_TIMEOUT', 'LOCKER_NOT_OPENED', 'LOCKER_DISABLED'],
    },
    ({ body }) => deps.lockers.open(body.board, body.lock, body.reason),
  );
  r.add(
    {
      method: 'post',
      path: '/api/diagnostics/lockers/open-all',
      summary: 'Open every compartment, one after another: needs `confirm: true` and a `reason`; audited',
      tag: 'diagnostics',
      auth: 'technician',
      body: OpenAllRequestSchema,
      responses: { 200: { description: 'Opened and failed', schema: OpenAllResponseSchema } },
      errors: ['CONFIRMATION_REQUIRED', 'REASON_REQUIRED', 'LOCKER_DISABLED'],
    },
    ({ body }) => deps.lockers.openAll(body.confirm, body.reason),
  );
}
