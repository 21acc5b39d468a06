/** What the applicant receives (SMS / Zalo / e-mail through the notifier). Vietnamese, plain, with the next step. */
export const NOTIFICATION_TEXT = {
  resultInLocker: (p: { centerName: string; procedure: string; dossierCode: string; pickupCode: string }) =>
    `${p.centerName}: Kết quả hồ sơ ${p.dossierCode} (${p.procedure}) đã sẵn sàng tại tủ nhận kết quả. ` +
    `Mã nhận: ${p.pickupCode}. Vui lòng mang giấy hẹn đến ki-ốt, quét mã trên giấy hẹn và nhập mã nhận. Không chia sẻ mã này.`,
} as const;
