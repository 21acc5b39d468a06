/**
 * A printer exposed as a device file (USB printer class, /dev/usb/lp0). The kernel's lp driver gives no
 * real-time status on write, so the status is reported as ready; a missing device or a stuck write is an error.
 */
import { open } from 'node:fs/promises';
import { AgentError } from '../../errors/agent-error';
import type { PrinterTransport, StatusReplies } from './tcp-transport';

const READY: StatusReplies = { printerStatus: 0x12, paperSensor: 0x12 };

export class FilePrinterTransport implements PrinterTransport {
  constructor(
    private readonly path: string,
    private readonly timeoutMs: number,
  ) {}

  describe(): string {
    return this.path;
  }

  async run(job: Uint8Array | undefined, accept: (status: StatusReplies) => void): Promise<StatusReplies> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AgentError('PRINTER_TIMEOUT', 'Máy in không nhận dữ liệu. Vui lòng báo cán bộ kiểm tra máy in.')), this.timeoutMs);
    });
    try {
      const handle = await Promise.race([open(this.path, 'r+'), deadline]).catch((err: NodeJS.ErrnoException) => {
        if (err instanceof AgentError) throw err;
        throw new AgentError('PRINTER_OFFLINE', `Không mở được máy in ${this.path} (${err.code ?? err.message}).`, { cause: err });
      });
      try {
        accept(READY);
        if (job) await Promise.race([handle.write(job), deadline]);
      } finally {
        await handle.close();
      }
      return READY;
    } finally {
      clearTimeout(timer);
    }
  }
}
