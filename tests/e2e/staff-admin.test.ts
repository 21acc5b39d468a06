/**
 * The supervisor's accounts page in real Chromium against the demo agent: an officer is told the page is for
 * supervisors; the supervisor signs in, adds an officer (a mistyped confirmation is caught first), the new officer
 * signs in at counter 2, the supervisor disables the account (after a confirmation) and the officer's console
 * shows the sign-in form again within seconds, told the session has ended. The page passes axe-core's WCAG 2.2
 * A/AA audit at a desk PC's 1280×800 (a table) and on a tablet (a card per account). Screenshots go to
 * test-artifacts/e2e/ and ADMIN_SHOTS_DIR (when set) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../kiosk-agent/src/config/demo-config';
import { tempDir } from '../support/temp-dir';
import { axeFindings } from './axe';
import { releaseChromium, screenshot, sharedChromium } from './browser';

const SHOTS = process.env.ADMIN_SHOTS_DIR;

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.keyboard.press('Enter');
}

describe('supervisor accounts page in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let admin: Page;
  let counter: Page;
  const [officer, supervisor] = DEMO_ACCOUNTS;

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
    admin = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' })).newPage();
    counter = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('an officer is told the page is for supervisors; the supervisor sees every account', async () => {
    await admin.goto(`${agent.url}/admin/staff`);
    await admin.getByRole('heading', { name: 'Đăng nhập quản lý tài khoản' }).waitFor();
    await signIn(admin, officer.username, DEMO_PASSWORD);
    await admin.getByRole('alert').filter({ hasText: 'không phải tài khoản cán bộ giám sát' }).waitFor();
    await admin.getByRole('button', { name: 'Đăng nhập bằng tài khoản khác' }).click();
    await signIn(admin, supervisor.username, DEMO_PASSWORD);
    await admin.getByRole('heading', { name: 'Quản lý tài khoản cán bộ' }).waitFor();
    expect(await admin.getByTestId('admin-me').textContent()).toBe(`Đang đăng nhập: ${supervisor.name}`);
    const row = admin.locator(`tr[data-account="${officer.username}"]`);
    expect(await row.getByRole('cell').allTextContents()).toEqual([`${officer.username} `, officer.name, 'Cán bộ', 'Đang hoạt động', 'Không', 'Vô hiệu hóaĐặt lại mật khẩu']);
    // The supervisor's own row has no buttons: they cannot lock themselves out here.
    expect(await admin.locator(`tr[data-account="${supervisor.username}"]`).getByRole('button').count()).toBe(0);
    await shot(admin, '40-admin-accounts');
    expect(await axeFindings(admin, 'admin/accounts')).toEqual([]);
  });

  it('adds an officer: a mistyped confirmation is caught, then the account is in the list', async () => {
    await admin.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Thêm tài khoản cán bộ' });
    await dialog.getByLabel('Tên đăng nhập').fill('canbo2');
    await dialog.getByLabel('Họ và tên').fill('Lê Văn Hùng');
    await dialog.getByLabel('Vai trò').selectOption('officer');
    await dialog.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cua-hung');
    await dialog.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cua-hug');
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Hai lần nhập mật khẩu không khớp.' }).waitFor();
    await shot(admin, '41-admin-add-mismatch');
    expect(await axeFindings(admin, 'admin/add')).toEqual([]);
    await dialog.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cua-hung');
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await admin.getByTestId('admin-feedback').filter({ hasText: 'Đã thêm tài khoản canbo2.' }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await admin.locator('tr[data-account="canbo2"]').getByRole('cell').nth(1).textContent()).toBe('Lê Văn Hùng');
  });

  it("the new officer signs in at counter 2; disabled by the supervisor, the officer's console shows the sign-in form again", async () => {
    await counter.goto(`${agent.url}/counter/2`);
    await signIn(counter, 'canbo2', 'mat-khau-cua-hung');
    await counter.getByRole('heading', { name: 'Quầy số 2 – bàn gọi số' }).waitFor();
    expect(await counter.getByTestId('console-officer').textContent()).toBe('Cán bộ: Lê Văn Hùng');
    // The console's socket has told the agent who it is (the admin page has no socket).
    await expect.poll(() => agent.sockets.counts().byAudience.staff).toBe(1);

    await admin.getByRole('button', { name: 'Tải lại danh sách' }).click();
    const row = admin.locator('tr[data-account="canbo2"]');
    await expect.poll(() => row.getByTestId('signed-in-at').textContent()).toBe('Quầy 2');
    await row.getByRole('button', { name: 'Vô hiệu hóa tài khoản canbo2' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Vô hiệu hóa tài khoản của Lê Văn Hùng?' });
    await confirm.getByText('Cán bộ sẽ bị đăng xuất ngay trên mọi máy').waitFor();
    await shot(admin, '42-admin-confirm-disable');
    expect(await axeFindings(admin, 'admin/confirm')).toEqual([]);
    const disabledAt = Date.now();
    await confirm.getByRole('button', { name: 'Vô hiệu hóa' }).click();
    await admin.getByTestId('admin-feedback').filter({ hasText: 'Đã vô hiệu hóa tài khoản canbo2. Đã đăng xuất 1 phiên đang mở.' }).waitFor();
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toBe('Đã vô hiệu hóa');
    expect(await row.getByTestId('signed-in-at').textContent()).toBe('Không');
    await shot(admin, '43-admin-disabled');

    // The console did not wait for its next request: the agent's event signed it out.
    await counter.getByRole('alert').filter({ hasText: 'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.' }).waitFor({ timeout: 5_000 });
    await counter.getByLabel('Tên đăng nhập').waitFor();
    console.info(`console showed the sign-in form ${Date.now() - disabledAt} ms after the supervisor confirmed`);
    await screenshot(counter, '44-counter-signed-out');
    // And the disabled officer cannot sign in again.
    await signIn(counter, 'canbo2', 'mat-khau-cua-hung');
    await counter.getByRole('alert').filter({ hasText: 'Tài khoản này đã bị vô hiệu hóa.' }).waitFor();
  });

  it('fits a tablet: a card per account, nothing wider than the screen; axe finds nothing', async () => {
    const tablet = await (await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, locale: 'vi-VN' })).newPage();
    await tablet.goto(`${agent.url}/admin/staff`);
    await signIn(tablet, supervisor.username, DEMO_PASSWORD);
    await tablet.getByRole('heading', { name: 'Quản lý tài khoản cán bộ' }).waitFor();
    expect(await tablet.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await shot(tablet, '45-admin-tablet');
    expect(await tablet.locator('thead').isVisible()).toBe(false); // cards, not a table's rows
    expect(await axeFindings(tablet, 'admin/tablet')).toEqual([]);
    await tablet.getByRole('button', { name: 'Đặt lại mật khẩu tài khoản canbo1' }).tap();
    await tablet.getByRole('dialog', { name: `Đặt lại mật khẩu cho ${officer.name}` }).waitFor();
    await shot(tablet, '46-admin-tablet-password');
    expect(await axeFindings(tablet, 'admin/tablet-password')).toEqual([]);
  });
});
