/**
 * `display.showOfficer` in real Chromium (the built UI): the lobby TV names the officer signed in at a counter under
 * the counter's name, within a second of the sign-in, with the counter's call; the tiles stay readable and nothing
 * scrolls; when she signs out the name leaves the tile. Screenshot: test-artifacts/e2e/display-officer-1920x1080.png.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { postJson } from '../support/http';
import { OFFICER_PASSWORD, signedIn } from '../support/officers';
import { releaseChromium, screenshot, sharedChromium } from './browser';
import { expectNoScroll, expectReadableTiles, screenNow } from './large-centre';

const TV = { width: 1920, height: 1080 };
const it = agentTest({ config: () => ({ display: { showOfficer: true } }), uiDir: () => join(process.cwd(), 'dist/ui') });

describe('the lobby display names the officer at each counter', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await sharedChromium();
  });
  afterAll(() => releaseChromium(browser));

  it('a sign-in at counter 2 shows her name on its tile at once, with her call; signing out takes it away', async ({ agent }) => {
    await agent.staff.add({ username: 'lan', name: 'Nguyễn Thị Lan', role: 'officer', password: OFFICER_PASSWORD });
    const page = await (await browser.newContext({ viewport: TV, locale: 'vi-VN' })).newPage();
    await page.goto(`${agent.url}/display`);
    const tile2 = page.locator('[data-counter="2"]');
    await tile2.waitFor();
    expect(await tile2.getByTestId('counter-officer').textContent()).toBe('');

    const lan = await signedIn(agent, 'lan', 'officer', '2');
    await tile2.getByText('Nguyễn Thị Lan').waitFor({ timeout: 1000 });
    const issued = await postJson<{ number: string }>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    await postJson(`${agent.url}/api/counters/2/call`, { number: issued.body.number }, lan);
    await tile2.getByText(issued.body.number).waitFor();
    expect(await tile2.innerText()).toMatch(new RegExp(`^Quầy số 2\\s+Nguyễn Thị Lan\\s+${issued.body.number}$`));
    // Counter 1 has nobody signed in: no name there.
    expect(await page.locator('[data-counter="1"]').getByTestId('counter-officer').textContent()).toBe('');
    const officerLine = await tile2.getByTestId('counter-officer').evaluate((e) => ({ cut: e.scrollWidth > e.clientWidth + 1, height: e.getBoundingClientRect().height }));
    expect(officerLine.cut).toBe(false);
    expect(officerLine.height).toBeGreaterThan(20);
    expectReadableTiles((await screenNow(page)).tiles, TV, 80);
    await expectNoScroll(page);
    await screenshot(page, 'display-officer-1920x1080');

    await postJson(`${agent.url}/api/staff/session/end`, {}, lan);
    await expect.poll(() => tile2.getByTestId('counter-officer').textContent(), { timeout: 1000 }).toBe('');
    await tile2.getByText(issued.body.number).waitFor();
  });
});
