/**
 * The handover receipt (biên nhận trả kết quả), printed when a citizen has taken their result from a compartment
 * and shut the door: proof of what was collected, where and when (pure). The applicant's name is printed masked, as
 * on the screen: a receipt left in the lobby must not publish a full name.
 */
import type { PrintDocument, TextElement } from '../devices/printer/print-document';
import { RECEIPT_TEXT } from './receipt-text';
import { RECEIPT_PAYMENT_TEXT } from '../i18n/payment-text';
import { formatVnd } from '../payments/fee-arithmetic';
import { formatSlipTime } from './slip-time';

export interface ReceiptPrintData {
  centerName: string;
  dossierCode: string;
  procedure: string;
  applicantMasked: string;
  board: number;
  lock: number;
  handedOverAtMs: number;
  timeZone: string;
  /** The fees paid for this result (issue 21) and how: each bank transfer's transaction id, or cash. */
  fee?: { paid: number; payments: { method: 'bank' | 'cash'; transactionId: string | null }[] };
}

function feeLines(fee: ReceiptPrintData['fee']): TextElement[] {
  if (!fee || fee.paid <= 0) return [];
  return [
    line(RECEIPT_PAYMENT_TEXT.feePaid(formatVnd(fee.paid)), { bold: true }),
    ...fee.payments.map((p) => line(p.method === 'bank' && p.transactionId ? RECEIPT_PAYMENT_TEXT.bank(p.transactionId) : RECEIPT_PAYMENT_TEXT.cash)),
  ];
}

const line = (text: string, more: Partial<TextElement> = {}): TextElement => ({ kind: 'text', text, size: 1, align: 'left', ...more });

export function receiptSlip(r: ReceiptPrintData): PrintDocument {
  return {
    elements: [
      { kind: 'text', text: r.centerName.toUpperCase(), size: 1, bold: true },
      { kind: 'text', text: RECEIPT_TEXT.heading, size: 2, bold: true },
      { kind: 'rule' },
      line(RECEIPT_TEXT.dossier(r.dossierCode), { bold: true }),
      line(RECEIPT_TEXT.procedure(r.procedure)),
      line(RECEIPT_TEXT.applicant(r.applicantMasked)),
      line(RECEIPT_TEXT.channel(r.lock, r.board)),
      line(RECEIPT_TEXT.at(formatSlipTime(r.handedOverAtMs, r.timeZone))),
      ...feeLines(r.fee),
      { kind: 'rule' },
      { kind: 'text', text: RECEIPT_TEXT.check, size: 1 },
      { kind: 'text', text: RECEIPT_TEXT.thanks, size: 1, bold: true },
    ],
  };
}
