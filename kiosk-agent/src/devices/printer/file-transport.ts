/**
 * A printer exposed as a device file (USB printer class, /dev/usb/lp0). The kernel's lp driver gives no real-time
 * status on write, so the status is reported as ready; a missing device or a stuck write is an error.
 *
 * The file is opened non-blocking and written in a loop until the job is out or the deadline passes. A blocking
 * write to a printer that stopped taking bytes (paper jam, a wedged USB link) never returns: it would hold one of
 * libuv's four threads for good, and `FileHandle.close()` waits for it — the print chain, and every ticket after
 * it, would hang. A non-blocking write answers EAGAIN instead, and the job fails with PRINTER_TIMEOUT in time.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { AgentError } from '../../errors/agent-error';
import type { PrinterTransport, StatusReplies } from './tcp-transport';

const READY: StatusReplies = { printerStatus: 0x12, paperSensor: 0x12 };
/** How long to wait before trying again when the device takes no more bytes for now. */
const RETRY_MS = 15;

const timeout = (): AgentError => new AgentError('PRINTER_TIMEOUT', 'Máy in không nhận dữ liệu. Vui lòng báo cán bộ kiểm tra máy in.');

export class FilePrinterTransport implements PrinterTransport {
  /**
   * The last job did not get through in time. A device file gives no status of its own, so until a job gets
   * through again the status check says so, rather than "ready" (which would hide the fault from staff and make
   * every next citizen wait out the deadline).
   */
  private stuck = false;

  constructor(
    private readonly path: string,
    private readonly timeoutMs: number,
  ) {}

  describe(): string {
    return this.path;
  }

  private async writeAll(handle: FileHandle, job: Uint8Array, deadline: number): Promise<void> {
    let offset = 0;
    while (offset < job.length) {
      if (Date.now() > deadline) throw timeout();
      let written = 0;
      try {
        ({ bytesWritten: written } = await handle.write(job, offset, job.length - offset));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') {
          throw new AgentError('PRINTER_OFFLINE', `Không ghi được vào máy in ${this.path} (${code ?? (err as Error).message}).`, { cause: err });
        }
      }
      offset += written;
      if (written === 0) await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }

  async run(job: Uint8Array | undefined, accept: (status: StatusReplies) => void): Promise<StatusReplies> {
    const deadline = Date.now() + this.timeoutMs;
    let handle: FileHandle;
    try {
      handle = await open(this.path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      throw new AgentError('PRINTER_OFFLINE', `Không mở được máy in ${this.path} (${e.code ?? e.message}).`, { cause: err });
    }
    try {
      if (!job) {
        if (this.stuck) throw new AgentError('PRINTER_TIMEOUT', 'Máy in chưa nhận hết dữ liệu của lần in trước. Vui lòng báo cán bộ kiểm tra máy in (kẹt giấy, cáp USB).');
        return READY;
      }
      accept(READY);
      try {
        await this.writeAll(handle, job, deadline);
      } catch (err) {
        this.stuck = err instanceof AgentError && err.code === 'PRINTER_TIMEOUT';
        throw err;
      }
      this.stuck = false;
      return READY;
    } finally {
      // Nothing is in flight on a non-blocking descriptor: closing returns at once.
      await handle.close().catch(() => undefined);
    }
  }
}
