/**
 * The demo's bank (README "Demo"): when the demo panel says the money arrived, the agent receives the transfer the
 * way a real bank delivers it — a webhook signed with `payments.webhookSecret`, posted to this agent's own
 * `/api/payments/webhook` — rather than by calling the payment desk directly, so the demo goes through the signature
 * check, the body's schema, the reference's parsing, the rate limit and the `payment.received` a real transfer
 * causes, and shows nothing a real centre would not.
 */
import { randomBytes } from 'node:crypto';
import { isErrorCode } from '../../../shared/error-codes';
import { paymentReferenceOf } from '../../../shared/payment-reference';
import { PaymentWebhookResponseSchema, type DemoBankTransfer } from '../../../shared/payment-schemas';
import { parseDossierCode } from '../../../shared/dossier-code';
import type { DemoControls } from '../api/demo-controls';
import type { PaymentsConfig } from '../config/payments-config-schema';
import type { Clock } from '../core/clock';
import { httpCall } from '../core/http-client';
import { AgentError } from '../errors/agent-error';
import { DEMO_BANK_TEXT } from '../i18n/payment-text';
import type { PaymentDesk } from '../payments/payment-desk';
import { signBody } from '../payments/webhook-signature';

export interface DemoBankDeps {
  payments: PaymentsConfig;
  desk: Pick<PaymentDesk, 'state'>;
  clock: Clock;
  /** This agent's own address, known once it listens. */
  selfUrl: () => string;
}

export function demoBank(deps: DemoBankDeps): NonNullable<DemoControls['bank']> {
  // One press at a time: a double tap must not read the same amount due twice and pay it twice.
  let last: Promise<unknown> = Promise.resolve();
  const transfer = async (rawCode: string): Promise<DemoBankTransfer> => {
    const dossierCode = parseDossierCode(rawCode)?.code ?? rawCode;
    const { due } = await deps.desk.state(dossierCode);
    if (due <= 0) return { status: 'nothing-due', dossierCode, amount: 0, due: 0 };
    const transactionId = `DEMO-${randomBytes(6).toString('hex').toUpperCase()}`;
    // The content as a Vietnamese bank passes it on: its own prefix, then what the citizen's app filled in from the QR.
    const reference = `MBVCB.DEMO.${paymentReferenceOf(dossierCode)}.CT tu KHACH DEMO`;
    const raw = JSON.stringify({ reference, amount: due, transactionId, paidAt: new Date(deps.clock.now()).toISOString() });
    // node:http, not fetch (core/http-client.ts: the installed agent runs --jitless); the webhook answers at once.
    const res = await httpCall(`${deps.selfUrl()}/api/payments/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signBody(deps.payments.webhookSecret, raw) },
      body: raw,
      signal: AbortSignal.timeout(10_000),
    });
    let answer: unknown;
    try {
      answer = res.json();
    } catch {
      answer = undefined;
    }
    if (!res.ok) throw refusal(res.status, answer);
    const recorded = PaymentWebhookResponseSchema.parse(answer);
    return { status: 'recorded', dossierCode: recorded.dossierCode ?? dossierCode, amount: due, due: recorded.due ?? 0 };
  };
  return {
    transfer: (code) => {
      const next = last.then(() => transfer(code));
      last = next.catch(() => undefined);
      return next;
    },
  };
}

/** The webhook's own refusal, passed on with its code (a real bank would have met the same one). */
function refusal(status: number, answer: unknown): AgentError {
  const error = (answer as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (error && isErrorCode(error.code) && typeof error.message === 'string') return new AgentError(error.code, error.message);
  return new AgentError('DEMO_BANK_FAILED', DEMO_BANK_TEXT.failed(status));
}
