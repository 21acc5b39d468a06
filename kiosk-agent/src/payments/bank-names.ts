/**
 * Names of common receiving banks by NAPAS BIN, for the payment screen (a site may set `payments.bankName` instead).
 * Not exhaustive: an unknown BIN shows as "Ngân hàng (BIN …)".
 */
import { PICKUP_PAYMENT_TEXT } from '../i18n/payment-text';

const BANKS: Record<string, string> = {
  '970405': 'Agribank',
  '970415': 'VietinBank',
  '970418': 'BIDV',
  '970436': 'Vietcombank',
  '970422': 'MB Bank',
  '970407': 'Techcombank',
  '970416': 'ACB',
  '970432': 'VPBank',
  '970423': 'TPBank',
  '970403': 'Sacombank',
  '970437': 'HDBank',
  '970441': 'VIB',
  '970443': 'SHB',
};

export function bankNameOf(bin: string, configured?: string): string {
  return configured ?? BANKS[bin] ?? PICKUP_PAYMENT_TEXT.unknownBank(bin);
}
