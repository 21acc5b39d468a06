/** The ESC/POS driver over a serial pty and over TCP against a printer that hangs up mid-job. */
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../kiosk-agent/src/devices/printer/escpos-decoder';
import { EscposPrinter } from '../../kiosk-agent/src/devices/printer/escpos-printer';
import { SerialPrinterTransport, parseSerialUri } from '../../kiosk-agent/src/devices/printer/serial-transport';
import { SimulatedPrinter } from '../../kiosk-agent/src/devices/printer/simulated-printer';
import { TcpPrinterTransport } from '../../kiosk-agent/src/devices/printer/tcp-transport';
import { encodeDocument } from '../../kiosk-agent/src/devices/printer/escpos-document';
import { ticketSlip } from '../../kiosk-agent/src/slips/ticket-slip';
import { SerialLink } from '../../kiosk-agent/src/devices/serial/serial-link';
import { ptyPair, waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';

const TEXT = { text: 'cp1258', codePage: 52, columns: 48, widthDots: 576 } as const;
const SLIP = ticketSlip({
  centerName: 'UBND xã Cát Tiên',
  serviceName: 'Chứng thực',
  number: 'B007',
  priority: null,
  issuedAtMs: Date.parse('2026-11-22T09:00:00+07:00'),
  timeZone: 'Asia/Ho_Chi_Minh',
  ahead: 2,
  estimatedWaitMinutes: 10,
  trackUrl: 'http://127.0.0.1:8080/track/tSerial',
});
/** The bytes the driver sends for SLIP. */
const JOB = encodeDocument(SLIP, TEXT);

describe('serial printer over a pty pair', () => {
  const dir = tempDir();
  const pair = ptyPair(join(dir.path, 'agent'), join(dir.path, 'printer'));
  const sim = new SimulatedPrinter();
  let agentLink: SerialLink;
  let printerLink: SerialLink;
  let printer: EscposPrinter;

  beforeAll(async () => {
    await pair.start();
    const { path, baudRate } = parseSerialUri(`serial:${pair.a}?baud=115200`);
    expect(baudRate).toBe(115200);
    agentLink = new SerialLink({ path, baudRate });
    printerLink = new SerialLink({ path: pair.b, baudRate: 115200 });
    sim.attachSerial(printerLink, 100);
    printer = new EscposPrinter(new SerialPrinterTransport(agentLink, 2000), TEXT);
    await waitUntil(() => agentLink.isOpen && printerLink.isOpen, 3000, 'ports');
  });
  afterAll(async () => {
    await printer.close();
    await agentLink.close();
    await printerLink.close();
    await pair.stop();
    dir.cleanup();
  });

  it('prints a ticket: the simulator decodes the same Vietnamese text', async () => {
    const job = sim.waitForJob();
    await printer.print(SLIP);
    const received = await job;
    expect(received.decoded.lines.map((l) => l.trim())).toEqual(expect.arrayContaining(['B007', 'Chứng thực'.normalize('NFC')]));
    expect(received.decoded.text).toBe(decodeEscPos(JOB).text);
  });

  it('refuses to print into an empty printer with PRINTER_PAPER_OUT', async () => {
    sim.setState({ paper: 'out' });
    await expect(printer.print(SLIP)).rejects.toMatchObject({ code: 'PRINTER_PAPER_OUT' });
    expect(printer.status().state).toBe('paper-out');
    sim.setState({ paper: 'ok' });
    expect((await printer.refreshStatus()).state).toBe('ready');
  });
});

describe('TCP printer that closes the connection mid-job', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    // Answers the status requests like a healthy printer, then drops the line as soon as job bytes arrive.
    server = createServer((socket) => {
      socket.on('data', (chunk: Buffer) => {
        for (let i = 0; i < chunk.length; i++) {
          if (chunk[i] === 0x10 && chunk[i + 1] === 0x04) {
            socket.write(Uint8Array.of(0x12));
            i += 2;
          } else {
            socket.resetAndDestroy();
            return;
          }
        }
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('fails the job with PRINTER_OFFLINE and shows it in the device state', async () => {
    const printer = new EscposPrinter(new TcpPrinterTransport('127.0.0.1', port, 2000), TEXT);
    const big = new Uint8Array(256 * 1024).fill(0x41); // long enough that the reset lands mid-write
    await expect(printer.printBytes(big)).rejects.toMatchObject({ code: 'PRINTER_OFFLINE' });
    expect(printer.status()).toMatchObject({ state: 'offline', lastError: expect.stringMatching(/PRINTER_OFFLINE/) });
    await printer.close();
  });
});
