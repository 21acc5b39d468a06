/**
 * Demo-mode handles on the simulators: what the printer printed (text and a picture of the slip), a paper switch,
 * a "scan" of a sample slip through the simulated scanner's serial line, closing a locker door, and the simulated
 * bank confirming a fee transfer. Each group is registered only when that device (or the demo's bank) exists.
 */
import {
  DemoDoorRequestSchema,
  DemoScanRequestSchema,
  PrintedJobListSchema,
  SimulatedLockerStateSchema,
  SimulatedPrinterStateRequestSchema,
  SimulatedPrinterStateSchema,
} from '../../../../shared/api-schemas';
import { DemoBankTransferRequestSchema, DemoBankTransferSchema } from '../../../../shared/payment-schemas';
import type { DemoControls } from '../demo-controls';
import type { RouteRegistry } from '../route-registry';

const MAX_JOBS = 10;

export function registerDemoRoutes(r: RouteRegistry, sims: DemoControls): void {
  if (sims.printer) registerPrinter(r, sims.printer);
  if (sims.bank) {
    const bank = sims.bank;
    r.add(
      {
        method: 'post',
        path: '/api/demo/bank/transfer',
        summary: 'Demo only: the simulated bank confirms a transfer of what the dossier owes (a signed webhook to this agent)',
        description: 'status "nothing-due" (and nothing sent) when the dossier owes nothing, e.g. pressed a second time.',
        tag: 'demo',
        auth: 'demo',
        body: DemoBankTransferRequestSchema,
        responses: { 200: { description: 'Recorded through the payment webhook, or nothing owed', schema: DemoBankTransferSchema } },
        errors: ['VALIDATION_FAILED', 'PAYMENT_REFERENCE_UNKNOWN', 'RATE_LIMITED', 'DEMO_BANK_FAILED'],
      },
      ({ body }) => bank.transfer(body.dossierCode),
    );
  }
  if (sims.scanner) {
    const scanner = sims.scanner;
    r.add(
      {
        method: 'post',
        path: '/api/demo/scanner/scan',
        summary: 'Demo only: the simulated scanner reads this code (it arrives as serial bytes, then as scanner.scanned)',
        tag: 'demo',
        auth: 'demo',
        body: DemoScanRequestSchema,
        responses: { 204: { description: 'Sent to the scanner line' } },
        errors: ['VALIDATION_FAILED'],
      },
      async ({ res, body }) => {
        await scanner.scan(body.code);
        res.status(204).end();
      },
    );
  }
  if (sims.locker) {
    const bus = sims.locker;
    r.add(
      {
        method: 'get',
        path: '/api/demo/locker',
        summary: 'Demo only: which simulated compartments stand open',
        tag: 'demo',
        auth: 'demo',
        responses: { 200: { description: 'Open locks per board', schema: SimulatedLockerStateSchema } },
      },
      () => bus.state(),
    );
    r.add(
      {
        method: 'post',
        path: '/api/demo/locker/close',
        summary: 'Demo only: a person shuts a compartment door',
        tag: 'demo',
        auth: 'demo',
        body: DemoDoorRequestSchema,
        responses: { 200: { description: 'Open locks per board', schema: SimulatedLockerStateSchema } },
        errors: ['VALIDATION_FAILED', 'LOCKER_UNKNOWN_LOCK'],
      },
      ({ body }) => bus.closeDoor(body.board, body.lock),
    );
  }
}

function registerPrinter(r: RouteRegistry, printer: NonNullable<DemoControls['printer']>): void {
  r.add(
    {
      method: 'get',
      path: '/api/demo/printer/jobs',
      summary: 'Demo only: the last jobs the simulated printer received, newest first, decoded to text and a picture',
      tag: 'demo',
      auth: 'demo',
      responses: { 200: { description: 'Jobs', schema: PrintedJobListSchema } },
    },
    () => printer.recentJobs(MAX_JOBS),
  );

  r.add(
    {
      method: 'post',
      path: '/api/demo/printer/state',
      summary: 'Demo only: put the simulated printer out of paper, open its cover or take it offline',
      tag: 'demo',
      auth: 'demo',
      body: SimulatedPrinterStateRequestSchema,
      responses: { 200: { description: 'The simulated printer state', schema: SimulatedPrinterStateSchema } },
      errors: ['VALIDATION_FAILED'],
    },
    ({ body }) => printer.setState(body),
  );
}
