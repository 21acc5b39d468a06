/**
 * The officers' fees page (/payments) in real Chromium against an agent with payments configured (`npm run build:ui`
 * first): an officer signs in, finds a dossier by its code, sees its procedure, fees and what is due, records the
 * cash (prefilled with what is due, confirmed) and sees it paid and who recorded it; then places a bank transfer
 * whose content named no dossier (posted by the "bank" as a signed webhook) on the dossier it was meant for, and the
 * row leaves the list. The agent confirms both. A supervisor downloads the fees CSV, which counts both. axe-core's
 * WCAG 2.2 A/AA audit on the page and on the assignment dialog. Screenshots go to test-artifacts/e2e/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { DossierFees } from '../../shared/payment-schemas';
import { agentTest } from '../support/agent-fixture';
import { PAYMENTS, webhook } from '../support/bank-webhook';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { OFFICER_PASSWORD } from '../support/officers';
import { axeFindings } from './axe';
import { releaseChromium, screenshot, sharedChromium } from './browser';

const it = agentTest({ uiDir: () => join(process.cwd(), 'dist/ui'), config: () => ({ payments: PAYMENTS }) });

const CASH = '000.00.15.H29-261120-0041';
const TRANSFER = '000.00.15.H29-261120-0042';
const PROCEDURE = 'Chứng thực bản sao từ bản chính';
/** The citizen typed the content by hand: nothing the webhook can match to a dossier. */
const UNMATCHED = { reference: 'MBVCB.3301.nop phi chung thuc cho me', amount: 30_000, transactionId: 'FT26326777', paidAt: new Date().toISOString() };

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(OFFICER_PASSWORD);
  await page.keyboard.press('Enter');
}

describe('the officers’ fees page in a real browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await sharedChromium();
    // A counter PC in the centre: its calendar is the centre's (the CSV's first period is this month on it).
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true })).newPage();
  });
  afterAll(() => releaseChromium(browser));

  it('an officer takes cash for a dossier and places an unmatched transfer; a supervisor downloads the fees CSV', async ({ agent }) => {
    const url = agent.url;
    await agent.staff.add({ username: 'thungan', name: 'Nguyễn Thị Lan', role: 'officer', password: OFFICER_PASSWORD });
    await agent.staff.add({ username: 'giamsat', name: 'Trần Văn Giám', role: 'supervisor', password: OFFICER_PASSWORD });
    const fees = [{ name: 'Lệ phí chứng thực', amount: 30_000 }, { name: 'Phí sao y', amount: 20_000 }];
    for (const code of [CASH, TRANSFER]) {
      const made = await postJson(`${url}/api/dossiers`, { code, procedure: PROCEDURE, applicantName: 'Lê Thị Hoa', dueDate: '2026-12-05', status: 'ready', fees: code === CASH ? fees : [fees[0]] }, STAFF);
      expect(made.status).toBe(200);
    }
    expect((await webhook(agent, UNMATCHED)).body.error.code).toBe('PAYMENT_REFERENCE_UNKNOWN');

    await page.goto(`${url}/payments`);
    await page.getByRole('heading', { name: 'Đăng nhập thu phí, lệ phí' }).waitFor();
    await signIn(page, 'thungan');
    await page.getByRole('heading', { name: 'Thu phí, lệ phí', exact: true }).waitFor();
    expect(await page.getByTestId('fees-officer').textContent()).toBe('Cán bộ: Nguyễn Thị Lan');
    // The other staff pages are a link away (ui/staff-nav.tsx); this one is not listed on itself.
    const nav = page.getByRole('navigation', { name: 'Các trang cán bộ' });
    expect(await nav.getByRole('link', { name: 'Thống kê' }).getAttribute('href')).toBe('/stats');
    expect(await nav.getByRole('link', { name: 'Thu phí, lệ phí' }).count()).toBe(0);
    // The report is a supervisor's: an officer is not offered it.
    expect(await page.getByRole('heading', { name: /Báo cáo phí, lệ phí/ }).count()).toBe(0);

    // Cash: the dossier's procedure, fees and what is due; the amount received is what is due at first.
    await page.getByLabel('Mã hồ sơ').fill(CASH);
    await page.getByRole('button', { name: 'Tìm hồ sơ' }).click();
    const dossier = page.getByTestId('cash-dossier');
    await dossier.waitFor();
    expect(await dossier.textContent()).toContain(PROCEDURE);
    expect(await dossier.getByRole('row', { name: /Phí sao y/ }).getByRole('cell').allTextContents()).toEqual(['Phí sao y', '20.000 đ']);
    expect(await page.getByTestId('cash-due').textContent()).toBe('50.000 đ');
    expect(await page.getByLabel('Số tiền nhận (đồng)').inputValue()).toBe('50000');
    await screenshot(page, '60-payments-dossier');
    expect(await axeFindings(page, 'payments')).toEqual([]);
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText(`Đã nhận 50.000 đ tiền mặt cho hồ sơ ${CASH}?`).waitFor();
    await page.getByRole('button', { name: 'Xác nhận đã thu' }).click();
    expect(await page.getByTestId('cash-recorded').textContent()).toBe('Đã ghi nhận 50.000 đ tiền mặt. Người ghi nhận: Nguyễn Thị Lan.');
    expect(await page.getByTestId('cash-due').textContent()).toBe('Đã nộp đủ.');
    expect(await page.getByTestId('cash-paid').textContent()).toBe('50.000 đ');
    const paid = await getJson<DossierFees>(`${url}/api/dossiers/${encodeURIComponent(CASH)}/payment`, STAFF);
    expect(paid.body).toMatchObject({ paid: 50_000, due: 0 });

    // The unmatched transfer, its content as the bank passed it on; placed on the dossier it was meant for.
    const row = page.getByTestId('transfers').locator(`tr[data-transaction="${UNMATCHED.transactionId}"]`);
    expect(await row.textContent()).toContain(UNMATCHED.reference);
    await page.getByRole('button', { name: `Gán cho hồ sơ: khoản 30.000 đ, giao dịch ${UNMATCHED.transactionId}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Gán chuyển khoản cho hồ sơ' });
    await dialog.getByLabel('Mã hồ sơ').fill(TRANSFER);
    expect(await axeFindings(page, 'payments/assign')).toEqual([]);
    await screenshot(page, '61-payments-assign');
    await dialog.getByRole('button', { name: 'Xác nhận gán' }).click();
    await page.getByTestId('transfers-feedback').getByText(`Đã gán 30.000 đ cho hồ sơ ${TRANSFER}.`).waitFor();
    await page.getByText('Không có khoản chuyển khoản nào chưa khớp.').waitFor();
    expect(await row.count()).toBe(0);
    expect((await getJson<unknown[]>(`${url}/api/payments/unmatched`, STAFF)).body).toEqual([]);
    expect((await getJson<DossierFees>(`${url}/api/dossiers/${encodeURIComponent(TRANSFER)}/payment`, STAFF)).body).toMatchObject({ paid: 30_000, due: 0 });
    await screenshot(page, '62-payments-done');

    // A supervisor: the fees CSV of this month so far counts the cash and the transfer.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn(page, 'giamsat');
    await page.getByRole('heading', { name: 'Báo cáo phí, lệ phí (giám sát)' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp CSV (Excel)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.trim().split('\r\n').at(-1)).toBe('Tổng cộng,,2,30000,50000,80000');
    await page.getByTestId('report-feedback').getByText('Đã tải tệp CSV.').waitFor();
    expect(await axeFindings(page, 'payments/supervisor')).toEqual([]);
  });
});
