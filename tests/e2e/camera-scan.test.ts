/**
 * The camera as the third way to scan: Chromium's fake camera plays a video of a slip's QR code; the visitor
 * opens the camera from the home screen and the pickup flow starts with that slip. The camera code arrives as its
 * own chunk only when asked for. Also: a kiosk without a camera says so in Vietnamese and offers the way back.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { DEMO_DOSSIERS } from '../../shared/demo-dossiers';
import { tempDir } from '../support/temp-dir';
import { launchChromium, releaseChromium, screenshot, sharedChromium } from './browser';
import { writeQrVideo } from './fake-camera';

const inLocker = DEMO_DOSSIERS.find((d) => d.locker)!;

describe('scanning a slip with the camera in a real browser', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let withCamera: Browser;
  let page: Page;

  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: join(dir.path, 'data'), logLevel: 'silent' });
    const video = join(dir.path, 'slip-qr.y4m');
    writeQrVideo(video, inLocker.code);
    withCamera = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
    const context = await withCamera.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 }, locale: 'vi-VN', permissions: ['camera'] });
    page = await context.newPage();
  });
  afterAll(async () => {
    await withCamera?.close();
    await agent?.stop();
    dir.cleanup();
  });

  it('home → camera → the QR on the slip opens the pickup flow for that dossier; the camera chunk loads only then', async () => {
    const chunks: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') chunks.push(r.url());
    });
    await page.goto(agent.url);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
    const before = chunks.length;
    await page.getByRole('button', { name: /Quét bằng camera/ }).tap();
    await page.getByRole('dialog', { name: /Đưa mã QR hoặc mã vạch/ }).waitFor();
    await page.locator('#kiosk-camera video').waitFor({ timeout: 10_000 });
    expect(chunks.length).toBeGreaterThan(before); // html5-qrcode arrived as its own chunk
    await screenshot(page, '40-camera');
    await page.getByRole('heading', { name: 'Nhập mã nhận kết quả' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('dialog', { name: /Đưa mã QR/ }).count()).toBe(0); // the camera closed itself
    await page.getByText('Nguyễn V** A*').waitFor();
  });
});

describe('a kiosk without a camera', () => {
  let agent: RunningAgent;
  let browser: Browser;
  const dir = tempDir();
  beforeAll(async () => {
    agent = await startKioskAgent({ port: 0, dataDir: dir.path, logLevel: 'silent' });
    browser = await sharedChromium();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('says in Vietnamese to use the scanner or type the code, and closes back to where the visitor was', async () => {
    const page = await (await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(agent.url);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await page.getByRole('button', { name: /Quét bằng camera/ }).tap();
    await page.getByRole('alert').filter({ hasText: 'Vui lòng dùng máy quét bên dưới màn hình' }).waitFor({ timeout: 10_000 });
    await screenshot(page, '41-camera-unavailable');
    await page.getByRole('button', { name: 'Đóng camera' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Vui lòng dùng máy quét bên dưới màn hình' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Đóng camera' }).count()).toBe(0);
  });
});
