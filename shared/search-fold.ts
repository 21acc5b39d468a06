/**
 * Text folded for search (pure, shared by the agent and its tests): lower case, no tone marks or hats, đ → d, anything
 * that is not a letter or a digit a space. A citizen types "dang ky khai sinh" on a plain a–z keyboard and finds
 * "Đăng ký khai sinh"; both stores keep the folded text in a column and compare with LIKE, no full-text engine.
 */

/** "Đăng ký  KHAI-SINH" → "dang ky khai sinh"; a dot between letters or digits stays (procedure codes: 1.000948.h38). */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, ' ')
    .replace(/\.(?![a-z0-9])|(?<![a-z0-9])\./g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/** The words of a query, folded; at most 8 (a sentence typed on the kiosk is not a search). */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(' ').filter((w) => w !== '').slice(0, 8);
}
