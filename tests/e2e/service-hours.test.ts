/**
 * Opening hours and daily limits on the kiosk, in real Chromium against an agent on a fixed clock (the built UI):
 * Wednesday 2 December 2026, 09:00 in Hà Nội. Đất đai has its own hours (afternoons) and is closed now; Tư pháp
 * allows one ticket a day and has issued it; Xây dựng is open. The choice screen greys the first two with why and
 * when, Xây dựng still issues. At 11:31 the centre closes for lunch between the list and the touch: the refusal
 * says when it opens again, and the list that follows says when the centre opens and offers the lockers. The
 * lobby display marks the shut services. Screenshots (1080×1920) go to /tmp/shots18/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import { agentTest } from '../support/agent-fixture';
import { postJson } from '../support/http';
import { releaseChromium, sharedChromium } from './browser';

const SHOTS = '/tmp/shots18';
const PORTRAIT = { width: 1080, height: 1920 };
const WEDNESDAY_9AM = Date.parse('2026-12-02T02:00:00Z');
let now = WEDNESDAY_9AM;

type Week = NonNullable<SiteConfigInput['hours']>;
const day: [string, string][] = [
  ['07:30', '11:30'],
  ['13:30', '17:00'],
];
const WEEK: Week = { mon: day, tue: day, wed: day, thu: day, fri: day };
const AFTERNOONS: Week = { mon: [['13:30', '17:00']], tue: [['13:30', '17:00']], wed: [['13:30', '17:00']], thu: [['13:30', '17:00']], fri: [['13:30', '17:00']] };

const it = agentTest({
  clock: { now: () => now },
  uiDir: () => join(process.cwd(), 'dist/ui'),
  config: () => ({
    hours: WEEK,
    services: [
      { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice – Civil status' }, dailyLimit: 1 },
      { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' }, hours: AFTERNOONS },
      { id: 'xay-dung', prefix: 'X', name: { vi: 'Xây dựng', en: 'Construction' } },
    ],
    counters: [
      { id: '1', services: ['tu-phap', 'xay-dung'] },
      { id: '2', services: ['dat-dai'] },
    ],
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }] },
  }),
});

describe('service hours on the kiosk, in a real browser', () => {
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
  const service = (id: string) => page.locator(`[data-service="${id}"]`);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await sharedChromium();
  });
  afterAll(() => releaseChromium(browser));

  const toServices = async (url: string) => {
    page = await (await browser.newContext({ viewport: PORTRAIT, hasTouch: true, locale: 'vi-VN' })).newPage();
    await page.clock.setFixedTime(now);
    await page.goto(url);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await page.getByRole('button', { name: /Lấy số thứ tự/ }).tap();
    await page.getByRole('heading', { name: 'Chọn lĩnh vực' }).waitFor();
  };

  it('greys the closed and the full service with why and when; the open one still issues', async ({ agent }) => {
    expect((await postJson(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' })).status).toBe(201);
    await toServices(agent.url);
    await service('xay-dung').getByRole('button').waitFor();
    await expect.poll(() => service('dat-dai').textContent()).toContain('Ngoài giờ làm việc · mở lại 13:30 Thứ Tư');
    expect(await service('tu-phap').textContent()).toContain('Đã hết số hôm nay · mở lại 07:30 Thứ Năm');
    // Greyed: in place, not buttons.
    expect(await service('dat-dai').getByRole('button').count()).toBe(0);
    expect(await service('tu-phap').getByRole('button').count()).toBe(0);
    await shot('01-services-greyed');
    const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' })).newPage();
    await tv.goto(`${agent.url}/display`);
    await tv.locator('[data-service="tu-phap"] .lobby__service-shut').filter({ hasText: 'Hết số' }).waitFor();
    expect(await tv.locator('[data-service="xay-dung"] .lobby__service-shut').count()).toBe(0);

    // Touching a greyed service asks nothing and goes nowhere.
    await service('dat-dai').tap();
    await service('tu-phap').tap();
    expect(await page.getByRole('heading', { name: 'Chọn lĩnh vực' }).count()).toBe(1);

    await service('xay-dung').getByRole('button').tap();
    await page.getByRole('button', { name: /^Không/ }).tap();
    const number = page.getByLabel(/Số thứ tự của bạn là/);
    await number.waitFor();
    expect(await number.textContent()).toMatch(/^X\d{3}$/);
    await page.getByRole('button', { name: 'Xong' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
  });

  it('closing for lunch between the list and the touch: why and when, then the centre\'s next opening and the lockers', async ({ agent }) => {
    await page.getByRole('button', { name: /Lấy số thứ tự/ }).tap();
    await service('xay-dung').getByRole('button').tap();
    now = Date.parse('2026-12-02T04:31:00Z'); // 11:31, on the agent and on the kiosk's clock
    await page.clock.setFixedTime(now);
    await page.getByRole('button', { name: /^Không/ }).tap();
    const refusal = page.locator('[data-refusal="SERVICE_CLOSED"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Mời ông/bà quay lại lúc 13:30 Thứ Tư.');
    await shot('02-refused-closed');

    await page.getByRole('button', { name: 'Chọn lĩnh vực khác' }).tap();
    await page.getByText('Trung tâm mở cửa lại lúc 13:30 Thứ Tư.').waitFor();
    await page.getByText('Ông/bà vẫn nhận được kết quả hồ sơ tại tủ ki-ốt.').waitFor();
    expect(await service('xay-dung').textContent()).toContain('Ngoài giờ làm việc · mở lại 13:30 Thứ Tư');
    await shot('03-none-issuing');
    await page.getByRole('button', { name: /Nhận kết quả/ }).tap();
    await page.getByText('Quét mã trên giấy hẹn trả kết quả').first().waitFor();

    // The lobby display marks the shut services on its waiting list.
    const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' })).newPage();
    await tv.clock.setFixedTime(now);
    await tv.goto(`${agent.url}/display`);
    await tv.locator('[data-service="dat-dai"] .lobby__service-shut').filter({ hasText: 'Ngoài giờ' }).waitFor();
    await tv.screenshot({ path: join(SHOTS, '04-lobby-display.png') });
  });

  it('the attract screen at lunch: when the centre opens, and the lockers in one touch', async ({ agent }) => {
    const kiosk = await (await browser.newContext({ viewport: PORTRAIT, hasTouch: true, locale: 'vi-VN' })).newPage();
    await kiosk.clock.setFixedTime(now); // 11:31, as the test before left it
    await kiosk.goto(agent.url);
    const notice = kiosk.locator('.attract__closed');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Trung tâm mở cửa lại lúc 13:30 Thứ Tư.');
    await kiosk.screenshot({ path: join(SHOTS, '05-attract-closed.png') });
    await notice.getByRole('button', { name: /Ông\/bà vẫn nhận được kết quả/ }).tap();
    await kiosk.getByText('Quét mã trên giấy hẹn trả kết quả').first().waitFor();
  });
});
