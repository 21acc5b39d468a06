import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { AccessPolicy, isOwnMachine } from '../../../kiosk-agent/src/api/access-policy';
import { HostNames, hostOf } from '../../../kiosk-agent/src/api/host-names';
import { createRouteAuth } from '../../../kiosk-agent/src/api/route-auth';

const STAFF = 'staff-token-for-counter-pcs-0123456789';
const EXPIRED = 'staff-token-that-has-expired-012345678';
const SCREEN = 'device-token-of-the-lobby-b-screen-0123';

const req = (remoteAddress: string, localAddress: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress, localAddress }, headers }) as unknown as IncomingMessage & Request;

const policy = () =>
  new AccessPolicy(
    {
      staffTokens: [STAFF, { token: EXPIRED, name: 'old PC', expiresAt: '2026-01-31' }],
      kioskDevices: [{ name: 'Sảnh B', token: SCREEN, address: '192.168.1.40' }],
    },
    () => Date.parse('2026-12-02T08:00:00Z'),
  );

describe('who is asking (the same answer for HTTP and the event socket)', () => {
  it('the kiosk itself: loopback, or the machine reaching its own LAN address', () => {
    expect(isOwnMachine('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(isOwnMachine('::1', '::1')).toBe(true);
    expect(isOwnMachine('::ffff:127.0.0.1', '::ffff:127.0.0.1')).toBe(true);
    expect(isOwnMachine('::ffff:192.168.1.20', '192.168.1.20')).toBe(true);
    expect(isOwnMachine('192.168.1.31', '192.168.1.20')).toBe(false);
    expect(isOwnMachine(undefined, '192.168.1.20')).toBe(false);
  });

  it('a remote screen is the kiosk only with its device token, and only from its address when one is set', () => {
    const p = policy();
    expect(p.identify(req('192.168.1.40', '192.168.1.20'))).toMatchObject({ kiosk: false, staff: false });
    expect(p.identify(req('192.168.1.40', '192.168.1.20', { 'x-kiosk-token': SCREEN }))).toMatchObject({ kiosk: true, staff: false });
    // The same token from a laptop that is not the screen's address: nothing.
    expect(p.identify(req('192.168.1.77', '192.168.1.20', { 'x-kiosk-token': SCREEN })).kiosk).toBe(false);
    // A device token is not a staff token, and a staff token does not make a kiosk.
    expect(p.identify(req('192.168.1.40', '192.168.1.20', { authorization: `Bearer ${SCREEN}` })).staff).toBe(false);
    expect(p.identify(req('192.168.1.50', '192.168.1.20', { authorization: `Bearer ${STAFF}` }))).toMatchObject({ kiosk: false, staff: true });
  });

  it("a date-only expiry lasts to the end of that day in the centre's zone", () => {
    let now = Date.parse('2026-12-03T16:59:00Z'); // 23:59 in Hà Nội
    const p = new AccessPolicy({ staffTokens: [{ token: STAFF, expiresAt: '2026-12-03' }], kioskDevices: [], utcOffsetMinutes: () => 420 }, () => now);
    expect(p.isStaffToken(STAFF)).toBe(true);
    now = Date.parse('2026-12-03T17:00:00Z'); // midnight there
    expect(p.isStaffToken(STAFF)).toBe(false);
  });

  it('an expired staff token is refused', () => {
    const p = policy();
    expect(p.isStaffToken(EXPIRED)).toBe(false);
    expect(p.isStaffToken(STAFF)).toBe(true);
    expect(p.isStaffToken(`${STAFF}x`)).toBe(false);
    expect(p.isStaffToken(undefined)).toBe(false);
  });

  it('routes: staff need a token or an officer, kiosk routes the kiosk or staff, supervisor routes a supervisor, technician entry the kiosk alone', async () => {
    const touched: (string | undefined)[] = [];
    const officers = async (token: string | undefined) =>
      token === 'officer-session' ? { id: 1, username: 'lan', name: 'Lan', role: 'officer' as const }
      : token === 'supervisor-session' ? { id: 2, username: 'hoa', name: 'Hòa', role: 'supervisor' as const }
      : undefined;
    const authorize = createRouteAuth(policy(), { touch: (t) => void touched.push(t) }, officers);
    const phone = req('192.168.1.31', '192.168.1.20');
    const counterPc = req('192.168.1.50', '192.168.1.20', { authorization: `Bearer ${STAFF}` });
    const officerPc = req('192.168.1.51', '192.168.1.20', { authorization: 'Bearer officer-session' });
    const supervisorPc = req('192.168.1.52', '192.168.1.20', { authorization: 'Bearer supervisor-session' });
    const kiosk = req('127.0.0.1', '127.0.0.1', { authorization: 'Bearer technician-session' });
    await expect(authorize('none', phone)).resolves.toBeUndefined();
    await expect(authorize('staff', phone)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(authorize('kiosk', phone)).rejects.toMatchObject({ code: 'KIOSK_ONLY', message: expect.stringMatching(/chỉ dùng trên ki-ốt/) });
    await expect(authorize('kiosk', counterPc)).resolves.toBeUndefined();
    await expect(authorize('staff', officerPc)).resolves.toBeUndefined();
    await expect(authorize('kiosk', officerPc)).resolves.toBeUndefined();
    // Supervisor routes: a person with the role; an officer is told the role is missing, a machine token is no person.
    await expect(authorize('supervisor', supervisorPc)).resolves.toBeUndefined();
    await expect(authorize('supervisor', officerPc)).rejects.toMatchObject({ code: 'STAFF_ROLE_REQUIRED' });
    await expect(authorize('supervisor', counterPc)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(authorize('kiosk-device', counterPc)).rejects.toMatchObject({ code: 'KIOSK_ONLY' });
    await expect(authorize('demo', counterPc)).rejects.toMatchObject({ code: 'KIOSK_ONLY' });
    await expect(authorize('technician', counterPc)).rejects.toMatchObject({ code: 'KIOSK_ONLY' });
    expect(touched).toEqual([]);
    await authorize('technician', kiosk);
    expect(touched).toEqual(['technician-session']);
  });
});

describe('the names the agent answers to', () => {
  const names = new HostNames({ host: '192.168.1.20', publicUrl: 'http://kiosk.motcua.local:8080/', allowedHosts: ['queue.example.vn'] });

  it('parses Host values with ports and IPv6 brackets', () => {
    expect(hostOf('192.168.1.20:8080')).toBe('192.168.1.20');
    expect(hostOf('[::1]:8080')).toBe('::1');
    expect(hostOf('Kiosk.Motcua.Local.')).toBe('kiosk.motcua.local');
    expect(hostOf('evil.com@192.168.1.20')).toBeUndefined();
  });

  it('accepts its own names and refuses others (DNS rebinding)', () => {
    expect(names.allowsHost('192.168.1.20:8080')).toBe(true);
    expect(names.allowsHost('localhost:8080')).toBe(true);
    expect(names.allowsHost('kiosk.motcua.local:8080')).toBe(true);
    expect(names.allowsHost('queue.example.vn')).toBe(true);
    expect(names.allowsHost('attacker.example:8080')).toBe(false);
    expect(names.allowsHost(undefined)).toBe(false);
  });

  it('a browser Origin must be the agent the request went to (host and port); no Origin is a non-browser client', () => {
    const host = '192.168.1.20:8080';
    expect(names.allowsOrigin(undefined, host)).toBe(true);
    expect(names.allowsOrigin('http://192.168.1.20:8080', host)).toBe(true);
    expect(names.allowsOrigin('https://kiosk.motcua.local', 'kiosk.motcua.local')).toBe(true);
    expect(names.allowsOrigin('http://192.168.1.20:9000', host)).toBe(false); // another service on the kiosk PC
    expect(names.allowsOrigin('http://localhost:8080', host)).toBe(false);
    expect(names.allowsOrigin('https://attacker.example', host)).toBe(false);
    expect(names.allowsOrigin('null', host)).toBe(false);
    expect(names.allowsOrigin('file://', host)).toBe(false);
  });
});
