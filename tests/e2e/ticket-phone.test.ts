/**
 * "Nhận tin nhắn khi sắp đến lượt" in real Chromium against a real agent (the built UI): a citizen takes a ticket
 * at the kiosk, types a phone number on the on-screen keypad and sees it masked but its last three digits, sends it,
 * sees the confirmation; the agent has it: the "near" message goes at once (nobody ahead) and a call of the ticket
 * sends the "called" one to the fake SMS gateway. On a phone, /track/:id offers the same with a normal input.
 * Screenshots (the kiosk at 1080×1920) go to /work/phone-shots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { FakeGateway } from '../support/fake-gateway';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { waitUntil } from '../support/socat';
import { releaseChromium, sharedChromium } from './browser';

const SHOTS = '/work/phone-shots';
const PHONE = '0912345678';
const gateway = new FakeGateway();
const it = agentTest({
  uiDir: () => join(process.cwd(), 'dist/ui'),
  config: () => ({ notifier: { driver: 'webhook', url: gateway.url }, outbox: { pollMs: 50, minBackoffMs: 50 } }),
});

describe('a phone for the messages before the turn, in a real browser', () => {
  let browser: Browser;
  let page: Page;
  const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`) });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await gateway.start();
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await gateway.stop();
  });

  it('kiosk: keypad, masked number, Gửi, confirmation; the messages reach the gateway once each', async ({ agent }) => {
    const context = await browser.newContext({ hasTouch: true, viewport: { width: 1080, height: 1920 }, locale: 'vi-VN' });
    page = await context.newPage();
    await page.goto(agent.url);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await page.getByRole('button', { name: /Lấy số thứ tự/ }).tap();
    await page.getByRole('button', { name: /Tư pháp – Hộ tịch/ }).tap();
    await page.getByRole('button', { name: /^Không/ }).tap();
    const number = (await page.getByLabel(/Số thứ tự của bạn là/).textContent())!;
    expect(number).toMatch(/^A\d{3}$/);

    await page.getByRole('button', { name: /Nhận tin nhắn khi sắp đến lượt/ }).tap();
    await page.getByRole('heading', { name: 'Nhận tin nhắn khi sắp đến lượt' }).waitFor();
    // What it is for, and that it does not stay.
    await page.getByText('Chúng tôi gửi 2 tin nhắn SMS/Zalo đến số này').waitFor();
    await page.getByText('được xoá sau một ngày', { exact: false }).waitFor();
    const keypad = page.getByRole('group', { name: 'Bàn phím số điện thoại' });
    for (const digit of '09123') await keypad.getByRole('button', { name: digit, exact: true }).tap();
    expect(await page.getByTestId('phone-masked').textContent()).toBe('••12 3');
    for (const digit of '45678') await keypad.getByRole('button', { name: digit, exact: true }).tap();
    expect(await page.getByTestId('phone-masked').textContent()).toBe('•••• ••• 678');
    expect(await page.locator('body').textContent()).not.toContain('0912');
    await shot(page, 'kiosk-phone-step');

    await page.getByRole('button', { name: 'Gửi' }).tap();
    await page.getByRole('heading', { name: 'Đã đăng ký nhận tin nhắn' }).waitFor();
    await page.getByText('Tin nhắn sẽ được gửi đến số •••• ••• 678').waitFor();
    await shot(page, 'kiosk-phone-sent');

    // Nobody ahead: "near" at once; then the call.
    await waitUntil(() => gateway.received.length === 1, 5000, 'the near message');
    expect(gateway.received[0]).toMatchObject({ to: PHONE, reference: number });
    await postJson(`${agent.url}/api/counters/1/call-next`, {}, STAFF);
    await waitUntil(() => gateway.received.length === 2, 5000, 'the called message');
    expect(gateway.received[1]).toMatchObject({ to: PHONE, reference: number });
    expect(gateway.received[1]!.text).toContain(`Mời số ${number} đến Quầy số 1`);

    // "Xong" home.
    await page.getByRole('button', { name: 'Xong' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
    await context.close();
  });

  it('phone: /track/:id leaves a phone with a normal input and keeps following the ticket', async ({ agent }) => {
    const before = gateway.received.length;
    const issue = () => postJson<{ id: string; number: string }>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    for (let i = 0; i < 4; i++) await issue();
    const mine = (await issue()).body; // 4 ahead: no message yet
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    const phone = await context.newPage();
    await phone.goto(`${agent.url}/track/${mine.id}`);
    await phone.getByTestId('track-number').filter({ hasText: mine.number }).waitFor();
    const input = phone.getByLabel('Số điện thoại di động');
    expect(await input.getAttribute('type')).toBe('tel');
    await input.fill('0987 654 321');
    await phone.getByRole('button', { name: 'Gửi' }).tap();
    await phone.getByText('Tin nhắn sẽ được gửi đến số •••• ••• 321').waitFor();
    await shot(phone, 'track-phone-left');
    expect(await phone.locator('body').textContent()).not.toContain('0987');

    // Still following: a call moves the position on the open page; at 3 ahead the near message goes.
    await postJson(`${agent.url}/api/counters/1/call-next`, {}, STAFF);
    await phone.getByTestId('track-ahead').filter({ hasText: 'Còn 3 người trước bạn' }).waitFor();
    await waitUntil(() => gateway.received.length === before + 1, 5000, 'the near message');
    expect(gateway.received.at(-1)).toMatchObject({ to: '0987654321', reference: mine.number });
    expect((await getJson<{ status: string }>(`${agent.url}/api/tickets/${mine.id}`)).body.status).toBe('waiting');
    await context.close();
  });
});
