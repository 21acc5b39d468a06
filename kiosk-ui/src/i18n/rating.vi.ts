/** Vietnamese strings of the counter rating tablet (/rate/:counterId). Spread into the main catalogue (vi.ts). */
export const viRating = {
  rate: {
    heading: 'Đánh giá mức độ hài lòng',
    loading: 'Đang tải…',
    officer: (name: string) => `Cán bộ: ${name}`,
    noOfficer: 'Quầy chưa có cán bộ đăng nhập',
    serving: (number: string, service: string) => `Đang phục vụ số ${number} · ${service}`,
    idle: 'Mời ông/bà chờ đến lượt. Sau khi giải quyết xong, ông/bà có thể đánh giá tại đây.',
    question: (number: string) => `Ông/bà có hài lòng với việc giải quyết hồ sơ (số ${number}) vừa rồi không?`,
    levels: 'Mức độ hài lòng',
    reasonsHeading: 'Ông/bà chưa hài lòng về điều gì? (có thể chọn nhiều, không bắt buộc)',
    send: 'Gửi đánh giá',
    skip: 'Bỏ qua',
    thanks: 'Cảm ơn ông/bà đã đánh giá!',
    thanksNote: 'Ý kiến của ông/bà giúp trung tâm phục vụ tốt hơn.',
    refused: 'Lượt này đã được đánh giá hoặc đã hết thời gian đánh giá. Cảm ơn ông/bà.',
    unsent: 'Chưa gửi được đánh giá. Vui lòng bấm "Gửi lại".',
    resend: 'Gửi lại',
    reconnecting: 'Đang kết nối lại với hệ thống…',
    problems: {
      COUNTER_TABLET_ONLY: 'Máy này chưa được cài làm máy đánh giá của quầy. Vui lòng báo cán bộ kỹ thuật (mở trang bằng địa chỉ có mã của quầy).',
      COUNTER_NOT_FOUND: 'Không có quầy này. Vui lòng báo cán bộ kỹ thuật kiểm tra địa chỉ trang.',
      NETWORK_ERROR: 'Chưa kết nối được với hệ thống. Máy sẽ tự thử lại.',
      other: 'Chưa tải được trang đánh giá. Máy sẽ tự thử lại.',
    },
  },
};
