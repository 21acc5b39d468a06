/**
 * Statistics as CSV for the centre's monthly report (pure). UTF-8 with a BOM and CRLF so Excel on a Vietnamese
 * Windows opens the accents correctly; one table, a "Phạm vi" column telling service rows from counter rows.
 */
import type { Stats } from '../../../shared/counter-schemas';

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Leading = + - @ (and a tab or CR before one, which Excel skips) would be run as a formula: prefix a quote.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as one CSV file for Excel: a BOM (UTF-8 with accents), commas, CRLF, every field through csvField. */
export function csvDocument(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function statsToCsv(stats: Stats, names: { service: (id: string) => string; counter: (id: string) => string }): string {
  const levels = Array.from({ length: stats.ratingScale }, (_, i) => i + 1);
  const header = [
    'Phạm vi',
    'Ngày',
    'Mã',
    'Tên',
    'Phiếu đã cấp',
    'Đã gọi',
    'Đã phục vụ',
    'Vắng mặt',
    'Chờ trung bình (phút)',
    'Chờ lâu nhất (phút)',
    'Phục vụ trung bình (phút)',
    ...levels.map((l) => `Đánh giá mức ${l}`),
    // Added with appointments, after the rating columns so sheets built on the earlier layout still line up.
    'Lấy số trực tiếp',
    'Đặt lịch hẹn',
    'Đến đúng giờ hẹn',
    'Lịch hẹn không đến',
  ];
  const rows: (string | number | null)[][] = [
    ...stats.services.map((s) => [
      'Lĩnh vực',
      s.day,
      s.serviceId,
      names.service(s.serviceId),
      s.issued,
      s.called,
      s.served,
      s.noShows,
      s.averageWaitMinutes,
      s.longestWaitMinutes,
      s.averageServiceMinutes,
      ...levels.map(() => null),
      s.walkIns,
      s.booked,
      s.onTimeCheckIns,
      s.appointmentsMissed,
    ]),
    ...stats.counters.map((c) => [
      'Quầy',
      c.day,
      c.counterId,
      names.counter(c.counterId),
      null,
      null,
      c.served,
      c.noShows,
      null,
      null,
      c.averageServiceMinutes,
      ...levels.map((l) => c.ratings[String(l)] ?? 0),
      ...[null, null, null, null],
    ]),
  ];
  return csvDocument([header, ...rows]);
}
