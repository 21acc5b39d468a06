/** What the agent says about appointments, in Vietnamese: why a booking or a check-in is refused, and what to do. */
export const APPOINTMENT_TEXT = {
  notFound: 'Không tìm thấy lịch hẹn với mã này. Vui lòng kiểm tra lại 8 chữ số trong tin nhắn, hoặc lấy số thường.',
  tooEarly: (start: string, from: string) => `Lịch hẹn của ông/bà lúc ${start}. Ki-ốt nhận lịch hẹn từ ${from}; mời ông/bà quay lại lúc đó.`,
  expired: (start: string) =>
    `Lịch hẹn lúc ${start} đã quá giờ. Ông/bà vẫn có thể lấy số thường cho lĩnh vực này, hoặc đặt lịch hẹn khác.`,
  cancelled: 'Lịch hẹn này đã bị hủy. Ông/bà có thể lấy số thường hoặc đặt lịch hẹn khác.',
  alreadyCheckedIn: 'Lịch hẹn này đã nhận số tại ki-ốt nên không hủy được. Nếu không làm thủ tục nữa, vui lòng báo cán bộ tại quầy.',
  notOffered: (service: string) => `Lĩnh vực ${service} chưa nhận đặt lịch trực tuyến. Mời ông/bà đến lấy số tại ki-ốt trong giờ làm việc.`,
  slotInvalid: 'Giờ hẹn này không có trong lịch làm việc của lĩnh vực, hoặc đã qua. Vui lòng chọn một giờ trong danh sách.',
  slotFull: 'Giờ hẹn này vừa hết chỗ. Vui lòng chọn giờ khác.',
  tooFarAhead: (until: string) => `Chỉ đặt lịch được đến hết ngày ${until}. Vui lòng chọn ngày gần hơn.`,
  phoneLimit: (n: number) => `Số điện thoại này đã có ${n} lịch hẹn chưa đến lượt. Vui lòng đến theo lịch đã đặt, hoặc hủy bớt (mở đường dẫn trong tin nhắn, chọn "Hủy lịch hẹn") trước khi đặt thêm.`,
  sameDay: 'Số điện thoại này đã có lịch hẹn cho lĩnh vực này trong ngày đó.',
  addressLimit: 'Thiết bị này đã đặt quá nhiều lịch hẹn hôm nay. Vui lòng thử lại vào ngày mai hoặc liên hệ bộ phận một cửa.',
  closedAtStart: (service: string) => `Lĩnh vực ${service} không làm việc vào giờ này. Vui lòng chọn giờ trong giờ làm việc.`,
  /** The SMS with the code and the link to its QR. */
  booked: (p: { centerName: string; service: string; when: string; code: string; url: string }) =>
    `${p.centerName}: Lịch hẹn ${p.service} lúc ${p.when}. Mã lịch hẹn: ${p.code}. ` +
    `Khi đến, chọn "Tôi đã đặt lịch hẹn" trên ki-ốt và quét mã QR tại ${p.url} hoặc nhập mã. Vui lòng đến trước giờ hẹn.`,
} as const;
