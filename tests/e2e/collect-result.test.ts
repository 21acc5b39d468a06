/**
 * A citizen collects a result in real Chromium against the demo agent (seeded sample dossiers, simulated scanner,
 * locker boards and printer): a slip typed on the on-screen keyboard, one scanned on the serial scanner, one from
 * a keyboard-wedge scanner; a wrong pickup code, the right one, the door, the receipt, the rating; and a
 * compartment that does not answer, which ends with a ticket for the result counter. Screenshots of every screen
 * go to test-artifacts/e2e/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DOSSIERS } from '../../shared/demo-dossiers';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { tempDir } from '../support/temp-dir';
import { releaseChromium, screenshot, sharedChromium } from './browser';

const [inLocker, processing, , , secondInLocker] = DEMO_DOSSIERS;

describe('collecting a result in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let page: Page;

  const home = () => page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
  const typeOnKeypad = async (group: string, text: string) => {
    const keys = page.getByRole('group', { name: group });
    for (const ch of text) await keys.getByRole('button', { name: ch, exact: true }).tap();
  };

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
    page = await (await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
    await page.goto(agent.url);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await home();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('a dossier still being processed, typed on the on-screen keyboard: its status and the next step', async () => {
    await page.getByRole('button', { name: /Nhận kết quả/ }).tap();
    await page.getByText('Quét mã trên giấy hẹn trả kết quả').waitFor();
    await screenshot(page, '20-pickup-scan-or-type');
    await typeOnKeypad('Bàn phím nhập mã hồ sơ', processing!.code);
    await expect.poll(() => page.getByLabel('Mã hồ sơ đã nhập').textContent()).toBe(processing!.code);
    await page.getByRole('button', { name: 'Tra cứu' }).tap();

    await page.getByText('Hồ sơ đang được xử lý').waitFor();
    await page.getByText('Trần T** B*').waitFor(); // masked by the agent
    expect(await page.getByText('Trần Thị Bình').count()).toBe(0);
    await page.getByRole('button', { name: /Lấy số đến quầy trả kết quả/ }).waitFor();
    await screenshot(page, '21-pickup-status');
    await page.getByRole('button', { name: 'Xong' }).tap();
    await home();
  });

  it('scanned on the serial scanner, wrong code, right code: the compartment opens, the door is shut, receipt and rating', async () => {
    await page.getByRole('button', { name: `Quét giấy hẹn ${inLocker!.code}` }).tap();
    await page.getByRole('heading', { name: 'Nhập mã nhận kết quả' }).waitFor();
    await page.getByText('Nguyễn V** A*').waitFor();
    await screenshot(page, '22-pickup-code');

    await typeOnKeypad('Bàn phím số', '000000');
    await page.getByRole('button', { name: 'Mở tủ' }).tap();
    await page.getByRole('alert').filter({ hasText: 'Mã không đúng. Bạn còn 4 lần thử.' }).waitFor();
    await screenshot(page, '23-pickup-wrong-code');
    expect((await agent.locker!.readBoard(0))[inLocker!.locker!.lock - 1]!.open).toBe(false);

    await typeOnKeypad('Bàn phím số', inLocker!.locker!.pickupCode);
    await page.getByRole('button', { name: 'Mở tủ' }).tap();
    await page.getByRole('heading', { name: `Ngăn số ${inLocker!.locker!.lock} đã mở` }).waitFor();
    await page.getByText('Vui lòng lấy hồ sơ và đóng cửa tủ').waitFor();
    expect((await agent.locker!.readBoard(0))[inLocker!.locker!.lock - 1]!.open).toBe(true);
    await screenshot(page, '24-pickup-door-open');

    const jobsBefore = agent.simulators.printer!.jobs.length;
    await page.getByRole('button', { name: `Đóng cửa ngăn ${inLocker!.locker!.lock} (bo 0)` }).tap();
    await page.getByText('Bạn đã nhận kết quả').waitFor();
    await page.getByText('Vui lòng nhận biên nhận ở khe máy in.').waitFor();
    const receipt = agent.simulators.printer!.jobs.slice(jobsBefore).map((j) => j.decoded.text).join('\n');
    expect(receipt).toContain('BIÊN NHẬN TRẢ KẾT QUẢ');
    expect(receipt).toContain(inLocker!.code);
    await screenshot(page, '25-pickup-rating');

    await page.getByRole('button', { name: 'Rất hài lòng' }).tap();
    await page.getByText('Cảm ơn ông/bà đã đánh giá!').waitFor();
    await home();

    // The same slip again: already collected, and the compartment stays shut.
    await page.getByRole('button', { name: `Quét giấy hẹn ${inLocker!.code}` }).tap();
    await page.getByText('Đã trả kết quả').waitFor();
    await page.getByRole('button', { name: 'Xong' }).tap();
    await home();
  });

  it('a keyboard-wedge scan on the home screen, then a compartment that does not answer: a ticket for the result counter', async () => {
    await page.keyboard.type(secondInLocker!.code, { delay: 4 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Nhập mã nhận kết quả' }).waitFor();

    agent.simulators.locker!.setSilent(0, true);
    try {
      await typeOnKeypad('Bàn phím số', secondInLocker!.locker!.pickupCode);
      await page.getByRole('button', { name: 'Mở tủ' }).tap();
      await page.getByRole('heading', { name: 'Ngăn tủ chưa mở được' }).waitFor({ timeout: 10_000 });
    } finally {
      agent.simulators.locker!.setSilent(0, false);
    }
    await screenshot(page, '26-pickup-locker-failed');
    await page.getByRole('button', { name: /Lấy số đến quầy trả kết quả/ }).tap();
    await page.getByRole('heading', { name: 'Bạn thuộc đối tượng ưu tiên?' }).waitFor();
    await page.getByRole('button', { name: /^Không/ }).tap();
    const number = page.getByLabel(/Số thứ tự của bạn là/);
    await number.waitFor();
    expect(await number.textContent()).toMatch(/^C\d{3}$/);
    await screenshot(page, '27-pickup-result-counter-ticket');
  });
});
