/**
 * What a slip is, as the printer interface takes it: a list of elements, device-independent. The domain (slips/)
 * says what a slip shows and in which order; the driver (escpos-document.ts) decides the bytes — the text mode
 * (CP1258 or raster), the wrap width, the commands. Every document ends with a cut.
 */

/** One block of text; `size` is the magnification (1 = normal, 2 = double, …); centred unless `align: 'left'`. */
export interface TextElement {
  kind: 'text';
  text: string;
  size: 1 | 2 | 3 | 4 | 6;
  bold?: boolean;
  invert?: boolean;
  align?: 'left' | 'center';
}

export type PrintElement =
  | TextElement
  /** A line across the paper between sections. */
  | { kind: 'rule' }
  /** An empty line. */
  | { kind: 'feed' }
  /** A QR code; ASCII payloads only (some printers count characters, not bytes). */
  | { kind: 'qr'; data: string }
  /** The technician's chart of the printer's own code page: bytes 0x20–0xFF with their hex labels. */
  | { kind: 'code-page-chart' };

export interface PrintDocument {
  elements: PrintElement[];
  /**
   * `configured` (default): text in the site's text mode. `code-page`: text in the printer's own code page,
   * whatever the mode — for the code-page chart, which is about that code page.
   */
  textMode?: 'configured' | 'code-page';
}
