/** Device state and events as integrators see them: /api/health and WS /api/events, with simulated devices. */
import { describe, expect } from 'vitest';
import type { FullHealth } from '../../shared/api-schemas';
import { agentTest } from '../support/agent-fixture';
import { getJson, postJson } from '../support/http';
import { waitUntil } from '../support/socat';

const it = agentTest({
  config: () => ({
    printer: { driver: 'simulated', statusPollMs: 100 },
    scanner: { driver: 'simulated' },
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 16 }], pollMs: 100 },
  }),
});
// Devices on ports that do not exist are another config, so another agent.
const itOnMissingPorts = agentTest({
  config: () => ({
    scanner: { driver: 'serial', path: '/dev/no-such-scanner' },
    locker: { driver: 'kerong-cu', path: '/dev/no-such-rs485', boards: [{ address: 0 }] },
  }),
});

describe('device events through the agent', () => {
  it('reports every device ready at start', async ({ agent }) => {
    const health = await getJson<FullHealth>(`${agent.url}/api/health`);
    expect(health.body.status).toBe('ok');
    expect(health.body.devices.printer.state).toBe('ready');
    expect(health.body.devices.scanner.state).toBe('ready');
    expect(health.body.devices.locker.state).toBe('ready');
  });

  it('printer paper low, out, back: health and device.changed follow while idle', async ({ agent, heard }) => {
    const sim = agent.simulators.printer!;
    const printerStates = () => heard.events.flatMap((e) => (e.type === 'device.changed' && e.data.device === 'printer' ? [e.data.status.state] : []));
    sim.setState({ paper: 'low' });
    await waitUntil(() => printerStates().includes('paper-low'), 2000, 'paper-low event');
    expect((await getJson<FullHealth>(`${agent.url}/api/health`)).body.devices.printer.state).toBe('paper-low');
    sim.setState({ paper: 'out' });
    await waitUntil(() => printerStates().includes('paper-out'), 2000, 'paper-out event');
    expect((await getJson<FullHealth>(`${agent.url}/api/health`)).body.status).toBe('degraded');
    sim.setState({ paper: 'ok' });
    await waitUntil(() => printerStates().at(-1) === 'ready', 2000, 'ready again');
  });

  it('a demo scan travels the serial line and comes out as scanner.scanned', async ({ agent, heard }) => {
    const res = await postJson(`${agent.url}/api/demo/scanner/scan`, { code: '000.00.15.H29-250704-0012' });
    expect(res.status).toBe(204);
    await heard.next('scanner.scanned', (e) => e.data.code === '000.00.15.H29-250704-0012', 2000);
  });

  it('the demo locker endpoints validate their input', async ({ agent }) => {
    const bad = await postJson<{ error: { code: string } }>(`${agent.url}/api/demo/locker/close`, { board: 0, lock: 99 });
    expect(bad.status).toBe(400);
    const ok = await postJson<{ address: number; open: number[] }[]>(`${agent.url}/api/demo/locker/close`, { board: 0, lock: 1 });
    expect(ok.body).toEqual([{ address: 0, open: [] }]);
  });
});

describe('devices on ports that do not exist', () => {
  itOnMissingPorts('reports them offline with the reason and keeps serving tickets', async ({ agent }) => {
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
