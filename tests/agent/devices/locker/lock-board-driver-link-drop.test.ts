/**
 * A cable that drops while a status read's bytes are still being written: the read must fail with
 * SERIAL_UNAVAILABLE for its caller and never surface as an unhandled rejection (that once broke a CI run).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { kerongCuProtocol } from '../../../../kiosk-agent/src/devices/locker/kerong-cu/kerong-cu-protocol';
import { LockBoardDriver } from '../../../../kiosk-agent/src/devices/locker/lock-board-driver';
import { Listeners, type ByteLink } from '../../../../kiosk-agent/src/devices/serial/byte-link';

/** A link whose writes hang until released, and which can be unplugged meanwhile. */
class StallingLink implements ByteLink {
  isOpen = true;
  private readonly state = new Listeners<[boolean, string?]>();
  private releaseWrite: (() => void) | undefined;
  written = 0;
  write(): Promise<void> {
    this.written += 1;
    return new Promise((resolve) => (this.releaseWrite = resolve));
  }
  onData(): () => void {
    return () => undefined;
  }
  onState(listener: (open: boolean, reason?: string) => void): () => void {
    return this.state.add(listener);
  }
  unplug(): void {
    this.isOpen = false;
    this.state.emit(false, 'cable pulled');
  }
  finishWrite(): void {
    this.releaseWrite?.();
  }
  describe(): string {
    return 'stalling';
  }
  async close(): Promise<void> {}
}

describe('lock board driver: the link drops during a write', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('the read fails with SERIAL_UNAVAILABLE for its caller and nothing is left unhandled', async () => {
    process.on('unhandledRejection', onUnhandled);
    const link = new StallingLink();
    const driver = new LockBoardDriver(link, kerongCuProtocol, { boards: [{ address: 0, locks: 16, lockedBit: 1 }], pollMs: 0, replyTimeoutMs: 5000 });
    const read = driver.readBoard(0);
    await new Promise((r) => setImmediate(r));
    expect(link.written).toBe(1);
    link.unplug();
    // Let the event loop turn with the rejection pending and the write not yet done: this is where it leaked.
    await new Promise((r) => setTimeout(r, 20));
    link.finishWrite();
    await expect(read).rejects.toMatchObject({ code: 'SERIAL_UNAVAILABLE' });
    await new Promise((r) => setTimeout(r, 20));
    expect(unhandled).toEqual([]);
    expect(driver.status()).toMatchObject({ state: 'offline' });
    await driver.close();
  });
});
