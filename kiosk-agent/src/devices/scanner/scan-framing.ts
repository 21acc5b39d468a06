/**
 * Turning scanner bytes into codes (pure). Scanners end each code with CR, LF or CR LF, or send nothing and go
 * quiet; the driver calls `flush()` after the inter-byte timeout for those. A code is trimmed, must be valid UTF-8
 * text without control characters and of a sane length; the same code again within the repeat window is a
 * double read, not a second scan.
 */
import { hexBytes } from '../../core/hex';

export type ScanSuffix = 'CR' | 'LF' | 'CRLF' | 'none';

export const MIN_CODE_LENGTH = 3;
export const MAX_CODE_LENGTH = 1024;

export class ScanFramer {
  private pending: number[] = [];

  constructor(private readonly suffix: ScanSuffix) {}

  /** Feeds bytes; returns the raw frames (without their suffix) completed by them. */
  push(chunk: ArrayLike<number>): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      const endsFrame = this.suffix === 'LF' || this.suffix === 'CRLF' ? b === 0x0a : this.suffix === 'CR' ? b === 0x0d : false;
      if (endsFrame) {
        if (this.suffix === 'CRLF' && this.pending.at(-1) === 0x0d) this.pending.pop();
        out.push(Uint8Array.from(this.pending));
        this.pending = [];
      } else if (this.suffix === 'CR' && b === 0x0a && this.pending.length === 0) {
        // A CR-configured driver meeting a CR LF scanner: the LF after the CR is not a code.
      } else {
        this.pending.push(b);
        // Guard against a stream with no suffix at all: cut it rather than grow without bound.
        if (this.pending.length > MAX_CODE_LENGTH * 4) {
          out.push(Uint8Array.from(this.pending));
          this.pending = [];
        }
      }
    }
    return out;
  }

  /** Ends the frame in progress (inter-byte timeout); undefined when nothing is pending. */
  flush(): Uint8Array | undefined {
    if (!this.pending.length) return undefined;
    const frame = Uint8Array.from(this.pending);
    this.pending = [];
    return frame;
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }
}

export type ScanCheck = { ok: true; code: string } | { ok: false; reason: 'empty' | 'too-short' | 'too-long' | 'not-text'; rawHex: string };


const CONTROL = /[\p{Cc}\p{Cs}\uFFFD]/u;

export function checkScan(raw: Uint8Array): ScanCheck {
  const rawHex = hexBytes(raw);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(raw).trim();
  if (!text) return { ok: false, reason: 'empty', rawHex };
  if (CONTROL.test(text)) return { ok: false, reason: 'not-text', rawHex };
  const length = [...text].length;
  if (length < MIN_CODE_LENGTH) return { ok: false, reason: 'too-short', rawHex };
  if (length > MAX_CODE_LENGTH) return { ok: false, reason: 'too-long', rawHex };
  return { ok: true, code: text.normalize('NFC') };
}

/** Drops a code identical to the previous one within `windowMs` (a scanner that reads the same slip twice). */
export class RepeatFilter {
  private last: { code: string; at: number } | undefined;

  constructor(private readonly windowMs = 1500) {}

  accept(code: string, nowMs: number): boolean {
    const repeat = this.last !== undefined && this.last.code === code && nowMs - this.last.at < this.windowMs;
    this.last = { code, at: nowMs };
    return !repeat;
  }
}
