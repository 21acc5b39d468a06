/**
 * A network ESC/POS printer in software, speaking the same bytes as an Epson TM on port 9100: it answers the
 * real-time status requests (DLE EOT n) at once, wherever they appear in the stream and even when it cannot print
 * (as a real printer does; the raster encoder keeps that sequence out of image data), records every job
 * (one TCP connection = one job) and decodes it so tests and the demo can read the ticket back. It can be put out
 * of paper, opened or taken offline. Used by tests and demo mode only; never by the real driver.
 *
 * While it cannot print (paper out, cover open, offline) it drops what it is sent, as a printer does: those bytes
 * are never recorded as a job; the connection ends with a `'discarded'` event carrying the number of bytes dropped.
 * A job that only partly arrived while printing was possible is recorded with the part that was printed.
 * Events: `'job'` (SimulatedPrintJob, when its connection closes), `'discarded'` (byte count), `'state'`.
 */
import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { DecodedEscPosJob } from './escpos-decoded';
import { decodeEscPos } from './escpos-decoder';
import type { ByteLink } from '../serial/byte-link';

export interface SimulatedPrinterState {
  paper: 'ok' | 'low' | 'out';
  coverOpen: boolean;
  offline: boolean;
}

export interface SimulatedPrintJob {
  id: number;
  receivedAt: Date;
  /** The job as received, real-time status requests removed. */
  bytes: Uint8Array;
  decoded: DecodedEscPosJob;
}

const MAX_JOBS = 200;

/** Status bytes per Epson's DLE EOT reference; every reply has the fixed bits 0x12 ((b & 0x93) == 0x12). */
export function statusReply(n: number, s: SimulatedPrinterState): number {
  const paperOut = s.paper === 'out';
  const cannotPrint = paperOut || s.coverOpen || s.offline;
  switch (n) {
    case 1: // printer status: bit 3 offline
      return 0x12 | (cannotPrint ? 0x08 : 0);
    case 2: // offline cause: bit 2 cover open, bit 3 feed button, bit 5 stopped by paper end, bit 6 error
      return 0x12 | (s.coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0);
    case 3: // error cause: none simulated
      return 0x12;
    case 4: // roll paper sensor: bits 2,3 near end; bits 5,6 end
      return 0x12 | (s.paper !== 'ok' ? 0x0c : 0) | (paperOut ? 0x60 : 0);
    default:
      return 0x12;
  }
}

export class SimulatedPrinter extends EventEmitter {
  readonly jobs: SimulatedPrintJob[] = [];
  private state: SimulatedPrinterState = { paper: 'ok', coverOpen: false, offline: false };
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private nextId = 1;

  async start(port = 0, host = '127.0.0.1'): Promise<{ host: string; port: number }> {
    const server = createServer((socket) => this.handle(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as { port: number };
    return { host, port: address.port };
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  setState(patch: Partial<SimulatedPrinterState>): void {
    this.state = { ...this.state, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    this.emit('state', this.getState());
  }

  getState(): SimulatedPrinterState {
    return { ...this.state };
  }

  canPrint(): boolean {
    return this.state.paper !== 'out' && !this.state.coverOpen && !this.state.offline;
  }

  clearJobs(): void {
    this.jobs.length = 0;
  }

  waitForJob(predicate: (job: SimulatedPrintJob) => boolean = () => true, timeoutMs = 5000): Promise<SimulatedPrintJob> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('job', onJob);
        reject(new Error(`no matching print job within ${timeoutMs} ms`));
      }, timeoutMs);
      const onJob = (job: SimulatedPrintJob): void => {
        if (!predicate(job)) return;
        clearTimeout(timer);
        this.off('job', onJob);
        resolve(job);
      };
      this.on('job', onJob);
    });
  }

  /**
   * One job's worth of bytes from any transport: answers DLE EOT at once, keeps what it can print, and records
   * the job when the transport says it ended (TCP: the connection closed; serial: the line went quiet).
   */
  private session(reply: (byte: number) => void): { push(chunk: Uint8Array): void; end(): void } {
    const chunks: Buffer[] = [];
    let pending: number[] = []; // a DLE EOT split across chunks
    let printed = 0;
    let discarded = 0;
    return {
      push: (chunk) => {
        const bytes = pending.length ? Uint8Array.from([...pending, ...chunk]) : chunk;
        pending = [];
        const kept: number[] = [];
        for (let i = 0; i < bytes.length; i++) {
          if (bytes[i] === 0x10 && (i + 1 >= bytes.length || bytes[i + 1] === 0x04)) {
            if (i + 2 >= bytes.length) {
              pending = [...bytes.subarray(i)];
              break;
            }
            const n = bytes[i + 2]!;
            // Only n = 1..4 is a status request; other bytes after DLE EOT are ordinary data to the printer.
            if (n >= 1 && n <= 4) {
              reply(statusReply(n, this.state));
              i += 2;
              continue;
            }
          }
          kept.push(bytes[i]!);
        }
        if (!kept.length) return;
        // A printer that cannot print drops what it is sent; it does not queue it for later.
        if (this.canPrint()) {
          chunks.push(Buffer.from(kept));
          printed += kept.length;
        } else discarded += kept.length;
      },
      end: () => {
        // A DLE or DLE EOT left hanging at the very end was never a complete request: it is data.
        if (pending.length && this.canPrint()) {
          chunks.push(Buffer.from(pending));
          printed += pending.length;
        } else discarded += pending.length;
        pending = [];
        if (printed > 0) this.record(Buffer.concat(chunks));
        if (discarded > 0) this.emit('discarded', discarded);
      },
    };
  }

  private handle(socket: Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const session = this.session((b) => {
      if (socket.writable) socket.write(Uint8Array.of(b));
    });
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      session.end();
    };
    socket.on('data', (chunk: Buffer) => session.push(chunk));
    // The client is done sending: the job is recorded before our FIN, so a client that saw the close finds it.
    socket.on('end', () => {
      finish();
      socket.end();
    });
    // A reset (no FIN) still ends the job: the printer printed what it got. 'close' also follows 'error'.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      finish();
    });
  }

  /** A serial printer: the same bytes over a serial line; a job ends when the line has been quiet for `jobGapMs`. */
  attachSerial(link: ByteLink, jobGapMs = 150): () => void {
    let current: ReturnType<SimulatedPrinter['session']> | undefined;
    let timer: NodeJS.Timeout | undefined;
    const off = link.onData((chunk) => {
      current ??= this.session((b) => void link.write(Uint8Array.of(b)).catch(() => undefined));
      current.push(chunk);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        current?.end();
        current = undefined;
      }, jobGapMs);
    });
    return () => {
      if (timer) clearTimeout(timer);
      off();
    };
  }

  private record(bytes: Uint8Array): void {
    const job: SimulatedPrintJob = { id: this.nextId++, receivedAt: new Date(), bytes, decoded: decodeEscPos(bytes) };
    this.jobs.push(job);
    if (this.jobs.length > MAX_JOBS) this.jobs.shift();
    this.emit('job', job);
  }
}
