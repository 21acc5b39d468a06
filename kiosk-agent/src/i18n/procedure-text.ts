/** What the agent says about the procedure catalogue, in Vietnamese: why an imported line is refused, errors. */
export const PROCEDURE_TEXT = {
  missingCode: 'thiếu mã thủ tục',
  badCode: (code: string) => `mã thủ tục "${code}" không đúng dạng (ví dụ 1.000948.H38 hoặc 2.001218.000.00.00.H38)`,
  missingName: 'thiếu tên thủ tục',
  duplicate: (code: string, line: number) => `mã thủ tục ${code} trùng với dòng ${line} (dòng đầu tiên được nhập)`,
  tooLong: (column: string) => `cột "${column}" quá dài`,
  notAnObject: 'mục không phải là một thủ tục (cần một đối tượng JSON có code, name…)',
  badDocuments: 'documents phải là danh sách giấy tờ (mảng chuỗi)',
  badUrl: 'địa chỉ trang phải bắt đầu bằng http:// hoặc https://',
  empty: 'tệp trống: cần dòng tiêu đề và các dòng thủ tục',
  missingColumns: (columns: string[]) =>
    `thiếu cột: ${columns.join(', ')} (tiêu đề: Mã thủ tục;Tên thủ tục;Lĩnh vực;Cơ quan thực hiện;Thời hạn giải quyết;Phí, lệ phí;Thành phần hồ sơ;Địa chỉ trang)`,
  badJson: (why: string) => `tệp JSON không đọc được: ${why}`,
  notAList: 'tệp JSON cần một mảng thủ tục, hoặc { "procedures": [...] }',
  notFound: (code: string) => `Không có thủ tục mã ${code} trong danh mục của ki-ốt. Vui lòng tra cứu theo tên hoặc hỏi cán bộ hướng dẫn.`,
} as const;

/** What `npm run catalogue:import` prints: Vietnamese first, then a few English words for whoever reads a log. */
export const CATALOGUE_CLI_TEXT = {
  usage: 'Cách dùng / usage: npm run catalogue:import -- --config FILE CATALOGUE.csv|CATALOGUE.json',
  /** A file the command cannot open: why, from the system's error code. */
  cannotRead: (file: string, code: string | undefined) =>
    `Không đọc được tệp ${file}: ${code === 'ENOENT' ? 'không có tệp này' : code === 'EACCES' || code === 'EPERM' ? 'không có quyền đọc' : code === 'EISDIR' ? 'đây là một thư mục' : 'lỗi đọc tệp'} / cannot read the file (${code ?? 'error'})`,
  unreadable: (file: string, why: string) => `Không nhập được tệp ${file}: ${why}. Chưa nhập thủ tục nào / nothing imported`,
  badConfig: (file: string, problems: readonly string[]) => `Tệp cấu hình ${file} không dùng được / invalid site config:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  imported: (n: number) => `Đã nhập ${n} thủ tục / imported`,
  refusedLine: (line: number, reason: string) => `Dòng ${line}: ${reason}`,
  refusedCount: (n: number) => `Không nhập ${n} dòng / refused`,
  fieldsWithoutService: (fields: readonly string[]) => `Lĩnh vực chưa gắn với quầy (procedures.fieldServices) / fields without a service: ${fields.join(', ')}`,
  failed: (why: string) => `Lỗi / error: ${why}`,
} as const;
