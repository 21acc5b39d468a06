/** Pickup-code hashes: keyed with the kiosk's secret, and a malformed stored value never matches. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PickupCodeHasher, newPickupCode } from '../../../kiosk-agent/src/pickup/pickup-code';

describe('pickup codes', () => {
  const hasher = new PickupCodeHasher(randomBytes(32));

  it('verifies the code a hash was made from, with this key only', () => {
    const code = newPickupCode();
    expect(code).toMatch(/^\d{6}$/);
    const stored = hasher.hash(code);
    expect(stored).toMatch(/^hscrypt\$4096\$/);
    expect(hasher.verify(code, stored)).toBe(true);
    expect(hasher.verify(` ${code} `, stored)).toBe(true);
    expect(hasher.verify(String((Number(code) + 1) % 1e6).padStart(6, '0'), stored)).toBe(false);
    expect(new PickupCodeHasher(randomBytes(32)).verify(code, stored)).toBe(false);
  });

  it('never accepts a code against a malformed or hostile stored value', () => {
    const salt = randomBytes(16).toString('base64');
    for (const stored of ['', 'hscrypt$4096$AAAA$=', `hscrypt$4096$${salt}$`, `hscrypt$4096$${salt}$AAAA`, `hscrypt$1048576$${salt}$${randomBytes(32).toString('base64')}`, `hscrypt$3000$${salt}$${randomBytes(32).toString('base64')}`, 'md5$x$y$z', `${hasher.hash('123456')}$extra`]) {
      expect(hasher.verify('123456', stored), stored).toBe(false);
    }
  });
});
