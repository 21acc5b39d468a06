/**
 * Text blocks → ESC/POS, shared by every slip the kiosk prints (queue ticket, handover receipt, test prints).
 * node-thermal-printer encodes layout commands (alignment, sizes, QR, cut); text never goes through its character-set
 * handling, which garbles Vietnamese (DESIGN.md §6). In `cp1258` mode the bytes are our own CP1258 encoding after
 * `ESC t n`; in `raster` mode every run of blocks is drawn to a bitmap (`GS v 0`), which any ESC/POS printer prints.
 */
import { ThermalPrinter, PrinterTypes, BreakLine } from 'node-thermal-printer';
import { encodeCp1258 } from './cp1258';
import { renderRasterLines, type RasterLine } from './raster-text';
import { wrapText } from './wrap-text';

export interface TextLayoutOptions {
  text: 'cp1258' | 'raster';
  codePage: number;
  columns: number;
  widthDots: number;
}

/** One block of a slip; `size` is the ESC/POS magnification (1 = normal, 2 = double, …). */
export interface Block {
  text: string;
  size: 1 | 2 | 3 | 4 | 6;
  bold?: boolean;
  invert?: boolean;
  /** Raster mode only: left-aligned (labels and values); centred otherwise. */
  align?: 'left' | 'center';
}

/** Dates and times on slips, as Vietnamese readers write them: 04/07/2025 09:15. */
export function formatSlipTime(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(epochMs));
}

/** The library only needs somewhere to keep its buffer; we take the bytes with getBuffer(). */
export function newEncoder(): ThermalPrinter {
  const sink = { execute: async () => undefined, isPrinterConnected: async () => true };
  // node-thermal-printer accepts an object as `interface` at run time; its .d.ts says string. The one cast.
  return new ThermalPrinter({ type: PrinterTypes.EPSON, interface: sink as unknown as string, breakLine: BreakLine.WORD, width: 48 });
}

/** ESC @ (a known state), centred, and in cp1258 mode `ESC t n` for Windows-1258. */
export function startJob(p: ThermalPrinter, options: TextLayoutOptions): void {
  p.add(Buffer.from([0x1b, 0x40]));
  p.alignCenter();
  if (options.text === 'cp1258') p.add(Buffer.from([0x1b, 0x74, options.codePage]));
}

function addCp1258Block(p: ThermalPrinter, block: Block, columns: number): void {
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

function rasterLines(blocks: Block[]): RasterLine[] {
  return blocks.map((b) => ({
    text: b.text,
    sizePx: Math.round(RASTER_PX_PER_SIZE * (b.size === 6 ? 5 : b.size) * 0.9),
    bold: b.bold ?? false,
    align: b.align ?? 'center',
  }));
}

/** Appends blocks in the configured text mode. */
export function addBlocks(p: ThermalPrinter, blocks: Block[], options: TextLayoutOptions): void {
  if (blocks.length === 0) return;
  if (options.text === 'cp1258') for (const b of blocks) addCp1258Block(p, b, options.columns);
  else p.add(Buffer.from(renderRasterLines(rasterLines(blocks), { widthDots: options.widthDots })));
}
