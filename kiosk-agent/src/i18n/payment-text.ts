/** What the agent says about fees and their payment, in Vietnamese: to the citizen, to staff, on the receipt and report. */
export const PICKUP_PAYMENT_TEXT = {
  required: (due: string) =>
    `Hồ sơ này còn phí, lệ phí chưa nộp: ${due}. Vui lòng quét mã VietQR trên màn hình bằng ứng dụng ngân hàng để nộp, hoặc nộp tại quầy trả kết quả; tủ sẽ mở sau khi nhận đủ.`,
  signatureInvalid: 'Chữ ký của thông báo thanh toán không đúng (x-signature: HMAC-SHA256 của nội dung với payments.webhookSecret).',
  notConfigured: 'Ki-ốt chưa được cấu hình nhận thanh toán (payments trong tệp cấu hình).',
  referenceUnknown: 'Nội dung chuyển khoản không khớp hồ sơ nào. Khoản tiền đã được ghi lại để cán bộ đối chiếu.',
  dossierUnknown: (code: string) => `Không tìm thấy hồ sơ ${code} tại ki-ốt.`,
  tooManyWebhooks: (seconds: number) => `Quá nhiều thông báo thanh toán trong một phút. Vui lòng gửi lại sau ${seconds} giây.`,
  unknownBank: (bin: string) => `Ngân hàng (BIN ${bin})`,
  notDue: (code: string) => `Hồ sơ ${code} không có phí, lệ phí nào còn phải nộp.`,
  unmatchedUnknown: (id: number) =>
    `Không có khoản chuyển khoản chưa khớp số ${id}. Vui lòng tải lại danh sách khoản chưa khớp (GET /api/payments/unmatched).`,
  unmatchedAssigned: (id: number, code: string) =>
    `Khoản chuyển khoản chưa khớp số ${id} đã được ghi nhận cho hồ sơ ${code}; không ghi nhận lần nữa. Nếu ghi nhầm hồ sơ, vui lòng báo quản trị.`,
  alerts: {
    unmatched: (amount: string, transactionId: string) =>
      `Nhận ${amount} (giao dịch ${transactionId}) với nội dung không khớp hồ sơ nào: đối chiếu và xử lý (ghi nhận cho hồ sơ đúng hoặc hoàn tiền).`,
    short: (code: string, amount: string, due: string) => `Hồ sơ ${code}: nhận ${amount}, còn thiếu ${due}. Kết quả chưa được trả cho đến khi nộp đủ.`,
    excess: (code: string, excess: string) => `Hồ sơ ${code}: nộp thừa ${excess}. Vui lòng liên hệ công dân để hoàn lại.`,
  },
} as const;

/** The lines the handover receipt adds for a dossier with fees. */
export const RECEIPT_PAYMENT_TEXT = {
  feePaid: (amount: string) => `Phí, lệ phí đã nộp: ${amount}`,
  bank: (transactionId: string) => `Chuyển khoản, mã giao dịch: ${transactionId}`,
  cash: 'Nộp tiền mặt tại quầy',
} as const;

/** The fees report (CSV for Excel). */
export const FEES_REPORT_TEXT = {
  header: ['Ngày', 'Thủ tục', 'Số khoản nộp', 'Chuyển khoản (đồng)', 'Tiền mặt (đồng)', 'Tổng (đồng)'],
  total: 'Tổng cộng',
  rangeOrder: 'Khoảng ngày không hợp lệ: "Từ ngày" (from) phải trước hoặc bằng "Đến ngày" (to).',
  rangeTooLong: (days: number) => `Khoảng ngày quá dài: mỗi báo cáo tối đa ${days} ngày. Hãy chia thành nhiều khoảng ngắn hơn.`,
  csvFileName: (from: string, to: string) => `phi-le-phi-${from}_${to}.csv`,
} as const;

/** The dossier CSV import's fees column: a bare amount is one fee with this name. */
export const FEES_CSV_TEXT = { defaultName: 'Phí, lệ phí' } as const;

/** The demo's simulated bank (compose/demo-bank.ts). */
export const DEMO_BANK_TEXT = {
  failed: (status: number) => `Ngân hàng mô phỏng không gửi được thông báo thanh toán (HTTP ${status}). Vui lòng thử lại hoặc khởi động lại bản demo.`,
} as const;
