/**
 * The lobby display at the largest zone it is made for, in real Chromium (the built UI): 40 counters and 20
 * services on `/display`, every counter having called. On a 1920×1080 TV nothing overflows or scrolls, every tile
 * is readable (digits ≥ 80 px) and the tiles' and the services' pages turn by themselves until every counter and
 * every service has been shown. The same on a 1280×720 screen (digits ≥ 53 px: the same panel at 720 lines) and
 * on a portrait 1080×1920 one. Screenshots go to /tmp/display-shots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { releaseChromium, sharedChromium } from './browser';
import { everyCounterCalls, everyTilePage, expectNoScroll, expectReadableTiles, largeCentre, serviceId } from './large-centre';

const SHOTS = '/tmp/display-shots';
const site = largeCentre(40, 20);
const it = agentTest({ config: () => site, uiDir: () => join(process.cwd(), 'dist/ui') });

/** The 8 m minimum on a screen of this size (display-layout.ts): 80 px per 1080 lines of the short side. */
const minGlyph = (v: { width: number; height: number }) => (80 / 1080) * Math.min(v.width, v.height) - 0.5;

/** Services on every page of the waiting panel, each row inside the screen and not overflowing the panel. */
async function everyServicePage(page: Page, viewport: { width: number; height: number }): Promise<string[]> {
  const read = () =>
    page.evaluate(() => ({
      label: document.querySelector('[data-testid="service-page"]')?.textContent ?? null,
      panel: (() => {
        const r = document.querySelector('.lobby__waiting')!.getBoundingClientRect();
        return { bottom: r.bottom, right: r.right };
      })(),
      rows: [...document.querySelectorAll('.lobby__waiting li')].map((li) => {
        const r = li.getBoundingClientRect();
        return { id: li.getAttribute('data-service')!, bottom: r.bottom, right: r.right, top: r.top, left: r.left };
      }),
    }));
  let now = await read();
  const pages = Number(/\/(\d+)/.exec(now.label ?? '')?.[1] ?? 1);
  const seen: string[] = [];
  for (let i = 0; i < pages; i += 1) {
    for (const row of now.rows) {
      expect(row.top >= 0 && row.left >= 0 && row.bottom <= viewport.height && row.right <= viewport.width, `service ${row.id} on screen`).toBe(true);
      expect(row.bottom <= now.panel.bottom + 0.5, `service ${row.id} inside its panel`).toBe(true);
    }
    seen.push(...now.rows.map((r) => r.id));
    if (i === pages - 1) break;
    const before = now.label;
    await page.waitForFunction((b) => document.querySelector('[data-testid="service-page"]')?.textContent !== b, before, { timeout: 12_000 });
    now = await read();
  }
  return seen;
}

describe('the lobby display at 40 counters and 20 services', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await sharedChromium();
  });
  afterAll(() => releaseChromium(browser));

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
    { width: 1080, height: 1920 },
  ]) {
    it(`${viewport.width}×${viewport.height}: readable tiles, nothing scrolls, tiles and services turn pages until all are shown`, async ({ agent }) => {
      if ((await fetch(`${agent.url}/api/display`).then((r) => r.json() as Promise<{ calls: unknown[] }>)).calls.length === 0) {
        await everyCounterCalls(agent.url, site);
      }
      const page = await (await browser.newContext({ viewport, locale: 'vi-VN' })).newPage();
      await page.goto(`${agent.url}/display`);
      await page.getByTestId('current-call').first().waitFor();
      await expectNoScroll(page);

      const tiles = await everyTilePage(page, (shown) => expectReadableTiles(shown, viewport, minGlyph(viewport)));
      expect(tiles.pages).toBeGreaterThan(1);
      expect(new Set(tiles.counters).size).toBe(40);
      expect(tiles.counters).toHaveLength(40);
      await page.screenshot({ path: join(SHOTS, `all-40-counters-${viewport.width}x${viewport.height}.png`) });

      const services = await everyServicePage(page, viewport);
      expect(new Set(services)).toEqual(new Set(Array.from({ length: 20 }, (_, i) => serviceId(i))));
      await expectNoScroll(page);
      await page.context().close();
    });
  }
});
