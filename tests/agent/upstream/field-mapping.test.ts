/** A province system's JSON → the kiosk's dossier, and the report body back, as a technician would configure it. */
import { describe, expect, it } from 'vitest';
import { UpstreamHttpConfigSchema } from '../../../kiosk-agent/src/config/upstream-config-schema';
import { mapStatus, mapUpstreamDossier, parseDueDate, reportBody } from '../../../kiosk-agent/src/upstream/field-mapping';

const defaults = UpstreamHttpConfigSchema.parse({ driver: 'http', baseUrl: 'https://motcua.example.gov.vn/api' });
const custom = UpstreamHttpConfigSchema.parse({
  driver: 'http',
  baseUrl: 'https://motcua.example.gov.vn/api',
  fields: { code: 'hoSo.ma', procedure: 'hoSo.thuTuc.ten', applicantName: 'nguoiNop.hoTen', phone: 'nguoiNop.dienThoai', dueDate: 'hoSo.ngayHenTra', status: 'hoSo.trangThai' },
  dueDateFormat: 'dd/MM/yyyy',
  statusMap: { DA_CO_KET_QUA: 9, DANG_XU_LY: 'processing', CHO_BO_SUNG: 5 },
});

describe('upstream field mapping', () => {
  it('reads the default Vietnamese field names, standard status codes and ISO dates', () => {
    const mapped = mapUpstreamDossier(
      { MaHoSo: '000.00.15.H29-250704-0012', TenThuTuc: 'Đăng ký kết hôn', ChuHoSo: 'Trần Thị Bình', SoDienThoai: '0987 654 321', NgayHenTra: '2025-07-10T17:00:00+07:00', TrangThai: 4 },
      defaults,
    );
    expect(mapped).toEqual({
      ok: true,
      dossier: { code: '000.00.15.H29-250704-0012', procedure: 'Đăng ký kết hôn', applicantName: 'Trần Thị Bình', phone: '0987654321', dueDate: '2025-07-10', status: 'processing' },
    });
  });

  it('follows dotted paths, a data envelope, dd/MM/yyyy dates and the site’s status map', () => {
    const mapped = mapUpstreamDossier(
      { data: { hoSo: { ma: '000.00.15.H29-250704-0013', thuTuc: { ten: 'Chứng thực' }, ngayHenTra: '05/08/2025', trangThai: 'DA_CO_KET_QUA' }, nguoiNop: { hoTen: 'Lê Văn C' } } },
      custom,
    );
    expect(mapped).toMatchObject({ ok: true, dossier: { code: '000.00.15.H29-250704-0013', procedure: 'Chứng thực', dueDate: '2025-08-05', status: 'ready', phone: null } });
  });

  it('names every problem instead of guessing', () => {
    const mapped = mapUpstreamDossier({ MaHoSo: '1.000948.H38', TenThuTuc: '', ChuHoSo: 'A', SoDienThoai: 'gọi sau', NgayHenTra: '31/02/2025', TrangThai: 'LA' }, defaults);
    expect(mapped.ok).toBe(false);
    const problems = mapped.ok ? [] : mapped.problems;
    expect(problems).toEqual([
      'MaHoSo: "1.000948.H38" is not a dossier code',
      'TenThuTuc: missing',
      'SoDienThoai: "gọi sau" is not a phone number',
      'NgayHenTra: not a iso date',
      'TrangThai: "LA" is not a known status (add it to upstream.statusMap)',
    ]);
  });

  it('refuses impossible dates in either format', () => {
    expect(parseDueDate('2025-02-30', 'iso')).toBeUndefined();
    expect(parseDueDate('30/02/2025', 'dd/MM/yyyy')).toBeUndefined();
    expect(parseDueDate('1/7/2025', 'dd/MM/yyyy')).toBe('2025-07-01');
    expect(parseDueDate(20250701, 'iso')).toBeUndefined();
  });

  it('maps codes 1–10, kiosk names and mapped values; nothing else', () => {
    expect(mapStatus(10, {})).toBe('returned');
    expect(mapStatus('9', {})).toBe('ready');
    expect(mapStatus('needs-payment', {})).toBe('needs-payment');
    expect(mapStatus('CHO_BO_SUNG', custom.statusMap)).toBe('needs-supplement');
    expect(mapStatus(11, {})).toBeUndefined();
    expect(mapStatus(null, {})).toBeUndefined();
  });

  it('builds the report body with the configured names', () => {
    const report = { dossierCode: '000.00.15.H29-250704-0012', status: 'returned' as const, statusCode: 10, at: '2026-11-23T02:15:00.000Z', note: 'Trả kết quả qua tủ tự động, ngăn 3 (bo 0)' };
    expect(reportBody(report, defaults)).toEqual({ MaHoSo: report.dossierCode, TrangThai: 10, ThoiGian: report.at, GhiChu: report.note });
    expect(reportBody(report, custom)).toEqual({ hoSo: { ma: report.dossierCode }, TrangThai: 10, ThoiGian: report.at, GhiChu: report.note });
  });
});

describe('upstream field mapping: fees (issue 21)', () => {
  const withFees = UpstreamHttpConfigSchema.parse({ driver: 'http', baseUrl: 'https://motcua.example.gov.vn/api', fields: { fees: 'PhiLePhi' } });
  const body = (fees: unknown) => ({ MaHoSo: '000.00.15.H29-250704-0012', TenThuTuc: 'Chứng thực', ChuHoSo: 'Lê Văn C', NgayHenTra: '2025-07-10', TrangThai: 6, PhiLePhi: fees });

  it('a total or a list of named fees; absent or unmapped leaves the dossier’s fees alone; a wrong value is named', () => {
    expect(mapUpstreamDossier(body(50000), withFees)).toMatchObject({ ok: true, dossier: { status: 'needs-payment', fees: [{ name: 'Phí, lệ phí', amount: 50_000 }] } });
    expect(mapUpstreamDossier(body([{ TenPhi: 'Lệ phí', SoTien: 30000 }, { name: 'Phí', amount: '20000' }]), withFees)).toMatchObject({
      ok: true,
      dossier: { fees: [{ name: 'Lệ phí', amount: 30_000 }, { name: 'Phí', amount: 20_000 }] },
    });
    expect(mapUpstreamDossier(body(0), withFees)).toMatchObject({ ok: true, dossier: { fees: [] } });
    const absent = mapUpstreamDossier(body(undefined), withFees);
    expect(absent.ok && 'fees' in absent.dossier).toBe(false);
    const unmapped = mapUpstreamDossier(body(50000), defaults);
    expect(unmapped.ok && 'fees' in unmapped.dossier).toBe(false);
    expect(mapUpstreamDossier(body('năm chục'), withFees)).toEqual({ ok: false, problems: [expect.stringMatching(/^PhiLePhi: /)] });
    expect(mapUpstreamDossier(body([{ TenPhi: 'Lệ phí', SoTien: -1 }]), withFees)).toMatchObject({ ok: false });
  });
});
