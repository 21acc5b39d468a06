import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../kiosk-agent/src/devices/printer/escpos-decoder';
import { encodeCp1258 } from '../../../kiosk-agent/src/devices/printer/cp1258';
import { encodeDocument, type TextLayoutOptions } from '../../../kiosk-agent/src/devices/printer/escpos-document';
import { ticketSlip, type TicketPrintData } from '../../../kiosk-agent/src/slips/ticket-slip';

/** What the printer driver sends for this ticket: the slip as laid out, encoded as ESC/POS. */
const buildTicketJob = (t: TicketPrintData, options: TextLayoutOptions): Uint8Array => encodeDocument(ticketSlip(t), options);

const TICKET: TicketPrintData = {
  centerName: 'Trung tâm Phục vụ hành chính công xã Cát Tiên',
  serviceName: 'Tư pháp – Hộ tịch',
  number: 'A012',
  priority: 'elderly',
  issuedAtMs: Date.parse('2026-11-22T14:05:00+07:00'),
  timeZone: 'Asia/Ho_Chi_Minh',
  ahead: 5,
  estimatedWaitMinutes: 15,
  trackUrl: 'http://127.0.0.1:8080/track/tAbCdEf012345',
};
const CP1258 = { text: 'cp1258', codePage: 52, columns: 48, widthDots: 576 } as const;

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('ticket layout (cp1258)', () => {
  const bytes = buildTicketJob(TICKET, CP1258);
  const job = decodeEscPos(bytes);
  const lines = job.lines.map((l) => l.trim());

  it('starts from a reset printer and selects code page 1258 before any text', () => {
    expect([...bytes.slice(0, 2)]).toEqual([0x1b, 0x40]);
    const esct = indexOf(bytes, Uint8Array.of(0x1b, 0x74, 52));
    expect(esct).toBeGreaterThan(0);
    expect(esct).toBeLessThan(indexOf(bytes, encodeCp1258('TRUNG')));
  });

  it('prints every field in the right order, decodable back to the exact Vietnamese text', () => {
    const expected = [
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ CÁT TIÊN',
      'Tư pháp – Hộ tịch',
      'SỐ THỨ TỰ',
      'A012',
      'ƯU TIÊN – Người cao tuổi',
      'Số người trước bạn: 5',
      'Thời gian chờ dự kiến: khoảng 15 phút',
      'Thời gian lấy số: 14:05 22/11/2026',
    ].map((s) => s.normalize('NFC'));
    const positions = expected.map((e) => lines.findIndex((l) => l === e));
    expect(positions.every((p) => p >= 0), JSON.stringify(lines)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('prints the number large (6×), centred, and never as UTF-8', () => {
    const numberRun = job.ops.find((op) => op.kind === 'text' && op.text.includes('A012'));
    expect(numberRun).toMatchObject({ style: { widthMultiplier: 6, heightMultiplier: 6, align: 'center' } });
    expect(indexOf(bytes, new TextEncoder().encode('Tư'))).toBe(-1);
    expect(indexOf(bytes, encodeCp1258('Tư pháp'))).toBeGreaterThan(0);
  });

  it('carries the tracking QR and ends with one cut', () => {
    expect(job.qrCodes).toEqual([TICKET.trackUrl]);
    expect(job.cuts).toBe(1);
  });

  it('is deterministic and matches the recorded fixture', async () => {
    expect(Buffer.from(buildTicketJob(TICKET, CP1258)).equals(Buffer.from(bytes))).toBe(true);
    const hex = Buffer.from(bytes).toString('hex').replace(/(.{64})/g, '$1\n');
    await expect(hex).toMatchFileSnapshot('../../fixtures/ticket-a012-cp1258.hex');
  });

  it('says "Bạn là người tiếp theo" when nobody is ahead and omits the priority mark for normal tickets', () => {
    const normal = decodeEscPos(buildTicketJob({ ...TICKET, priority: null, ahead: 0, estimatedWaitMinutes: 0 }, CP1258));
    expect(normal.text.normalize('NFC')).toContain('Bạn là người tiếp theo');
    expect(normal.text.normalize('NFC')).not.toContain('ƯU TIÊN');
  });

  it('wraps a long centre name on 58 mm paper (32 columns)', () => {
    const narrow = decodeEscPos(buildTicketJob(TICKET, { ...CP1258, columns: 32, widthDots: 384 }));
    for (const op of narrow.ops) {
      if (op.kind === 'text' && op.style.widthMultiplier === 1) expect([...op.text.trim()].length).toBeLessThanOrEqual(32);
    }
  });
});

describe('ticket layout (raster)', () => {
  it('draws the text as bitmaps no wider than the paper, keeps the QR and the cut', () => {
    const job = decodeEscPos(buildTicketJob(TICKET, { ...CP1258, text: 'raster' }));
    expect(job.images.length).toBe(2);
    for (const img of job.images) {
      expect(img.widthDots).toBeLessThanOrEqual(576);
      expect(img.bits.some((b) => b !== 0)).toBe(true);
    }
    expect(job.text.trim()).toBe('');
    expect(job.qrCodes).toEqual([TICKET.trackUrl]);
    expect(job.cuts).toBe(1);
  });
});
