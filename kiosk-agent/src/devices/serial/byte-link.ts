/**
 * A byte pipe to a device: a serial port in production, an in-memory pair in demo mode. Drivers depend only on
 * this, so the same driver code talks to real boards over RS485 and to simulators in-process.
 */
export interface ByteLink {
  readonly isOpen: boolean;
  /** Resolves once the bytes are handed to the OS; rejects with SERIAL_UNAVAILABLE when the link is down. */
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

/** Two connected in-memory links (A writes arrive at B and back), asynchronous like a real wire. */
export function memoryLinkPair(name = 'memory'): [ByteLink, ByteLink] {
  const make = (side: string): ByteLink & { peer?: ByteLink & { deliver(b: Uint8Array): void } } => {
    const data = new Listeners<[Uint8Array]>();
    const state = new Listeners<[boolean, string?]>();
    let open = true;
    const link = {
      get isOpen() {
        return open;
      },
      peer: undefined as (ByteLink & { deliver(b: Uint8Array): void }) | undefined,
      deliver: (b: Uint8Array) => setImmediate(() => open && data.emit(b)),
      write: async (bytes: Uint8Array) => {
        if (!open) throw new Error('link closed');
        link.peer?.deliver(Uint8Array.from(bytes));
      },
      onData: (l: (c: Uint8Array) => void) => data.add(l),
      onState: (l: (o: boolean, r?: string) => void) => state.add(l),
      describe: () => `${name}:${side}`,
      close: async () => {
        open = false;
        state.emit(false, 'closed');
      },
    };
    return link;
  };
  const a = make('a');
  const b = make('b');
  a.peer = b as never;
  b.peer = a as never;
  return [a, b];
}
