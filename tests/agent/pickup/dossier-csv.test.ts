/** CSV exports as centres produce them: Vietnamese headers, `;` from Excel, quotes, BOM, bad rows by line. */
import { describe, expect, it } from 'vitest';
import { foldHeader, parseDossierCsv, splitCsv } from '../../../kiosk-agent/src/pickup/dossier-csv';

describe('dossier CSV import (pure)', () => {
  it('reads a Vietnamese Excel export: BOM, `;`, diacritics in headers, dd/MM/yyyy dates, status codes', () => {
    const csv =
      '\uFEFFMã hồ sơ;Tên thủ tục;Người nộp;Điện thoại;Ngày hẹn trả;Trạng thái\r\n' +
      '000.00.15.H29-250704-0012;"Cấp bản sao; trích lục";Nguyễn Văn An;0912 345 678;10/07/2025;9\r\n' +
      '000.00.15.H29-250704-0013;Đăng ký kết hôn;"Trần Thị ""Bé"" Bình";;2025-07-11;processing\r\n';
    const { rows, errors } = parseDossierCsv(csv);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, dossier: { code: '000.00.15.H29-250704-0012', procedure: 'Cấp bản sao; trích lục', applicantName: 'Nguyễn Văn An', phone: '0912345678', dueDate: '2025-07-10', status: 9 } },
      { line: 3, dossier: { code: '000.00.15.H29-250704-0013', procedure: 'Đăng ký kết hôn', applicantName: 'Trần Thị "Bé" Bình', dueDate: '2025-07-11', status: 'processing' } },
    ]);
  });

  it('reports each bad row by its line and keeps the good ones', () => {
    const csv = [
      'code,procedure,applicantName,phone,dueDate,status',
      '000.00.15.H29-250704-0021,Chứng thực,Lê Văn C,,2025-07-10,ready',
      '',
      '000.00.15.H29-250704-0022,Chứng thực,Lê Văn D,,31/02/2025,ready',
      '000.00.15.H29-250704-0023,Chứng thực,Lê Văn E,không có,2025-07-10,11',
      '000.00.15.H29-250704-0024,Chứng thực,Lê Văn F,,2025-07-10,in-locker',
    ].join('\n');
    const { rows, errors } = parseDossierCsv(csv);
    expect(rows.map((r) => r.line)).toEqual([2, 6]);
    expect(errors.map((e) => e.line)).toEqual([4, 5]);
    expect(errors[0]!.message).toMatch(/dueDate/);
    expect(errors[1]!.message).toMatch(/phone/);
    expect(errors[1]!.message).toMatch(/status/);
  });

  it('says which columns are missing', () => {
    const { rows, errors } = parseDossierCsv('ma_ho_so,thu_tuc\n000.00.15.H29-250704-0021,Chứng thực\n');
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 1, message: expect.stringMatching(/thiếu cột: applicantName, dueDate, status/) }]);
    expect(parseDossierCsv('').errors[0]!.message).toMatch(/tệp trống/);
  });

  it('keeps line numbers right across quoted line breaks', () => {
    const records = splitCsv('a,b\n"x\ny",z\nlast,row', ',');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', 'z'] },
      { line: 4, fields: ['last', 'row'] },
    ]);
  });

  it('folds header names the way people type them', () => {
    expect(foldHeader('Ngày hẹn trả')).toBe('ngayhentra');
    expect(foldHeader('SỐ ĐIỆN THOẠI')).toBe('sodienthoai');
    expect(foldHeader('ma_ho_so')).toBe('mahoso');
  });
});

describe('dossier CSV import: the optional fees column (issue 21)', () => {
  const head = 'ma_ho_so;thu_tuc;nguoi_nop;ngay_hen_tra;trang_thai;phi_le_phi\r\n';

  it('an amount, named amounts, 0 for none, empty to keep; a bad cell is refused by line', () => {
    const csv =
      head +
      '000.00.15.H29-250704-0031;Chứng thực;Lê Văn A;2025-07-10;6;50.000 đ\r\n' +
      '000.00.15.H29-250704-0032;Chứng thực;Lê Văn B;2025-07-10;9;Lệ phí=30000|Phí sao y=20.000\r\n' +
      '000.00.15.H29-250704-0033;Chứng thực;Lê Văn C;2025-07-10;9;0\r\n' +
      '000.00.15.H29-250704-0034;Chứng thực;Lê Văn D;2025-07-10;9;\r\n' +
      '000.00.15.H29-250704-0035;Chứng thực;Lê Văn E;2025-07-10;9;năm chục\r\n';
    const { rows, errors } = parseDossierCsv(csv);
    expect(rows.map((r) => r.dossier.fees)).toEqual([
      [{ name: 'Phí, lệ phí', amount: 50_000 }],
      [
        { name: 'Lệ phí', amount: 30_000 },
        { name: 'Phí sao y', amount: 20_000 },
      ],
      [],
      undefined,
    ]);
    expect(rows[3]!.dossier).not.toHaveProperty('fees');
    expect(errors.map((e) => e.line)).toEqual([6]);
    expect(errors[0]!.message).toMatch(/fees/);
  });

  it('a file without the column imports as before', () => {
    const { rows, errors } = parseDossierCsv('ma_ho_so;thu_tuc;nguoi_nop;ngay_hen_tra;trang_thai\r\n000.00.15.H29-250704-0036;Chứng thực;Lê Văn F;2025-07-10;9\r\n');
    expect(errors).toEqual([]);
    expect(rows[0]!.dossier).toEqual({ code: '000.00.15.H29-250704-0036', procedure: 'Chứng thực', applicantName: 'Lê Văn F', dueDate: '2025-07-10', status: 9 });
  });
});
