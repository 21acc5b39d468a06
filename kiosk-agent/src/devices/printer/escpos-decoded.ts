/** What an ESC/POS job means once decoded: the shapes shared by the decoder, the simulator and the preview. */
export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  bold: boolean;
  underline: boolean;
  invert: boolean;
  fontB: boolean;
  widthMultiplier: number;
  heightMultiplier: number;
  align: Align;
}

export interface RasterImage {
  widthDots: number;
  heightDots: number;
  /** Row-major, 1 bit per dot, MSB first, 1 = black; `widthDots / 8` bytes per row. */
  bits: Uint8Array;
  align: Align;
}

export type DecodedOp =
  | { kind: 'text'; text: string; style: TextStyle }
  | { kind: 'newline' }
  | { kind: 'feed'; lines: number }
  | { kind: 'init' }
  | { kind: 'codepage'; page: number }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'qr'; data: string; align: Align; cellSize: number }
  | { kind: 'barcode'; data: string }
  | { kind: 'image'; image: RasterImage }
  | { kind: 'status-query'; n: number }
  | { kind: 'command'; name: string }
  | { kind: 'unknown'; bytes: number[] };

export interface DecodedEscPosJob {
  ops: DecodedOp[];
  /** Text as printed, one entry per printed line (NFC). */
  lines: string[];
  text: string;
  qrCodes: string[];
  barcodes: string[];
  images: RasterImage[];
  cuts: number;
  codePages: number[];
  statusQueries: number[];
}

export const DEFAULT_STYLE: TextStyle = {
  bold: false,
  underline: false,
  invert: false,
  fontB: false,
  widthMultiplier: 1,
  heightMultiplier: 1,
  align: 'left',
};
