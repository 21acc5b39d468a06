/** Parking a ticket at the counter and calling it back, against a real store (both adapters). */
import { describe, expect, it } from 'vitest';
import { QueueStats } from '../../../kiosk-agent/src/stats/queue-stats';
import { STORE_KINDS } from '../../support/test-stores';
import { counterDeskEachTest, errorCodeOf, MIN } from './support/counter-desk-bench';

describe.each(STORE_KINDS)('parked tickets (%s)', (kind) => {
  const bench = counterDeskEachTest(kind);

  it('a parked ticket frees the counter, waits in no queue, and is called back by that counter with its recalls reset', async () => {
    const { clock, queue, desk, issue } = bench;
    const a = await issue();
    const b = await issue();
    await desk.callNext('1');
    await desk.recall('1');
    await desk.serve('1');
    clock.advance(2 * MIN);
    const parked = await desk.park('1');
    expect(parked.ticket).toMatchObject({ id: a.id, status: 'parked', counterId: '1' });
    expect(await desk.current('1')).toBeUndefined();
    expect((await desk.parked('1')).map((p) => ({ number: p.number, serviceId: p.serviceId, parkedAtMs: p.parkedAtMs }))).toEqual([
      { number: 'A001', serviceId: 'tu-phap', parkedAtMs: parked.atMs },
    ]);
    expect(await desk.parked('2')).toEqual([]);
    // Not waiting: not counted, not ahead of anyone, never picked by call-next.
    expect((await queue.waitingByClass()).get('tu-phap')).toEqual({ total: 1, priority: 0 });
    expect(await queue.view(parked.ticket)).toMatchObject({ status: 'parked', ahead: 0, counterId: '1' });
    expect((await queue.view(await queue.getTicket(b.id))).ahead).toBe(0);
    expect((await desk.callNext('1')).ticket.id).toBe(b.id);
    expect(await errorCodeOf(() => desk.callNext('1'))).toBe('QUEUE_EMPTY');

    // Another counter cannot call it back (by id or by number); this one can, closing what it had open.
    expect(await errorCodeOf(() => desk.call('2', { ticketId: a.id }))).toBe('TICKET_OTHER_COUNTER');
    expect(await errorCodeOf(() => desk.call('2', { number: 'A001' }))).toBe('TICKET_OTHER_COUNTER');
    const back = await desk.call('1', { ticketId: a.id });
    expect(back.ticket).toMatchObject({ id: a.id, status: 'called', counterId: '1', recalls: 0 });
    expect(back.closed).toMatchObject({ id: b.id, status: 'done' });
    expect(await desk.parked('1')).toEqual([]);
    expect((await desk.finish('1')).ticket.status).toBe('done');
  });

  it('refuses to park a ticket held by another counter, one not called, one already done, or with nothing current', async () => {
    const { desk, issue } = bench;
    const a = await issue();
    const w = await issue();
    expect(await errorCodeOf(() => desk.park('1'))).toBe('COUNTER_IDLE');
    expect(await errorCodeOf(() => desk.park('1', w.id))).toBe('TICKET_WRONG_STATE');
    await desk.callNext('2');
    expect(await errorCodeOf(() => desk.park('1', a.id))).toBe('TICKET_OTHER_COUNTER');
    await desk.finish('2');
    expect(await errorCodeOf(() => desk.park('2', a.id))).toBe('TICKET_WRONG_STATE');
    await desk.callNext('2');
    await desk.park('2');
    expect(await errorCodeOf(() => desk.park('2', w.id))).toBe('TICKET_WRONG_STATE');
    expect(await errorCodeOf(() => desk.finish('2', w.id))).toBe('TICKET_WRONG_STATE');
    expect(await errorCodeOf(() => desk.parked('9'))).toBe('COUNTER_NOT_FOUND');
  });

  it("the lobby display's tile of the counter empties on a park and shows the ticket again when called back", async () => {
    const { clock, queue, desk, log, issue } = bench;
    const a = await issue();
    await issue();
    await desk.callNext('1');
    await desk.callNext('2');
    const tiles = async () => (await log.latestCallPerCounter(queue.today())).map((c) => [c.counterId, c.number]);
    const recent = async () => (await log.recentCalls(queue.today(), 10)).map((c) => [c.counterId, c.number]);
    clock.advance(MIN);
    await desk.park('1');
    expect(await tiles()).toEqual([['2', 'A002']]);
    expect(await recent()).toEqual([['2', 'A002']]);
    clock.advance(MIN);
    await desk.call('1', { ticketId: a.id });
    expect(await tiles()).toEqual([
      ['1', 'A001'],
      ['2', 'A002'],
    ]);
  });

  it('statistics do not break on a parked ticket left at the end of the day: issued and called, neither served nor a no-show', async () => {
    const { t, clock, queue, desk, issue } = bench;
    await issue();
    clock.advance(5 * MIN);
    await desk.callNext('1');
    await desk.park('1');
    const stats = await new QueueStats(t.store, 3).compute(queue.today(), queue.today());
    expect(stats.services).toEqual([expect.objectContaining({ serviceId: 'tu-phap', issued: 1, called: 1, served: 0, noShows: 0 })]);
    expect(stats.counters).toEqual([]);
    // The next day it is nobody's: not on the parked list, and too old to call back.
    clock.advance(24 * 60 * MIN);
    expect(await desk.parked('1')).toEqual([]);
    expect(await errorCodeOf(() => desk.call('1', { number: 'A001' }))).toBe('TICKET_NOT_FOUND');
  });
});
