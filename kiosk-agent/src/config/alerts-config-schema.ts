/**
 * Alerts that reach a person without a dashboard (README "Monitoring"): an SMS to the technicians' phones when a
 * device fault lasts, or when the outbox stops delivering. Absent: no alerts (the metrics at /metrics stay).
 */
import { z } from 'zod';
import { VIETNAMESE_MOBILE } from '../../../shared/phone-number';

export const AlertsConfigSchema = z
  .strictObject({
    /** Technicians' mobile numbers, as a citizen's are checked (shared/phone-number.ts). */
    to: z
      .array(z.string().regex(VIETNAMESE_MOBILE, 'a Vietnamese mobile number: 10 digits from 03, 05, 07, 08 or 09, or +84 in place of the 0'))
      .min(1)
      .max(20),
    /** A printer, scanner or locker fault that lasts this long is sent (once per fault). */
    afterMinutes: z.number().int().min(1).max(24 * 60).default(10),
    /** The oldest message the outbox has not delivered is this old: sent once, straight to the gateway. */
    outboxStuckMinutes: z.number().int().min(1).max(7 * 24 * 60).default(30),
    /** How often faults and the outbox are checked (a fault's start is taken from the device's own report). */
    checkMs: z.number().int().min(50).max(600_000).default(30_000),
  })
  .optional();

export type AlertsConfig = z.infer<typeof AlertsConfigSchema>;
