/**
 * Driving the kiosk for the fit test (tests/e2e/screens-fit.test.ts): the modes, a page with what a screen's way
 * there needs, and the ways back home.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningAgent } from '../../../kiosk-agent/src/compose/start-agent';
import type { Catalogue } from '../../../kiosk-ui/src/i18n/catalogue';
import { CATALOGUES } from '../../../kiosk-ui/src/i18n/i18n';

/** The agent's clock for the fit test: the test's fixed morning (`offset`), and a jump forward while a case needs it. */
export const fitClock = { jump: 0, offset: 0 };

export const MODES = [
  { name: 'default', toggle: null },
  { name: 'large text', toggle: 'largeText' },
  { name: 'high contrast', toggle: 'highContrast' },
  { name: 'reach', toggle: 'reach' },
  { name: 'English', toggle: 'lang' },
] as const;
export type Mode = (typeof MODES)[number];

/** The page with what a screen's way there needs: the catalogue of the language shown, the agent, the keypads. */
export class Kiosk {
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

/** The door the citizen opened is shut again. */
export async function shutOpenDoors(agent: RunningAgent): Promise<void> {
  for (const board of [0, 1]) {
    const locks = await agent.locker!.readBoard(board);
    locks.forEach((l, i) => {
      if (l.open) agent.simulators.locker!.closeDoor(board, i + 1);
    });
  }
}

export async function leaveForHome(k: Kiosk): Promise<void> {
  const home = k.button(k.t.nav.home);
  await ((await home.count()) > 0 ? home.tap() : k.tap(k.t.pickup.finish));
  await k.home();
}

export async function setMode(k: Kiosk, mode: Mode, on: boolean): Promise<void> {
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
