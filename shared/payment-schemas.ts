/**
 * Fees on dossiers and their payment (issue 21): VND amounts are whole dong. What the kiosk shows at a lookup, what
 * a bank's webhook sends, what an officer records for cash. Browser-safe.
 */
import { z } from 'zod';

/** Amounts in whole dong: positive, below a billion (a one-stop fee is tens of thousands to a few millions). */
export const VndAmountSchema = z.number().int().positive().max(999_999_999);

export const FeeSchema = z.strictObject({ name: z.string().min(1).max(200), amount: VndAmountSchema });
export type Fee = z.infer<typeof FeeSchema>;
export const FeesSchema = z.array(FeeSchema).max(20);

/** What the kiosk shows for a result in the locker whose fees are not paid in full. */
export const DossierPaymentSchema = z.object({
  fees: z.array(z.object({ name: z.string(), amount: z.number().int() })),
  total: z.number().int(),
  paid: z.number().int(),
  /** What is left to pay; the QR asks for exactly this. */
  due: z.number().int(),
  /** Absent when the site has no `payments` config: the citizen pays at the counter. */
  vietqr: z
    .object({
      payload: z.string(),
      reference: z.string(),
      bankName: z.string(),
      accountName: z.string(),
      accountNumber: z.string(),
    })
    .optional(),
});
export type DossierPayment = z.infer<typeof DossierPaymentSchema>;

/** POST /api/payments/webhook, signed by the bank or intermediary (x-signature over the raw body). */
export const PaymentWebhookSchema = z.object({
  reference: z.string().min(1).max(500),
  amount: VndAmountSchema,
  transactionId: z.string().min(1).max(100),
  paidAt: z.iso.datetime({ offset: true }),
});
export type PaymentWebhook = z.infer<typeof PaymentWebhookSchema>;

export const PaymentWebhookResponseSchema = z.object({
  /** `recorded`: a new payment; `duplicate`: this transaction was recorded before, nothing changed. */
  status: z.enum(['recorded', 'duplicate']),
  dossierCode: z.string().optional(),
  due: z.number().int().optional(),
});

/** POST /api/dossiers/:code/payment: an officer took cash at the counter. */
export const CashPaymentRequestSchema = z.strictObject({ amount: VndAmountSchema });
export const PaymentStateSchema = z.object({ dossierCode: z.string(), total: z.number().int(), paid: z.number().int(), due: z.number().int() });
export type PaymentState = z.infer<typeof PaymentStateSchema>;

/**
 * GET /api/dossiers/:code/payment (staff): the payment state with what the officer needs to take cash for it: the
 * procedure and each fee. The applicant's name and phone are left out: the counter has the citizen in front of it.
 */
export const DossierFeesSchema = PaymentStateSchema.extend({
  procedure: z.string(),
  fees: z.array(z.object({ name: z.string(), amount: z.number().int() })),
});
export type DossierFees = z.infer<typeof DossierFeesSchema>;

/** GET /api/payments/unmatched: transfers whose reference named no dossier, for staff to place or refund. */
export const UnmatchedPaymentListSchema = z.array(
  z.object({ id: z.number().int(), reference: z.string(), amount: z.number().int(), transactionId: z.string(), paidAt: z.string() }),
);

/** POST /api/payments/unmatched/:id/assign: an officer places an unmatched transfer on the dossier it was meant for. */
export const AssignUnmatchedRequestSchema = z.strictObject({ dossierCode: z.string().min(1).max(64) });

/**
 * Demo only (the demo panel's "Mô phỏng ngân hàng báo đã nhận tiền"): the simulated bank transfers what a dossier
 * owes. `recorded`: the amount went through the payment webhook; `nothing-due`: nothing was owed, nothing was sent.
 */
export const DemoBankTransferRequestSchema = z.strictObject({ dossierCode: z.string().min(1).max(64) });
export const DemoBankTransferSchema = z.object({
  status: z.enum(['recorded', 'nothing-due']),
  dossierCode: z.string(),
  amount: z.number().int().nonnegative(),
  due: z.number().int().nonnegative(),
});
export type DemoBankTransfer = z.infer<typeof DemoBankTransferSchema>;
