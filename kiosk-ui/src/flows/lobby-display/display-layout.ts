/**
 * How the lobby display fills its screen (pure): a tile per counter of its zone, as large as fits, never smaller
 * than readable from the back of the hall; when the zone's tiles (or its services) do not fit at that size, as
 * many as fit make a page and the pages turn (display-paging.ts).
 *
 * Readable from 8 m. A 55" 16:9 screen is 68.5 cm tall (55" × 9 / √(16² + 9²) = 26.96"), so one of its 1080 lines
 * is 0.63 mm. Signage rules put the legible distance of a character at about 150–200 × its height (a 5 cm cap
 * height reads from about 8–10 m; ADA-style "1 inch per 10 feet" asks 6.6 cm for 8 m). We take 5 cm: 50 / 0.634 =
 * 79 → a digit at least 80 px tall on a 1080-line screen, i.e. 80/1080 = 7.4 % of the screen's short side on any
 * resolution (the same panel at 720 lines: 53 px). Digits of the bold sans faces the UI uses are 0.70–0.73 em tall
 * (Be Vietnam Pro, Noto Sans, Segoe UI, DejaVu Sans, Arial), so the number's font size is at least 80 / 0.70 =
 * 115 px at 1080 lines. The browser test measures the glyphs drawn.
 *
 * Sizes are in CSS pixels, computed from the viewport; the view sets them as CSS variables, so what is computed
 * here is what is drawn.
 */

export interface Viewport {
  width: number;
  height: number;
}

/** Digit height that reads from 8 m, per line of the screen's short side (80 px at 1080 lines). */
export const READABLE_DIGIT_FRACTION = 80 / 1080;
/** Digit height / font size of the faces in kiosk.css, the least of them (conservative). */
export const DIGIT_HEIGHT_EM = 0.7;
/** Advance of a bold capital or digit, the widest common face (DejaVu Sans Bold: digits 0.70, A 0.77). */
const CHAR_ADVANCE_EM = 0.7;
/** A tile in ems of its number: padding either side; the number's line, the counter's name and padding below. */
const TILE_PAD_X_EM = 0.18;
const NUMBER_LINE_EM = 0.92;
export const LABEL_EM = 0.4;
const LABEL_LINE = 1.2;
const TILE_PAD_Y_EM = 0.08;
/**
 * With `display.showOfficer`, a line under the counter's name for the officer's full name, smaller than it (a
 * citizen reads it on the way to the counter, not from the back of the hall), one line cut with "…".
 */
export const OFFICER_EM = 0.3;
/** Few counters: the numbers grow, but not past this many times the readable minimum. */
const MAX_NUMBER_FACTOR = 2.2;

/**
 * Frame sizes in hundredths of the short side. A service row is compact (its name on one line, cut with "…") or,
 * when every service of the zone fits on one page that way, roomy (its name on two lines).
 */
const U = { pad: 1.2, gap: 1, header: 8, footer: 4.5, panelMinWidth: 35, serviceRow: 7.5, roomyServiceRow: 10.5, serviceHeading: 5.5, panelMinRows: 3 };

export interface GridPlan {
  columns: number;
  rows: number;
  perPage: number;
  pages: number;
}

export interface DisplayLayout {
  orientation: 'landscape' | 'portrait';
  /** One hundredth of the short side: the unit of the frame's text. */
  unit: number;
  pad: number;
  gap: number;
  header: number;
  footer: number;
  /** The tiles' area and the waiting panel's, side by side (landscape) or one above the other (portrait). */
  tilesArea: Viewport;
  panelArea: Viewport;
  /** The smallest number font that reads from 8 m on this screen, and the one used (never less). */
  minNumberPx: number;
  numberPx: number;
  labelPx: number;
  /** The officer's line under the counter's name; 0 when names are not shown. */
  officerPx: number;
  tiles: GridPlan;
  services: GridPlan & { rowPx: number; headingPx: number; nameLines: 1 | 2 };
}

export interface LayoutInput {
  viewport: Viewport;
  counters: number;
  services: number;
  /** Characters of the longest ticket number expected: the longest prefix and three digits. */
  numberChars: number;
  /** Tiles carry a line for the officer's name (`display.showOfficer`). */
  officerLine?: boolean;
}

const tileWidthEm = (chars: number) => chars * CHAR_ADVANCE_EM + 2 * TILE_PAD_X_EM;
const tileHeightEm = (officerLine: boolean) => NUMBER_LINE_EM + LABEL_EM * LABEL_LINE + (officerLine ? OFFICER_EM * LABEL_LINE : 0) + 2 * TILE_PAD_Y_EM;

/** The least size of a tile whose number is `numberPx` tall and `numberChars` long. */
export function tileSize(numberPx: number, numberChars: number, officerLine = false): Viewport {
  return { width: numberPx * tileWidthEm(numberChars), height: numberPx * tileHeightEm(officerLine) };
}

/** The largest number font with which `count` tiles fit in `area` on one page, and the grid that gives it. */
function bestSinglePage(count: number, area: Viewport, gap: number, widthEm: number, heightEm: number): { font: number; columns: number; rows: number } {
  let best = { font: 0, columns: 1, rows: 1 };
  for (let columns = 1; columns <= count; columns += 1) {
    const rows = Math.ceil(count / columns);
    const font = Math.min((area.width - (columns - 1) * gap) / columns / widthEm, (area.height - (rows - 1) * gap) / rows / heightEm);
    if (font > best.font) best = { font, columns, rows };
  }
  return best;
}

/** Tiles in `area`: on one page if they fit at the readable size, otherwise pages of as many as fit at it. */
export function planTiles(count: number, area: Viewport, gap: number, numberChars: number, minNumberPx: number, officerLine = false): GridPlan & { numberPx: number } {
  const widthEm = tileWidthEm(numberChars);
  const heightEm = tileHeightEm(officerLine);
  const n = Math.max(1, count);
  const single = bestSinglePage(n, area, gap, widthEm, heightEm);
  if (single.font >= minNumberPx) {
    return { columns: single.columns, rows: single.rows, perPage: n, pages: 1, numberPx: Math.floor(Math.min(single.font, minNumberPx * MAX_NUMBER_FACTOR)) };
  }
  const columns = Math.max(1, Math.floor((area.width + gap) / (minNumberPx * widthEm + gap)));
  const rows = Math.max(1, Math.floor((area.height + gap) / (minNumberPx * heightEm + gap)));
  // As many pages as the grid needs, the tiles shared evenly between them (40 in pages of 16: 14, 14, 12).
  const pages = Math.ceil(n / (columns * rows));
  const perPage = Math.ceil(n / pages);
  // The cells of a full grid may have room to spare: the numbers take it (never below the minimum).
  const cellFont = Math.min((area.width - (columns - 1) * gap) / columns / widthEm, (area.height - (rows - 1) * gap) / rows / heightEm);
  return { columns, rows, perPage, pages, numberPx: Math.max(minNumberPx, Math.floor(cellFont)) };
}

/** The width (landscape) or height (portrait) the tiles' grid takes at its font. */
function tilesExtent(plan: GridPlan & { numberPx: number }, gap: number, numberChars: number, portrait: boolean, officerLine: boolean): number {
  return portrait
    ? plan.rows * plan.numberPx * tileHeightEm(officerLine) + (plan.rows - 1) * gap
    : plan.columns * plan.numberPx * tileWidthEm(numberChars) + (plan.columns - 1) * gap;
}

export function planLayout(input: LayoutInput): DisplayLayout {
  const { width, height } = input.viewport;
  const portrait = height > width;
  const unit = Math.min(width, height) / 100;
  const [pad, gap, header, footer] = [U.pad * unit, U.gap * unit, U.header * unit, U.footer * unit];
  const minNumberPx = Math.ceil((READABLE_DIGIT_FRACTION * Math.min(width, height)) / DIGIT_HEIGHT_EM);
  const body = { width: width - 2 * pad, height: height - 2 * pad - header - footer - 2 * gap };
  const rowPx = U.serviceRow * unit;
  const headingPx = U.serviceHeading * unit;
  const panelMin = portrait ? headingPx + U.panelMinRows * (rowPx + gap) : U.panelMinWidth * unit;
  const tilesRoom = portrait ? { width: body.width, height: body.height - gap - panelMin } : { width: body.width - gap - panelMin, height: body.height };
  const officerLine = input.officerLine === true;
  const plan = planTiles(input.counters, tilesRoom, gap, input.numberChars, minNumberPx, officerLine);
  // The waiting panel takes what the tiles leave.
  const tilesExtentPx = Math.min(portrait ? tilesRoom.height : tilesRoom.width, Math.ceil(tilesExtent(plan, gap, input.numberChars, portrait, officerLine)));
  const tilesArea = portrait ? { width: body.width, height: tilesExtentPx } : { width: tilesExtentPx, height: body.height };
  const panelArea = portrait ? { width: body.width, height: body.height - gap - tilesExtentPx } : { width: body.width - gap - tilesExtentPx, height: body.height };
  const serviceColumns = Math.max(1, Math.floor((panelArea.width + gap) / (U.panelMinWidth * unit + gap)));
  const rowsOf = (row: number) => Math.max(1, Math.floor((panelArea.height - headingPx + gap) / (row + gap)));
  const roomy = rowsOf(U.roomyServiceRow * unit) * serviceColumns >= input.services;
  const serviceRowPx = roomy ? U.roomyServiceRow * unit : rowPx;
  const serviceRows = rowsOf(serviceRowPx);
  const servicesPerPage = serviceColumns * serviceRows;
  return {
    orientation: portrait ? 'portrait' : 'landscape',
    unit,
    pad,
    gap,
    header,
    footer,
    tilesArea,
    panelArea,
    minNumberPx,
    numberPx: plan.numberPx,
    labelPx: Math.floor(plan.numberPx * LABEL_EM),
    officerPx: officerLine ? Math.floor(plan.numberPx * OFFICER_EM) : 0,
    tiles: { columns: plan.columns, rows: plan.rows, perPage: plan.perPage, pages: plan.pages },
    services: {
      columns: serviceColumns,
      rows: serviceRows,
      perPage: servicesPerPage,
      pages: Math.max(1, Math.ceil(input.services / servicesPerPage)),
      rowPx: serviceRowPx,
      headingPx,
      nameLines: roomy ? 2 : 1,
    },
  };
}
