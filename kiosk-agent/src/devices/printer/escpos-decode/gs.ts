/** GS commands (character size, invert, cut, QR and other 2D symbols, barcodes, raster images); see escpos-decoder.ts. */
import type { DecoderState } from './decoder-state';

export const GS = 0x1d;
const GS_FIXED: Record<number, [string, number]> = {
  0x48: ['hri-position', 1], 0x4c: ['left-margin', 2], 0x50: ['motion-units', 2], 0x57: ['print-area-width', 2],
  0x61: ['auto-status-back', 1], 0x62: ['smoothing', 1], 0x66: ['hri-font', 1], 0x68: ['barcode-height', 1],
  0x72: ['transmit-status', 1], 0x77: ['barcode-width', 1], 0x49: ['transmit-printer-id', 1], 0x3a: ['macro', 0],
  0x7c: ['print-density', 1],
};
// GS ( k cn: the 2D symbols other than QR, named so a job listing says what was sent.
const SYMBOLS: Record<number, string> = { 0x30: 'pdf417', 0x32: 'maxicode', 0x33: 'gs1-databar', 0x34: 'composite', 0x35: 'aztec', 0x36: 'datamatrix' };
const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** QR payloads are bytes; the kiosk writes UTF-8 (ASCII in practice), anything else is shown byte for byte. */
function decodePayload(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/** GS ( X pL pH …: QR codes and other functions with a length prefix. */
function decodeLengthPrefixed(s: DecoderState, at: number): number {
  const arg = (k: number): number => s.arg(at, k);
  if (!s.need(at, 5)) return 0;
  const len = arg(1) + arg(2) * 256;
  if (!s.need(at, 5 + len)) return 0;
  if (arg(0) === 0x6b && len >= 3 && arg(3) === 0x31) {
    const fn = arg(4);
    if (fn === 0x50) s.qrStored = decodePayload(s.b.subarray(at + 8, at + 5 + len));
    else if (fn === 0x43) s.qrCell = arg(5);
    else if (fn === 0x51) {
      s.endPendingLine();
      s.job.qrCodes.push(s.qrStored);
      s.op({ kind: 'qr', data: s.qrStored, align: s.style.align, cellSize: s.qrCell });
    }
  } else {
    const symbol = arg(0) === 0x6b && len >= 1 ? SYMBOLS[arg(3)] : undefined;
    s.command(symbol ?? `gs-paren-${String.fromCharCode(arg(0))}`);
  }
  return 5 + len;
}

/** GS k m …: a 1D barcode, NUL-ended (m ≤ 6) or with a length byte. */
function decodeBarcode(s: DecoderState, at: number): number {
  if (!s.need(at, 3)) return 0;
  const m = s.arg(at, 0);
  let start = at + 3;
  let end: number;
  if (m <= 6) {
    end = start;
    while (end < s.b.length && s.b[end] !== 0) end++;
    if (end >= s.b.length) return 0;
  } else {
    if (!s.need(at, 4)) return 0;
    start = at + 4;
    end = start + s.arg(at, 1);
    if (end > s.b.length) return 0;
  }
  let data = latin1.decode(s.b.subarray(start, end));
  // CODE128 data starts with its code-set selector ({A, {B, {C), which is not part of the printed value.
  if (m === 73) data = data.replace(/^\{[ABC]/, '');
  s.job.barcodes.push(data);
  s.op({ kind: 'barcode', data });
  return end - at + (m <= 6 ? 1 : 0);
}

/** GS v 0 m xL xH yL yH d1…dk: a raster bit image. */
function decodeRaster(s: DecoderState, cmd: number, at: number): number {
  const arg = (k: number): number => s.arg(at, k);
  if (!s.need(at, 8)) return 0;
  if (arg(0) !== 0x30) {
    s.op({ kind: 'unknown', bytes: [GS, cmd] });
    return 2;
  }
  const widthBytes = arg(2) + arg(3) * 256;
  const height = arg(4) + arg(5) * 256;
  const len = 8 + widthBytes * height;
  if (!s.need(at, len)) return 0;
  s.endPendingLine();
  const image = { widthDots: widthBytes * 8, heightDots: height, bits: s.b.slice(at + 8, at + len), align: s.style.align };
  s.job.images.push(image);
  s.op({ kind: 'image', image });
  return len;
}

/** Returns the bytes the command takes, or 0 when it is cut off by the end of the job. */
export function decodeGs(s: DecoderState, cmd: number, at: number): number {
  switch (cmd) {
    case 0x21:
      if (!s.need(at, 3)) return 0;
      s.style = { ...s.style, widthMultiplier: ((s.arg(at, 0) >> 4) & 7) + 1, heightMultiplier: (s.arg(at, 0) & 7) + 1 };
      s.command('character-size');
      return 3;
    case 0x42:
      if (!s.need(at, 3)) return 0;
      s.style = { ...s.style, invert: (s.arg(at, 0) & 1) !== 0 };
      s.command('invert');
      return 3;
    case 0x56: {
      if (!s.need(at, 3)) return 0;
      const m = s.arg(at, 0);
      const len = m >= 65 ? 4 : 3;
      if (!s.need(at, len)) return 0;
      s.endPendingLine();
      s.job.cuts += 1;
      s.op({ kind: 'cut', partial: m === 1 || m === 49 || m === 66 || m === 98 });
      return len;
    }
    case 0x28:
      return decodeLengthPrefixed(s, at);
    case 0x6b:
      return decodeBarcode(s, at);
    case 0x76:
      return decodeRaster(s, cmd, at);
  }
  return s.fixedOrUnknown(GS_FIXED, GS, cmd, at);
}
