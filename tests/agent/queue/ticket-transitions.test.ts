import { describe, expect, it } from 'vitest';
import { canDo, explainWrongState, type CounterAction } from '../../../kiosk-agent/src/queue/ticket-transitions';
import { TICKET_STATUSES } from '../../../shared/api-schemas';

describe('which counter action a ticket allows', () => {
  it('the full table, for the counter holding the ticket', () => {
    const actions: CounterAction[] = ['call', 'recall', 'serve', 'finish', 'no-show', 'transfer'];
    const table = Object.fromEntries(
      actions.map((a) => [a, TICKET_STATUSES.filter((s) => canDo(a, { status: s, counterId: s === 'waiting' ? null : '1' }, '1') === 'ok')]),
    );
    expect(table).toEqual({
      call: ['waiting', 'no-show'],
      recall: ['called'],
      serve: ['called'],
      finish: ['called', 'serving'],
      'no-show': ['called'],
      transfer: ['waiting', 'called', 'serving'],
    });
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
  });
});
