/**
 * Deposit → door shut → pickup with the code → door shut → returned, through the agent's HTTP API with the
 * simulated locker bus (same bytes as the boards, in-process). Wrong codes, lockout, and no second opening.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { ErrorBody } from '../../shared/api-schemas';
import type { DossierLookup } from '../../shared/dossier-schemas';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { postJson } from '../support/http';
import { STAFF } from '../support/lockers';

const CODE = '000.00.15.H29-250704-0021';

const clock = new FakeClock(Date.parse('2026-11-22T09:00:00+07:00'));
const it = agentTest({ config: () => ({ locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 50 } }), clock });

describe('result pickup from a locker', () => {
  let pickupCode = '';
  const lookup = (agent: RunningAgent) => postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code: CODE });
  const open = (agent: RunningAgent, code: string) => postJson<{ compartment: { board: number; lock: number } } & ErrorBody>(`${agent.url}/api/pickup/open`, { code: CODE, pickupCode: code });

  it.beforeAll(async ({ agent }) => {
    await postJson(`${agent.url}/api/dossiers`, { code: CODE, procedure: 'Chứng thực bản sao', applicantName: 'Lê Thị Hoa', dueDate: '2026-11-25', status: 'processing' }, STAFF);
  });

  it('refuses to deposit a dossier that is not ready', async ({ agent }) => {
    const bus = agent.simulators.locker!;
    const res = await postJson<ErrorBody>(`${agent.url}/api/lockers/deposit`, { dossierCode: CODE }, STAFF);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'DOSSIER_NOT_READY', details: { status: 'processing' } });
    expect(bus.state()[0]!.open).toEqual([]);
  });

  it('deposit opens a free compartment; the dossier is "in locker" only once the door is shut', async ({ agent }) => {
    const bus = agent.simulators.locker!;
    await postJson(`${agent.url}/api/dossiers`, { code: CODE, procedure: 'Chứng thực bản sao', applicantName: 'Lê Thị Hoa', dueDate: '2026-11-25', status: 9 }, STAFF);
    expect((await postJson(`${agent.url}/api/lockers/deposit`, { dossierCode: CODE })).status).toBe(401);
    const res = await postJson<{ compartment: { board: number; lock: number }; pickupCode: string }>(`${agent.url}/api/lockers/deposit`, { dossierCode: CODE }, STAFF);
    expect(res.status).toBe(200);
    expect(res.body.compartment).toEqual({ board: 0, lock: 1, size: 'M' });
    expect(res.body.pickupCode).toMatch(/^\d{6}$/);
    pickupCode = res.body.pickupCode;
    expect(bus.isOpen(0, 1)).toBe(true);
    expect((await lookup(agent)).body).toMatchObject({ status: 'ready', inLocker: false });
    bus.closeDoor(0, 1);
    for (let i = 0; i < 100 && !(await lookup(agent)).body.inLocker; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await lookup(agent)).body).toMatchObject({ status: 'in-locker', inLocker: true, applicant: 'Lê T** H**' });
  });

  it('the next deposit takes the next compartment', async ({ agent }) => {
    const bus = agent.simulators.locker!;
    const other = '000.00.15.H29-250704-0022';
    await postJson(`${agent.url}/api/dossiers`, { code: other, procedure: 'Khai sinh', applicantName: 'Phạm Minh', dueDate: '2026-11-25', status: 'ready' }, STAFF);
    const res = await postJson<{ compartment: { lock: number } }>(`${agent.url}/api/lockers/deposit`, { dossierCode: other }, STAFF);
    expect(res.body.compartment.lock).toBe(2);
    bus.closeDoor(0, 2);
  });

  it('wrong codes say how many tries are left; the fifth locks pickup for 15 minutes (429)', async ({ agent }) => {
    const bus = agent.simulators.locker!;
    const wrong = pickupCode === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const res = await open(agent, wrong);
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'PICKUP_CODE_INVALID', details: { attemptsLeft: left } });
    }
    const fifth = await open(agent, wrong);
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('PICKUP_LOCKED');
    // Even the right code is refused while locked, and nothing opens.
    const locked = await open(agent, pickupCode);
    expect(locked.status).toBe(429);
    expect(bus.isOpen(0, 1)).toBe(false);
    clock.advance(15 * 60_000 + 1);
  });

  it('the right code opens the compartment once; shutting the door records the handover', async ({ agent }) => {
    const bus = agent.simulators.locker!;
    const res = await open(agent, pickupCode);
    expect(res.status).toBe(200);
    expect(res.body.compartment).toEqual({ board: 0, lock: 1 });
    expect(bus.isOpen(0, 1)).toBe(true);
    bus.closeDoor(0, 1);
    for (let i = 0; i < 100 && (await lookup(agent)).body.status !== 'returned'; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await lookup(agent)).body).toMatchObject({ status: 'returned', inLocker: false });
    const again = await open(agent, pickupCode);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PICKUP_ALREADY_DONE');
    expect(bus.isOpen(0, 1)).toBe(false);
    const unlocks = bus.received.filter((f) => f[2] === 0x31 && f[1] === 0x00);
    expect(unlocks).toHaveLength(2); // the deposit and the one pickup
  });

  it('audits every attempt without ever storing the code', ({ agent }) => {
    const db = new Database(join(agent.config.dataDir, 'kiosk.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT action, result FROM pickup_audit WHERE dossier_code = ? ORDER BY id').all(CODE) as { action: string; result: string }[];
    const dump = JSON.stringify(db.prepare('SELECT * FROM pickup_audit').all()) + JSON.stringify(db.prepare('SELECT * FROM dossiers').all());
    db.close();
    expect(rows.filter((r) => r.result === 'wrong-code')).toHaveLength(4);
    expect(rows.map((r) => r.result)).toEqual(expect.arrayContaining(['wrong-code-locked', 'locked', 'opened 0/1', 'door-closed', 'already-handed-over']));
    expect(dump).not.toContain(pickupCode);
  });

  it('flags a result not collected after 7 days; a staff recall opens it and voids its code', async ({ agent }) => {
    const bus = agent.simulators.locker!;
    const code = '000.00.15.H29-250704-0022'; // deposited in compartment 2 above, never collected
    clock.advance(8 * 24 * 3_600_000);
    expect((await fetch(`${agent.url}/api/lockers`)).status).toBe(401);
    const list = (await (await fetch(`${agent.url}/api/lockers`, { headers: STAFF })).json()) as { lock: number; dossierCode?: string; overdue: boolean }[];
    expect(list).toHaveLength(4);
    expect(list.find((c) => c.lock === 2)).toMatchObject({ dossierCode: code, overdue: true });
    expect(list.find((c) => c.lock === 1)).toEqual({ board: 0, lock: 1, size: 'M', overdue: false });

    const recall = await postJson<{ compartment: { lock: number } }>(`${agent.url}/api/lockers/recall`, { dossierCode: code }, STAFF);
    expect(recall.status).toBe(200);
    expect(bus.isOpen(0, 2)).toBe(true);
    bus.closeDoor(0, 2);
    const after = await postJson<DossierLookup>(`${agent.url}/api/pickup/lookup`, { code });
    expect(after.body).toMatchObject({ status: 'ready', inLocker: false });
    const open = await postJson<ErrorBody>(`${agent.url}/api/pickup/open`, { code, pickupCode: '123456' });
    expect(open.body.error.code).toBe('DOSSIER_NOT_IN_LOCKER');
    const again = await postJson<ErrorBody>(`${agent.url}/api/lockers/recall`, { dossierCode: code }, STAFF);
    expect(again.status).toBe(409);
    // Compartment 2 is free again: the next deposit may use it.
    const list2 = (await (await fetch(`${agent.url}/api/lockers`, { headers: STAFF })).json()) as { lock: number; dossierCode?: string }[];
    expect(list2.find((c) => c.lock === 2)?.dossierCode).toBeUndefined();
  });
});
