/** What staff and the citizen are told when a pickup does not go to plan. */
import { describe, expect } from 'vitest';
import type { ErrorBody } from '../../shared/api-schemas';
import type { DossierLookup } from '../../shared/dossier-schemas';
import { agentTest } from '../support/agent-fixture';
import { postJson } from '../support/http';
import { STAFF, depositInLocker } from '../support/lockers';
import { testConfig } from '../support/test-config';

const it = agentTest({
  config: (dataDir) => ({
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 },
    pickup: { ...testConfig(dataDir).pickup, doorReminderMs: 150, doorAlertMs: 400 },
  }),
  // Alerts go to staff: the socket signs in with a staff token (a header is fine for a non-browser client).
  eventHeaders: STAFF,
});

describe('pickup alerts', () => {
  it('a door left open after a pickup: a reminder for the citizen, then a staff alert; shutting it stops them', async ({ agent, heard }) => {
    const code = '000.00.15.H29-250704-0051';
    const { lock, pickupCode } = await depositInLocker(agent, code);
    expect((await postJson(`${agent.url}/api/pickup/open`, { code, pickupCode })).status).toBe(200);
    await heard.next('pickup.doorReminder', (e) => e.data.dossierCode === code);
    await heard.next('staff.alert', (e) => e.data.kind === 'door-left-open' && e.data.lock === lock);
    agent.simulators.locker!.closeDoor(0, lock);
    await heard.next('locker.door', (e) => e.data.lock === lock && !e.data.open);
  });

  it('a compartment that does not answer: coded error for the citizen, the dossier stays in the locker, staff alerted', async ({ agent, heard }) => {
    const code = '000.00.15.H29-250704-0052';
    const { pickupCode } = await depositInLocker(agent, code);
    agent.simulators.locker!.setSilent(0, true);
    try {
      const res = await postJson<ErrorBody>(`${agent.url}/api/pickup/open`, { code, pickupCode });
      expect(res.status).toBe(504);
      expect(res.body.error.code).toBe('LOCKER_TIMEOUT');
      const alert = await heard.next('staff.alert', (e) => e.data.kind === 'locker-unlock-failed' && e.data.dossierCode === code);
      expect(alert.data.message).toMatch(/quầy trả kết quả/);
      expect((await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code })).body.status).toBe('in-locker');
    } finally {
      agent.simulators.locker!.setSilent(0, false);
    }
  });

  it('after an unlock that got no answer the kiosk never retries (the door may have opened); a staff recall clears it', async ({ agent }) => {
    const code = '000.00.15.H29-250704-0053';
    const { lock, pickupCode } = await depositInLocker(agent, code);
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

    const recalled = await postJson<{ compartment: { lock: number } }>(`${agent.url}/api/lockers/recall`, { dossierCode: code }, STAFF);
    expect(recalled.body.compartment.lock).toBe(lock);
    bus.closeDoor(0, lock);
    expect((await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code })).body.status).toBe('ready');
    // Deposited again, the result can be collected at the kiosk again.
    const again = await depositInLocker(agent, code);
    expect((await postJson(`${agent.url}/api/pickup/open`, { code, pickupCode: again.pickupCode })).status).toBe(200);
  });
});
