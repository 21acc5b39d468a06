/**
 * ESC/POS over a serial line (`serial:/dev/ttyS0?baud=115200`). node-thermal-printer has no serial transport, so
 * the agent drives the port itself: status first, then the job, each exchange under a deadline. The link reopens
 * by itself when the port comes back.
 */
import { AgentError } from '../../errors/agent-error';
import type { ByteLink } from '../serial/byte-link';
import { StatusByteReader, queryStatus, type StatusReplies } from './status-query';
import type { PrinterTransport } from './tcp-transport';

export function parseSerialUri(uri: string): { path: string; baudRate: number } {
  const m = /^serial:([^?]+)(?:\?baud=(\d+))?$/.exec(uri);
  if (!m) throw new Error(`not a serial printer address: ${uri} (expected serial:/dev/ttyS0?baud=115200)`);
  return { path: m[1]!, baudRate: m[2] ? Number(m[2]) : 9600 };
}

export class SerialPrinterTransport implements PrinterTransport {
  private readonly reader = new StatusByteReader();

  constructor(
    private readonly link: ByteLink,
    private readonly timeoutMs: number,
  ) {
    link.onData((chunk) => this.reader.push(chunk));
  }

  describe(): string {
    return `serial ${this.link.describe()}`;
  }

  async run(job: Uint8Array | undefined, accept: (status: StatusReplies) => void): Promise<StatusReplies> {
    if (!this.link.isOpen) throw new AgentError('PRINTER_OFFLINE', `Cổng máy in ${this.link.describe()} không sẵn sàng. Vui lòng báo cán bộ kiểm tra cáp máy in.`);
    this.reader.clear();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AgentError('PRINTER_TIMEOUT', 'Máy in không phản hồi. Vui lòng báo cán bộ kiểm tra máy in.')), this.timeoutMs);
    });
    try {
      const status = await Promise.race([queryStatus((b) => void this.link.write(b).catch(() => undefined), () => this.reader.next()), deadline]);
      if (job) {
        accept(status);
        await Promise.race([this.link.write(job), deadline]);
      }
      return status;
    } catch (err) {
      if (err instanceof AgentError && err.code === 'SERIAL_UNAVAILABLE') throw new AgentError('PRINTER_OFFLINE', err.message);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }
}
