/**
 * The durable outbox (kiosk-agent/src/notify/outbox.ts, outbox-queue.ts) on both stores: a message added is
 * delivered once and its secret redacted; a failing delivery is retried with doubling backoff; a message tied to a
 * pickup code expires with it, never sent; and two workers on one store (two agents of a centre: on PostgreSQL two
 * pools on one database) deliver every message exactly once between them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox, type OutboxHandler, type OutboxItem } from '../../../kiosk-agent/src/notify/outbox';
import { OutboxQueue, REDACTED_EXPIRED } from '../../../kiosk-agent/src/notify/outbox-queue';
import type { SqlStore } from '../../../kiosk-agent/src/store/store-port';
import { FakeClock } from '../../support/fake-clock';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';
import { secondAgentStore } from './second-agent-store';

const T0 = Date.parse('2026-12-02T02:00:00Z');
const DELIVERED = '[delivered; redacted]';
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface OutboxRow {
  id: number;
  kind: string;
  payload: string;
  attempts: number;
  next_attempt_ms: number;
  done_at_ms: number | null;
  last_error: string | null;
  expires_with: string | null;
}

const notify = (dossierCode: string, pickupCode: string) => ({
  to: '0912345678',
  text: `Trung tâm: Kết quả hồ sơ ${dossierCode} đã sẵn sàng tại tủ nhận kết quả. Mã nhận: ${pickupCode}.`,
  dossierCode,
});

describe.each(STORE_KINDS)('outbox contract (%s)', (kind) => {
  let t: TestStore;
  let clock: FakeClock;
  const workers: Outbox[] = [];
  const closers: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    t = await openTestStore(kind);
    clock = new FakeClock(T0);
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    for (const close of closers.splice(0)) await close();
    await t.cleanup();
  });

  /** An outbox worker as compose-pickup.ts builds one, with the test's handlers and the fake clock. */
  function worker(handlers: Record<string, OutboxHandler>, options: { minBackoffMs?: number; maxBackoffMs?: number; pollMs?: number } = {}, store: SqlStore = t.store): Outbox {
    const w = new Outbox(store, () => clock.now(), handlers, { minBackoffMs: 1000, ...options, log: { warn: () => undefined } });
    workers.push(w);
    return w;
  }
  /** A handler that records what it was given (and may fail on cue). */
  function recorder(fail: (item: OutboxItem) => Error | undefined = () => undefined) {
    const calls: OutboxItem[] = [];
    const handler: OutboxHandler = async (item) => {
      calls.push(structuredClone(item));
      const err = fail(item);
      if (err) throw err;
    };
    return { calls, handler };
  }
  const rows = () => t.store.all<OutboxRow>('SELECT id, kind, payload, attempts, next_attempt_ms, done_at_ms, last_error, expires_with FROM outbox ORDER BY id');
  const row = async (id: number) => (await rows()).find((r) => r.id === id)!;

  it('a message added is delivered once by flush, its text redacted afterwards; a report keeps its payload', async () => {
    const sms = recorder();
    const reports = recorder();
    const outbox = worker({ notify: sms.handler, 'upstream.report': reports.handler });
    await outbox.queue.add('notify', notify('000.00.15.H29-250704-0012', '482913'), { expiresWith: '000.00.15.H29-250704-0012' });
    const report = { dossierCode: '000.00.15.H29-250704-0012', status: 'returned', statusCode: 10, at: new Date(T0).toISOString() };
    await outbox.queue.add('upstream.report', report);
    expect(await outbox.pendingCount()).toBe(2);

    expect(await outbox.flush()).toBe(2);
    expect(sms.calls).toEqual([{ id: expect.any(Number), kind: 'notify', payload: notify('000.00.15.H29-250704-0012', '482913'), attempts: 0 }]);
    expect(reports.calls).toEqual([{ id: expect.any(Number), kind: 'upstream.report', payload: report, attempts: 0 }]);
    expect(sms.calls[0]!.id).toBeLessThan(reports.calls[0]!.id); // in the order added

    clock.advance(60 * 60_000); // long past any backoff: still nothing to send again
    expect(await outbox.flush()).toBe(0);
    expect(sms.calls).toHaveLength(1);
    expect(reports.calls).toHaveLength(1);
    expect(await outbox.pendingCount()).toBe(0);

    const [smsRow, reportRow] = await rows();
    expect(smsRow).toMatchObject({ kind: 'notify', attempts: 1, done_at_ms: T0, last_error: null });
    expect(JSON.parse(smsRow!.payload)).toEqual({ to: '0912345678', text: DELIVERED, dossierCode: '000.00.15.H29-250704-0012' });
    expect(smsRow!.payload).not.toContain('482913'); // the pickup code is not kept once sent
    expect(JSON.parse(reportRow!.payload)).toEqual(report);
    expect(typeof smsRow!.done_at_ms).toBe('number');
  });

  it('backlog: how many items are undelivered and since when (the metrics and the stuck-outbox alert read it)', async () => {
    let failing = true;
    const sms = recorder((item) => (failing && (item.payload as { to: string }).to === '0912345678' ? new Error('SMS gateway: HTTP 503') : undefined));
    const outbox = worker({ notify: sms.handler }, { minBackoffMs: 1000 });
    expect(await outbox.queue.backlog()).toEqual({ pending: 0, oldestCreatedMs: null });
    await outbox.queue.add('notify', notify('000.00.15.H29-250704-0012', '111222'));
    clock.advance(90_000);
    await outbox.queue.add('notify', { to: '0987654321', text: 'Ki-ốt sảnh A: máy in hết giấy' });
    expect(await outbox.queue.backlog()).toEqual({ pending: 2, oldestCreatedMs: T0 });

    expect(await outbox.flush()).toBe(1); // the second went; the first keeps the backlog's age
    expect(await outbox.queue.backlog()).toEqual({ pending: 1, oldestCreatedMs: T0 });
    failing = false;
    clock.advance(60_000);
    expect(await outbox.flush()).toBe(1);
    expect(await outbox.queue.backlog()).toEqual({ pending: 0, oldestCreatedMs: null });
  });

  it('a failing delivery is retried with doubling backoff (capped) until it succeeds; the others are not held up', async () => {
    let failuresLeft = 3;
    const sms = recorder(() => (failuresLeft-- > 0 ? new Error('SMS gateway: HTTP 503') : undefined));
    const reports = recorder();
    const outbox = worker({ notify: sms.handler, 'upstream.report': reports.handler }, { minBackoffMs: 1000, maxBackoffMs: 3000 });
    await outbox.queue.add('notify', notify('000.00.15.H29-250704-0012', '111222'));
    await outbox.queue.add('upstream.report', { dossierCode: '000.00.15.H29-250704-0013', status: 'returned' });

    expect(await outbox.flush()).toBe(1); // the report went; the message failed
    expect(reports.calls).toHaveLength(1);
    const id = sms.calls[0]!.id;
    expect(await row(id)).toMatchObject({ attempts: 1, next_attempt_ms: T0 + 1000, done_at_ms: null, last_error: 'SMS gateway: HTTP 503' });
    expect(await outbox.pendingCount()).toBe(1);

    // Each retry waits its backoff to the millisecond: 1 s, 2 s, then 4 s capped at 3 s.
    const tries: number[] = [];
    for (const wait of [1000, 2000, 3000]) {
      clock.advance(wait - 1);
      await outbox.flush();
      tries.push(sms.calls.length);
      clock.advance(1);
      await outbox.flush();
      tries.push(sms.calls.length);
    }
    expect(tries).toEqual([1, 2, 2, 3, 3, 4]);
    expect(sms.calls.map((c) => c.attempts)).toEqual([0, 1, 2, 3]);
    expect(await row(id)).toMatchObject({ attempts: 4, done_at_ms: T0 + 6000, last_error: null });
    expect(JSON.parse((await row(id)).payload).text).toBe(DELIVERED);
    expect(await outbox.pendingCount()).toBe(0);
    clock.advance(600_000);
    expect(await outbox.flush()).toBe(0);
    expect(sms.calls).toHaveLength(4);
  });

  it('a kind without a handler is retried, not dropped; an unreadable payload is set aside without holding up the rest', async () => {
    const sms = recorder();
    const outbox = worker({ notify: sms.handler });
    await outbox.queue.add('fax', { to: '024' });
    await t.store.run('INSERT INTO outbox (kind, payload, next_attempt_ms, created_at_ms) VALUES (?, ?, ?, ?)', ['notify', '{not json', T0, T0]);
    await outbox.queue.add('notify', notify('000.00.15.H29-250704-0014', '333444'));
    expect(await outbox.flush()).toBe(1);
    const [fax, bad, good] = await rows();
    expect(fax).toMatchObject({ attempts: 1, done_at_ms: null, last_error: 'no handler for outbox kind "fax"', next_attempt_ms: T0 + 1000 });
    expect(bad).toMatchObject({ done_at_ms: T0, last_error: 'unreadable payload' });
    expect(good).toMatchObject({ done_at_ms: T0, attempts: 1 });
    expect(sms.calls.map((c) => c.id)).toEqual([good!.id]);
    expect(await outbox.pendingCount()).toBe(1);
  });

  it('a message tied to a pickup code expires with it: redacted, never sent; the others still go', async () => {
    const sms = recorder();
    const outbox = worker({ notify: sms.handler });
    const [a, b] = ['000.00.15.H29-250704-0021', '000.00.15.H29-250704-0022'];
    await outbox.queue.add('notify', notify(a, '555666'), { expiresWith: a });
    await outbox.queue.add('notify', notify(b, '777888'), { expiresWith: b });
    await outbox.queue.add('notify', { to: '0912345678', text: 'Nhắc lịch hẹn', dossierCode: a }); // not tied to the code
    expect(await outbox.pendingCount()).toBe(3);

    expect(await outbox.queue.expire(a)).toBe(1);
    expect(await outbox.pendingCount()).toBe(2);
    expect(await outbox.flush()).toBe(2);
    expect(sms.calls.map((c) => (c.payload as { text: string }).text)).toEqual([notify(b, '777888').text, 'Nhắc lịch hẹn']);

    const expired = (await rows())[0]!;
    expect(expired).toMatchObject({ done_at_ms: T0, last_error: 'expired', attempts: 0, expires_with: a });
    expect(JSON.parse(expired.payload)).toEqual({ to: '0912345678', dossierCode: a, text: REDACTED_EXPIRED });
    expect(expired.payload).not.toContain('555666');

    // Nothing left to void: again, or for a message already delivered (whose payload stays as delivered).
    expect(await outbox.queue.expire(a)).toBe(0);
    expect(await outbox.queue.expire(b)).toBe(0);
    expect(JSON.parse((await rows())[1]!.payload).text).toBe(DELIVERED);
    clock.advance(600_000);
    expect(await outbox.flush()).toBe(0);
    expect(sms.calls).toHaveLength(2);
  });

  it('added or expired in a transaction that rolls back: nothing was added, nothing expired', async () => {
    const sms = recorder();
    const outbox = worker({ notify: sms.handler });
    const code = '000.00.15.H29-250704-0031';
    await outbox.queue.add('notify', notify(code, '121212'), { expiresWith: code });
    await expect(
      t.store.transaction(async (tx) => {
        const q = new OutboxQueue(tx, () => clock.now());
        await q.add('notify', notify('000.00.15.H29-250704-0032', '343434'));
        expect(await q.expire(code)).toBe(1);
        expect(await q.pendingCount()).toBe(1); // inside: one added, one voided
        throw new Error('the door did not shut after all');
      }),
    ).rejects.toThrow('the door did not shut after all');
    expect(await outbox.pendingCount()).toBe(1);
    expect(await outbox.flush()).toBe(1);
    expect(sms.calls.map((c) => (c.payload as { text: string }).text)).toEqual([notify(code, '121212').text]);
  });

  describe('two workers on one store (two agents of a centre)', () => {
    /** A handler shared by both workers that counts deliveries per message id, slowly enough to interleave. */
    function counting() {
      const perId = new Map<number, number>();
      const byWorker = { A: 0, B: 0 };
      const handler = (name: 'A' | 'B'): OutboxHandler => async (item) => {
        perId.set(item.id, (perId.get(item.id) ?? 0) + 1);
        byWorker[name] += 1;
        await sleep(item.id % 3); // 0–2 ms: the two workers overtake each other
      };
      return { perId, byWorker, handler };
    }

    async function addFifty(queue: OutboxQueue): Promise<number[]> {
      for (let i = 0; i < 50; i++) await queue.add('notify', notify(`000.00.15.H29-250704-${String(100 + i).padStart(4, '0')}`, String(100_000 + i)));
      return (await rows()).map((r) => r.id);
    }

    it('flushing concurrently, every one of 50 messages is delivered exactly once in total', async () => {
      const second = secondAgentStore(t);
      closers.push(second.close);
      const count = counting();
      const a = worker({ notify: count.handler('A') });
      const b = worker({ notify: count.handler('B') }, {}, second.store);
      const ids = await addFifty(a.queue);
      expect(await b.pendingCount()).toBe(50); // the second agent sees them

      let delivered = 0;
      for (let round = 0; round < 10 && (await a.pendingCount()) > 0; round++) {
        const [byA, byB] = await Promise.all([a.flush(), b.flush()]);
        delivered += byA + byB;
      }
      expect([...count.perId.keys()].sort((x, y) => x - y)).toEqual(ids);
      expect([...count.perId.entries()].filter(([, n]) => n !== 1)).toEqual([]); // no message twice
      expect(delivered).toBe(50);
      expect(count.byWorker.A + count.byWorker.B).toBe(50);
      // Both really competed (each claims the rows the other is not sending): neither did all the work.
      expect(count.byWorker.A).toBeGreaterThan(0);
      expect(count.byWorker.B).toBeGreaterThan(0);
      expect(await a.pendingCount()).toBe(0);
      expect(await b.pendingCount()).toBe(0);
      const all = await rows();
      expect(all.every((r) => r.done_at_ms === T0 && r.attempts === 1 && JSON.parse(r.payload).text === DELIVERED)).toBe(true);
    });

    it('as running workers (start/stop), every one of 50 messages is delivered exactly once in total', async () => {
      const second = secondAgentStore(t);
      closers.push(second.close);
      const count = counting();
      const a = worker({ notify: count.handler('A') }, { pollMs: 5 });
      const b = worker({ notify: count.handler('B') }, { pollMs: 5 }, second.store);
      const ids = await addFifty(a.queue);
      a.start();
      b.start();
      const deadline = Date.now() + 20_000;
      while ((await a.pendingCount()) > 0 && Date.now() < deadline) await sleep(20);
      await Promise.all([a.stop(), b.stop()]);
      expect(await a.pendingCount()).toBe(0);
      expect([...count.perId.keys()].sort((x, y) => x - y)).toEqual(ids);
      expect([...count.perId.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      expect((await rows()).every((r) => r.attempts === 1 && r.done_at_ms === T0)).toBe(true);
    });
  });
});
