/**
 * Alerts that reach a technician's phone without a dashboard (config `alerts`, README "Monitoring"), as the SMS
 * gateway receives them: a printer out of paper for longer than `afterMinutes` → one message per number with what
 * to check; still out an hour later → nothing more; refilled, then out again → one more each. An outbox whose
 * oldest message cannot be delivered for `outboxStuckMinutes` → one message, sent past the outbox (it is not queued
 * behind the stuck one), again only after the outbox moved and stuck again. Each agent runs on a fake clock; the
 * checks themselves run every 50 ms of real time.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { FullHealth } from '../../shared/api-schemas';
import { faultAdvice } from '../../kiosk-agent/src/i18n/fault-advice';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { FakeGateway } from '../support/fake-gateway';
import { getJson, postJson } from '../support/http';
import { scrape, valueOf } from '../support/prometheus-text';
import { waitUntil } from '../support/socat';

const TECHNICIANS = ['0912000111', '0987000222'];
const APPLICANT = '0903555666';
const MINUTE = 60_000;
const KIOSK = { id: 'sanh-a', name: { vi: 'Ki-ốt sảnh A', en: 'Lobby kiosk A' } };
/** Long enough for several checks (every 50 ms) and outbox rounds to have run. */
const settle = () => new Promise((r) => setTimeout(r, 400));

const deviceGateway = new FakeGateway();
const deviceClock = new FakeClock(Date.parse('2026-12-02T01:30:00Z'));
const devicesAgent = agentTest({
  clock: deviceClock,
  config: () => ({
    kiosk: KIOSK,
    printer: { driver: 'simulated', statusPollMs: 100 },
    notifier: { driver: 'webhook', url: deviceGateway.url },
    outbox: { pollMs: 50, minBackoffMs: 50 },
    alerts: { to: TECHNICIANS, afterMinutes: 10, checkMs: 50 },
  }),
});

const outboxGateway = new FakeGateway();
const outboxClock = new FakeClock(Date.parse('2026-12-02T01:30:00Z'));
const outboxAgent = agentTest({
  clock: outboxClock,
  config: () => ({
    kiosk: KIOSK,
    notifier: { driver: 'webhook', url: outboxGateway.url },
    // A refused message is tried again a minute of the fake clock later: it stays pending while the clock stands.
    outbox: { pollMs: 50, minBackoffMs: 60_000 },
    alerts: { to: [TECHNICIANS[0]!], outboxStuckMinutes: 30, checkMs: 50 },
  }),
});

beforeAll(async () => {
  await deviceGateway.start();
  await outboxGateway.start();
});
afterAll(async () => {
  await deviceGateway.stop();
  await outboxGateway.stop();
});

const printerState = async (url: string): Promise<string> => (await getJson<FullHealth>(`${url}/api/health`)).body.devices.printer.state;
const toTechnicians = (g: FakeGateway) => g.received.filter((m) => TECHNICIANS.includes(m.to));

describe('a device fault that lasts', () => {
  devicesAgent('paper out past afterMinutes: one SMS per number with the advice; not again while out; again after a refill and a new fault', async ({ agent }) => {
    expect((await postJson(`${agent.url}/api/demo/printer/state`, { paper: 'out' })).status).toBe(200);
    await waitUntil(async () => (await printerState(agent.url)) === 'paper-out', 3000, 'printer paper-out');

    deviceClock.advance(9 * MINUTE);
    await settle();
    expect(deviceGateway.received).toEqual([]);

    deviceClock.advance(2 * MINUTE);
    await waitUntil(() => deviceGateway.received.length >= 2, 3000, 'the paper-out alert at both numbers');
    await settle();
    expect(deviceGateway.received.map((m) => m.to).sort()).toEqual([...TECHNICIANS].sort());
    for (const m of deviceGateway.received) {
      expect(m.text).toContain('Ki-ốt sảnh A (sanh-a)');
      expect(m.text).toContain('Máy in phiếu hết giấy đã 11 phút');
      expect(m.text).toContain(faultAdvice('printer', 'paper-out')[0]);
      expect(m.reference).toBe('printer.paper-out');
    }

    // Still out an hour later: the technicians were told; nothing more.
    deviceClock.advance(60 * MINUTE);
    await settle();
    expect(deviceGateway.received).toHaveLength(2);

    // Refilled (the fault is over), then out again: a new fault, told again after afterMinutes.
    expect((await postJson(`${agent.url}/api/demo/printer/state`, { paper: 'ok' })).status).toBe(200);
    await waitUntil(async () => (await printerState(agent.url)) === 'ready', 3000, 'printer ready');
    expect((await postJson(`${agent.url}/api/demo/printer/state`, { paper: 'out' })).status).toBe(200);
    await waitUntil(async () => (await printerState(agent.url)) === 'paper-out', 3000, 'printer paper-out again');
    deviceClock.advance(5 * MINUTE);
    await settle();
    expect(deviceGateway.received).toHaveLength(2);
    deviceClock.advance(6 * MINUTE);
    await waitUntil(() => deviceGateway.received.length >= 4, 3000, 'the second paper-out alert');
    await settle();
    expect(deviceGateway.received).toHaveLength(4);
    expect(deviceGateway.received.slice(2).map((m) => m.to).sort()).toEqual([...TECHNICIANS].sort());
  });
});

describe('an outbox that is stuck', () => {
  outboxAgent('its oldest message past outboxStuckMinutes: one SMS past the outbox, once; again only after it moved and stuck again', async ({ agent }) => {
    const pending = async () => valueOf((await scrape(agent.url)).samples, 'kiosk_outbox_pending');
    // The gateway refuses the applicant's number: the "turn near" message stays in the outbox.
    outboxGateway.refuseTo.add(APPLICANT);
    expect((await postJson(`${agent.url}/api/tickets`, { serviceId: 'tu-phap', phone: APPLICANT })).status).toBe(201);
    await waitUntil(async () => (await pending()) === 1, 3000, 'the applicant message pending');

    outboxClock.advance(29 * MINUTE);
    await settle();
    expect(toTechnicians(outboxGateway)).toEqual([]);

    outboxClock.advance(2 * MINUTE);
    await waitUntil(() => toTechnicians(outboxGateway).length >= 1, 3000, 'the stuck-outbox alert');
    await settle();
    const [alert] = toTechnicians(outboxGateway);
    expect(alert).toMatchObject({ to: TECHNICIANS[0], reference: 'outbox.stuck' });
    expect(alert!.text).toContain('Ki-ốt sảnh A (sanh-a)');
    expect(alert!.text).toContain('1 tin nhắn/báo cáo chưa gửi được, tin cũ nhất đã chờ 31 phút');
    expect(alert!.text).not.toContain(APPLICANT);
    // It did not go into the outbox: the stuck message is still the only one there.
    const samples = (await scrape(agent.url)).samples;
    expect(valueOf(samples, 'kiosk_outbox_pending')).toBe(1);
    expect(valueOf(samples, 'kiosk_outbox_oldest_pending_age_seconds')).toBe(31 * 60);

    outboxClock.advance(60 * MINUTE);
    await settle();
    expect(toTechnicians(outboxGateway)).toHaveLength(1);

    // The number is reachable again: the message goes, the outbox is empty, the fault is over.
    outboxGateway.refuseTo.delete(APPLICANT);
    outboxClock.advance(5 * MINUTE); // its next try, after the backoff (5 min at most)
    await waitUntil(() => outboxGateway.received.some((m) => m.to === APPLICANT), 3000, 'the applicant message delivered');
    await waitUntil(async () => (await pending()) === 0, 3000, 'the outbox empty');

    // Stuck again, and this time the gateway also refuses the first tries of the alert: it is tried again directly.
    outboxGateway.refuseTo.add(APPLICANT);
    expect((await postJson(`${agent.url}/api/tickets`, { serviceId: 'tu-phap', phone: APPLICANT })).status).toBe(201);
    await waitUntil(async () => (await pending()) === 1, 3000, 'the second applicant message pending');
    outboxGateway.failNext = 3;
    outboxClock.advance(31 * MINUTE);
    await waitUntil(() => toTechnicians(outboxGateway).length >= 2, 3000, 'the second stuck-outbox alert');
    await settle();
    expect(toTechnicians(outboxGateway)).toHaveLength(2);
    expect(await pending()).toBe(1);
  });
});
