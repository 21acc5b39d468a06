import { describe, expect, it } from 'vitest';
import { decodeStatus, isStatusByte, stateFromBits } from '../../../../kiosk-agent/src/devices/printer/escpos-status';

describe('DLE EOT status decoding', () => {
  it('recognises status bytes by their fixed bits', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x1a)).toBe(true);
    expect(isStatusByte(0x7e)).toBe(true);
    expect(isStatusByte(0x00)).toBe(false);
    expect(isStatusByte(0x11)).toBe(false); // XON
  });

  it('reads an out-of-paper printer (0x1A / 0x32 / 0x7E) as paper-out', () => {
    const bits = decodeStatus(0x1a, 0x32, 0x7e);
    expect(bits).toEqual({ offline: true, coverOpen: false, paperNearEnd: true, paperEnd: true });
    expect(stateFromBits(bits)).toBe('paper-out');
  });

  it('reads ready, paper low, cover open and offline', () => {
    expect(stateFromBits(decodeStatus(0x12, undefined, 0x12))).toBe('ready');
    expect(stateFromBits(decodeStatus(0x12, undefined, 0x1e))).toBe('paper-low');
    expect(stateFromBits(decodeStatus(0x1a, 0x16, 0x12))).toBe('cover-open');
    expect(stateFromBits(decodeStatus(0x1a, 0x12, 0x12))).toBe('offline');
  });
});
