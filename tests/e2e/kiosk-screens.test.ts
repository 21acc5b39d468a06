/**
 * The kiosk's other screens in real Chromium against a demo agent: the failure path a person reaches with the
 * demo panel's paper switch, a failed request and its retry, the pickup placeholder, the collapsed panel, the
 * full-page demo printer and the routes still to come. Screenshots go to test-artifacts/e2e/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { tempDir } from '../support/temp-dir';
import { releaseChromium, screenshot, sharedChromium } from './browser';

describe('kiosk screens beyond the happy path', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
    const context = await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  /** Fresh page load, then attract → home → "Lấy số thứ tự" → the first service. */
  async function toPriorityQuestion(): Promise<void> {
    await page.goto(agent.url);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await page.getByRole('button', { name: /Lấy số thứ tự/ }).tap();
    await page.getByRole('heading', { name: 'Chọn lĩnh vực' }).waitFor();
    await page.getByRole('button', { name: /Tư pháp – Hộ tịch/ }).tap();
    await page.getByRole('heading', { name: 'Bạn thuộc đối tượng ưu tiên?' }).waitFor();
  }

  it('the demo panel\'s paper switch lets a person walk the unprinted path', async () => {
    await page.goto(agent.url);
    await page.getByRole('button', { name: 'Cho hết giấy' }).tap();
    await page.getByText('Giấy: hết').waitFor();
    expect(agent.simulators.printer!.getState().paper).toBe('out');
    try {
      await toPriorityQuestion();
      await page.getByRole('button', { name: /^Không/ }).tap();
      await page.getByRole('heading', { name: /Máy in đang gặp sự cố/ }).waitFor();
      const number = await page.getByLabel(/Số thứ tự của bạn là/).textContent();
      expect(number).toMatch(/^A\d{3}$/);
      await page.getByRole('img', { name: 'Mã QR theo dõi lượt của bạn' }).waitFor();
      await page.getByText('Vui lòng ghi nhớ hoặc chụp ảnh số này', { exact: false }).waitFor();
      // "Xong" sits in the footer: reachable without scrolling, even on the longest screen.
      const done = page.getByRole('button', { name: 'Xong' });
      const box = (await done.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      expect(box.height).toBeGreaterThanOrEqual(64);
      await screenshot(page, '08-unprinted-by-panel');
      await page.getByRole('button', { name: 'Nạp lại giấy' }).tap();
      await page.getByText('Giấy: đủ').waitFor();
      expect(agent.simulators.printer!.getState().paper).toBe('ok');
    } finally {
      agent.simulators.printer!.setState({ paper: 'ok' });
    }
  });

  it('a lost connection while issuing says so, and "Thử lại" gets the number', async () => {
    let calls = 0;
    await page.route('**/api/tickets', async (route) => {
      calls += 1;
      if (calls === 1) await route.abort('connectionrefused');
      else await route.continue();
    });
    try {
      await toPriorityQuestion();
      await page.getByRole('button', { name: 'Người khuyết tật' }).tap();
      await page.getByRole('heading', { name: 'Chưa lấy được số thứ tự' }).waitFor();
      await page.getByText('Ki-ốt đang mất kết nối', { exact: false }).waitFor();
      await screenshot(page, '09-issue-failed');
      await page.getByRole('button', { name: 'Thử lại' }).tap();
      const number = await page.getByLabel(/Số thứ tự của bạn là/).textContent();
      expect(number).toMatch(/^A\d{3}$/);
      await page.getByText('Ưu tiên · Người khuyết tật').waitFor();
      expect(calls).toBe(2);
    } finally {
      await page.unroute('**/api/tickets');
    }
  });

  it('"Nhận kết quả" asks for the slip, and "Về trang chủ" leads back home', async () => {
    await page.goto(agent.url);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await page.getByRole('button', { name: /Nhận kết quả/ }).tap();
    await page.getByRole('heading', { name: 'Nhận kết quả' }).waitFor();
    await page.getByText('Quét mã trên giấy hẹn trả kết quả').waitFor();
    await page.getByRole('button', { name: 'Về trang chủ' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
  });

  it('the demo panel folds away and the flow takes the room', async () => {
    const toggle = page.getByRole('button', { name: 'Ẩn thiết bị mô phỏng' });
    await toggle.tap();
    const shown = page.getByRole('button', { name: 'Xem thiết bị mô phỏng' });
    expect(await shown.getAttribute('aria-expanded')).toBe('false');
    const takeTicket = (await page.getByRole('button', { name: /Lấy số thứ tự/ }).boundingBox())!;
    const collapsed = (await shown.boundingBox())!;
    expect(takeTicket.x + takeTicket.width).toBeLessThanOrEqual(collapsed.x);
    await screenshot(page, '11-panel-collapsed');
    await shown.tap();
    await page.getByRole('heading', { name: 'Máy in mô phỏng' }).waitFor();
  });

  it('/demo/printer shows the printed slips on a page of their own', async () => {
    await page.goto(`${agent.url}/demo/printer`);
    const last = agent.simulators.printer!.jobs.at(-1)!;
    expect(last).toBeDefined();
    await page.getByRole('img', { name: `Hình phiếu in số ${last.id}` }).waitFor();
    await page.getByRole('button', { name: /Cho hết giấy/ }).waitFor();
    await screenshot(page, '12-demo-printer-page');
  });

  it('an unknown address says so and lists the pages there are', async () => {
    for (const path of ['/khong-co', '/counter', '/track/']) {
      await page.goto(`${agent.url}${path}`);
      await page.getByRole('heading', { name: 'Không có trang này' }).waitFor();
    }
    expect(await page.getByText('/display').count()).toBeGreaterThan(0);
    await screenshot(page, '13-unknown-page');
  });
});
