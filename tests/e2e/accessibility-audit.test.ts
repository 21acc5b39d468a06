/**
 * Every kiosk screen in every mode (default, large text, high contrast, reach, English) in real Chromium: a
 * screenshot of each (test-artifacts/e2e/a11y/) and an axe-core audit of WCAG 2.2 A/AA, plus the 7:1 contrast
 * rule in high-contrast mode; the test fails listing every finding. Each mode runs against a freshly started demo
 * agent, so the sample dossiers and the simulated locker start the same.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { CATALOGUES } from '../../kiosk-ui/src/i18n/i18n';
import { DEMO_APPOINTMENT, DEMO_DOSSIERS } from '../../shared/demo-dossiers';
import { tempDir } from '../support/temp-dir';
import { axeFindings, touchTargetFindings, type AxeFinding } from './axe';
import { releaseChromium, screenshot, sharedChromium } from './browser';

type Mode = 'default' | 'large' | 'contrast' | 'reach' | 'english';
const MODES: Mode[] = ['default', 'large', 'contrast', 'reach', 'english'];
const inLocker = DEMO_DOSSIERS.find((d) => d.locker)!;
const processing = DEMO_DOSSIERS.find((d) => d.status === 'processing')!;

describe('every kiosk screen in every mode: axe-core finds nothing', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await releaseChromium(browser);
  });

  for (const mode of MODES) {
    it(`mode: ${mode}`, async () => {
      // Each mode's findings are asserted here, in the test that audits them (not by a later test).
      const findings: AxeFinding[] = [];
      const dir = tempDir();
      const agent: RunningAgent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
      const page: Page = await (await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 }, locale: 'vi-VN' })).newPage();
      const t = CATALOGUES[mode === 'english' ? 'en' : 'vi'];
      const check = async (screen: string) => {
        await page.waitForTimeout(150); // let transitions and fonts settle before measuring colours
        await screenshot(page, `a11y/${mode}-${screen}`);
        findings.push(...(await axeFindings(page, `${mode}/${screen}`, { enhancedContrast: mode === 'contrast' })));
        findings.push(...(await touchTargetFindings(page, `${mode}/${screen}`, '.kiosk button, [role=alertdialog] button')));
      };
      const scan = (code: string) =>
        fetch(`${agent.url}/api/demo/scanner/scan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
      try {
        await page.clock.install();
        await page.goto(agent.url);
        await page.getByRole('button', { name: CATALOGUES.vi.attract.touchToStart }).waitFor();
        if (mode === 'default') await check('attract');
        await page.getByRole('button', { name: CATALOGUES.vi.attract.touchToStart }).tap();
        await page.getByRole('heading', { name: CATALOGUES.vi.home.heading }).waitFor();
        if (mode === 'english') await page.getByRole('button', { name: 'English' }).tap();
        if (mode === 'large') await page.getByRole('button', { name: t.a11y.largeText }).tap();
        if (mode === 'contrast') await page.getByRole('button', { name: t.a11y.highContrast }).tap();
        if (mode === 'reach') await page.getByRole('button', { name: t.a11y.reach }).tap();
        await page.getByRole('heading', { name: t.home.heading }).waitFor();
        await check('home');

        await page.getByRole('button', { name: new RegExp(t.home.takeTicket) }).tap();
        await page.getByRole('heading', { name: t.services.heading }).waitFor();
        await page.getByRole('button', { name: /Tư pháp|Justice/ }).first().waitFor();
        await check('services');
        await page.getByRole('button', { name: /Tư pháp|Justice/ }).first().tap();
        await page.getByRole('heading', { name: t.priority.heading }).waitFor();
        await check('priority');
        await page.getByRole('button', { name: new RegExp(`^${t.priority.no}`) }).tap();
        await page.getByLabel(new RegExp(t.ticket.numberLabel('').trim())).waitFor();
        await check('ticket');
        await page.getByRole('button', { name: t.ticket.done, exact: true }).tap();

        // Checking in the demo's booked visit: the keypad, then its QR under the scanner → its ticket.
        await page.getByRole('button', { name: new RegExp(t.checkIn.homeButton) }).tap();
        await page.getByRole('heading', { name: t.checkIn.heading }).waitFor();
        await check('check-in-code');
        await scan(`LH:${DEMO_APPOINTMENT.code}`);
        await page.getByText(t.checkIn.calledAtTime).waitFor();
        await check('check-in-ticket');
        await page.getByRole('button', { name: t.ticket.done, exact: true }).tap();
        await page.getByRole('heading', { name: t.home.heading }).waitFor();

        // Looking up a procedure: the fields, words typed without diacritics, a procedure's page (the demo's catalogue).
        await page.getByRole('button', { name: new RegExp(t.procedures.homeButton) }).tap();
        await page.getByRole('region', { name: t.procedures.fields }).getByRole('button').first().waitFor();
        await check('procedures-fields');
        const letters = page.getByRole('group', { name: t.procedures.keyboard });
        for (const ch of 'khai') await letters.getByRole('button', { name: ch, exact: true }).tap();
        await page.locator('.procedures__results[aria-busy="false"] .procedure-row').first().waitFor();
        await check('procedures-results');
        await page.getByRole('button', { name: /^Đăng ký khai sinh/ }).tap();
        await page.getByRole('heading', { name: 'Đăng ký khai sinh', exact: true }).waitFor();
        await check('procedure');
        await page.getByRole('button', { name: t.nav.home, exact: true }).tap();
        await page.getByRole('heading', { name: t.home.heading }).waitFor();

        // The idle question over the home screen.
        await page.clock.fastForward(60_000);
        await page.getByRole('alertdialog').waitFor();
        await check('idle-question');
        await page.getByRole('button', { name: t.idle.extend }).tap();

        await page.getByRole('button', { name: new RegExp(t.home.collectResult) }).tap();
        await page.getByText(t.pickup.scanTitle).waitFor();
        await check('pickup-scan');
        await scan(processing.code);
        await page.getByText(t.pickup.status.processing.title).waitFor();
        await check('pickup-status');
        await page.getByRole('button', { name: t.pickup.finish, exact: true }).tap();

        await scan('not-a-slip-code');
        await page.getByRole('heading', { name: t.pickup.problems.SLIP_CODE_INVALID.title }).waitFor();
        await check('pickup-problem');

        await scan(inLocker.code);
        await page.getByRole('heading', { name: t.pickup.pinTitle }).waitFor();
        await check('pickup-code');
        const keys = page.getByRole('group', { name: t.pickup.pinKeypad });
        for (const ch of inLocker.locker!.pickupCode) await keys.getByRole('button', { name: ch, exact: true }).tap();
        await page.getByRole('button', { name: t.pickup.open, exact: true }).tap();
        await page.getByRole('heading', { name: t.pickup.doorOpen(inLocker.locker!.lock) }).waitFor();
        await check('pickup-door-open');
        agent.simulators?.locker?.closeDoor(inLocker.locker!.board, inLocker.locker!.lock);
        await page.getByText(t.pickup.doneTitle).waitFor();
        await check('pickup-done');
      } finally {
        await page.context().close();
        await agent.stop();
        dir.cleanup();
      }
      const summary = findings.map((f) => `${f.screen}: ${f.rule} (${f.impact}) ${f.help} — ${f.targets.join(' | ')}`);
      expect(summary).toEqual([]);
    });
  }
});
