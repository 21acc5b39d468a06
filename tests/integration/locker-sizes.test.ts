/** Compartments of different sizes: a deposit gets the smallest free one that fits, and a full size says so. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { parseSiteConfig } from '../../kiosk-agent/src/config/load-config';
import type { ErrorBody } from '../../shared/api-schemas';
import { getJson, postJson } from '../support/http';
import { tempDir } from '../support/temp-dir';
import { STAFF_TOKEN, testConfig } from '../support/test-config';

const staff = { authorization: `Bearer ${STAFF_TOKEN}` };
type Deposited = { compartment: { board: number; lock: number; size: string }; pickupCode: string };

describe('compartment sizes', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  const deposit = async (n: number, size?: string) => {
    const code = `000.00.15.H29-250704-${String(70 + n).padStart(4, '0')}`;
    await postJson(`${agent.url}/api/dossiers`, { code, procedure: 'Cấp giấy chứng nhận quyền sử dụng đất', applicantName: 'Mai Văn Tú', dueDate: '2026-12-01', status: 'ready' }, staff);
    return postJson<Deposited & ErrorBody>(`${agent.url}/api/lockers/deposit`, { dossierCode: code, ...(size ? { size } : {}) }, staff);
  };

  beforeAll(async () => {
    agent = await startKioskAgent({
      config: { ...testConfig(dir.path), locker: { driver: 'simulated', boards: [{ address: 0, locks: 4, sizes: ['S', 'S', 'M', 'L'] }], pollMs: 50 } },
      uiDir: '/nonexistent',
    });
  });
  afterAll(async () => {
    await agent.stop();
    dir.cleanup();
  });

  it('gives each deposit the smallest free compartment that fits', async () => {
    expect((await deposit(1, 'M')).body.compartment).toEqual({ board: 0, lock: 3, size: 'M' });
    expect((await deposit(2)).body.compartment).toEqual({ board: 0, lock: 1, size: 'S' });
    expect((await deposit(3, 'M')).body.compartment).toEqual({ board: 0, lock: 4, size: 'L' }); // M is taken: L fits too
    const full = await deposit(4, 'L');
    expect(full.status).toBe(409);
    expect(full.body.error).toMatchObject({ code: 'LOCKER_FULL', message: expect.stringContaining('cỡ L') });
    expect((await deposit(5, 'S')).body.compartment).toEqual({ board: 0, lock: 2, size: 'S' });
  });

  it('lists each compartment with its size', async () => {
    const list = await getJson<{ lock: number; size: string; dossierCode?: string }[]>(`${agent.url}/api/lockers`, staff);
    expect(list.body.map((c) => c.size)).toEqual(['S', 'S', 'M', 'L']);
  });

  it('refuses a size list that does not match the board', () => {
    expect(() => parseSiteConfig({ ...testConfig(dir.path), locker: { driver: 'simulated', boards: [{ address: 0, locks: 4, sizes: ['S', 'M'] }] } })).toThrow(/sizes must list one size per lock/);
  });
});
