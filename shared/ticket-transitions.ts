/**
 * Which counter action a ticket allows in which state (pure, browser-safe): the agent enforces it and the counter
 * console greys out its buttons with the same table. waiting → called → serving → done, with recall while called,
 * no-show while called, and transfer back to waiting. A no-show may be called again (people come back from the
 * toilet). A called or serving ticket may be parked (the citizen went to photocopy a paper): it leaves the counter
 * free and waits in no queue, and only the counter that parked it calls it back (a call, as for a no-show).
 * Only the counter holding a ticket may act on it, except to call or transfer a waiting one.
 */
import type { TicketStatus } from './api-schemas';

export type CounterAction = 'call' | 'recall' | 'serve' | 'finish' | 'no-show' | 'transfer' | 'park';
export type Verdict = 'ok' | 'wrong-state' | 'other-counter';

const ALLOWED: Record<CounterAction, readonly TicketStatus[]> = {
  call: ['waiting', 'no-show', 'parked'],
  recall: ['called'],
  serve: ['called'],
  finish: ['called', 'serving'],
  'no-show': ['called'],
  transfer: ['waiting', 'called', 'serving'],
  park: ['called', 'serving'],
};

/** Actions that do not need the ticket to be at the acting counter: it is not at any counter yet (a parked one is). */
const FROM_ANYWHERE: Partial<Record<CounterAction, readonly TicketStatus[]>> = {
  call: ['waiting', 'no-show'],
  transfer: ['waiting'],
};

export function canDo(action: CounterAction, ticket: { status: TicketStatus; counterId: string | null }, counterId: string): Verdict {
  if (!ALLOWED[action].includes(ticket.status)) return 'wrong-state';
  if (FROM_ANYWHERE[action]?.includes(ticket.status)) return 'ok';
  return ticket.counterId === counterId ? 'ok' : 'other-counter';
}
