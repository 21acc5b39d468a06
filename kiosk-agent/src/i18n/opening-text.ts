/** What the kiosk says when a service cannot issue a ticket, in Vietnamese: why, and when to come back. */
import { zonedFormatter } from '../core/local-time';

/** "07:30 Thứ Năm, 03/12" in the centre's zone. */
export function whenText(epochMs: number, timeZone: string): string {
  return zonedFormatter('vi-VN', timeZone, { weekday: 'long', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(epochMs));
}

export const OPENING_TEXT = {
  closed: (service: string, opensAt: string | null) =>
    `Lĩnh vực ${service} hiện không nhận hồ sơ${opensAt ? `; mời ông/bà quay lại lúc ${opensAt}` : ''}. Ông/bà vẫn nhận kết quả tại tủ được bất cứ lúc nào.`,
  full: (service: string, opensAt: string | null) =>
    `Lĩnh vực ${service} đã hết số trong ngày hôm nay${opensAt ? `; mời ông/bà quay lại lúc ${opensAt}` : ''}. Nếu cần hỗ trợ gấp, vui lòng hỏi cán bộ hướng dẫn.`,
  closing: (service: string, closesAt: string) =>
    `Lĩnh vực ${service} sắp hết giờ làm việc (${closesAt}) và không kịp giải quyết thêm lượt mới hôm nay. Mời ông/bà quay lại vào buổi làm việc sau; người ưu tiên vui lòng chọn "Ưu tiên".`,
};
