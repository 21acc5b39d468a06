/**
 * Every kiosk screen fits, in real Chromium against an agent with twelve services (long Vietnamese names among
 * them), lockers, the demo dossiers, the demo's procedure catalogue with four more fields (fit/more-fields.ts: the
 * field list pages) and a result whose fees are part paid (fit/fees.ts: the VietQR screen): at 1080×1920
 * (portrait) and 1920×1080 (landscape), in every mode (default, large text, high contrast, reach, English), nothing
 * scrolls — not the document, not a box inside the screen — and every visible element of the screen's content lies
 * inside the viewport. A failure names the elements out
 * (misfits(), selector and box). The demo panel is folded away before measuring.
 *
 * A screen is one entry of SCREENS: how to reach it from the home screen, and (if not by "Về trang chủ" / "Xong")
 * how to leave it for home again. Also the lobby display: its "touch to enable sound" button never covers the title.
 * Screenshots of a few screens (the service list, the keypads, a procedure field, the payment) go to
 * test-artifacts/e2e/fit/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { CATALOGUES } from '../../kiosk-ui/src/i18n/i18n';
import { depositInLocker } from '../support/lockers';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';
import { ARTIFACTS, releaseChromium, sharedChromium } from './browser';
import { FIT_PAYMENTS, owingFees } from './fit/fees';
import { fitClock, Kiosk, leaveForHome, MODES, setMode, type Mode } from './fit/kiosk-driver';
import { moreFields } from './fit/more-fields';
import { misfits, type Misfit } from './fit/misfits';
import { SCREENS } from './fit/screen-cases';

const SHOTS = process.env.FIT_SHOTS ?? join(ARTIFACTS, 'fit');
const VIEWPORTS = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
] as const;

/** Wednesday 2 December 2026, 09:00 in Hà Nội: the centre is open; 11:31 it has closed for lunch. */
const WEDNESDAY_9AM = Date.parse('2026-12-02T02:00:00Z');
const day: [string, string][] = [
  ['07:30', '11:30'],
  ['13:30', '17:00'],
];

/** Twelve services, the most a centre's kiosk is made for, some with the longest names a centre uses. */
const SERVICES: [string, string, string][] = [
  ['tu-phap', 'Tư pháp – Hộ tịch', 'Justice – Civil status'],
  ['chung-thuc', 'Chứng thực bản sao, chữ ký', 'Certified copies and signatures'],
  ['dat-dai', 'Đất đai – Tài nguyên môi trường', 'Land – Natural resources and environment'],
  ['xay-dung', 'Xây dựng – Quy hoạch đô thị', 'Construction – Urban planning'],
  ['lao-dong', 'Lao động – Thương binh – Xã hội', 'Labour, war invalids and social affairs'],
  ['kinh-doanh', 'Đăng ký kinh doanh', 'Business registration'],
  ['tra-ket-qua', 'Trả kết quả', 'Result collection'],
  ['van-hoa', 'Văn hóa – Thể thao – Du lịch', 'Culture, sports and tourism'],
  ['y-te', 'Y tế', 'Health'],
  ['giao-duc', 'Giáo dục – Đào tạo', 'Education and training'],
  ['nong-nghiep', 'Nông nghiệp – Phát triển nông thôn', 'Agriculture and rural development'],
  ['cu-tru', 'Cư trú', 'Residence'],
];

function site(dataDir: string): SiteConfigInput {
  return {
    ...testConfig(dataDir),
    hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
    // Tư pháp takes bookings: the home screen offers "Tôi đã đặt lịch hẹn" as its third choice.
    services: SERVICES.map(([id, vi, en], i) => ({ id, prefix: 'ABCDEFGHKLMN'[i]!, name: { vi, en }, ...(id === 'tu-phap' ? { appointments: { slotMinutes: 30 } } : {}) })),
    counters: [
      { id: '1', services: SERVICES.slice(0, 6).map(([id]) => id) },
      { id: '2', services: SERVICES.slice(6).map(([id]) => id) },
    ],
    scanner: { driver: 'simulated' },
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 16 }, { address: 1, locks: 16 }] },
    // The demo's sample procedures (seedDemo) get their counters: a procedure's page shows "Lấy số cho thủ tục này".
    procedures: { fieldServices: { 'Hộ tịch': 'tu-phap', 'Chứng thực': 'chung-thuc' } },
    // One wrong code on each keypad screen: never enough to pause the kiosk's pickups.
    pickup: { resultServiceId: 'tra-ket-qua', guessing: { lookupsPerMinute: 10_000, wrongCodesPerKiosk: 1000 } },
    // A centre that takes fees by VietQR: a result with fees due shows the payment screen (fit/fees.ts).
    payments: FIT_PAYMENTS,
  };
}


describe('every kiosk screen fits, in every mode, at 1080×1920 and 1920×1080', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let deposited = 0;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    fitClock.offset = WEDNESDAY_9AM - Date.now();
    agent = await startKioskAgent({ config: site(dir.path), clock: { now: () => Date.now() + fitClock.offset + fitClock.jump }, seedDemo: true });
    await owingFees(agent);
    await moreFields(agent);
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  /** A fresh result in the locker for each keypad screen (a pickup code opens its door once). */
  const lockerCodes = async () => {
    deposited += 1;
    const code = `000.00.15.H29-261202-${String(100 + deposited).padStart(4, '0')}`;
    const { pickupCode } = await depositInLocker(agent, code, { applicantName: 'Nguyễn Thị Phương Thảo', phone: '0912345678', procedure: 'Cấp giấy chứng nhận quyền sử dụng đất' });
    return { code, pickupCode };
  };

  describe.each(VIEWPORTS)('$name $width×$height', (viewport) => {
    let k: Kiosk;

    beforeAll(async () => {
      const page = await (await browser.newContext({ viewport, hasTouch: true, locale: 'vi-VN' })).newPage();
      page.setDefaultTimeout(10_000);
      k = new Kiosk(page, agent, lockerCodes);
      await page.goto(agent.url);
      // The demo panel folds away: the kiosk's screen is measured, not the demo's.
      await k.tap(CATALOGUES.vi.demoPrinter.hide);
      await k.button(CATALOGUES.vi.demoPrinter.show).waitFor();
    });

    it('the attract screen (every mode starts after it)', async () => {
      expect(await misfits(k.page)).toEqual([]);
      await k.tap(CATALOGUES.vi.attract.touchToStart);
      await k.home();
    });

    it.each(MODES)('$name', async (mode: Mode) => {
      await setMode(k, mode, true);
      const found: Record<string, Misfit[]> = {};
      for (const screen of SCREENS) {
        try {
          await screen.reach(k);
        } catch (err) {
          await k.page.screenshot({ path: join(SHOTS, `failed-${viewport.name}-${mode.name}-${screen.name}.png`.replaceAll(' ', '-')) });
          throw err;
        }
        const out = await misfits(k.page);
        if (out.length > 0) {
          found[screen.name] = out;
          await k.page.screenshot({ path: join(SHOTS, `misfit-${viewport.name}-${mode.name}-${screen.name}.png`.replaceAll(' ', '-')) });
        }
        if (['services', 'pickup code keypad', 'phone number step', 'appointment code keypad', 'home', 'procedure field chosen', 'payment'].includes(screen.name)) await k.page.screenshot({ path: join(SHOTS, `${viewport.name}-${mode.name.replace(' ', '-')}-${screen.name.replaceAll(' ', '-')}.png`) });
        await (screen.leave ?? leaveForHome)(k);
      }
      await setMode(k, mode, false);
      expect(found).toEqual({});
    });
  });
});

describe('the lobby display: the "touch to enable sound" button leaves the title clear', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;

  beforeAll(async () => {
    agent = await startKioskAgent({ config: site(dir.path) });
    // Debian's Chromium, without an autoplay flag, keeps sound locked until a touch: the button shows.
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it.each(VIEWPORTS)('$name $width×$height', async (viewport) => {
    const page = await (await browser.newContext({ viewport, locale: 'vi-VN' })).newPage();
    // A TV whose browser keeps sound locked until a touch (Chromium here may not): the page's audio reads as suspended.
    await page.addInitScript(() => Object.defineProperty(AudioContext.prototype, 'state', { get: () => 'suspended' }));
    await page.goto(`${agent.url}/display`);
    const button = page.getByRole('button', { name: CATALOGUES.vi.display.enableSound });
    await button.waitFor();
    const title = page.getByRole('heading', { name: CATALOGUES.vi.display.title });
    const [a, b] = [(await button.boundingBox())!, (await title.boundingBox())!];
    await page.screenshot({ path: join(SHOTS, `display-${viewport.name}.png`) });
    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap, `button ${JSON.stringify(a)} and title ${JSON.stringify(b)}`).toBe(false);
    for (const box of [a, b]) expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height).toBe(true);
    await page.context().close();
  });
});

describe("the supervisor's accounts page (/admin/staff) fits an upright tablet", () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  const password = 'mat-khau-thu-nghiem';

  beforeAll(async () => {
    agent = await startKioskAgent({ config: site(dir.path) });
    // Long names, every role and state, officers signed in at counters: the widest rows a centre has.
    await agent.staff.add({ username: 'giamsat', name: 'Trần Văn Hòa', role: 'supervisor', password });
    await agent.staff.add({ username: 'nguyenthiphuongthao', name: 'Nguyễn Thị Phương Thảo', role: 'officer', password });
    await agent.staff.add({ username: 'quantri', name: 'Lê Hoàng Bảo Ngọc', role: 'admin', password });
    await agent.staff.add({ username: 'canbo3', name: 'Phạm Quang Huy', role: 'officer', password });
    await agent.staff.setDisabled((await agent.staff.accounts.byUsername('canbo3'))!.id, true);
    for (const counterId of ['1', '2', null]) await agent.staff.signIn('nguyenthiphuongthao', password, counterId);
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('800×1280: a card per account, nothing wider than the screen, every button on it', async () => {
    const viewport = { width: 800, height: 1280 };
    const page = await (await browser.newContext({ viewport, hasTouch: true, locale: 'vi-VN' })).newPage();
    await page.goto(`${agent.url}/admin/staff`);
    await page.getByLabel(CATALOGUES.vi.counter.usernameLabel).fill('giamsat');
    await page.getByLabel(CATALOGUES.vi.counter.passwordLabel).fill(password);
    await page.keyboard.press('Enter');
    await page.locator('[data-account="nguyenthiphuongthao"]').waitFor();
    await page.screenshot({ path: join(SHOTS, 'admin-staff-800x1280.png'), fullPage: true });
    // Horizontally, nothing out: the page may grow downwards with more accounts, never sideways.
    const sideways = (await misfits(page, 'main.admin')).filter((m) => !/taller than its box/.test(m.problem) && (m.box.x < 0 || m.box.x + m.box.width > viewport.width || /wider|scrolls/.test(m.problem)));
    expect(sideways).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(viewport.width);
    // Stacked: the column headings are not shown, each account is a card as wide as the list, its fields one under another.
    const card = page.locator('[data-account="nguyenthiphuongthao"]');
    const [cardBox, nameBox, usernameBox] = await Promise.all([card.boundingBox(), card.getByText('Nguyễn Thị Phương Thảo').boundingBox(), card.getByText('nguyenthiphuongthao').boundingBox()]);
    expect(cardBox!.width).toBeGreaterThan(700);
    expect(usernameBox!.y).toBeGreaterThan(nameBox!.y + nameBox!.height - 1);
    expect(await page.getByRole('columnheader', { name: CATALOGUES.vi.admin.username }).isVisible()).toBe(false);
    // Each field says what it is (the cell's label, drawn by CSS, is part of what a screen reader reads).
    const signedIn = card.getByRole('cell', { name: new RegExp(`^${CATALOGUES.vi.admin.signedIn} `) });
    expect(await signedIn.isVisible()).toBe(true);
    expect((await signedIn.textContent())?.split(', ').sort()).toEqual(['Quầy 1', 'Quầy 2', CATALOGUES.vi.admin.noCounter].sort());
    for (const button of await card.getByRole('button').all()) {
      const b = (await button.boundingBox())!;
      expect(b.x >= 0 && b.x + b.width <= viewport.width && b.height >= 44).toBe(true);
    }
    await page.context().close();
  });
});
