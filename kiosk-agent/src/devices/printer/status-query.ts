/** The real-time status exchange every transport performs before a job: DLE EOT 1, 4, and 2 when offline. */
import { DLE_EOT, isStatusByte } from './escpos-status';

export interface StatusReplies {
  printerStatus: number;
  offlineCause?: number;
  paperSensor: number;
}

/** Collects status reply bytes from a stream; anything else (ASB, XON/XOFF, noise) is skipped. */
export class StatusByteReader {
  private readonly queue: number[] = [];
  private waiter: ((b: number) => void) | undefined;

  push(chunk: ArrayLike<number>): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (!isStatusByte(b)) continue;
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = undefined;
        w(b);
      } else this.queue.push(b);
    }
  }

  next(): Promise<number> {
    const b = this.queue.shift();
    if (b !== undefined) return Promise.resolve(b);
    return new Promise((resolve) => (this.waiter = resolve));
  }

  clear(): void {
    this.queue.length = 0;
    this.waiter = undefined;
  }
}

export async function queryStatus(write: (bytes: Uint8Array) => void, next: () => Promise<number>): Promise<StatusReplies> {
  write(DLE_EOT(1));
  const printerStatus = await next();
  write(DLE_EOT(4));
  const paperSensor = await next();
  if (!(printerStatus & 0x08)) return { printerStatus, paperSensor };
  write(DLE_EOT(2));
  return { printerStatus, paperSensor, offlineCause: await next() };
}
