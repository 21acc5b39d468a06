/** Compartments of different sizes: a deposit gets the smallest free one that fits, and a full size says so. */
import { describe, expect } from 'vitest';
import type { RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { parseSiteConfig } from '../../kiosk-agent/src/config/load-config';
import type { ErrorBody } from '../../shared/api-schemas';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { testConfig } from '../support/test-config';

type Deposited = { compartment: { board: number; lock: number; size: string }; pickupCode: string };

const it = agentTest({ config: () => ({ locker: { driver: 'simulated', boards: [{ address: 0, locks: 4, sizes: ['S', 'S', 'M', 'L'] }], pollMs: 50 } }) });

describe('compartment sizes', () => {
  const deposit = async (agent: RunningAgent, n: number, size?: string) => {
    const code = `000.00.15.H29-250704-${String(70 + n).padStart(4, '0')}`;
    await postJson(`${agent.url}/api/dossiers`, { code, procedure: 'Cấp giấy chứng nhận quyền sử dụng đất', applicantName: 'Mai Văn Tú', dueDate: '2026-12-01', status: 'ready' }, STAFF);
    return postJson<Deposited & ErrorBody>(`${agent.url}/api/lockers/deposit`, { dossierCode: code, ...(size ? { size } : {}) }, STAFF);
  };

  it('gives each deposit the smallest free compartment that fits', async ({ agent }) => {
    expect((await deposit(agent, 1, 'M')).body.compartment).toEqual({ board: 0, lock: 3, size: 'M' });
    expect((await deposit(agent, 2)).body.compartment).toEqual({ board: 0, lock: 1, size: 'S' });
    expect((await deposit(agent, 3, 'M')).body.compartment).toEqual({ board: 0, lock: 4, size: 'L' }); // M is taken: L fits too
    const full = await deposit(agent, 4, 'L');
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'LOCKER_FULL', message: expect.stringContaining('cỡ L') });
    expect((await deposit(agent, 5, 'S')).body.compartment).toEqual({ board: 0, lock: 2, size: 'S' });
  });

  it('lists each compartment with its size', async ({ agent }) => {
    const list = await getJson<{ lock: number; size: string; dossierCode?: string }[]>(`${agent.url}/api/lockers`, STAFF);
    expect(list.body.map((c) => c.size)).toEqual(['S', 'S', 'M', 'L']);
  });

  it('refuses a size list that does not match the board', () => {
    expect(() => parseSiteConfig({ ...testConfig('/tmp/x'), locker: { driver: 'simulated', boards: [{ address: 0, locks: 4, sizes: ['S', 'M'] }] } })).toThrow(/sizes must list one size per lock/);
  });
});
