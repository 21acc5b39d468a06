/**
 * The centre's service-quality report over real HTTP, on each store (a lone kiosk's SQLite, a centre's
 * PostgreSQL): after a hand-made day (tests/support/quality-day.ts) a supervisor reads per officer, per service and
 * for the centre exactly the figures counted by hand below, and the same in the CSV; officers, integration tokens
 * and strangers are refused; a wrong period is refused in words.
 */
import { describe, expect } from 'vitest';
import type { ErrorBody } from '../../shared/api-schemas';
import type { Stats } from '../../shared/counter-schemas';
import { ServiceQualityReportSchema, type QualityFigures, type ServiceQualityReport } from '../../shared/report-schemas';
import { agentTest } from '../support/agent-fixture';
import { FakeClock } from '../support/fake-clock';
import { getJson } from '../support/http';
import { STAFF } from '../support/lockers';
import { signedIn } from '../support/officers';
import { freshDatabase } from '../support/postgres-cluster';
import { at, DAY, workTheDay } from '../support/quality-day';
import { STAFF_TOKEN } from '../support/test-config';

const LOCKER = { driver: 'simulated' as const, boards: [{ address: 0, locks: 4 }] };
// Sessions that outlast the hand-made day (its clock jumps by hours).
const STAFF_CONFIG = { tokens: [STAFF_TOKEN], sessionIdleMinutes: 24 * 60, sessionMaxHours: 24 };
const clocks = { sqlite: new FakeClock(Date.parse(at('06:00'))), postgres: new FakeClock(Date.parse(at('06:00'))) };
const STORES = {
  sqlite: agentTest({ clock: clocks.sqlite, config: () => ({ locker: LOCKER, staff: STAFF_CONFIG }) }),
  postgres: agentTest({ clock: clocks.postgres, config: async () => ({ locker: LOCKER, staff: STAFF_CONFIG, store: { driver: 'postgres', url: await freshDatabase() } }) }),
};

/** Figures as counted by hand: ratings as [levels of 3], [levels of 5]. */
const fig = (served: number, noShows: number, wait: number | null, service: number | null, s3: number[], s5: number[], satisfied: number, percent: number | null, onTime = 0, late = 0): QualityFigures => ({
  served,
  noShows,
  averageWaitMinutes: wait,
  averageServiceMinutes: service,
  ratings: { scale3: s3, scale5: s5, total: [...s3, ...s5].reduce((a, b) => a + b, 0), satisfied, satisfactionPercent: percent },
  handoversOnTime: onTime,
  handoversLate: late,
});
const NONE5 = [0, 0, 0, 0, 0];

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('the service-quality report (%s)', (kind) => {
  const it = STORES[kind];

  it('gives per officer, per service and for the centre what was counted by hand; the CSV has the same rows', async ({ agent }) => {
    const { lanId, minhId } = await workTheDay(agent, clocks[kind]);
    // The day's sessions ended with the day: signed in again on the 17th.
    const lan = await signedIn(agent, 'lan', 'officer');
    const boss = await signedIn(agent, 'hoa', 'supervisor');
    const url = `${agent.url}/api/reports/service-quality?from=${DAY}&to=${DAY}`;

    // Refused: an officer (403), an integration token and nobody (401); the CSV alike.
    const officer = await getJson<ErrorBody>(url, lan);
    expect([officer.status, officer.body.error.code]).toEqual([403, 'STAFF_ROLE_REQUIRED']);
    expect((await getJson<ErrorBody>(url, STAFF)).status).toBe(401);
    const nobody = await getJson<ErrorBody>(url);
    expect([nobody.status, nobody.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    expect((await fetch(url.replace('service-quality?', 'service-quality.csv?'), { headers: lan })).status).toBe(403);

    const res = await getJson<ServiceQualityReport>(url, boss);
    expect(res.status).toBe(200);
    const report = ServiceQualityReportSchema.parse(res.body);
    expect([report.from, report.to, report.centerName, report.ratingScale]).toEqual([DAY, DAY, 'Trung tâm Phục vụ hành chính công xã Cát Tiên', 3]);

    // Lan: T1, T2 and T6 (the no-show Minh had, called back and finished by Lan); her pickup rating is 5 of 5.
    const lanTotal = fig(3, 0, 10.7, 6, [1, 1, 1], [0, 0, 0, 0, 1], 3, 75, 1, 0);
    // Minh: T3 a no-show, T4 finished; the late result and its rating of 1.
    const minhTotal = fig(1, 1, 17, 12, [1, 1, 0], NONE5, 1, 50, 0, 1);
    const unknown = fig(1, 0, 10, 3, [0, 0, 1], NONE5, 1, 100);
    expect(report.officers).toEqual([
      { officerId: lanId, name: 'Nguyễn Thị Lan', username: 'lan', ...lanTotal },
      { officerId: minhId, name: 'Trần Văn Minh', username: 'minh', ...minhTotal },
      { officerId: null, name: null, username: null, ...unknown },
    ]);
    expect(report.services).toEqual([
      { serviceId: 'tu-phap', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice – Civil status' }, ...fig(4, 0, 9, 7.5, [1, 2, 1], NONE5, 3, 75) },
      { serviceId: 'dat-dai', name: { vi: 'Đất đai', en: 'Land' }, ...fig(1, 1, 20, 3, [0, 0, 1], NONE5, 1, 100) },
      { serviceId: null, name: null, ...fig(0, 0, null, null, [1, 0, 0], [0, 0, 0, 0, 1], 1, 50, 1, 1) },
    ]);
    expect(report.cells.map((c) => [c.officerId, c.serviceId, c.served, c.noShows])).toEqual([
      [lanId, 'tu-phap', 3, 0],
      [lanId, null, 0, 0],
      [minhId, 'tu-phap', 1, 0],
      [minhId, 'dat-dai', 0, 1],
      [minhId, null, 0, 0],
      [null, 'dat-dai', 1, 0],
    ]);
    expect(report.cells[0]).toMatchObject(fig(3, 0, 10.7, 6, [1, 1, 1], NONE5, 2, 66.7));
    // Waits (10+20+2+30+4+10)/6, service times (8+6+4+12+3)/5; 5 of 7 ratings satisfied.
    expect(report.centre).toEqual(fig(5, 1, 12.7, 6.6, [2, 2, 2], [0, 0, 0, 0, 1], 5, 71.4, 1, 1));

    // The same definitions as the statistics page: its figures for the day's services are the report's.
    const stats = (await getJson<Stats>(`${agent.url}/api/stats?from=${DAY}&to=${DAY}`, boss)).body;
    const tuPhap = stats.services.find((s) => s.serviceId === 'tu-phap')!;
    expect([tuPhap.served, tuPhap.averageWaitMinutes, tuPhap.averageServiceMinutes]).toEqual([4, 9, 7.5]);

    const csv = await fetch(`${agent.url}/api/reports/service-quality.csv?from=${DAY}&to=${DAY}`, { headers: boss });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="chat-luong-phuc-vu-${DAY}_${DAY}.csv"`);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    const d = `${DAY},${DAY}`;
    expect(lines).toEqual([
      'Phạm vi,Từ ngày,Đến ngày,Tên đăng nhập,Cán bộ,Mã lĩnh vực,Lĩnh vực,Đã phục vụ,Vắng mặt,Chờ trung bình (phút),Phục vụ trung bình (phút),' +
        'Đánh giá mức 1/3,Đánh giá mức 2/3,Đánh giá mức 3/3,Đánh giá mức 1/5,Đánh giá mức 2/5,Đánh giá mức 3/5,Đánh giá mức 4/5,Đánh giá mức 5/5,' +
        'Số lượt đánh giá,Hài lòng và rất hài lòng,Tỷ lệ hài lòng (%),Trả tại tủ đúng hẹn,Trả tại tủ trễ hẹn',
      `Cán bộ – lĩnh vực,${d},lan,Nguyễn Thị Lan,tu-phap,Tư pháp – Hộ tịch,3,0,10.7,6,1,1,1,0,0,0,0,0,3,2,66.7,0,0`,
      `Cán bộ – lĩnh vực,${d},lan,Nguyễn Thị Lan,,Trả kết quả tại tủ,0,0,,,0,0,0,0,0,0,0,1,1,1,100,1,0`,
      `Cán bộ – lĩnh vực,${d},minh,Trần Văn Minh,tu-phap,Tư pháp – Hộ tịch,1,0,4,12,0,1,0,0,0,0,0,0,1,1,100,0,0`,
      `Cán bộ – lĩnh vực,${d},minh,Trần Văn Minh,dat-dai,Đất đai,0,1,30,,0,0,0,0,0,0,0,0,0,0,,0,0`,
      `Cán bộ – lĩnh vực,${d},minh,Trần Văn Minh,,Trả kết quả tại tủ,0,0,,,1,0,0,0,0,0,0,0,1,0,0,0,1`,
      `Cán bộ – lĩnh vực,${d},,Không rõ cán bộ,dat-dai,Đất đai,1,0,10,3,0,0,1,0,0,0,0,0,1,1,100,0,0`,
      `Cán bộ,${d},lan,Nguyễn Thị Lan,,,3,0,10.7,6,1,1,1,0,0,0,0,1,4,3,75,1,0`,
      `Cán bộ,${d},minh,Trần Văn Minh,,,1,1,17,12,1,1,0,0,0,0,0,0,2,1,50,0,1`,
      `Cán bộ,${d},,Không rõ cán bộ,,,1,0,10,3,0,0,1,0,0,0,0,0,1,1,100,0,0`,
      `Lĩnh vực,${d},,,tu-phap,Tư pháp – Hộ tịch,4,0,9,7.5,1,2,1,0,0,0,0,0,4,3,75,0,0`,
      `Lĩnh vực,${d},,,dat-dai,Đất đai,1,1,20,3,0,0,1,0,0,0,0,0,1,1,100,0,0`,
      `Lĩnh vực,${d},,,,Trả kết quả tại tủ,0,0,,,1,0,0,0,0,0,0,1,2,1,50,1,1`,
      `Toàn trung tâm,${d},,,,,5,1,12.7,6.6,2,2,2,0,0,0,0,1,7,5,71.4,1,1`,
      '',
    ]);
  });

  it('days are the centre’s local days; no period is this month; a wrong period is refused in words', async ({ agent }) => {
    const boss = await signedIn(agent, 'hoa', 'supervisor');
    const get = (q: string) => getJson<ServiceQualityReport & ErrorBody>(`${agent.url}/api/reports/service-quality${q}`, boss);

    // Collected at 06:30 on the 17th (23:30 UTC on the 16th): the 17th's, on time (promised the 20th), Lan's.
    const next = (await get('?from=2026-11-17&to=2026-11-17')).body;
    expect(next.officers.map((o) => [o.username, o.served, o.handoversOnTime, o.handoversLate])).toEqual([['lan', 0, 1, 0]]);
    expect([next.centre.served, next.centre.handoversOnTime]).toEqual([0, 1]);

    const month = await get('');
    expect([month.status, month.body.from, month.body.to]).toEqual([200, '2026-11-01', '2026-11-30']);
    expect([month.body.centre.served, month.body.centre.noShows, month.body.centre.handoversOnTime, month.body.centre.handoversLate]).toEqual([5, 1, 2, 1]);
    expect((await get('?from=2026-11-16')).body.to).toBe('2026-11-16');

    const backwards = await get('?from=2026-11-20&to=2026-11-16');
    expect([backwards.status, backwards.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(backwards.body.error.message).toBe('Khoảng ngày không hợp lệ: "Từ ngày" (from) phải trước hoặc bằng "Đến ngày" (to).');
    const long = await get('?from=2025-01-01&to=2026-11-16');
    expect([long.status, long.body.error.message]).toEqual([400, 'Khoảng ngày quá dài: mỗi báo cáo tối đa 366 ngày. Hãy chia thành nhiều khoảng ngắn hơn.']);
    const notADay = await get('?from=2026-02-30&to=2026-03-01');
    expect([notADay.status, notADay.body.error.fields?.[0]?.message]).toEqual([400, 'Không có ngày này trong lịch (not a day of the calendar)']);
    expect((await get('?from=16/11/2026')).body.error.fields?.[0]?.message).toBe('Ngày phải có dạng YYYY-MM-DD (a day as YYYY-MM-DD)');
    expect((await get('?month=2026-11')).status).toBe(400);
  });
});
