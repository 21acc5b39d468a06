import { describe, expect, it } from 'vitest';
import { procedureCodeIn, parseSlipCode } from '../../shared/dossier-code';
import { foldForSearch, searchWords } from '../../shared/search-fold';

describe('folding text for search', () => {
  it('drops tone marks and hats, lower-cases, folds đ/Đ to d', () => {
    expect(foldForSearch('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldForSearch('CHỨNG THỰC chữ ký')).toBe('chung thuc chu ky');
    expect(foldForSearch('Đất đai – Ưu tiên, Ơn, Ô, Ê, Â, Ă')).toBe('dat dai uu tien on o e a a');
  });

  it('reads decomposed (NFD) input the same as composed', () => {
    expect(foldForSearch('Hộ tịch'.normalize('NFD'))).toBe(foldForSearch('Hộ tịch'.normalize('NFC')));
    expect(foldForSearch('Hộ tịch')).toBe('ho tich');
  });

  it('turns punctuation and runs of spaces into one space, keeping dots inside codes', () => {
    expect(foldForSearch('  Phí,  lệ phí; (theo mẫu)  ')).toBe('phi le phi theo mau');
    expect(foldForSearch('Mã 1.000948.H38.')).toBe('ma 1.000948.h38');
    expect(foldForSearch('100% _x_')).toBe('100 x');
  });

  it('splits a query into at most 8 folded words', () => {
    expect(searchWords('  Đăng   KÝ ')).toEqual(['dang', 'ky']);
    expect(searchWords('')).toEqual([]);
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('procedure codes in scans', () => {
  it('finds a bare code or one inside the public page URL, upper-cased', () => {
    expect(procedureCodeIn(' 1.000948.h38 ')).toBe('1.000948.H38');
    expect(procedureCodeIn('2.001218.000.00.00.H38')).toBe('2.001218.000.00.00.H38');
    expect(procedureCodeIn('https://dichvucong.example.gov.vn/cong-khai?ma=1.001193.H38')).toBe('1.001193.H38');
    expect(procedureCodeIn('https://x.example/thu-tuc/2.000815.000.00.00.H38/chi-tiet')).toBe('2.000815.000.00.00.H38');
  });

  it('is not fooled by dossier codes, other URLs or text', () => {
    expect(procedureCodeIn('000.00.15.H29-250704-0012')).toBeUndefined();
    expect(procedureCodeIn('https://x.example/?MHS=000.00.15.H29-250704-0012')).toBeUndefined();
    expect(procedureCodeIn('dang ky 1.000948.H38')).toBeUndefined();
    expect(procedureCodeIn('https://x.example/11.000948.H38')).toBeUndefined();
  });

  it('a URL holding a procedure code but no dossier code is a procedure code to the slip parser', () => {
    expect(parseSlipCode('https://x.example/cong-khai?ma=1.000948.H38')).toEqual({ ok: false, reason: 'procedure-code' });
    expect(parseSlipCode('https://x.example/?MHS=000.00.15.H29-250704-0013&tthc=1.000948.H38')).toMatchObject({ ok: true });
  });
});
