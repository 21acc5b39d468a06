/**
 * The lobby display's layout (pure): for every zone size up to 40 counters and 20 services, on a 1080p TV, a 720p
 * screen and a portrait one, the tiles fit their area, the numbers never fall below the size that reads from 8 m,
 * the frame adds up to the screen exactly, and what does not fit goes on pages that hold everything.
 */
import { describe, expect, it } from 'vitest';
import { DIGIT_HEIGHT_EM, planLayout, planTiles, READABLE_DIGIT_FRACTION, tileSize, type DisplayLayout } from '../../kiosk-ui/src/flows/lobby-display/display-layout';

const TV = { width: 1920, height: 1080 };
const SMALL = { width: 1280, height: 720 };
const PORTRAIT = { width: 1080, height: 1920 };
const plan = (counters: number, services = 6, viewport = TV, numberChars = 4) => planLayout({ viewport, counters, services, numberChars });

/** Everything the layout promises, for one plan. */
function expectSound(l: DisplayLayout, counters: number, services: number, viewport: { width: number; height: number }, numberChars = 4) {
  const short = Math.min(viewport.width, viewport.height);
  // Readable from 8 m: digits at least 80 px per 1080 lines of the short side.
  expect(l.numberPx).toBeGreaterThanOrEqual(l.minNumberPx);
  expect(l.numberPx * DIGIT_HEIGHT_EM).toBeGreaterThanOrEqual(READABLE_DIGIT_FRACTION * short - 1e-9);
  // The frame adds up to the screen, so nothing can scroll.
  expect(2 * l.pad + l.header + l.footer + 2 * l.gap + (l.orientation === 'portrait' ? l.tilesArea.height + l.gap + l.panelArea.height : l.tilesArea.height)).toBeCloseTo(viewport.height, 6);
  expect(2 * l.pad + (l.orientation === 'portrait' ? l.tilesArea.width : l.tilesArea.width + l.gap + l.panelArea.width)).toBeCloseTo(viewport.width, 6);
  // The tiles' grid fits its area at the number size used.
  const tile = tileSize(l.numberPx, numberChars);
  expect(l.tiles.columns * tile.width + (l.tiles.columns - 1) * l.gap).toBeLessThanOrEqual(l.tilesArea.width + 1e-6);
  expect(l.tiles.rows * tile.height + (l.tiles.rows - 1) * l.gap).toBeLessThanOrEqual(l.tilesArea.height + 1e-6);
  // Pages hold every tile and every service; a page never holds more than its grid.
  expect(l.tiles.perPage).toBeLessThanOrEqual(l.tiles.columns * l.tiles.rows);
  expect(l.tiles.perPage * l.tiles.pages).toBeGreaterThanOrEqual(counters);
  expect(l.tiles.perPage * (l.tiles.pages - 1)).toBeLessThan(Math.max(1, counters));
  expect(l.services.perPage * l.services.pages).toBeGreaterThanOrEqual(services);
  expect(l.services.headingPx + l.services.rows * l.services.rowPx + (l.services.rows - 1) * l.gap).toBeLessThanOrEqual(l.panelArea.height + 1e-6);
  expect(l.panelArea.width).toBeGreaterThanOrEqual(short * 0.35 - 1e-6);
}

describe('display layout', () => {
  it('the readable minimum: 80 px digits at 1080 lines (115 px font), 53 px at 720, the short side of a portrait screen', () => {
    expect(plan(30).minNumberPx).toBe(115);
    expect(plan(30, 6, SMALL).minNumberPx).toBe(77);
    expect(plan(30, 6, PORTRAIT).minNumberPx).toBe(115);
  });

  it('holds for every zone from 0 to 40 counters and 0 to 20 services, on each screen', () => {
    for (const viewport of [TV, SMALL, PORTRAIT, { width: 3840, height: 2160 }, { width: 1366, height: 768 }]) {
      for (let counters = 0; counters <= 40; counters += 1) {
        for (const services of [0, 1, 6, 12, 20]) expectSound(plan(counters, services, viewport), counters, services, viewport);
      }
    }
  });

  it('a zone of 15 counters fits one 1080p screen; 30 turn two pages of 15; 40 three pages of 14', () => {
    expect(plan(15).tiles).toMatchObject({ pages: 1, perPage: 15 });
    expect(plan(30).tiles).toMatchObject({ columns: 4, rows: 4, pages: 2, perPage: 15 });
    expect(plan(40, 20).tiles).toMatchObject({ pages: 3, perPage: 14 });
    expect(plan(40, 20, SMALL).tiles).toMatchObject({ pages: 3, perPage: 14 });
  });

  it('few counters get bigger numbers, up to 2.2 times the minimum, and the waiting panel takes the room left', () => {
    const few = plan(4);
    expect(few.numberPx).toBeGreaterThan(plan(16).numberPx);
    expect(few.numberPx).toBeLessThanOrEqual(Math.floor(115 * 2.2));
    expect(plan(1).numberPx).toBe(Math.floor(115 * 2.2));
    expect(plan(1).panelArea.width).toBeGreaterThan(plan(16).panelArea.width);
  });

  it('longer ticket numbers (two-letter prefixes) make wider tiles, so fewer per row', () => {
    const two = planLayout({ viewport: TV, counters: 30, services: 6, numberChars: 5 });
    expect(two.tiles.columns).toBeLessThan(plan(30).tiles.columns);
    expectSound(two, 30, 6, TV, 5);
  });

  it('services: names on two lines when the zone\'s all fit one page, on one line and paged when not', () => {
    expect(plan(15, 6).services).toMatchObject({ pages: 1, nameLines: 2 });
    const many = plan(40, 20).services;
    expect(many.nameLines).toBe(1);
    expect(many.pages).toBe(Math.ceil(20 / many.perPage));
    expect(many.pages).toBeGreaterThan(1);
  });

  it('portrait: tiles above, the waiting panel below in two columns', () => {
    const l = plan(40, 20, PORTRAIT);
    expect(l.orientation).toBe('portrait');
    expect(l.tiles.columns).toBe(2);
    expect(l.services.columns).toBe(2);
    expect(l.panelArea.height).toBeGreaterThan(0);
  });

  it('planTiles alone: one page when the tiles fit at the minimum, a full grid of pages when not', () => {
    const area = { width: 1000, height: 600 };
    const one = planTiles(4, area, 10, 4, 100);
    expect(one).toMatchObject({ pages: 1, perPage: 4 });
    expect(one.numberPx).toBeGreaterThanOrEqual(100);
    const paged = planTiles(30, area, 10, 4, 100);
    expect(paged.numberPx).toBeGreaterThanOrEqual(100);
    expect(paged.pages).toBe(Math.ceil(30 / (paged.columns * paged.rows)));
    expect(planTiles(0, area, 10, 4, 100)).toMatchObject({ pages: 1 });
  });
});
