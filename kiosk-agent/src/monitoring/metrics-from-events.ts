/**
 * The domain's events move the counters (agent-metrics.ts): the queue and pickups publish what happened anyway
 * (events/event-hub.ts), so no domain code calls a metric. Only events that happened at this agent count: on a
 * centre's shared store the others' events are relayed here too, and each agent counts its own.
 */
import type { EventHub } from '../events/event-hub';
import type { AgentMetrics } from './agent-metrics';

/** Tickets remembered as called, to time only a ticket's first call; a day of a large centre fits many times. */
const REMEMBERED_CALLS = 20_000;

export function countEvents(events: EventHub, metrics: AgentMetrics): () => void {
  // A ticket called again by number (a no-show back, a parked ticket, a transfer) is not "recall" but not a first
  // call either. In memory: after a restart such a call of an earlier ticket is timed again (a rare, late sample).
  const called = new Set<string>();
  const firstCall = (ticketId: string): boolean => {
    if (called.has(ticketId)) return false;
    called.add(ticketId);
    if (called.size > REMEMBERED_CALLS) called.delete(called.values().next().value as string);
    return true;
  };
  return events.subscribe((event, origin) => {
    if (origin !== 'here') return;
    switch (event.type) {
      case 'ticket.issued':
        metrics.ticketsIssued.inc({ service: event.data.serviceId, priority: event.data.priority ?? 'none' });
        return;
      case 'ticket.called': {
        const { ticket, counterId, recall, calledAt } = event.data;
        metrics.calls.inc({ counter: counterId, recall: recall ? 'true' : 'false' });
        if (!recall && firstCall(ticket.id)) {
          const seconds = (Date.parse(calledAt) - Date.parse(ticket.issuedAt)) / 1000;
          if (Number.isFinite(seconds)) metrics.timeToCall.observe({ service: ticket.serviceId }, Math.max(0, seconds));
        }
        return;
      }
      case 'pickup.completed':
        metrics.pickupsCompleted.inc({ receipt: event.data.receiptPrinted ? 'printed' : 'not-printed' });
        return;
      default:
        return;
    }
  });
}
