/**
 * Fees by VietQR (issue 21): the bank's payment webhook, cash taken at the counter, the fees report. The webhook is
 * called by a bank or intermediary server, not a person: its signature over the raw body is its authentication
 * (checked before the body is parsed), and it is rate-limited per address like the other public routes.
 */
import type { Request } from 'express';
import { z } from 'zod';
import {
  AssignUnmatchedRequestSchema,
  CashPaymentRequestSchema,
  DossierFeesSchema,
  PaymentStateSchema,
  PaymentWebhookResponseSchema,
  PaymentWebhookSchema,
  UnmatchedPaymentListSchema,
} from '../../../../shared/payment-schemas';
import { ReportQuerySchema } from '../../../../shared/report-schemas';
import type { PaymentsConfig } from '../../config/payments-config-schema';
import { AgentError } from '../../errors/agent-error';
import { FEES_REPORT_TEXT, PICKUP_PAYMENT_TEXT } from '../../i18n/payment-text';
import type { FeesReport } from '../../payments/fees-report';
import type { PaymentDesk } from '../../payments/payment-desk';
import { signatureMatches } from '../../payments/webhook-signature';
import { plainAddress } from '../access-policy';
import { SlidingWindowLimiter } from '../rate-limiter';
import { officerOf } from '../route-auth';
import type { RouteRegistry } from '../route-registry';

export interface PaymentRouteDeps {
  desk: PaymentDesk;
  report: FeesReport;
  payments: PaymentsConfig | undefined;
  now: () => number;
}

/** An unmatched transfer's id: a positive integer that fits both stores' ids (BIGINT in PostgreSQL). */
const UnmatchedIdSchema = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function registerPaymentRoutes(r: RouteRegistry, deps: PaymentRouteDeps): void {
  const limiter = new SlidingWindowLimiter(deps.payments?.webhooksPerMinute ?? 120, 60_000, deps.now);
  const gate = (raw: Buffer, req: Request): void => {
    limiter.takeOrRefuse(plainAddress(req.socket.remoteAddress), PICKUP_PAYMENT_TEXT.tooManyWebhooks);
    if (!deps.payments) throw new AgentError('PAYMENTS_NOT_CONFIGURED', PICKUP_PAYMENT_TEXT.notConfigured);
    if (!signatureMatches(deps.payments.webhookSecret, raw, req.headers['x-signature'])) {
      throw new AgentError('PAYMENT_SIGNATURE_INVALID', PICKUP_PAYMENT_TEXT.signatureInvalid);
    }
  };

  r.add(
    {
      method: 'post',
      path: '/api/payments/webhook',
      summary: 'A bank or intermediary confirms a transfer: { reference, amount, transactionId, paidAt }, signed (x-signature)',
      description:
        'x-signature: hex HMAC-SHA256 of the raw request body with payments.webhookSecret. reference: the transfer content; ' +
        'the kiosk finds "HS" + the dossier code without dots and dashes in it (or the code itself). The same transactionId ' +
        'again answers 200 "duplicate" and records nothing; a reference naming no dossier is kept for staff and answered 404.',
      tag: 'payments',
      auth: 'none',
      body: PaymentWebhookSchema,
      rawBodyGate: gate,
      responses: { 200: { description: 'Recorded, or already recorded', schema: PaymentWebhookResponseSchema } },
      errors: ['PAYMENT_SIGNATURE_INVALID', 'PAYMENT_REFERENCE_UNKNOWN', 'PAYMENTS_NOT_CONFIGURED', 'VALIDATION_FAILED', 'RATE_LIMITED'],
    },
    ({ body }) => deps.desk.receiveBank(body),
  );

  r.add(
    {
      method: 'get',
      path: '/api/dossiers/:code/payment',
      summary: 'Staff: a dossier’s procedure, fees, paid and due, before cash is taken for it (the /payments page)',
      description: 'The payment state POST /api/dossiers/:code/payment answers, with the procedure and each fee; never the applicant’s name or phone. Nothing due is due: 0.',
      tag: 'payments',
      auth: 'staff',
      params: z.object({ code: z.string().min(1).max(64) }),
      responses: { 200: { description: 'The dossier’s fees, paid and due', schema: DossierFeesSchema } },
      errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'DOSSIER_NOT_FOUND'],
    },
    ({ params }) => deps.desk.fees(params.code!),
  );

  r.add(
    {
      method: 'post',
      path: '/api/dossiers/:code/payment',
      summary: 'Staff: cash taken at the counter towards a dossier’s fees (the officer signed in is recorded)',
      tag: 'payments',
      auth: 'staff',
      params: z.object({ code: z.string().min(1).max(64) }),
      body: CashPaymentRequestSchema,
      responses: { 200: { description: 'The dossier’s fees, paid and due after this payment', schema: PaymentStateSchema } },
      errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'DOSSIER_NOT_FOUND', 'PAYMENT_NOT_DUE'],
    },
    ({ req, params, body }) => deps.desk.receiveCash(params.code!, body.amount, officerOf(req)?.id ?? null),
  );

  r.add(
    {
      method: 'get',
      path: '/api/payments/unmatched',
      summary: 'Staff: transfers whose content named no dossier (kept when the webhook answered 404), to place or refund',
      tag: 'payments',
      auth: 'staff',
      responses: { 200: { description: 'Unresolved unmatched transfers, oldest first', schema: UnmatchedPaymentListSchema } },
      errors: ['UNAUTHORIZED'],
    },
    async () => (await deps.desk.repository.unmatched()).map(({ paidAtMs, ...u }) => ({ ...u, paidAt: new Date(paidAtMs).toISOString() })),
  );

  r.add(
    {
      method: 'post',
      path: '/api/payments/unmatched/:id/assign',
      summary: 'Staff: place an unmatched transfer on the dossier it was meant for (the officer signed in is recorded)',
      description:
        'The transfer becomes a bank payment on that dossier under its own transactionId (a later webhook delivery of the ' +
        'same transaction answers "duplicate"), on the local day it was paid; the unmatched transfer is kept as resolved ' +
        '(which dossier, who, when) and leaves GET /api/payments/unmatched. A short amount leaves the rest due, as from the webhook.',
      tag: 'payments',
      auth: 'staff',
      params: UnmatchedIdSchema,
      body: AssignUnmatchedRequestSchema,
      responses: { 200: { description: 'The dossier’s fees, paid and due after this payment', schema: PaymentStateSchema } },
      errors: ['UNAUTHORIZED', 'VALIDATION_FAILED', 'UNMATCHED_PAYMENT_NOT_FOUND', 'UNMATCHED_PAYMENT_ASSIGNED', 'DOSSIER_NOT_FOUND', 'PAYMENT_NOT_DUE'],
    },
    ({ req, params, body }) => deps.desk.assignUnmatched(Number(params.id), body.dossierCode, officerOf(req)?.id ?? null),
  );

  r.add(
    {
      method: 'get',
      path: '/api/reports/fees.csv',
      summary: 'Supervisor: fees collected per day and procedure (CSV, UTF-8 with BOM, opens in Excel), bank transfers and cash apart',
      description: 'from and to are local days (YYYY-MM-DD), both included; neither: this month; one alone: that day.',
      tag: 'reports',
      auth: 'supervisor',
      query: ReportQuerySchema,
      responses: { 200: { description: 'text/csv' } },
      errors: ['UNAUTHORIZED', 'STAFF_ROLE_REQUIRED', 'VALIDATION_FAILED'],
    },
    async ({ query, res }) => {
      const { from, to, csv } = await deps.report.csv(query);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${FEES_REPORT_TEXT.csvFileName(from, to)}"`);
      res.send(csv);
      return undefined;
    },
  );
}
