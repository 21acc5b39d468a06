/** A barcode scanner in USB-CDC or RS232 mode: one code per frame, framed by a suffix or by silence. */
import type { DeviceStatus } from '../../../../shared/api-schemas';
import { Listeners, type ByteLink } from '../serial/byte-link';
import { RepeatFilter, ScanFramer, checkScan, type ScanSuffix } from './scan-framing';
import type { ScanRejected, Scanner } from './scanner';

export interface SerialScannerOptions {
  suffix: ScanSuffix;
  /** With suffix "none": the silence that ends a code. */
  interByteTimeoutMs?: number;
  repeatWindowMs?: number;
  now?: () => number;
}

export class SerialScanner implements Scanner {
  private readonly framer: ScanFramer;
  private readonly repeats: RepeatFilter;
  private readonly scans = new Listeners<[string]>();
  private readonly rejects = new Listeners<[ScanRejected]>();
  private readonly statuses = new Listeners<[DeviceStatus]>();
  private current: DeviceStatus;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly link: ByteLink,
    private readonly options: SerialScannerOptions,
    driverName = 'serial',
  ) {
    this.framer = new ScanFramer(options.suffix);
    this.repeats = new RepeatFilter(options.repeatWindowMs ?? 1500);
    this.current = { state: link.isOpen ? 'ready' : 'offline', driver: `${driverName} ${link.describe()}` };
    this.unsubscribe = [
      link.onData((chunk) => this.onBytes(chunk)),
      link.onState((open, reason) => this.set(open ? { state: 'ready' } : { state: 'offline', lastError: `SERIAL_UNAVAILABLE: ${reason ?? 'port closed'}` })),
    ];
  }

  private onBytes(chunk: Uint8Array): void {
    for (const frame of this.framer.push(chunk)) this.handle(frame);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    // Without a suffix a code ends when the scanner goes quiet; with one, a stray partial frame is dropped the same way.
    if (this.framer.hasPending) {
      this.idleTimer = setTimeout(() => {
        const frame = this.framer.flush();
        if (frame) this.handle(frame);
      }, this.options.interByteTimeoutMs ?? 80);
    }
  }

  private handle(frame: Uint8Array): void {
    const check = checkScan(frame);
    if (!check.ok) {
      if (check.reason !== 'empty') this.rejects.emit({ reason: check.reason, rawHex: check.rawHex });
      return;
    }
    if (this.repeats.accept(check.code, (this.options.now ?? Date.now)())) this.scans.emit(check.code);
  }

  private set(patch: Omit<DeviceStatus, 'driver'>): void {
    const next = { ...patch, driver: this.current.driver };
    if (next.state === this.current.state && next.lastError === this.current.lastError) return;
    this.current = next;
    this.statuses.emit(next);
  }

  onScan(listener: (code: string) => void): () => void {
    return this.scans.add(listener);
  }

  onRejected(listener: (r: ScanRejected) => void): () => void {
    return this.rejects.add(listener);
  }

  status(): DeviceStatus {
    return this.current;
  }

  onStatusChange(listener: (s: DeviceStatus) => void): () => void {
    return this.statuses.add(listener);
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const u of this.unsubscribe) u();
  }
}
