/**
 * Messages before a citizen's turn (SMS/Zalo through the notifier's outbox), for a ticket with a phone: one when
 * `queue.notifyAhead` people or fewer are ahead ("còn 3 người nữa"), one when it is called ("Mời số A012 đến
 * Quầy số 3"). Each once (the ticket records that it went, in the transaction that queues it); none for a ticket no
 * longer waiting. Checked after every call, and when a phone is left on a waiting ticket (the kiosk asks after the
 * slip printed, the tracking page any time): one already near gets its message at once. All under the lock
 * "turn-notices", so agents of a centre never queue one twice. The phone never leaves the store but to the gateway.
 */
import { maskPhoneTail } from '../../../shared/phone-number';
import type { SqlExecutor, SqlStore } from '../store/store-port';
import { AgentError } from '../errors/agent-error';
import { NOTIFICATION_TEXT } from '../i18n/notification-text';
import { OutboxQueue } from '../notify/outbox-queue';
import type { QueueService } from './queue-service';
import type { TicketRepository } from './ticket-repository';

export interface TurnNoticesDeps {
  store: SqlStore;
  queue: QueueService;
  notifyAhead: number;
  centerName: string;
  now: () => number;
  /** Something was queued: deliver it now rather than at the next poll. */
  queued: () => void;
}

export class TurnNotices {
  constructor(private readonly deps: TurnNoticesDeps) {}

  /** After a ticket was called at a counter (its name as announced). */
  async afterCall(calledTicketId: string, counterName: string): Promise<number> {
    const { queue, centerName } = this.deps;
    const day = queue.today();
    return this.queueing(async (tx, outbox) => {
      const tickets = queue.tickets.in(tx);
      let queued = 0;
      const called = await tickets.contactOf(calledTicketId);
      if (called?.phone && called.calledNoticeAtMs === null) {
        await outbox.add('notify', { to: called.phone, text: NOTIFICATION_TEXT.called({ centerName, number: called.number, counterName }), ticket: called.number });
        await tickets.markNoticed(calledTicketId, 'called', this.deps.now());
        queued += 1;
      }
      for (const w of await tickets.awaitingNearNotice(day)) if (await this.nearNotice(tickets, outbox, w)) queued += 1;
      return queued;
    });
  }

  /** After a ticket was issued with a phone: with few enough ahead, "near" goes at once rather than at the next call. */
  async afterIssue(ticketId: string): Promise<number> {
    return this.queueing(async (tx, outbox) => {
      const tickets = this.deps.queue.tickets.in(tx);
      const contact = await tickets.contactOf(ticketId);
      if (!contact?.phone || contact.nearNoticeAtMs !== null) return 0;
      return (await this.nearNotice(tickets, outbox, { id: ticketId, phone: contact.phone })) ? 1 : 0;
    });
  }

  /**
   * A phone left on a waiting ticket of today (anyone holding its id: the slip's QR); replaces one left before.
   * If the turn is already near, its message is queued at once. Answers the phone masked, never the number.
   */
  async leavePhone(ticketId: string, phone: string): Promise<{ ok: true; phone: string }> {
    const { queue } = this.deps;
    await this.queueing(async (tx, outbox) => {
      const tickets = queue.tickets.in(tx);
      const ticket = await queue.getTicket(ticketId, tickets);
      if (ticket.status !== 'waiting' || ticket.day !== queue.today()) {
        const why = ticket.status === 'waiting' ? 'đã hết hiệu lực (phiếu của ngày khác)' : ticket.status === 'called' || ticket.status === 'serving' ? 'đã được gọi' : 'đã kết thúc';
        throw new AgentError('TICKET_NOT_WAITING', `Số ${ticket.number} ${why}, nên không cần nhắn tin báo trước lượt nữa.`);
      }
      await tickets.setPhone(ticketId, phone);
      // Each message once: a phone left again (or another one) after "near" went gets none a second time.
      const contact = await tickets.contactOf(ticketId);
      if (contact && contact.nearNoticeAtMs !== null) return 0;
      return (await this.nearNotice(tickets, outbox, { id: ticketId, phone })) ? 1 : 0;
    });
    return { ok: true, phone: maskPhoneTail(phone) };
  }

  /** The citizen withdraws their phone: no more messages, and the number is gone at once (any state). */
  async withdrawPhone(ticketId: string): Promise<{ ok: true }> {
    const { queue } = this.deps;
    await this.deps.store.transaction(
      async (tx) => {
        const tickets = queue.tickets.in(tx);
        await queue.getTicket(ticketId, tickets);
        await tickets.setPhone(ticketId, null);
      },
      { lock: 'turn-notices' },
    );
    return { ok: true };
  }

  /** "Your turn is near" for one waiting ticket whose message has not gone, if it is near now. */
  private async nearNotice(tickets: TicketRepository, outbox: OutboxQueue, w: { id: string; phone: string }): Promise<boolean> {
    const ticket = await tickets.get(w.id);
    if (!ticket || ticket.status !== 'waiting') return false;
    const { ahead } = await this.deps.queue.position(ticket, tickets);
    if (ahead > this.deps.notifyAhead) return false;
    await outbox.add('notify', { to: w.phone, text: NOTIFICATION_TEXT.turnNear({ centerName: this.deps.centerName, number: ticket.number, ahead }), ticket: ticket.number });
    await tickets.markNoticed(w.id, 'near', this.deps.now());
    return true;
  }

  /** Runs `fn` in a transaction under the lock, then wakes the outbox if it queued anything. */
  private async queueing(fn: (tx: SqlExecutor, outbox: OutboxQueue) => Promise<number>): Promise<number> {
    const sent = await this.deps.store.transaction((tx) => fn(tx, new OutboxQueue(tx, this.deps.now)), { lock: 'turn-notices' });
    if (sent > 0) this.deps.queued();
    return sent;
  }
}
