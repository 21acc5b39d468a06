/**
 * A serial port that comes back by itself. When the port disappears (USB unplugged, pty gone) the link reports it
 * closed and reopens with backoff (250 ms doubling to 5 s) until the path works again; the agent never restarts
 * for it. The binding is injected (the real one by default; tests may pass another BindingInterface).
 */
import { stat } from 'node:fs/promises';
import { autoDetect } from '@serialport/bindings-cpp';
import { SerialPortStream, type OpenOptions } from '@serialport/stream';
import { AgentError } from '../../errors/agent-error';
import { Listeners, type ByteLink } from './byte-link';

/** Whatever binding @serialport/stream accepts (its own type; @serialport/bindings-interface's exports hide it). */
export type SerialBinding = OpenOptions['binding'];

export interface SerialLinkOptions {
  path: string;
  baudRate: number;
  binding?: SerialBinding;
  /** First and longest wait between reopen attempts. */
  backoffMs?: { min: number; max: number };
  /**
   * How often an open port's path is checked (0 = never). A pulled USB adapter or a dead pty does not always wake
   * a pending read (seen under load: the slave of a killed socat stayed "open" for seconds), so the link also checks
   * that the path still leads to the device it opened.
   */
  watchPathMs?: number;
  /**
   * How long a write may take to reach the OS, drain included. A port whose driver stops taking bytes (a USB-serial
   * adapter wedged, flow control held) must not hold the RS485 bus or the print chain forever: the write fails and
   * the port is reopened.
   */
  writeTimeoutMs?: number;
  /**
   * Whether the bytes themselves go to the debug log. A scanner's bytes are a citizen's slip (on TT 01/2023 slips, a
   * URL with their ID number): its link logs lengths only.
   */
  logBytes?: boolean;
  log?: { debug(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export class SerialLink implements ByteLink {
  private port: SerialPortStream | undefined;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly state = new Listeners<[boolean, string?]>();
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private delay: number;
  private lastReason: string | undefined;
  private watchTimer: NodeJS.Timeout | undefined;
  /** Device number the path led to when the port opened; a different one means another device took the name. */
  private openedRdev: number | undefined;

  constructor(private readonly options: SerialLinkOptions) {
    this.delay = options.backoffMs?.min ?? 250;
    this.open();
    const every = options.watchPathMs ?? 1000;
    if (every > 0) {
      this.watchTimer = setInterval(() => void this.checkPath(), every);
      this.watchTimer.unref();
    }
  }

  private async checkPath(): Promise<void> {
    const port = this.port;
    if (!port?.isOpen || this.openedRdev === undefined) return;
    let rdev: number | undefined;
    try {
      rdev = (await stat(this.options.path)).rdev;
    } catch {
      rdev = undefined;
    }
    if (this.port !== port || !port.isOpen) return;
    if (rdev !== this.openedRdev) this.lost(rdev === undefined ? `${this.options.path} is gone` : `${this.options.path} now leads to another device`);
  }

  get isOpen(): boolean {
    return this.port?.isOpen === true;
  }

  describe(): string {
    return `${this.options.path} @ ${this.options.baudRate}`;
  }

  private open(): void {
    if (this.closed) return;
    const port = new SerialPortStream({
      binding: this.options.binding ?? autoDetect(),
      path: this.options.path,
      baudRate: this.options.baudRate,
      autoOpen: false,
    });
    this.port = port;
    // Events of a port this link has given up on (closed after a stuck write, reopened since) are ignored: a late
    // 'close' of the old port must not tear down the new one.
    port.on('data', (chunk: Buffer) => {
      if (this.port !== port) return;
      this.options.log?.debug(this.options.logBytes === false ? { rxBytes: chunk.length } : { rx: chunk.toString('hex') }, 'serial rx');
      this.data.emit(new Uint8Array(chunk));
    });
    port.on('error', () => undefined); // reported through 'close' or the open callback
    port.on('close', () => {
      if (this.port === port) this.lost(`port ${this.options.path} closed`);
    });
    port.open((err) => {
      if (this.port !== port) return;
      if (err) {
        this.lost(err.message);
        return;
      }
      // Remember which device the path led to (a path stat cannot read, e.g. an injected test binding's, is
      // simply not watched).
      void stat(this.options.path).then(
        (st) => st.rdev,
        () => undefined,
      ).then((rdev) => {
        if (this.port !== port) return;
        this.openedRdev = rdev;
        this.delay = this.options.backoffMs?.min ?? 250;
        this.lastReason = undefined;
        this.state.emit(true);
      });
    });
  }

  private lost(reason: string): void {
    if (this.closed || this.retryTimer) return;
    const port = this.port;
    this.port = undefined;
    this.openedRdev = undefined;
    if (port?.isOpen) port.close(() => undefined);
    if (reason !== this.lastReason) this.options.log?.warn({ path: this.options.path, reason }, 'serial port unavailable');
    this.lastReason = reason;
    this.state.emit(false, reason);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.open();
    }, this.delay);
    this.delay = Math.min(this.delay * 2, this.options.backoffMs?.max ?? 5000);
  }

  /**
   * Rejects with SERIAL_UNAVAILABLE. `facts.notSent: true` means no byte was handed to the port (it was not open);
   * any other failure may have sent some or all of them, which matters to a caller whose bytes release a lock.
   */
  write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) {
      return Promise.reject(
        new AgentError('SERIAL_UNAVAILABLE', `Cổng ${this.options.path} không sẵn sàng: ${this.lastReason ?? 'đang mở lại'}.`, { facts: { notSent: true } }),
      );
    }
    this.options.log?.debug(this.options.logBytes === false ? { txBytes: bytes.length } : { tx: Buffer.from(bytes).toString('hex') }, 'serial tx');
    const timeoutMs = this.options.writeTimeoutMs ?? 2000;
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (err?: AgentError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) reject(err);
        else resolve();
      };
      const timer = setTimeout(() => {
        settle(new AgentError('SERIAL_UNAVAILABLE', `Cổng ${this.options.path} không nhận dữ liệu sau ${timeoutMs} ms; đang mở lại cổng.`));
        if (this.port === port) this.lost(`write did not complete within ${timeoutMs} ms`);
      }, timeoutMs);
      port.write(Buffer.from(bytes), (err) => {
        if (err) settle(new AgentError('SERIAL_UNAVAILABLE', `Không ghi được vào cổng ${this.options.path}: ${err.message}.`));
        else port.drain(() => settle());
      });
    });
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onState(listener: (open: boolean, reason?: string) => void): () => void {
    return this.state.add(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.watchTimer) clearInterval(this.watchTimer);
    const port = this.port;
    this.port = undefined;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }
}
