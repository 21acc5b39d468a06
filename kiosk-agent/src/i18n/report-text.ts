/** The service-quality report's own words in Vietnamese (the CSV's labels; the page has the UI catalogues). */
export const REPORT_TEXT = {
  /** A ticket or rating with no officer recorded: an integration token, or from before officers signed in. */
  unknownOfficer: 'Không rõ cán bộ',
  /** Results collected from the lockers: no queue service. */
  lockerPickups: 'Trả kết quả tại tủ',
  scopes: { cell: 'Cán bộ – lĩnh vực', officer: 'Cán bộ', service: 'Lĩnh vực', centre: 'Toàn trung tâm' },
  csvFileName: (from: string, to: string) => `chat-luong-phuc-vu-${from}_${to}.csv`,
} as const;
