/**
 * What monitoring says to people, in Vietnamese: the SMS a technician gets when a fault lasts (README
 * "Monitoring"), and the refusal of /metrics. An alert names the kiosk and the device, never a citizen: no phone,
 * no dossier code, no ticket number.
 */
import type { DeviceState } from '../../../shared/api-schemas';
import type { DeviceKind } from './fault-advice';

const DEVICE: Record<DeviceKind, string> = { printer: 'Máy in phiếu', scanner: 'Máy quét mã', locker: 'Tủ nhận kết quả (bo khóa)' };

const STATE: Partial<Record<DeviceState, string>> = {
  offline: 'mất kết nối',
  'paper-out': 'hết giấy',
  'cover-open': 'đang mở nắp',
  error: 'báo lỗi',
};

export const MONITORING_TEXT = {
  tokenNeeded: 'Số liệu giám sát (/metrics) chỉ dành cho ki-ốt và hệ thống giám sát: gửi mã có phạm vi "metrics" (staff.tokens) trong tiêu đề Authorization: Bearer.',
  /** A device fault that lasted `alerts.afterMinutes`; `advice` is the first thing to check (i18n/fault-advice.ts). */
  deviceFault: (p: { kiosk: string; device: DeviceKind; state: DeviceState; minutes: number; advice: string | undefined }) =>
    `[${p.kiosk}] ${DEVICE[p.device]} ${STATE[p.state] ?? 'không sẵn sàng'} đã ${p.minutes} phút.` +
    (p.advice ? ` Cần kiểm tra: ${p.advice}` : '') +
    ' Chi tiết trong màn hình chẩn đoán của ki-ốt.',
  /** The outbox has not delivered its oldest message for `alerts.outboxStuckMinutes`. */
  outboxStuck: (p: { kiosk: string; pending: number; minutes: number }) =>
    `[${p.kiosk}] ${p.pending} tin nhắn/báo cáo chưa gửi được, tin cũ nhất đã chờ ${p.minutes} phút. ` +
    'Cần kiểm tra: mạng của ki-ốt, cổng SMS (notifier) và hệ thống một cửa của tỉnh (upstream); lỗi gần nhất có trong nhật ký ở màn hình chẩn đoán.',
} as const;

/** How an alert names the kiosk: the centre, the kiosk's Vietnamese name and its id (unique in the centre). */
export function kioskLabel(centerName: string, kiosk: { id: string; name: { vi: string } }): string {
  return `${centerName} – ${kiosk.name.vi} (${kiosk.id})`;
}
