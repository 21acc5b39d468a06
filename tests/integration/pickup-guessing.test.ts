/**
 * Guessing pickup codes, bounded: per dossier (lockouts, then staff only), per kiosk (a pause of every pickup after
 * too many wrong codes across dossiers), slip lookups per client per minute, and codes stored so that a copied
 * database alone does not give them away.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { scryptSync } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { ErrorBody } from '../../shared/api-schemas';
import type { AgentEvent } from '../../shared/ws-events';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { postJson } from '../support/http';
import { STAFF, depositInLocker } from '../support/lockers';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

const depositReady = async (agent: RunningAgent, code: string): Promise<string> => (await depositInLocker(agent, code, { procedure: 'Đăng ký khai sinh', applicantName: 'Trần Văn Bình' })).pickupCode;

const open = (agent: RunningAgent, code: string, pickupCode: string) => postJson<ErrorBody>(`${agent.url}/api/pickup/open`, { code, pickupCode });

const clock = new FakeClock(Date.parse('2026-12-02T09:00:00+07:00'));
const it = agentTest({
  config: () => ({
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 16 }], pollMs: 30 },
    pickup: { guessing: { wrongCodesPerKiosk: 8, windowMinutes: 10, pauseMinutes: 15, lockoutsBeforeStaff: 3, lookupsPerMinute: 10_000 } },
  }),
  clock,
});
// The lookup limit is another config, so another agent.
const itWithFiveLookups = agentTest({ config: () => ({ pickup: { guessing: { lookupsPerMinute: 5 } } }) });

describe('guessing pickup codes', () => {
  const alerts: AgentEvent[] = [];

  it.beforeAll(({ agent }) => {
    agent.events.subscribe((e) => e.type === 'staff.alert' && alerts.push(e));
  });

  it('wrong codes across dossiers pause every pickup at this kiosk, with a staff alert; staff lift it', async ({ agent }) => {
    const codes = ['000.00.15.H29-251201-0301', '000.00.15.H29-251201-0302', '000.00.15.H29-251201-0303', '000.00.15.H29-251201-0304'];
    const pins = [];
    for (const c of codes) pins.push(await depositReady(agent, c));
    // Two wrong codes on each of four dossiers: no dossier reaches its own lockout, the kiosk reaches its ceiling.
    const answers = [];
    for (let round = 0; round < 2; round++) for (let i = 0; i < codes.length; i++) answers.push(await open(agent, codes[i]!, wrongOf(pins[i]!)));
    expect(answers.slice(0, 7).map((a) => a.body.error.code)).toEqual(Array(7).fill('PICKUP_CODE_INVALID'));
    expect(answers[7]!.status).toBe(429);
    expect(answers[7]!.body.error).toMatchObject({ code: 'PICKUP_PAUSED', message: expect.stringMatching(/tạm dừng.*quầy trả kết quả/) });
    expect(alerts.some((a) => a.type === 'staff.alert' && a.data.kind === 'pickup-paused')).toBe(true);

    // Paused means paused: the right code too, for any dossier.
    const right = await open(agent, codes[0]!, pins[0]!);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('PICKUP_PAUSED');

    // Only staff lift it early.
    expect((await postJson(`${agent.url}/api/pickup/resume`, {})).status).toBe(401);
    expect((await postJson<{ resumed: boolean }>(`${agent.url}/api/pickup/resume`, {}, STAFF)).body).toEqual({ resumed: true });
    clock.advance(11 * 60_000); // the wrong codes leave the window
    const opened = await open(agent, codes[0]!, pins[0]!);
    expect(opened.status).toBe(200);
  });

  it('after three lockouts of one dossier only staff hand it over', async ({ agent }) => {
    const code = '000.00.15.H29-251201-0305';
    const pin = await depositReady(agent, code);
    let last: Awaited<ReturnType<typeof open>> | undefined;
    for (let lockout = 1; lockout <= 3; lockout++) {
      for (let i = 0; i < 5; i++) last = await open(agent, code, wrongOf(pin));
      if (lockout < 3) {
        expect(last!.body.error.code).toBe('PICKUP_LOCKED');
        clock.advance(16 * 60_000); // the lockout ends, and the kiosk-wide window moves on
      }
    }
    expect(last!.status).toBe(409);
    expect(last!.body.error).toMatchObject({ code: 'PICKUP_NEEDS_STAFF', message: expect.stringMatching(/quầy trả kết quả/) });
    expect(alerts.some((a) => a.type === 'staff.alert' && a.data.kind === 'pickup-guessing' && a.data.dossierCode === code)).toBe(true);
    clock.advance(60 * 60_000);
    const right = await open(agent, code, pin);
    expect(right.status).toBe(409);
    expect(right.body.error.code).toBe('PICKUP_NEEDS_STAFF');
    // Staff take the result back to the counter; deposited again, it starts with a clean record.
    const recalled = await postJson<{ compartment: { board: number; lock: number } }>(`${agent.url}/api/lockers/recall`, { dossierCode: code }, STAFF);
    expect(recalled.status).toBe(200);
    agent.simulators.locker!.closeDoor(0, recalled.body.compartment.lock);
    const newPin = await depositReady(agent, code);
    expect((await open(agent, code, newPin)).status).toBe(200);
  });
});

describe('slip lookups per client', () => {
  itWithFiveLookups('refuses the sixth lookup in a minute with RATE_LIMITED and when to try again, and openings with it', async ({ agent }) => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await postJson(`${agent.url}/api/pickup/lookup`, { code: `000.00.15.H29-251201-04${String(i).padStart(2, '0')}` })).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404]);
    const sixth = await postJson<ErrorBody>(`${agent.url}/api/pickup/lookup`, { code: '000.00.15.H29-251201-0499' });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/thử lại sau \d+ giây/) });
    expect(sixth.body.error.details?.retryAfterSeconds).toBeGreaterThan(0);
    // Opening answers whether a dossier exists too (before any code is checked): it shares the limit.
    const open = await postJson<ErrorBody>(`${agent.url}/api/pickup/open`, { code: '000.00.15.H29-251201-0498', pickupCode: '123456' });
    expect(open.status).toBe(429);
    expect(open.body.error.code).toBe('RATE_LIMITED');
  });
});

// Starts its own agents, not the agentTest fixture: a kiosk, a thief with a copy of its database, the kiosk again.
describe('a copied database', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());

  it('keeps pickup codes keyed with a secret outside it: the copy alone does not open anything', async () => {
    const code = '000.00.15.H29-251201-0501';
    const site = join(dir.path, 'site');
    const agent = await startKioskAgent({
      config: { ...testConfig(site), locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 30 }, secrets: { keyFile: join(dir.path, 'site.key') } },
      uiDir: '/nonexistent',
    });
    const pin = await depositReady(agent, code);
    await agent.stop();

    // What the copy holds is keyed: the code's plain scrypt does not reproduce it.
    const db = new Database(join(site, 'kiosk.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT pickup_code_hash FROM dossiers WHERE code = ?').pluck().get(code) as string;
    db.close();
    const [scheme, n, salt, hash] = stored.split('$');
    expect(scheme).toBe('hscrypt');
    expect(scryptSync(pin, Buffer.from(salt!, 'base64'), 32, { N: Number(n) }).toString('base64')).not.toBe(hash);

    // The same file on another machine (another key): the right code does not open the compartment.
    const copy = join(dir.path, 'copy');
    mkdirSync(copy);
    copyFileSync(join(site, 'kiosk.sqlite'), join(copy, 'kiosk.sqlite'));
    const thief = await startKioskAgent({
      config: { ...testConfig(copy), locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 30 }, secrets: { keyFile: join(dir.path, 'other.key') } },
      uiDir: '/nonexistent',
    });
    try {
      expect((await open(thief, code, pin)).body.error.code).toBe('PICKUP_CODE_INVALID');
    } finally {
      await thief.stop();
    }
    // With its own key, the kiosk itself still opens it.
    const again = await startKioskAgent({
      config: { ...testConfig(site), locker: { driver: 'simulated', boards: [{ address: 0, locks: 4 }], pollMs: 30 }, secrets: { keyFile: join(dir.path, 'site.key') } },
      uiDir: '/nonexistent',
    });
    try {
      expect((await open(again, code, pin)).status).toBe(200);
    } finally {
      await again.stop();
    }
  });
});
