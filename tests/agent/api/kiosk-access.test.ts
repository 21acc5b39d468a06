import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { createKioskCheck, isKioskAddress } from '../../../kiosk-agent/src/api/kiosk-access';

const req = (remoteAddress: string, localAddress: string) => ({ socket: { remoteAddress, localAddress } }) as unknown as Request;

describe('kiosk-only routes on a LAN-facing agent', () => {
  it('the kiosk itself: loopback, or the machine reaching its own LAN address', () => {
    expect(isKioskAddress('127.0.0.1', '127.0.0.1', [])).toBe(true);
    expect(isKioskAddress('::1', '::1', [])).toBe(true);
    expect(isKioskAddress('::ffff:127.0.0.1', '::ffff:127.0.0.1', [])).toBe(true);
    expect(isKioskAddress('192.168.1.20', '192.168.1.20', [])).toBe(true);
    expect(isKioskAddress('::ffff:192.168.1.20', '192.168.1.20', [])).toBe(true);
  });

  it('another machine on the LAN is refused unless listed in server.kioskClients', () => {
    expect(isKioskAddress('192.168.1.31', '192.168.1.20', [])).toBe(false);
    expect(isKioskAddress('::ffff:192.168.1.31', '::ffff:192.168.1.20', ['192.168.1.31'])).toBe(true);
    expect(isKioskAddress(undefined, '192.168.1.20', [])).toBe(false);
  });

  it('refuses with KIOSK_ONLY and a Vietnamese explanation; a staff token passes', () => {
    const check = createKioskCheck([], (r) => r === staff);
    const stranger = req('192.168.1.31', '192.168.1.20');
    const staff = req('192.168.1.32', '192.168.1.20');
    expect(() => check(stranger)).toThrow(expect.objectContaining({ code: 'KIOSK_ONLY', message: expect.stringMatching(/chỉ dùng trên ki-ốt/) }));
    expect(() => check(staff)).not.toThrow();
    expect(() => check(req('127.0.0.1', '127.0.0.1'))).not.toThrow();
  });
});
