/**
 * Devices that stop taking bytes must not stall the kiosk.
 *
 * - A USB printer device file whose writes never complete (a FIFO nobody reads, its pipe buffer full): every
 *   ticket still answers 201 `printed: false` / PRINTER_TIMEOUT within the printer timeout (+1 s), the health page
 *   shows the printer not ready (also after idle status polls), and once the device takes bytes again the next ticket prints — later jobs are not
 *   queued behind a stuck one (file-transport.ts opens the file non-blocking).
 * - A serial port whose driver never finishes a write: `SerialLink.write` rejects with SERIAL_UNAVAILABLE within
 *   `writeTimeoutMs`, the link reports itself closed, reopens by itself, and a write on the reopened port goes out.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPortMock } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskAgent, type RunningAgent } from '../../kiosk-agent/src/compose/start-agent';
import { SerialLink, type SerialBinding } from '../../kiosk-agent/src/devices/serial/serial-link';
import type { FullHealth } from '../../shared/api-schemas';
import { getJson } from '../support/http';
import { waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';
import { testConfig } from '../support/test-config';

const isEagain = (err: unknown): boolean => ['EAGAIN', 'EWOULDBLOCK'].includes((err as NodeJS.ErrnoException).code ?? '');

/** Writes until the pipe takes no more: big chunks first, then single bytes, so not even a small write fits. */
function fillPipe(fd: number): number {
  let total = 0;
  for (const size of [65536, 4096, 1]) {
    const chunk = Buffer.alloc(size, 0x55);
    for (;;) {
      try {
        total += writeSync(fd, chunk);
      } catch (err) {
        if (isEagain(err)) break;
        throw err;
      }
    }
  }
  return total;
}

/** Reads whatever is buffered in the pipe, until it is empty. */
function drainPipe(fd: number): number {
  const buf = Buffer.alloc(65536);
  let total = 0;
  for (;;) {
    try {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) return total;
      total += n;
    } catch (err) {
      if (isEagain(err)) return total;
      throw err;
    }
  }
}

interface Issued {
  number: string;
  printed: boolean;
  printError?: { code: string; message: string };
}

/** POST /api/tickets, given up on (a failed test, not a hung one) when the agent has not answered in `withinMs`. */
async function issueTicket(url: string, withinMs: number): Promise<{ status: number; body: Issued; tookMs: number }> {
  const t0 = Date.now();
  const res = await fetch(`${url}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: 'tu-phap' }),
    signal: AbortSignal.timeout(withinMs),
  }).catch((err: unknown) => {
    throw new Error(`POST /api/tickets did not answer within ${withinMs} ms (${String(err)})`);
  });
  return { status: res.status, body: (await res.json()) as Issued, tookMs: Date.now() - t0 };
}

// Starts its own agent, not the agentTest fixture: the FIFO is filled before it starts, and it is stopped while
// the pipe is drained and within a deadline (a write stuck in a regression would otherwise hang the stop).
describe('USB printer device file that never completes a write', () => {
  const dir = tempDir();
  const fifo = join(dir.path, 'lp0');
  const TIMEOUT_MS = 500;
  let fd: number;
  let agent: RunningAgent;

  beforeAll(async () => {
    execFileSync('mkfifo', [fifo]);
    // Read-write so the open does not wait for a reader; kept open (and never read) so the buffered bytes stay.
    fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    expect(fillPipe(fd)).toBeGreaterThan(0);
    agent = await startKioskAgent({
      config: { ...testConfig(dir.path, { driver: 'escpos', interface: fifo, timeoutMs: TIMEOUT_MS, statusPollMs: 200 }) },
      uiDir: '/nonexistent',
    });
  });
  afterAll(async () => {
    // Keep reading meanwhile, so even a write stuck in a regression completes and the agent can stop.
    const reader = fd === undefined ? undefined : setInterval(() => drainPipe(fd), 5);
    await Promise.race([agent?.stop(), new Promise((r) => setTimeout(r, 5000))]);
    clearInterval(reader);
    if (fd !== undefined) closeSync(fd);
    dir.cleanup();
  });

  it('each ticket fails with PRINTER_TIMEOUT in time, then prints once the device takes bytes again', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await issueTicket(agent.url, TIMEOUT_MS + 3000);
      expect(res.status).toBe(201);
      expect(res.body.printed).toBe(false);
      expect(res.body.printError?.code).toBe('PRINTER_TIMEOUT');
      expect(res.tookMs).toBeLessThan(TIMEOUT_MS + 1000);
    }
    // The idle status polls (every 200 ms) must not call a device that took nothing "ready" again: a device file
    // has no status of its own, so the last job's timeout stands until a job gets through.
    await new Promise((r) => setTimeout(r, 700));
    const health = await getJson<FullHealth>(`${agent.url}/api/health`);
    expect(health.body.devices.printer.state).not.toBe('ready');
    expect(health.body.devices.printer.lastError).toMatch(/PRINTER_TIMEOUT/);
    expect(health.body.status).toBe('degraded');

    // The paper jam is cleared: the device reads again (here: the test keeps draining the pipe).
    expect(drainPipe(fd)).toBeGreaterThan(0);
    let printedBytes = 0;
    const reader = setInterval(() => (printedBytes += drainPipe(fd)), 5);
    try {
      const res = await issueTicket(agent.url, TIMEOUT_MS + 3000);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ printed: true });
      expect(res.body.printError).toBeUndefined();
      expect(res.tookMs).toBeLessThan(TIMEOUT_MS + 1000);
      await waitUntil(() => (printedBytes += drainPipe(fd)) > 0, 1000, 'the job bytes in the pipe');
    } finally {
      clearInterval(reader);
    }
    expect((await getJson<FullHealth>(`${agent.url}/api/health`)).body.devices.printer.state).toBe('ready');
  });
});

describe('serial port whose driver never finishes a write', () => {
  const PATH = '/dev/mock-wedged-usb-serial';
  const WRITE_TIMEOUT_MS = 300;
  const mock = SerialPortMock.binding;
  type MockPort = Awaited<ReturnType<typeof mock.open>>;
  const opened: MockPort[] = [];
  // Like the mock binding, except that the first port it opens takes a write and never finishes it (a wedged
  // USB-serial adapter); ports opened after that behave.
  const binding = {
    ...mock,
    async open(options: Parameters<typeof mock.open>[0]) {
      const port = await mock.open(options);
      if (opened.length === 0) {
        port.write = () => new Promise<void>(() => undefined);
        // …and whose close finishes late (a tty close waiting out unsent bytes): its 'close' arrives after the
        // link has reopened, and must not tear down the new port.
        const close = port.close.bind(port);
        port.close = async () => {
          await close();
          await new Promise((r) => setTimeout(r, 400));
        };
      }
      opened.push(port);
      return port;
    },
  } as SerialBinding;
  const states: { open: boolean; at: number }[] = [];
  let link: SerialLink;

  beforeAll(async () => {
    mock.createPort(PATH, { echo: false, record: true });
    link = new SerialLink({ path: PATH, baudRate: 9600, binding, backoffMs: { min: 50, max: 200 }, watchPathMs: 0, writeTimeoutMs: WRITE_TIMEOUT_MS });
    link.onState((open) => states.push({ open, at: Date.now() }));
    await waitUntil(() => link.isOpen && states.some((s) => s.open), 2000, 'the port to open');
  });
  afterAll(async () => {
    await link?.close();
    mock.reset();
  });

  it('the stuck write fails with SERIAL_UNAVAILABLE in time; the link reopens and writes again', async () => {
    const t0 = Date.now();
    const never = new Promise((r) => setTimeout(() => r(new Error('the write never settled')), WRITE_TIMEOUT_MS + 2000));
    const failed = await Promise.race([
      link.write(Uint8Array.of(0x8a, 0x01, 0x01, 0x11, 0x9b)).then(
        () => undefined,
        (err: unknown) => err,
      ),
      never,
    ]);
    const took = Date.now() - t0;
    expect(failed).toMatchObject({ code: 'SERIAL_UNAVAILABLE' });
    expect(took).toBeGreaterThanOrEqual(WRITE_TIMEOUT_MS - 5);
    expect(took).toBeLessThan(WRITE_TIMEOUT_MS + 500);

    // Closed at once, reported as such; reopened by itself after the backoff.
    const closedAt = states.find((s) => !s.open && s.at >= t0);
    expect(closedAt).toBeDefined();
    expect(link.isOpen).toBe(false);
    await waitUntil(() => states.some((s) => s.open && s.at > closedAt!.at), 2000, 'the link to reopen');
    expect(link.isOpen).toBe(true);
    expect(opened.length).toBeGreaterThanOrEqual(2);
    expect(opened[0]!.isOpen).toBe(false); // the wedged port was closed, not left holding the device

    // The old port's late 'close' (400 ms after the stuck write) leaves the new port alone.
    const reopenedAt = Date.now();
    await new Promise((r) => setTimeout(r, 700));
    expect(states.filter((s) => s.at > reopenedAt)).toEqual([]);
    expect(link.isOpen).toBe(true);

    // The reopened port takes bytes: the write resolves and the bytes reach the device.
    await link.write(Uint8Array.of(0x01, 0x02, 0x03));
    expect([...opened.at(-1)!.recording]).toEqual([0x01, 0x02, 0x03]);
  });
});
