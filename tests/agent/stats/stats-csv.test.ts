import { describe, expect, it } from 'vitest';
import { csvField, statsToCsv } from '../../../kiosk-agent/src/stats/stats-csv';

describe('statistics CSV', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvField('Tư pháp – Hộ tịch')).toBe('Tư pháp – Hộ tịch');
    expect(csvField('Đất đai, xây dựng')).toBe('"Đất đai, xây dựng"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    // Excel skips a leading tab or CR before a formula: those are defused too.
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
    expect(csvField('\r=cmd|" /C calc"!A0')).toBe(`"'\r=cmd|"" /C calc""!A0"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(null)).toBe('');
    expect(csvField(4.5)).toBe('4.5');
  });

  it('one row per service-day and counter-day, with a BOM, CRLF and one rating column per level', () => {
    const csv = statsToCsv(
      {
        from: '2026-11-23',
        to: '2026-11-23',
        ratingScale: 3,
        services: [
          { day: '2026-11-23', serviceId: 'dat-dai', issued: 5, called: 4, served: 3, noShows: 1, booked: 2, walkIns: 3, onTimeCheckIns: 1, appointmentsMissed: 1, averageWaitMinutes: 7.5, longestWaitMinutes: 12, averageServiceMinutes: 6 },
        ],
        counters: [{ day: '2026-11-23', counterId: '3', served: 3, noShows: 1, averageServiceMinutes: 6, ratings: { 1: 0, 2: 1, 3: 2 } }],
      },
      { service: () => 'Đất đai, xây dựng', counter: (id) => `Quầy số ${id}` },
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Phạm vi,Ngày,Mã,Tên,Phiếu đã cấp,Đã gọi,Đã phục vụ,Vắng mặt,Chờ trung bình (phút),Chờ lâu nhất (phút),Phục vụ trung bình (phút),Đánh giá mức 1,Đánh giá mức 2,Đánh giá mức 3,Lấy số trực tiếp,Đặt lịch hẹn,Đến đúng giờ hẹn,Lịch hẹn không đến',
    );
    expect(lines[1]).toBe('Lĩnh vực,2026-11-23,dat-dai,"Đất đai, xây dựng",5,4,3,1,7.5,12,6,,,,3,2,1,1');
    expect(lines[2]).toBe('Quầy,2026-11-23,3,Quầy số 3,,,3,1,,,6,0,1,2,,,,');
    expect(lines[3]).toBe('');
  });
});
