import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { describe, expect, it } from 'vitest';
import { encodeCp1258 } from '../../../../kiosk-agent/src/devices/printer/cp1258';
import { decodeEscPos } from '../../../../kiosk-agent/src/devices/printer/escpos-decoder';

const bytes = (...parts: (number[] | Uint8Array | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : [...p])));

describe('ESC/POS decoder', () => {
  it('reads text in the selected code page, line by line', () => {
    const job = decodeEscPos(bytes([0x1b, 0x40], [0x1b, 0x74, 52], encodeCp1258('Chứng thực'), [0x0a], 'A012', [0x0a]));
    expect(job.lines).toEqual(['Chứng thực', 'A012']);
    expect(job.codePages).toEqual([52]);
  });

  it('resets the code page and styles on ESC @', () => {
    const job = decodeEscPos(bytes([0x1b, 0x74, 52, 0x1b, 0x45, 1, 0x1b, 0x40], [0xf4], [0x0a]));
    expect(job.lines).toEqual(['?']); // 0xF4 in cp437 is not Vietnamese
    expect(job.ops.find((o) => o.kind === 'text')).toMatchObject({ style: { bold: false } });
  });

  it('tracks size, bold, invert and alignment per text run', () => {
    const job = decodeEscPos(bytes([0x1b, 0x61, 1, 0x1d, 0x21, 0x55, 0x1b, 0x45, 1, 0x1d, 0x42, 1], 'A012', [0x0a]));
    expect(job.ops.find((o) => o.kind === 'text')).toMatchObject({
      text: 'A012',
      style: { align: 'center', widthMultiplier: 6, heightMultiplier: 6, bold: true, invert: true },
    });
  });

  it('reads back a job built with node-thermal-printer: Vietnamese text, QR payload, cut', () => {
    const printer = new ThermalPrinter({
      type: PrinterTypes.EPSON,
      interface: { execute: async () => undefined, isPrinterConnected: async () => true } as unknown as string,
    });
    printer.add(Buffer.from([0x1b, 0x74, 52]));
    printer.alignCenter();
    printer.add(Buffer.from(encodeCp1258('Lao động – Thương binh – Xã hội')));
    printer.newLine();
    printer.printQR('http://127.0.0.1:8080/track/tXyZ', { cellSize: 6, correction: 'M', model: 2 });
    printer.printBarcode('000001215', 73); // CODE128; the library's default type writes a broken command
    printer.cut();
    const job = decodeEscPos(new Uint8Array(printer.getBuffer()));
    expect(job.lines[0]).toBe('Lao động – Thương binh – Xã hội'.normalize('NFC'));
    expect(job.qrCodes).toEqual(['http://127.0.0.1:8080/track/tXyZ']);
    expect(job.barcodes).toEqual(['000001215']);
    expect(job.cuts).toBe(1);
    expect(job.ops.at(-1)).toEqual({ kind: 'init' }); // node-thermal-printer ends a cut with ESC @
  });

  it('decodes GS v 0 raster images with their size', () => {
    const job = decodeEscPos(bytes([0x1d, 0x76, 0x30, 0, 2, 0, 3, 0], [0xff, 0x00, 0x0f, 0xf0, 0x81, 0x18]));
    expect(job.images).toHaveLength(1);
    expect(job.images[0]).toMatchObject({ widthDots: 16, heightDots: 3 });
    expect([...job.images[0]!.bits]).toEqual([0xff, 0x00, 0x0f, 0xf0, 0x81, 0x18]);
  });

  it('notes real-time status requests and feeds', () => {
    const job = decodeEscPos(bytes([0x10, 0x04, 1, 0x10, 0x04, 4], 'x', [0x1b, 0x64, 3]));
    expect(job.statusQueries).toEqual([1, 4]);
    expect(job.lines).toEqual(['x', '', '']); // ESC d 3: the line with x, then two empty ones
    expect(job.text).toBe('x');
    expect(job.ops).toContainEqual({ kind: 'feed', lines: 3 });
  });

  it('reports a command cut off at the end instead of throwing', () => {
    const job = decodeEscPos(bytes('ok', [0x1d, 0x76, 0x30, 0, 10, 0, 10, 0, 1, 2]));
    expect(job.lines).toEqual(['ok']);
    expect(job.ops.at(-1)).toMatchObject({ kind: 'unknown' });
  });

  it('never throws on garbage (seeded random buffers)', () => {
    let seed = 1234;
    const next = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) & 0xff);
    for (let round = 0; round < 2000; round++) {
      const buf = Uint8Array.from({ length: 1 + (next() % 64) }, () => (next() < 80 ? [0x1b, 0x1d, 0x10, 0x1c, 0x0a][next() % 5]! : next()));
      expect(() => decodeEscPos(buf)).not.toThrow();
    }
  });
});
