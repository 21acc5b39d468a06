/**
 * Paying a result's fees at the kiosk in real Chromium (issue 21): the slip typed on the keypad, the VietQR screen
 * with the amount and the centre's account, a short transfer (the rest shown), the full one posted by the "bank"
 * (a signed webhook from the test) — and the screen goes on by itself to the pickup code and the open door. axe on
 * the payment screen, in the default and the high-contrast mode. Screenshots go to test-artifacts/e2e/.
 */
import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { postJson } from '../support/http';
import { depositInLocker, STAFF, type Deposited } from '../support/lockers';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';
import { axeFindings } from './axe';
import { releaseChromium, screenshot, sharedChromium } from './browser';

const CODE = '000.00.15.H29-261120-0041';
const SECRET = 'bi-mat-webhook-ngan-hang-0123';

describe('paying the fees by VietQR in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let page: Page;
  let deposited: Deposited;

  const pay = (amount: number, transactionId: string) => {
    const raw = JSON.stringify({ reference: `CT HS0000015H292611200041 NOP PHI`, amount, transactionId, paidAt: new Date().toISOString() });
    return postJson(`${agent.url}/api/payments/webhook`, raw, { 'x-signature': createHmac('sha256', SECRET).update(raw).digest('hex') });
  };

  beforeAll(async () => {
    agent = await startKioskAgent({
      config: {
        ...testConfig(dir.path),
        locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 },
        payments: { bankBin: '970415', accountNumber: '113366668888', accountName: 'TRUNG TAM PHUC VU HCC XA CAT TIEN', webhookSecret: SECRET },
      },
      port: 0,
      dataDir: dir.path,
    });
    await postJson(`${agent.url}/api/dossiers`, { code: CODE, procedure: 'Chứng thực bản sao', applicantName: 'Lê Thị Hoa', dueDate: '2026-12-05', status: 'ready', fees: [{ name: 'Lệ phí chứng thực', amount: 50_000 }] }, STAFF);
    deposited = await depositInLocker(agent, CODE);
    browser = await sharedChromium();
    page = await (await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
    await page.goto(agent.url);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('this centre has imported no procedure catalogue: its home screen does not offer "Tra cứu thủ tục"', async () => {
    await page.getByRole('button', { name: /Nhận kết quả/ }).waitFor();
    expect(await page.getByRole('button', { name: /Tra cứu thủ tục/ }).count()).toBe(0);
  });

  it('the QR and the amount; a short transfer shows the rest; the full one opens the way to the door', async () => {
    await page.getByRole('button', { name: /Nhận kết quả/ }).tap();
    const keys = page.getByRole('group', { name: 'Bàn phím nhập mã hồ sơ' });
    for (const ch of CODE) await keys.getByRole('button', { name: ch, exact: true }).tap();
    await page.getByRole('button', { name: 'Tra cứu' }).tap();

    await page.getByRole('heading', { name: 'Nộp phí, lệ phí' }).waitFor();
    await page.getByText('Quét mã bằng ứng dụng ngân hàng').waitFor();
    await page.getByText('50.000 đồng', { exact: true }).waitFor();
    await page.getByText('VietinBank').waitFor();
    await page.getByText('TRUNG TAM PHUC VU HCC XA CAT TIEN').waitFor();
    const qr = page.getByRole('img', { name: 'Mã VietQR để chuyển khoản 50.000 đồng' });
    const box = (await qr.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(300); // a phone camera reads it from arm's length
    await screenshot(page, '60-fees-vietqr');
    expect(await axeFindings(page, 'pickup/payment')).toEqual([]);
    // In high contrast too (7:1): the words on the QR's white card, the part received (below) on black.
    await page.getByRole('button', { name: 'Tương phản cao' }).tap();
    expect(await axeFindings(page, 'pickup/payment contrast', { enhancedContrast: true })).toEqual([]);

    expect((await pay(20_000, 'FT-E2E-1')).status).toBe(200);
    await page.getByText('Đã nhận 20.000 đồng. Vui lòng nộp tiếp số tiền còn thiếu.').waitFor();
    await page.getByText('30.000 đồng', { exact: true }).waitFor();
    await page.getByRole('img', { name: 'Mã VietQR để chuyển khoản 30.000 đồng' }).waitFor();
    await screenshot(page, '61-fees-partly-paid');
    expect(await axeFindings(page, 'pickup/payment partly paid, contrast', { enhancedContrast: true })).toEqual([]);
    await page.getByRole('button', { name: 'Tương phản cao' }).tap();

    expect((await pay(30_000, 'FT-E2E-2')).status).toBe(200);
    await page.getByRole('heading', { name: 'Nhập mã nhận kết quả' }).waitFor();
    const digits = page.getByRole('group', { name: 'Bàn phím số' });
    for (const d of deposited.pickupCode) await digits.getByRole('button', { name: d, exact: true }).tap();
    await page.getByRole('button', { name: 'Mở tủ' }).tap();
    await page.getByRole('heading', { name: `Ngăn số ${deposited.lock} đã mở` }).waitFor();
    expect(agent.simulators.locker!.isOpen(deposited.board, deposited.lock)).toBe(true);
    await screenshot(page, '62-fees-paid-door-open');
  });
});
