/** The serial scanner driver reading a simulated scanner through a socat pty pair with the real binding. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanRejected } from '../../kiosk-agent/src/devices/scanner/scanner';
import { SerialScanner } from '../../kiosk-agent/src/devices/scanner/serial-scanner';
import { SimulatedScanner } from '../../kiosk-agent/src/devices/scanner/simulated-scanner';
import { SerialLink } from '../../kiosk-agent/src/devices/serial/serial-link';
import { ptyPair, waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';

describe('serial scanner over a pty pair', () => {
  const dir = tempDir();
  const pair = ptyPair(join(dir.path, 'agent'), join(dir.path, 'scanner'));
  let agentLink: SerialLink;
  let scannerLink: SerialLink;
  let scanner: SerialScanner;
  let sim: SimulatedScanner;
  const codes: string[] = [];
  const rejected: ScanRejected[] = [];

  beforeAll(async () => {
    await pair.start();
    agentLink = new SerialLink({ path: pair.a, baudRate: 9600, backoffMs: { min: 100, max: 300 } });
    scannerLink = new SerialLink({ path: pair.b, baudRate: 9600, backoffMs: { min: 100, max: 300 } });
    scanner = new SerialScanner(agentLink, { suffix: 'CR', interByteTimeoutMs: 100 });
    scanner.onScan((c) => codes.push(c));
    scanner.onRejected((r) => rejected.push(r));
    sim = new SimulatedScanner(scannerLink, 'CR');
    await waitUntil(() => agentLink.isOpen && scannerLink.isOpen, 3000, 'ports open');
  });
  afterAll(async () => {
    await scanner.close();
    await agentLink.close();
    await scannerLink.close();
    await pair.stop();
    dir.cleanup();
  });

  it('emits each scanned code once, drops a double read, reports garbage without crashing', async () => {
    await sim.scan('000.00.15.H29-250704-0012');
    await sim.scan('000.00.15.H29-250704-0012'); // the same slip read twice
    await sim.sendRaw(Uint8Array.of(0x01, 0x02, 0xff, 0x0d)); // line noise
    await sim.scan('https://dvc.example/tra-cuu?SGT=001234567890&MHS=000.00.15.H29-250704-0013');
    await waitUntil(() => codes.length >= 2 && rejected.length >= 1, 3000, 'codes');
    expect(codes).toEqual(['000.00.15.H29-250704-0012', 'https://dvc.example/tra-cuu?SGT=001234567890&MHS=000.00.15.H29-250704-0013']);
    expect(rejected[0]).toMatchObject({ reason: 'not-text', rawHex: '01 02 ff' });
    expect(scanner.status().state).toBe('ready');
  });

  it('goes offline when the port disappears and comes back by itself', async () => {
    let scannerSideLost = false;
    const off = scannerLink.onState((open) => {
      if (!open) scannerSideLost = true;
    });
    await pair.stop();
    await waitUntil(() => scanner.status().state === 'offline', 2000, 'offline');
    // Both ends must have seen the pair go (under load the simulator's side may notice later than the agent's);
    // restarting socat before that would leave the simulator writing into the dead pty.
    await waitUntil(() => scannerSideLost, 2000, 'simulator side offline');
    off();
    await pair.start();
    await waitUntil(() => scanner.status().state === 'ready' && scannerLink.isOpen, 5000, 'ready');
    await sim.scan('SCAN-AFTER-RECONNECT');
    await waitUntil(() => codes.includes('SCAN-AFTER-RECONNECT'), 3000, 'code after reconnect');
    expect(codes.at(-1)).toBe('SCAN-AFTER-RECONNECT');
    expect(scanner.status()).toMatchObject({ state: 'ready' });
  });
});
