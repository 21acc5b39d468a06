/**
 * An RS485 bus of KR-CU16-style boards in software, speaking the same bytes as the hardware over any ByteLink (a
 * pty through socat in tests, an in-memory link in demo mode). Unlocking releases a lock and its door swings open;
 * tests and the demo close doors. Boards can be made silent or to answer with corrupted checksums.
 */
import { EventEmitter } from 'node:events';
import { AgentError } from '../../errors/agent-error';
import type { ByteLink } from '../serial/byte-link';
import { CMD_READ, CMD_UNLOCK, decodeRequest, encodeStatusReply } from './kerong-cu/frame';
import { FixedFrameParser } from './kerong-cu/frame-parser';

export interface SimulatedBoardConfig {
  address: number;
  locks: number;
  lockedBit?: 0 | 1;
  /** Some boards acknowledge an unlock with a status frame, some say nothing. */
  answersUnlock?: boolean;
}

interface Board {
  config: SimulatedBoardConfig;
  locked: boolean[];
  items: boolean[];
  silent: boolean;
  corrupt: boolean;
}

export class SimulatedLockerBus extends EventEmitter {
  /** Every well-formed request frame received, in order (what a bus sniffer would show). */
  readonly received: Uint8Array[] = [];
  private readonly boards = new Map<number, Board>();
  private readonly parser = new FixedFrameParser(5, (f) => f[2] === CMD_READ || f[2] === CMD_UNLOCK);
  private readonly unsubscribe: () => void;

  constructor(
    private readonly link: ByteLink,
    boards: SimulatedBoardConfig[],
  ) {
    super();
    for (const config of boards) {
      this.boards.set(config.address, { config, locked: Array(config.locks).fill(true), items: Array(config.locks).fill(false), silent: false, corrupt: false });
    }
    this.unsubscribe = link.onData((chunk) => this.onBytes(chunk));
  }

  private onBytes(chunk: Uint8Array): void {
    for (const result of this.parser.push(chunk)) {
      // Boards ignore frames with a bad checksum: the master times out and retries.
      if (!result.ok) continue;
      this.received.push(result.frame);
      const req = decodeRequest(result.frame);
      const board = req && this.boards.get(req.board);
      if (!req || !board) continue;
      this.emit('request', { ...req, bytes: result.frame });
      if (req.cmd === CMD_UNLOCK) {
        if (req.lockIndex >= board.config.locks) continue;
        if (board.locked[req.lockIndex]) {
          board.locked[req.lockIndex] = false;
          this.emit('door', { board: req.board, lock: req.lockIndex + 1, open: true });
        }
        if (board.config.answersUnlock) this.reply(board);
      } else this.reply(board);
    }
  }

  private reply(board: Board): void {
    if (board.silent) return;
    const frame = encodeStatusReply(board.config.address, board.locked, board.items, board.config.lockedBit ?? 1);
    if (board.corrupt) frame[8] = (frame[8]! + 1) & 0xff;
    void this.link.write(frame).catch(() => undefined);
  }

  /** The board and, when given, one of its locks; asking for one the bus does not have is a coded error. */
  private get(address: number, lock?: number): Board {
    const b = this.boards.get(address);
    if (!b) throw new AgentError('LOCKER_UNKNOWN_LOCK', `Tủ mô phỏng không có bo mạch địa chỉ ${address}.`);
    if (lock !== undefined && (!Number.isInteger(lock) || lock < 1 || lock > b.config.locks)) {
      throw new AgentError('LOCKER_UNKNOWN_LOCK', `Bo mạch ${address} của tủ mô phỏng không có ngăn số ${lock}.`);
    }
    return b;
  }

  isOpen(board: number, lock: number): boolean {
    return !this.get(board, lock).locked[lock - 1];
  }

  /** A person shuts the door: the lock latches again. */
  closeDoor(board: number, lock: number): void {
    const b = this.get(board, lock);
    if (!b.locked[lock - 1]) {
      b.locked[lock - 1] = true;
      this.emit('door', { board, lock, open: false });
    }
  }

  setItem(board: number, lock: number, present: boolean): void {
    this.get(board, lock).items[lock - 1] = present;
  }

  setSilent(board: number, silent: boolean): void {
    this.get(board).silent = silent;
  }

  setCorrupt(board: number, corrupt: boolean): void {
    this.get(board).corrupt = corrupt;
  }

  state(): { address: number; open: number[] }[] {
    return [...this.boards.values()].map((b) => ({ address: b.config.address, open: b.locked.flatMap((l, i) => (l ? [] : [i + 1])) }));
  }

  detach(): void {
    this.unsubscribe();
  }
}
