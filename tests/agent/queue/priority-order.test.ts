import { describe, expect, it } from 'vitest';
import { aheadFromCounts, nextToCall, predictCallOrder, type QueuedTicket } from '../../../kiosk-agent/src/queue/priority-order';

let seq = 0;
const t = (id: string, isPriority: boolean, issuedAtMs: number): QueuedTicket => ({ id, isPriority, issuedAtMs, seq: ++seq });

/** Simulates a counter calling until the queue is empty, carrying the streak like the store does. */
function callAll(waiting: QueuedTicket[], limit: number, streak = 0): string[] {
  const queue = [...waiting];
  const called: string[] = [];
  let s = streak;
  for (;;) {
    const d = nextToCall(queue, s, limit);
    if (!d) return called;
    called.push(d.ticket.id);
    queue.splice(queue.indexOf(d.ticket), 1);
    s = d.nextStreak;
  }
}

describe('priority ordering', () => {
  it('calls a waiting priority ticket before normal tickets that came earlier', () => {
    const q = [t('n1', false, 1), t('n2', false, 2), t('p1', true, 3)];
    expect(nextToCall(q, 0, 3)?.ticket.id).toBe('p1');
  });

  it('is first come first served within each class', () => {
    expect(callAll([t('n2', false, 20), t('n1', false, 10), t('p2', true, 40), t('p1', true, 30)], 5)).toEqual(['p1', 'p2', 'n1', 'n2']);
  });

  it('calls one normal ticket after N priority calls in a row', () => {
    const q = [t('n1', false, 1), t('n2', false, 2), ...Array.from({ length: 7 }, (_, i) => t(`p${i + 1}`, true, 10 + i))];
    expect(callAll(q, 3)).toEqual(['p1', 'p2', 'p3', 'n1', 'p4', 'p5', 'p6', 'n2', 'p7']);
  });

  it('with N = 1 alternates priority and normal', () => {
    const q = [t('n1', false, 1), t('n2', false, 2), t('p1', true, 3), t('p2', true, 4)];
    expect(callAll(q, 1)).toEqual(['p1', 'n1', 'p2', 'n2']);
  });

  it('keeps calling priority tickets when nobody normal is waiting, and the streak carries over', () => {
    const d = nextToCall([t('p1', true, 1)], 3, 3);
    expect(d?.ticket.id).toBe('p1');
    expect(d?.nextStreak).toBe(4);
    // A normal ticket arriving now is called next: the streak is already past N.
    expect(nextToCall([t('p2', true, 2), t('n1', false, 3)], 4, 3)?.ticket.id).toBe('n1');
  });

  it('resets the streak on a normal call', () => {
    expect(nextToCall([t('n1', false, 1)], 2, 3)?.nextStreak).toBe(0);
  });

  it('returns nothing for an empty queue', () => {
    expect(nextToCall([], 0, 3)).toBeUndefined();
    expect(predictCallOrder([], 0, 3)).toEqual([]);
  });

  it('predicts exactly the order in which calls happen (honest positions)', () => {
    const q = [t('n1', false, 1), t('p1', true, 2), t('n2', false, 3), t('p2', true, 4), t('p3', true, 5), t('p4', true, 6), t('n3', false, 7)];
    for (const streak of [0, 1, 2, 3]) {
      expect(predictCallOrder(q, streak, 2).map((x) => x.id)).toEqual(callAll(q, 2, streak));
    }
  });

  it('never lets a normal ticket wait behind more than N priority calls (randomised)', () => {
    let rnd = 42;
    const random = () => ((rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const limit = 1 + Math.floor(random() * 4);
      const q = Array.from({ length: 20 }, (_, i) => t(`x${i}`, random() < 0.6, i));
      const order = callAll(q, limit).map((id) => q.find((x) => x.id === id)!);
      let run = 0;
      for (const [i, ticket] of order.entries()) {
        const normalWaiting = order.slice(i).some((x) => !x.isPriority);
        if (ticket.isPriority) run += 1;
        else run = 0;
        if (normalWaiting) expect(run).toBeLessThanOrEqual(limit);
      }
    }
  });
});

describe('aheadFromCounts', () => {
  it('agrees with the replayed call order for every ticket (randomised)', () => {
    let rnd = 7;
    const random = () => ((rnd = (rnd * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const limit = 1 + Math.floor(random() * 4);
      const streak = Math.floor(random() * 6);
      const q = Array.from({ length: Math.floor(random() * 15) }, (_, i) => t(`r${round}-${i}`, random() < 0.5, i));
      const order = predictCallOrder(q, streak, limit);
      for (const ticket of q) {
        const sameClassBefore = q.filter((x) => x.isPriority === ticket.isPriority && x.issuedAtMs < ticket.issuedAtMs).length;
        const otherClassWaiting = q.filter((x) => x.isPriority !== ticket.isPriority).length;
        expect(aheadFromCounts({ isPriority: ticket.isPriority, sameClassBefore, otherClassWaiting, streak, limit })).toBe(order.indexOf(ticket));
      }
    }
  });
});
