/**
 * Appointment codes: 8 digits, shown as "1234 5678", typed on the kiosk's numeric keypad. The QR sent with a
 * booking carries `LH:<code>` ("lịch hẹn"), which the kiosk's scanner tells apart from a dossier slip; a typed or
 * scanned code with spaces or dashes reads the same.
 */
export const APPOINTMENT_QR_PREFIX = 'LH:';
const DIGITS = /^\d{8}$/;

/** The code in what was typed or scanned, or undefined if it is not one. */
export function parseAppointmentCode(input: string): string | undefined {
  const raw = input.trim();
  const body = raw.toUpperCase().startsWith(APPOINTMENT_QR_PREFIX) ? raw.slice(APPOINTMENT_QR_PREFIX.length) : raw;
  const digits = body.replace(/[\s-]/g, '');
  return DIGITS.test(digits) ? digits : undefined;
}

/** True when a scan is an appointment's QR (not a dossier slip). */
export function isAppointmentQr(input: string): boolean {
  return input.trim().toUpperCase().startsWith(APPOINTMENT_QR_PREFIX) && parseAppointmentCode(input) !== undefined;
}

export function appointmentQrText(code: string): string {
  return `${APPOINTMENT_QR_PREFIX}${code}`;
}

/** "12345678" → "1234 5678". */
export function formatAppointmentCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}
