/**
 * The scanner screen's live view: the last frames the scanner sent, accepted or rejected, with their bytes in hex
 * (a scanner set to the wrong suffix or code page shows at once). In memory only: slip codes are not written to
 * disk or put in the support bundle.
 */
import { hexBytes } from '../core/hex';
import type { Scanner } from '../devices/scanner/scanner';
import type { Clock } from '../core/clock';

export interface ScanFrame {
  at: string;
  accepted: boolean;
  /** The decoded text of an accepted frame. */
  code?: string;
  /** Why a frame was refused (too short, not text…). */
  reason?: string;
  /** The first 64 bytes, as the scanner framing reports refused frames. */
  hex: string;
}

export class ScanLog {
  private readonly frames: ScanFrame[] = [];

  constructor(
    scanner: Scanner | undefined,
    private readonly clock: Clock,
    private readonly capacity = 20,
  ) {
    // Subscribed for the agent's lifetime: the scanner and this log end together.
    scanner?.onScan((code) => this.add({ accepted: true, code, hex: hexBytes(new TextEncoder().encode(code)) }));
    scanner?.onRejected((r) => this.add({ accepted: false, reason: r.reason, hex: r.rawHex }));
  }

  private add(frame: Omit<ScanFrame, 'at'>): void {
    this.frames.push({ at: new Date(this.clock.now()).toISOString(), ...frame });
    if (this.frames.length > this.capacity) this.frames.shift();
  }

  /** Newest first. */
  recent(): ScanFrame[] {
    return [...this.frames].reverse();
  }
}
