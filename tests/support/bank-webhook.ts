/** The bank's side of fees by VietQR for tests: its signed webhook (README "Fees and VietQR"), and the site's payments config. */
import { createHmac } from 'node:crypto';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { ErrorBody } from '../../shared/api-schemas';
import { postJson } from './http';

export const WEBHOOK_SECRET = 'bi-mat-webhook-ngan-hang-0123';
export const PAYMENTS = { bankBin: '970415', accountNumber: '113366668888', accountName: 'TRUNG TAM PHUC VU HCC XA CAT TIEN', webhookSecret: WEBHOOK_SECRET };

/** What the bank sends: exactly these bytes, signed with the shared secret (or with `sign` to fake one, null for none). */
export function webhook(agent: RunningAgent, body: object, sign: string | null = WEBHOOK_SECRET) {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = sign === null ? {} : { 'x-signature': createHmac('sha256', sign).update(raw).digest('hex') };
  return postJson<{ status: string; dossierCode?: string; due?: number } & ErrorBody>(`${agent.url}/api/payments/webhook`, raw, headers);
}
