/**
 * The counter rating tablet in real Chromium against the demo agent: officer canbo1 signs in at counter 1's console
 * and calls a ticket; the tablet (/rate/1, a 1024×600 screen) shows the officer and the number; the officer types
 * the dossier code and finishes; the tablet asks, the citizen answers "Không hài lòng", ticks a reason and sends;
 * thanks, then the tablet clears. The same visit cannot be rated twice. axe-core: no WCAG 2.2 A/AA violations on
 * the question and the reasons. Screenshots go to test-artifacts/e2e/ (and RATE_SHOTS_DIR when set).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, IssuedTicket } from '../../shared/api-schemas';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../kiosk-agent/src/config/demo-config';
import { postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { axeFindings } from './axe';
import { releaseChromium, screenshot, sharedChromium } from './browser';

const SHOTS = process.env.RATE_SHOTS_DIR;

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('rating the officer at the counter, in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let consolePage: Page;
  let tablet: Page;
  const [officer] = DEMO_ACCOUNTS;

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
    consolePage = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
    tablet = await (await browser.newContext({ viewport: { width: 1024, height: 600 }, locale: 'vi-VN' })).newPage();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('the tablet follows the officer’s visit, asks when it ends, takes the level and reasons once, then clears', async () => {
    await consolePage.goto(`${agent.url}/counter/1`);
    await consolePage.getByLabel('Tên đăng nhập').fill(officer.username);
    await consolePage.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await consolePage.keyboard.press('Enter');
    await consolePage.getByTestId('console-officer').waitFor();

    await tablet.goto(`${agent.url}/rate/1`);
    await tablet.getByTestId('rate-officer').filter({ hasText: `Cán bộ: ${officer.name}` }).waitFor();

    const issued = (await postJson<IssuedTicket>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' })).body;
    await consolePage.getByRole('button', { name: /Gọi số tiếp theo/ }).click();
    await consolePage.getByTestId('current-number').filter({ hasText: issued.number }).waitFor();
    // The tablet hears the call on its socket and shows the number being served.
    await tablet.getByTestId('rate-idle').filter({ hasText: `Đang phục vụ số ${issued.number}` }).waitFor({ timeout: 5000 });
    await shot(tablet, '50-rate-serving');

    await consolePage.getByLabel('Mã hồ sơ của lượt này (nếu có)').fill('000.00.10.H38-261202-0007');
    await consolePage.getByRole('button', { name: /Hoàn thành/ }).click();

    const question = tablet.getByRole('heading', { name: `Ông/bà có hài lòng với việc giải quyết hồ sơ (số ${issued.number}) vừa rồi không?` });
    await question.waitFor({ timeout: 5000 });
    const levels = await tablet.getByRole('group', { name: 'Mức độ hài lòng' }).getByRole('button').allTextContents();
    expect(levels).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    await shot(tablet, '51-rate-question');
    expect(await axeFindings(tablet, 'rate/question')).toEqual([]);

    await tablet.getByRole('button', { name: 'Không hài lòng' }).click();
    await tablet.getByRole('heading', { name: /chưa hài lòng về điều gì/ }).waitFor();
    const reason = tablet.getByRole('button', { name: 'Thời gian chờ lâu' });
    await reason.click();
    expect(await reason.getAttribute('aria-pressed')).toBe('true');
    await shot(tablet, '52-rate-reasons');
    expect(await axeFindings(tablet, 'rate/reasons')).toEqual([]);
    await tablet.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await tablet.getByTestId('rate-thanks').filter({ hasText: 'Cảm ơn ông/bà đã đánh giá!' }).waitFor();
    await shot(tablet, '53-rate-thanks');

    // One rating per visit: the agent refuses a second, and the tablet goes back to waiting.
    const ticketId = issued.id;
    const again = await postJson<ErrorBody>(`${agent.url}/api/counters/1/rating`, { ticketId, level: 3 });
    expect([again.status, again.body.error.code]).toEqual([409, 'RATING_NOT_ALLOWED']);
    await tablet.getByTestId('rate-idle').waitFor({ timeout: 10_000 });
  });
});
