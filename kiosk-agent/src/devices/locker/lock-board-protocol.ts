/**
 * What differs between lock-board families: frame bytes, reply length, checksum. The bus driver
 * (lock-board-driver.ts) owns everything else — one transaction at a time, matching, retries, polling — so a
 * second family (for example the common `8A board lock 11 XOR` boards) is one more module implementing this.
 */

/** What a reply parser yields: a checked frame, or the bytes it refused and why. */
export type FrameResult = { ok: true; frame: Uint8Array } | { ok: false; reason: 'bad-checksum' | 'bad-frame'; bytes: Uint8Array };

export interface BoardStatus {
  board: number;
  /** Index 0 = lock 1. true = locked (door shut), after applying the board's bit polarity. */
  locked: boolean[];
  /** Infrared item sensors where fitted; all false otherwise. */
  items: boolean[];
}

export interface LockBoardProtocol {
  readonly name: string;
  /** A fresh stream parser that yields checked reply frames. */
  createReplyParser(): { push(chunk: ArrayLike<number>): FrameResult[]; reset(): void };
  encodeRead(board: number): Uint8Array;
  encodeUnlock(board: number, lock: number): Uint8Array;
  decodeReply(frame: Uint8Array, lockedBit: 0 | 1): BoardStatus;
}
