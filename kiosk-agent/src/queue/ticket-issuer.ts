/**
 * Issuing a ticket at the kiosk: the number is committed first, then printed. A printer failure never loses the
 * ticket: the citizen gets `printed: false` with the reason and the screen shows the number instead.
 */
import type { IssuedTicket, PriorityCategory } from '../../../shared/api-schemas';
import type { Printer } from '../devices/printer/printer';
import { AgentError, isAgentError } from '../errors/agent-error';
import { ticketSlip } from '../slips/ticket-slip';
import type { EventHub } from '../events/event-hub';
import type { QueueService } from './queue-service';
import type { TicketRow } from './ticket-row';

export interface TicketIssuerDeps {
  queue: QueueService;
  printer: Printer;
  events: EventHub;
  centerName: string;
  timeZone: string;
  trackUrl: (ticketId: string) => string;
  log: { warn(obj: object, msg: string): void };
  /** A ticket was issued with a phone (committed): its "turn near" message may be due at once (turn-notices.ts). Never throws. */
  issuedWithPhone?: (ticketId: string) => void;
  /** A store failure seen in the background (the store health hears of it). */
  storeFailed?: (err: unknown) => void;
}

export class TicketIssuer {
  constructor(private readonly deps: TicketIssuerDeps) {}

  async issue(serviceId: string, priority: PriorityCategory | undefined, phone?: string, booked?: { appointmentId: string; startMs: number }): Promise<IssuedTicket> {
    // Committed with its position: from here on the citizen gets this number, printed or not.
    const { ticket, ahead, estimatedWaitMinutes } = await this.deps.queue.issueWithPosition(serviceId, priority, phone, booked);
    const issued = await this.printed(ticket, ahead, estimatedWaitMinutes, false);
    // Everyone on the LAN hears of the new ticket; only the kiosk that issued it (in this reply) hears why the
    // printer failed — the message may name the printer's device path or host.
    const { printError: _printError, ...forEveryone } = issued;
    this.deps.events.publish('ticket.issued', forEveryone);
    if (phone) this.deps.issuedWithPhone?.(ticket.id);
    return issued;
  }

  /** The same ticket printed again (an appointment checked in a second time): its position now, marked "IN LẠI". */
  async reprint(ticket: TicketRow): Promise<IssuedTicket> {
    const { ahead, estimatedWaitMinutes } = await this.deps.queue.position(ticket);
    return this.printed(ticket, ahead, estimatedWaitMinutes, true);
  }

  private async printed(ticket: TicketRow, ahead: number, estimatedWaitMinutes: number, reprint: boolean): Promise<IssuedTicket> {
    const { queue, printer } = this.deps;
    const service = queue.service(ticket.serviceId);
    const trackUrl = this.deps.trackUrl(ticket.id);
    let printError: { code: string; message: string } | undefined;
    try {
      await printer.print(
        ticketSlip(
        {
          centerName: this.deps.centerName,
          serviceName: service.name.vi,
          number: ticket.number,
          priority: ticket.priority,
          issuedAtMs: ticket.issuedAtMs,
          timeZone: this.deps.timeZone,
          ahead,
          estimatedWaitMinutes,
          trackUrl,
          bookedAtMs: ticket.bookedAtMs,
          reprint,
        }),
      );
    } catch (err) {
      const coded = isAgentError(err) ? err : new AgentError('PRINTER_ERROR', 'Không in được phiếu. Cán bộ đã được báo để kiểm tra.', { cause: err });
      printError = { code: coded.code, message: coded.message };
      this.deps.log.warn({ ticket: ticket.number, code: coded.code, err: (err as Error).message }, 'ticket not printed');
    }
    // The printed flag is for staff and statistics; a store that drops now must not turn a ticket the citizen holds
    // into "no number" on the screen: the reply stands, and the failure is logged (and shows in /api/health).
    await queue.markPrinted(ticket.id, printError === undefined, printError ? `${printError.code}: ${printError.message}` : null).catch((err: unknown) => {
      this.deps.log.warn({ ticket: ticket.number, err: (err as Error).message }, 'ticket issued; its printed flag not stored');
      this.deps.storeFailed?.(err);
    });
    const issued: IssuedTicket = {
      id: ticket.id,
      number: ticket.number,
      serviceId: ticket.serviceId,
      priority: ticket.priority,
      issuedAt: new Date(ticket.issuedAtMs).toISOString(),
      ahead,
      estimatedWaitMinutes,
      trackUrl,
      printed: printError === undefined,
      ...(printError ? { printError } : {}),
      ...(ticket.bookedAtMs !== null ? { bookedAt: new Date(ticket.bookedAtMs).toISOString() } : {}),
    };
    return issued;
  }
}
