/** A remote touchscreen's device token: taken from the URL fragment once, kept, and removed from the address. */
import { describe, expect, it } from 'vitest';
import { captureCounterToken, captureKioskToken, counterToken, kioskToken } from '../../kiosk-ui/src/agent-client/kiosk-device-token';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('kiosk device token', () => {
  it('moves #kiosk-token=… into storage and strips it from the address', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    captureKioskToken({ hash: '#kiosk-token=screen-b-device-token-0123456789', pathname: '/', search: '?lang=vi' }, storage, (u) => replaced.push(u));
    expect(kioskToken(storage)).toBe('screen-b-device-token-0123456789');
    expect(replaced).toEqual(['/?lang=vi']);
  });

  it('leaves other fragments and the kiosk on the agent machine alone', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    captureKioskToken({ hash: '#section', pathname: '/display', search: '' }, storage, (u) => replaced.push(u));
    captureKioskToken({ hash: '#kiosk-token=short', pathname: '/', search: '' }, storage, (u) => replaced.push(u));
    expect(storage.items.size).toBe(0);
    expect(replaced).toEqual([]);
    expect(kioskToken(storage)).toBeUndefined();
  });

  it("a counter tablet's #counter-token=… is kept apart from a kiosk screen's token", () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    captureCounterToken({ hash: '#counter-token=counter-1-rating-tablet-token-0123', pathname: '/rate/1', search: '' }, storage, (u) => replaced.push(u));
    expect(counterToken(storage)).toBe('counter-1-rating-tablet-token-0123');
    expect(kioskToken(storage)).toBeUndefined();
    expect(replaced).toEqual(['/rate/1']);
  });
});
