/**
 * The KR-CU driver and the simulated board bus talking through a socat pty pair with the real serialport binding,
 * at 19200 baud: exactly the bytes on the wire, door events, faults, and a cable pulled and put back.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { kerongCuProtocol } from '../../kiosk-agent/src/devices/locker/kerong-cu/kerong-cu-protocol';
import { LockBoardDriver } from '../../kiosk-agent/src/devices/locker/lock-board-driver';
import type { DoorEvent } from '../../kiosk-agent/src/devices/locker/locker-board';
import { SimulatedLockerBus } from '../../kiosk-agent/src/devices/locker/simulated-locker-bus';
import { memoryLinkPair } from '../../kiosk-agent/src/devices/serial/byte-link';
import { SerialLink } from '../../kiosk-agent/src/devices/serial/serial-link';
import { ptyPair, waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';

const hex = (b: ArrayLike<number>) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

describe('KR-CU driver ↔ simulated boards over a pty pair', () => {
  const dir = tempDir();
  const pair = ptyPair(join(dir.path, 'agent'), join(dir.path, 'boards'));
  let agentLink: SerialLink;
  let boardLink: SerialLink;
  let bus: SimulatedLockerBus;
  let driver: LockBoardDriver;
  const doors: DoorEvent[] = [];

  beforeAll(async () => {
    await pair.start();
    agentLink = new SerialLink({ path: pair.a, baudRate: 19200, backoffMs: { min: 100, max: 400 } });
    boardLink = new SerialLink({ path: pair.b, baudRate: 19200, backoffMs: { min: 100, max: 400 } });
    bus = new SimulatedLockerBus(boardLink, [
      { address: 0, locks: 16 },
      { address: 1, locks: 16, answersUnlock: true },
      { address: 2, locks: 8, lockedBit: 0 },
    ]);
    driver = new LockBoardDriver(
      agentLink,
      kerongCuProtocol,
      {
        boards: [
          { address: 0, locks: 16, lockedBit: 1 },
          { address: 1, locks: 16, lockedBit: 1 },
          { address: 2, locks: 8, lockedBit: 0 },
        ],
        replyTimeoutMs: 300,
        retries: 1,
        pollMs: 100,
      },
    );
    driver.onDoor((e) => doors.push(e));
    await waitUntil(() => agentLink.isOpen && boardLink.isOpen, 3000, 'ports open');
  });
  afterAll(async () => {
    await driver.close();
    await agentLink.close();
    await boardLink.close();
    await pair.stop();
    dir.cleanup();
  });
  afterEach(() => {
    bus.setSilent(0, false);
    bus.setCorrupt(0, false);
  });

  it('unlock lock 7 on board 1: exactly 02 16 31 03 4C on the wire, door reported open, then closed', async () => {
    await driver.readBoard(1); // known state before
    bus.received.length = 0;
    const state = await driver.unlock(1, 7);
    expect(state).toMatchObject({ board: 1, lock: 7, open: true });
    expect(hex(bus.received[0]!)).toBe('02 16 31 03 4c');
    expect(bus.received.filter((f) => f[2] === 0x31)).toHaveLength(1); // never sent twice
    expect(bus.isOpen(1, 7)).toBe(true);
    doors.length = 0;
    bus.closeDoor(1, 7);
    await waitUntil(() => doors.some((d) => d.board === 1 && d.lock === 7 && !d.open), 2000, 'door closed event');
  });

  it('reads boards with inverted polarity and a board that does not answer unlocks', async () => {
    const s = await driver.unlock(2, 3);
    expect(s.open).toBe(true);
    const board2 = await driver.readBoard(2);
    expect(board2.filter((l) => l.open).map((l) => l.lock)).toEqual([3]);
    bus.closeDoor(2, 3);
    const s0 = await driver.unlock(0, 16);
    expect(s0.open).toBe(true);
    bus.closeDoor(0, 16);
  });

  it('a board that never answers → LOCKER_TIMEOUT; state shows it; others keep working', async () => {
    bus.setSilent(0, true);
    await expect(driver.readBoard(0)).rejects.toMatchObject({ code: 'LOCKER_TIMEOUT' });
    expect(driver.status().state).toBe('error');
    expect(driver.status().lastError).toMatch(/LOCKER_TIMEOUT/);
    expect((await driver.readBoard(1)).length).toBe(16);
    expect(driver.status().state).toBe('ready');
  });

  it('replies with a wrong checksum → LOCKER_BAD_FRAME after the retries', async () => {
    bus.setCorrupt(0, true);
    const before = bus.received.length;
    await expect(driver.readBoard(0)).rejects.toMatchObject({ code: 'LOCKER_BAD_FRAME' });
    expect(bus.received.length - before).toBeGreaterThanOrEqual(2); // first try + one retry
  });

  it('unknown boards and locks are refused before anything is sent', async () => {
    const before = bus.received.length;
    await expect(driver.unlock(1, 17)).rejects.toMatchObject({ code: 'LOCKER_UNKNOWN_LOCK' });
    await expect(driver.unlock(9, 1)).rejects.toThrow(expect.objectContaining({ code: 'LOCKER_UNKNOWN_LOCK' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(bus.received.slice(before).filter((f) => f[2] === 0x31)).toHaveLength(0);
  });

  it('cable pulled: not ready within 2 s, ready again within 5 s after it returns; a pending request fails or completes, never both', async () => {
    const pending = driver.readBoard(1).then(
      () => 'completed',
      (e: { code: string }) => e.code,
    );
    await pair.stop();
    const lostAfter = await waitUntil(() => driver.status().state !== 'ready', 2000, 'driver not ready');
    expect(lostAfter).toBeLessThan(2000);
    const outcome = await pending;
    expect(['completed', 'SERIAL_UNAVAILABLE', 'LOCKER_TIMEOUT']).toContain(outcome);
    await expect(driver.readBoard(1)).rejects.toMatchObject({ code: expect.stringMatching(/SERIAL_UNAVAILABLE|LOCKER_TIMEOUT/) });
    await pair.start();
    const back = await waitUntil(() => driver.status().state === 'ready' && agentLink.isOpen && boardLink.isOpen, 5000, 'ready again');
    expect(back).toBeLessThan(5000);
    expect((await driver.readBoard(1)).length).toBe(16);
  });
});

describe('a port path that does not exist', () => {
  it('reports offline with SERIAL_UNAVAILABLE, and requests fail with that code', async () => {
    const link = new SerialLink({ path: '/dev/does-not-exist-kiosk', baudRate: 19200, backoffMs: { min: 100, max: 200 } });
    const driver = new LockBoardDriver(link, kerongCuProtocol, { boards: [{ address: 0, locks: 16, lockedBit: 1 }], pollMs: 0 });
    await waitUntil(() => driver.status().lastError !== undefined, 2000, 'state reported');
    expect(driver.status().state).toBe('offline');
    expect(driver.status().lastError).toMatch(/SERIAL_UNAVAILABLE/);
    await expect(driver.unlock(0, 1)).rejects.toMatchObject({ code: 'SERIAL_UNAVAILABLE' });
    await driver.close();
    await link.close();
  });
});

describe('door events before the first poll', () => {
  it('reports a door opened by the very first request after start-up', async () => {
    const [agentSide, boardSide] = memoryLinkPair();
    const bus = new SimulatedLockerBus(boardSide, [{ address: 0, locks: 16 }]);
    const driver = new LockBoardDriver(agentSide, kerongCuProtocol, { boards: [{ address: 0, locks: 16, lockedBit: 1 }], pollMs: 0 });
    const events: DoorEvent[] = [];
    driver.onDoor((e) => events.push(e));
    await driver.unlock(0, 5);
    expect(events).toEqual([{ board: 0, lock: 5, open: true }]);
    bus.closeDoor(0, 5);
    await driver.readBoard(0);
    expect(events.at(-1)).toEqual({ board: 0, lock: 5, open: false });
    await driver.close();
  });
});
