/** What the agent says about officers' accounts and sign-in, in Vietnamese: why, and what to do next. */
export const STAFF_TEXT = {
  credentialsInvalid: (attemptsLeft: number | null) =>
    `Tên đăng nhập hoặc mật khẩu không đúng.${attemptsLeft === null ? '' : ` Còn ${attemptsLeft} lần thử trước khi tài khoản bị khóa tạm thời.`}`,
  locked: (minutes: number) => `Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${minutes} phút hoặc nhờ cán bộ giám sát đặt lại mật khẩu.`,
  disabled: 'Tài khoản này đã bị vô hiệu hóa. Vui lòng liên hệ cán bộ giám sát của trung tâm.',
  sessionNeeded: 'Cần đăng nhập bằng tài khoản cán bộ (hoặc mã tích hợp của hệ thống).',
  sessionEnded: 'Phiên đăng nhập đã hết hạn hoặc đã kết thúc. Vui lòng đăng nhập lại.',
  roleRequired: 'Chức năng này dành cho cán bộ giám sát. Vui lòng nhờ cán bộ giám sát thực hiện.',
  usernameTaken: (u: string) => `Tên đăng nhập "${u}" đã có. Vui lòng chọn tên khác.`,
  passwordWeak: 'Mật khẩu cần ít nhất 8 ký tự.',
  notFound: 'Không có tài khoản cán bộ này.',
  tokenScope: (scope: string) => `Mã tích hợp này không được dùng cho phần "${scope}" của ki-ốt. Hãy dùng mã được cấp cho việc này, hoặc đăng nhập bằng tài khoản cán bộ.`,
  counterTabletOnly:
    'Trang đánh giá này chỉ dùng trên máy tính bảng đặt tại quầy. Kỹ thuật viên mở trang bằng địa chỉ có mã của quầy (server.counterTablets).',
  tooManySignIns: (seconds: number) => `Máy này đã thử đăng nhập quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`,
} as const;
