/**
 * Looking up a procedure by touch in real Chromium against a demo agent (the sample catalogue of a commune centre,
 * a simulated printer), portrait 1080×1920: "Tra cứu thủ tục" → a field and back → "khai sinh" typed without diacritics on the
 * on-screen keyboard → "Đăng ký khai sinh" → its papers printed (decoded at the simulated printer) → a ticket for
 * its service from its page. Then the QR posted in the centre (a URL holding a procedure code) held under the
 * scanner on the attract screen opens that procedure. axe-core finds nothing on the new screens, in the default
 * and the high-contrast mode (7:1). Screenshots go to test-artifacts/e2e/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { CATALOGUES } from '../../kiosk-ui/src/i18n/i18n';
import { clipFile } from '../../kiosk-ui/src/speech/guidance-clips';
import { postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { axeFindings, touchTargetFindings, type AxeFinding } from './axe';
import { releaseChromium, screenshot, sharedChromium } from './browser';

const t = CATALOGUES.vi;

describe('procedure lookup in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const findings: AxeFinding[] = [];
  const audit = async (screen: string, enhancedContrast = false) => {
    await page.waitForTimeout(150); // let transitions and fonts settle before measuring colours
    await screenshot(page, `procedures-${screen}`);
    findings.push(...(await axeFindings(page, screen, { enhancedContrast })));
    findings.push(...(await touchTargetFindings(page, screen, '.kiosk button')));
  };
  const printedTexts = () => agent.simulators.printer!.jobs.map((j) => j.decoded.text.normalize('NFC').replace(/\s+/g, ' '));

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
    context = await browser.newContext({ hasTouch: true, viewport: { width: 1080, height: 1920 }, locale: 'vi-VN' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('searches without diacritics on the on-screen keyboard, prints the papers, takes a ticket from the procedure’s page', async () => {
    await page.goto(agent.url);
    await page.getByRole('button', { name: t.attract.touchToStart }).tap();
    // The demo ships a sample catalogue: the home screen offers the lookup (a centre without one does not: fees-vietqr.test.ts).
    await page.getByRole('button', { name: new RegExp(t.procedures.homeButton) }).tap();
    await page.getByRole('heading', { name: t.procedures.heading }).waitFor();
    await page.getByRole('region', { name: t.procedures.fields }).getByRole('button', { name: /^Hộ tịch \d+ thủ tục$/ }).waitFor();
    expect(await page.getByText(t.procedures.noDiacritics).count()).toBe(1);
    await audit('fields');
    // A field: its procedures under its name, and the way back to every field.
    await page.getByRole('region', { name: t.procedures.fields }).getByRole('button', { name: /^Hộ tịch/ }).tap();
    await page.getByRole('region', { name: t.procedures.results }).getByText(t.procedures.foundInField(7, 'Hộ tịch')).waitFor();
    await page.getByRole('button', { name: t.procedures.allFields }).tap();
    await page.getByRole('region', { name: t.procedures.fields }).waitFor();

    const keyboard = page.getByRole('group', { name: t.procedures.keyboard });
    for (const ch of 'khai sinh') await keyboard.getByRole('button', { name: ch === ' ' ? t.procedures.spaceLabel : ch, exact: true }).tap();
    await expect.poll(() => page.getByRole('status', { name: t.procedures.searchLabel }).textContent()).toBe('khai sinh');
    const results = page.getByRole('region', { name: t.procedures.results });
    // Found without diacritics: the names holding every word, by name (no name starts with "khai sinh").
    await results.getByText(t.procedures.found(2)).waitFor();
    expect((await results.getByRole('button').allTextContents()).map((s) => s.replace(/Hộ tịch.*$/, ''))).toEqual(['Đăng ký khai sinh', 'Đăng ký lại khai sinh']);
    await audit('results');

    await results.getByRole('button', { name: /^Đăng ký khai sinh/ }).tap();
    await page.getByRole('heading', { name: 'Đăng ký khai sinh', level: 1 }).waitFor();
    const papers = page.getByRole('region', { name: t.procedures.papers });
    expect(await papers.getByRole('listitem').allTextContents()).toContain('Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh');
    await page.getByRole('img', { name: t.procedures.qrLabel('Đăng ký khai sinh') }).waitFor();
    expect(await page.getByText('Tư pháp – Hộ tịch – Quầy số 1').count()).toBe(1);
    await audit('procedure');
    await page.getByRole('button', { name: t.a11y.highContrast }).tap();
    await audit('procedure-contrast', true);
    await page.getByRole('button', { name: t.a11y.highContrast }).tap();

    const before = agent.simulators.printer!.jobs.length;
    await page.getByRole('button', { name: new RegExp(t.procedures.print) }).tap();
    await page.getByText(t.procedures.printed).waitFor();
    expect(agent.simulators.printer!.jobs.length).toBe(before + 1);
    const slip = printedTexts().at(-1)!;
    for (const s of ['GIẤY TỜ CẦN MANG THEO', 'Đăng ký khai sinh', '1. Tờ khai đăng ký khai sinh (theo mẫu)', '2. Giấy chứng sinh', 'Nộp hồ sơ: Tư pháp – Hộ tịch']) expect(slip).toContain(s);

    await page.getByRole('button', { name: new RegExp(t.procedures.takeTicket) }).tap();
    await page.getByRole('heading', { name: t.priority.heading }).waitFor();
    await page.getByRole('button', { name: new RegExp(`^${t.priority.no}`) }).tap();
    await page.locator('.ticket__number').waitFor();
    expect(await page.locator('.ticket__number').textContent()).toMatch(/^A\d{3}$/);
    expect(printedTexts().at(-1)).toContain('Tư pháp – Hộ tịch');
    await page.getByRole('button', { name: t.ticket.done, exact: true }).tap();
    await page.getByRole('heading', { name: t.home.heading }).waitFor();
  });

  it('the QR posted in the centre, held under the scanner on the attract screen, opens its procedure', async () => {
    await page.goto(agent.url);
    await page.getByRole('button', { name: t.attract.touchToStart }).waitFor();
    const scanned = await postJson(`${agent.url}/api/demo/scanner/scan`, { code: 'https://dichvucong.lamdong.gov.vn/cong-khai-thu-tuc?ma=2.000884.000.00.00.H38' });
    expect(scanned.status).toBe(204);
    await page.getByRole('heading', { name: 'Chứng thực chữ ký trong các giấy tờ, văn bản', level: 1 }).waitFor();
    expect(await page.getByText('Chứng thực – Quầy số 1, Quầy số 2').count()).toBe(1);
    await page.getByRole('button', { name: t.procedures.back }).tap();
    await page.getByRole('group', { name: t.procedures.keyboard }).waitFor();

    // A code the centre's catalogue does not hold, scanned on the list: the screen says so, and so does the kiosk,
    // aloud (the espeak-ng clip: this Chromium has no speech voice).
    const missingSpoken = page.waitForRequest((r) => r.url().endsWith(`/voice/guide/${clipFile('vi', t.guide.procedureMissing)}`), { timeout: 5000 });
    expect((await postJson(`${agent.url}/api/demo/scanner/scan`, { code: 'https://dichvucong.lamdong.gov.vn/cong-khai-thu-tuc?ma=1.999999.H38' })).status).toBe(204);
    await page.getByRole('heading', { name: t.procedures.missingHeading }).waitFor();
    await missingSpoken;
    expect(findings.map((f) => `${f.screen}: ${f.rule} (${f.impact}) ${f.help} — ${f.targets.join(' | ')}`)).toEqual([]);
  });
});
