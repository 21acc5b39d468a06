/**
 * The demo shows fees by VietQR end to end in real Chromium, as a visitor of `npm start` would: the demo panel's
 * sample slip owing a fee is "scanned", the kiosk shows the amount and the VietQR, the panel's simulated bank
 * confirms the transfer (a signed webhook to the agent), and the kiosk goes on by itself to the pickup code and the
 * open door. Screenshots go to test-artifacts/e2e/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { DEMO_DOSSIERS, demoFeeTotal } from '../../shared/demo-dossiers';
import { tempDir } from '../support/temp-dir';
import { releaseChromium, screenshot, sharedChromium } from './browser';

const FEE_DOSSIER = DEMO_DOSSIERS.find((d) => d.fees?.length)!;
const AMOUNT = `${demoFeeTotal(FEE_DOSSIER).toLocaleString('vi-VN')} đồng`;

describe('the demo’s fee dossier, paid by the simulated bank, in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
    page = await (await browser.newContext({ hasTouch: true, viewport: { width: 1440, height: 900 }, locale: 'vi-VN' })).newPage();
    await page.goto(agent.url);
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('sample slip → VietQR with the amount → "Mô phỏng ngân hàng báo đã nhận tiền" → pickup code → open door', async () => {
    const slip = page.getByRole('button', { name: `Quét giấy hẹn ${FEE_DOSSIER.code}` });
    await slip.waitFor();
    // The panel says what this slip is before anyone scans it.
    await page.getByText(`Kết quả trong tủ · chưa nộp phí ${AMOUNT} · mã nhận ${FEE_DOSSIER.locker!.pickupCode}`).waitFor();
    await slip.tap();

    await page.getByRole('heading', { name: 'Nộp phí, lệ phí' }).waitFor();
    await page.getByText(AMOUNT, { exact: true }).first().waitFor();
    await page.getByRole('img', { name: `Mã VietQR để chuyển khoản ${AMOUNT}` }).waitFor();
    await page.getByText('Ngân hàng mô phỏng (demo)').waitFor();
    await screenshot(page, '63-demo-fee-vietqr');

    await page.getByRole('button', { name: 'Mô phỏng ngân hàng báo đã nhận tiền' }).tap();
    await page.getByRole('heading', { name: 'Nhập mã nhận kết quả' }).waitFor();
    await page.getByRole('status').filter({ hasText: `Ngân hàng đã báo nhận ${AMOUNT} cho hồ sơ ${FEE_DOSSIER.code}.` }).waitFor();

    // A second press pays nothing more, and says so.
    await page.getByRole('button', { name: 'Mô phỏng ngân hàng báo đã nhận tiền' }).tap();
    await page.getByRole('status').filter({ hasText: `Hồ sơ ${FEE_DOSSIER.code} không còn phí phải nộp` }).waitFor();

    const digits = page.getByRole('group', { name: 'Bàn phím số' });
    for (const d of FEE_DOSSIER.locker!.pickupCode) await digits.getByRole('button', { name: d, exact: true }).tap();
    await page.getByRole('button', { name: 'Mở tủ' }).tap();
    await page.getByRole('heading', { name: `Ngăn số ${FEE_DOSSIER.locker!.lock} đã mở` }).waitFor();
    expect(agent.simulators.locker!.isOpen(0, FEE_DOSSIER.locker!.lock)).toBe(true);
    await screenshot(page, '64-demo-fee-door-open');
  });
});
