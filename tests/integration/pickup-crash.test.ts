/**
 * kill -9 during a handover, and before the one-stop system was told of it. The locker boards are simulated outside the agent, across a socat pty pair, so they
 * keep their state while the agent is dead — as real boards do.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedLockerBus } from '../../kiosk-agent/src/devices/locker/simulated-locker-bus';
import { SerialLink } from '../../kiosk-agent/src/devices/serial/serial-link';
import type { ErrorBody } from '../../shared/api-schemas';
import type { DossierLookup } from '../../shared/dossier-schemas';
import { spawnAgent, type AgentProcess } from '../support/agent-process';
import { postJson } from '../support/http';
import { FakeOneStop } from '../support/fake-one-stop';
import { ptyPair, waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { STAFF_TOKEN, testConfig } from '../support/test-config';

const staff = { authorization: `Bearer ${STAFF_TOKEN}` };

describe('pickup survives a killed agent', () => {
  const dir = tempDir();
  const pair = ptyPair(join(dir.path, 'agent-rs485'), join(dir.path, 'boards'));
  const configFile = join(dir.path, 'site.json');
  let boardLink: SerialLink;
  let bus: SimulatedLockerBus;
  let agent: AgentProcess | undefined;
  const oneStop = new FakeOneStop();

  const start = async (): Promise<string> => {
    agent = spawnAgent(['--config', configFile]);
    const url = await agent.url;
    // The RS485 port opens just after the HTTP server: wait until the locker reports ready.
    for (let i = 0; i < 100; i++) {
      const health = (await (await fetch(`${url}/api/health`)).json()) as { devices: { locker: { state: string } } };
      if (health.devices.locker.state === 'ready') break;
      await new Promise((r) => setTimeout(r, 30));
    }
    return url;
  };
  const kill = async (): Promise<void> => {
    agent!.child.kill('SIGKILL');
    await agent!.exited;
  };
  const deposit = async (url: string, code: string): Promise<string> => {
    await postJson(`${url}/api/dossiers`, { code, procedure: 'Chứng thực', applicantName: 'Võ Văn Ba', dueDate: '2026-12-01', status: 'ready' }, staff);
    const res = await postJson<{ compartment: { board: number; lock: number }; pickupCode: string }>(`${url}/api/lockers/deposit`, { dossierCode: code }, staff);
    expect(res.status).toBe(200);
    bus.closeDoor(res.body.compartment.board, res.body.compartment.lock);
    for (let i = 0; i < 100; i++) {
      if ((await postJson<DossierLookup>(`${url}/api/pickup/lookup`, { code })).body.inLocker) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    return res.body.pickupCode;
  };

  beforeAll(async () => {
    await oneStop.start();
    await pair.start();
    boardLink = new SerialLink({ path: pair.b, baudRate: 19200 });
    bus = new SimulatedLockerBus(boardLink, [{ address: 0, locks: 8 }]);
    await waitUntil(() => boardLink.isOpen, 3000, 'board port');
    writeFileSync(
      configFile,
      JSON.stringify({
        ...testConfig(join(dir.path, 'data')),
        locker: { driver: 'kerong-cu', path: pair.a, boards: [{ address: 0, locks: 8 }], pollMs: 100, replyTimeoutMs: 300 },
        upstream: { driver: 'http', baseUrl: oneStop.baseUrl, timeoutMs: 300 },
        outbox: { pollMs: 50, minBackoffMs: 50 },
      }),
    );
  });
  afterAll(async () => {
    if (agent && agent.child.exitCode === null) await kill();
    await boardLink.close();
    await pair.stop();
    await oneStop.stop();
    dir.cleanup();
  });

  it('killed after the compartment opened, door shut while it was down: restart records the handover and never reopens', async () => {
    const url = await start();
    const code = '000.00.15.H29-250704-0031';
    const pickupCode = await deposit(url, code);
    const opened = await postJson<{ compartment: { lock: number } }>(`${url}/api/pickup/open`, { code, pickupCode });
    expect(opened.status).toBe(200);
    const lock = opened.body.compartment.lock;
    expect(bus.isOpen(0, lock)).toBe(true);
    await kill();
    bus.closeDoor(0, lock); // the citizen takes the papers and shuts the door while the agent is dead
    const unlocksBefore = bus.received.filter((f) => f[2] === 0x31).length;

    const url2 = await start();
    let after = await postJson<DossierLookup>(`${url2}/api/pickup/lookup`, { code });
    for (let i = 0; i < 100 && after.body.status !== 'returned'; i++) {
      await new Promise((r) => setTimeout(r, 30));
      after = await postJson<DossierLookup>(`${url2}/api/pickup/lookup`, { code });
    }
    expect(after.body).toMatchObject({ status: 'returned', inLocker: false });
    const again = await postJson<ErrorBody>(`${url2}/api/pickup/open`, { code, pickupCode });
    expect(again.body.error.code).toBe('PICKUP_ALREADY_DONE');
    expect(bus.received.filter((f) => f[2] === 0x31).length).toBe(unlocksBefore);
    await kill();
  });

  it('killed between recording the handover and knowing whether the unlock went out: staff, never a second opening', async () => {
    const url = await start();
    const code = '000.00.15.H29-250704-0032';
    const pickupCode = await deposit(url, code);
    await kill();
    // The state a crash right after the handover row was written leaves: 'unlocking', door still shut.
    const db = new Database(join(dir.path, 'data', 'kiosk.sqlite'));
    const row = db.prepare('SELECT locker_board AS board, locker_lock AS lock FROM dossiers WHERE code = ?').get(code) as { board: number; lock: number };
    db.prepare("INSERT INTO handovers (dossier_code, board, lock, state, created_at_ms, updated_at_ms) VALUES (?, ?, ?, 'unlocking', 0, 0)").run(code, row.board, row.lock);
    db.close();
    const unlocksBefore = bus.received.filter((f) => f[2] === 0x31).length;

    const url2 = await start();
    await new Promise((r) => setTimeout(r, 300)); // recovery runs once the board answers
    const res = await postJson<ErrorBody>(`${url2}/api/pickup/open`, { code, pickupCode });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'PICKUP_NEEDS_STAFF', message: expect.stringContaining('quầy trả kết quả') });
    expect(bus.received.filter((f) => f[2] === 0x31).length).toBe(unlocksBefore);
    expect((await postJson<DossierLookup>(`${url2}/api/pickup/lookup`, { code })).body.status).toBe('in-locker');
  });

  it('killed after the door shut but before the one-stop system was told: the report goes out after the restart, once', async () => {
    if (agent && agent.child.exitCode === null) await kill(); // the previous test leaves its agent running
    const url = await start();
    const code = '000.00.15.H29-250704-0033';
    const pickupCode = await deposit(url, code);
    oneStop.failNext = 1_000; // the province system is down
    const opened = await postJson<{ compartment: { lock: number } }>(`${url}/api/pickup/open`, { code, pickupCode });
    expect(opened.status).toBe(200);
    bus.closeDoor(0, opened.body.compartment.lock);
    await waitUntil(async () => (await postJson<DossierLookup>(`${url}/api/pickup/lookup`, { code })).body.status === 'returned', 3000, 'handover recorded');
    await kill();
    expect(oneStop.reports.filter((r) => r.code === code)).toHaveLength(0);

    oneStop.failNext = 0; // back up
    await start();
    await waitUntil(() => oneStop.reports.some((r) => r.code === code), 5000, 'report after restart');
    await new Promise((r) => setTimeout(r, 300)); // a duplicate would arrive within a few polls
    const reports = oneStop.reports.filter((r) => r.code === code);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.body).toMatchObject({ MaHoSo: code, TrangThai: 10 });
    await kill();
  });
});
