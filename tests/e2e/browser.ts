/** Debian's Chromium driven by playwright-core; never a downloaded browser. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'e2e');

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...extraArgs],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium for every e2e file of the worker (the e2e project runs its files in one worker without isolation,
 * vite.config.ts), launched on first use; Playwright closes it when the worker exits. Files that need other flags
 * (a fake camera, autoplay) launch their own with `launchChromium`.
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium();
  return shared;
}

/** A file is done with the shared browser: its contexts (and their pages) close, the browser stays for the next file. */
export async function releaseChromium(browser: Browser | undefined): Promise<void> {
  for (const context of browser?.contexts() ?? []) await context.close();
}
