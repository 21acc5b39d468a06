/**
 * A byte pipe to a device: a serial port in production, an in-memory pair in demo mode. Drivers depend only on
 * this, so the same driver code talks to real boards over RS485 and to simulators in-process.
 */
import { AgentError } from '../../errors/agent-error';

export interface ByteLink {
  readonly isOpen: boolean;
  /**
   * Resolves once the bytes are handed to the OS; rejects with SERIAL_UNAVAILABLE when the link is down or the write
   * does not complete in time. `details.facts.notSent: true` on the error means no byte left.
   */
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called with `true` when the link (re)opens, `false` with a reason when it goes away. */
  onState(listener: (open: boolean, reason?: string) => void): () => void;
  describe(): string;
  close(): Promise<void>;
}

type Listener<T extends unknown[]> = (...args: T) => void;

export class Listeners<T extends unknown[]> {
  private readonly set = new Set<Listener<T>>();
  add(l: Listener<T>): () => void {
    this.set.add(l);
    return () => this.set.delete(l);
  }
  emit(...args: T): void {
    for (const l of this.set) l(...args);
  }
}

/** One end of an in-memory cable; bytes arrive at the peer asynchronously, like on a real wire. */
class MemoryLink implements ByteLink {
  peer: MemoryLink | undefined;
  private open = true;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly state = new Listeners<[boolean, string?]>();

  constructor(private readonly name: string) {}

  get isOpen(): boolean {
    return this.open;
  }

  deliver(bytes: Uint8Array): void {
    setImmediate(() => this.open && this.data.emit(bytes));
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open) throw new AgentError('SERIAL_UNAVAILABLE', `${this.name} đã đóng.`, { facts: { notSent: true } });
    this.peer?.deliver(Uint8Array.from(bytes));
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onState(listener: (open: boolean, reason?: string) => void): () => void {
    return this.state.add(listener);
  }

  describe(): string {
    return this.name;
  }

  async close(): Promise<void> {
    this.open = false;
    this.state.emit(false, 'closed');
  }
}

/** Two connected in-memory links (A's writes arrive at B and back): demo mode's cable to a simulator. */
export function memoryLinkPair(name = 'memory'): [ByteLink, ByteLink] {
  const a = new MemoryLink(`${name}:a`);
  const b = new MemoryLink(`${name}:b`);
  a.peer = b;
  b.peer = a;
  return [a, b];
}
