/**
 * The counter actions' rules live in shared/ticket-transitions.ts (the console uses them too); this adds the
 * Vietnamese explanation the agent gives when a ticket is in the wrong state.
 */
import type { TicketStatus } from '../../../shared/api-schemas';
import type { CounterAction, Verdict } from '../../../shared/ticket-transitions';

export { canDo, type CounterAction, type Verdict } from '../../../shared/ticket-transitions';

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
