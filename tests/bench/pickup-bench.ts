/**
 * Scan → unlock: bytes of a slip code written on the scanner's serial line until the unlock frame appears on the
 * locker bus, with the agent as its own process on two socat pty pairs. The kiosk's part (WS event → lookup →
 * open with the pickup code) is played by this client at once, so the figure is the agent's overhead plus two
 * loopback HTTP round trips; the citizen's typing is not in it.
 */
import { writeFileSync } from 'node:fs';
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

export async function benchScanToUnlock(count = 60): Promise<string[]> {
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
  const configFile = join(dir.path, 'site.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      ...testConfig(join(dir.path, 'data')),
      scanner: { driver: 'serial', path: scanPair.a, baudRate: 9600 },
      locker: { driver: 'kerong-cu', path: busPair.a, baudRate: 19200, boards, pollMs: 0 },
      logLevel: 'warn',
    }),
  );
  const agent = spawnAgent(['--config', configFile]);
  try {
    const url = await agent.url;
    await waitUntil(() => scannerLink.isOpen && boardLink.isOpen, 3000, 'ports');
    await new Promise((r) => setTimeout(r, 300));
    // Deposit `count` results, shutting each door.
    const codes: { code: string; pickupCode: string }[] = [];
    for (let i = 0; i < count; i++) {
      const code = `000.00.15.H29-251122-${String(i + 1).padStart(4, '0')}`;
      await postJson(`${url}/api/dossiers`, { code, procedure: 'Chứng thực', applicantName: 'Bench Nguyen', dueDate: '2026-12-01', status: 'ready' }, staff);
      const res = await postJson<{ compartment: { board: number; lock: number }; pickupCode: string }>(`${url}/api/lockers/deposit`, { dossierCode: code }, staff);
      if (res.status !== 200) throw new Error(`deposit ${i} failed: ${JSON.stringify(res.body)}`);
      bus.closeDoor(res.body.compartment.board, res.body.compartment.lock);
      codes.push({ code, pickupCode: res.body.pickupCode });
    }
    await new Promise((r) => setTimeout(r, 300));
    const ws = new WebSocket(`${url.replace('http', 'ws')}/api/events`);
    await new Promise((r) => ws.once('open', r));
    const samples: number[] = [];
    for (const { code, pickupCode } of codes) {
      const unlocked = new Promise<number>((resolve) => {
        const onReq = (r: { cmd: number }) => {
          if (r.cmd === 0x31) {
            bus.off('request', onReq);
            resolve(performance.now());
          }
        };
        bus.on('request', onReq);
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
      await scanner.scan(code);
      samples.push((await unlocked) - t0);
      await new Promise((r) => setTimeout(r, 120)); // let the confirming read finish before the next scan
    }
    ws.close();
    const s = summarize(samples);
    return [`scan bytes on the scanner pty → unlock frame on the locker pty (agent process, ${s.n} pickups): median ${ms(s.median)}, p99 ${ms(s.p99)}  [target agent overhead p99 ≤ 30 ms]`];
  } finally {
    agent.child.kill('SIGTERM');
    await agent.exited;
    await scannerLink.close();
    await boardLink.close();
    await scanPair.stop();
    await busPair.stop();
    dir.cleanup();
  }
}
