/**
 * Locker round trips over a socat pty pair at 19200 baud 8N1 with the real serialport binding: a status read
 * (5 bytes out, 9 back) and an unlock confirmed by a status read. Wire time is the bytes' time on a real RS485 line
 * (10 bits per byte); the pty itself is near instant, so "overhead" = measured − settle wait, the agent's own cost.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { kerongCuProtocol } from '../../kiosk-agent/src/devices/locker/kerong-cu/kerong-cu-protocol';
import { LockBoardDriver } from '../../kiosk-agent/src/devices/locker/lock-board-driver';
import { SimulatedLockerBus } from '../../kiosk-agent/src/devices/locker/simulated-locker-bus';
import { SerialLink } from '../../kiosk-agent/src/devices/serial/serial-link';
import { ptyPair, waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { ms, summarize } from './stats';

const BAUD = 19200;
const wireMs = (bytes: number) => (bytes * 10 * 1000) / BAUD;

export async function benchLockerRoundTrips(count = 300): Promise<string[]> {
  const dir = tempDir('motcua-bench-');
  const pair = ptyPair(join(dir.path, 'a'), join(dir.path, 'b'));
  await pair.start();
  const agentLink = new SerialLink({ path: pair.a, baudRate: BAUD });
  const boardLink = new SerialLink({ path: pair.b, baudRate: BAUD });
  const bus = new SimulatedLockerBus(boardLink, [{ address: 1, locks: 16 }]);
  const settleMs = 60;
  const driver = new LockBoardDriver(agentLink, kerongCuProtocol, { boards: [{ address: 1, locks: 16, lockedBit: 1 }], pollMs: 0, settleMs });
  try {
    await waitUntil(() => agentLink.isOpen && boardLink.isOpen, 3000, 'ports');
    for (let i = 0; i < 20; i++) await driver.readBoard(1);
    const reads: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await driver.readBoard(1);
      reads.push(performance.now() - t0);
    }
    const unlocks: number[] = [];
    for (let i = 0; i < count; i++) {
      const lock = (i % 16) + 1;
      const t0 = performance.now();
      await driver.unlock(1, lock);
      unlocks.push(performance.now() - t0 - settleMs);
      bus.closeDoor(1, lock);
    }
    const r = summarize(reads);
    const u = summarize(unlocks);
    return [
      `locker status read round trip (pty, ${BAUD} baud, ${r.n} reads): median ${ms(r.median)}, p99 ${ms(r.p99)}; wire time on real RS485 would add ${ms(wireMs(14))}`,
      `locker unlock + confirming read (pty, ${u.n} unlocks, excluding the ${settleMs} ms settle wait): median ${ms(u.median)}, p99 ${ms(u.p99)}; wire time on real RS485 would add ${ms(wireMs(19))}`,
    ];
  } finally {
    await driver.close();
    await agentLink.close();
    await boardLink.close();
    await pair.stop();
    dir.cleanup();
  }
}
