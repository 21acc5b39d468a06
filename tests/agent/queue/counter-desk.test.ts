/** Counter actions against a real store: states, transfers, the fairness rule with targeted queues, stats. */
import { describe, expect, it } from 'vitest';
import { QueueStats } from '../../../kiosk-agent/src/stats/queue-stats';
import { STORE_KINDS } from '../../support/test-stores';
import { counterDeskEachTest, errorCodeOf, MIN } from './support/counter-desk-bench';

describe.each(STORE_KINDS)('counter desk (%s)', (kind) => {
  const bench = counterDeskEachTest(kind);

  /** `n` calls of the next ticket at a counter, one after another. */
  const callNextTimes = async (counterId: string, n: number) => {
    const called = [];
    for (let i = 0; i < n; i++) called.push((await bench.desk.callNext(counterId)).ticket);
    return called;
  };
  const statusOf = async (id: string) => (await bench.queue.getTicket(id)).status;

  it('records which officer did each action (the account acting through desk.as), none for a machine', async () => {
    const { t, desk, issue } = bench;
    await issue();
    await issue();
    await desk.as(7).callNext('1');
    await desk.as(7).serve('1');
    await desk.callNext('1'); // an integration token: no officer
    const rows = await t.store.all<{ action: string; by: number | null }>('SELECT action, account_id AS "by" FROM ticket_events ORDER BY id');
    expect(rows.map((r) => [r.action, r.by === null ? null : Number(r.by)])).toEqual([
      ['call', 7],
      ['serve', 7],
      ['finish', null],
      ['call', null],
    ]);
  });

  it('walks a ticket through call → start → finish and refuses actions in the wrong state', async () => {
    const { clock, desk, issue } = bench;
    const a = await issue();
    expect(await errorCodeOf(() => desk.finish('1', a.id))).toBe('TICKET_WRONG_STATE');
    expect(await errorCodeOf(() => desk.recall('1'))).toBe('COUNTER_IDLE');
    expect((await desk.callNext('1')).ticket).toMatchObject({ id: a.id, status: 'called', counterId: '1' });
    expect(await errorCodeOf(() => desk.serve('2', a.id))).toBe('TICKET_OTHER_COUNTER');
    expect((await desk.serve('1')).ticket.status).toBe('serving');
    expect(await errorCodeOf(() => desk.recall('1'))).toBe('TICKET_WRONG_STATE');
    expect(await errorCodeOf(() => desk.noShow('1'))).toBe('TICKET_WRONG_STATE');
    clock.advance(4 * MIN);
    expect((await desk.finish('1')).ticket).toMatchObject({ status: 'done' });
    expect(await errorCodeOf(() => desk.finish('1', a.id))).toBe('TICKET_WRONG_STATE');
    expect(await desk.current('1')).toBeUndefined();
  });

  it("the lobby display's tiles: each counter's latest call of the day however many calls came after it elsewhere", async () => {
    const { clock, queue, desk, log, issue } = bench;
    for (let i = 0; i < 6; i++) await issue();
    const first = await desk.callNext('1');
    clock.advance(MIN);
    const laterAt2 = await callNextTimes('2', 5);
    clock.advance(MIN);
    await desk.recall('2');
    // The day's newest call is counter 2's recall; counter 1's only call is far down that list.
    expect((await log.recentCalls(queue.today(), 1)).map((c) => [c.counterId, c.recall])).toEqual([['2', true]]);
    const tiles = await log.latestCallPerCounter(queue.today());
    expect(tiles.map((c) => ({ counter: c.counterId, number: c.number, recall: c.recall }))).toEqual([
      { counter: '2', number: laterAt2[4]!.number, recall: true },
      { counter: '1', number: first.ticket.number, recall: false },
    ]);
  });

  it('after queue.maxRecalls (3) recalls without a start the next recall is a no-show; called again later, it counts afresh', async () => {
    const { desk, issue } = bench;
    const a = await issue();
    await desk.callNext('1');
    for (const n of [1, 2, 3]) expect((await desk.recall('1')).ticket).toMatchObject({ status: 'called', recalls: n });
    expect((await desk.recall('1')).ticket).toMatchObject({ id: a.id, status: 'no-show' });
    expect(await errorCodeOf(() => desk.recall('1'))).toBe('COUNTER_IDLE');
    expect((await desk.call('1', { number: 'A001' })).ticket).toMatchObject({ status: 'called', recalls: 0 });
    expect((await desk.recall('1')).ticket).toMatchObject({ status: 'called', recalls: 1 });
  });

  it('recall keeps the ticket called and counts; no-show ends it, and the number can be called again later', async () => {
    const { queue, desk, log, issue } = bench;
    const a = await issue();
    await desk.callNext('1');
    expect((await desk.recall('1')).ticket.recalls).toBe(1);
    expect((await desk.recall('1')).ticket.recalls).toBe(2);
    expect((await desk.noShow('1')).ticket.status).toBe('no-show');
    expect(await errorCodeOf(() => desk.callNext('1'))).toBe('QUEUE_EMPTY');
    const again = await desk.call('2', { number: 'a001' });
    expect(again.ticket).toMatchObject({ id: a.id, status: 'called', counterId: '2' });
    expect((await log.recentCalls(queue.today(), 10)).map((c) => [c.number, c.counterId, c.recall])).toEqual([
      ['A001', '2', false],
      ['A001', '1', true],
      ['A001', '1', true],
      ['A001', '1', false],
    ]);
  });

  it('call-next finishes the ticket the counter still had open', async () => {
    const { desk, issue } = bench;
    const a = await issue();
    const b = await issue();
    await desk.callNext('1');
    const next = await desk.callNext('1');
    expect(next.ticket.id).toBe(b.id);
    expect(next.closed).toMatchObject({ id: a.id, status: 'done' });
  });

  it('transfers to another service at the end or the front of its queue; the number stays', async () => {
    const { queue, desk, issue } = bench;
    const d1 = await issue('dat-dai');
    const d2 = await issue('dat-dai');
    const a = await issue('tu-phap');
    const b = await issue('tu-phap');
    await desk.callNext('1'); // A001
    const moved = (await desk.transfer('1', { toServiceId: 'dat-dai', position: 'end' })).ticket;
    expect(moved).toMatchObject({ id: a.id, number: 'A001', status: 'waiting', queueServiceId: 'dat-dai', counterId: null });
    expect((await queue.position(moved)).ahead).toBe(2);
    // Counter 1 does not serve dat-dai: it gets the next tu-phap ticket.
    expect((await desk.callNext('1')).ticket.id).toBe(b.id);
    const front = (await desk.transfer('1', { toServiceId: 'dat-dai', position: 'front' })).ticket;
    expect((await queue.position(await queue.getTicket(front.id))).ahead).toBe(0);
    expect((await callNextTimes('2', 4)).map((x) => x.number)).toEqual(['A002', 'D001', 'D002', 'A001']);
    expect([await statusOf(d1.id), await statusOf(d2.id)]).toEqual(['done', 'done']);
  });

  it('transfers to one counter: only that counter calls it, before its shared queues when sent to the front', async () => {
    const { queue, desk, issue } = bench;
    await issue('tu-phap');
    await issue('tu-phap');
    const c = await issue('tu-phap');
    await desk.callNext('1');
    await desk.finish('1');
    const sent = (await desk.call('1', { ticketId: c.id })).ticket;
    await desk.transfer('1', { toCounterId: '2', position: 'front' });
    expect(await queue.getTicket(sent.id)).toMatchObject({ status: 'waiting', targetCounterId: '2' });
    // Counter 1 serves tu-phap too but cannot take a ticket sent to counter 2.
    expect((await desk.callNext('1')).ticket.number).toBe('A002');
    expect((await desk.callNext('2')).ticket.number).toBe('A003');
    expect(await errorCodeOf(() => desk.transfer('2', { toCounterId: '9', position: 'end' }))).toBe('COUNTER_NOT_FOUND');
    expect(await errorCodeOf(() => desk.transfer('2', { toServiceId: 'nope', position: 'end' }))).toBe('SERVICE_NOT_FOUND');
  });

  it('keeps the fairness rule (N = 2) in a queue of priority and normal tickets', async () => {
    const { queue, desk, issue } = bench;
    const order = [];
    for (const k of ['N', 'P', 'P', 'P', 'N', 'P', 'P']) order.push(k === 'P' ? await issue('tu-phap', 'elderly') : await issue('tu-phap'));
    const called = await callNextTimes('1', order.length);
    const kinds = [];
    for (const x of called) kinds.push((await queue.getTicket(x.id)).priority ? 'P' : 'N');
    expect(kinds.join('')).toBe('PPNPPNP');
    expect(await errorCodeOf(() => desk.callNext('1'))).toBe('QUEUE_EMPTY');
  });

  it('statistics: waits from issue to first call, service times, no-shows, per counter and service', async () => {
    const { t, clock, queue, desk, issue } = bench;
    const a = await issue();
    const b = await issue();
    await issue('dat-dai');
    clock.advance(10 * MIN);
    await desk.callNext('1'); // A001 waited ~10 min
    await desk.serve('1');
    clock.advance(6 * MIN);
    await desk.finish('1');
    clock.advance(4 * MIN);
    await desk.callNext('1'); // A002 waited ~20 min
    await desk.noShow('1');
    const stats = await new QueueStats(t.store, 3).compute(queue.today(), queue.today());
    const tuPhap = stats.services.find((s) => s.serviceId === 'tu-phap')!;
    expect(tuPhap).toMatchObject({ issued: 2, called: 2, served: 1, noShows: 1, averageServiceMinutes: 6 });
    expect(tuPhap.longestWaitMinutes).toBeCloseTo(20, 0);
    expect(tuPhap.averageWaitMinutes).toBeCloseTo(15, 0);
    expect(stats.services.find((s) => s.serviceId === 'dat-dai')).toMatchObject({ issued: 1, called: 0, averageWaitMinutes: null });
    expect(stats.counters).toEqual([
      { day: queue.today(), counterId: '1', served: 1, noShows: 1, averageServiceMinutes: 6, ratings: { 1: 0, 2: 0, 3: 0 } },
    ]);
    expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(['done', 'no-show']);
  });
});
