/**
 * An unlock frame that went out, then the serial link dropped during the confirming read: the lock may have
 * released, so the handover goes to staff and the kiosk never sends a second unlock for that result. Real bytes:
 * the agent's KR-CU driver and the simulated boards over a socat pty pair, socat killed the moment the boards see
 * the unlock frame.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { SimulatedLockerBus } from '../../kiosk-agent/src/devices/locker/simulated-locker-bus';
import { SerialLink } from '../../kiosk-agent/src/devices/serial/serial-link';
import type { ErrorBody, FullHealth } from '../../shared/api-schemas';
import type { AgentEvent } from '../../shared/ws-events';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { ptyPair, waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';

const CODE = '000.00.15.H29-251201-0202';
const UNLOCK = 0x31;

// The cable: a socat pty pair in a folder of its own, up before the agent starts (the agent is given one end).
const cable = tempDir();
const pair = ptyPair(join(cable.path, 'agent'), join(cable.path, 'boards'));
const it = agentTest({
  config: () => ({ locker: { driver: 'kerong-cu', path: pair.a, boards: [{ address: 0, locks: 4 }], replyTimeoutMs: 300, retries: 1, pollMs: 100 } }),
});

describe('an unlock whose confirmation was lost', () => {
  let boardLink: SerialLink;
  let bus: SimulatedLockerBus;
  const events: AgentEvent[] = [];

  beforeAll(async () => {
    await pair.start();
    boardLink = new SerialLink({ path: pair.b, baudRate: 19200, backoffMs: { min: 100, max: 300 } });
    bus = new SimulatedLockerBus(boardLink, [{ address: 0, locks: 4 }]);
  });
  it.beforeAll(async ({ agent }) => {
    agent.events.subscribe((e) => events.push(e));
    await waitUntil(async () => (await getJson<FullHealth>(`${agent.url}/api/health`)).body.devices.locker.state === 'ready', 5000, 'locker ready');
  });
  afterAll(async () => {
    await boardLink.close();
    await pair.stop();
    cable.cleanup();
  });

  it('goes to staff (needs-staff), and a second try never reaches the boards', async ({ agent }) => {
    await postJson(`${agent.url}/api/dossiers`, { code: CODE, procedure: 'Cấp bản sao trích lục', applicantName: 'Phan Thị Hoa', dueDate: '2026-12-05', status: 'ready' }, STAFF);
    const deposit = await postJson<{ compartment: { board: number; lock: number }; pickupCode: string }>(`${agent.url}/api/lockers/deposit`, { dossierCode: CODE }, STAFF);
    expect(deposit.status).toBe(200);
    const { lock } = deposit.body.compartment;
    bus.closeDoor(0, lock);
    await waitUntil(async () => (await postJson<{ inLocker: boolean }>(`${agent.url}/api/pickup/lookup`, { code: CODE })).body.inLocker, 5000, 'in locker');

    // The boards receive the unlock frame; at that instant the cable is gone (socat killed).
    const unlocksBefore = bus.received.filter((f) => f[2] === UNLOCK).length;
    bus.once('request', (req: { cmd: number }) => {
      if (req.cmd === UNLOCK) void pair.stop();
    });
    const first = await postJson<ErrorBody>(`${agent.url}/api/pickup/open`, { code: CODE, pickupCode: deposit.body.pickupCode });
    expect(first.status).toBeGreaterThanOrEqual(500);
    // The link dropped during the confirming read: the case a retry used to be allowed for.
    expect(first.body.error.code).toBe('SERIAL_UNAVAILABLE');
    expect(bus.received.filter((f) => f[2] === UNLOCK).length - unlocksBefore).toBe(1);
    await waitUntil(() => events.some((e) => e.type === 'staff.alert' && e.data.kind === 'locker-unlock-failed' && e.data.dossierCode === CODE), 2000, 'staff alert');

    // The cable comes back; the citizen tries again with the right code.
    await pair.start();
    await waitUntil(async () => (await getJson<FullHealth>(`${agent.url}/api/health`)).body.devices.locker.state === 'ready', 8000, 'locker ready again');
    const again = await postJson<ErrorBody>(`${agent.url}/api/pickup/open`, { code: CODE, pickupCode: deposit.body.pickupCode });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'PICKUP_NEEDS_STAFF', message: expect.stringMatching(/quầy trả kết quả/) });
    await new Promise((r) => setTimeout(r, 200));
    expect(bus.received.filter((f) => f[2] === UNLOCK).length - unlocksBefore).toBe(1);
  });
});
