/**
 * When a handover completes (the citizen shut the door), print the receipt (biên nhận) and tell the kiosk screen
 * the pickup is done. Runs after the handover is committed: a printer out of paper costs the citizen the receipt
 * (the screen says so and where to get one), never the handover.
 */
import type { Printer } from '../devices/printer/printer';
import { isAgentError } from '../errors/agent-error';
import { receiptSlip } from '../slips/receipt-slip';
import type { EventHub } from '../events/event-hub';
import type { DossierRepository } from './dossier-repository';
import type { Compartment } from './locker-store';
import { maskName } from './masking';

export interface HandoverReceiptsDeps {
  dossiers: DossierRepository;
  printer: Printer;
  centerName: string;
  timeZone: string;
  events: EventHub;
  log: { warn(obj: object, msg: string): void };
  /** The payments towards the dossier's fees, printed on the receipt (issue 21). */
  payments?: (dossierCode: string) => Promise<{ amount: number; method: 'bank' | 'cash'; transactionId: string | null }[]>;
}

export class HandoverReceipts {
  constructor(private readonly deps: HandoverReceiptsDeps) {}

  /** Prints the receipt and publishes `pickup.completed`; resolves when both are done, never rejects. */
  async completed(done: { dossierCode: string; compartment: Compartment; atMs: number }): Promise<void> {
    const { dossiers, printer, events, log } = this.deps;
    let dossier: Awaited<ReturnType<DossierRepository['get']>>;
    try {
      dossier = await dossiers.get(done.dossierCode);
    } catch {
      dossier = undefined; // the receipt then prints without the procedure and name
    }
    const paid = await this.deps.payments?.(done.dossierCode).catch(() => []); // without them, the receipt still prints
    let receiptErrorCode: string | undefined;
    try {
      await printer.print(
        receiptSlip(
          {
            centerName: this.deps.centerName,
            dossierCode: done.dossierCode,
            procedure: dossier?.procedure ?? '',
            applicantMasked: dossier ? maskName(dossier.applicantName) : '',
            board: done.compartment.board,
            lock: done.compartment.lock,
            handedOverAtMs: done.atMs,
            timeZone: this.deps.timeZone,
            ...(paid?.length ? { fee: { paid: paid.reduce((sum, p) => sum + p.amount, 0), payments: paid } } : {}),
          },
        ),
      );
    } catch (err) {
      receiptErrorCode = isAgentError(err) ? err.code : 'PRINTER_ERROR';
      log.warn({ dossier: done.dossierCode, code: receiptErrorCode }, 'handover receipt not printed');
    }
    try {
      await dossiers.audit(done.atMs, done.dossierCode, 'receipt', receiptErrorCode ? `not-printed:${receiptErrorCode}` : 'printed');
    } catch (err) {
      // The handover itself is committed; only this audit line is lost. The kiosk still tells the citizen.
      log.warn({ dossier: done.dossierCode, err: (err as Error).message }, 'receipt audit not written');
    }
    events.publish('pickup.completed', {
      dossierCode: done.dossierCode,
      ...done.compartment,
      receiptPrinted: receiptErrorCode === undefined,
      ...(receiptErrorCode ? { receiptErrorCode } : {}),
    });
  }
}
