/**
 * How soon the kiosk is usable after a cold load, measured inside the page so the measurement does not load the
 * main thread it measures (Playwright's locators inject a ~300 KB script that a throttled CPU takes ~90 ms to
 * compile; an earlier version of this bench counted that against the kiosk).
 *
 * Time to interactive follows the usual definition (Lighthouse's, with a shorter quiet window because a kiosk has
 * no third-party scripts): from the moment the attract screen with its start button is in the page, the end of the
 * last long task (> 50 ms) before the main thread's first quiet window of QUIET_MS. A touch then is handled
 * without waiting. The response to that first touch (until the home screen is in the page) is measured too.
 */
import type { Browser } from 'playwright-core';

export const QUIET_MS = 500;

export interface LongTask {
  start: number;
  end: number;
}

/** The end of the last long task before the first quiet window after `readyAt` (or `readyAt` itself). */
export function interactiveAt(readyAt: number, longTasks: readonly LongTask[], quietMs = QUIET_MS): number {
  let at = readyAt;
  for (const task of [...longTasks].sort((a, b) => a.start - b.start)) {
    if (task.end <= at) continue;
    if (task.start >= at + quietMs) break;
    at = task.end;
  }
  return at;
}

/** Runs in the page before any of its scripts: long tasks, and when the attract screen and the home screen appear. */
const PAGE_PROBE = `(() => {
  const probe = (window.__probe = { longTasks: [], attractAt: null, touchAt: null, homeAt: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('pointerdown', (e) => { probe.touchAt ??= e.timeStamp; }, { capture: true });
  const seen = new MutationObserver(() => {
    if (probe.attractAt === null && document.querySelector('.attract__start')) probe.attractAt = performance.now();
    if (probe.touchAt !== null && probe.homeAt === null && document.querySelector('.screen__heading')) probe.homeAt = performance.now();
  });
  document.addEventListener('DOMContentLoaded', () => seen.observe(document.body, { childList: true, subtree: true }));
})();`;

interface Probe {
  longTasks: LongTask[];
  attractAt: number | null;
  touchAt: number | null;
  homeAt: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One load of the kiosk with the CPU throttled, in a fresh browser profile (`cold`: nothing cached, as on the first
 * start after an install or an update) or in one that loaded it twice before (`warm`: the assets come from the HTTP
 * cache and V8 uses the code it cached for them, as on a kiosk PC restarted each morning).
 */
export async function measureLoad(browser: Browser, url: string, cache: 'cold' | 'warm', cpuSlowdown = 4): Promise<{ interactive: number; firstTouch: number; attract: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    if (cache === 'warm') {
      const page = await context.newPage();
      for (let i = 0; i < 2; i++) {
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(500); // Chromium writes the code cache after the scripts have run
      }
      await page.close();
    }
    await context.addInitScript({ content: PAGE_PROBE });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    // Read the probe over CDP, never with a locator (see the file's comment).
    const probe = async (): Promise<Probe> => ((await cdp.send('Runtime.evaluate', { expression: 'window.__probe', returnByValue: true })) as { result: { value: Probe } }).result.value;
    await page.goto(url, { waitUntil: 'commit' });
    const deadline = Date.now() + 30_000;
    let p = await probe();
    while (p?.attractAt == null) {
      if (Date.now() > deadline) throw new Error('the attract screen did not appear within 30 s');
      await sleep(25);
      p = await probe();
    }
    await sleep(QUIET_MS * 3); // long enough to see the quiet window (or the tasks that break it)
    p = await probe();
    const interactive = interactiveAt(p.attractAt!, p.longTasks);
    const box = ((await cdp.send('Runtime.evaluate', { expression: "JSON.stringify(document.querySelector('.attract__start').getBoundingClientRect())", returnByValue: true })) as { result: { value: string } }).result.value;
    const { x, y, width, height } = JSON.parse(box) as DOMRect;
    await page.mouse.click(x + width / 2, y + height / 2);
    while (p.homeAt == null) {
      if (Date.now() > deadline) throw new Error('the home screen did not follow a touch on the attract screen');
      await sleep(25);
      p = await probe();
    }
    return { interactive, firstTouch: p.homeAt - p.touchAt!, attract: p.attractAt! };
  } finally {
    await context.close();
  }
}
