/**
 * The service-quality report as CSV (pure), made like the statistics CSV (stats-csv.ts: BOM, commas, CRLF, quoting
 * and formula defusing) for the centre's monthly sheet: one row per officer at each service, then each officer's
 * total, each service's total and the centre's. Rating columns: one per level of the scale the kiosk asks on now,
 * and the other scale's too when the period has ratings on it (a centre that changed scale).
 */
import type { QualityFigures, ServiceQualityReport } from '../../../shared/report-schemas';
import { REPORT_TEXT } from '../i18n/report-text';
import { csvDocument } from './stats-csv';

type Field = string | number | null;

const levelsOf = (f: QualityFigures, scale: 3 | 5): number[] => (scale === 3 ? f.ratings.scale3 : f.ratings.scale5);

export function serviceQualityToCsv(report: ServiceQualityReport): string {
  const other = report.ratingScale === 3 ? 5 : 3;
  const scales: (3 | 5)[] = levelsOf(report.centre, other).some((n) => n > 0) ? [report.ratingScale, other] : [report.ratingScale];
  const header = [
    'Phạm vi',
    'Từ ngày',
    'Đến ngày',
    'Tên đăng nhập',
    'Cán bộ',
    'Mã lĩnh vực',
    'Lĩnh vực',
    'Đã phục vụ',
    'Vắng mặt',
    'Chờ trung bình (phút)',
    'Phục vụ trung bình (phút)',
    ...scales.flatMap((s) => Array.from({ length: s }, (_, i) => `Đánh giá mức ${i + 1}/${s}`)),
    'Số lượt đánh giá',
    'Hài lòng và rất hài lòng',
    'Tỷ lệ hài lòng (%)',
    'Trả tại tủ đúng hẹn',
    'Trả tại tủ trễ hẹn',
  ];
  const officers = new Map(report.officers.map((o) => [o.officerId, o]));
  const services = new Map(report.services.map((s) => [s.serviceId, s]));
  const who = (id: number | null | undefined): Field[] => {
    if (id === undefined) return [null, null];
    const o = officers.get(id);
    return id === null ? [null, REPORT_TEXT.unknownOfficer] : [o?.username ?? null, o?.name ?? String(id)];
  };
  const what = (id: string | null | undefined): Field[] => {
    if (id === undefined) return [null, null];
    return id === null ? [null, REPORT_TEXT.lockerPickups] : [id, services.get(id)?.name?.vi ?? id];
  };
  const row = (scope: string, officerId: number | null | undefined, serviceId: string | null | undefined, f: QualityFigures): Field[] => [
    scope,
    report.from,
    report.to,
    ...who(officerId),
    ...what(serviceId),
    f.served,
    f.noShows,
    f.averageWaitMinutes,
    f.averageServiceMinutes,
    ...scales.flatMap((s) => levelsOf(f, s)),
    f.ratings.total,
    f.ratings.satisfied,
    f.ratings.satisfactionPercent,
    f.handoversOnTime,
    f.handoversLate,
  ];
  const t = REPORT_TEXT.scopes;
  return csvDocument([
    header,
    ...report.cells.map((c) => row(t.cell, c.officerId, c.serviceId, c)),
    ...report.officers.map((o) => row(t.officer, o.officerId, undefined, o)),
    ...report.services.map((s) => row(t.service, undefined, s.serviceId, s)),
    row(t.centre, undefined, undefined, report.centre),
  ]);
}
