/** What staff and the citizen are told when a pickup does not go to plan. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { ErrorBody } from '../../shared/api-schemas';
import type { DossierLookup } from '../../shared/dossier-schemas';
import { AgentEventSchema, type AgentEvent } from '../../shared/ws-events';
import { postJson } from '../support/http';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { STAFF_TOKEN, testConfig } from '../support/test-config';

const staff = { authorization: `Bearer ${STAFF_TOKEN}` };

describe('pickup alerts', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let ws: WebSocket;
  const events: AgentEvent[] = [];

  const deposit = async (code: string): Promise<{ lock: number; pickupCode: string }> => {
    await postJson(`${agent.url}/api/dossiers`, { code, procedure: 'Đăng ký kết hôn', applicantName: 'Hồ Văn Nam', dueDate: '2026-12-01', status: 'ready' }, staff);
    const res = await postJson<{ compartment: { board: number; lock: number }; pickupCode: string }>(`${agent.url}/api/lockers/deposit`, { dossierCode: code }, staff);
    agent.simulators.locker!.closeDoor(0, res.body.compartment.lock);
    for (let i = 0; i < 100 && !(await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code })).body.inLocker; i++) await new Promise((r) => setTimeout(r, 20));
    return { lock: res.body.compartment.lock, pickupCode: res.body.pickupCode };
  };

  beforeAll(async () => {
    agent = await startKioskAgent({
      config: {
        ...testConfig(dir.path),
        locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 },
        pickup: { ...testConfig(dir.path).pickup, doorReminderMs: 150, doorAlertMs: 400 },
      },
      uiDir: '/nonexistent',
    });
    // Alerts go to staff: the socket signs in with a staff token (a header is fine for a non-browser client).
    ws = new WebSocket(`${agent.url.replace('http', 'ws')}/api/events`, { headers: staff });
    ws.on('message', (d: Buffer) => events.push(AgentEventSchema.parse(JSON.parse(d.toString()))));
    await new Promise((r) => ws.once('open', r));
  });
  afterAll(async () => {
    ws.close();
    await agent.stop();
    dir.cleanup();
  });

  it('a door left open after a pickup: a reminder for the citizen, then a staff alert; shutting it stops them', async () => {
    const code = '000.00.15.H29-250704-0051';
    const { lock, pickupCode } = await deposit(code);
    expect((await postJson(`${agent.url}/api/pickup/open`, { code, pickupCode })).status).toBe(200);
    await waitUntil(() => events.some((e) => e.type === 'pickup.doorReminder' && e.data.dossierCode === code), 2000, 'reminder');
    await waitUntil(() => events.some((e) => e.type === 'staff.alert' && e.data.kind === 'door-left-open' && e.data.lock === lock), 2000, 'staff alert');
    agent.simulators.locker!.closeDoor(0, lock);
    await waitUntil(() => events.some((e) => e.type === 'locker.door' && e.data.lock === lock && !e.data.open), 2000, 'door shut');
  });

  it('a compartment that does not answer: coded error for the citizen, the dossier stays in the locker, staff alerted', async () => {
    const code = '000.00.15.H29-250704-0052';
    const { pickupCode } = await deposit(code);
    agent.simulators.locker!.setSilent(0, true);
    try {
      const res = await postJson<ErrorBody>(`${agent.url}/api/pickup/open`, { code, pickupCode });
      expect(res.status).toBe(504);
      expect(res.body.error.code).toBe('LOCKER_TIMEOUT');
      await waitUntil(() => events.some((e) => e.type === 'staff.alert' && e.data.kind === 'locker-unlock-failed' && e.data.dossierCode === code), 2000, 'alert');
      const alert = events.find((e) => e.type === 'staff.alert' && e.data.kind === 'locker-unlock-failed');
      expect(alert?.type === 'staff.alert' && alert.data.message).toMatch(/quầy trả kết quả/);
      expect((await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code })).body.status).toBe('in-locker');
    } finally {
      agent.simulators.locker!.setSilent(0, false);
    }
  });

  it('after an unlock that got no answer the kiosk never retries (the door may have opened); a staff recall clears it', async () => {
    const code = '000.00.15.H29-250704-0053';
    const { lock, pickupCode } = await deposit(code);
    const bus = agent.simulators.locker!;
    bus.setSilent(0, true);
    try {
      expect((await postJson<ErrorBody>(`${agent.url}/api/pickup/open`, { code, pickupCode })).body.error.code).toBe('LOCKER_TIMEOUT');
    } finally {
      bus.setSilent(0, false);
    }
    const framesBefore = bus.received.length;
    const retry = await postJson<ErrorBody>(`${agent.url}/api/pickup/open`, { code, pickupCode });
    expect(retry.status).toBe(409);
    expect(retry.body.error).toMatchObject({ code: 'PICKUP_NEEDS_STAFF', message: expect.stringContaining('quầy trả kết quả') });
    // Polling may read the board meanwhile; what must not go out is an unlock (KR-CU command 0x31).
    expect(bus.received.slice(framesBefore).some((f) => f[2] === 0x31)).toBe(false);

    const recalled = await postJson<{ compartment: { lock: number } }>(`${agent.url}/api/lockers/recall`, { dossierCode: code }, staff);
    expect(recalled.body.compartment.lock).toBe(lock);
    bus.closeDoor(0, lock);
    expect((await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code })).body.status).toBe('ready');
    // Deposited again, the result can be collected at the kiosk again.
    const again = await deposit(code);
    expect((await postJson(`${agent.url}/api/pickup/open`, { code, pickupCode: again.pickupCode })).status).toBe(200);
  });
});
