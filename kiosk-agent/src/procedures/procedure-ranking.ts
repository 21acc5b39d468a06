/**
 * The order of search results (pure): a name that starts with what was typed first, then names that hold every
 * word, then the procedures that hold the words elsewhere (field, agency, papers, code); by name within each. The
 * store only filters (every word somewhere, with LIKE on the folded column); ranking here is the same for both.
 */
import { foldForSearch } from '../../../shared/search-fold';
import { compareVietnamese } from './vietnamese-order';

export interface Rankable {
  name: string;
  nameFolded: string;
}

/** 0: the name starts with the query; 1: every word in the name; 2: the words elsewhere. */
export function matchTier(nameFolded: string, words: readonly string[]): 0 | 1 | 2 {
  const phrase = words.join(' ');
  if (phrase !== '' && nameFolded.startsWith(phrase)) return 0;
  return words.every((w) => nameFolded.includes(w)) ? 1 : 2;
}

export function rankProcedures<T extends Rankable>(items: readonly T[], words: readonly string[]): T[] {
  return items
    .map((item) => ({ item, tier: matchTier(item.nameFolded, words) }))
    .sort((a, b) => a.tier - b.tier || compareVietnamese(a.item.name, b.item.name))
    .map((x) => x.item);
}

/** The folded text a procedure is found by: its code, name, field, agency and papers. */
export function searchTextOf(p: { code: string; name: string; field: string; agency: string; documents: readonly string[] }): string {
  return foldForSearch([p.code, p.name, p.field, p.agency, ...p.documents].join(' | '));
}
