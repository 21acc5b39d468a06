/**
 * Appointments in real Chromium against an agent on a fixed clock (the built UI): Wednesday 2 December 2026,
 * 09:00 in Hà Nội. A citizen books 09:30 on the phone page /book and sees the code; the appointment's page shows it
 * as a QR. At the kiosk, "Tôi đã đặt lịch hẹn" → the code typed on the keypad → the ticket with its booked time.
 * A second appointment is checked in by its QR held under the scanner (the simulated scanner's bytes) on the
 * attract screen. Screenshots (1080×1920; the phone at 390×844) go to /tmp/shots18/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { CATALOGUES } from '../../kiosk-ui/src/i18n/i18n';
import { clipFile } from '../../kiosk-ui/src/speech/guidance-clips';
import { releaseChromium, sharedChromium } from './browser';

const SHOTS = '/tmp/shots18';
const PORTRAIT = { width: 1080, height: 1920 };
const PHONE = { width: 390, height: 844 };
const now = Date.parse('2026-12-02T02:00:00Z'); // 09:00 in Hà Nội
const iso = (local: string): string => new Date(Date.parse(`${local}+07:00`)).toISOString();
const day: [string, string][] = [
  ['07:30', '11:30'],
  ['13:30', '17:00'],
];

const it = agentTest({
  clock: { now: () => now },
  uiDir: () => join(process.cwd(), 'dist/ui'),
  config: () => ({
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
    services: [
      { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice – Civil status' }, appointments: { slotMinutes: 30, perSlot: 2, daysAhead: 7 } },
      { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' } },
    ],
    counters: [{ id: '1', services: ['tu-phap', 'dat-dai'] }],
    scanner: { driver: 'simulated' },
  }),
});

/** Resolves when the kiosk fetches the espeak-ng clip of `sentence`: it is speaking that guidance. */
const spoken = (page: Page, sentence: string) => page.waitForRequest((r) => r.url().endsWith(`/voice/guide/${clipFile('vi', sentence)}`), { timeout: 5000 });

describe('appointments in a real browser', () => {
  let browser: Browser;
  const open = async (viewport: { width: number; height: number }, url: string): Promise<Page> => {
    const page = await (await browser.newContext({ viewport, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })).newPage();
    await page.clock.setFixedTime(now);
    await page.goto(url);
    return page;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await sharedChromium();
  });
  afterAll(() => releaseChromium(browser));

  it('booked on the phone, checked in at the kiosk by typing the code: a ticket with its booked time', async ({ agent }) => {
    const phone = await open(PHONE, `${agent.url}/book`);
    // The one bookable service is chosen already, and today: its free slots from now on.
    await phone.getByRole('button', { name: /09:30/ }).tap();
    await phone.getByLabel('Số điện thoại di động').fill('0912345678');
    await phone.getByRole('button', { name: 'Đặt lịch' }).tap();
    await phone.getByRole('heading', { name: 'Đã đặt lịch hẹn' }).waitFor();
    const code = (await phone.getByTestId('book-code').textContent())!.replace(/\s/g, '');
    expect(code).toMatch(/^\d{8}$/);
    await phone.screenshot({ path: join(SHOTS, 'book-done.png') });
    await phone.getByRole('link', { name: 'Mở trang mã QR' }).tap();
    await phone.getByRole('img', { name: /Mã QR lịch hẹn/ }).waitFor();
    expect((await phone.getByTestId('appointment-code').textContent())!.replace(/\s/g, '')).toBe(code);
    await phone.screenshot({ path: join(SHOTS, 'appointment-qr.png') });

    const kiosk = await open(PORTRAIT, agent.url);
    await kiosk.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await kiosk.getByRole('button', { name: /Tôi đã đặt lịch hẹn/ }).tap();
    await kiosk.getByRole('heading', { name: 'Nhận số theo lịch hẹn' }).waitFor();
    await kiosk.screenshot({ path: join(SHOTS, 'check-in-keypad.png') });
    const keypad = kiosk.getByRole('group', { name: 'Bàn phím nhập mã lịch hẹn' });
    for (const digit of code) await keypad.getByRole('button', { name: digit, exact: true }).tap();
    await expect.poll(() => kiosk.getByRole('status').first().textContent()).toContain(`${code.slice(0, 4)} ${code.slice(4)}`);
    await kiosk.getByRole('button', { name: 'Nhận số' }).tap();
    await kiosk.getByRole('heading', { name: 'Số của bạn' }).waitFor();
    await expect.poll(() => kiosk.locator('.ticket__number').textContent()).toBe('A001');
    expect(await kiosk.getByText('Giờ hẹn: 09:30').count()).toBe(1);
    await kiosk.screenshot({ path: join(SHOTS, 'check-in-ticket.png') });
    // The printed slip carries the booked time.
    const jobs = (await getJson<{ text: string }[]>(`${agent.url}/api/demo/printer/jobs`)).body;
    expect(jobs[0]!.text).toContain('Giờ hẹn: 09:30');
  });

  it('an appointment QR held under the scanner on the attract screen checks in by itself; a wrong code says so', async ({ agent }) => {
    const booked = await postJson<{ code: string }>(`${agent.url}/api/appointments`, { serviceId: 'dat-dai', start: iso('2026-12-02T09:20'), phone: '0987654321' }, STAFF);
    expect(booked.status).toBe(201);
    const kiosk = await open(PORTRAIT, agent.url);
    await kiosk.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).waitFor();
    expect((await postJson(`${agent.url}/api/demo/scanner/scan`, { code: `LH:${booked.body.code}` })).status).toBe(204);
    await kiosk.getByRole('heading', { name: 'Số của bạn' }).waitFor();
    await expect.poll(() => kiosk.locator('.ticket__number').textContent()).toBe('D001');
    expect(await kiosk.getByText('Giờ hẹn: 09:20').count()).toBe(1);
    await kiosk.getByRole('button', { name: 'Xong' }).tap();

    // At the counter the booked ticket is marked with its time.
    await agent.staff.add({ username: 'lan', name: 'Nguyễn Thị Lan', role: 'officer', password: 'mat-khau-cua-lan' });
    const counter = await open({ width: 1280, height: 800 }, `${agent.url}/counter/1`);
    await counter.getByLabel('Tên đăng nhập').fill('lan');
    await counter.getByLabel('Mật khẩu').fill('mat-khau-cua-lan');
    await counter.keyboard.press('Enter');
    await counter.getByRole('heading', { name: 'Quầy số 1 – bàn gọi số' }).waitFor();
    await counter.keyboard.press('n');
    await expect.poll(() => counter.getByTestId('current-number').textContent()).toBe('D001');
    expect(await counter.getByTestId('current-booked').textContent()).toBe('Đặt lịch hẹn 09:20');

    await kiosk.getByRole('button', { name: /Tôi đã đặt lịch hẹn/ }).tap();
    const keypad = kiosk.getByRole('group', { name: 'Bàn phím nhập mã lịch hẹn' });
    for (const digit of '00000000') await keypad.getByRole('button', { name: digit, exact: true }).tap();
    // Said too, for a visitor who cannot read the screen (the espeak-ng clip: this Chromium has no speech voice).
    const notFoundSpoken = spoken(kiosk, CATALOGUES.vi.guide.checkInNotFound);
    await kiosk.getByRole('button', { name: 'Nhận số' }).tap();
    await kiosk.getByRole('alert').filter({ hasText: 'Không tìm thấy lịch hẹn' }).waitFor();
    await notFoundSpoken;
    await kiosk.screenshot({ path: join(SHOTS, 'check-in-not-found.png') });
  });

  it('too early: the screen says when to come back, and the kiosk says so aloud', async ({ agent }) => {
    const booked = await postJson<{ code: string }>(`${agent.url}/api/appointments`, { serviceId: 'tu-phap', start: iso('2026-12-02T11:00'), phone: '0987654321' }, STAFF);
    expect(booked.status).toBe(201);
    const kiosk = await open(PORTRAIT, agent.url);
    await kiosk.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await kiosk.getByRole('button', { name: /Tôi đã đặt lịch hẹn/ }).tap();
    const keypad = kiosk.getByRole('group', { name: 'Bàn phím nhập mã lịch hẹn' });
    for (const digit of booked.body.code) await keypad.getByRole('button', { name: digit, exact: true }).tap();
    const tooEarlySpoken = spoken(kiosk, CATALOGUES.vi.guide.checkInTooEarly);
    await kiosk.getByRole('button', { name: 'Nhận số' }).tap();
    await kiosk.getByRole('heading', { name: 'Chưa đến giờ nhận số' }).waitFor();
    expect(await kiosk.getByText('Lịch hẹn của ông/bà lúc 11:00. Ki-ốt nhận lịch hẹn từ 10:30; mời ông/bà quay lại lúc đó.').count()).toBe(1);
    await tooEarlySpoken;
    // The replay button is there, as on every screen that speaks.
    await kiosk.getByRole('button', { name: CATALOGUES.vi.guide.replay }).waitFor();
    await kiosk.screenshot({ path: join(SHOTS, 'check-in-too-early.png') });
  });
});
