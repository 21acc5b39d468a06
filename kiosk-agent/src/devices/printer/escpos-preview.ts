/**
 * A picture of the printed slip (PNG), for the demo screen: decoded ESC/POS ops drawn on a 576-dot-wide strip
 * with the shipped font, QR codes redrawn from their data, raster images bit for bit, a dashed line at each cut.
 */
import { createCanvas } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { Align, DecodedEscPosJob, RasterImage, TextStyle } from './escpos-decoded';
import { ensureTicketFont } from './ticket-font';

const WIDTH = 576;
const BASE_PX = 24; // font A: 12 × 24 dots
const MARGIN = 8;

type Row =
  | { kind: 'text'; runs: { text: string; style: TextStyle }[]; align: Align }
  | { kind: 'image'; image: RasterImage }
  | { kind: 'qr'; data: string; cellSize: number; align: Align }
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
    else if (op.kind === 'feed') for (let k = 0; k < Math.max(1, op.lines); k++) flush();
    else if (op.kind === 'image') {
      if (current.length) flush();
      rows.push({ kind: 'image', image: op.image });
    } else if (op.kind === 'qr') {
      if (current.length) flush();
      rows.push({ kind: 'qr', data: op.data, cellSize: op.cellSize, align: op.align });
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
  if (row.kind === 'qr') return QRCode.create(row.data || ' ', { errorCorrectionLevel: 'M' }).modules.size * row.cellSize + 8;
  return 24;
}

function xFor(align: Align, w: number): number {
  if (align === 'center') return (WIDTH - w) / 2;
  if (align === 'right') return WIDTH - MARGIN - w;
  return MARGIN;
}

export function renderJobToPng(job: DecodedEscPosJob): Buffer {
  const family = ensureTicketFont();
  const rows = toRows(job);
  const height = Math.max(40, rows.reduce((h, r) => h + rowHeight(r), 0) + 2 * MARGIN);
  const canvas = createCanvas(WIDTH, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fffef8';
  ctx.fillRect(0, 0, WIDTH, height);
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
      if (total > WIDTH - 2 * MARGIN) {
        scale = (WIDTH - 2 * MARGIN) / total;
        widths = measure();
      }
      let x = xFor(row.align, widths.reduce((a, b) => a + b, 0));
      row.runs.forEach((r, k) => {
        ctx.font = fontOf(r.style);
        if (r.style.invert) {
          ctx.fillStyle = '#111';
          ctx.fillRect(x, y, widths[k]!, h - 2);
        }
        ctx.fillStyle = r.style.invert ? '#fff' : '#111';
        ctx.fillText(r.text, x, y + h - 8);
        x += widths[k]!;
      });
    } else if (row.kind === 'image') {
      const { image } = row;
      const rowBytes = image.widthDots / 8;
      const x0 = Math.round(xFor(image.align, image.widthDots));
      ctx.fillStyle = '#111';
      for (let iy = 0; iy < image.heightDots; iy++) {
        for (let ix = 0; ix < image.widthDots; ix++) {
          if (image.bits[iy * rowBytes + (ix >> 3)]! & (0x80 >> (ix & 7))) ctx.fillRect(x0 + ix, y + iy, 1, 1);
        }
      }
    } else if (row.kind === 'qr') {
      const qr = QRCode.create(row.data || ' ', { errorCorrectionLevel: 'M' });
      const size = qr.modules.size;
      const x0 = Math.round(xFor(row.align, size * row.cellSize));
      ctx.fillStyle = '#111';
      for (let qy = 0; qy < size; qy++) {
        for (let qx = 0; qx < size; qx++) if (qr.modules.get(qy, qx)) ctx.fillRect(x0 + qx * row.cellSize, y + 4 + qy * row.cellSize, row.cellSize, row.cellSize);
      }
    } else {
      ctx.strokeStyle = '#888';
      ctx.setLineDash([8, 6]);
      ctx.beginPath();
      ctx.moveTo(0, y + 12);
      ctx.lineTo(WIDTH, y + 12);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    y += h;
  }
  return canvas.encodeSync('png');
}
