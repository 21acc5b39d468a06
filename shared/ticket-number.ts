/** Ticket numbers as printed and announced: service prefix + at least three digits (A012, A1234). */
export function formatTicketNumber(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}
