import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../kiosk-agent/src/devices/printer/escpos-decoder';
import { encodeDocument } from '../../../kiosk-agent/src/devices/printer/escpos-document';
import { papersSlip, type PapersPrintData } from '../../../kiosk-agent/src/slips/papers-slip';

const DATA: PapersPrintData = {
  centerName: 'Trung tâm Phục vụ hành chính công xã Cát Tiên',
  procedure: {
    code: '1.001193.H38',
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    agency: 'Ủy ban nhân dân cấp xã',
    timeLimit: 'Ngay trong ngày tiếp nhận hồ sơ',
    fee: 'Miễn lệ phí',
    documents: ['Tờ khai đăng ký khai sinh (theo mẫu)', 'Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh, nếu không có giấy chứng sinh'],
    url: 'https://dichvucong.example.gov.vn/cong-khai?ma=1.001193.H38',
  },
  serviceName: 'Tư pháp – Hộ tịch',
  counters: ['Quầy số 1', 'Quầy số 2'],
  printedAtMs: Date.parse('2026-11-22T14:05:00+07:00'),
  timeZone: 'Asia/Ho_Chi_Minh',
};
const CP1258 = { text: 'cp1258', codePage: 52, columns: 48, widthDots: 576 } as const;
const decoded = (d: PapersPrintData, columns = 48) => decodeEscPos(encodeDocument(papersSlip(d), { ...CP1258, columns, widthDots: columns === 48 ? 576 : 384 }));
const nfc = (s: string) => s.normalize('NFC');

describe('the papers list slip', () => {
  const job = decoded(DATA);
  const text = nfc(job.text);
  const lines = job.lines.map((l) => nfc(l.trim()));

  it('says what it is, for which procedure, then each paper numbered, in order', () => {
    const expected = ['GIẤY TỜ CẦN MANG THEO', 'Đăng ký khai sinh', 'Mã thủ tục: 1.001193.H38', 'Lĩnh vực: Hộ tịch', 'Thành phần hồ sơ:', '1. Tờ khai đăng ký khai sinh (theo mẫu)'];
    const positions = expected.map((e) => lines.findIndex((l) => l === e));
    expect(positions.every((p) => p >= 0), JSON.stringify(lines)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The long second paper wraps, but every word of it is there, after the first.
    expect(text.replace(/\s+/g, ' ')).toContain('2. Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận về việc sinh, nếu không có giấy chứng sinh');
  });

  it('gives the time limit, fee, agency and where to submit, the public page as a QR, and one cut', () => {
    for (const s of ['Thời hạn giải quyết: Ngay trong ngày tiếp nhận hồ sơ', 'Phí, lệ phí: Miễn lệ phí', 'Cơ quan thực hiện: Ủy ban nhân dân cấp xã', 'Nộp hồ sơ: Tư pháp – Hộ tịch – Quầy số 1, Quầy số 2', 'In lúc: 14:05 22/11/2026']) {
      expect(text.replace(/\s+/g, ' ')).toContain(s);
    }
    expect(job.qrCodes).toEqual([DATA.procedure.url]);
    expect(job.cuts).toBe(1);
  });

  it('papers are left-aligned so a wrapped paper reads under itself', () => {
    const run = job.ops.find((op) => op.kind === 'text' && op.text.includes('1. Tờ khai'));
    expect(run).toMatchObject({ style: { align: 'left' } });
  });

  it('without papers, service or page: says to ask, no submit line, no QR', () => {
    const bare = decoded({ ...DATA, procedure: { ...DATA.procedure, documents: [], url: null }, serviceName: null, counters: [] });
    expect(nfc(bare.text)).toContain('Danh mục chưa ghi thành phần hồ sơ');
    expect(nfc(bare.text)).not.toContain('Nộp hồ sơ');
    expect(bare.qrCodes).toEqual([]);
  });

  it('fits 58 mm paper (32 columns)', () => {
    for (const op of decoded(DATA, 32).ops) if (op.kind === 'text' && op.style.widthMultiplier === 1) expect([...op.text.trim()].length).toBeLessThanOrEqual(32);
  });
});
