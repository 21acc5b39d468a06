/**
 * A result left in its compartment past `pickup.overdueDays`: the applicant gets one automatic reminder through the
 * gateway (never the pickup code again), staff can send another; results without a phone or not in a locker say so.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { ErrorBody } from '../../shared/api-schemas';
import { FakeClock } from '../support/fake-clock';
import { postJson } from '../support/http';
import { depositInLocker } from '../support/lockers';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { STAFF_TOKEN, testConfig } from '../support/test-config';

const staff = { authorization: `Bearer ${STAFF_TOKEN}` };
const DAY = 24 * 3_600_000;

describe('reminding applicants of overdue results', () => {
  const dir = tempDir();
  const clock = new FakeClock(Date.parse('2026-11-02T09:00:00+07:00'));
  const received: { to: string; text: string; reference: string }[] = [];
  let gateway: Server;
  let agent: RunningAgent;

  const deposit = async (code: string, phone?: string): Promise<string> =>
    (await depositInLocker(agent, code, { procedure: 'Đăng ký khai sinh', applicantName: 'Đinh Văn Khoa', ...(phone ? { phone } : {}) })).pickupCode;

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as { to: string; text: string; reference: string });
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', () => r()));
    agent = await startKioskAgent({
      config: {
        ...testConfig(dir.path),
        locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 },
        notifier: { driver: 'webhook', url: `http://127.0.0.1:${(gateway.address() as { port: number }).port}/sms` },
        outbox: { pollMs: 50, minBackoffMs: 50 },
        pickup: { ...testConfig(dir.path).pickup, overdueDays: 7, reminderCheckMs: 1000 },
      },
      clock,
      uiDir: '/nonexistent',
    });
  });
  afterAll(async () => {
    await agent.stop();
    await new Promise<void>((r) => gateway.close(() => r()));
    dir.cleanup();
  });

  it('reminds once, automatically, when a result has waited longer than overdueDays; staff can remind again', async () => {
    const code = '000.00.15.H29-251102-0001';
    const pickupCode = await deposit(code, '0977000111');
    const noPhone = '000.00.15.H29-251102-0002';
    await deposit(noPhone);
    await waitUntil(() => received.some((m) => m.reference === code), 2000, 'pickup-code message');
    const first = received.length;

    clock.advance(8 * DAY);
    await waitUntil(() => received.length > first, 3000, 'automatic reminder');
    await new Promise((r) => setTimeout(r, 1500)); // another hourly check (1 s here) must not repeat it
    const reminders = received.slice(first);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ to: '0977000111', reference: code });
    expect(reminders[0]!.text).toContain('vẫn đang chờ');
    expect(reminders[0]!.text).toContain('02/11/2026');
    expect(reminders[0]!.text).not.toContain(pickupCode);

    const again = await postJson<{ to: string }>(`${agent.url}/api/lockers/remind`, { dossierCode: code }, staff);
    expect(again).toMatchObject({ status: 200, body: { to: '09******11' } });
    await waitUntil(() => received.length === first + 2, 2000, 'staff reminder');

    const none = await postJson<ErrorBody>(`${agent.url}/api/lockers/remind`, { dossierCode: noPhone }, staff);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('DOSSIER_NO_PHONE');
    expect((await postJson(`${agent.url}/api/lockers/remind`, { dossierCode: code })).status).toBe(401);
  });

  it('a dossier that is not in a locker cannot be reminded of one', async () => {
    const code = '000.00.15.H29-251102-0003';
    await postJson(`${agent.url}/api/dossiers`, { code, procedure: 'Chứng thực', applicantName: 'Đinh Văn Khoa', phone: '0977000111', dueDate: '2026-11-05', status: 'processing' }, staff);
    const res = await postJson<ErrorBody>(`${agent.url}/api/lockers/remind`, { dossierCode: code }, staff);
    expect(res.body.error.code).toBe('DOSSIER_NOT_IN_LOCKER');
  });
});
