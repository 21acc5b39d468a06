/**
 * The handover receipt (biên nhận trả kết quả) printed when a citizen has taken their result from a compartment
 * and shut the door: proof of what was collected, where and when. Pure: same input, same bytes. The applicant's
 * name is printed masked, as on the screen: a receipt left in the lobby must not publish a full name.
 */
import { RECEIPT_TEXT } from '../../i18n/receipt-text';
import { addBlocks, formatSlipTime, newEncoder, startJob, type Block, type TextLayoutOptions } from './print-blocks';

export interface ReceiptPrintData {
  centerName: string;
  dossierCode: string;
  procedure: string;
  applicantMasked: string;
  board: number;
  lock: number;
  handedOverAtMs: number;
  timeZone: string;
}

export function receiptBlocks(r: ReceiptPrintData): { header: Block[]; body: Block[]; footer: Block[] } {
  return {
    header: [
      { text: r.centerName.toUpperCase(), size: 1, bold: true },
      { text: RECEIPT_TEXT.heading, size: 2, bold: true },
    ],
    body: [
      { text: RECEIPT_TEXT.dossier(r.dossierCode), size: 1, bold: true, align: 'left' },
      { text: RECEIPT_TEXT.procedure(r.procedure), size: 1, align: 'left' },
      { text: RECEIPT_TEXT.applicant(r.applicantMasked), size: 1, align: 'left' },
      { text: RECEIPT_TEXT.channel(r.lock, r.board), size: 1, align: 'left' },
      { text: RECEIPT_TEXT.at(formatSlipTime(r.handedOverAtMs, r.timeZone)), size: 1, align: 'left' },
    ],
    footer: [
      { text: RECEIPT_TEXT.check, size: 1 },
      { text: RECEIPT_TEXT.thanks, size: 1, bold: true },
    ],
  };
}

export function buildReceiptJob(r: ReceiptPrintData, options: TextLayoutOptions): Uint8Array {
  const p = newEncoder();
  const { header, body, footer } = receiptBlocks(r);
  // A rule as wide as the paper (the library's drawLine assumes 48 columns); raster slips use a blank line.
  const rule = (): void => {
    p.add(Buffer.from(options.text === 'cp1258' ? `${'-'.repeat(options.columns)}\n` : '\n', 'latin1'));
  };
  startJob(p, options);
  addBlocks(p, header, options);
  rule();
  if (options.text === 'cp1258') p.alignLeft();
  addBlocks(p, body, options);
  p.alignCenter();
  rule();
  addBlocks(p, footer, options);
  p.cut();
  return new Uint8Array(p.getBuffer());
}
