/** Vietnamese strings of the fee payment step at the kiosk (issue 21). Spread into the main catalogue (vi.ts). */
export const viPayment = {
  pay: {
    heading: 'Nộp phí, lệ phí',
    scan: 'Quét mã bằng ứng dụng ngân hàng',
    dueLabel: 'Số tiền cần nộp',
    amount: (dong: number) => `${dong.toLocaleString('vi-VN')} đồng`,
    qrLabel: (amount: string) => `Mã VietQR để chuyển khoản ${amount}`,
    bank: 'Ngân hàng',
    accountName: 'Chủ tài khoản',
    accountNumber: 'Số tài khoản',
    reference: 'Nội dung chuyển khoản',
    partlyPaid: (paid: string) => `Đã nhận ${paid}. Vui lòng nộp tiếp số tiền còn thiếu.`,
    waiting: 'Đang chờ ngân hàng xác nhận…',
    then: 'Sau khi nhận đủ tiền, màn hình tự chuyển sang bước nhập mã nhận kết quả.',
    atCounter: 'Ki-ốt chưa nhận thanh toán bằng mã QR. Vui lòng nộp phí, lệ phí tại quầy trả kết quả, rồi quay lại nhận kết quả.',
    fees: 'Các khoản phí, lệ phí',
  },
} as const;
