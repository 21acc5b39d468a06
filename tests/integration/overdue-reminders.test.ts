/**
 * A result left in its compartment past `pickup.overdueDays`: the applicant gets one automatic reminder through the
 * gateway (never the pickup code again), staff can send another; results without a phone or not in a locker say so.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { ErrorBody } from '../../shared/api-schemas';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { FakeGateway } from '../support/fake-gateway';
import { postJson } from '../support/http';
import { STAFF, depositInLocker } from '../support/lockers';
import { waitUntil } from '../support/socat';
import { testConfig } from '../support/test-config';

const DAY = 24 * 3_600_000;

const clock = new FakeClock(Date.parse('2026-11-02T09:00:00+07:00'));
const gateway = new FakeGateway();
const it = agentTest({
  config: (dataDir) => ({
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 },
    notifier: { driver: 'webhook', url: gateway.url },
    outbox: { pollMs: 50, minBackoffMs: 50 },
    pickup: { ...testConfig(dataDir).pickup, overdueDays: 7, reminderCheckMs: 1000 },
  }),
  clock,
});

describe('reminding applicants of overdue results', () => {
  const received = gateway.received;

  const deposit = async (agent: RunningAgent, code: string, phone?: string): Promise<string> =>
    (await depositInLocker(agent, code, { procedure: 'Đăng ký khai sinh', applicantName: 'Đinh Văn Khoa', ...(phone ? { phone } : {}) })).pickupCode;

  beforeAll(() => gateway.start());
  afterAll(() => gateway.stop());

  it('reminds once, automatically, when a result has waited longer than overdueDays; staff can remind again', async ({ agent }) => {
    const code = '000.00.15.H29-251102-0001';
    const pickupCode = await deposit(agent, code, '0977000111');
    const noPhone = '000.00.15.H29-251102-0002';
    await deposit(agent, noPhone);
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

    const again = await postJson<{ to: string }>(`${agent.url}/api/lockers/remind`, { dossierCode: code }, STAFF);
    expect(again).toMatchObject({ status: 200, body: { to: '09******11' } });
    await waitUntil(() => received.length === first + 2, 2000, 'staff reminder');

    const none = await postJson<ErrorBody>(`${agent.url}/api/lockers/remind`, { dossierCode: noPhone }, STAFF);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('DOSSIER_NO_PHONE');
    expect((await postJson(`${agent.url}/api/lockers/remind`, { dossierCode: code })).status).toBe(401);
  });

  it('a dossier that is not in a locker cannot be reminded of one', async ({ agent }) => {
    const code = '000.00.15.H29-251102-0003';
    await postJson(`${agent.url}/api/dossiers`, { code, procedure: 'Chứng thực', applicantName: 'Đinh Văn Khoa', phone: '0977000111', dueDate: '2026-11-05', status: 'processing' }, STAFF);
    const res = await postJson<ErrorBody>(`${agent.url}/api/lockers/remind`, { dossierCode: code }, STAFF);
    expect(res.body.error.code).toBe('DOSSIER_NOT_IN_LOCKER');
  });
});
