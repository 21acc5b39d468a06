/**
 * Technician mode in real Chromium: the hidden long press on the attract screen, a wrong PIN and the right one
 * (the demo's 123456) on the on-screen keypad, the overview, a test print that reaches the simulated printer,
 * and ending the session back to the kiosk. A short touch on the same corner still starts the kiosk.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { DEMO_TECHNICIAN_PIN } from '../../kiosk-agent/src/config/demo-config';
import { tempDir } from '../support/temp-dir';
import { axeFindings, touchTargetFindings, type AxeFinding } from './axe';
import { releaseChromium, screenshot, sharedChromium } from './browser';

describe('technician diagnostics in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let page: Page;
  /**
   * axe-core (WCAG 2.2 A/AA) and the 64 px touch-target rule on every diagnostics screen the tests pass through (it
   * is a kiosk screen too), asserted in the test that shows the screen.
   */
  const audit = async (screen: string) => {
    const findings: AxeFinding[] = [...(await axeFindings(page, `diagnostics/${screen}`)), ...(await touchTargetFindings(page, `diagnostics/${screen}`, '.diag button'))];
    expect(findings, screen).toEqual([]);
  };

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  const typePin = async (pin: string) => {
    for (const digit of pin) await page.getByRole('group', { name: 'Mã PIN' }).getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Vào chế độ kỹ thuật' }).click();
  };

  it('a short touch on the corner starts the kiosk as anywhere else', async () => {
    await page.goto(agent.url);
    await page.locator('.attract__start').waitFor();
    await page.mouse.click(30, 30);
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
  });

  it('holding the corner 3 s opens the PIN pad; a wrong PIN counts down, the right one opens the overview', async () => {
    await page.goto(agent.url);
    await page.locator('.attract__start').waitFor();
    await page.mouse.move(30, 30);
    await page.mouse.down();
    await page.waitForURL('**/diagnostics', { timeout: 6_000 });
    await page.mouse.up();
    await page.getByRole('heading', { name: 'Nhập mã PIN kỹ thuật viên' }).waitFor();
    await screenshot(page, '40-diagnostics-pin');
    await audit('pin');

    await typePin('000000');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Mã PIN không đúng. Còn 4 lần thử.');
    await typePin(DEMO_TECHNICIAN_PIN);
    await page.getByRole('heading', { name: 'Tổng quan', level: 2 }).waitFor();
    await page.getByText(/Máy in: Sẵn sàng/).waitFor();
    await screenshot(page, '41-diagnostics-overview');
    await audit('overview');
  });

  it('prints a Vietnamese test slip from the printer screen', async () => {
    const before = agent.simulators.printer!.jobs.length;
    await page.getByRole('navigation').getByRole('button', { name: 'Máy in' }).click();
    await page.getByRole('heading', { name: 'Máy in', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'In thử tiếng Việt' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã in' }).waitFor();
    expect(agent.simulators.printer!.jobs.length).toBe(before + 1);
    expect(agent.simulators.printer!.jobs.at(-1)!.decoded.text.normalize('NFC')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    await screenshot(page, '42-diagnostics-test-print');
    await audit('printer');

    // Out of paper: what happened and what to do, and the printer's card now says so.
    agent.simulators.printer!.setState({ paper: 'out' });
    try {
      await page.getByRole('button', { name: 'In thử tiếng Việt' }).click();
      await page.getByRole('alert').filter({ hasText: 'Không in được: máy in hết giấy. Nạp cuộn giấy 80 mm' }).waitFor();
      await page.getByRole('heading', { name: /Máy in: Hết giấy/ }).waitFor();
    } finally {
      agent.simulators.printer!.setState({ paper: 'ok' });
    }
  });

  it('the scanner screen shows a scan as it happens, with its bytes in hex', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Máy quét' }).click();
    await page.getByText('Chưa có mã nào được quét.').waitFor();
    await agent.simulators.scanner!.scan('000.00.15.H29-250704-0013');
    await page.getByText('000.00.15.H29-250704-0013').waitFor({ timeout: 3_000 });
    await page.getByText(/^30 30 30 2e 30 30 2e 31 35/).waitFor();
    await screenshot(page, '44-diagnostics-scanner');
    await audit('scanner');
  });

  it('the lockers screen reads every compartment; opening an empty one says so; "open all" asks first', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Tủ khóa' }).click();
    await page.getByRole('heading', { name: 'Bo 0' }).waitFor();
    await page.getByRole('button', { name: 'Mở 16', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đã mở ngăn 16.' }).waitFor();
    expect(agent.simulators.locker!.isOpen(0, 16)).toBe(true);
    // A compartment holding a sample result: the reason is asked first, then it opens.
    const held = page.locator('.diag__compartment', { has: page.locator('small') }).first();
    const dossier = (await held.locator('small').textContent())!;
    const lock = Number((await held.getByRole('button').textContent())!.replace(/\D/g, ''));
    await held.getByRole('button').click();
    const dialog = page.getByRole('dialog', { name: `Ngăn này đang giữ kết quả hồ sơ ${dossier}` });
    await dialog.waitFor();
    expect(agent.simulators.locker!.isOpen(0, lock)).toBe(false);
    await dialog.getByLabel('Lý do mở ngăn (lưu vào nhật ký)').fill('Kiểm tra khóa theo phiếu 12');
    await dialog.getByRole('button', { name: 'Mở ngăn' }).click();
    await page.getByRole('status').filter({ hasText: `Đã mở ngăn ${lock}.` }).waitFor();
    expect(agent.simulators.locker!.isOpen(0, lock)).toBe(true);
    agent.simulators.locker!.closeDoor(0, lock);

    await page.getByRole('button', { name: 'Mở tất cả các ngăn…' }).click();
    await page.getByRole('dialog', { name: 'Mở tất cả các ngăn?' }).waitFor();
    await screenshot(page, '43-diagnostics-open-all');
    await audit('lockers-open-all');
    await page.getByRole('button', { name: 'Hủy' }).click();
    expect(agent.simulators.locker!.state()[0]!.open).toEqual([16]);
  });

  it('"Kết thúc" ends the session and returns to the kiosk', async () => {
    await page.getByRole('button', { name: 'Kết thúc' }).click();
    await page.waitForURL(agent.url.replace(/\/?$/, '/'));
    await page.locator('.attract__start').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // The agent ended it too: a new session's audit shows the close just before its own opening.
    const opened = (await (await fetch(`${agent.url}/api/diagnostics/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin: DEMO_TECHNICIAN_PIN }) })).json()) as { token: string };
    const audit = (await (await fetch(`${agent.url}/api/diagnostics/audit`, { headers: { authorization: `Bearer ${opened.token}` } })).json()) as { action: string; outcome: string }[];
    expect(audit.slice(0, 2)).toMatchObject([{ action: 'session.open', outcome: 'ok' }, { action: 'session.close', outcome: 'ok' }]);
  });
});
