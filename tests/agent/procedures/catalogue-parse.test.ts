import { describe, expect, it } from 'vitest';
import { parseCatalogueCsv, parseCatalogueFile, parseCatalogueItems } from '../../../kiosk-agent/src/procedures/catalogue-parse';

const HEADER = 'Mã thủ tục;Tên thủ tục;Lĩnh vực;Cơ quan thực hiện;Thời hạn giải quyết;Phí, lệ phí;Thành phần hồ sơ;Địa chỉ trang';

describe('the province’s CSV catalogue', () => {
  it('reads both code shapes, a BOM, quoted fields holding ; and line breaks, papers split by |', () => {
    const csv = [
      `\uFEFF${HEADER}`,
      '1.000948.H38;Đăng ký khai sinh;Hộ tịch;UBND cấp xã;"Trong ngày; sau 15 giờ thì ngày hôm sau";Miễn;Tờ khai|Giấy chứng sinh | ;https://dvc.example.gov.vn/tthc?ma=1.000948.H38',
      '2.001218.000.00.00.H38;"Chứng thực bản sao ""từ bản chính""";Chứng thực;UBND cấp xã;Trong ngày;"2.000 đồng/trang;',
      'từ trang thứ ba 1.000 đồng";Bản chính|Bản sao;',
    ].join('\r\n');
    const { procedures, refused } = parseCatalogueCsv(csv);
    expect(refused).toEqual([]);
    expect(procedures).toEqual([
      {
        line: 2,
        procedure: {
          code: '1.000948.H38',
          name: 'Đăng ký khai sinh',
          field: 'Hộ tịch',
          agency: 'UBND cấp xã',
          timeLimit: 'Trong ngày; sau 15 giờ thì ngày hôm sau',
          fee: 'Miễn',
          documents: ['Tờ khai', 'Giấy chứng sinh'],
          url: 'https://dvc.example.gov.vn/tthc?ma=1.000948.H38',
        },
      },
      {
        line: 3,
        procedure: {
          code: '2.001218.000.00.00.H38',
          name: 'Chứng thực bản sao "từ bản chính"',
          field: 'Chứng thực',
          agency: 'UBND cấp xã',
          timeLimit: 'Trong ngày',
          fee: '2.000 đồng/trang; từ trang thứ ba 1.000 đồng',
          documents: ['Bản chính', 'Bản sao'],
          url: null,
        },
      },
    ]);
  });

  it('refuses lines with their number and the reason in Vietnamese, and imports the rest', () => {
    const csv = [
      HEADER,
      '1.000948.H38;Đăng ký khai sinh;Hộ tịch;;;;Tờ khai;', // 2: fine
      ';Không có mã;Hộ tịch;;;;;', // 3: missing code
      '000.00.15.H29-250704-0012;Mã hồ sơ chứ không phải mã thủ tục;Hộ tịch;;;;;', // 4: bad code shape
      '1.000656.H38;;Hộ tịch;;;;;', // 5: missing name
      '"1.000948.h38";Đăng ký khai sinh (lần hai);Hộ tịch;;;;;', // 6: duplicate of line 2 (any case)
      '', // blank lines are skipped
      '1.000894.H38;Đăng ký kết hôn;Hộ tịch;;;;;ftp://x', // 8: not a web page
      '1.000894.H38;Đăng ký kết hôn;Hộ tịch;;;;;', // 9: fine (line 8 was refused, so not a duplicate)
    ].join('\n');
    const { procedures, refused } = parseCatalogueCsv(csv);
    expect(procedures.map((p) => [p.line, p.procedure.code])).toEqual([
      [2, '1.000948.H38'],
      [9, '1.000894.H38'],
    ]);
    expect(refused).toEqual([
      { line: 3, reason: 'thiếu mã thủ tục' },
      { line: 4, reason: expect.stringMatching(/^mã thủ tục "000\.00\.15\.H29-250704-0012" không đúng dạng/) },
      { line: 5, reason: 'thiếu tên thủ tục' },
      { line: 6, reason: 'mã thủ tục 1.000948.H38 trùng với dòng 2 (dòng đầu tiên được nhập)' },
      { line: 8, reason: expect.stringContaining('http') },
    ]);
  });

  it('refuses the whole file when the code or name column is missing, or it is empty, and says it was the whole file', () => {
    const noCode = parseCatalogueCsv('Tên;Lĩnh vực\nA;B');
    expect(noCode.refused).toEqual([{ line: 1, reason: expect.stringContaining('thiếu cột: Mã thủ tục') }]);
    expect(noCode.unreadable).toBe(noCode.refused[0]!.reason);
    expect(parseCatalogueCsv('').refused).toEqual([{ line: 1, reason: expect.stringContaining('tệp trống') }]);
    expect(parseCatalogueCsv('').unreadable).toContain('tệp trống');
    // Refused lines in a readable file are not a file problem: the others are imported.
    expect(parseCatalogueCsv(`${HEADER}\n;Không mã;;;;;;`).unreadable).toBeUndefined();
  });
});

describe('the same fields as JSON', () => {
  const item = { code: '1.000948.H38', name: 'Đăng ký khai sinh', field: 'Hộ tịch', agency: 'UBND', timeLimit: 'Trong ngày', fee: 'Miễn', documents: ['Tờ khai'], url: 'https://x.example/1.000948.H38' };

  it('reads items and numbers refused ones by their position', () => {
    const { procedures, refused } = parseCatalogueItems([item, { ...item, code: 'x' }, 'not an item', { ...item, documents: [1] }, { ...item, name: ' ' }, item]);
    expect(procedures).toEqual([{ line: 1, procedure: item }]);
    expect(refused.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(refused[5 - 2]!.reason).toBe('thiếu tên thủ tục');
    expect(refused[6 - 2]!.reason).toContain('trùng với dòng 1');
  });

  it('a file is JSON (an array or { procedures }) when it starts so, CSV otherwise', () => {
    expect(parseCatalogueFile(JSON.stringify([item])).procedures).toHaveLength(1);
    expect(parseCatalogueFile(`\uFEFF${JSON.stringify({ procedures: [item] })}`).procedures).toHaveLength(1);
    expect(parseCatalogueFile('[{').refused[0]!.reason).toContain('JSON');
    expect(parseCatalogueFile('[{').unreadable).toContain('JSON');
    expect(parseCatalogueFile('{ "thu_tuc": [] }').unreadable).toContain('mảng thủ tục');
    expect(parseCatalogueFile(`${HEADER}\n1.000948.H38;Đăng ký khai sinh;;;;;;`).procedures).toHaveLength(1);
  });
});
