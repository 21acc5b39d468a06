/**
 * `payments` (issue 21, CONTRACT): the centre's account that fees are transferred to, shown as a VietQR at the kiosk,
 * and the secret the bank or intermediary signs its payment webhooks with. All of it or none: a kiosk without it
 * shows no QR, and the webhook answers 503 PAYMENTS_NOT_CONFIGURED.
 */
import { z } from 'zod';

export const PaymentsConfigSchema = z.strictObject({
  /** The receiving bank's 6-digit NAPAS BIN (970415 VietinBank, 970436 Vietcombank, 970418 BIDV, 970405 Agribank…). */
  bankBin: z.string().regex(/^\d{6}$/, 'six digits (the bank’s NAPAS BIN)'),
  accountNumber: z.string().regex(/^[A-Za-z0-9]{1,19}$/, '1–19 letters or digits'),
  /** The account holder as the bank shows it (the centre's or the treasury's account). */
  accountName: z.string().min(1).max(100),
  /** Shared with the bank or intermediary: x-signature = hex HMAC-SHA256 of the webhook's raw body with it. */
  webhookSecret: z.string().min(16, 'at least 16 characters'),
  /** The bank's name on the payment screen; by default looked up from the BIN. */
  bankName: z.string().min(1).max(100).optional(),
  /** Webhook calls one address may make per minute. */
  webhooksPerMinute: z.number().int().min(1).max(10_000).default(120),
});
export type PaymentsConfig = z.infer<typeof PaymentsConfigSchema>;
