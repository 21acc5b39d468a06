/**
 * ESC/POS over TCP (port 9100). One connection per job, as network printers expect: ask the real-time status,
 * refuse to print into a printer that cannot print, write the job, close. Every step has a deadline so a printer
 * that stops answering cannot hang a citizen's ticket.
 */
import { Socket } from 'node:net';
import { AgentError } from '../../errors/agent-error';
import type { StatusReplies } from './status-query';

export type { StatusReplies };
import { StatusByteReader, queryStatus } from './status-query';

export interface PrinterTransport {
  /** Opens a session, reads status, and (if `job` is given and `accept` says so) writes it. */
  run(job: Uint8Array | undefined, accept: (status: StatusReplies) => void): Promise<StatusReplies>;
  describe(): string;
}

export function parseTcpUri(uri: string): { host: string; port: number } {
  const m = /^tcp:\/\/([^/:]+)(?::(\d+))?\/?$/i.exec(uri);
  if (!m) throw new Error(`not a tcp:// printer address: ${uri}`);
  return { host: m[1]!, port: m[2] ? Number(m[2]) : 9100 };
}

export class TcpPrinterTransport implements PrinterTransport {
  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs: number,
  ) {}

  describe(): string {
    return `tcp://${this.host}:${this.port}`;
  }

  run(job: Uint8Array | undefined, accept: (status: StatusReplies) => void): Promise<StatusReplies> {
    return new Promise<StatusReplies>((resolve, reject) => {
      const socket = new Socket();
      const reader = new StatusByteReader();
      let settled = false;
      const finish = (err: Error | undefined, value?: StatusReplies): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) {
          socket.destroy();
          reject(err);
        } else resolve(value!);
      };
      const timer = setTimeout(
        () => finish(new AgentError('PRINTER_TIMEOUT', 'Máy in không phản hồi. Vui lòng báo cán bộ kiểm tra máy in.')),
        this.timeoutMs,
      );
      socket.setNoDelay(true);
      socket.on('data', (chunk) => reader.push(chunk));
      socket.on('error', (err: NodeJS.ErrnoException) =>
        finish(new AgentError('PRINTER_OFFLINE', `Không kết nối được máy in (${err.code ?? err.message}). Vui lòng báo cán bộ kiểm tra máy in.`, { cause: err })),
      );
      socket.on('close', () => finish(new AgentError('PRINTER_OFFLINE', 'Máy in đã ngắt kết nối giữa chừng. Vui lòng báo cán bộ kiểm tra máy in.')));
      socket.connect(this.port, this.host, () => {
        void (async () => {
          const status = await queryStatus((b) => void socket.write(b), () => reader.next());
          if (settled) return;
          if (!job) {
            socket.removeAllListeners('close');
            socket.end(() => finish(undefined, status));
            return;
          }
          try {
            accept(status);
          } catch (err) {
            finish(err as Error);
            return;
          }
          socket.removeAllListeners('close');
          socket.on('close', (hadError) => {
            if (hadError) finish(new AgentError('PRINTER_OFFLINE', 'Máy in đã ngắt kết nối giữa chừng.'));
            else finish(undefined, status);
          });
          // Resolve once the kernel has handed every byte to the peer and the printer closed its side.
          socket.end(job);
        })();
      });
    });
  }
}
