/**
 * The real ESC/POS printer driver. Jobs go one at a time (a printer prints one ticket at a time, and interleaved
 * bytes would garble both); before each job the real-time status is checked, so a ticket is never "printed" into
 * a printer that is out of paper. The transport (TCP, device file, serial) is injected.
 */
import type { DeviceState, DeviceStatus } from '../../../../shared/api-schemas';
import type { ErrorCode } from '../../../../shared/error-codes';
import { AgentError, isAgentError } from '../../errors/agent-error';
import { encodeDocument, type TextLayoutOptions } from './escpos-document';
import { decodeStatus, stateFromBits } from './escpos-status';
import type { PrintDocument } from './print-document';
import type { Printer, PrinterStatusReport } from './printer';
import type { PrinterTransport, StatusReplies } from './tcp-transport';

const REFUSE: Partial<Record<DeviceState, { code: ErrorCode; message: string }>> = {
  'paper-out': { code: 'PRINTER_PAPER_OUT', message: 'Máy in đã hết giấy. Cán bộ đã được báo để thay giấy.' },
  'cover-open': { code: 'PRINTER_COVER_OPEN', message: 'Nắp máy in đang mở. Cán bộ đã được báo để kiểm tra.' },
  offline: { code: 'PRINTER_OFFLINE', message: 'Máy in đang tạm ngưng. Cán bộ đã được báo để kiểm tra.' },
};

const STATE_OF_ERROR: Partial<Record<ErrorCode, DeviceState>> = {
  PRINTER_PAPER_OUT: 'paper-out',
  PRINTER_COVER_OPEN: 'cover-open',
  PRINTER_OFFLINE: 'offline',
  PRINTER_TIMEOUT: 'offline',
};

export class EscposPrinter implements Printer {
  private tail: Promise<unknown> = Promise.resolve();
  private current: DeviceStatus;
  private replies: StatusReplies | null = null;
  private readonly listeners = new Set<(s: DeviceStatus) => void>();
  private closed = false;
  private pollTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly transport: PrinterTransport,
    /** How text is encoded for this printer (the site's `printer` config). */
    private readonly textLayout: TextLayoutOptions,
    driverName = 'escpos',
    private readonly statusPollMs = 0,
  ) {
    this.current = { state: 'ready', driver: `${driverName} ${transport.describe()}` };
    this.schedulePoll();
  }

  /** Paper running low or a cover left open shows on the health page before a citizen meets it. */
  private schedulePoll(): void {
    if (this.closed || this.statusPollMs <= 0) return;
    this.pollTimer = setTimeout(() => {
      void this.refreshStatus().finally(() => this.schedulePoll());
    }, this.statusPollMs);
    this.pollTimer.unref();
  }

  async print(doc: PrintDocument): Promise<{ bytes: number }> {
    const job = encodeDocument(doc, this.textLayout);
    await this.printBytes(job);
    return { bytes: job.length };
  }

  /** Sends bytes already encoded (tests, and the documents above once encoded), one job at a time. */
  printBytes(job: Uint8Array): Promise<void> {
    const run = this.tail.then(() => this.printNow(job));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Reads the real-time status without printing (used by health checks). */
  refreshStatus(): Promise<DeviceStatus> {
    const run = this.tail.then(async () => {
      if (this.closed) return this.current;
      try {
        this.observe(await this.transport.run(undefined, () => undefined));
      } catch (err) {
        this.fail(err);
      }
      return this.current;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async printNow(job: Uint8Array): Promise<void> {
    if (this.closed) throw new AgentError('SHUTTING_DOWN', 'Ki-ốt đang tắt.');
    try {
      const status = await this.transport.run(job, (s) => {
        const state = this.observe(s);
        const refusal = REFUSE[state];
        if (refusal) throw new AgentError(refusal.code, refusal.message);
      });
      this.observe(status);
    } catch (err) {
      this.fail(err);
      throw isAgentError(err) ? err : new AgentError('PRINTER_ERROR', 'Máy in gặp lỗi. Cán bộ đã được báo để kiểm tra.', { cause: err });
    }
  }

  private observe(s: StatusReplies): DeviceState {
    this.replies = s;
    const state = stateFromBits(decodeStatus(s.printerStatus, s.offlineCause, s.paperSensor));
    this.set({ state, driver: this.current.driver });
    return state;
  }

  private fail(err: unknown): void {
    const code = isAgentError(err) ? err.code : 'PRINTER_ERROR';
    const state = STATE_OF_ERROR[code] ?? 'error';
    this.set({ state, driver: this.current.driver, lastError: `${code}: ${(err as Error).message}` });
  }

  private set(next: DeviceStatus): void {
    const changed = next.state !== this.current.state || next.lastError !== this.current.lastError;
    this.current = next;
    if (changed) for (const l of this.listeners) l(next);
  }

  status(): DeviceStatus {
    return this.current;
  }

  lastStatus(): PrinterStatusReport | null {
    const r = this.replies;
    return r ? { ...r, bits: decodeStatus(r.printerStatus, r.offlineCause, r.paperSensor) } : null;
  }

  onStatusChange(listener: (s: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    // Refuse new jobs, stop polling, and let the job in flight finish.
    this.closed = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    await this.tail;
  }
}
