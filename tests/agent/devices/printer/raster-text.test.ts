import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../../kiosk-agent/src/devices/printer/escpos-decoder';
import { breakRealtimeSequences, renderRasterLines } from '../../../../kiosk-agent/src/devices/printer/raster-text';

const blackDots = (bits: Uint8Array) => bits.reduce((n, b) => n + b.toString(2).replace(/0/g, '').length, 0);

describe('raster text (GS v 0)', () => {
  it('emits a GS v 0 header with the exact width and height', () => {
    const out = renderRasterLines([{ text: 'A012', sizePx: 100, bold: true, align: 'center' }], { widthDots: 576 });
    expect([...out.slice(0, 4)]).toEqual([0x1d, 0x76, 0x30, 0x00]);
    const rowBytes = out[4]! + out[5]! * 256;
    const height = out[6]! + out[7]! * 256;
    expect(rowBytes).toBe(72);
    expect(height).toBe(125);
    expect(out.length).toBe(8 + rowBytes * height);
  });

  it('keeps the width a multiple of 8 no wider than the paper', () => {
    const out = renderRasterLines([{ text: 'x', sizePx: 24 }], { widthDots: 380 });
    expect((out[4]! + out[5]! * 256) * 8).toBe(376);
  });

  it('draws text in black, leaves an empty line white', () => {
    const job = decodeEscPos(renderRasterLines([{ text: 'Hộ tịch', sizePx: 40 }, { text: '', sizePx: 40 }], { widthDots: 384 }));
    const img = job.images[0]!;
    const rowBytes = img.widthDots / 8;
    const half = img.heightDots / 2;
    expect(blackDots(img.bits.subarray(0, half * rowBytes))).toBeGreaterThan(200);
    expect(blackDots(img.bits.subarray(half * rowBytes))).toBe(0);
  });

  it('draws the tone marks: "Hộ" and "Ho" differ, above and below the letters', () => {
    const ho = renderRasterLines([{ text: 'Ho', sizePx: 60 }], { widthDots: 384 });
    const hoToned = renderRasterLines([{ text: 'Hộ', sizePx: 60 }], { widthDots: 384 });
    expect(Buffer.from(ho).equals(Buffer.from(hoToned))).toBe(false);
    expect(blackDots(hoToned)).toBeGreaterThan(blackDots(ho) + 30);
  });

  it('wraps a line that is too long for the paper', () => {
    const one = decodeEscPos(renderRasterLines([{ text: 'Trung tâm', sizePx: 24 }], { widthDots: 384 })).images[0]!;
    const long = decodeEscPos(renderRasterLines([{ text: 'Trung tâm Phục vụ hành chính công xã Cát Tiên', sizePx: 24 }], { widthDots: 384 })).images[0]!;
    expect(long.heightDots).toBeGreaterThanOrEqual(2 * one.heightDots);
  });

  it('never leaves a DLE EOT sequence inside image data', () => {
    const data = Uint8Array.from([0x1d, 0x76, 0x30, 0, 1, 0, 3, 0, 0x10, 0x04, 0x01]);
    breakRealtimeSequences(data, 8);
    expect([...data.slice(8)]).toEqual([0x10, 0x0c, 0x01]);
  });
});
