/**
 * The staff and lobby side in real Chromium against a real demo agent: a citizen takes a ticket at the kiosk, the
 * officer at counter 1 signs in and calls it with the keyboard, the lobby display shows it within a second and
 * queues its Vietnamese announcement, the citizen's phone page says where to go; then the agent is killed and
 * restarted under the display, which says it is reconnecting and catches up. Screenshots go to test-artifacts/e2e/.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STAFF_TOKEN } from '../../kiosk-agent/src/config/demo-config';
import { tempDir } from '../support/temp-dir';
import { launchChromium, screenshot } from './browser';

describe('counter console, lobby display and tracking in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let kiosk: Page;
  let counter: Page;
  let display: Page;
  let ticketNumber = '';

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    // A lobby TV runs its browser with this policy so calls are heard without anyone touching the screen.
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    kiosk = await (await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 }, locale: 'vi-VN' })).newPage();
    counter = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
    display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    dir.cleanup();
  });

  it('kiosk ticket → counter calls it by keyboard → display shows it within 1 s and queues the announcement', async () => {
    await display.goto(`${agent.url}/display`);
    await display.getByRole('heading', { name: 'Mời công dân đến quầy' }).waitFor();
    await display.getByText('Chưa có số nào được gọi.').waitFor();

    // The citizen, by touch at the kiosk.
    await kiosk.goto(agent.url);
    await kiosk.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await kiosk.getByRole('button', { name: /Lấy số thứ tự/ }).tap();
    await kiosk.getByRole('button', { name: /Tư pháp – Hộ tịch/ }).tap();
    await kiosk.getByRole('button', { name: /^Không/ }).tap();
    ticketNumber = (await kiosk.getByLabel(/Số thứ tự của bạn là/).textContent())!;
    expect(ticketNumber).toMatch(/^A\d{3}$/);

    // The officer signs in as herself: a wrong password is refused in Vietnamese with the attempts left, the right
    // one opens the console with her name on it.
    await counter.goto(`${agent.url}/counter/1`);
    await counter.getByLabel('Tên đăng nhập').fill(DEMO_ACCOUNTS[0].username);
    await counter.getByLabel('Mật khẩu').fill('not-the-password');
    await counter.keyboard.press('Enter');
    await counter.getByRole('alert').filter({ hasText: 'Còn 4 lần thử' }).waitFor();
    await screenshot(counter, '20-counter-sign-in');
    await counter.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await counter.keyboard.press('Enter');
    await counter.getByRole('heading', { name: 'Quầy số 1 – bàn gọi số' }).waitFor();
    expect(await counter.getByTestId('console-officer').textContent()).toBe(`Cán bộ: ${DEMO_ACCOUNTS[0].name}`);
    // The fees desk from the console opens in a new tab: the console keeps following its counter's calls.
    const fees = counter.getByRole('navigation', { name: 'Các trang cán bộ' }).getByRole('link', { name: /Thu phí, lệ phí/ });
    expect([await fees.getAttribute('href'), await fees.getAttribute('target')]).toEqual(['/payments', '_blank']);
    await expect.poll(() => counter.getByTestId('waiting-tu-phap').textContent()).toBe('1 người');

    // N = call next. The display must show it within a second of the officer's key press.
    const pressedAt = Date.now();
    await counter.keyboard.press('n');
    const tile = display.getByTestId('current-call').filter({ hasText: ticketNumber });
    await tile.waitFor({ timeout: 1_000 });
    const shownAfterMs = Date.now() - pressedAt;
    expect(await tile.textContent()).toContain('Quầy số 1');
    await expect.poll(() => counter.getByTestId('current-number').textContent()).toBe(ticketNumber);
    await counter.getByText(`Đã gọi số ${ticketNumber}.`).waitFor();

    // The announcement is queued and spoken with a Vietnamese voice (speech synthesis or the espeak-ng clips).
    const status = display.locator('.lobby__status');
    await display.getByTestId('announcing').filter({ hasText: `Mời công dân có số ${ticketNumber} đến Quầy số 1` }).waitFor();
    expect(['speech', 'clips']).toContain(await status.getAttribute('data-voice'));
    await screenshot(display, '21-display-calling');
    await screenshot(counter, '22-counter-called');
    console.info(`display showed ${ticketNumber} ${shownAfterMs} ms after the key press`);

    // R = recall: announced again (queued behind the first, or spoken at once if the first has finished).
    await counter.keyboard.press('r');
    await counter.getByText(`Đã gọi lại số ${ticketNumber}.`).waitFor();
    await expect
      .poll(async () => Number(await status.getAttribute('data-queued')) + (await display.getByTestId('announcing').count()), { timeout: 20_000 })
      .toBeGreaterThan(0);
  });

  it('the ticket QR page on a phone says where to go, and follows start and finish live', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'vi-VN' })).newPage();
    await phone.goto(`${agent.url}/track/${await idOf(ticketNumber)}`);
    await expect.poll(() => phone.getByTestId('track-status').textContent()).toBe('Mời bạn đến Quầy số 1');
    await screenshot(phone, '23-track-called');
    await counter.keyboard.press('b');
    await expect.poll(() => phone.getByTestId('track-status').textContent()).toBe('Đang được phục vụ tại Quầy số 1');
    await counter.keyboard.press('h');
    await expect.poll(() => phone.getByTestId('track-status').textContent()).toBe('Đã phục vụ xong. Cảm ơn bạn!');
    await phone.goto(`${agent.url}/track/khong-co-so-nay`);
    await phone.getByRole('alert').filter({ hasText: 'Không tìm thấy số thứ tự này' }).waitFor();
  });

  it("the day's statistics in the same tab (still signed in), and their CSV for Excel", async () => {
    await counter.goto(`${agent.url}/stats`);
    await counter.getByRole('heading', { name: 'Thống kê lấy số và phục vụ' }).waitFor();
    const row = counter.getByRole('row').filter({ hasText: 'Tư pháp – Hộ tịch' });
    await row.waitFor();
    // day, service, issued 1, served 1, no-shows 0
    expect((await row.getByRole('cell').allTextContents()).slice(2, 5)).toEqual(['1', '1', '0']);
    await counter.getByRole('row').filter({ hasText: 'Quầy số 1' }).waitFor();
    await screenshot(counter, '26-stats');
    const [download] = await Promise.all([counter.waitForEvent('download'), counter.getByRole('button', { name: 'Tải tệp CSV (Excel)' }).click()]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Lĩnh vực');
    expect(download.suggestedFilename()).toMatch(/^thong-ke-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('a killed agent: the display says it is reconnecting, then catches up without a refresh', async () => {
    const port = agent.port;
    await agent.stop();
    await display.getByRole('alert').filter({ hasText: 'Mất kết nối – đang kết nối lại…' }).waitFor({ timeout: 10_000 });
    await screenshot(display, '24-display-reconnecting');

    agent = await startKioskAgent({ port, dataDir: dir.path, logLevel: 'silent' });
    const issued = await post('/api/tickets', { serviceId: 'tu-phap' });
    const called = await post('/api/counters/1/call-next', {}, DEMO_STAFF_TOKEN);
    expect(called.ticket.number).toBe(issued.number);

    await display.getByTestId('current-call').filter({ hasText: issued.number }).waitFor({ timeout: 15_000 });
    await expect.poll(() => display.getByRole('alert').filter({ hasText: 'đang kết nối lại' }).count(), { timeout: 15_000 }).toBe(0);
    await screenshot(display, '25-display-caught-up');
  });

  async function post(path: string, body: object, token?: string) {
    const res = await fetch(`${agent.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    expect(res.ok, `${path}: HTTP ${res.status}`).toBe(true);
    return (await res.json()) as { number: string; ticket: { number: string } };
  }

  async function idOf(number: string): Promise<string> {
    const res = await fetch(`${agent.url}/api/display`);
    const snapshot = (await res.json()) as { calls: { ticketId: string; number: string }[] };
    return snapshot.calls.find((c) => c.number === number)!.ticketId;
  }
});
