/** What the printed papers list says. Vietnamese is the language of the slip; kept here as data, not in the layout. */
export const PAPERS_TEXT = {
  heading: 'GIẤY TỜ CẦN MANG THEO',
  code: (code: string) => `Mã thủ tục: ${code}`,
  field: (field: string) => `Lĩnh vực: ${field}`,
  papers: 'Thành phần hồ sơ:',
  noPapers: 'Danh mục chưa ghi thành phần hồ sơ; vui lòng hỏi cán bộ hướng dẫn.',
  timeLimit: (t: string) => `Thời hạn giải quyết: ${t}`,
  fee: (f: string) => `Phí, lệ phí: ${f}`,
  agency: (a: string) => `Cơ quan thực hiện: ${a}`,
  submitAt: (service: string, counters: string) => (counters ? `Nộp hồ sơ: ${service} – ${counters}` : `Nộp hồ sơ: ${service}`),
  page: 'Quét mã QR để xem thủ tục đầy đủ',
  printedAt: (when: string) => `In lúc: ${when}`,
  note: 'Thông tin để tham khảo; cán bộ tiếp nhận hướng dẫn khi nộp hồ sơ.',
} as const;
