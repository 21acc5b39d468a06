/**
 * Which counter action a ticket allows in which state (pure). waiting → called → serving → done, with recall
 * while called, no-show while called, and transfer back to waiting. A no-show may be called again (people come
 * back from the toilet). Only the counter holding a ticket may act on it, except to call or transfer a waiting one.
 */
import type { TicketStatus } from '../../../shared/api-schemas';

export type CounterAction = 'call' | 'recall' | 'serve' | 'finish' | 'no-show' | 'transfer';
export type Verdict = 'ok' | 'wrong-state' | 'other-counter';

const ALLOWED: Record<CounterAction, readonly TicketStatus[]> = {
  call: ['waiting', 'no-show'],
  recall: ['called'],
  serve: ['called'],
  finish: ['called', 'serving'],
  'no-show': ['called'],
  transfer: ['waiting', 'called', 'serving'],
};

/** Actions that do not need the ticket to be at the acting counter: it is not at any counter yet. */
const FROM_ANYWHERE: Partial<Record<CounterAction, readonly TicketStatus[]>> = {
  call: ['waiting', 'no-show'],
  transfer: ['waiting'],
};

export function canDo(action: CounterAction, ticket: { status: TicketStatus; counterId: string | null }, counterId: string): Verdict {
  if (!ALLOWED[action].includes(ticket.status)) return 'wrong-state';
  if (FROM_ANYWHERE[action]?.includes(ticket.status)) return 'ok';
  return ticket.counterId === counterId ? 'ok' : 'other-counter';
}

const STATUS_VI: Record<TicketStatus, string> = {
  waiting: 'đang chờ, chưa được gọi',
  called: 'đã được gọi',
  serving: 'đang được phục vụ',
  done: 'đã phục vụ xong',
  'no-show': 'đã được đánh dấu vắng mặt',
};

const ACTION_VI: Record<CounterAction, string> = {
  call: 'gọi',
  recall: 'gọi lại',
  serve: 'bắt đầu phục vụ',
  finish: 'kết thúc',
  'no-show': 'đánh dấu vắng mặt',
  transfer: 'chuyển',
};

/** The message staff see (Vietnamese first; the UI shows its own text for the code). */
export function explainWrongState(
  action: CounterAction,
  ticket: { number: string; status: TicketStatus; counterId: string | null },
  verdict: Exclude<Verdict, 'ok'>,
): string {
  if (verdict === 'other-counter') return `Số ${ticket.number} đang ở quầy ${ticket.counterId ?? '?'}, quầy này không ${ACTION_VI[action]} được.`;
  return `Không ${ACTION_VI[action]} được số ${ticket.number}: số này ${STATUS_VI[ticket.status]}.`;
}
