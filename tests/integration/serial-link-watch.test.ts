/**
 * SerialLink notices a port whose path no longer leads to the device it opened, even when no read error wakes it
 * (under load a killed socat's pty stayed "open" for seconds; a renamed USB adapter never errors at all).
 */
import { readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialLink } from '../../kiosk-agent/src/devices/serial/serial-link';
import { ptyPair, waitUntil } from '../support/socat';
import { tempDir } from '../support/temp-dir';

describe('serial link path watch', () => {
  const dir = tempDir();
  const first = ptyPair(join(dir.path, 'a1'), join(dir.path, 'b1'));
  const second = ptyPair(join(dir.path, 'a2'), join(dir.path, 'b2'));
  const devicePath = join(dir.path, 'ttyKIOSK');
  let link: SerialLink;
  let peer: SerialLink | undefined;
  const received: string[] = [];
  const states: string[] = [];

  beforeAll(async () => {
    await first.start();
    await second.start();
    symlinkSync(readlinkSync(first.a), devicePath);
    link = new SerialLink({ path: devicePath, baudRate: 9600, backoffMs: { min: 50, max: 100 }, watchPathMs: 100 });
    link.onData((chunk) => received.push(Buffer.from(chunk).toString()));
    link.onState((open, reason) => states.push(open ? 'open' : `lost: ${reason}`));
    await waitUntil(() => link.isOpen && states.includes('open'), 3000, 'link open');
  });
  afterAll(async () => {
    await link.close();
    await peer?.close();
    await first.stop();
    await second.stop();
    dir.cleanup();
  });

  it('the device path now leading to another port: reported lost, reopened on the new one, which is then read', async () => {
    rmSync(devicePath);
    symlinkSync(readlinkSync(second.a), devicePath); // the first pty is still alive: no read error will come
    await waitUntil(() => states.some((s) => s.includes('now leads to another device')), 2000, 'path change noticed');
    await waitUntil(() => link.isOpen && states.at(-1) === 'open', 3000, 'reopened');

    peer = new SerialLink({ path: second.b, baudRate: 9600, watchPathMs: 0 });
    await waitUntil(() => peer!.isOpen, 3000, 'peer open');
    await peer.write(Buffer.from('HELLO\r'));
    await waitUntil(() => received.join('').includes('HELLO'), 3000, 'data from the new port');
    expect(states.filter((s) => s === 'open')).toHaveLength(2);
  });

  it('the device path gone: reported lost with the reason, and the link keeps trying', async () => {
    rmSync(devicePath);
    await waitUntil(() => !link.isOpen, 2000, 'lost');
    expect(states.some((s) => s.includes('is gone') || s.includes('closed'))).toBe(true);
    symlinkSync(readlinkSync(first.a), devicePath);
    await waitUntil(() => link.isOpen, 3000, 'back');
  });
});
