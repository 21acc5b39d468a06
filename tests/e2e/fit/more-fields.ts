/**
 * The demo's sample catalogue has six fields: one page of them. A province's has dozens, so the fit test adds four
 * more with long names (as provinces write them): the field list then pages, as it will at a real centre.
 */
import type { RunningAgent } from '../../../kiosk-agent/src/compose/start-agent';
import { postJson } from '../../support/http';
import { STAFF } from '../../support/lockers';

const FIELDS: [string, string, string][] = [
  ['1.009994.H38', 'Thành lập và hoạt động của hộ kinh doanh', 'Đăng ký thành lập hộ kinh doanh'],
  ['1.010939.H38', 'Phòng, chống tệ nạn xã hội', 'Đăng ký cai nghiện ma túy tự nguyện'],
  ['2.002224.000.00.00.H38', 'Giải quyết khiếu nại, tố cáo', 'Giải quyết khiếu nại lần đầu tại cấp xã'],
  ['1.008004.H38', 'Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân', 'Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục'],
];

export async function moreFields(agent: RunningAgent): Promise<void> {
  const procedures = FIELDS.map(([code, field, name]) => ({ code, name, field, agency: 'Ủy ban nhân dân cấp xã', timeLimit: '05 ngày làm việc', fee: 'Không', documents: ['Đơn đề nghị (theo mẫu)'], url: null }));
  const imported = await postJson<{ imported: number }>(`${agent.url}/api/procedures/import`, { procedures }, STAFF);
  if (imported.status !== 200 || imported.body.imported !== FIELDS.length) throw new Error(`procedures not imported: ${JSON.stringify(imported.body)}`);
}
