/**
 * The amount an officer typed for cash taken, in whole dong. Officers write amounts the Vietnamese way ("50.000",
 * "50 000"), so dots, commas and spaces between digits are group separators, never decimals: dong have no cents.
 * The bounds are shared/payment-schemas.ts VndAmountSchema's, so the agent never refuses what passes here.
 */
const MAX_DONG = 999_999_999;

export function parseCashAmount(text: string): number | null {
  const digits = text.trim().replace(/[.,\s]/g, '');
  if (!/^\d{1,9}$/.test(digits)) return null;
  const amount = Number(digits);
  return amount > 0 && amount <= MAX_DONG ? amount : null;
}
