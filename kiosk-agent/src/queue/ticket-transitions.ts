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
  parked: 'đang tạm dừng (chờ công dân bổ sung giấy tờ)',
};

const ACTION_VI: Record<CounterAction, string> = {
  call: 'gọi',
  recall: 'gọi lại',
  serve: 'bắt đầu phục vụ',
  finish: 'kết thúc',
  'no-show': 'đánh dấu vắng mặt',
  transfer: 'chuyển',
  park: 'tạm dừng',
};

/** What to do instead, where the refusal alone would leave the officer guessing. */
const NEXT_STEP: Partial<Record<CounterAction, string>> = {
  park: ' Chỉ tạm dừng được số quầy này đang gọi hoặc đang phục vụ; màn hình quầy đã được cập nhật.',
};
const PARKED_NEXT_STEP = ' Bấm "Gọi lại" trong danh sách số tạm dừng của quầy để tiếp tục.';

/** The message staff see (Vietnamese first; the UI shows its own text for the code). */
export function explainWrongState(
  action: CounterAction,
  ticket: { number: string; status: TicketStatus; counterId: string | null },
  verdict: Exclude<Verdict, 'ok'>,
): string {
  const next = NEXT_STEP[action] ?? (ticket.status === 'parked' && verdict === 'wrong-state' ? PARKED_NEXT_STEP : '');
  if (verdict === 'other-counter') return `Số ${ticket.number} đang ở quầy ${ticket.counterId ?? '?'}, quầy này không ${ACTION_VI[action]} được.${next}`;
  return `Không ${ACTION_VI[action]} được số ${ticket.number}: số này ${STATUS_VI[ticket.status]}.${next}`;
}
