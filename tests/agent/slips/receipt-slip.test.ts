/** The handover receipt as a printer would print it: every fact in Vietnamese, the name masked, cut at the end. */
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../kiosk-agent/src/devices/printer/escpos-decoder';
import { encodeDocument, type TextLayoutOptions } from '../../../kiosk-agent/src/devices/printer/escpos-document';
import { receiptSlip, type ReceiptPrintData } from '../../../kiosk-agent/src/slips/receipt-slip';

const buildReceiptJob = (r: ReceiptPrintData, options: TextLayoutOptions): Uint8Array => encodeDocument(receiptSlip(r), options);

const RECEIPT: ReceiptPrintData = {
  centerName: 'Trung tâm Phục vụ hành chính công xã Cát Tiên',
  dossierCode: '000.00.15.H29-250704-0012',
  procedure: 'Cấp bản sao trích lục hộ tịch',
  applicantMasked: 'Nguyễn V** A*',
  board: 0,
  lock: 7,
  handedOverAtMs: Date.parse('2026-11-23T09:15:00+07:00'),
  timeZone: 'Asia/Ho_Chi_Minh',
};
const CP1258 = { text: 'cp1258', codePage: 52, columns: 48, widthDots: 576 } as const;

describe('handover receipt layout', () => {
  it('prints every fact of the handover, in order, in code page 1258', () => {
    const job = decodeEscPos(buildReceiptJob(RECEIPT, CP1258));
    const lines = job.lines.map((l) => l.trim()).filter(Boolean);
    const expected = [
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ CÁT TIÊN',
      'BIÊN NHẬN TRẢ KẾT QUẢ',
      'Mã hồ sơ: 000.00.15.H29-250704-0012',
      'Thủ tục: Cấp bản sao trích lục hộ tịch',
      'Người nộp: Nguyễn V** A*',
      'Nhận tại tủ kết quả, ngăn số 7',
      'Thời gian nhận: 09:15 23/11/2026',
    ];
    const positions = expected.map((e) => lines.findIndex((l) => l.includes(e)));
    expect(positions.every((p) => p >= 0), JSON.stringify(lines)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(job.ops.some((op) => op.kind === 'codepage' && op.page === 52)).toBe(true);
    expect(job.cuts).toBe(1);
  });

  it('keeps every line within a 58 mm printer’s 32 columns', () => {
    const job = decodeEscPos(buildReceiptJob(RECEIPT, { ...CP1258, columns: 32, widthDots: 384 }));
    for (const op of job.ops) {
      if (op.kind === 'text' && op.style.widthMultiplier === 1) expect([...op.text.trim()].length).toBeLessThanOrEqual(32);
    }
  });

  it('names the board when a kiosk has more than one', () => {
    const job = decodeEscPos(buildReceiptJob({ ...RECEIPT, board: 1, lock: 3 }, CP1258));
    expect(job.text).toContain('ngăn số 3 (tủ 1)');
  });

  it('draws the text as bitmaps in raster mode (no text bytes for printers without Vietnamese)', () => {
    const job = decodeEscPos(buildReceiptJob(RECEIPT, { ...CP1258, text: 'raster' }));
    expect(job.ops.filter((op) => op.kind === 'image').length).toBeGreaterThanOrEqual(3);
    expect(job.text.replace(/\s/g, '')).toBe('');
    expect(job.cuts).toBe(1);
  });
});
