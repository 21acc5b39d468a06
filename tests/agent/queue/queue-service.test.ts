import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../kiosk-agent/src/config/load-config';
import { localDayKey } from '../../../kiosk-agent/src/core/local-time';
import { CounterDesk } from '../../../kiosk-agent/src/queue/counter-desk';
import { CounterRepository } from '../../../kiosk-agent/src/queue/counter-repository';
import { QueueService } from '../../../kiosk-agent/src/queue/queue-service';
import type { TicketRow } from '../../../kiosk-agent/src/queue/ticket-repository';
import { FakeClock } from '../../support/fake-clock';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';
import { testConfig } from '../../support/test-config';

// The store comes from openTestStore; nothing here reads or writes the config's data folder.
const config = parseSiteConfig(testConfig('unused-data-dir'));

describe('local day keys in Asia/Ho_Chi_Minh', () => {
  it('derives the local day, not the UTC day', () => {
    // 23:30 local on 22 Nov is 16:30 UTC; 00:30 local on 23 Nov is still 22 Nov in UTC.
    expect(localDayKey(Date.parse('2026-11-22T23:30:00+07:00'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-22');
    expect(localDayKey(Date.parse('2026-11-23T00:30:00+07:00'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-23');
    expect(new Date(Date.parse('2026-11-23T00:30:00+07:00')).toISOString().slice(0, 10)).toBe('2026-11-22');
  });
});

describe.each(STORE_KINDS)('queue service on a real store (%s)', (kind) => {
  let t: TestStore;
  let clock: FakeClock;
  let queue: QueueService;
  let desk: CounterDesk;

  const open = () => {
    const { store } = t;
    queue = new QueueService({ config, store, clock });
    desk = new CounterDesk({ config, queue, store, counters: new CounterRepository(store), clock });
  };
  /** A restart: the store closed and opened again, the services built anew on it. */
  const restart = async () => {
    await t.reopen();
    open();
  };
  /** Tickets one after another (numbers are given in issue order). */
  const issueMany = async (n: number, serviceId: string, priority?: 'merit'): Promise<TicketRow[]> => {
    const out: TicketRow[] = [];
    for (let i = 0; i < n; i++) out.push(await queue.issueTicket(serviceId, priority));
    return out;
  };
  const callNextId = async (counterId: string) => (await desk.callNext(counterId)).ticket.id;

  beforeEach(async () => {
    t = await openTestStore(kind);
    clock = new FakeClock(Date.parse('2026-11-22T09:00:00+07:00'));
    open();
  });
  afterEach(() => t.cleanup());

  it('numbers tickets per service per day with the service prefix', async () => {
    expect((await queue.issueTicket('tu-phap', undefined)).number).toBe('A001');
    expect((await queue.issueTicket('tu-phap', 'elderly')).number).toBe('A002');
    expect((await queue.issueTicket('dat-dai', undefined)).number).toBe('D001');
    expect((await queue.issueTicket('tu-phap', undefined)).number).toBe('A003');
  });

  it('keeps numbering after the store is reopened (a restart) and never reuses a number', async () => {
    const before = (await issueMany(2, 'tu-phap')).map((x) => x.number);
    await restart();
    const after = (await queue.issueTicket('tu-phap', undefined)).number;
    expect(before).toEqual(['A001', 'A002']);
    expect(after).toBe('A003');
  });

  it('rejects an unknown service with SERVICE_NOT_FOUND', async () => {
    await expect(async () => queue.issueTicket('nope', undefined)).rejects.toMatchObject({ code: 'SERVICE_NOT_FOUND' });
  });

  describe('midnight in Asia/Ho_Chi_Minh', () => {
    it('a process started before midnight restarts numbering at local midnight', async () => {
      clock.set('2026-11-22T23:59:58+07:00');
      expect((await queue.issueTicket('tu-phap', undefined)).number).toBe('A001');
      expect((await queue.issueTicket('tu-phap', undefined)).number).toBe('A002');
      clock.set('2026-11-23T00:00:00+07:00');
      const first = await queue.issueTicket('tu-phap', undefined);
      expect(first.number).toBe('A001');
      expect(first.day).toBe('2026-11-23');
    });

    it('does not restart at UTC midnight (07:00 local)', async () => {
      clock.set('2026-11-23T06:59:59+07:00');
      expect((await queue.issueTicket('tu-phap', undefined)).number).toBe('A001');
      clock.set('2026-11-23T07:00:01+07:00');
      expect((await queue.issueTicket('tu-phap', undefined)).number).toBe('A002');
    });

    it("yesterday's waiting tickets are not in today's queue", async () => {
      clock.set('2026-11-22T16:00:00+07:00');
      await queue.issueTicket('tu-phap', undefined);
      clock.set('2026-11-23T08:00:00+07:00');
      expect((await queue.listServices()).find((s) => s.id === 'tu-phap')?.waiting).toBe(0);
      await expect(desk.callNext('1')).rejects.toMatchObject({ code: 'QUEUE_EMPTY' });
    });
  });

  it('gives honest positions: priority tickets go ahead, within the N-in-a-row rule (N = 2)', async () => {
    const n1 = await queue.issueTicket('tu-phap', undefined);
    const p1 = await queue.issueTicket('tu-phap', 'elderly');
    const p2 = await queue.issueTicket('tu-phap', 'pregnant');
    const p3 = await queue.issueTicket('tu-phap', 'disabled');
    const ahead = [];
    for (const x of [p1, p2, n1, p3]) ahead.push((await queue.position(await queue.getTicket(x.id))).ahead);
    expect(ahead).toEqual([0, 1, 2, 3]);
  });

  it('call-next follows the order it predicted and persists the streak across a restart', async () => {
    const [n1, n2] = await issueMany(2, 'tu-phap');
    const p = await issueMany(3, 'tu-phap', 'merit');
    expect(await callNextId('1')).toBe(p[0]!.id);
    expect(await callNextId('1')).toBe(p[1]!.id);
    await restart();
    // Two priority calls in a row already: the next call is the normal ticket.
    expect(await callNextId('1')).toBe(n1!.id);
    expect(await callNextId('1')).toBe(p[2]!.id);
    expect(await callNextId('1')).toBe(n2!.id);
    await expect(desk.callNext('1')).rejects.toMatchObject({ code: 'QUEUE_EMPTY' });
  });

  it('a counter only calls the services it serves; unknown counters are refused', async () => {
    await queue.issueTicket('dat-dai', undefined);
    await expect(desk.callNext('1')).rejects.toMatchObject({ code: 'QUEUE_EMPTY' });
    expect((await desk.callNext('2')).ticket.number).toBe('D001');
    await expect(async () => desk.callNext('99')).rejects.toMatchObject({ code: 'COUNTER_NOT_FOUND' });
  });

  it('estimates the wait from the default service time before history exists', async () => {
    await issueMany(4, 'tu-phap');
    const last = await queue.issueTicket('tu-phap', undefined);
    // 4 ahead × 5 min shared by the 2 counters serving tu-phap.
    expect(await queue.position(last)).toEqual({ ahead: 4, estimatedWaitMinutes: 10 });
    expect((await queue.listServices()).find((s) => s.id === 'tu-phap')).toMatchObject({ waiting: 5, estimatedWaitMinutes: 13 });
  });
});
