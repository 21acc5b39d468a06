/** axe-core in the page under test (the npm package's own build, injected; nothing fetched). */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeFinding {
  screen: string;
  rule: string;
  impact: string | null;
  targets: string[];
  help: string;
}

/**
 * WCAG 2.0–2.2 A and AA rules on the page, leaving out the demo mode's simulated-device panel (a developer tool
 * beside the kiosk, not part of it). `enhancedContrast` adds the 7:1 rule for the high-contrast mode.
 */
export async function axeFindings(page: Page, screen: string, options: { enhancedContrast?: boolean } = {}): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (enhanced) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(
      { exclude: [['.demo-printer']] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', ...(enhanced ? ['wcag2aaa'] : [])] },
        resultTypes: ['violations'],
      },
    );
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, options.enhancedContrast === true);
  return violations.map((v) => ({ screen, rule: v.id, impact: v.impact, targets: v.targets.slice(0, 5), help: v.help }));
}

/**
 * The kiosk's own rule, stricter than WCAG's 24 px: every touch target on screen at least 64 × 64 CSS px. `scope`
 * selects the buttons that belong to the kiosk (the demo's simulated devices are a developer tool, left out).
 */
export async function touchTargetFindings(page: Page, screen: string, scope: string): Promise<AxeFinding[]> {
  const small = await page.evaluate((selector) =>
    [...document.querySelectorAll(selector)]
      .filter((b) => !b.closest('.demo-printer'))
      .map((b) => ({ text: (b.textContent ?? '').trim().slice(0, 40), r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 64 || r.height < 64))
      .filter(({ r }) => r.bottom > 0 && r.top < window.innerHeight)
      .map(({ text, r }) => `${text} ${Math.round(r.width)}×${Math.round(r.height)}`),
  scope);
  return small.map((target) => ({ screen, rule: 'touch-target-64', impact: 'serious', targets: [target], help: 'touch targets of at least 64 px' }));
}
