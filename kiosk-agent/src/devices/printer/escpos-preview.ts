/**
 * A picture of the printed slip (PNG), for the demo screen: decoded ESC/POS ops drawn on a 576-dot-wide strip
 * with the shipped font, QR codes redrawn from their data, raster images bit for bit, a dashed line at each cut.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { canvasModule } from './canvas-module';
import QRCode from 'qrcode';
import type { Align, DecodedEscPosJob, RasterImage, TextStyle } from './escpos-decoded';
import { ensureTicketFont } from './ticket-font';

const BASE_PX = 24; // font A: 12 × 24 dots
const MARGIN = 8;
const INK = '#111';
const INK_RGB = [0x11, 0x11, 0x11];

export interface PreviewOptions {
  /** Paper width in dots: 576 for 80 mm paper (default), 384 for 58 mm. */
  widthDots?: number;
  /** Paper colour (CSS). */
  background?: string;
}

type QrModules = ReturnType<typeof QRCode.create>['modules'];

/** The printer keeps the error correction level it was given; the kiosk always asks for M. */
function qrModules(data: string): QrModules | undefined {
  try {
    return QRCode.create(data || ' ', { errorCorrectionLevel: 'M' }).modules;
  } catch {
    return undefined; // more data than a QR code holds: a printer prints nothing either
  }
}

type Row =
  | { kind: 'text'; runs: { text: string; style: TextStyle }[]; align: Align }
  | { kind: 'image'; image: RasterImage }
  | { kind: 'qr'; modules: QrModules | undefined; cellSize: number; align: Align }
  | { kind: 'cut' };

function toRows(job: DecodedEscPosJob): Row[] {
  const rows: Row[] = [];
  let current: { text: string; style: TextStyle }[] = [];
  const flush = (): void => {
    rows.push({ kind: 'text', runs: current, align: current[0]?.style.align ?? 'left' });
    current = [];
  };
  for (const op of job.ops) {
    if (op.kind === 'text') current.push({ text: op.text, style: op.style });
    else if (op.kind === 'newline') flush();
    else if (op.kind === 'feed') {
      // As the decoder reads ESC d n: a pending line is the first of the n lines; n = 0 only prints it.
      const blank = op.lines === 0 ? (current.length ? 1 : 0) : op.lines;
      for (let k = 0; k < blank; k++) flush();
    } else if (op.kind === 'image') {
      if (current.length) flush();
      rows.push({ kind: 'image', image: op.image });
    } else if (op.kind === 'qr') {
      if (current.length) flush();
      rows.push({ kind: 'qr', modules: qrModules(op.data), cellSize: op.cellSize, align: op.align });
    } else if (op.kind === 'cut') {
      if (current.length) flush();
      rows.push({ kind: 'cut' });
    }
  }
  if (current.length) flush();
  return rows;
}

function rowHeight(row: Row): number {
  if (row.kind === 'text') return BASE_PX * Math.max(1, ...row.runs.map((r) => r.style.heightMultiplier)) + 6;
  if (row.kind === 'image') return row.image.heightDots;
  if (row.kind === 'qr') return (row.modules?.size ?? 0) * row.cellSize + 8;
  return 24;
}

function xFor(align: Align, w: number, paper: number): number {
  if (align === 'center') return (paper - w) / 2;
  if (align === 'right') return paper - MARGIN - w;
  return MARGIN;
}

export function renderJobToPng(job: DecodedEscPosJob, opts: PreviewOptions = {}): Buffer {
  const paperWidth = opts.widthDots ?? 576;
  const family = ensureTicketFont();
  const rows = toRows(job);
  const height = Math.max(40, rows.reduce((h, r) => h + rowHeight(r), 0) + 2 * MARGIN);
  const canvas = canvasModule().createCanvas(paperWidth, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = opts.background ?? '#fffef8';
  ctx.fillRect(0, 0, paperWidth, height);
  let y = MARGIN;
  for (const row of rows) {
    const h = rowHeight(row);
    if (row.kind === 'text') {
      // The printer's font A is narrower than DejaVu: shrink a row that would overflow the paper, as print would not.
      let scale = 1;
      const fontOf = (s: TextStyle): string => `${s.bold ? 'bold ' : ''}${Math.round(BASE_PX * 0.85 * s.heightMultiplier * scale)}px ${family}`;
      const measure = (): number[] =>
        row.runs.map((r) => {
          ctx.font = fontOf(r.style);
          return ctx.measureText(r.text).width;
        });
      let widths = measure();
      const total = widths.reduce((a, b) => a + b, 0);
      if (total > paperWidth - 2 * MARGIN) {
        scale = (paperWidth - 2 * MARGIN) / total;
        widths = measure();
      }
      let x = xFor(row.align, widths.reduce((a, b) => a + b, 0), paperWidth);
      row.runs.forEach((r, k) => {
        ctx.font = fontOf(r.style);
        if (r.style.invert) {
          ctx.fillStyle = INK;
          ctx.fillRect(x, y, widths[k]!, h - 2);
        }
        ctx.fillStyle = r.style.invert ? '#fff' : INK;
        ctx.fillText(r.text, x, y + h - 8);
        x += widths[k]!;
      });
    } else if (row.kind === 'image') {
      // An image wider than the paper starts at its left edge, as the printer would print it.
      drawRaster(ctx, row.image, Math.max(0, Math.round(xFor(row.image.align, row.image.widthDots, paperWidth))), y);
    } else if (row.kind === 'qr') {
      const { modules, cellSize } = row;
      const size = modules?.size ?? 0;
      const x0 = Math.round(xFor(row.align, size * cellSize, paperWidth));
      ctx.fillStyle = INK;
      for (let qy = 0; qy < size; qy++) {
        for (let qx = 0; qx < size; qx++) if (modules!.get(qy, qx)) ctx.fillRect(x0 + qx * cellSize, y + 4 + qy * cellSize, cellSize, cellSize);
      }
    } else {
      ctx.strokeStyle = '#888';
      ctx.setLineDash([8, 6]);
      ctx.beginPath();
      ctx.moveTo(0, y + 12);
      ctx.lineTo(paperWidth, y + 12);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    y += h;
  }
  return canvas.encodeSync('png');
}

/** Bit for bit: black dots are ink, white dots keep the paper colour underneath. */
function drawRaster(ctx: SKRSContext2D, image: RasterImage, x0: number, y0: number): void {
  if (image.widthDots === 0 || image.heightDots === 0) return;
  const rowBytes = image.widthDots / 8;
  const pixels = ctx.getImageData(x0, y0, image.widthDots, image.heightDots);
  for (let iy = 0; iy < image.heightDots; iy++) {
    for (let ix = 0; ix < image.widthDots; ix++) {
      if (!(image.bits[iy * rowBytes + (ix >> 3)]! & (0x80 >> (ix & 7)))) continue;
      const p = (iy * image.widthDots + ix) * 4;
      pixels.data.set(INK_RGB, p);
      pixels.data[p + 3] = 255;
    }
  }
  ctx.putImageData(pixels, x0, y0);
}
