/**
 * Fees at the kiosk (issue 21): what a citizen still owes for a result in the locker and the VietQR to pay it; a
 * bank's confirmation (webhook, verified at the edge) or an officer's cash, recorded once per transaction; the
 * kiosk told (`payment.received`) and staff alerted when money does not match. Whether the compartment opens is
 * decided by the handover itself from the same payments (pickup/locker-handovers.ts).
 */
import type { DossierLookup } from '../../../shared/dossier-schemas';
import { parseDossierCode } from '../../../shared/dossier-code';
import { dossierCodeOfReference, paymentReferenceOf } from '../../../shared/payment-reference';
import type { DossierFees, DossierPayment, PaymentState, PaymentWebhook } from '../../../shared/payment-schemas';
import { vietQrPayload } from '../../../shared/vietqr';
import type { PaymentsConfig } from '../config/payments-config-schema';
import type { Clock } from '../core/clock';
import { localDayKey } from '../core/local-time';
import { AgentError } from '../errors/agent-error';
import { PICKUP_PAYMENT_TEXT } from '../i18n/payment-text';
import { DossierRepository } from '../pickup/dossier-repository';
import { isUniqueViolation, unitOfWork, type SqlStore, type UnitOfWork } from '../store/store-port';
import { bankNameOf } from './bank-names';
import { applyPayment, formatVnd } from './fee-arithmetic';
import { PaymentRepository } from './payment-repository';

export interface PaymentAlert {
  kind: 'payment-unmatched' | 'payment-short' | 'payment-excess';
  dossierCode?: string;
  message: string;
}

export interface PaymentDeskDeps {
  store: SqlStore;
  clock: Clock;
  timeZone: string;
  kioskId: string;
  payments: PaymentsConfig | undefined;
  /** `payment.received` for the kiosk waiting on the QR screen. */
  received: (e: { dossierCode: string; due: number }) => void;
  alert: (a: PaymentAlert) => void;
}

type Repos = { payments: PaymentRepository; records: DossierRepository };
type BankOutcome = { duplicate: true } | { unmatched: true } | { dossierCode: string; due: number; outcome: ReturnType<typeof applyPayment> };

/** 409 for a transfer already placed on a dossier, naming that dossier (the officer may have picked the wrong one). */
function alreadyAssigned(id: number, dossierCode: string | null): AgentError {
  const code = dossierCode ?? '';
  return new AgentError('UNMATCHED_PAYMENT_ASSIGNED', PICKUP_PAYMENT_TEXT.unmatchedAssigned(id, code), { facts: { dossierCode: code } });
}

export class PaymentDesk {
  private readonly uow: UnitOfWork<Repos>;

  constructor(private readonly deps: PaymentDeskDeps) {
    this.uow = unitOfWork(deps.store, (q) => ({ payments: new PaymentRepository(q), records: new DossierRepository(q, deps.kioskId) }));
  }

  get repository(): PaymentRepository {
    return this.uow.read.payments;
  }

  /** A lookup of a result in this kiosk's locker gains what is still due and its VietQR, while anything is. */
  async withPayment(lookup: DossierLookup): Promise<DossierLookup> {
    if (!lookup.inLocker) return lookup;
    const payment = await this.duePayment(lookup.code);
    return payment ? { ...lookup, payment } : lookup;
  }

  private async duePayment(code: string): Promise<DossierPayment | undefined> {
    const dossier = await this.uow.read.records.get(code);
    const fee = await this.uow.read.records.feeStanding(code);
    if (!dossier || fee.due <= 0) return undefined;
    const cfg = this.deps.payments;
    const reference = paymentReferenceOf(code);
    return {
      fees: dossier.fees ?? [],
      ...fee,
      ...(cfg
        ? {
            vietqr: {
              payload: vietQrPayload({ bankBin: cfg.bankBin, accountNumber: cfg.accountNumber, amount: fee.due, purpose: reference }),
              reference,
              bankName: bankNameOf(cfg.bankBin, cfg.bankName),
              accountName: cfg.accountName,
              accountNumber: cfg.accountNumber,
            },
          }
        : {}),
    };
  }

  /**
   * A dossier's fees for the officer about to take cash for it (the code as typed or as printed, like receiveCash):
   * nothing due is an answer here (due 0), not PAYMENT_NOT_DUE, so the officer sees it was paid and by how much.
   */
  async fees(rawCode: string): Promise<DossierFees> {
    const dossier = await this.uow.read.records.get(parseDossierCode(rawCode)?.code ?? rawCode);
    if (!dossier) throw new AgentError('DOSSIER_NOT_FOUND', PICKUP_PAYMENT_TEXT.dossierUnknown(rawCode));
    return { ...(await this.state(dossier.code)), procedure: dossier.procedure, fees: dossier.fees ?? [] };
  }

  async state(code: string): Promise<PaymentState> {
    return { dossierCode: code, ...(await this.uow.read.records.feeStanding(code)) };
  }

  /**
   * A transfer the bank confirmed. The same transaction id again changes nothing (`duplicate`); a reference that
   * names no dossier is kept for staff and refused with 404; a short or excess amount is recorded and staff told.
   */
  async receiveBank(w: PaymentWebhook): Promise<{ status: 'recorded' | 'duplicate'; dossierCode?: string; due?: number }> {
    const now = this.deps.clock.now();
    const paidAtMs = Date.parse(w.paidAt);
    const code = dossierCodeOfReference(w.reference);
    let result: BankOutcome;
    try {
      result = await this.uow.transaction(async ({ payments, records }): Promise<BankOutcome> => {
        const seen = await payments.seenTransaction(w.transactionId);
        if (seen === 'payment') return { duplicate: true };
        const dossier = code ? await records.get(code) : undefined;
        if (!dossier) {
          if (!seen) await payments.insertUnmatched({ reference: w.reference, amount: w.amount, transactionId: w.transactionId, paidAtMs, receivedAtMs: now });
          return { unmatched: true };
        }
        const before = await records.feeStanding(dossier.code);
        await payments.insert({ dossierCode: dossier.code, amount: w.amount, method: 'bank', transactionId: w.transactionId, paidAtMs, day: localDayKey(paidAtMs, this.deps.timeZone), recordedAtMs: now, accountId: null });
        await records.audit(now, dossier.code, 'payment', `bank:${w.amount}`);
        const outcome = applyPayment(before.due, w.amount);
        return { dossierCode: dossier.code, due: outcome.due, outcome };
      }, { lock: 'payments' });
    } catch (err) {
      // Another agent of the centre recorded the same delivery a moment ago.
      if (isUniqueViolation(err) || isUniqueViolation((err as { cause?: unknown }).cause)) return { status: 'duplicate' };
      throw err;
    }
    if ('duplicate' in result) return { status: 'duplicate' };
    if ('unmatched' in result) {
      this.deps.alert({ kind: 'payment-unmatched', message: PICKUP_PAYMENT_TEXT.alerts.unmatched(formatVnd(w.amount), w.transactionId) });
      throw new AgentError('PAYMENT_REFERENCE_UNKNOWN', PICKUP_PAYMENT_TEXT.referenceUnknown);
    }
    this.settled(result.dossierCode, w.amount, result.outcome);
    return { status: 'recorded', dossierCode: result.dossierCode, due: result.due };
  }

  /** Cash taken by an officer at the counter (`accountId` null for an integration token). */
  async receiveCash(rawCode: string, amount: number, accountId: number | null): Promise<PaymentState> {
    const now = this.deps.clock.now();
    const outcome = await this.uow.transaction(async ({ payments, records }) => {
      const dossier = await records.get(parseDossierCode(rawCode)?.code ?? rawCode);
      if (!dossier) throw new AgentError('DOSSIER_NOT_FOUND', PICKUP_PAYMENT_TEXT.dossierUnknown(rawCode));
      const before = await records.feeStanding(dossier.code);
      if (before.due <= 0) throw new AgentError('PAYMENT_NOT_DUE', PICKUP_PAYMENT_TEXT.notDue(dossier.code));
      await payments.insert({ dossierCode: dossier.code, amount, method: 'cash', transactionId: null, paidAtMs: now, day: localDayKey(now, this.deps.timeZone), recordedAtMs: now, accountId });
      await records.audit(now, dossier.code, 'payment', `cash:${amount}`);
      return { code: dossier.code, applied: applyPayment(before.due, amount) };
    }, { lock: 'payments' });
    this.settled(outcome.code, amount, outcome.applied);
    return this.state(outcome.code);
  }

  /**
   * An officer places a transfer nobody matched on the dossier it was meant for: it becomes a bank payment on that
   * dossier under its own transaction id (so a later delivery of the same transaction by the bank is a duplicate, as
   * for any recorded transfer), counted on the local day the bank paid it, and the unmatched row is kept, resolved,
   * saying where it went and who placed it. A short or excess amount does what it does for the webhook.
   */
  async assignUnmatched(id: number, rawCode: string, accountId: number | null): Promise<PaymentState> {
    const now = this.deps.clock.now();
    const done = await this.uow.transaction(async ({ payments, records }) => {
      const transfer = await payments.unmatchedById(id);
      if (!transfer) throw new AgentError('UNMATCHED_PAYMENT_NOT_FOUND', PICKUP_PAYMENT_TEXT.unmatchedUnknown(id));
      if (transfer.resolvedAtMs !== null) throw alreadyAssigned(id, transfer.resolvedDossierCode);
      const dossier = await records.get(parseDossierCode(rawCode)?.code ?? rawCode);
      if (!dossier) throw new AgentError('DOSSIER_NOT_FOUND', PICKUP_PAYMENT_TEXT.dossierUnknown(rawCode));
      const before = await records.feeStanding(dossier.code);
      if (before.due <= 0) throw new AgentError('PAYMENT_NOT_DUE', PICKUP_PAYMENT_TEXT.notDue(dossier.code));
      const { amount, transactionId, paidAtMs } = transfer;
      await payments.insert({ dossierCode: dossier.code, amount, method: 'bank', transactionId, paidAtMs, day: localDayKey(paidAtMs, this.deps.timeZone), recordedAtMs: now, accountId });
      // Under the payments lock nobody else resolves it meanwhile; the guard in the UPDATE says so if one ever did.
      if (!(await payments.resolveUnmatched(id, { dossierCode: dossier.code, accountId, atMs: now }))) {
        throw alreadyAssigned(id, (await payments.unmatchedById(id))?.resolvedDossierCode ?? null);
      }
      await records.audit(now, dossier.code, 'payment', `bank-assigned:${amount}`);
      return { code: dossier.code, amount, applied: applyPayment(before.due, amount) };
    }, { lock: 'payments' });
    this.settled(done.code, done.amount, done.applied);
    return this.state(done.code);
  }

  private settled(dossierCode: string, amount: number, o: ReturnType<typeof applyPayment>): void {
    this.deps.received({ dossierCode, due: o.due });
    if (o.outcome === 'short') this.deps.alert({ kind: 'payment-short', dossierCode, message: PICKUP_PAYMENT_TEXT.alerts.short(dossierCode, formatVnd(amount), formatVnd(o.due)) });
    if (o.outcome === 'excess') this.deps.alert({ kind: 'payment-excess', dossierCode, message: PICKUP_PAYMENT_TEXT.alerts.excess(dossierCode, formatVnd(o.excess)) });
  }
}
