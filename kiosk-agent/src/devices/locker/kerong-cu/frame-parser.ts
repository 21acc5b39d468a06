/**
 * Finds fixed-length frames in a byte stream that arrives in arbitrary chunks (pure). No delimiter parser on 0x03:
 * data and checksum bytes can be 0x03. Sync on STX, take the fixed length, check ETX and SUM; on a failed check drop
 * one byte and resync, so junk before STX and corrupted frames cost only themselves.
 */
import type { FrameResult } from '../lock-board-protocol';
import { ETX, STX, checksum } from './frame';

export class FixedFrameParser {
  private buffer: number[] = [];

  constructor(
    private readonly length: number,
    private readonly accept: (frame: Uint8Array) => boolean = () => true,
    private readonly maxBuffered = 4096,
  ) {}

  /** Feeds bytes; returns the frames completed by them, in order, plus the rejected candidates. */
  push(chunk: ArrayLike<number>): FrameResult[] {
    for (let i = 0; i < chunk.length; i++) this.buffer.push(chunk[i]!);
    if (this.buffer.length > this.maxBuffered) this.buffer = this.buffer.slice(-this.length);
    const out: FrameResult[] = [];
    for (;;) {
      const start = this.buffer.indexOf(STX);
      if (start < 0) {
        this.buffer = [];
        return out;
      }
      if (start > 0) this.buffer = this.buffer.slice(start);
      if (this.buffer.length < this.length) return out;
      const candidate = Uint8Array.from(this.buffer.slice(0, this.length));
      if (candidate[this.length - 2] !== ETX || !this.accept(candidate)) {
        out.push({ ok: false, reason: 'bad-frame', bytes: candidate });
        this.buffer = this.buffer.slice(1);
      } else if (checksum(candidate, this.length - 1) !== candidate[this.length - 1]) {
        out.push({ ok: false, reason: 'bad-checksum', bytes: candidate });
        this.buffer = this.buffer.slice(1);
      } else {
        out.push({ ok: true, frame: candidate });
        this.buffer = this.buffer.slice(this.length);
      }
    }
  }

  reset(): void {
    this.buffer = [];
  }
}
