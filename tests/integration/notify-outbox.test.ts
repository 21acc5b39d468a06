/**
 * The applicant's pickup-code message through the outbox to a fake SMS/Zalo gateway: retried until the gateway
 * accepts it, still delivered after an agent restart, and the code is not kept once delivered.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import { FakeGateway } from '../support/fake-gateway';
import { postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

// Starts its own agents, not the agentTest fixture: the second test restarts the agent on the same data folder.
describe('pickup-code notification via webhook', () => {
  const dir = tempDir();
  const gateway = new FakeGateway();
  const received = gateway.received;
  let agent: RunningAgent | undefined;

  const config = (): SiteConfigInput => ({
    ...testConfig(dir.path),
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 },
    notifier: { driver: 'webhook', url: gateway.url, token: 'gateway-secret' },
    outbox: { pollMs: 50, minBackoffMs: 50 },
  });

  beforeAll(() => gateway.start());
  afterAll(async () => {
    await agent?.stop();
    await gateway.stop();
    dir.cleanup();
  });

  const deposit = async (code: string): Promise<string> => {
    await postJson(`${agent!.url}/api/dossiers`, { code, procedure: 'Cấp bản sao trích lục hộ tịch', applicantName: 'Đỗ Thu Trang', phone: '0987654321', dueDate: '2026-11-30', status: 'ready' }, STAFF);
    const res = await postJson<{ pickupCode: string }>(`${agent!.url}/api/lockers/deposit`, { dossierCode: code }, STAFF);
    expect(res.status).toBe(200);
    return res.body.pickupCode;
  };

  it('delivers the Vietnamese message with the pickup code after the gateway fails twice', async () => {
    agent = await startKioskAgent({ config: config(), uiDir: '/nonexistent' });
    gateway.failNext = 2;
    const pickupCode = await deposit('000.00.15.H29-250704-0041');
    await waitUntil(() => received.length === 1, 5000, 'gateway message');
    const msg = received[0]!;
    expect(msg).toMatchObject({ to: '0987654321', reference: '000.00.15.H29-250704-0041', auth: 'Bearer gateway-secret' });
    expect(msg.text).toContain('Trung tâm Phục vụ hành chính công xã Cát Tiên');
    expect(msg.text).toContain('Cấp bản sao trích lục hộ tịch');
    expect(msg.text).toContain(`Mã nhận: ${pickupCode}`);
    expect(msg.text).toContain('quét mã trên giấy hẹn');
    expect(gateway.failNext).toBe(0);
  });

  it('a message queued while the gateway is down is delivered after a restart, and the code is not kept', async () => {
    gateway.failNext = 1_000;
    const pickupCode = await deposit('000.00.15.H29-250704-0042');
    await new Promise((r) => setTimeout(r, 200));
    await agent!.stop();
    gateway.failNext = 0;
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
