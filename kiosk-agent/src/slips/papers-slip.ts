/**
 * The papers list a citizen takes from the kiosk (pure): the procedure, each paper to bring as a numbered line
 * (left-aligned, so a long paper wraps under itself), the time limit, the fee, where to submit, and a QR to the
 * procedure's public page. The printer decides the bytes (devices/printer), wrapping to the paper's width.
 */
import type { Procedure } from '../../../shared/procedure-schemas';
import type { PrintDocument, PrintElement, TextElement } from '../devices/printer/print-document';
import { PAPERS_TEXT } from './papers-text';
import { formatSlipTime } from './slip-time';

export interface PapersPrintData {
  centerName: string;
  procedure: Procedure;
  /** The queue service its field maps to, and the counters serving it (Vietnamese names), when there is one. */
  serviceName: string | null;
  counters: string[];
  printedAtMs: number;
  timeZone: string;
}

const text = (t: string, more: Partial<TextElement> = {}): TextElement => ({ kind: 'text', text: t, size: 1, ...more });
const left = (t: string, more: Partial<TextElement> = {}): TextElement => text(t, { align: 'left', ...more });

export function papersSlip(d: PapersPrintData): PrintDocument {
  const p = d.procedure;
  const papers: PrintElement[] = p.documents.length > 0 ? p.documents.map((doc, i) => left(`${i + 1}. ${doc}`)) : [left(PAPERS_TEXT.noPapers)];
  const facts = [
    ...(p.timeLimit ? [left(PAPERS_TEXT.timeLimit(p.timeLimit))] : []),
    ...(p.fee ? [left(PAPERS_TEXT.fee(p.fee))] : []),
    ...(p.agency ? [left(PAPERS_TEXT.agency(p.agency))] : []),
    ...(d.serviceName ? [left(PAPERS_TEXT.submitAt(d.serviceName, d.counters.join(', ')), { bold: true })] : []),
  ];
  const page: PrintElement[] = p.url && /^[\x20-\x7e]+$/.test(p.url) ? [{ kind: 'feed' }, { kind: 'qr', data: p.url }, text(PAPERS_TEXT.page)] : [];
  return {
    elements: [
      text(d.centerName.toUpperCase(), { bold: true }),
      text(PAPERS_TEXT.heading, { bold: true, invert: true }),
      text(p.name, { size: 2, bold: true }),
      text(PAPERS_TEXT.code(p.code)),
      ...(p.field ? [text(PAPERS_TEXT.field(p.field))] : []),
      { kind: 'rule' },
      left(PAPERS_TEXT.papers, { bold: true }),
      ...papers,
      { kind: 'rule' },
      ...facts,
      ...page,
      { kind: 'feed' },
      text(PAPERS_TEXT.printedAt(formatSlipTime(d.printedAtMs, d.timeZone))),
      text(PAPERS_TEXT.note),
    ],
  };
}
