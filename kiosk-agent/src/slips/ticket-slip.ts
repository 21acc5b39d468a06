/**
 * The queue ticket (pure): the centre, the service, the number big, priority, people ahead, the estimated wait, when
 * it was taken, and a QR to follow the turn on a phone. The printer decides the bytes (devices/printer).
 */
import type { PriorityCategory } from '../../../shared/api-schemas';
import type { PrintDocument, TextElement } from '../devices/printer/print-document';
import { formatSlipTime } from './slip-time';
import { TICKET_TEXT } from './ticket-text';

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

const text = (t: string, size: TextElement['size'], more: Partial<TextElement> = {}): TextElement => ({ kind: 'text', text: t, size, ...more });

export function ticketSlip(t: TicketPrintData): PrintDocument {
  const priority = t.priority ? [text(`${TICKET_TEXT.priorityMark} – ${TICKET_TEXT.priority[t.priority]}`, 1, { bold: true, invert: true })] : [];
  return {
    elements: [
      text(t.centerName.toUpperCase(), 1, { bold: true }),
      text(t.serviceName, 2, { bold: true }),
      text(TICKET_TEXT.heading, 1),
      text(t.number, 6, { bold: true }),
      ...priority,
      text(TICKET_TEXT.ahead(t.ahead), 1, { bold: true }),
      text(TICKET_TEXT.wait(t.estimatedWaitMinutes), 1),
      text(TICKET_TEXT.issuedAt(formatSlipTime(t.issuedAtMs, t.timeZone)), 1),
      { kind: 'feed' },
      { kind: 'qr', data: t.trackUrl },
      { kind: 'feed' },
      text(TICKET_TEXT.track, 1),
      text(TICKET_TEXT.keep, 1),
    ],
  };
}
