/** What the printed ticket says. Vietnamese is the language of the slip; kept here as data, not in the layout. */
import type { PriorityCategory } from '../../../shared/api-schemas';

export const TICKET_TEXT = {
  heading: 'SỐ THỨ TỰ',
  priorityMark: 'ƯU TIÊN',
  priority: {
    elderly: 'Người cao tuổi',
    disabled: 'Người khuyết tật',
    pregnant: 'Phụ nữ mang thai',
    merit: 'Người có công với cách mạng',
  } satisfies Record<PriorityCategory, string>,
  ahead: (n: number) => (n === 0 ? 'Bạn là người tiếp theo' : `Số người trước bạn: ${n}`),
  wait: (minutes: number) => (minutes <= 0 ? 'Thời gian chờ dự kiến: sắp đến lượt' : `Thời gian chờ dự kiến: khoảng ${minutes} phút`),
  issuedAt: (when: string) => `Thời gian lấy số: ${when}`,
  /** A ticket checked in for an appointment: marked, with its time (the counter calls it then). */
  bookedMark: 'ĐÃ ĐẶT LỊCH HẸN',
  bookedAt: (time: string) => `Giờ hẹn: ${time} – được gọi vào giờ hẹn`,
  reprint: 'IN LẠI',
  track: 'Quét mã QR để theo dõi lượt của bạn',
  keep: 'Vui lòng giữ phiếu và chú ý màn hình gọi số.',
} as const;
