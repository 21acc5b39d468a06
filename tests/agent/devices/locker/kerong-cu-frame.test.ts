import { describe, expect, it } from 'vitest';
import {
  decodeRequest,
  decodeStatusReply,
  encodeReadStatus,
  encodeStatusReply,
  encodeUnlock,
} from '../../../../kiosk-agent/src/devices/locker/kerong-cu/frame';
import { FixedFrameParser } from '../../../../kiosk-agent/src/devices/locker/kerong-cu/frame-parser';

const hex = (b: ArrayLike<number>) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
const bytes = (h: string) => Uint8Array.from(h.split(' ').map((x) => parseInt(x, 16)));

// Recorded reference frames (docs/ARCHITECTURE.md "Hardware facts").
const UNLOCK_B1_L7 = '02 16 31 03 4c';
const READ_B0 = '02 00 30 03 35';
const READ_B1 = '02 10 30 03 45';
// Board 1: locks 1–8 locked except lock 7 (bit 6 clear) → L1 = BF; locks 9–16 locked → L2 = FF; no item sensors.
const STATUS_B1_L7_OPEN = '02 10 35 bf ff 00 00 03 08';

describe('KR-CU frames', () => {
  it('encodes unlock and read requests byte for byte', () => {
    expect(hex(encodeUnlock(1, 7))).toBe(UNLOCK_B1_L7);
    expect(hex(encodeReadStatus(0))).toBe(READ_B0);
    expect(hex(encodeReadStatus(1))).toBe(READ_B1);
    expect(hex(encodeUnlock(15, 16))).toBe('02 ff 31 03 35');
  });

  it('refuses board and lock numbers the frame cannot carry', () => {
    expect(() => encodeUnlock(16, 1)).toThrow(RangeError);
    expect(() => encodeUnlock(0, 0)).toThrow(RangeError);
    expect(() => encodeUnlock(0, 17)).toThrow(RangeError);
  });

  it('decodes a status reply, lock by lock, with either bit polarity', () => {
    const s = decodeStatusReply(bytes(STATUS_B1_L7_OPEN));
    expect(s.board).toBe(1);
    expect(s.locked.map((l, i) => (l ? '' : String(i + 1))).join('')).toBe('7');
    expect(s.items.every((x) => !x)).toBe(true);
    const inverted = decodeStatusReply(bytes(STATUS_B1_L7_OPEN), 0);
    expect(inverted.locked.filter(Boolean)).toHaveLength(1);
    expect(inverted.locked[6]).toBe(true);
  });

  it('encodes the simulator reply to the recorded bytes and round-trips both polarities', () => {
    const locked = Array.from({ length: 16 }, (_, i) => i !== 6);
    expect(hex(encodeStatusReply(1, locked))).toBe(STATUS_B1_L7_OPEN);
    for (const polarity of [0, 1] as const) {
      const back = decodeStatusReply(encodeStatusReply(3, locked, [true], polarity), polarity);
      expect(back.locked).toEqual(locked);
      expect(back.items[0]).toBe(true);
    }
  });

  it('decodes requests and rejects corrupted ones', () => {
    expect(decodeRequest(bytes(UNLOCK_B1_L7))).toEqual({ board: 1, lockIndex: 6, cmd: 0x31 });
    expect(decodeRequest(bytes('02 16 31 03 4d'))).toBeUndefined();
    expect(decodeRequest(bytes('02 16 31 04 4d'))).toBeUndefined();
  });
});

describe('frame parser', () => {
  const parser = () => new FixedFrameParser(9, (f) => f[2] === 0x35);

  it('assembles a frame fed one byte at a time', () => {
    const p = parser();
    const frame = bytes(STATUS_B1_L7_OPEN);
    const results = Array.from(frame).flatMap((b) => p.push([b]));
    expect(results).toEqual([{ ok: true, frame }]);
  });

  it('skips junk before STX and finds two frames split across chunks', () => {
    const p = parser();
    const a = bytes(STATUS_B1_L7_OPEN);
    const b = encodeStatusReply(2, Array(16).fill(true));
    const stream = Uint8Array.from([0xff, 0x00, 0x13, ...a, ...b]);
    const results = [...p.push(stream.slice(0, 7)), ...p.push(stream.slice(7, 15)), ...p.push(stream.slice(15))];
    expect(results.filter((r) => r.ok).map((r) => (r.ok ? hex(r.frame) : ''))).toEqual([hex(a), hex(b)]);
  });

  it('reports a bad checksum and resyncs on the next frame', () => {
    const p = parser();
    const bad = bytes(STATUS_B1_L7_OPEN);
    bad[8] = 0x09;
    const good = bytes(STATUS_B1_L7_OPEN);
    const results = p.push(Uint8Array.from([...bad, ...good]));
    expect(results[0]).toMatchObject({ ok: false, reason: 'bad-checksum' });
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('handles data and checksum bytes equal to ETX or STX', () => {
    // Locks 1–2 locked only → L1 = 03; the reply still parses (no delimiter on 0x03).
    const frame = encodeStatusReply(0, [true, true, true, false, false, false, false, false, false, true]);
    expect(frame[3]).toBe(0x07);
    const tricky = encodeStatusReply(0, [true, true]);
    expect(tricky[3]).toBe(0x03);
    expect(parser().push(tricky)).toEqual([{ ok: true, frame: tricky }]);
    const withStx = encodeStatusReply(0, [false, true]);
    expect(withStx[3]).toBe(0x02);
    const p = parser();
    expect(p.push(withStx.slice(0, 5))).toEqual([]);
    expect(p.push(withStx.slice(5)).filter((r) => r.ok)).toHaveLength(1);
  });

  it('keeps a short frame pending until the rest arrives', () => {
    const p = parser();
    expect(p.push(bytes('02 10 35 bf'))).toEqual([]);
    expect(p.push(bytes('ff 00 00 03 08'))).toHaveLength(1);
  });
});
