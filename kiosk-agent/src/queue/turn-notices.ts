/**
 * Messages before a citizen's turn (SMS/Zalo through the notifier's outbox), for a ticket issued with a phone: one
 * when `queue.notifyAhead` people or fewer are ahead ("còn 3 người nữa"), one when it is called ("Mời số A012 đến
 * Quầy số 3"). Each once (the ticket records that it went, in the transaction that queues it); none for a ticket no
 * longer waiting. Checked after every call, under the lock "turn-notices" so agents of a centre never queue one
 * twice. The phone never leaves the store but to the gateway.
 */
import type { SqlStore } from '../store/store-port';
import { NOTIFICATION_TEXT } from '../i18n/notification-text';
import { OutboxQueue } from '../notify/outbox-queue';
import type { QueueService } from './queue-service';

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
    const { store, queue, centerName } = this.deps;
    const day = queue.today();
    const sent = await store.transaction(
      async (tx) => {
        const outbox = new OutboxQueue(tx, this.deps.now);
        const tickets = queue.tickets.in(tx);
        let queued = 0;
        const called = await tickets.contactOf(calledTicketId);
        if (called?.phone && called.calledNoticeAtMs === null) {
          await outbox.add('notify', { to: called.phone, text: NOTIFICATION_TEXT.called({ centerName, number: called.number, counterName }), ticket: called.number });
          await tickets.markNoticed(calledTicketId, 'called', this.deps.now());
          queued += 1;
        }
        for (const w of await tickets.awaitingNearNotice(day)) {
          const ticket = await tickets.get(w.id);
          if (!ticket) continue;
          const { ahead } = await queue.position(ticket, tickets);
          if (ahead > this.deps.notifyAhead) continue;
          await outbox.add('notify', { to: w.phone, text: NOTIFICATION_TEXT.turnNear({ centerName, number: ticket.number, ahead }), ticket: ticket.number });
          await tickets.markNoticed(w.id, 'near', this.deps.now());
          queued += 1;
        }
        return queued;
      },
      { lock: 'turn-notices' },
    );
    if (sent > 0) this.deps.queued();
    return sent;
  }
}
