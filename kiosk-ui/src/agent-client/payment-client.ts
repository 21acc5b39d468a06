/**
 * Fees at the counter (the /payments page): a dossier's fees, cash taken, transfers nobody matched and their
 * assignment, the fees CSV (supervisors). The staff client's bearer token; every answer parsed with
 * shared/payment-schemas.ts. A subclass of its own, so these schemas are built only on the page that uses them.
 */
import { DossierFeesSchema, PaymentStateSchema, UnmatchedPaymentListSchema } from '../../../shared/payment-schemas';
import { StaffClient } from './staff-client';

const dossierPath = (code: string) => `/api/dossiers/${encodeURIComponent(code)}/payment`;

export class PaymentClient extends StaffClient {
  dossierFees(code: string) {
    return this.request(DossierFeesSchema, dossierPath(code));
  }

  recordCash(code: string, amount: number) {
    return this.request(PaymentStateSchema, dossierPath(code), { method: 'POST', body: JSON.stringify({ amount }) });
  }

  unmatched() {
    return this.request(UnmatchedPaymentListSchema, '/api/payments/unmatched');
  }

  assignUnmatched(id: number, dossierCode: string) {
    return this.request(PaymentStateSchema, `/api/payments/unmatched/${id}/assign`, { method: 'POST', body: JSON.stringify({ dossierCode }) });
  }

  /** The fees report as CSV (UTF-8 with BOM, for Excel), as text to save. */
  async feesCsv(from: string, to: string): Promise<string> {
    const text = await (await this.send(`/api/reports/fees.csv?${new URLSearchParams({ from, to }).toString()}`)).text();
    // text() drops the BOM the agent sent; the saved file needs it for Excel to read UTF-8.
    return text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
  }
}
