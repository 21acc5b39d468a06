/**
 * Scan → unlock: bytes of a slip code written on the scanner's serial line until the unlock frame appears on the
 * locker bus, with the agent as its own process on two socat pty pairs. The kiosk's part (WS event → lookup →
 * open with the pickup code) is played by this client at once, so the figure is the agent's overhead plus two
 * loopback HTTP round trips; the citizen's typing is not in it. The lockers hold 64 results, so the samples are
 * taken in rounds: each round a fresh agent on a fresh data folder (same ports, same simulated boards, every door
 * shut again) fills up to 60 compartments and empties them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { SimulatedLockerBus } from '../../kiosk-agent/src/devices/locker/simulated-locker-bus';
import { SimulatedScanner } from '../../kiosk-agent/src/devices/scanner/simulated-scanner';
import { SerialLink } from '../../kiosk-agent/src/devices/serial/serial-link';
import { spawnAgent } from '../support/agent-process';
import { postJson } from '../support/http';
import { ptyPair, waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { STAFF_TOKEN, testConfig } from '../support/test-config';
import { ms, summarize } from './stats';

const staff = { authorization: `Bearer ${STAFF_TOKEN}` };

/** Compartments filled per agent (of the 64 the four simulated boards have). */
const PER_ROUND = 60;

export async function benchScanToUnlock(count = 500): Promise<string[]> {
  const dir = tempDir('motcua-bench-');
  const scanPair = ptyPair(join(dir.path, 'scan-a'), join(dir.path, 'scan-b'));
  const busPair = ptyPair(join(dir.path, 'bus-a'), join(dir.path, 'bus-b'));
  await scanPair.start();
  await busPair.start();
  const scannerLink = new SerialLink({ path: scanPair.b, baudRate: 9600 });
  const boardLink = new SerialLink({ path: busPair.b, baudRate: 19200 });
  const scanner = new SimulatedScanner(scannerLink, 'CR');
  const boards = Array.from({ length: 4 }, (_, i) => ({ address: i, locks: 16 }));
  const bus = new SimulatedLockerBus(boardLink, boards);
  const samples: number[] = [];
  try {
    for (let round = 0; samples.length < count; round++) {
      const n = Math.min(PER_ROUND, count - samples.length);
      samples.push(...(await pickupRound(join(dir.path, `round-${round}`), round, n, { scanner, bus, scannerLink, boardLink, scanPath: scanPair.a, busPath: busPair.a, boards })));
    }
    const s = summarize(samples);
    return [`scan bytes on the scanner pty → unlock frame on the locker pty (agent process, ${s.n} pickups): median ${ms(s.median)}, p99 ${ms(s.p99)}  [target agent overhead p99 ≤ 30 ms]`];
  } finally {
    await scannerLink.close();
    await boardLink.close();
    await scanPair.stop();
    await busPair.stop();
    dir.cleanup();
  }
}

interface Rig {
  scanner: SimulatedScanner;
  bus: SimulatedLockerBus;
  scannerLink: SerialLink;
  boardLink: SerialLink;
  scanPath: string;
  busPath: string;
  boards: { address: number; locks: number }[];
}

/** One agent on its own data folder: `count` results deposited, then each scanned and unlocked; the samples. */
async function pickupRound(folder: string, round: number, count: number, rig: Rig): Promise<number[]> {
  mkdirSync(folder, { recursive: true });
  const configFile = join(folder, 'site.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      ...testConfig(join(folder, 'data')),
      scanner: { driver: 'serial', path: rig.scanPath, baudRate: 9600 },
      locker: { driver: 'kerong-cu', path: rig.busPath, baudRate: 19200, boards: rig.boards, pollMs: 0 },
      logLevel: 'warn',
    }),
  );
  const agent = spawnAgent(['--config', configFile]);
  try {
    const url = await agent.url;
    await waitUntil(() => rig.scannerLink.isOpen && rig.boardLink.isOpen, 3000, 'ports');
    await new Promise((r) => setTimeout(r, 300));
    // Deposit `count` results, shutting each door (codes differ from round to round).
    const codes: { code: string; pickupCode: string; board: number; lock: number }[] = [];
    for (let i = 0; i < count; i++) {
      const code = `000.00.15.H29-251122-${String(round * 100 + i + 1).padStart(4, '0')}`;
      await postJson(`${url}/api/dossiers`, { code, procedure: 'Chứng thực', applicantName: 'Bench Nguyen', dueDate: '2026-12-01', status: 'ready' }, staff);
      const res = await postJson<{ compartment: { board: number; lock: number }; pickupCode: string }>(`${url}/api/lockers/deposit`, { dossierCode: code }, staff);
      if (res.status !== 200) throw new Error(`deposit ${i} failed: ${JSON.stringify(res.body)}`);
      rig.bus.closeDoor(res.body.compartment.board, res.body.compartment.lock);
      codes.push({ code, pickupCode: res.body.pickupCode, ...res.body.compartment });
    }
    await new Promise((r) => setTimeout(r, 300));
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/events`);
    await new Promise((r) => ws.once('open', r));
    const samples: number[] = [];
    for (const { code, pickupCode } of codes) {
      const unlocked = new Promise<number>((resolve) => {
        const onReq = (r: { cmd: number }) => {
          if (r.cmd === 0x31) {
            rig.bus.off('request', onReq);
            resolve(performance.now());
          }
        };
        rig.bus.on('request', onReq);
      });
      const onScan = async (data: Buffer) => {
        const event = JSON.parse(data.toString()) as { type: string; data: { code: string } };
        if (event.type !== 'scanner.scanned' || event.data.code !== code) return;
        ws.off('message', onScan);
        await postJson(`${url}/api/pickup/lookup`, { code });
        await postJson(`${url}/api/pickup/open`, { code, pickupCode });
      };
      ws.on('message', onScan);
      const t0 = performance.now();
      await rig.scanner.scan(code);
      samples.push((await unlocked) - t0);
      await new Promise((r) => setTimeout(r, 120)); // let the confirming read finish before the next scan
    }
    ws.close();
    // Every door shut again for the next round's agent.
    for (const c of codes) rig.bus.closeDoor(c.board, c.lock);
    return samples;
  } finally {
    agent.child.kill('SIGTERM');
    await agent.exited;
  }
}
