/**
 * A citizen takes a ticket by touch in real Chromium against a real agent in demo mode (simulated printer over
 * TCP). Screenshots of every screen go to test-artifacts/e2e/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { tempDir } from '../support/temp-dir';
import { releaseChromium, screenshot, sharedChromium } from './browser';

describe('kiosk in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
    context = await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('takes a printed ticket by touch: attract → home → service → not priority → number', async () => {
    await page.goto(agent.url);
    const start = page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' });
    await start.waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await screenshot(page, '01-attract');
    await start.tap();

    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
    await screenshot(page, '02-home');
    await page.getByRole('button', { name: /Lấy số thứ tự/ }).tap();

    await page.getByRole('heading', { name: 'Chọn lĩnh vực' }).waitFor();
    await page.getByRole('button', { name: /Tư pháp – Hộ tịch/ }).waitFor();
    await screenshot(page, '03-services');
    await page.getByRole('button', { name: /Tư pháp – Hộ tịch/ }).tap();

    await page.getByRole('heading', { name: 'Bạn thuộc đối tượng ưu tiên?' }).waitFor();
    await screenshot(page, '04-priority');
    await page.getByRole('button', { name: /^Không/ }).tap();

    const number = page.getByLabel(/Số thứ tự của bạn là/);
    await number.waitFor();
    const shown = (await number.textContent())!;
    expect(shown).toMatch(/^A\d{3}$/);
    await expect.poll(() => page.getByText('Bạn là người tiếp theo').count()).toBe(1);
    await screenshot(page, '05-ticket');

    // The simulated printer got the job before the reply: its decoded text holds the number and the service.
    const job = agent.simulators.printer!.jobs.at(-1)!;
    expect(job.decoded.lines.map((l) => l.trim())).toContain(shown);
    expect(job.decoded.text.normalize('NFC')).toContain('Tư pháp – Hộ tịch'.normalize('NFC'));

    // The demo panel shows the printed slip.
    await page.getByRole('img', { name: `Hình phiếu in số ${job.id}` }).waitFor();

    await page.getByRole('button', { name: 'Xong' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
  });

  it('out of paper: a priority ticket still exists and its number and QR are shown', async () => {
    agent.simulators.printer!.setState({ paper: 'out' });
    try {
      await page.getByRole('button', { name: /Lấy số thứ tự/ }).tap();
      await page.getByRole('button', { name: /Đất đai/ }).tap();
      await page.getByRole('button', { name: 'Người cao tuổi (từ 60 tuổi)' }).tap();
      await page.getByRole('alert').filter({ hasText: 'Máy in đang gặp sự cố' }).waitFor();
      const number = await page.getByLabel(/Số thứ tự của bạn là/).textContent();
      expect(number).toMatch(/^D\d{3}$/);
      await page.getByRole('img', { name: 'Mã QR theo dõi lượt của bạn' }).waitFor();
      expect(await page.getByText('Máy in hết giấy.', { exact: false }).count()).toBeGreaterThan(0);
      await screenshot(page, '06-unprinted');
    } finally {
      agent.simulators.printer!.setState({ paper: 'ok' });
    }
  });
});

describe('demo devices panel', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
    page = await (await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(agent.url);
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('scans a sample slip through the simulated scanner and shuts an open compartment door', async () => {
    await page.getByRole('button', { name: 'Quét giấy hẹn 000.00.15.H29-250704-0012' }).tap();
    await page.getByRole('status').filter({ hasText: 'Mã vừa quét: 000.00.15.H29-250704-0012' }).waitFor();

    await agent.locker!.unlock(0, 5);
    const close = page.getByRole('button', { name: 'Đóng cửa ngăn 5 (bo 0)' });
    await close.waitFor();
    await screenshot(page, '07-demo-devices');
    await close.tap();
    await page.getByText('Tất cả cửa tủ đang đóng.').waitFor();
    const states = await agent.locker!.readBoard(0);
    expect(states[4]).toMatchObject({ lock: 5, open: false });
  });
});
