/** Counter actions against a real SQLite file: states, transfers, the fairness rule with targeted queues, stats. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../kiosk-agent/src/config/load-config';
import { CounterDesk } from '../../../kiosk-agent/src/queue/counter-desk';
import { CounterRepository } from '../../../kiosk-agent/src/queue/counter-repository';
import { QueueService } from '../../../kiosk-agent/src/queue/queue-service';
import { TicketRepository } from '../../../kiosk-agent/src/queue/ticket-repository';
import { QueueStats } from '../../../kiosk-agent/src/stats/queue-stats';
import { openStore, type Db } from '../../../kiosk-agent/src/store/sqlite';
import { FakeClock } from '../../support/fake-clock';
import { tempDir } from '../../support/temp-dir';
import { testConfig } from '../../support/test-config';

const MIN = 60_000;

describe('counter desk', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let clock: FakeClock;
  let queue: QueueService;
  let desk: CounterDesk;
  let log: CounterRepository;

  beforeEach(() => {
    dir = tempDir();
    clock = new FakeClock(Date.parse('2026-11-23T08:00:00+07:00'));
    db = openStore({ dataDir: dir.path });
    const config = parseSiteConfig(testConfig(dir.path));
    const tickets = new TicketRepository(db);
    queue = new QueueService({ config, tickets, clock });
    log = new CounterRepository(db);
    desk = new CounterDesk({ config, queue, tickets, counters: log, clock });
  });
  afterEach(() => {
    db.close();
    dir.cleanup();
  });

  const issue = (serviceId = 'tu-phap', priority?: 'elderly') => {
    clock.advance(1000);
    return queue.issueTicket(serviceId, priority);
  };
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return (err as { code: string }).code;
    }
    return 'no error';
  };

  it('walks a ticket through call → start → finish and refuses actions in the wrong state', () => {
    const a = issue();
    expect(code(() => desk.finish('1', a.id))).toBe('TICKET_WRONG_STATE');
    expect(code(() => desk.recall('1'))).toBe('COUNTER_IDLE');
    expect(desk.callNext('1').ticket).toMatchObject({ id: a.id, status: 'called', counterId: '1' });
    expect(code(() => desk.serve('2', a.id))).toBe('TICKET_OTHER_COUNTER');
    expect(desk.serve('1').ticket.status).toBe('serving');
    expect(code(() => desk.recall('1'))).toBe('TICKET_WRONG_STATE');
    expect(code(() => desk.noShow('1'))).toBe('TICKET_WRONG_STATE');
    clock.advance(4 * MIN);
    expect(desk.finish('1').ticket).toMatchObject({ status: 'done' });
    expect(code(() => desk.finish('1', a.id))).toBe('TICKET_WRONG_STATE');
    expect(desk.current('1')).toBeUndefined();
  });

  it('recall keeps the ticket called and counts; no-show ends it, and the number can be called again later', () => {
    const a = issue();
    desk.callNext('1');
    expect(desk.recall('1').ticket.recalls).toBe(1);
    expect(desk.recall('1').ticket.recalls).toBe(2);
    expect(desk.noShow('1').ticket.status).toBe('no-show');
    expect(code(() => desk.callNext('1'))).toBe('QUEUE_EMPTY');
    const again = desk.call('2', { number: 'a001' });
    expect(again.ticket).toMatchObject({ id: a.id, status: 'called', counterId: '2' });
    expect(log.recentCalls(queue.today(), 10).map((c) => [c.number, c.counterId, c.recall])).toEqual([
      ['A001', '2', false],
      ['A001', '1', true],
      ['A001', '1', true],
      ['A001', '1', false],
    ]);
  });

  it('call-next finishes the ticket the counter still had open', () => {
    const a = issue();
    const b = issue();
    desk.callNext('1');
    const next = desk.callNext('1');
    expect(next.ticket.id).toBe(b.id);
    expect(next.closed).toMatchObject({ id: a.id, status: 'done' });
  });

  it('transfers to another service at the end or the front of its queue; the number stays', () => {
    const d1 = issue('dat-dai');
    const d2 = issue('dat-dai');
    const a = issue('tu-phap');
    const b = issue('tu-phap');
    desk.callNext('1'); // A001
    const moved = desk.transfer('1', { toServiceId: 'dat-dai', position: 'end' }).ticket;
    expect(moved).toMatchObject({ id: a.id, number: 'A001', status: 'waiting', queueServiceId: 'dat-dai', counterId: null });
    expect(queue.position(moved).ahead).toBe(2);
    // Counter 1 does not serve dat-dai: it gets the next tu-phap ticket.
    expect(desk.callNext('1').ticket.id).toBe(b.id);
    const front = desk.transfer('1', { toServiceId: 'dat-dai', position: 'front' }).ticket;
    expect(queue.position(queue.getTicket(front.id)).ahead).toBe(0);
    expect([1, 2, 3, 4].map(() => desk.callNext('2').ticket.number)).toEqual(['A002', 'D001', 'D002', 'A001']);
    expect([d1, d2].map((t) => queue.getTicket(t.id).status)).toEqual(['done', 'done']);
  });

  it('transfers to one counter: only that counter calls it, before its shared queues when sent to the front', () => {
    issue('tu-phap');
    issue('tu-phap');
    const c = issue('tu-phap');
    desk.callNext('1');
    desk.finish('1');
    const sent = desk.call('1', { ticketId: c.id }).ticket;
    desk.transfer('1', { toCounterId: '2', position: 'front' });
    expect(queue.getTicket(sent.id)).toMatchObject({ status: 'waiting', targetCounterId: '2' });
    // Counter 1 serves tu-phap too but cannot take a ticket sent to counter 2.
    expect(desk.callNext('1').ticket.number).toBe('A002');
    expect(desk.callNext('2').ticket.number).toBe('A003');
    expect(code(() => desk.transfer('2', { toCounterId: '9', position: 'end' }))).toBe('COUNTER_NOT_FOUND');
    expect(code(() => desk.transfer('2', { toServiceId: 'nope', position: 'end' }))).toBe('SERVICE_NOT_FOUND');
  });

  it('keeps the fairness rule (N = 2) in a queue of priority and normal tickets', () => {
    const order = ['N', 'P', 'P', 'P', 'N', 'P', 'P'].map((k) => (k === 'P' ? issue('tu-phap', 'elderly') : issue('tu-phap')));
    const called = order.map(() => desk.callNext('1').ticket.id);
    const kind = (id: string) => (queue.getTicket(id).priority ? 'P' : 'N');
    expect(called.map(kind).join('')).toBe('PPNPPNP');
    expect(code(() => desk.callNext('1'))).toBe('QUEUE_EMPTY');
  });

  it('statistics: waits from issue to first call, service times, no-shows, per counter and service', () => {
    const a = issue();
    const b = issue();
    issue('dat-dai');
    clock.advance(10 * MIN);
    desk.callNext('1'); // A001 waited ~10 min
    desk.serve('1');
    clock.advance(6 * MIN);
    desk.finish('1');
    clock.advance(4 * MIN);
    desk.callNext('1'); // A002 waited ~20 min
    desk.noShow('1');
    const stats = new QueueStats(db, 3).compute(queue.today(), queue.today());
    const tuPhap = stats.services.find((s) => s.serviceId === 'tu-phap')!;
    expect(tuPhap).toMatchObject({ issued: 2, called: 2, served: 1, noShows: 1, averageServiceMinutes: 6 });
    expect(tuPhap.longestWaitMinutes).toBeCloseTo(20, 0);
    expect(tuPhap.averageWaitMinutes).toBeCloseTo(15, 0);
    expect(stats.services.find((s) => s.serviceId === 'dat-dai')).toMatchObject({ issued: 1, called: 0, averageWaitMinutes: null });
    expect(stats.counters).toEqual([
      { day: queue.today(), counterId: '1', served: 1, noShows: 1, averageServiceMinutes: 6, ratings: { 1: 0, 2: 0, 3: 0 } },
    ]);
    expect([a, b].map((t) => queue.getTicket(t.id).status)).toEqual(['done', 'no-show']);
  });
});
