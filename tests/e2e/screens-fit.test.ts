/**
 * Every kiosk screen fits, in real Chromium against an agent with twelve services (long Vietnamese names among
 * them), lockers and the demo dossiers: at 1080×1920 (portrait) and 1920×1080 (landscape), in every mode (default,
 * large text, high contrast, reach, English), nothing scrolls — not the document, not a box inside the screen —
 * and every visible element of the screen's content lies inside the viewport. A failure names the elements out
 * (misfits(), selector and box). The demo panel is folded away before measuring.
 *
 * A screen is one entry of SCREENS: how to reach it from the home screen, and (if not by "Về trang chủ" / "Xong")
 * how to leave it for home again. Also the lobby display: its "touch to enable sound" button never covers the title.
 * Screenshots of the service list go to test-artifacts/e2e/fit/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { DEMO_DOSSIERS } from '../../shared/demo-dossiers';
import { CATALOGUES } from '../../kiosk-ui/src/i18n/i18n';
import type { Catalogue } from '../../kiosk-ui/src/i18n/catalogue';
import { depositInLocker } from '../support/lockers';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';
import { ARTIFACTS, releaseChromium, sharedChromium } from './browser';

const SHOTS = process.env.FIT_SHOTS ?? join(ARTIFACTS, 'fit');
const VIEWPORTS = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
] as const;

/** Wednesday 2 December 2026, 09:00 in Hà Nội: the centre is open; 11:31 it has closed for lunch. */
const WEDNESDAY_9AM = Date.parse('2026-12-02T02:00:00Z');
const LUNCH = 2 * 3_600_000 + 31 * 60_000;
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
    services: SERVICES.map(([id, vi, en], i) => ({ id, prefix: 'ABCDEFGHKLMN'[i]!, name: { vi, en } })),
    counters: [
      { id: '1', services: SERVICES.slice(0, 6).map(([id]) => id) },
      { id: '2', services: SERVICES.slice(6).map(([id]) => id) },
    ],
    scanner: { driver: 'simulated' },
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 16 }, { address: 1, locks: 16 }] },
    // One wrong code on each keypad screen: never enough to pause the kiosk's pickups.
    pickup: { resultServiceId: 'tra-ket-qua', guessing: { lookupsPerMinute: 10_000, wrongCodesPerKiosk: 1000 } },
  };
}

type Box = { x: number; y: number; width: number; height: number };
export interface Misfit {
  selector: string;
  problem: string;
  box: Box;
  text: string;
}

/**
 * What of the content under `root` does not fit: the document scrolling, a box inside that scrolls or whose content
 * overflows it (text wider than its box, a list taller than its frame), an element outside the viewport (or under
 * the demo panel beside `root`). Each with a selector, its box and the start of its text; an element whose parent is
 * already named for the same problem is left out.
 */
export function misfits(page: Page, root = '.kiosk__flow'): Promise<Misfit[]> {
  return page.evaluate((rootSelector) => {
    const out: { el: Element; problem: string }[] = [];
    const doc = document.documentElement;
    if (doc.scrollHeight > innerHeight || doc.scrollWidth > innerWidth) out.push({ el: doc, problem: `the document scrolls (${doc.scrollWidth}×${doc.scrollHeight})` });
    const frame = document.querySelector(rootSelector);
    if (!frame) return [{ selector: rootSelector, problem: 'not on the page', box: { x: 0, y: 0, width: 0, height: 0 }, text: '' }];
    const f = frame.getBoundingClientRect();
    const area = { left: Math.max(0, f.left), top: Math.max(0, f.top), right: Math.min(innerWidth, f.right), bottom: Math.min(innerHeight, f.bottom) };
    for (const el of [frame, ...frame.querySelectorAll('*')]) {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || r.width === 0 || r.height === 0) continue;
      if (r.left < area.left - 1 || r.top < area.top - 1 || r.right > area.right + 1 || r.bottom > area.bottom + 1) out.push({ el, problem: 'outside the screen' });
      if (!(el instanceof HTMLElement) || style.display === 'inline' || style.display === 'contents') continue;
      const scrolls = (o: string) => o === 'auto' || o === 'scroll';
      // A glyph may reach past a tight line box (a ticket number at line-height 1): not content out of its box.
      const ink = style.display === 'block' && el.children.length === 0 ? 0.2 * parseFloat(style.fontSize) : 1;
      if (el.scrollHeight > el.clientHeight + ink) out.push({ el, problem: scrolls(style.overflowY) ? 'scrolls inside' : `content taller than its box (${el.scrollHeight} > ${el.clientHeight})` });
      else if (el.scrollWidth > el.clientWidth + 1) out.push({ el, problem: scrolls(style.overflowX) ? 'scrolls inside' : `content wider than its box (${el.scrollWidth} > ${el.clientWidth})` });
    }
    const named = (el: Element) => {
      const cls = [...el.classList].map((c) => `.${c}`).join('');
      const data = el.getAttribute('data-service');
      return `${el.tagName.toLowerCase()}${cls}${data ? `[data-service="${data}"]` : ''}`;
    };
    const path = (el: Element) => {
      const parts = [];
      for (let e: Element | null = el; e && e !== frame.parentElement && parts.length < 4; e = e.parentElement) parts.unshift(named(e));
      return parts.join(' > ');
    };
    return out
      .filter(({ el, problem }) => !out.some((o) => o.el === el.parentElement && o.problem.split(' (')[0] === problem.split(' (')[0]))
      .map(({ el, problem }) => {
        const r = el.getBoundingClientRect();
        return { selector: path(el), problem, box: { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) }, text: (el.textContent ?? '').trim().slice(0, 50) };
      });
  }, root);
}

const MODES = [
  { name: 'default', toggle: null },
  { name: 'large text', toggle: 'largeText' },
  { name: 'high contrast', toggle: 'highContrast' },
  { name: 'reach', toggle: 'reach' },
  { name: 'English', toggle: 'lang' },
] as const;
type Mode = (typeof MODES)[number];

/** The page with what a screen's way there needs: the catalogue of the language shown, the agent, the keypads. */
class Kiosk {
  t: Catalogue = CATALOGUES.vi;
  constructor(
    readonly page: Page,
    readonly agent: RunningAgent,
    readonly lockerCodes: () => Promise<{ code: string; pickupCode: string }>,
  ) {}
  button(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }
  async tap(name: string | RegExp) {
    await this.button(name).first().tap();
  }
  heading(name: string) {
    return this.page.getByRole('heading', { name, exact: true }).waitFor();
  }
  async home() {
    await this.heading(this.t.home.heading);
  }
  service(id: string) {
    return this.page.locator(`[data-service="${id}"] button`);
  }
  /** The kiosk's (simulated serial) scanner reads the slip, on any screen. */
  async scan(code: string) {
    await this.agent.simulators.scanner!.scan(code);
  }
  async typeOn(group: string, text: string) {
    const keys = this.page.getByRole('group', { name: group });
    for (const ch of text) await keys.getByRole('button', { name: ch, exact: true }).tap();
  }
  /** A dossier in the locker: its slip scanned, the wrong pickup code once (the longest keypad screen), then all six digits. */
  async toPickupCode(): Promise<{ code: string; pickupCode: string }> {
    const dossier = await this.lockerCodes();
    await this.scan(dossier.code);
    await this.heading(this.t.pickup.pinTitle);
    await this.typeOn(this.t.pickup.pinKeypad, '000000');
    await this.tap(this.t.pickup.open);
    await this.page.locator('.pin__error').waitFor();
    await this.typeOn(this.t.pickup.pinKeypad, dossier.pickupCode);
    await this.button(this.t.pickup.open).waitFor();
    return dossier;
  }
}

interface ScreenCase {
  name: string;
  /** From the home screen, in the mode set, to this screen. */
  reach: (k: Kiosk) => Promise<void>;
  /** Back to the home screen; by default its "Về trang chủ" or "Xong". */
  leave?: (k: Kiosk) => Promise<void>;
}

/** The kiosk's screens. A new screen is one more entry here. */
const SCREENS: ScreenCase[] = [
  { name: 'home', reach: async () => {}, leave: async () => {} },
  {
    name: 'services',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.home.takeTicket));
      await k.service('cu-tru').waitFor();
    },
  },
  {
    name: 'priority question',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.home.takeTicket));
      await k.service('lao-dong').tap();
      await k.heading(k.t.priority.heading);
    },
  },
  {
    name: 'ticket',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.home.takeTicket));
      await k.service('dat-dai').tap();
      await k.tap(new RegExp(`^${k.t.priority.no}`));
      await k.page.locator('.ticket__number').waitFor();
    },
    leave: async (k) => {
      await k.tap(k.t.ticket.done);
      await k.home();
    },
  },
  {
    name: 'ticket unprinted',
    reach: async (k) => {
      k.agent.simulators.printer!.setState({ paper: 'out' });
      await k.tap(new RegExp(k.t.home.takeTicket));
      await k.service('nong-nghiep').tap();
      await k.tap(k.t.priority.elderly);
      await k.page.locator('.ticket--unprinted .ticket__qr svg, .ticket--unprinted .ticket__qr img, .ticket--unprinted .ticket__qr canvas').first().waitFor();
    },
    leave: async (k) => {
      k.agent.simulators.printer!.setState({ paper: 'ok' });
      await k.tap(k.t.ticket.done);
      await k.home();
    },
  },
  {
    name: 'refused: service closed',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.home.takeTicket));
      await k.service('chung-thuc').tap();
      await k.heading(k.t.priority.heading);
      clock.jump = LUNCH; // the centre closes between the list and the touch
      try {
        await k.tap(new RegExp(`^${k.t.priority.no}`));
        await k.page.locator('[data-refusal="SERVICE_CLOSED"]').waitFor();
      } finally {
        clock.jump = 0;
      }
    },
    leave: async (k) => {
      await k.tap(k.t.nav.home);
      await k.home();
    },
  },
  {
    name: 'slip entry',
    reach: async (k) => {
      await k.tap(new RegExp(k.t.home.collectResult));
      await k.page.getByRole('group', { name: k.t.pickup.keyboardLabel }).waitFor();
    },
  },
  {
    name: 'dossier found',
    reach: async (k) => {
      await k.scan(DEMO_DOSSIERS[1]!.code);
      await k.page.locator('.status-card--processing').waitFor();
    },
    leave: async (k) => {
      await k.tap(k.t.pickup.finish);
      await k.home();
    },
  },
  {
    name: 'pickup code keypad',
    reach: async (k) => {
      await k.toPickupCode();
    },
  },
  {
    name: 'door open',
    reach: async (k) => {
      await k.toPickupCode();
      await k.tap(k.t.pickup.open);
      await k.page.locator('.door-open__number').waitFor();
    },
    leave: async (k) => {
      await shutOpenDoors(k.agent);
      await k.tap(k.t.pickup.skipRating);
      await k.home();
    },
  },
  {
    name: 'rating',
    reach: async (k) => {
      await k.toPickupCode();
      await k.tap(k.t.pickup.open);
      await k.page.locator('.door-open__number').waitFor();
      await shutOpenDoors(k.agent);
      await k.button(k.t.pickup.skipRating).waitFor();
    },
    leave: async (k) => {
      await k.tap(k.t.pickup.skipRating);
      await k.home();
    },
  },
];

/** The door the citizen opened is shut again. */
async function shutOpenDoors(agent: RunningAgent): Promise<void> {
  for (const board of [0, 1]) {
    const locks = await agent.locker!.readBoard(board);
    locks.forEach((l, i) => {
      if (l.open) agent.simulators.locker!.closeDoor(board, i + 1);
    });
  }
}

const clock = { jump: 0, offset: 0 };

describe('every kiosk screen fits, in every mode, at 1080×1920 and 1920×1080', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let deposited = 0;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    clock.offset = WEDNESDAY_9AM - Date.now();
    agent = await startKioskAgent({ config: site(dir.path), clock: { now: () => Date.now() + clock.offset + clock.jump }, seedDemo: true });
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
        if (out.length > 0) found[screen.name] = out;
        if (screen.name === 'services' || screen.name === 'pickup code keypad') await k.page.screenshot({ path: join(SHOTS, `${viewport.name}-${mode.name.replace(' ', '-')}-${screen.name.replaceAll(' ', '-')}.png`) });
        await (screen.leave ?? leaveForHome)(k);
      }
      await setMode(k, mode, false);
      expect(found).toEqual({});
    });
  });
});

async function leaveForHome(k: Kiosk): Promise<void> {
  const home = k.button(k.t.nav.home);
  await ((await home.count()) > 0 ? home.tap() : k.tap(k.t.pickup.finish));
  await k.home();
}

async function setMode(k: Kiosk, mode: Mode, on: boolean): Promise<void> {
  if (mode.toggle === null) return;
  if (mode.toggle === 'lang') {
    await k.tap(k.t.a11y.switchLanguage);
    k.t = CATALOGUES[on ? 'en' : 'vi'];
  } else {
    const button = k.button(k.t.a11y[mode.toggle]);
    await button.tap();
    expect(await button.getAttribute('aria-pressed')).toBe(String(on));
  }
  await k.home();
}

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
