/**
 * Language, display modes, the priority path from the attract screen and the idle question, in real Chromium
 * against a demo agent. Screenshots of each mode go to test-artifacts/e2e/. (axe-core audits come with the rest
 * of the accessibility work.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { tempDir } from '../support/temp-dir';
import { CATALOGUES } from '../../kiosk-ui/src/i18n/i18n';
import { clipFile } from '../../kiosk-ui/src/speech/guidance-clips';
import { releaseChromium, screenshot, sharedChromium } from './browser';

describe('kiosk accessibility modes in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
    page = await (await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 }, locale: 'vi-VN' })).newPage();
    // A fake clock, so the idle timeout can be run through in the last test.
    await page.clock.install();
    await page.goto(agent.url);
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  const rootFontPx = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  it('the priority path is one touch from the attract screen, and does not ask "Không"', async () => {
    await page.getByRole('button', { name: /^Ưu tiên/ }).tap();
    await page.getByRole('heading', { name: 'Chọn lĩnh vực' }).waitFor();
    await page.getByRole('button', { name: /Tư pháp – Hộ tịch/ }).tap();
    await page.getByRole('heading', { name: 'Bạn thuộc đối tượng ưu tiên?' }).waitFor();
    expect(await page.getByRole('button', { name: /^Không/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Người cao tuổi (từ 60 tuổi)' }).tap();
    await expect.poll(() => page.getByLabel(/Số thứ tự của bạn là/).textContent()).toMatch(/^A\d{3}$/);
    await page.getByRole('button', { name: 'Xong' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
  });

  it("speaks each screen's guidance as it appears (the espeak-ng clip where the browser has no voice), in the visitor's language", async () => {
    // A screen not shown before in this page (clips once fetched come from the media cache).
    const scan = page.waitForRequest((r) => r.url().endsWith(`/voice/guide/${clipFile('vi', CATALOGUES.vi.guide.pickupScan)}`));
    await page.getByRole('button', { name: /Nhận kết quả/ }).tap();
    await scan;
    const english = page.waitForRequest((r) => r.url().endsWith(`/voice/guide/${clipFile('en', CATALOGUES.en.guide.pickupScan)}`));
    await page.getByRole('button', { name: 'English' }).tap();
    await english;
    // Replayable: the button is on every screen that speaks.
    await page.getByRole('button', { name: 'Hear the guidance' }).tap();
    await page.getByRole('button', { name: 'Tiếng Việt' }).tap();
    await page.getByRole('button', { name: 'Về trang chủ' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
  });

  it('switches to English and back: every string and <html lang> follow', async () => {
    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // No Vietnamese left on an English screen: the clock's day name too.
    expect(await page.locator('.screen__header .clock__date').textContent()).toMatch(/Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/);
    await screenshot(page, '30-home-english');
    await page.getByRole('button', { name: 'Tiếng Việt' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('large text makes the root size 150 %, high contrast turns the screen black with yellow, both toggle off', async () => {
    const base = await rootFontPx();
    await page.getByRole('button', { name: 'Chữ lớn' }).tap();
    expect(await rootFontPx()).toBeGreaterThanOrEqual(base * 1.5);
    expect(await page.getByRole('button', { name: 'Chữ lớn' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, '31-home-large-text');
    await page.getByRole('button', { name: 'Chữ lớn' }).tap();
    expect(await rootFontPx()).toBe(base);

    await page.getByRole('button', { name: 'Tương phản cao' }).tap();
    const colours = await page.evaluate(() => {
      const main = document.querySelector('.screen__main')!;
      return { bg: getComputedStyle(main.parentElement!).backgroundColor || getComputedStyle(document.body).backgroundColor, ink: getComputedStyle(document.querySelector('.screen__heading')!).color };
    });
    expect(colours.ink).toBe('rgb(255, 255, 255)');
    await screenshot(page, '32-home-high-contrast');
    await page.getByRole('button', { name: 'Tương phản cao' }).tap();
  });

  it('reach mode puts every control of the kiosk in the lower part of the screen', async () => {
    await page.getByRole('button', { name: 'Nút ở thấp' }).tap();
    await page.getByRole('button', { name: /Lấy số thứ tự/ }).tap();
    await page.getByRole('heading', { name: 'Chọn lĩnh vực' }).waitFor();
    const tops = await page.evaluate(() =>
      [...document.querySelectorAll('.kiosk__flow button')].map((b) => {
        const r = b.getBoundingClientRect();
        return { text: b.textContent, top: r.top, height: r.height };
      }),
    );
    const viewport = 800;
    for (const b of tops.filter((x) => x.height > 0 && x.top < viewport)) expect(b.top, String(b.text)).toBeGreaterThanOrEqual(viewport * 0.3);
    for (const b of tops.filter((x) => x.height > 0)) expect(b.height, String(b.text)).toBeGreaterThanOrEqual(64);
    await screenshot(page, '33-services-reach');
    await page.getByRole('button', { name: 'Nút ở thấp' }).tap();
  });

  it('before the idle timeout asks "Cần thêm thời gian?"; yes keeps the screen, silence ends the session clean', async () => {
    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByRole('button', { name: 'Tiếng Việt' }).tap();
    await page.getByRole('button', { name: 'Chữ lớn' }).tap();
    await page.clock.fastForward(60_000);
    const question = page.getByRole('alertdialog', { name: 'Cần thêm thời gian?' });
    await question.waitFor();
    await screenshot(page, '34-idle-question');
    await page.getByRole('button', { name: 'Có, tôi cần thêm thời gian' }).tap();
    await page.getByRole('heading', { name: 'Chọn lĩnh vực' }).waitFor();
    expect(await question.count()).toBe(0);

    await page.clock.fastForward(60_000);
    await question.waitFor();
    await page.clock.fastForward(15_000);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).waitFor();
    // The next visitor starts from the defaults.
    expect(await page.getAttribute('html', 'class')).toBe('');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('a visitor who walks away mid-entry leaves nothing for the next one: no typed code, no pickup screen', async () => {
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await page.getByRole('button', { name: /Nhận kết quả/ }).tap();
    const keys = page.getByRole('group', { name: 'Bàn phím nhập mã hồ sơ' });
    for (const ch of '000.00.15') await keys.getByRole('button', { name: ch, exact: true }).tap();
    await expect.poll(() => page.getByLabel('Mã hồ sơ đã nhập').textContent()).toBe('000.00.15');
    await page.clock.fastForward(60_000);
    await page.clock.fastForward(15_000);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
    await page.getByRole('button', { name: /Nhận kết quả/ }).tap();
    expect(await page.getByLabel('Mã hồ sơ đã nhập').textContent()).toBe('VD: 000.00.15.H29-250704-0012');
    expect(await page.getByText('000.00.15', { exact: true }).count()).toBe(0);
  });
});
