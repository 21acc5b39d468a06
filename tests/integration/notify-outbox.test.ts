/**
 * The applicant's pickup-code message through the outbox to a fake SMS/Zalo gateway: retried until the gateway
 * accepts it, still delivered after an agent restart, and the code is not kept once delivered.
 */
import Database from 'better-sqlite3';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import { postJson } from '../support/http';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { STAFF_TOKEN, testConfig } from '../support/test-config';

const staff = { authorization: `Bearer ${STAFF_TOKEN}` };

describe('pickup-code notification via webhook', () => {
  const dir = tempDir();
  let gateway: Server;
  let gatewayUrl = '';
  let failNext = 0;
  const received: { to: string; text: string; reference: string; auth?: string }[] = [];
  let agent: RunningAgent | undefined;

  const config = (): SiteConfigInput => ({
    ...testConfig(dir.path),
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 },
    notifier: { driver: 'webhook', url: gatewayUrl, token: 'gateway-secret' },
    outbox: { pollMs: 50, minBackoffMs: 50 },
  });

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          res.writeHead(503).end();
          return;
        }
        received.push({ ...(JSON.parse(body) as { to: string; text: string; reference: string }), ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', () => r()));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as { port: number }).port}/send`;
  });
  afterAll(async () => {
    await agent?.stop();
    await new Promise<void>((r) => gateway.close(() => r()));
    dir.cleanup();
  });

  const deposit = async (code: string): Promise<string> => {
    await postJson(`${agent!.url}/api/dossiers`, { code, procedure: 'Cấp bản sao trích lục hộ tịch', applicantName: 'Đỗ Thu Trang', phone: '0987654321', dueDate: '2026-11-30', status: 'ready' }, staff);
    const res = await postJson<{ pickupCode: string }>(`${agent!.url}/api/lockers/deposit`, { dossierCode: code }, staff);
    expect(res.status).toBe(200);
    return res.body.pickupCode;
  };

  it('delivers the Vietnamese message with the pickup code after the gateway fails twice', async () => {
    agent = await startKioskAgent({ config: config(), uiDir: '/nonexistent' });
    failNext = 2;
    const pickupCode = await deposit('000.00.15.H29-250704-0041');
    await waitUntil(() => received.length === 1, 5000, 'gateway message');
    const msg = received[0]!;
    expect(msg).toMatchObject({ to: '0987654321', reference: '000.00.15.H29-250704-0041', auth: 'Bearer gateway-secret' });
    expect(msg.text).toContain('Trung tâm Phục vụ hành chính công xã Cát Tiên');
    expect(msg.text).toContain('Cấp bản sao trích lục hộ tịch');
    expect(msg.text).toContain(`Mã nhận: ${pickupCode}`);
    expect(msg.text).toContain('quét mã trên giấy hẹn');
    expect(failNext).toBe(0);
  });

  it('a message queued while the gateway is down is delivered after a restart, and the code is not kept', async () => {
    failNext = 1_000;
    const pickupCode = await deposit('000.00.15.H29-250704-0042');
    await new Promise((r) => setTimeout(r, 200));
    await agent!.stop();
    failNext = 0;
    agent = await startKioskAgent({ config: config(), uiDir: '/nonexistent' });
    await waitUntil(() => received.some((m) => m.reference === '000.00.15.H29-250704-0042'), 5000, 'delivery after restart');
    await new Promise((r) => setTimeout(r, 100));
    const db = new Database(join(dir.path, 'kiosk.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT payload, done_at_ms AS done, attempts FROM outbox ORDER BY id').all() as { payload: string; done: number | null; attempts: number }[];
    db.close();
    expect(rows.every((r) => r.done !== null)).toBe(true);
    expect(rows[1]!.attempts).toBeGreaterThan(1);
    expect(rows.map((r) => r.payload).join()).not.toContain(pickupCode);
  });
});
