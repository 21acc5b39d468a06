/**
 * What a citizen sees when someone has been trying pickup codes at this kiosk: after the kiosk-wide ceiling of
 * wrong codes every pickup pauses, and the screen says so in plain words, with when to try again and the result
 * counter as the way forward. Real Chromium against an agent with a low ceiling; screenshot in test-artifacts/e2e/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { DEMO_STAFF_TOKEN, demoConfig } from '../../kiosk-agent/src/config/demo-config';
import { postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { releaseChromium, screenshot, sharedChromium } from './browser';

const staff = { authorization: `Bearer ${DEMO_STAFF_TOKEN}` };
const CODES = ['000.00.12.H56-251201-0701', '000.00.12.H56-251201-0702'];

describe('pickup paused after too many wrong codes', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let browser: Browser;
  let page: Page;

  const typeOnKeypad = async (text: string) => {
    const keys = page.getByRole('group', { name: 'Bàn phím số' });
    for (const ch of text) await keys.getByRole('button', { name: ch, exact: true }).tap();
  };

  beforeAll(async () => {
    const demo = demoConfig(dir.path);
    agent = await startKioskAgent({
      config: { ...demo, server: { host: '127.0.0.1', port: 0 }, pickup: { ...demo.pickup, guessing: { wrongCodesPerKiosk: 3 } }, logLevel: 'silent' },
    });
    for (const code of CODES) {
      await postJson(`${agent.url}/api/dossiers`, { code, procedure: 'Chứng thực bản sao', applicantName: 'Vũ Thị Mai', dueDate: '2026-12-05', status: 'ready' }, staff);
      const res = await postJson<{ compartment: { lock: number } }>(`${agent.url}/api/lockers/deposit`, { dossierCode: code }, staff);
      agent.simulators.locker!.closeDoor(0, res.body.compartment.lock);
    }
    browser = await sharedChromium();
    page = await (await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })).newPage();
    await page.goto(agent.url);
    await page.getByRole('button', { name: 'Chạm vào màn hình để bắt đầu' }).tap();
    await page.getByRole('heading', { name: 'Quý khách cần làm gì?' }).waitFor();
  });
  afterAll(async () => {
    await releaseChromium(browser);
    await agent?.stop();
    dir.cleanup();
  });

  it('the third wrong code at this kiosk pauses every pickup, and the screen sends the citizen to the counter', async () => {
    const wrong = async (slip: string) => {
      await postJson(`${agent.url}/api/demo/scanner/scan`, { code: slip });
      await page.getByRole('heading', { name: 'Nhập mã nhận kết quả' }).waitFor();
      await typeOnKeypad('000000');
      await page.getByRole('button', { name: 'Mở tủ' }).tap();
    };
    await wrong(CODES[0]!);
    await page.getByRole('alert').filter({ hasText: 'Mã không đúng. Bạn còn 4 lần thử.' }).waitFor();
    await typeOnKeypad('111111');
    await page.getByRole('button', { name: 'Mở tủ' }).tap();
    await page.getByRole('alert').filter({ hasText: 'Mã không đúng. Bạn còn 3 lần thử.' }).waitFor();
    await page.getByRole('button', { name: /Về trang chủ|Xong/ }).first().tap();

    // Another dossier, another "citizen": the kiosk-wide ceiling is reached.
    await wrong(CODES[1]!);
    const alert = page.getByRole('alert').filter({ hasText: 'Tạm dừng nhận kết quả tại tủ' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/quầy trả kết quả.*thử lại sau 15 phút/);
    await page.getByRole('button', { name: /Lấy số đến quầy trả kết quả/ }).waitFor();
    await screenshot(page, '40-pickup-paused');
    expect(agent.simulators.locker!.state()[0]!.open).toEqual([]);
  });
});
