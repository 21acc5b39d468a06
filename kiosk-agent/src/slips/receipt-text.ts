/** What the handover receipt (biên nhận trả kết quả) says. Vietnamese, the language of the slip; data, not layout. */
export const RECEIPT_TEXT = {
  heading: 'BIÊN NHẬN TRẢ KẾT QUẢ',
  dossier: (code: string) => `Mã hồ sơ: ${code}`,
  procedure: (name: string) => `Thủ tục: ${name}`,
  applicant: (masked: string) => `Người nộp: ${masked}`,
  channel: (lock: number, board: number) => (board === 0 ? `Nhận tại tủ kết quả, ngăn số ${lock}` : `Nhận tại tủ kết quả, ngăn số ${lock} (tủ ${board})`),
  at: (when: string) => `Thời gian nhận: ${when}`,
  check: 'Vui lòng kiểm tra giấy tờ trong ngăn tủ. Nếu thiếu hoặc sai, xin báo ngay quầy trả kết quả kèm biên nhận này.',
  thanks: 'Cảm ơn ông/bà đã sử dụng dịch vụ.',
} as const;
