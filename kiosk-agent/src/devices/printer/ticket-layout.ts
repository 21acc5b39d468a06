/**
 * The queue ticket as ESC/POS bytes (pure: same input, same bytes). node-thermal-printer is used as the encoder
 * for layout commands (alignment, sizes, QR, cut); text never goes through its character-set handling, which
 * garbles Vietnamese (DESIGN.md §6). In `cp1258` mode we select the code page with `ESC t` and hand the library
 * bytes we encoded ourselves; in `raster` mode every text block is drawn to a bitmap (`GS v 0`), which any
 * ESC/POS printer prints.
 */
import type { PriorityCategory } from '../../../../shared/api-schemas';
import { TICKET_TEXT } from '../../i18n/ticket-text';
import { addBlocks, formatSlipTime, newEncoder, startJob, type Block, type TextLayoutOptions } from './print-blocks';

export interface TicketPrintData {
  centerName: string;
  serviceName: string;
  number: string;
  priority: PriorityCategory | null;
  issuedAtMs: number;
  timeZone: string;
  ahead: number;
  estimatedWaitMinutes: number;
  trackUrl: string;
}

export type TicketLayoutOptions = TextLayoutOptions;

export function ticketBlocks(t: TicketPrintData): { header: Block[]; number: Block; footer: Block[]; afterQr: Block[] } {
  const header: Block[] = [
    { text: t.centerName.toUpperCase(), size: 1, bold: true },
    { text: t.serviceName, size: 2, bold: true },
    { text: TICKET_TEXT.heading, size: 1 },
  ];
  const footer: Block[] = [];
  if (t.priority) footer.push({ text: `${TICKET_TEXT.priorityMark} – ${TICKET_TEXT.priority[t.priority]}`, size: 1, bold: true, invert: true });
  footer.push(
    { text: TICKET_TEXT.ahead(t.ahead), size: 1, bold: true },
    { text: TICKET_TEXT.wait(t.estimatedWaitMinutes), size: 1 },
    { text: TICKET_TEXT.issuedAt(formatSlipTime(t.issuedAtMs, t.timeZone)), size: 1 },
  );
  return { header, number: { text: t.number, size: 6, bold: true }, footer, afterQr: [{ text: TICKET_TEXT.track, size: 1 }, { text: TICKET_TEXT.keep, size: 1 }] };
}

export function buildTicketJob(t: TicketPrintData, options: TicketLayoutOptions): Uint8Array {
  const p = newEncoder();
  const { header, number, footer, afterQr } = ticketBlocks(t);
  startJob(p, options);
  addBlocks(p, [...header, number, ...footer], options);
  p.newLine();
  p.printQR(t.trackUrl, { cellSize: 6, correction: 'M', model: 2 });
  p.newLine();
  addBlocks(p, afterQr, options);
  p.cut();
  return new Uint8Array(p.getBuffer());
}
