/**
 * The service-quality report in real Chromium against the demo agent (`npm run build:ui` first): an officer is told
 * the page is for supervisors; the supervisor sees the month's figures per officer and opens one officer's month as
 * an A4 print view with the centre, the officer and the lines for signatures, its controls hidden in print. Both
 * pages pass axe-core's WCAG 2.2 A/AA audit.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../kiosk-agent/src/config/demo-config';
import { postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { axeFindings } from './axe';
import { releaseChromium, screenshot, sharedChromium } from './browser';

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.keyboard.press('Enter');
}

describe('service-quality report in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let page: Page;
  const [officer, supervisor] = DEMO_ACCOUNTS;

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' })).newPage();
    // The demo officer serves one citizen at counter 1.
    const session = await postJson<{ token: string }>(`${agent.url}/api/staff/session`, { username: officer.username, password: DEMO_PASSWORD });
    const auth = { authorization: `Bearer ${session.body.token}` };
    const services = (await (await fetch(`${agent.url}/api/services`)).json()) as { id: string }[];
    const counter = ((await (await fetch(`${agent.url}/api/counters`, { headers: auth })).json()) as { id: string; services: string[] }[])[0]!;
    expect((await postJson(`${agent.url}/api/tickets`, { serviceId: counter.services[0] ?? services[0]!.id })).status).toBe(201);
    expect((await postJson(`${agent.url}/api/counters/${counter.id}/call-next`, {}, auth)).status).toBe(200);
    expect((await postJson(`${agent.url}/api/counters/${counter.id}/finish`, {}, auth)).status).toBe(200);
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('an officer is refused; the supervisor reads the month per officer, per service and for the centre', async () => {
    await page.goto(`${agent.url}/reports/service-quality`);
    await page.getByRole('heading', { name: 'Đăng nhập xem báo cáo chất lượng phục vụ' }).waitFor();
    await signIn(page, officer.username, DEMO_PASSWORD);
    await page.getByRole('alert').filter({ hasText: 'chỉ dành cho cán bộ giám sát' }).waitFor();
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản khác' }).click();
    await signIn(page, supervisor.username, DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Báo cáo chất lượng phục vụ' }).waitFor();

    const row = page.getByRole('region', { name: 'Theo cán bộ' }).getByRole('row', { name: new RegExp(officer.name) });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    // Served 1, no no-shows, no ratings yet: satisfaction "–".
    expect(cells.slice(0, 2)).toEqual(['1', '0']);
    expect(cells[6]).toBe('–');
    const centre = await page.getByRole('region', { name: 'Toàn trung tâm' }).getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(centre.slice(0, 2)).toEqual(['1', '0']);
    await screenshot(page, '50-service-quality');
    expect(await axeFindings(page, 'reports/service-quality')).toEqual([]);
  });

  it('one officer’s month prints on A4 with the centre, the officer and the signatures; controls hidden in print', async () => {
    const month = (await page.locator('input[type="month"]').inputValue()) as string;
    await page.getByRole('link', { name: new RegExp(`In báo cáo tháng ${month} của ${officer.name}`) }).click();
    await page.getByRole('heading', { name: 'BÁO CÁO CHẤT LƯỢNG PHỤC VỤ CỦA CÁN BỘ' }).waitFor();
    const [year, m] = month.split('-').map(Number) as [number, number];
    const sheet = page.locator('article');
    expect(await sheet.textContent()).toContain(`Tháng ${m} năm ${year}`);
    expect(await sheet.textContent()).toContain(`Cán bộ: ${officer.name}`);
    expect(await page.getByRole('row', { name: /Đã phục vụ/ }).getByRole('cell').textContent()).toBe('1');
    for (const who of ['Người lập biểu', 'Lãnh đạo']) expect(await sheet.getByText(who, { exact: true }).isVisible()).toBe(true);
    expect(await axeFindings(page, 'reports/service-quality/print')).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'In báo cáo' }).isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await screenshot(page, '51-service-quality-print');
    await page.emulateMedia({ media: 'screen' });
  });
});
