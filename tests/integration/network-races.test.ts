/**
 * Races a LAN makes easy: a double-clicked deposit, and a technician PIN tried in parallel. Both are decided
 * inside the store's transaction (or one check at a time), so what the boards and the lockout see is exactly what
 * a single click would have produced.
 */
import { describe, expect } from 'vitest';
import { demoConfig } from '../../kiosk-agent/src/config/demo-config';
import type { ErrorBody } from '../../shared/api-schemas';
import { agentTest } from '../support/agent-fixture';
import { postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { waitUntil } from '../support/socat';

const UNLOCK = 0x31;

const it = agentTest({
  config: () => ({
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 16 }], pollMs: 50 },
    technician: { pinHash: demoConfig('/unused').technician!.pinHash },
  }),
});

describe('races on the centre network', () => {
  it('10 parallel deposits of one dossier: one compartment opens, one unlock frame on the bus, the rest 409', async ({ agent }) => {
    const code = '000.00.15.H29-251201-0101';
    const bus = agent.simulators.locker!;
    await postJson(`${agent.url}/api/dossiers`, { code, procedure: 'Chứng thực bản sao', applicantName: 'Lê Văn Tám', phone: '0912345678', dueDate: '2026-12-05', status: 'ready' }, STAFF);
    const framesBefore = bus.received.filter((f) => f[2] === UNLOCK).length;

    const answers = await Promise.all(Array.from({ length: 10 }, () => postJson<{ compartment: { lock: number }; pickupCode: string } | ErrorBody>(`${agent.url}/api/lockers/deposit`, { dossierCode: code }, STAFF)));

    const opened = answers.filter((a) => a.status === 200);
    expect(opened).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.map((a) => a.status)).toEqual(Array(9).fill(409));
    for (const r of refused) expect((r.body as ErrorBody).error.code).toMatch(/^(DEPOSIT_IN_PROGRESS|DOSSIER_IN_LOCKER)$/);
    expect(bus.received.filter((f) => f[2] === UNLOCK).length - framesBefore).toBe(1);
    expect(bus.state()[0]!.open).toHaveLength(1);

    // While its door is open, the dossier cannot be edited either (that would free a compartment holding papers).
    const edit = await postJson<ErrorBody>(`${agent.url}/api/dossiers`, { code, procedure: 'x', applicantName: 'y', dueDate: '2026-12-05', status: 'processing' }, STAFF);
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('DEPOSIT_IN_PROGRESS');

    // The officer shuts the door: the result is in the locker, and a late retry says so without touching the bus.
    const { lock } = (opened[0]!.body as { compartment: { lock: number } }).compartment;
    bus.closeDoor(0, lock);
    await waitUntil(async () => (await postJson<{ inLocker: boolean }>(`${agent.url}/api/pickup/lookup`, { code })).body.inLocker, 3000, 'result in locker');
    const late = await postJson<ErrorBody>(`${agent.url}/api/lockers/deposit`, { dossierCode: code }, STAFF);
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'DOSSIER_IN_LOCKER', message: expect.stringMatching(/đã ở ngăn/) });
    expect(bus.received.filter((f) => f[2] === UNLOCK).length - framesBefore).toBe(1);
  });

  it('20 parallel wrong PINs: four count down, the fifth failure locks entry, and the right PIN is refused too', async ({ agent }) => {
    const tries = await Promise.all(Array.from({ length: 20 }, (_, i) => postJson<ErrorBody>(`${agent.url}/api/diagnostics/session`, { pin: String(900000 + i) })));
    const invalid = tries.filter((t) => t.body.error.code === 'TECHNICIAN_PIN_INVALID');
    const locked = tries.filter((t) => t.body.error.code === 'TECHNICIAN_LOCKED');
    expect(invalid).toHaveLength(4);
    expect(invalid.map((t) => t.body.error.details?.attemptsLeft).sort()).toEqual([1, 2, 3, 4]);
    expect(locked).toHaveLength(16);
    expect(locked.every((t) => t.status === 429)).toBe(true);
    const right = await postJson<ErrorBody>(`${agent.url}/api/diagnostics/session`, { pin: '123456' });
    expect(right.status).toBe(429);
    expect(right.body.error.message).toMatch(/thử lại sau 15 phút/);
  });
});
