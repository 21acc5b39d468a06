/**
 * Driver for lock boards on one RS485 bus, for any board family given as a LockBoardProtocol. Exactly one transaction on the bus at a time (a promise-chain
 * mutex); each reply is matched by board address within a deadline, with bounded retries for reads. An unlock is
 * never retried and its reply (some boards send one, some do not) is never awaited: it is confirmed by a status
 * read, so a lock is released at most once per request, even across a timeout or a reconnect. While idle the
 * driver polls every board and reports door changes.
 */
import type { DeviceStatus } from '../../../../shared/api-schemas';
import { AgentError, isAgentError } from '../../errors/agent-error';
import { Listeners, type ByteLink } from '../serial/byte-link';
import type { BoardStatus, LockBoardProtocol } from './lock-board-protocol';
import type { DoorEvent, LockState, LockerBank } from './locker-board';

export interface LockBoardConfig {
  address: number;
  locks: number;
  lockedBit: 0 | 1;
}

export interface LockBoardDriverOptions {
  boards: LockBoardConfig[];
  replyTimeoutMs?: number;
  retries?: number;
  pollMs?: number;
  /** Time a board needs after an unlock before it answers a status read reliably. */
  settleMs?: number;
  log?: { warn(obj: object, msg: string): void; debug(obj: object, msg: string): void };
}

type Waiter = { board: number; resolve: (s: BoardStatus) => void; reject: (e: Error) => void; badFrames: number };

export class LockBoardDriver implements LockerBank {
  private readonly parser;
  private tail: Promise<unknown> = Promise.resolve();
  private waiter: Waiter | undefined;
  private current: DeviceStatus;
  private readonly statusListeners = new Listeners<[DeviceStatus]>();
  private readonly doorListeners = new Listeners<[DoorEvent]>();
  private readonly known = new Map<number, LockState[]>();
  private pollTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly link: ByteLink,
    private readonly protocol: LockBoardProtocol,
    private readonly options: LockBoardDriverOptions,
    driverName = protocol.name,
  ) {
    this.parser = protocol.createReplyParser();
    this.current = { state: link.isOpen ? 'ready' : 'offline', driver: `${driverName} ${link.describe()}` };
    this.unsubscribe.push(
      link.onData((chunk) => this.onBytes(chunk)),
      link.onState((open, reason) => {
        if (open) this.set('ready');
        else {
          this.set('offline', `SERIAL_UNAVAILABLE: ${reason ?? 'port closed'}`);
          this.waiter?.reject(new AgentError('SERIAL_UNAVAILABLE', `Mất kết nối với tủ khóa (${reason ?? 'cổng đóng'}).`));
        }
      }),
    );
    this.schedulePoll();
  }

  private board(address: number): LockBoardConfig {
    const b = this.options.boards.find((x) => x.address === address);
    if (!b) throw new AgentError('LOCKER_UNKNOWN_LOCK', `Không có bo mạch tủ khóa địa chỉ ${address}.`);
    return b;
  }

  private onBytes(chunk: Uint8Array): void {
    for (const result of this.parser.push(chunk)) {
      const w = this.waiter;
      if (!w) continue; // a late reply or an unlock acknowledgement: nobody is waiting
      if (!result.ok) {
        w.badFrames += 1;
        continue;
      }
      const status = this.protocol.decodeReply(result.frame, this.board(w.board).lockedBit);
      if (status.board === w.board) w.resolve(status);
    }
  }

  /** Runs `fn` alone on the bus. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async readOnce(address: number): Promise<BoardStatus> {
    const timeoutMs = this.options.replyTimeoutMs ?? 500;
    this.parser.reset();
    const reply = new Promise<BoardStatus>((resolve, reject) => {
      const timer = setTimeout(() => {
        const bad = this.waiter?.badFrames ?? 0;
        this.waiter = undefined;
        reject(
          bad > 0
            ? new AgentError('LOCKER_BAD_FRAME', `Bo mạch tủ khóa ${address} trả lời sai định dạng hoặc sai tổng kiểm tra.`)
            : new AgentError('LOCKER_TIMEOUT', `Bo mạch tủ khóa ${address} không trả lời.`),
        );
      }, timeoutMs);
      this.waiter = {
        board: address,
        badFrames: 0,
        resolve: (s) => {
          clearTimeout(timer);
          this.waiter = undefined;
          resolve(s);
        },
        reject: (e) => {
          clearTimeout(timer);
          this.waiter = undefined;
          reject(e);
        },
      };
    });
    // The link may drop while the write below is still pending, rejecting `reply` before anyone awaits it; mark it
    // handled now so that is not an unhandled rejection. The caller still receives the rejection through `return reply`.
    reply.catch(() => undefined);
    try {
      await this.link.write(this.protocol.encodeRead(address));
    } catch (err) {
      this.waiter?.reject(err as Error);
    }
    return reply;
  }

  /** A status read with bounded retries; a link that is down fails at once. */
  private async readWithRetries(address: number): Promise<BoardStatus> {
    const retries = this.options.retries ?? 2;
    let last: unknown;
    for (let attempt = 0; attempt <= retries; attempt++) {
      try {
        const status = await this.readOnce(address);
        if (this.current.state !== 'ready' && this.link.isOpen) this.set('ready');
        return status;
      } catch (err) {
        last = err;
        if (isAgentError(err) && err.code === 'SERIAL_UNAVAILABLE') break;
      }
    }
    const error = last as AgentError;
    this.set(error.code === 'SERIAL_UNAVAILABLE' ? 'offline' : 'error', `${error.code}: ${error.message}`);
    throw error;
  }

  private toStates(status: BoardStatus): LockState[] {
    const cfg = this.board(status.board);
    return Array.from({ length: cfg.locks }, (_, i) => ({ board: status.board, lock: i + 1, open: !status.locked[i], occupied: status.items[i] ?? false }));
  }

  private remember(states: LockState[]): void {
    const board = states[0]?.board;
    if (board === undefined) return;
    // Before the first read every door counts as shut, so a door found open (or opened by the very first
    // request after start-up) is still reported.
    const before = this.known.get(board);
    this.known.set(board, states);
    for (const s of states) {
      const wasOpen = before ? before[s.lock - 1]?.open : false;
      if (wasOpen !== s.open) this.doorListeners.emit({ board: s.board, lock: s.lock, open: s.open });
    }
  }

  async readBoard(board: number): Promise<LockState[]> {
    this.board(board);
    return this.exclusive(async () => {
      const states = this.toStates(await this.readWithRetries(board));
      this.remember(states);
      return states;
    });
  }

  async unlock(board: number, lock: number): Promise<LockState> {
    const cfg = this.board(board);
    if (!Number.isInteger(lock) || lock < 1 || lock > cfg.locks) {
      throw new AgentError('LOCKER_UNKNOWN_LOCK', `Bo mạch ${board} không có ngăn số ${lock}.`);
    }
    return this.exclusive(async () => {
      this.parser.reset();
      // From the moment the frame may have left, the lock's fate is unknown until a status read says otherwise:
      // every failure after that carries `unlockSent: true`, and callers must never retry such an unlock.
      let sent = true;
      try {
        try {
          await this.link.write(this.protocol.encodeUnlock(board, lock)); // sent once, never repeated
        } catch (err) {
          if (isAgentError(err) && err.details.facts?.notSent === true) sent = false;
          throw err;
        }
        await new Promise((r) => setTimeout(r, this.options.settleMs ?? 60));
        const states = this.toStates(await this.readWithRetries(board));
        this.remember(states);
        const state = states[lock - 1]!;
        if (!state.open) throw new AgentError('LOCKER_NOT_OPENED', `Ngăn ${lock} của bo mạch ${board} chưa mở.`);
        return state;
      } catch (err) {
        const coded = isAgentError(err) ? err : new AgentError('LOCKER_TIMEOUT', `Bo mạch tủ khóa ${board} không xác nhận lệnh mở.`, { cause: err });
        // `notSent` described one write (perhaps the confirming read's); what callers need is whether the unlock left.
        const { notSent: _notSent, ...facts } = coded.details.facts ?? {};
        throw new AgentError(coded.code, coded.message, { ...coded.details, facts: { ...facts, unlockSent: sent } });
      }
    });
  }

  private schedulePoll(): void {
    const pollMs = this.options.pollMs ?? 1000;
    if (this.closed || pollMs <= 0) return;
    this.pollTimer = setTimeout(() => {
      void (async () => {
        for (const b of this.options.boards) {
          if (this.closed || !this.link.isOpen) break;
          await this.readBoard(b.address).catch(() => undefined);
        }
        this.schedulePoll();
      })();
    }, pollMs);
  }

  private set(state: DeviceStatus['state'], lastError?: string): void {
    const next: DeviceStatus = { state, driver: this.current.driver, ...(lastError ? { lastError } : {}) };
    if (next.state === this.current.state && next.lastError === this.current.lastError) return;
    this.current = next;
    this.statusListeners.emit(next);
  }

  status(): DeviceStatus {
    return this.current;
  }

  onStatusChange(listener: (s: DeviceStatus) => void): () => void {
    return this.statusListeners.add(listener);
  }

  onDoor(listener: (e: DoorEvent) => void): () => void {
    return this.doorListeners.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    await this.tail; // finish the transaction in flight
    for (const u of this.unsubscribe) u();
  }
}
