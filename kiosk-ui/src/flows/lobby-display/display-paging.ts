/**
 * Pages of the lobby display (pure): when a zone's tiles or services do not fit at the readable size
 * (display-layout.ts), they are shown a page at a time and the pages turn every PAGE_TURN_MS; a new call turns the
 * tiles to its counter's page at once. The machine keeps the page numbers and the timer; this says what they mean.
 */

/** How long a page stays before the next: time to find one's number on a page of 16 and read it. */
export const PAGE_TURN_MS = 8_000;

export function pageCount(items: number, perPage: number): number {
  return perPage <= 0 ? 1 : Math.max(1, Math.ceil(items / perPage));
}

/** The page to show when the layout has changed since `page` was chosen (fewer pages on a larger screen). */
export function shownPage(page: number, pages: number): number {
  return pages <= 1 || page < 0 ? 0 : page % pages;
}

/** The page after `page`, back to the first after the last. */
export function nextPage(page: number, pages: number): number {
  return pages <= 1 ? 0 : (shownPage(page, pages) + 1) % pages;
}

/** The page that holds item `index` (0 when it is not there). */
export function pageOfItem(index: number, perPage: number): number {
  return index < 0 || perPage <= 0 ? 0 : Math.floor(index / perPage);
}

/** The items of one page. */
export function pageSlice<T>(items: readonly T[], page: number, perPage: number): T[] {
  const start = shownPage(page, pageCount(items.length, perPage)) * perPage;
  return items.slice(start, start + perPage);
}

/** "1/3" as the page indicator shows it; nothing when everything fits. */
export function pageLabel(page: number, pages: number): string | null {
  return pages <= 1 ? null : `${shownPage(page, pages) + 1}/${pages}`;
}
