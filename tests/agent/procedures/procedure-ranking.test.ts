import { describe, expect, it } from 'vitest';
import { matchTier, rankProcedures, searchTextOf } from '../../../kiosk-agent/src/procedures/procedure-ranking';
import { foldForSearch, searchWords } from '../../../shared/search-fold';

const item = (name: string) => ({ name, nameFolded: foldForSearch(name) });

describe('ranking search results', () => {
  it('a name starting with the query first, then names with every word, then the words elsewhere; by name within each', () => {
    const items = [
      item('Cấp bản sao trích lục hộ tịch'), // "khai sinh" only in its papers
      item('Đăng ký lại khai sinh'), // every word in the name
      item('Đăng ký khai sinh kết hợp đăng ký thường trú'), // starts with it
      item('Đăng ký khai sinh'), // starts with it
      item('Bản sao giấy khai sinh'), // some words in the name, "dang ky" only in its papers
    ];
    expect(rankProcedures(items, searchWords('dang ky khai sinh')).map((i) => i.name)).toEqual([
      'Đăng ký khai sinh',
      'Đăng ký khai sinh kết hợp đăng ký thường trú',
      'Đăng ký lại khai sinh',
      'Bản sao giấy khai sinh',
      'Cấp bản sao trích lục hộ tịch',
    ]);
  });

  it('sorts names in Vietnamese order (Đ after D, not after Z)', () => {
    const ranked = rankProcedures([item('Xác nhận'), item('Đăng ký'), item('Dừng'), item('Cấp')], []);
    expect(ranked.map((i) => i.name)).toEqual(['Cấp', 'Dừng', 'Đăng ký', 'Xác nhận']);
  });

  it('tiers', () => {
    expect(matchTier('chung thuc ban sao', ['chung', 'thuc'])).toBe(0);
    expect(matchTier('chung thuc ban sao', ['ban', 'chung'])).toBe(1);
    expect(matchTier('chung thuc ban sao', ['chu', 'ky'])).toBe(2);
  });

  it('the search text holds code, name, field, agency and papers, folded', () => {
    const text = searchTextOf({ code: '1.000948.H38', name: 'Đăng ký khai sinh', field: 'Hộ tịch', agency: 'UBND cấp xã', documents: ['Giấy chứng sinh'] });
    expect(text).toBe('1.000948.h38 dang ky khai sinh ho tich ubnd cap xa giay chung sinh');
  });
});
