/**
 * KR-CU16-style lock board frames (docs/ARCHITECTURE.md "Hardware facts"), pure. Requests are `02 ADDR CMD 03 SUM` where ADDR holds the
 * board address in the high nibble and the lock index (lock − 1) in the low nibble; the status reply is
 * `02 ADDR 35 L1 L2 I1 I2 03 SUM`. SUM is the low byte of the sum of the bytes before it.
 */
export const STX = 0x02;
export const ETX = 0x03;
export const CMD_READ = 0x30;
export const CMD_UNLOCK = 0x31;
export const REPLY_STATUS = 0x35;
export const STATUS_REPLY_LENGTH = 9;
export const LOCKS_PER_BOARD = 16;

export function checksum(bytes: ArrayLike<number>, end = bytes.length): number {
  let sum = 0;
  for (let i = 0; i < end; i++) sum += bytes[i]!;
  return sum & 0xff;
}

function request(board: number, lockIndex: number, cmd: number): Uint8Array {
  if (!Number.isInteger(board) || board < 0 || board > 15) throw new RangeError(`board address ${board} is not 0–15`);
  if (!Number.isInteger(lockIndex) || lockIndex < 0 || lockIndex > 15) throw new RangeError(`lock index ${lockIndex} is not 0–15`);
  const frame = Uint8Array.of(STX, (board << 4) | lockIndex, cmd, ETX, 0);
  frame[4] = checksum(frame, 4);
  return frame;
}

/** Unlock `lock` (1–16) on `board` (0–15). Example: board 1, lock 7 → 02 16 31 03 4C. */
export function encodeUnlock(board: number, lock: number): Uint8Array {
  return request(board, lock - 1, CMD_UNLOCK);
}

/** Read all locks and item sensors of `board`. */
export function encodeReadStatus(board: number): Uint8Array {
  return request(board, 0, CMD_READ);
}

export type { BoardStatus } from '../lock-board-protocol';
import type { BoardStatus } from '../lock-board-protocol';

function bits16(lo: number, hi: number): boolean[] {
  return Array.from({ length: LOCKS_PER_BOARD }, (_, i) => ((i < 8 ? lo >> i : hi >> (i - 8)) & 1) === 1);
}

/** Decodes a checked 9-byte status reply. `lockedBit` is the bit value meaning locked (board-dependent). */
export function decodeStatusReply(frame: ArrayLike<number>, lockedBit: 0 | 1 = 1): BoardStatus {
  const raw = bits16(frame[3]!, frame[4]!);
  return { board: frame[1]! >> 4, locked: raw.map((b) => (b ? 1 : 0) === lockedBit), items: bits16(frame[5]!, frame[6]!) };
}

/** Builds a status reply (the simulator's side). `locked[i]` true = locked, written with the given polarity. */
export function encodeStatusReply(board: number, locked: readonly boolean[], items: readonly boolean[] = [], lockedBit: 0 | 1 = 1): Uint8Array {
  const pack = (flags: readonly boolean[], from: number, polarity: boolean): number => {
    let v = 0;
    for (let i = 0; i < 8; i++) if ((flags[from + i] ?? false) === polarity) v |= 1 << i;
    return v;
  };
  // With polarity 0 a *clear* bit means locked, so the set bits mark the unlocked locks.
  const lockedIs = lockedBit === 1;
  const l1 = pack(locked, 0, lockedIs);
  const l2 = pack(locked, 8, lockedIs);
  const frame = Uint8Array.of(STX, (board & 0x0f) << 4, REPLY_STATUS, l1, l2, pack(items, 0, true), pack(items, 8, true), ETX, 0);
  frame[8] = checksum(frame, 8);
  return frame;
}

/** Decodes a request frame (the simulator's side); undefined when it is not a valid request. */
export function decodeRequest(frame: ArrayLike<number>): { board: number; lockIndex: number; cmd: number } | undefined {
  if (frame.length !== 5 || frame[0] !== STX || frame[3] !== ETX || checksum(frame, 4) !== frame[4]) return undefined;
  return { board: frame[1]! >> 4, lockIndex: frame[1]! & 0x0f, cmd: frame[2]! };
}
