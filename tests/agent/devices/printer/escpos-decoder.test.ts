import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { describe, expect, it } from 'vitest';
import { encodeCp1258 } from '../../../../kiosk-agent/src/devices/printer/cp1258';
import { decodeEscPos } from '../../../../kiosk-agent/src/devices/printer/escpos-decoder';
import { renderJobToPng } from '../../../../kiosk-agent/src/devices/printer/escpos-preview';

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

  it('reads every command node-thermal-printer (EPSON) writes without losing its place', () => {
    const p = new ThermalPrinter({
      type: PrinterTypes.EPSON,
      interface: { execute: async () => undefined, isPrinterConnected: async () => true } as unknown as string,
    });
    p.alignCenter();
    p.setTextDoubleHeight();
    p.bold(true);
    p.underlineThick(true);
    p.invert(true);
    p.upsideDown(true);
    p.setTypeFontB();
    p.println('Big');
    p.setTextNormal();
    p.setTextSize(2, 3);
    p.setTextQuadArea();
    p.bold(false);
    p.underline(false);
    p.invert(false);
    p.upsideDown(false);
    p.setTypeFontA();
    p.alignLeft();
    p.setLineSpacing(40);
    p.resetLineSpacing();
    p.beep(2, 3);
    p.leftRight('L', 'R');
    p.printVerticalTab();
    p.code128('ABC-1');
    p.pdf417('PDF DATA');
    p.maxiCode('MAXI');
    p.printQR('QR1');
    p.println('end');
    p.partialCut();
    const job = decodeEscPos(new Uint8Array(p.getBuffer()));
    expect(job.ops.filter((o) => o.kind === 'unknown')).toEqual([]);
    expect(job.lines.filter(Boolean)).toEqual(['Big', `L${' '.repeat(46)}R`, 'end']);
    expect(job.ops.find((o) => o.kind === 'text')).toMatchObject({
      text: 'Big',
      style: { align: 'center', heightMultiplier: 2, bold: true, underline: true, invert: true, fontB: true },
    });
    const names = job.ops.flatMap((o) => (o.kind === 'command' ? [o.name] : []));
    expect(names).toEqual(expect.arrayContaining(['upside-down', 'line-spacing', 'default-line-spacing', 'beep', 'pdf417', 'maxicode']));
    expect(job.barcodes).toEqual(['ABC-1']);
    expect(job.qrCodes).toEqual(['QR1']);
    expect(job.ops).toContainEqual({ kind: 'cut', partial: true });
  });

  it('reads the drawer kick as a printer does (ESC p m t1 t2)', () => {
    // node-thermal-printer writes ESC p 0 ESC p 1: the printer takes ESC p as pulse times, leaving a stray 01.
    const job = decodeEscPos(bytes([0x1b, 0x70, 0x00, 0x1b, 0x70, 0x01], 'x', [0x0a]));
    expect(job.ops.slice(0, 2)).toEqual([{ kind: 'command', name: 'drawer-pulse' }, { kind: 'unknown', bytes: [0x01] }]);
    expect(job.lines).toEqual(['x']);
  });

  it('moves to the next 8-character tab stop on HT, ignores CR', () => {
    expect(decodeEscPos(bytes('ab\tc\r\n\tx\n')).lines).toEqual(['ab      c', '        x']);
  });

  it('prints the pending line on ESC d 0 and ESC J without adding empty lines', () => {
    expect(decodeEscPos(bytes('a', [0x1b, 0x64, 0], 'b', [0x1b, 0x4a, 30], [0x1b, 0x64, 0])).lines).toEqual(['a', 'b']);
  });

  it('takes code pages from the table given, over the defaults', () => {
    const job = decodeEscPos(bytes([0x1b, 0x74, 30, 0xe9, 0x0a, 0x1b, 0x74, 52, 0xe9, 0x0a]), { codePageTable: { 30: 'cp1252' } });
    expect(job.lines).toEqual(['é', 'é']);
    expect(job.codePages).toEqual([30, 52]);
  });

  it('recovers a UTF-8 QR payload and its cell size', () => {
    const data = Buffer.from('MHS=000.00.15.H29-250704-0012&tên=Đạt', 'utf8');
    const store = [0x1d, 0x28, 0x6b, (data.length + 3) & 0xff, (data.length + 3) >> 8, 0x31, 0x50, 0x30];
    const job = decodeEscPos(bytes([0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6], store, data, [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30]));
    expect(job.qrCodes).toEqual(['MHS=000.00.15.H29-250704-0012&tên=Đạt']);
    expect(job.ops).toContainEqual(expect.objectContaining({ kind: 'qr', cellSize: 6 }));
  });

  it('handles a very long text run', () => {
    expect(decodeEscPos(new Uint8Array(300_000).fill(0x41)).text).toHaveLength(300_000);
  });

  it('renders a preview PNG: paper width, raster dots bit for bit, survives an oversized QR', async () => {
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    const qrStore = (data: string) => [0x1d, 0x28, 0x6b, (data.length + 3) & 0xff, (data.length + 3) >> 8, 0x31, 0x50, 0x30, ...Buffer.from(data)];
    const qrPrint = [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30];
    // 16 × 2 dots at the left margin: row 0 = 1000 0000 0000 0001, row 1 = all white.
    const image = [0x1d, 0x76, 0x30, 0, 2, 0, 2, 0, 0x80, 0x01, 0x00, 0x00];
    const job = decodeEscPos(bytes(image, [0x1b, 0x61, 1], encodeCp1258('Hộ tịch'), [0x0a], qrStore('A012'), qrPrint, qrStore('x'.repeat(5000)), qrPrint, [0x1d, 0x56, 0]));
    const png = renderJobToPng(job, { widthDots: 384, background: '#ffffff' });
    expect([...png.subarray(1, 4)]).toEqual([...Buffer.from('PNG')]);
    const img = await loadImage(png);
    expect(img.width).toBe(384);
    const ctx = createCanvas(img.width, img.height).getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = (x: number, y: number) => ctx.getImageData(x, y, 1, 1).data[0]!;
    const x0 = 8; // left margin; the image is the first row, 8 dots down
    expect([px(x0, 8), px(x0 + 1, 8), px(x0 + 15, 8), px(x0, 9)]).toEqual([0x11, 0xff, 0x11, 0xff]);
  });
});
