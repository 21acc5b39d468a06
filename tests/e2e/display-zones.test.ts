/**
 * Lobby displays of a large centre in real Chromium (the built UI): 30 counters, 12 services, two zones of 15
 * counters. Every counter has called. On a 1920×1080 TV, `/display/tang-1` shows a tile for each of its zone's
 * counters and no other, each inside the screen, none overlapping, none cut, the number's digits at least 80 px
 * tall (readable from 8 m: display-layout.ts); a call at a zone-B counter changes nothing on it, a call at one of
 * its counters shows at once. `/display` shows all 30, a page at a time, turning by itself. An unknown display says
 * so full screen. Screenshots go to /tmp/display-shots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { postJson } from '../support/http';
import { STAFF_TOKEN } from '../support/test-config';
import { releaseChromium, sharedChromium } from './browser';
import { counterId, everyCounterCalls, everyTilePage, expectNoScroll, expectReadableTiles, largeCentre, screenNow, serviceId } from './large-centre';

const SHOTS = '/tmp/display-shots';
const TV = { width: 1920, height: 1080 };
/** 80 px digits at 1080 lines: the 8 m minimum (display-layout.ts). */
const MIN_GLYPH = 80;
const site = largeCentre(30, 12);
const zoneA = Array.from({ length: 15 }, (_, i) => counterId(i));
const it = agentTest({ config: () => site, uiDir: () => join(process.cwd(), 'dist/ui') });

describe('lobby displays by zone, 30 counters, in a real browser', () => {
  let browser: Browser;
  let zone: Page;
  let all: Page;

  const open = async (path: string): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: TV, locale: 'vi-VN' })).newPage();
    await page.goto(path);
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await sharedChromium();
  });
  afterAll(() => releaseChromium(browser));

  it('every counter but 15 (zone A) and 30 (zone B) calls; the zone display shows its 15 counters, readable, on one screen', async ({ agent }) => {
    // Counters 15 and 30 call later, live, while the displays watch.
    const early = { ...site, counters: site.counters!.filter((c) => c.id !== '15' && c.id !== '30') };
    const called = await everyCounterCalls(agent.url, early);
    zone = await open(`${agent.url}/display/tang-1`);
    all = await open(`${agent.url}/display`);
    await zone.getByText('Tầng 1 – Khu A').waitFor();
    await zone.getByTestId('current-call').first().waitFor();

    const seen = await everyTilePage(zone, (tiles) => expectReadableTiles(tiles, TV, MIN_GLYPH));
    expect(seen.counters.sort((a, b) => Number(a) - Number(b))).toEqual(zoneA);
    await expectNoScroll(zone);
    // Each tile shows its counter's latest call; counter 15 has called no one yet.
    for (const [id, number] of called) if (zoneA.includes(id)) await zone.locator(`[data-counter="${id}"]`).filter({ hasText: number }).waitFor();
    expect(await zone.locator('[data-counter="15"]').getAttribute('data-testid')).toBe('counter-idle');
    // The waiting panel: the six services of zone A's counters, and no other.
    const services = await zone.locator('.lobby__waiting li').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-service')));
    expect(services).toEqual(Array.from({ length: 6 }, (_, i) => serviceId(i)));
    await shot(zone, 'zone-tang-1-1920x1080');
  });

  it('/display still shows all 30 counters, a page at a time, turning by itself, nothing scrolling', async () => {
    await all.getByTestId('tile-page').waitFor();
    const seen = await everyTilePage(all, (tiles) => expectReadableTiles(tiles, TV, MIN_GLYPH));
    expect(seen.pages).toBeGreaterThan(1);
    expect(new Set(seen.counters).size).toBe(30);
    expect(seen.counters.length).toBe(30);
    await expectNoScroll(all);
    await shot(all, 'all-1920x1080-page-a');
    await all.waitForFunction((before) => document.querySelector('[data-testid="tile-page"]')?.textContent !== before, await all.getByTestId('tile-page').textContent(), { timeout: 12_000 });
    await shot(all, 'all-1920x1080-page-b');
  });

  it('a call at a zone-B counter shows on /display at once and nowhere on zone A; a call at zone A shows on its tile at once', async ({ agent }) => {
    const staff = { authorization: `Bearer ${STAFF_TOKEN}` };
    const issue = async (counter: string) => {
      const service = site.counters!.find((c) => c.id === counter)!.services[0];
      const issued = await postJson<{ number: string }>(`${agent.url}/api/tickets`, { serviceId: service });
      const call = await postJson<{ ticket: { number: string } }>(`${agent.url}/api/counters/${counter}/call`, { number: issued.body.number }, staff);
      expect(call.status).toBe(200);
      return call.body.ticket.number;
    };
    const zoneBefore = await screenNow(zone);

    const b = await issue('30');
    // /display turns to counter 30's page at once and marks it the newest call.
    await all.locator('[data-counter="30"][data-latest="true"]').filter({ hasText: b }).waitFor({ timeout: 2_000 });
    await all.getByTestId('announcing').filter({ hasText: `Mời công dân có số ${b} đến Quầy số 30` }).waitFor();
    // Zone A: no tile for 30, nothing announced, the same page as before.
    await zone.waitForTimeout(1_000);
    expect(await zone.locator('[data-counter="30"]').count()).toBe(0);
    expect(await zone.getByText(b).count()).toBe(0);
    expect(await zone.getByTestId('announcing').count()).toBe(0);
    expect((await screenNow(zone)).tiles.map((t) => t.counter)).toEqual(zoneBefore.tiles.map((t) => t.counter));

    const a = await issue('15');
    await zone.locator('[data-counter="15"][data-latest="true"]').filter({ hasText: a }).waitFor({ timeout: 2_000 });
    await zone.getByTestId('announcing').filter({ hasText: `Mời công dân có số ${a} đến Quầy số 15` }).waitFor();
    expectReadableTiles((await screenNow(zone)).tiles, TV, MIN_GLYPH);
    await shot(zone, 'zone-tang-1-1920x1080-new-call');
    await shot(all, 'all-1920x1080-after-calls');
  });

  it('an unknown display says so full screen, in Vietnamese first', async ({ agent }) => {
    const page = await open(`${agent.url}/display/tang-9`);
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Không có màn hình "tang-9" trong cấu hình trung tâm.' }).waitFor();
    expect(await alert.textContent()).toContain('mở /display để xem tất cả các quầy');
    expect(await alert.textContent()).toContain('There is no display "tang-9"');
    await expectNoScroll(page);
    await shot(page, 'unknown-display');
  });
});
