/**
 * The queue ticket (pure): the centre, the service, the number big, priority, people ahead, the estimated wait, when
 * it was taken, and a QR to follow the turn on a phone. The printer decides the bytes (devices/printer).
 */
import type { PriorityCategory } from '../../../shared/api-schemas';
import type { PrintDocument, TextElement } from '../devices/printer/print-document';
import { formatSlipClock, formatSlipTime } from './slip-time';
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
  /** Checked in for an appointment: the booked time. */
  bookedAtMs?: number | null | undefined;
  /** The same ticket printed again (an appointment checked in twice). */
  reprint?: boolean | undefined;
}

const text = (t: string, size: TextElement['size'], more: Partial<TextElement> = {}): TextElement => ({ kind: 'text', text: t, size, ...more });

export function ticketSlip(t: TicketPrintData): PrintDocument {
  const booked =
    t.bookedAtMs != null ? [text(TICKET_TEXT.bookedMark, 1, { bold: true, invert: true }), text(TICKET_TEXT.bookedAt(formatSlipClock(t.bookedAtMs, t.timeZone)), 1, { bold: true })] : [];
  const priority = t.priority ? [text(`${TICKET_TEXT.priorityMark} – ${TICKET_TEXT.priority[t.priority]}`, 1, { bold: true, invert: true })] : [];
  return {
    elements: [
      text(t.centerName.toUpperCase(), 1, { bold: true }),
      text(t.serviceName, 2, { bold: true }),
      text(TICKET_TEXT.heading, 1),
      text(t.number, 6, { bold: true }),
      ...priority,
      ...booked,
      text(TICKET_TEXT.ahead(t.ahead), 1, { bold: true }),
      text(TICKET_TEXT.wait(t.estimatedWaitMinutes), 1),
      text(TICKET_TEXT.issuedAt(formatSlipTime(t.issuedAtMs, t.timeZone)), 1),
      { kind: 'feed' },
      { kind: 'qr', data: t.trackUrl },
      { kind: 'feed' },
      text(TICKET_TEXT.track, 1),
      text(TICKET_TEXT.keep, 1),
      ...(t.reprint ? [text(TICKET_TEXT.reprint, 1)] : []),
    ],
  };
}
