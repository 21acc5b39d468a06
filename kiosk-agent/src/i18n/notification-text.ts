/** What the applicant receives (SMS / Zalo / e-mail through the notifier). Vietnamese, plain, with the next step. */
export const NOTIFICATION_TEXT = {
  resultInLocker: (p: { centerName: string; procedure: string; dossierCode: string; pickupCode: string }) =>
    `${p.centerName}: Kết quả hồ sơ ${p.dossierCode} (${p.procedure}) đã sẵn sàng tại tủ nhận kết quả. ` +
    `Mã nhận: ${p.pickupCode}. Vui lòng mang giấy hẹn đến ki-ốt, quét mã trên giấy hẹn và nhập mã nhận. Không chia sẻ mã này.`,
  /** An overdue result: the code is not repeated (only its hash is kept); a lost code means the counter. */
  resultStillWaiting: (p: { centerName: string; procedure: string; dossierCode: string; since: string }) =>
    `${p.centerName}: Kết quả hồ sơ ${p.dossierCode} (${p.procedure}) vẫn đang chờ ông/bà tại tủ nhận kết quả từ ngày ${p.since}. ` +
    `Vui lòng đến nhận bằng giấy hẹn và mã nhận đã được gửi trước đó; nếu mất mã, xin đến quầy trả kết quả, mang theo căn cước.`,
  /** A ticket whose turn is near (queue.notifyAhead people ahead or fewer). */
  turnNear: (p: { centerName: string; number: string; ahead: number }) =>
    `${p.centerName}: Số ${p.number} của ông/bà còn ${p.ahead} người nữa là đến lượt. Vui lòng quay lại sảnh chờ để không lỡ lượt.`,
  /** The ticket is called now. */
  called: (p: { centerName: string; number: string; counterName: string }) => `${p.centerName}: Mời số ${p.number} đến ${p.counterName}.`,
} as const;
