/** Device state and events as integrators see them: /api/health and WS /api/events, with simulated devices. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import type { FullHealth } from '../../shared/api-schemas';
import { AgentEventSchema, type AgentEvent } from '../../shared/ws-events';
import { getJson, postJson } from '../support/http';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

describe('device events through the agent', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  let ws: WebSocket;
  const events: AgentEvent[] = [];

  beforeAll(async () => {
    agent = await startKioskAgent({
      config: {
        ...testConfig(dir.path, { driver: 'simulated', statusPollMs: 100 }),
        scanner: { driver: 'simulated' },
        locker: { driver: 'simulated', boards: [{ address: 0, locks: 16 }], pollMs: 100 },
      },
      uiDir: '/nonexistent',
    });
    ws = new WebSocket(`${agent.url.replace('http', 'ws')}/api/events`);
    ws.on('message', (d: Buffer) => events.push(AgentEventSchema.parse(JSON.parse(d.toString()))));
    await new Promise((r) => ws.once('open', r));
  });
  afterAll(async () => {
    ws.close();
    await agent.stop();
    dir.cleanup();
  });

  it('reports every device ready at start', async () => {
    const health = await getJson<FullHealth>(`${agent.url}/api/health`);
    expect(health.body.status).toBe('ok');
    expect(health.body.devices.printer.state).toBe('ready');
    expect(health.body.devices.scanner.state).toBe('ready');
    expect(health.body.devices.locker.state).toBe('ready');
  });

  it('printer paper low, out, back: health and device.changed follow while idle', async () => {
    const sim = agent.simulators.printer!;
    const printerStates = () => events.flatMap((e) => (e.type === 'device.changed' && e.data.device === 'printer' ? [e.data.status.state] : []));
    sim.setState({ paper: 'low' });
    await waitUntil(() => printerStates().includes('paper-low'), 2000, 'paper-low event');
    expect((await getJson<FullHealth>(`${agent.url}/api/health`)).body.devices.printer.state).toBe('paper-low');
    sim.setState({ paper: 'out' });
    await waitUntil(() => printerStates().includes('paper-out'), 2000, 'paper-out event');
    expect((await getJson<FullHealth>(`${agent.url}/api/health`)).body.status).toBe('degraded');
    sim.setState({ paper: 'ok' });
    await waitUntil(() => printerStates().at(-1) === 'ready', 2000, 'ready again');
  });

  it('a demo scan travels the serial line and comes out as scanner.scanned', async () => {
    const res = await postJson(`${agent.url}/api/demo/scanner/scan`, { code: '000.00.15.H29-250704-0012' });
    expect(res.status).toBe(204);
    await waitUntil(() => events.some((e) => e.type === 'scanner.scanned' && e.data.code === '000.00.15.H29-250704-0012'), 2000, 'scan event');
  });

  it('the demo locker endpoints validate their input', async () => {
    const bad = await postJson<{ error: { code: string } }>(`${agent.url}/api/demo/locker/close`, { board: 0, lock: 99 });
    expect(bad.status).toBe(400);
    const ok = await postJson<{ address: number; open: number[] }[]>(`${agent.url}/api/demo/locker/close`, { board: 0, lock: 1 });
    expect(ok.body).toEqual([{ address: 0, open: [] }]);
  });
});

describe('devices on ports that do not exist', () => {
  const dir = tempDir();
  let agent: RunningAgent;
  beforeAll(async () => {
    agent = await startKioskAgent({
      config: {
        ...testConfig(dir.path),
        scanner: { driver: 'serial', path: '/dev/no-such-scanner' },
        locker: { driver: 'kerong-cu', path: '/dev/no-such-rs485', boards: [{ address: 0 }] },
      },
      uiDir: '/nonexistent',
    });
  });
  afterAll(async () => {
    await agent.stop();
    dir.cleanup();
  });

  it('reports them offline with the reason and keeps serving tickets', async () => {
    // Opening a port fails asynchronously: give the agent a moment to learn it.
    let health = await getJson<FullHealth>(`${agent.url}/api/health`);
    for (let i = 0; i < 50 && !(health.body.devices.scanner.lastError && health.body.devices.locker.lastError); i++) {
      await new Promise((r) => setTimeout(r, 20));
      health = await getJson<FullHealth>(`${agent.url}/api/health`);
    }
    expect(health.body.status).toBe('degraded');
    expect(health.body.devices.scanner).toMatchObject({ state: 'offline', lastError: expect.stringMatching(/SERIAL_UNAVAILABLE/) });
    expect(health.body.devices.locker).toMatchObject({ state: 'offline', lastError: expect.stringMatching(/SERIAL_UNAVAILABLE/) });
    const ticket = await postJson<{ number: string; printed: boolean }>(`${agent.url}/api/tickets`, { serviceId: 'tu-phap' });
    expect(ticket.status).toBe(201);
    expect(ticket.body.printed).toBe(true);
  });
});
