/** What the kiosk says when its store cannot be written, in Vietnamese: what happened and what to do next. */

export const STORE_UNAVAILABLE_MESSAGE =
  'Ki-ốt tạm thời không lưu được dữ liệu nên chưa thực hiện được yêu cầu này. Vui lòng báo cán bộ; các thông tin đã có vẫn xem được.';

/** A store a newer agent has migrated: this agent must not write to it. */
export const SCHEMA_TOO_NEW_ADVICE =
  'Cơ sở dữ liệu đã được phiên bản ki-ốt mới hơn nâng cấp. Hãy cài phiên bản ki-ốt mới nhất (hoặc khôi phục bản sao lưu làm với phiên bản này); đừng xoá dữ liệu.';

/** The centre's database server cannot be reached: the citizen goes to a counter; the kiosk reconnects by itself. */
export const CENTRE_STORE_UNAVAILABLE_MESSAGE =
  'Ki-ốt đang mất kết nối với máy chủ dữ liệu của trung tâm nên chưa lấy số hoặc tra cứu được. Vui lòng đến quầy hướng dẫn để được hỗ trợ; ki-ốt sẽ tự kết nối lại.';

/** What the 503 says for a store failure with this code. */
export function storeUnavailableMessage(code: string | undefined): string {
  return code === 'PG_UNAVAILABLE' ? CENTRE_STORE_UNAVAILABLE_MESSAGE : STORE_UNAVAILABLE_MESSAGE;
}

/** Advice for a technician from the store's error code (SQLite's, or the file system's). */
export function storeAdvice(code: string): string {
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return 'Thư mục dữ liệu đang chỉ đọc hoặc không có quyền ghi (ổ đĩa lỗi nên hệ thống gắn lại chỉ đọc, hoặc sai quyền). Kiểm tra ổ đĩa (fsck) và quyền của thư mục dataDir, rồi khởi động lại máy ki-ốt; các số đã cấp vẫn được giữ.';
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return 'Ổ đĩa đã đầy. Giải phóng dung lượng (nhật ký cũ, tệp tạm), ki-ốt sẽ tự ghi lại khi có chỗ.';
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return 'Lỗi đọc/ghi ổ đĩa. Có thể ổ đĩa sắp hỏng: sao lưu dữ liệu và báo bộ phận kỹ thuật.';
  }
  if (code === 'PG_UNAVAILABLE') {
    return 'Không kết nối được máy chủ PostgreSQL của trung tâm (store.url). Kiểm tra máy chủ còn chạy (systemctl status postgresql), mạng LAN và tường lửa cổng 5432; ki-ốt tự kết nối lại khi máy chủ trả lời.';
  }
  if (code === '25006') {
    return 'Máy chủ PostgreSQL đang ở chế độ chỉ đọc (bản sao dự phòng hoặc ổ đĩa đầy). Trỏ store.url về máy chủ chính hoặc giải phóng ổ đĩa của máy chủ.';
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return 'Cơ sở dữ liệu đang bị một chương trình khác giữ. Đóng chương trình đó (công cụ sao lưu, trình xem CSDL) rồi thử lại.';
  }
  return 'Không ghi được cơ sở dữ liệu. Xem nhật ký của ki-ốt và báo bộ phận kỹ thuật.';
}
