/**
 * The sample dossiers of demo mode: one slip for each thing a citizen may meet at the kiosk. Shared so the demo
 * panel's sample slips and pickup codes are the ones the agent seeded. Never used outside demo mode.
 */
import type { DossierStatus } from './dossier-schemas';

export interface DemoDossier {
  code: string;
  procedure: string;
  applicantName: string;
  phone: string | null;
  /** Days from today to the promised return date (negative: overdue). */
  dueInDays: number;
  status: DossierStatus;
  /** For results in a locker: the compartment and the pickup code the applicant was "sent". */
  locker?: { board: number; lock: number; pickupCode: string };
  /** Fees paid at handover ("thu sau"), in whole dong: the slip's result waits behind the VietQR until they are paid. */
  fees?: { name: string; amount: number }[];
  /** What the demo panel calls this slip. */
  label: string;
}

export const DEMO_DOSSIERS: readonly DemoDossier[] = [
  {
    code: '000.00.15.H29-250704-0012',
    procedure: 'Cấp bản sao trích lục khai sinh',
    applicantName: 'Nguyễn Văn An',
    phone: '0912345678',
    dueInDays: -1,
    status: 'in-locker',
    locker: { board: 0, lock: 3, pickupCode: '246810' },
    label: 'Kết quả trong tủ',
  },
  {
    code: '000.00.15.H29-250704-0013',
    procedure: 'Đăng ký kết hôn',
    applicantName: 'Trần Thị Bình',
    phone: '0987654321',
    dueInDays: 3,
    status: 'processing',
    label: 'Đang xử lý',
  },
  {
    code: '000.00.15.H29-250705-0021',
    procedure: 'Chứng thực bản sao từ bản chính',
    applicantName: 'Lê Văn Cường',
    phone: null,
    dueInDays: 0,
    status: 'ready',
    label: 'Kết quả tại quầy',
  },
  {
    code: '000.00.15.H29-250706-0034',
    procedure: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    applicantName: 'Phạm Thị Dung',
    phone: '0901112233',
    dueInDays: -4,
    status: 'needs-supplement',
    label: 'Cần bổ sung',
  },
  {
    code: '000.00.15.H29-250707-0040',
    procedure: 'Đăng ký khai tử',
    applicantName: 'Hoàng Văn Em',
    phone: '0934556677',
    dueInDays: 1,
    status: 'in-locker',
    locker: { board: 0, lock: 5, pickupCode: '135790' },
    label: 'Kết quả trong tủ',
  },
  {
    // Last in the list, so the slips above keep their places (tests and the README name them by position).
    code: '000.00.15.H29-250708-0047',
    procedure: 'Cấp bản sao trích lục hộ tịch',
    applicantName: 'Vũ Thị Giang',
    phone: '0978123456',
    dueInDays: 0,
    status: 'in-locker',
    locker: { board: 0, lock: 7, pickupCode: '975310' },
    // Two copies at the fee of Thông tư 281/2016 (8.000 đồng a copy): realistic, and small enough for a demo.
    fees: [{ name: 'Lệ phí cấp bản sao trích lục (2 bản)', amount: 16_000 }],
    label: 'Kết quả trong tủ',
  },
];

/** What a sample dossier's fees add up to (the demo panel says "chưa nộp phí …"). */
export function demoFeeTotal(d: DemoDossier): number {
  return (d.fees ?? []).reduce((sum, f) => sum + f.amount, 0);
}

/**
 * The demo's booked visit: at every start it is booked for a quarter of an hour later (Tư pháp), so its QR
 * (`LH:<code>`) checks in at the kiosk at once.
 */
export const DEMO_APPOINTMENT = { code: '20261234', serviceId: 'tu-phap', inMinutes: 15, label: 'Lịch hẹn sau 15 phút' } as const;
