import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../kiosk-agent/src/config/load-config';
import { localDayKey } from '../../../kiosk-agent/src/core/local-time';
import { CounterDesk } from '../../../kiosk-agent/src/queue/counter-desk';
import { CounterRepository } from '../../../kiosk-agent/src/queue/counter-repository';
import { QueueService } from '../../../kiosk-agent/src/queue/queue-service';
import { TicketRepository } from '../../../kiosk-agent/src/queue/ticket-repository';
import { openStore, type Db } from '../../../kiosk-agent/src/store/sqlite';
import { FakeClock } from '../../support/fake-clock';
import { tempDir } from '../../support/temp-dir';
import { testConfig } from '../../support/test-config';

describe('queue service with a real SQLite file', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: Db;
  let clock: FakeClock;
  let queue: QueueService;
  let desk: CounterDesk;

  const open = () => {
    db = openStore({ dataDir: dir.path });
    const config = parseSiteConfig(testConfig(dir.path));
    const tickets = new TicketRepository(db);
    queue = new QueueService({ config, tickets, clock });
    desk = new CounterDesk({ config, queue, tickets, counters: new CounterRepository(db), clock });
  };

  beforeEach(() => {
    dir = tempDir();
    clock = new FakeClock(Date.parse('2026-11-22T09:00:00+07:00'));
    open();
  });
  afterEach(() => {
    db.close();
    dir.cleanup();
  });

  it('numbers tickets per service per day with the service prefix', () => {
    expect(queue.issueTicket('tu-phap', undefined).number).toBe('A001');
    expect(queue.issueTicket('tu-phap', 'elderly').number).toBe('A002');
    expect(queue.issueTicket('dat-dai', undefined).number).toBe('D001');
    expect(queue.issueTicket('tu-phap', undefined).number).toBe('A003');
  });

  it('keeps numbering after the store is reopened (a restart) and never reuses a number', () => {
    const before = [queue.issueTicket('tu-phap', undefined), queue.issueTicket('tu-phap', undefined)].map((t) => t.number);
    db.close();
    open();
    const after = queue.issueTicket('tu-phap', undefined).number;
    expect(before).toEqual(['A001', 'A002']);
    expect(after).toBe('A003');
  });

  it('rejects an unknown service with SERVICE_NOT_FOUND', () => {
    expect(() => queue.issueTicket('nope', undefined)).toThrow(expect.objectContaining({ code: 'SERVICE_NOT_FOUND' }));
  });

  describe('midnight in Asia/Ho_Chi_Minh', () => {
    it('derives the local day, not the UTC day', () => {
      // 23:30 local on 22 Nov is 16:30 UTC; 00:30 local on 23 Nov is still 22 Nov in UTC.
      expect(localDayKey(Date.parse('2026-11-22T23:30:00+07:00'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-22');
      expect(localDayKey(Date.parse('2026-11-23T00:30:00+07:00'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-23');
      expect(new Date(Date.parse('2026-11-23T00:30:00+07:00')).toISOString().slice(0, 10)).toBe('2026-11-22');
    });

    it('a process started before midnight restarts numbering at local midnight', () => {
      clock.set('2026-11-22T23:59:58+07:00');
      expect(queue.issueTicket('tu-phap', undefined).number).toBe('A001');
      expect(queue.issueTicket('tu-phap', undefined).number).toBe('A002');
      clock.set('2026-11-23T00:00:00+07:00');
      const first = queue.issueTicket('tu-phap', undefined);
      expect(first.number).toBe('A001');
      expect(first.day).toBe('2026-11-23');
    });

    it('does not restart at UTC midnight (07:00 local)', () => {
      clock.set('2026-11-23T06:59:59+07:00');
      expect(queue.issueTicket('tu-phap', undefined).number).toBe('A001');
      clock.set('2026-11-23T07:00:01+07:00');
      expect(queue.issueTicket('tu-phap', undefined).number).toBe('A002');
    });

    it("yesterday's waiting tickets are not in today's queue", () => {
      clock.set('2026-11-22T16:00:00+07:00');
      queue.issueTicket('tu-phap', undefined);
      clock.set('2026-11-23T08:00:00+07:00');
      expect(queue.listServices().find((s) => s.id === 'tu-phap')?.waiting).toBe(0);
      expect(() => desk.callNext('1')).toThrow(expect.objectContaining({ code: 'QUEUE_EMPTY' }));
    });
  });

  it('gives honest positions: priority tickets go ahead, within the N-in-a-row rule (N = 2)', () => {
    const n1 = queue.issueTicket('tu-phap', undefined);
    const p1 = queue.issueTicket('tu-phap', 'elderly');
    const p2 = queue.issueTicket('tu-phap', 'pregnant');
    const p3 = queue.issueTicket('tu-phap', 'disabled');
    expect([p1, p2, n1, p3].map((t) => queue.position(queue.getTicket(t.id)).ahead)).toEqual([0, 1, 2, 3]);
  });

  it('call-next follows the order it predicted and persists the streak across a restart', () => {
    const n1 = queue.issueTicket('tu-phap', undefined);
    const n2 = queue.issueTicket('tu-phap', undefined);
    const p = [1, 2, 3].map(() => queue.issueTicket('tu-phap', 'merit'));
    expect(desk.callNext('1').ticket.id).toBe(p[0]!.id);
    expect(desk.callNext('1').ticket.id).toBe(p[1]!.id);
    db.close();
    open();
    // Two priority calls in a row already: the next call is the normal ticket.
    expect(desk.callNext('1').ticket.id).toBe(n1.id);
    expect(desk.callNext('1').ticket.id).toBe(p[2]!.id);
    expect(desk.callNext('1').ticket.id).toBe(n2.id);
    expect(() => desk.callNext('1')).toThrow(expect.objectContaining({ code: 'QUEUE_EMPTY' }));
  });

  it('a counter only calls the services it serves; unknown counters are refused', () => {
    queue.issueTicket('dat-dai', undefined);
    expect(() => desk.callNext('1')).toThrow(expect.objectContaining({ code: 'QUEUE_EMPTY' }));
    expect(desk.callNext('2').ticket.number).toBe('D001');
    expect(() => desk.callNext('99')).toThrow(expect.objectContaining({ code: 'COUNTER_NOT_FOUND' }));
  });

  it('estimates the wait from the default service time before history exists', () => {
    for (let i = 0; i < 4; i++) queue.issueTicket('tu-phap', undefined);
    const last = queue.issueTicket('tu-phap', undefined);
    // 4 ahead × 5 min shared by the 2 counters serving tu-phap.
    expect(queue.position(last)).toEqual({ ahead: 4, estimatedWaitMinutes: 10 });
    expect(queue.listServices().find((s) => s.id === 'tu-phap')).toMatchObject({ waiting: 5, estimatedWaitMinutes: 13 });
  });
});
