import { describe, expect, it } from 'vitest';
import { canDo, explainWrongState, type CounterAction } from '../../../kiosk-agent/src/queue/ticket-transitions';
import { TICKET_STATUSES } from '../../../shared/api-schemas';

describe('which counter action a ticket allows', () => {
  it('the full table, for the counter holding the ticket', () => {
    const actions: CounterAction[] = ['call', 'recall', 'serve', 'finish', 'no-show', 'transfer', 'park'];
    const table = Object.fromEntries(
      actions.map((a) => [a, TICKET_STATUSES.filter((s) => canDo(a, { status: s, counterId: s === 'waiting' ? null : '1' }, '1') === 'ok')]),
    );
    expect(table).toEqual({
      call: ['waiting', 'no-show', 'parked'],
      recall: ['called'],
      serve: ['called'],
      finish: ['called', 'serving'],
      'no-show': ['called'],
      transfer: ['waiting', 'called', 'serving'],
      park: ['called', 'serving'],
    });
  });

  it('a parked ticket is called back only by the counter that parked it, and parked only where it is held', () => {
    expect(canDo('call', { status: 'parked', counterId: '1' }, '1')).toBe('ok');
    expect(canDo('call', { status: 'parked', counterId: '1' }, '2')).toBe('other-counter');
    expect(canDo('park', { status: 'serving', counterId: '1' }, '2')).toBe('other-counter');
    expect(canDo('park', { status: 'parked', counterId: '1' }, '1')).toBe('wrong-state');
    expect(canDo('park', { status: 'done', counterId: '1' }, '1')).toBe('wrong-state');
    expect(canDo('park', { status: 'waiting', counterId: null }, '1')).toBe('wrong-state');
    for (const action of ['recall', 'serve', 'finish', 'no-show', 'transfer'] as const) {
      expect(canDo(action, { status: 'parked', counterId: '1' }, '1'), action).toBe('wrong-state');
    }
  });

  it('another counter may call or transfer a waiting ticket, but not act on one held elsewhere', () => {
    expect(canDo('call', { status: 'waiting', counterId: null }, '2')).toBe('ok');
    expect(canDo('transfer', { status: 'waiting', counterId: null }, '2')).toBe('ok');
    expect(canDo('finish', { status: 'serving', counterId: '1' }, '2')).toBe('other-counter');
    expect(canDo('transfer', { status: 'called', counterId: '1' }, '2')).toBe('other-counter');
    expect(canDo('finish', { status: 'waiting', counterId: null }, '2')).toBe('wrong-state');
  });

  it('explains in Vietnamese', () => {
    expect(explainWrongState('finish', { number: 'A012', status: 'waiting', counterId: null }, 'wrong-state')).toBe(
      'Không kết thúc được số A012: số này đang chờ, chưa được gọi.',
    );
    expect(explainWrongState('recall', { number: 'A012', status: 'called', counterId: '3' }, 'other-counter')).toMatch(/đang ở quầy 3/);
    expect(explainWrongState('park', { number: 'A012', status: 'done', counterId: '1' }, 'wrong-state')).toBe(
      'Không tạm dừng được số A012: số này đã phục vụ xong. Chỉ tạm dừng được số quầy này đang gọi hoặc đang phục vụ; màn hình quầy đã được cập nhật.',
    );
    expect(explainWrongState('finish', { number: 'A012', status: 'parked', counterId: '1' }, 'wrong-state')).toMatch(/đang tạm dừng.*Gọi lại/);
  });
});
