/** What a lobby display shows of the calls (pure): a tile per counter of its zone, the newest marked, its services. */
import { describe, expect, it } from 'vitest';
import { numberChars, withCall, zoneBoard } from '../../kiosk-ui/src/flows/lobby-display/display-board';
import { nextPage, pageCount, pageLabel, pageOfItem, pageSlice, shownPage } from '../../kiosk-ui/src/flows/lobby-display/display-paging';
import type { DisplaySnapshot, RecentCall } from '../../shared/counter-schemas';
import type { DisplayZone } from '../../shared/display-schemas';

const name = (id: string) => ({ vi: `Quầy số ${id}`, en: `Counter ${id}` });
const call = (ticketId: string, number: string, counterId: string, minute: number, recall = false): RecentCall => ({
  ticketId,
  number,
  counterId,
  counterName: name(counterId),
  serviceId: 'tu-phap',
  at: `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`,
  recall,
});
const snapshot = (calls: RecentCall[], counters = ['1', '2', '3', '4']): DisplaySnapshot => ({
  centerName: 'UBND xã Cát Tiên',
  timezone: 'Asia/Ho_Chi_Minh',
  utcOffsetMinutes: 420,
  calls,
  counters: counters.map((id) => ({ id, name: name(id) })),
  services: [
    { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp', en: 'Justice' }, waiting: 3 },
    { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' }, waiting: 5 },
    { id: 'kinh-doanh', prefix: 'KD', name: { vi: 'Kinh doanh', en: 'Business' }, waiting: 0 },
  ],
});
const zoneB: DisplayZone = {
  id: 'tang-2',
  name: { vi: 'Tầng 2', en: 'Floor 2' },
  counters: [{ id: '4', name: name('4') }, { id: '3', name: name('3') }],
  services: [{ id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' } }],
};

describe('the display board', () => {
  const calls = [call('a', 'A001', '1', 0), call('b', 'A002', '2', 1), call('c', 'A003', '1', 2), call('d', 'D001', '3', 3), call('b', 'A002', '2', 4, true)];

  it('without a zone: a tile per configured counter with its latest call (a recall counts), the newest marked', () => {
    const board = zoneBoard(snapshot(calls), null);
    expect(board.tiles.map((t) => [t.counter.id, t.call?.number ?? null])).toEqual([
      ['1', 'A003'],
      ['2', 'A002'],
      ['3', 'D001'],
      ['4', null],
    ]);
    expect(board.latest).toMatchObject({ ticketId: 'b', recall: true });
    expect(board.services.map((s) => [s.id, s.waiting])).toEqual([
      ['tu-phap', 3],
      ['dat-dai', 5],
      ['kinh-doanh', 0],
    ]);
  });

  it("with a zone: only its counters, in its order, its newest call, and only its services' waiting counts", () => {
    const board = zoneBoard(snapshot(calls), zoneB);
    expect(board.tiles.map((t) => [t.counter.id, t.call?.number ?? null])).toEqual([
      ['4', null],
      ['3', 'D001'],
    ]);
    expect(board.latest?.number).toBe('D001');
    expect(board.services).toEqual([{ id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' }, waiting: 5 }]);
    expect(zoneBoard(snapshot([call('a', 'A001', '1', 0)]), zoneB).latest).toBeNull();
  });

  it('a live call keeps the latest call of every counter, however many counters have called since', () => {
    let list: RecentCall[] = [];
    for (let i = 0; i < 30; i += 1) list = withCall(list, call(`t${i}`, `A${String(i).padStart(3, '0')}`, String(i + 1), i));
    list = withCall(list, call('again', 'A100', '30', 40));
    expect(new Set(list.map((c) => c.counterId)).size).toBe(30);
    expect(list[0]?.ticketId).toBe('again');
    const board = zoneBoard(snapshot(list, Array.from({ length: 30 }, (_, i) => String(i + 1))), null);
    expect(board.tiles.every((t) => t.call !== null)).toBe(true);
    expect(board.tiles[29]?.call?.number).toBe('A100');
  });

  it('adds a new call in front without duplicating one already there', () => {
    const first = call('a', 'A001', '1', 0);
    expect(withCall([first], first)).toHaveLength(1);
    expect(withCall([first], call('b', 'A002', '2', 1)).map((c) => c.ticketId)).toEqual(['b', 'a']);
  });

  it('expects numbers as long as the longest prefix and three digits', () => {
    expect(numberChars([{ prefix: 'A' }, { prefix: 'KD' }])).toBe(5);
    expect(numberChars([{ prefix: 'A' }])).toBe(4);
    expect(numberChars([])).toBe(4);
  });
});

describe('display pages (pure)', () => {
  it('counts, turns and labels pages', () => {
    expect(pageCount(30, 15)).toBe(2);
    expect(pageCount(0, 15)).toBe(1);
    expect(pageCount(5, 0)).toBe(1);
    expect([0, 1, 2].map((p) => nextPage(p, 3))).toEqual([1, 2, 0]);
    expect(nextPage(0, 1)).toBe(0);
    expect(pageLabel(0, 3)).toBe('1/3');
    expect(pageLabel(0, 1)).toBeNull();
  });

  it('finds an item\'s page, and keeps a page in range when the layout has fewer pages', () => {
    expect(pageOfItem(0, 15)).toBe(0);
    expect(pageOfItem(29, 15)).toBe(1);
    expect(pageOfItem(-1, 15)).toBe(0);
    expect(shownPage(2, 2)).toBe(0);
    expect(shownPage(1, 1)).toBe(0);
    expect(pageSlice([1, 2, 3, 4, 5], 1, 2)).toEqual([3, 4]);
    expect(pageSlice([1, 2, 3, 4, 5], 2, 2)).toEqual([5]);
    expect(pageSlice([1, 2, 3, 4, 5], 7, 2)).toEqual([3, 4]);
  });
});
