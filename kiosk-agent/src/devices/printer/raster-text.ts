/**
 * Raster text for printers without a Vietnamese code page: lines are drawn with the shipped font and sent as one
 * ESC/POS `GS v 0` bit image. Any ESC/POS printer prints it, and tone marks come out exactly as drawn.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { canvasModule } from './canvas-module';
import { ensureTicketFont } from './ticket-font';

export interface RasterLine {
  text: string;
  sizePx: number;
  bold?: boolean;
  /** Default 'left', as on the printer after ESC @. */
  align?: 'left' | 'center' | 'right';
}

// A line box is at least 1 em above the baseline and 0.25 em below it, more where the glyphs reach further: capitals
// with stacked marks (Ỗ, Ấ) rise about 1.07 em in DejaVu Sans and would lose their tone mark at a fixed 1 em.
const ASCENT_EM = 1.0;
const DESCENT_EM = 0.25;
// Anti-aliased edges darker than this become black dots; thermal heads print no greys.
const BLACK_THRESHOLD = 110;

function font(line: RasterLine, family: string): string {
  return `${line.bold ? 'bold ' : ''}${line.sizePx}px ${family}`;
}

/** A word wider than the paper (a URL, a long code) is cut between letters rather than clipped at the edge. */
function splitWord(ctx: SKRSContext2D, word: string, width: number): string[] {
  if (ctx.measureText(word).width <= width) return [word];
  const pieces: string[] = [];
  let current = '';
  for (const letter of word) {
    if (current && ctx.measureText(current + letter).width > width) {
      pieces.push(current);
      current = '';
    }
    current += letter;
  }
  return [...pieces, current];
}

function wrapToWidth(ctx: SKRSContext2D, text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.normalize('NFC').split('\n')) {
    let current = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean).flatMap((w) => splitWord(ctx, w, width))) {
      const candidate = current ? `${current} ${word}` : word;
      if (ctx.measureText(candidate).width <= width || !current) current = candidate;
      else {
        out.push(current);
        current = word;
      }
    }
    out.push(current);
  }
  return out;
}

/**
 * Printers act on `DLE EOT n` (10 04 01..04) wherever it appears, even inside image data, and would answer it and
 * drop those bytes from the picture. Where the bitmap happens to contain that sequence, one extra black dot
 * (04 → 0C) makes it harmless; a single dot is invisible on a ticket.
 */
export function breakRealtimeSequences(data: Uint8Array, from: number): void {
  for (let i = from; i + 2 < data.length; i++) {
    if (data[i] === 0x10 && data[i + 1] === 0x04 && data[i + 2]! >= 1 && data[i + 2]! <= 4) data[i + 1] = 0x0c;
  }
}

export function renderRasterLines(lines: readonly RasterLine[], opts: { widthDots: number }): Uint8Array {
  const family = ensureTicketFont();
  // Whole bytes per row, never wider than the paper (a printer drops or wraps dots past its width).
  const width = Math.max(8, Math.floor(opts.widthDots / 8) * 8);
  const measure = canvasModule().createCanvas(width, 10).getContext('2d');
  const laidOut = lines.flatMap((line) => {
    measure.font = font(line, family);
    return wrapToWidth(measure, line.text, width).map((text) => {
      const m = measure.measureText(text);
      const ascent = Math.ceil(Math.max(line.sizePx * ASCENT_EM, m.actualBoundingBoxAscent));
      const descent = Math.ceil(Math.max(line.sizePx * DESCENT_EM, m.actualBoundingBoxDescent));
      return { ...line, text, width: m.width, ascent, descent };
    });
  });
  const height = Math.max(1, laidOut.reduce((h, l) => h + l.ascent + l.descent, 0));
  const canvas = canvasModule().createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'alphabetic';
  let y = 0;
  for (const line of laidOut) {
    ctx.font = font(line, family);
    const x = line.align === 'right' ? width - line.width : line.align === 'center' ? (width - line.width) / 2 : 0;
    ctx.fillText(line.text, Math.max(0, x), y + line.ascent);
    y += line.ascent + line.descent;
  }
  return toGsV0(ctx.getImageData(0, 0, width, height).data, width, height);
}

/** RGBA pixels → `GS v 0 0 xL xH yL yH` + packed rows (1 = black). */
export function toGsV0(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Uint8Array {
  const rowBytes = width / 8;
  const out = new Uint8Array(8 + rowBytes * height);
  out.set([0x1d, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, height & 0xff, height >> 8]);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const luminance = 0.2126 * rgba[p]! + 0.7152 * rgba[p + 1]! + 0.0722 * rgba[p + 2]!;
      if (rgba[p + 3]! > 127 && luminance < BLACK_THRESHOLD) out[8 + y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  breakRealtimeSequences(out, 8);
  return out;
}
