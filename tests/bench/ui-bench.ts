/**
 * The kiosk UI in Debian's Chromium: first-load weight (HTML + entry JS + CSS, gzip; the camera, staff and demo
 * chunks are loaded later and not counted), time to interactive with the CPU throttled 4× (a cheap kiosk PC; see
 * ui-load-timing.ts for how it is measured), and
 * heap growth over many citizen sessions (attract → ticket → back), from heap snapshots after forced garbage
 * collection (heap-snapshot.ts tells the page's objects from compiled code and the browser's bookkeeping).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startKioskAgent } from '../../kiosk-agent/src/compose/start-agent';
import { launchChromium } from '../e2e/browser';
import { tempDir } from '../support/temp-dir';
import { censusGrowth, heapCensus, type HeapBucket } from './heap-snapshot';
import { ms, summarize } from './stats';
import { measureLoad, QUIET_MS } from './ui-load-timing';

const UI = join(process.cwd(), 'dist', 'ui');

export function firstLoadKiB(): { total: number; parts: string[] } {
  const html = readFileSync(join(UI, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const parts = [{ name: 'index.html', bytes: gzipSync(html, { level: 9 }).length }];
  for (const ref of refs) parts.push({ name: ref, bytes: gzipSync(readFileSync(join(UI, ref)), { level: 9 }).length });
  const total = parts.reduce((sum, p) => sum + p.bytes, 0) / 1024;
  return { total, parts: parts.map((p) => `${p.name} ${(p.bytes / 1024).toFixed(1)} KiB`) };
}

export async function benchKioskUi(runs = 10, sessions = Number(process.env.BENCH_SESSIONS ?? 500)): Promise<string[]> {
  const load = firstLoadKiB();
  const lines = [`kiosk first load (HTML + entry JS + CSS, gzip): ${load.total.toFixed(1)} KiB  [target ≤ 150 KiB]  (${load.parts.join(', ')})`];
  const dir = tempDir('motcua-bench-');
  const agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
  const browser = await launchChromium();
  try {
    for (const cache of ['cold', 'warm'] as const) {
      const tti: number[] = [];
      const touch: number[] = [];
      for (let i = 0; i < runs; i++) {
        const load = await measureLoad(browser, agent.url, cache);
        tti.push(load.interactive);
        touch.push(load.firstTouch);
      }
      const t = summarize(tti);
      const f = summarize(touch);
      lines.push(
        `time to interactive, CPU 4× throttled, ${cache} (${t.n} loads; navigation → attract screen shown, then the main thread quiet ${QUIET_MS} ms): median ${ms(t.median)}, p99 ${ms(t.p99)}  [target ≤ 1 s]`,
        `  then the first touch → home screen in the page: median ${ms(f.median)}, p99 ${ms(f.p99)}`,
      );
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.clock.install(); // sessions end by the idle timeout, run through on a fake clock
    await page.goto(agent.url);
    const session = async () => {
      await page.locator('.attract__start').click();
      await page.getByRole('button', { name: /Lấy số thứ tự/ }).click();
      await page.getByRole('button', { name: /Tư pháp – Hộ tịch/ }).click();
      await page.getByRole('button', { name: /^Không/ }).click();
      await page.getByRole('button', { name: 'Xong', exact: true }).click();
      await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
      // End the session the way a citizen does: walk away; the idle question, then the attract screen.
      await page.clock.fastForward(60_000);
      await page.getByRole('alertdialog').waitFor();
      await page.clock.fastForward(15_000);
      await page.locator('.attract__start').waitFor();
    };
    const warm = Math.min(50, Math.floor(sessions / 10));
    for (let i = 0; i < warm; i++) await session();
    const before = await heapCensus(cdp);
    const started = performance.now();
    for (let i = warm; i < sessions; i++) await session();
    const after = await heapCensus(cdp);
    const growth = censusGrowth(before, after);
    const kib = (bucket: HeapBucket) => `${growth.kib[bucket] >= 0 ? '+' : ''}${growth.kib[bucket].toFixed(1)} KiB`;
    lines.push(
      `heap from session ${warm} to ${sessions} (${((performance.now() - started) / 1000).toFixed(0)} s), after forced GC: page objects ${kib('page objects')} of ${(after.bytes['page objects'] / 1048576).toFixed(2)} MiB  [target: no growth]` +
        (growth.grownKinds.length > 0 ? ` (grown: ${growth.grownKinds.join(', ')})` : ''),
      `  not the page's: compiled code and V8 internals ${kib('compiled code and V8 internals')}, DevTools network buffer ${kib('DevTools network buffer')}, performance timeline entries ${kib('performance timeline entries')} (fixed-size browser buffers)`,
    );
    return lines;
  } finally {
    await browser.close();
    await agent.stop();
    dir.cleanup();
  }
}
