/**
 * What the demo's sample slips carry: the seeded demo dossiers (shared/demo-dossiers.ts). One is scanned as the
 * lookup-URL QR that TT 01/2023 slips often hold, the others as plain dossier-code barcodes.
 */
import { appointmentQrText } from '../../../../shared/appointment-code';
import { DEMO_APPOINTMENT, DEMO_DOSSIERS, demoFeeTotal } from '../../../../shared/demo-dossiers';

export interface SampleSlip {
  code: string;
  /** What the scanner "reads" off the slip. */
  scanText: string;
  label: string;
  pickupCode: string | null;
  /** Fees the seeded dossier owes at every start (whole dong), 0 for none: the demo bank pays them. */
  fee: number;
  /** An appointment's QR rather than a dossier slip. */
  appointment?: boolean;
}

export const SAMPLE_SLIPS: readonly SampleSlip[] = DEMO_DOSSIERS.map((d, i) => ({
  code: d.code,
  scanText: i === 1 ? `https://dichvucong.example.gov.vn/tra-cuu?SGT=001234567890&MHS=${d.code}` : d.code,
  label: d.label,
  pickupCode: d.locker?.pickupCode ?? null,
  fee: demoFeeTotal(d),
}));

/** The demo's booked visit: its QR, as sent by SMS with the booking. */
export const SAMPLE_APPOINTMENT: SampleSlip = {
  code: DEMO_APPOINTMENT.code,
  scanText: appointmentQrText(DEMO_APPOINTMENT.code),
  label: DEMO_APPOINTMENT.label,
  pickupCode: null,
  fee: 0,
  appointment: true,
};
