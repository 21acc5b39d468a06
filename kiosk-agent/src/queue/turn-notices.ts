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
        const called = await tx.get<{ phone: string | null; number: string; notified: number | null }>(
          'SELECT phone, number, notified_called_at_ms AS notified FROM tickets WHERE id = ?',
          [calledTicketId],
        );
        if (called?.phone && called.notified === null) {
          await outbox.add('notify', { to: called.phone, text: NOTIFICATION_TEXT.called({ centerName, number: called.number, counterName }), ticket: called.number });
          await tx.run('UPDATE tickets SET notified_called_at_ms = ?, notified_near_at_ms = COALESCE(notified_near_at_ms, ?) WHERE id = ?', [this.deps.now(), this.deps.now(), calledTicketId]);
          queued += 1;
        }
        const waiting = await tx.all<{ id: string; phone: string }>(
          `SELECT id, phone FROM tickets WHERE day = ? AND status = 'waiting' AND phone IS NOT NULL AND notified_near_at_ms IS NULL`,
          [day],
        );
        for (const w of waiting) {
          const ticket = await tickets.get(w.id);
          if (!ticket) continue;
          const { ahead } = await queue.position(ticket, tickets);
          if (ahead > this.deps.notifyAhead) continue;
          await outbox.add('notify', { to: w.phone, text: NOTIFICATION_TEXT.turnNear({ centerName, number: ticket.number, ahead }), ticket: ticket.number });
          await tx.run('UPDATE tickets SET notified_near_at_ms = ? WHERE id = ?', [this.deps.now(), w.id]);
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
