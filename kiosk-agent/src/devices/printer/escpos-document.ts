/**
 * A print document → ESC/POS bytes (pure: same input, same bytes). node-thermal-printer encodes the layout commands
 * (alignment, sizes, QR, cut); text never goes through its character-set handling, which garbles Vietnamese. In
 * `cp1258` mode the bytes are our own CP1258 encoding after `ESC t n`; in `raster` mode every run of text elements is
 * drawn to one bitmap (`GS v 0`), which any ESC/POS printer prints.
 */
import { ThermalPrinter, PrinterTypes, BreakLine } from 'node-thermal-printer';
import { encodeCp1258 } from './cp1258';
import type { PrintDocument, PrintElement, TextElement } from './print-document';
import { renderRasterLines, type RasterLine } from './raster-text';
import { wrapText } from './wrap-text';

export interface TextLayoutOptions {
  text: 'cp1258' | 'raster';
  codePage: number;
  columns: number;
  widthDots: number;
}

/** The library only needs somewhere to keep its buffer; we take the bytes with getBuffer(). */
function newEncoder(): ThermalPrinter {
  const sink = { execute: async () => undefined, isPrinterConnected: async () => true };
  // node-thermal-printer accepts an object as `interface` at run time; its .d.ts says string. The one cast.
  return new ThermalPrinter({ type: PrinterTypes.EPSON, interface: sink as unknown as string, breakLine: BreakLine.WORD, width: 48 });
}

function addCp1258Text(p: ThermalPrinter, block: TextElement, columns: number): void {
  const magnification = Math.min(block.size, 8);
  p.setTextSize(magnification - 1, magnification - 1);
  p.bold(block.bold ?? false);
  p.invert(block.invert ?? false);
  for (const line of wrapText(block.text, Math.max(4, Math.floor(columns / magnification)))) {
    p.add(Buffer.from(encodeCp1258(line)));
    p.add(Buffer.from([0x0a]));
  }
  p.invert(false);
  p.bold(false);
  p.setTextNormal();
}

const RASTER_PX_PER_SIZE = 24; // font A is 12×24 dots: size 1 → 24 px tall text

function rasterLines(blocks: TextElement[]): RasterLine[] {
  return blocks.map((b) => ({
    text: b.text,
    sizePx: Math.round(RASTER_PX_PER_SIZE * (b.size === 6 ? 5 : b.size) * 0.9),
    bold: b.bold ?? false,
    align: b.align ?? 'center',
  }));
}

/** Rows of 16 bytes with their high nibble as a label ("C_ ") — raw bytes, in the printer's code page `n`. */
export function codePageChartRows(): Uint8Array[] {
  const rows: Uint8Array[] = [];
  for (let high = 0x2; high <= 0xf; high++) {
    const label = Buffer.from(`${high.toString(16).toUpperCase()}_ `, 'latin1');
    // 0x7F (DEL) is printed as a space; nothing below 0x20 is sent, so no byte of the chart is a command.
    const bytes = Array.from({ length: 16 }, (_, low) => (high << 4) | low).map((b) => (b === 0x7f ? 0x20 : b));
    const spaced = bytes.flatMap((b) => [b, 0x20]);
    rows.push(new Uint8Array([...label, ...spaced, 0x0a]));
  }
  return rows;
}

/** Consecutive text elements go together: in raster mode each run is one bitmap. */
function runs(elements: PrintElement[]): (PrintElement | TextElement[])[] {
  const out: (PrintElement | TextElement[])[] = [];
  for (const e of elements) {
    const last = out.at(-1);
    if (e.kind === 'text' && Array.isArray(last)) last.push(e);
    else out.push(e.kind === 'text' ? [e] : e);
  }
  return out;
}

export function encodeDocument(doc: PrintDocument, configured: TextLayoutOptions): Uint8Array {
  const options: TextLayoutOptions = doc.textMode === 'code-page' ? { ...configured, text: 'cp1258' } : configured;
  const p = newEncoder();
  // ESC @ (a known state), centred, and in cp1258 mode `ESC t n` for Windows-1258.
  p.add(Buffer.from([0x1b, 0x40]));
  p.alignCenter();
  if (options.text === 'cp1258') p.add(Buffer.from([0x1b, 0x74, options.codePage]));
  // Alignment commands only where it changes (a raster bitmap carries its own alignment).
  let align: 'left' | 'center' = 'center';
  const alignTo = (wanted: 'left' | 'center'): void => {
    if (wanted === align) return;
    if (wanted === 'left') p.alignLeft();
    else p.alignCenter();
    align = wanted;
  };
  for (const run of runs(doc.elements)) {
    if (Array.isArray(run)) {
      if (options.text === 'raster') {
        p.add(Buffer.from(renderRasterLines(rasterLines(run), { widthDots: options.widthDots })));
        continue;
      }
      for (const t of run) {
        alignTo(t.align ?? 'center');
        addCp1258Text(p, t, options.columns);
      }
      continue;
    }
    switch (run.kind) {
      case 'rule':
        alignTo('center');
        // As wide as the paper (the library's drawLine assumes 48 columns); raster slips get a blank line.
        p.add(Buffer.from(options.text === 'cp1258' ? `${'-'.repeat(options.columns)}\n` : '\n', 'latin1'));
        break;
      case 'feed':
        p.newLine();
        break;
      case 'qr':
        alignTo('center');
        p.printQR(run.data, { cellSize: 6, correction: 'M', model: 2 });
        break;
      case 'code-page-chart':
        alignTo('left');
        for (const row of codePageChartRows()) p.add(Buffer.from(row));
        break;
    }
  }
  alignTo('center');
  p.cut();
  return new Uint8Array(p.getBuffer());
}
