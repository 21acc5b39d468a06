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

  it('writes xL xH for widths over 255 bytes', () => {
    const out = renderRasterLines([{ text: 'x', sizePx: 24 }], { widthDots: 2100 });
    expect([...out.slice(4, 6)]).toEqual([262 & 0xff, 262 >> 8]);
  });

  it('keeps stacked tone marks of capitals inside the image (Ỗ, Ấ are taller than 1 em)', () => {
    const plain = decodeEscPos(renderRasterLines([{ text: 'HO', sizePx: 100 }], { widthDots: 384 })).images[0]!;
    const toned = decodeEscPos(renderRasterLines([{ text: 'HỖ', sizePx: 100 }], { widthDots: 384 })).images[0]!;
    expect(toned.heightDots).toBeGreaterThan(plain.heightDots);
    const rowBytes = toned.widthDots / 8;
    expect(blackDots(toned.bits.subarray(0, rowBytes))).toBe(0); // nothing clipped at the top edge
    expect(blackDots(toned.bits.subarray(rowBytes, 12 * rowBytes))).toBeGreaterThan(0); // the tilde is up there
  });

  it('breaks a word wider than the paper and starts a new line at \\n', () => {
    const one = decodeEscPos(renderRasterLines([{ text: 'x', sizePx: 24 }], { widthDots: 384 })).images[0]!;
    const url = decodeEscPos(renderRasterLines([{ text: 'https://dichvucong.example.vn/tra-cuu?MHS=000.00.15.H29-250704-0012', sizePx: 24 }], { widthDots: 384 })).images[0]!;
    const two = decodeEscPos(renderRasterLines([{ text: 'Quầy 3\nQuầy 4', sizePx: 24 }], { widthDots: 384 })).images[0]!;
    expect(url.heightDots).toBeGreaterThanOrEqual(2 * one.heightDots);
    expect(two.heightDots).toBe(2 * one.heightDots);
  });

  it('aligns left, centre and right', () => {
    const firstBlackColumn = (align: 'left' | 'center' | 'right'): number => {
      const img = decodeEscPos(renderRasterLines([{ text: 'I', sizePx: 40, align }], { widthDots: 384 })).images[0]!;
      const rowBytes = img.widthDots / 8;
      let min = Infinity;
      for (let y = 0; y < img.heightDots; y++)
        for (let x = 0; x < img.widthDots; x++) if (img.bits[y * rowBytes + (x >> 3)]! & (0x80 >> (x & 7))) min = Math.min(min, x);
      return min;
    };
    expect(firstBlackColumn('left')).toBeLessThan(20);
    expect(Math.abs(firstBlackColumn('center') - 192)).toBeLessThan(20);
    expect(firstBlackColumn('right')).toBeGreaterThan(384 - 30);
  });
});
