/**
 * A centre's stuck outbox is told to the technicians once, not once per agent (monitoring/stuck-outbox-alert.ts,
 * alert-claims.ts): two agents with `alerts.to` on one PostgreSQL store share the outbox, both see its oldest message
 * stuck, and the SMS gateway receives one alert per number for the spell. The outbox moves and sticks again: one
 * more. The agent holding that spell's alert stops while the gateway is down: the other sends it after the lease.
 *
 * Both agents run in this process, not as CLI processes (centre-agents.ts), because they share one fake clock: the
 * outbox is stuck for minutes of it while the checks run every 50 ms of real time (as in fault-alerts.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { SiteConfigInput } from '../../kiosk-agent/src/config/site-config-schema';
import { FakeClock } from '../support/fake-clock';
import { FakeGateway } from '../support/fake-gateway';
import { postJson } from '../support/http';
import { freshDatabase, postgresPool } from '../support/postgres-cluster';
import { scrape, valueOf } from '../support/prometheus-text';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

const TECHNICIANS = ['0912000111', '0987000222'];
const APPLICANT = '0903555666';
const MINUTE = 60_000;
/** Long enough for several checks (every 50 ms) of both agents and outbox rounds to have run. */
const settle = () => new Promise((r) => setTimeout(r, 500));

describe('two agents of a centre on one PostgreSQL, the outbox stuck', () => {
  const gateway = new FakeGateway();
  const clock = new FakeClock(Date.parse('2026-12-02T01:30:00Z'));
  const dirs = [tempDir(), tempDir()];
  const agents: RunningAgent[] = [];
  let url = '';

  const config = (dataDir: string, kioskId: string): SiteConfigInput => ({
    ...testConfig(dataDir),
    kiosk: { id: kioskId, name: { vi: `Ki-ốt ${kioskId}`, en: `Kiosk ${kioskId}` } },
    store: { driver: 'postgres', url },
    notifier: { driver: 'webhook', url: gateway.url },
    // A refused message is tried again a minute of the fake clock later: it stays pending while the clock stands.
    outbox: { pollMs: 50, minBackoffMs: 60_000 },
    alerts: { to: TECHNICIANS, outboxStuckMinutes: 30, checkMs: 50 },
  });
  const alerts = () => gateway.received.filter((m) => TECHNICIANS.includes(m.to));
  const pending = async () => valueOf((await scrape(agents[1]!.url)).samples, 'kiosk_outbox_pending');

  beforeAll(async () => {
    await gateway.start();
    url = await freshDatabase();
    // One after the other: the first migrates the new database.
    for (const [i, id] of ['sanh-a', 'sanh-b'].entries()) agents.push(await startKioskAgent({ config: config(dirs[i]!.path, id), clock, uiDir: '/nonexistent' }));
  });
  afterAll(async () => {
    for (const agent of agents) await agent.stop();
    await gateway.stop();
    for (const dir of dirs) dir.cleanup();
  });

  it('one SMS per number for the spell, whichever agent sends it; one more after it moved and stuck again', async () => {
    gateway.refuseTo.add(APPLICANT);
    expect((await postJson(`${agents[0]!.url}/api/tickets`, { serviceId: 'tu-phap', phone: APPLICANT })).status).toBe(201);
    await waitUntil(async () => (await pending()) === 1, 3000, 'the applicant message pending in the shared outbox');

    clock.advance(29 * MINUTE);
    await settle();
    expect(alerts()).toEqual([]);

    clock.advance(2 * MINUTE);
    await waitUntil(() => alerts().length >= 2, 3000, 'the stuck-outbox alert at both numbers');
    await settle();
    expect(alerts().map((m) => m.to).sort()).toEqual([...TECHNICIANS].sort());
    const [first, second] = alerts();
    expect(first!.reference).toBe('outbox.stuck');
    // From one agent: the same text, naming the kiosk that sent it; never the applicant.
    expect(second!.text).toBe(first!.text);
    expect(first!.text).toMatch(/\(sanh-[ab]\)/);
    expect(first!.text).toContain('1 tin nhắn/báo cáo chưa gửi được, tin cũ nhất đã chờ 31 phút');
    expect(first!.text).not.toContain(APPLICANT);

    clock.advance(60 * MINUTE);
    await settle();
    expect(alerts()).toHaveLength(2);

    // The number is reachable again: the message goes, the spell ends. Stuck again: a new spell, told once more.
    gateway.refuseTo.delete(APPLICANT);
    clock.advance(5 * MINUTE);
    await waitUntil(async () => (await pending()) === 0, 3000, 'the outbox empty');
    gateway.refuseTo.add(APPLICANT);
    expect((await postJson(`${agents[1]!.url}/api/tickets`, { serviceId: 'tu-phap', phone: APPLICANT })).status).toBe(201);
    await waitUntil(async () => (await pending()) === 1, 3000, 'the second applicant message pending');
    clock.advance(31 * MINUTE);
    await waitUntil(() => alerts().length >= 4, 3000, 'the second stuck-outbox alert');
    await settle();
    expect(alerts().slice(2).map((m) => m.to).sort()).toEqual([...TECHNICIANS].sort());
  });

  it('the agent holding the alert stops while the gateway is down: the other sends it once the lease has passed', async () => {
    gateway.refuseTo.delete(APPLICANT);
    clock.advance(5 * MINUTE);
    await waitUntil(async () => (await pending()) === 0, 3000, 'the outbox empty');
    const before = alerts().length;

    gateway.refuseTo.add(APPLICANT);
    gateway.failNext = Infinity; // down: neither the outbox nor an alert gets through
    expect((await postJson(`${agents[1]!.url}/api/tickets`, { serviceId: 'tu-phap', phone: APPLICANT })).status).toBe(201);
    await waitUntil(async () => (await pending()) === 1, 3000, 'the third applicant message pending');
    clock.advance(31 * MINUTE);
    const pool = postgresPool(url);
    let holder: string;
    try {
      const claimed = async () => (await pool.query<{ kiosk_id: string }>('SELECT kiosk_id FROM alert_claims WHERE sent_at_ms IS NULL')).rows;
      await waitUntil(async () => (await claimed()).length === 1, 3000, 'the third spell claimed');
      holder = (await claimed())[0]!.kiosk_id;
    } finally {
      await pool.end();
    }
    const index = agents.findIndex((a) => a.config.kiosk.id === holder);
    await agents.splice(index, 1)[0]!.stop();

    gateway.failNext = 0;
    await settle();
    // The survivor waits out the stopped agent's claim (a minute of the fake clock is far past it), then sends.
    expect(alerts()).toHaveLength(before);
    clock.advance(MINUTE);
    await waitUntil(() => alerts().length >= before + 2, 3000, 'the third alert, from the agent still running');
    await settle();
    const third = alerts().slice(before);
    expect(third.map((m) => m.to).sort()).toEqual([...TECHNICIANS].sort());
    expect(third[0]!.text).toContain(`(${agents[0]!.config.kiosk.id})`);
  });
});
