/**
 * The queue ticket as ESC/POS bytes (pure: same input, same bytes). node-thermal-printer is used as the encoder
 * for layout commands (alignment, sizes, QR, cut); text never goes through its character-set handling, which
 * garbles Vietnamese (DESIGN.md §6). In `cp1258` mode we select the code page with `ESC t` and hand the library
 * bytes we encoded ourselves; in `raster` mode every text block is drawn to a bitmap (`GS v 0`), which any
 * ESC/POS printer prints.
 */
import { ThermalPrinter, PrinterTypes, BreakLine } from 'node-thermal-printer';
import type { PriorityCategory } from '../../../../shared/api-schemas';
import { TICKET_TEXT } from '../../i18n/ticket-text';
import { encodeCp1258 } from './cp1258';
import { renderRasterLines, type RasterLine } from './raster-text';
import { wrapText } from './wrap-text';

export interface TicketPrintData {
  centerName: string;
  serviceName: string;
  number: string;
  priority: PriorityCategory | null;
  issuedAtMs: number;
  timeZone: string;
  ahead: number;
  estimatedWaitMinutes: number;
  trackUrl: string;
}

export interface TicketLayoutOptions {
  text: 'cp1258' | 'raster';
  codePage: number;
  columns: number;
  widthDots: number;
}

/** One block of the ticket; `size` is the ESC/POS magnification (1 = normal, 2 = double, …). */
interface Block {
  text: string;
  size: 1 | 2 | 3 | 4 | 6;
  bold?: boolean;
  invert?: boolean;
}

export function formatIssuedAt(epochMs: number, timeZone: string): string {
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

export function ticketBlocks(t: TicketPrintData): { header: Block[]; number: Block; footer: Block[]; afterQr: Block[] } {
  const header: Block[] = [
    { text: t.centerName.toUpperCase(), size: 1, bold: true },
    { text: t.serviceName, size: 2, bold: true },
    { text: TICKET_TEXT.heading, size: 1 },
  ];
  const footer: Block[] = [];
  if (t.priority) footer.push({ text: `${TICKET_TEXT.priorityMark} – ${TICKET_TEXT.priority[t.priority]}`, size: 1, bold: true, invert: true });
  footer.push(
    { text: TICKET_TEXT.ahead(t.ahead), size: 1, bold: true },
    { text: TICKET_TEXT.wait(t.estimatedWaitMinutes), size: 1 },
    { text: TICKET_TEXT.issuedAt(formatIssuedAt(t.issuedAtMs, t.timeZone)), size: 1 },
  );
  return { header, number: { text: t.number, size: 6, bold: true }, footer, afterQr: [{ text: TICKET_TEXT.track, size: 1 }, { text: TICKET_TEXT.keep, size: 1 }] };
}

/** The library only needs somewhere to keep its buffer; we take the bytes with getBuffer(). */
function newEncoder(): ThermalPrinter {
  const sink = { execute: async () => undefined, isPrinterConnected: async () => true };
  // node-thermal-printer accepts an object as `interface` at run time; its .d.ts says string. The one cast.
  return new ThermalPrinter({ type: PrinterTypes.EPSON, interface: sink as unknown as string, breakLine: BreakLine.WORD, width: 48 });
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
  return blocks.map((b) => ({ text: b.text, sizePx: Math.round(RASTER_PX_PER_SIZE * (b.size === 6 ? 5 : b.size) * 0.9), bold: b.bold ?? false, align: 'center' }));
}

export function buildTicketJob(t: TicketPrintData, options: TicketLayoutOptions): Uint8Array {
  const p = newEncoder();
  const { header, number, footer, afterQr } = ticketBlocks(t);
  p.add(Buffer.from([0x1b, 0x40])); // ESC @: start from a known state
  p.alignCenter();
  if (options.text === 'cp1258') {
    p.add(Buffer.from([0x1b, 0x74, options.codePage])); // ESC t n: Windows-1258
    for (const b of header) addCp1258Block(p, b, options.columns);
    addCp1258Block(p, number, options.columns);
    for (const b of footer) addCp1258Block(p, b, options.columns);
  } else {
    p.add(Buffer.from(renderRasterLines(rasterLines([...header, number, ...footer]), { widthDots: options.widthDots })));
  }
  p.newLine();
  p.printQR(t.trackUrl, { cellSize: 6, correction: 'M', model: 2 });
  p.newLine();
  if (options.text === 'cp1258') {
    for (const b of afterQr) addCp1258Block(p, b, options.columns);
  } else {
    p.add(Buffer.from(renderRasterLines(rasterLines(afterQr), { widthDots: options.widthDots })));
  }
  p.cut();
  return new Uint8Array(p.getBuffer());
}
