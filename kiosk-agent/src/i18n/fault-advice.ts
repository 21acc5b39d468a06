/**
 * What a technician should check when a device is not ready, in Vietnamese, most likely cause first. Shown in
 * diagnostics instead of a stack trace; the device's own last error comes beside it.
 */
import type { DeviceState } from '../../../shared/api-schemas';

export type DeviceKind = 'printer' | 'scanner' | 'locker';

const PRINTER: Partial<Record<DeviceState, string[]>> = {
  offline: [
    'Máy in có đèn nguồn không? Bật công tắc, kiểm tra dây nguồn và bộ đổi nguồn 24 V.',
    'Cáp mạng hoặc cáp USB/RS232 từ máy in đến máy tính ki-ốt: cắm chặt cả hai đầu.',
    'Địa chỉ trong printer.interface (IP và cổng 9100, hoặc đường dẫn thiết bị) phải khớp với máy in: in trang tự kiểm tra của máy in (giữ nút FEED khi bật) để xem IP.',
  ],
  'paper-out': ['Hết giấy: nạp cuộn giấy in nhiệt 80 mm, mặt in hướng ra ngoài, rồi đóng nắp.'],
  'paper-low': ['Giấy sắp hết: chuẩn bị cuộn giấy mới; máy vẫn in được.'],
  'cover-open': ['Nắp máy in đang mở: đóng nắp đến khi nghe tiếng khớp.'],
  error: [
    'Máy in báo lỗi: kiểm tra kẹt giấy hoặc dao cắt, rồi tắt và bật lại máy in.',
    'Nếu vẫn lỗi sau khi bật lại, ghi lại "lỗi gần nhất" bên dưới và liên hệ bộ phận hỗ trợ.',
  ],
};

const SCANNER: Partial<Record<DeviceState, string[]>> = {
  offline: [
    'Cáp USB của máy quét: cắm lại, thử cổng USB khác trên máy tính ki-ốt.',
    'Máy quét phải ở chế độ cổng nối tiếp ảo (USB COM / CDC), không phải bàn phím: quét mã cấu hình trong sách hướng dẫn của máy quét.',
    'Đường dẫn scanner.path phải có trong danh sách cổng nối tiếp (màn hình "Cổng nối tiếp"); nên dùng /dev/serial/by-id/… để không đổi khi cắm lại.',
  ],
  error: ['Máy quét báo lỗi: rút cáp USB, chờ 5 giây, cắm lại.'],
};

const LOCKER: Partial<Record<DeviceState, string[]>> = {
  offline: [
    'Nguồn 12 V của bo khóa: đèn trên bo có sáng không?',
    'Cáp RS485 từ bộ chuyển đổi USB–RS485 đến bo khóa: dây A nối A, B nối B (đảo dây thì bo không trả lời).',
    'Công tắc địa chỉ (DIP) trên mỗi bo phải khớp với locker.boards[].address trong cấu hình; hai bo không được trùng địa chỉ.',
    'Tốc độ locker.baudRate phải khớp với bo (thường 19200 hoặc 9600); đường dẫn locker.path phải có trong danh sách cổng nối tiếp.',
  ],
  error: [
    'Bo khóa trả lời sai hoặc không trả lời: kiểm tra dây RS485, điện trở cuối đường dây (120 Ω) và công tắc địa chỉ.',
    'Nếu một ngăn không mở: kiểm tra dây của khóa đó trên bo và nguồn 12 V khi mở nhiều ngăn cùng lúc.',
  ],
};

const DISABLED = ['Thiết bị này không được cấu hình trên ki-ốt (driver "none"). Sửa tệp cấu hình nếu ki-ốt có thiết bị này.'];

export function faultAdvice(kind: DeviceKind, state: DeviceState): string[] {
  if (state === 'ready') return [];
  if (state === 'disabled') return DISABLED;
  const table = kind === 'printer' ? PRINTER : kind === 'scanner' ? SCANNER : LOCKER;
  return table[state] ?? table.error ?? [];
}
