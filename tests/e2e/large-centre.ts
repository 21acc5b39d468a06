/**
 * A large centre for the lobby display tests: N counters, S services with the names a provincial centre uses, and
 * two zones of half the counters each (`tang-1`, `tang-2`), each zone serving its own half of the services. Also
 * what the tests do to it (every counter calls a ticket) and read from the screen (tile boxes, glyph heights).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import { postJson } from '../support/http';
import { STAFF_TOKEN } from '../support/test-config';

const SERVICE_NAMES = [
  'Tư pháp – Hộ tịch',
  'Chứng thực',
  'Đất đai',
  'Xây dựng',
  'Lao động – Thương binh – Xã hội',
  'Đăng ký kinh doanh',
  'Trả kết quả',
  'Văn hóa – Thông tin',
  'Y tế',
  'Giáo dục – Đào tạo',
  'Tài nguyên – Môi trường',
  'Nông nghiệp – Phát triển nông thôn',
  'Giao thông – Vận tải',
  'Công thương',
  'Thuế',
  'Bảo hiểm xã hội',
  'Cư trú',
  'Nội vụ',
  'Tài chính – Kế hoạch',
  'Khoa học – Công nghệ',
];

export const serviceId = (i: number) => `dv-${i + 1}`;
export const counterId = (i: number) => String(i + 1);

/** Counter i serves one service of its zone's half of the services (and the zone's first one as well). */
export function largeCentre(counters: number, services: number): Partial<SiteConfigInput> {
  const half = Math.ceil(counters / 2);
  const serviceHalf = Math.ceil(services / 2);
  const zoneOf = (i: number) => (i < half ? 0 : 1);
  const serviceOf = (i: number) => zoneOf(i) * serviceHalf + (i % (zoneOf(i) === 0 ? serviceHalf : services - serviceHalf));
  return {
    services: Array.from({ length: services }, (_, i) => ({
      id: serviceId(i),
      prefix: String.fromCharCode(65 + i),
      name: { vi: SERVICE_NAMES[i] ?? `Lĩnh vực ${i + 1}`, en: `Service ${i + 1}` },
    })),
    counters: Array.from({ length: counters }, (_, i) => ({
      id: counterId(i),
      services: [...new Set([serviceId(serviceOf(i)), serviceId(zoneOf(i) * serviceHalf)])],
    })),
    displays: [
      { id: 'tang-1', name: { vi: 'Tầng 1 – Khu A', en: 'Floor 1 – Area A' }, counters: Array.from({ length: half }, (_, i) => counterId(i)) },
      { id: 'tang-2', name: { vi: 'Tầng 2 – Khu B', en: 'Floor 2 – Area B' }, counters: Array.from({ length: counters - half }, (_, i) => counterId(half + i)) },
    ],
  };
}

/** Each counter issues a ticket of its first service and calls it; returns the number called at each counter. */
export async function everyCounterCalls(url: string, config: Partial<SiteConfigInput>): Promise<Map<string, string>> {
  const called = new Map<string, string>();
  for (const counter of config.counters ?? []) {
    const issued = await postJson<{ number: string }>(`${url}/api/tickets`, { serviceId: counter.services[0] });
    expect(issued.status).toBe(201);
    // A few waiting in each queue, so the waiting panel has counts to show.
    await postJson(`${url}/api/tickets`, { serviceId: counter.services[0] });
    const call = await postJson<{ ticket: { number: string } }>(`${url}/api/counters/${counter.id}/call`, { number: issued.body.number }, { authorization: `Bearer ${STAFF_TOKEN}` });
    expect(call.status, `counter ${counter.id}`).toBe(200);
    called.set(counter.id, call.body.ticket.number);
  }
  return called;
}

export interface TileOnScreen {
  counter: string;
  text: string;
  box: { x: number; y: number; width: number; height: number };
  /** The number's own box, its drawn digit height (canvas metrics of its font), and whether it overflows. */
  numberBox: { x: number; y: number; width: number; height: number };
  glyphHeight: number;
  clipped: boolean;
}

/** The tiles on screen now, measured in the page, and the page indicator ("Trang 1/2", null with one page). */
export function screenNow(page: Page): Promise<{ pageLabel: string | null; tiles: TileOnScreen[] }> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const tiles = [...document.querySelectorAll('.lobby__tile')].map((tile) => {
      const number = tile.querySelector('.lobby__number')!;
      const style = getComputedStyle(number);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const m = canvas.measureText('0123456789');
      const label = tile.querySelector('.lobby__tile-counter')!;
      return {
        counter: tile.getAttribute('data-counter')!,
        text: tile.textContent ?? '',
        box: rect(tile),
        numberBox: rect(number),
        glyphHeight: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent,
        clipped: number.scrollWidth > tile.clientWidth || label.scrollWidth > label.clientWidth + 1,
      };
    });
    return { pageLabel: document.querySelector('[data-testid="tile-page"]')?.textContent ?? null, tiles };
  });
}

/**
 * Every page of tiles as the display turns them by itself (one page: at once): each checked by `check`, the
 * counters seen on all of them returned.
 */
export async function everyTilePage(page: Page, check: (tiles: TileOnScreen[]) => void, timeoutMs = 12_000): Promise<{ pages: number; counters: string[] }> {
  const first = await screenNow(page);
  const pages = Number(/\/(\d+)/.exec(first.pageLabel ?? '')?.[1] ?? 1);
  const seen: string[] = [];
  let now = first;
  for (let i = 0; i < pages; i += 1) {
    check(now.tiles);
    seen.push(...now.tiles.map((t) => t.counter));
    if (i === pages - 1) break;
    const before = now.pageLabel;
    const deadline = Date.now() + timeoutMs;
    do {
      await page.waitForTimeout(250);
      now = await screenNow(page);
    } while (now.pageLabel === before && Date.now() < deadline);
    expect(now.pageLabel, 'the page turned by itself').not.toBe(before);
  }
  return { pages, counters: seen };
}

const inside = (inner: TileOnScreen['box'], outer: TileOnScreen['box']) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlap = (a: TileOnScreen['box'], b: TileOnScreen['box']) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Every tile inside the viewport, its number inside it and not cut, no two overlapping, digits at least `minGlyph` tall. */
export function expectReadableTiles(tiles: TileOnScreen[], viewport: { width: number; height: number }, minGlyph: number): void {
  const screen = { x: 0, y: 0, ...viewport };
  for (const t of tiles) {
    expect(inside(t.box, screen), `tile ${t.counter} inside the screen`).toBe(true);
    expect(inside(t.numberBox, t.box), `number of tile ${t.counter} inside its tile`).toBe(true);
    expect(t.clipped, `tile ${t.counter} not clipped`).toBe(false);
    expect(t.glyphHeight, `digits of tile ${t.counter}`).toBeGreaterThanOrEqual(minGlyph);
  }
  for (const [i, a] of tiles.entries()) for (const b of tiles.slice(i + 1)) expect(overlap(a.box, b.box), `tiles ${a.counter} and ${b.counter} overlap`).toBe(false);
}

/** Nothing scrolls: the document is exactly the viewport. */
export async function expectNoScroll(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    width: window.innerWidth,
    height: window.innerHeight,
  }));
  expect([size.scrollWidth, size.scrollHeight]).toEqual([size.width, size.height]);
}
