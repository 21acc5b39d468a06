/** Demo mode: simulated devices and the service areas of a typical commune centre (docs/ARCHITECTURE.md "Domain facts"). */
import type { SiteConfigInput } from './site-config-schema';

export const DEMO_STAFF_TOKEN = 'demo-staff-token-not-for-production';
/** The demo's officers (README "Demo"): an officer for the counter console, a supervisor for /admin and closing. */
export const DEMO_ACCOUNTS = [
  { username: 'canbo1', name: 'Nguyễn Thị Lan', role: 'officer' },
  { username: 'giamsat', name: 'Trần Văn Hòa', role: 'supervisor' },
] as const;
export const DEMO_PASSWORD = 'demo-2026';
/** The demo's technician PIN (README); its hash below was made once with `npm run hash-pin -- 123456`. */
export const DEMO_TECHNICIAN_PIN = '123456';
const DEMO_TECHNICIAN_PIN_HASH = 'scrypt$32768$8$1$e/S8hhXEhApnGpnE64+E3Q==$rLad/hsv6f/eC04DgNaJfqT31NTFYNrJWSq0xi0B5C8=';

/**
 * The demo's fee account and webhook secret (README "Fees and VietQR"). Fixed rather than made per data folder: like
 * the demo staff token it is documented, so a visitor can sign a webhook of their own with curl, and the two kiosks of
 * `npm run demo:centre` (one store, two data folders) accept the same bank's calls. It is safe only because the demo
 * listens on 127.0.0.1 and holds sample data; a site config that copies it is refused (load-config.ts).
 */
export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret-not-for-production';
/** Clearly no real account: letters in the number, so a real bank app scanning the demo's QR finds nobody to pay. */
const DEMO_PAYMENTS = {
  bankBin: '970415',
  accountNumber: 'DEMO0000000000',
  accountName: 'TAI KHOAN DEMO - KHONG CHUYEN TIEN THAT',
  bankName: 'Ngân hàng mô phỏng (demo)',
  webhookSecret: DEMO_WEBHOOK_SECRET,
};

const WORKING_DAY: [string, string][] = [['07:30', '11:30'], ['13:30', '17:00']];
const DEMO_BOOKING_HOURS = { mon: WORKING_DAY, tue: WORKING_DAY, wed: WORKING_DAY, thu: WORKING_DAY, fri: WORKING_DAY, sat: [WORKING_DAY[0]!] };

export function demoConfig(dataDir: string): SiteConfigInput {
  return {
    center: { name: 'Trung tâm Phục vụ hành chính công xã Cát Tiên (demo)', timezone: 'Asia/Ho_Chi_Minh' },
    server: { host: '127.0.0.1', port: 8080 },
    dataDir,
    printer: { driver: 'simulated', text: 'cp1258' },
    scanner: { driver: 'simulated' },
    locker: { driver: 'simulated', boards: [{ address: 0, locks: 16 }] },
    services: [
      // Booked ahead from /book (the demo keeps no opening hours, so tickets are issued at any hour; slots follow
      // the working week of a commune centre).
      { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice – Civil status' }, appointments: { slotMinutes: 30, perSlot: 2, daysAhead: 14, hours: DEMO_BOOKING_HOURS } },
      { id: 'chung-thuc', prefix: 'B', name: { vi: 'Chứng thực', en: 'Certification' } },
      { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' } },
      { id: 'xay-dung', prefix: 'E', name: { vi: 'Xây dựng', en: 'Construction' } },
      { id: 'lao-dong', prefix: 'L', name: { vi: 'Lao động – Thương binh – Xã hội', en: 'Labour, invalids and social affairs' } },
      { id: 'kinh-doanh', prefix: 'K', name: { vi: 'Kinh doanh', en: 'Business registration' } },
      { id: 'tra-ket-qua', prefix: 'C', name: { vi: 'Trả kết quả', en: 'Result collection' } },
    ],
    counters: [
      { id: '1', services: ['tu-phap', 'chung-thuc'] },
      { id: '2', services: ['chung-thuc'] },
      { id: '3', services: ['dat-dai', 'xay-dung'] },
      { id: '4', services: ['lao-dong', 'kinh-doanh'] },
      { id: '5', services: ['tra-ket-qua'] },
    ],
    queue: { priorityStreakLimit: 3, defaultServiceMinutes: 6 },
    pickup: { resultServiceId: 'tra-ket-qua' },
    // The sample catalogue's fields (assets/demo/thu-tuc-hanh-chinh-mau.csv); residence is the commune police's, not a counter's.
    procedures: { fieldServices: { 'Hộ tịch': 'tu-phap', 'Chứng thực': 'chung-thuc', 'Đất đai': 'dat-dai', 'Bảo trợ xã hội': 'lao-dong', 'Người có công': 'lao-dong' } },
    staff: { tokens: [DEMO_STAFF_TOKEN] },
    technician: { pinHash: DEMO_TECHNICIAN_PIN_HASH },
    payments: DEMO_PAYMENTS,
  };
}
