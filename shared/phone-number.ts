/**
 * A citizen's phone for the messages before their turn (issue 18): what counts as a Vietnamese mobile number, and
 * how it is shown — only its last three digits, on the kiosk while it is typed and in every answer of the agent.
 */

/** 10 digits from 03, 05, 07, 08 or 09, or +84 / 84 in place of the leading 0. */
export const VIETNAMESE_MOBILE = /^(?:0|\+?84)[35789]\d{8}$/;

/** Digits typed on a keypad: a mobile number starts with 0 and has 10. */
export const MOBILE_DIGITS = 10;

export function isVietnameseMobile(phone: string): boolean {
  return VIETNAMESE_MOBILE.test(phone);
}

/**
 * Every digit but the last three hidden, grouped as a mobile number is read (0912 345 678): "0912345678" →
 * "•••• ••• 678"; while it is being typed, the same with what there is ("09123" → "••12 3"). "+84…" is shown as
 * "0…". Never more than three digits show.
 */
export function maskPhoneTail(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('84')) digits = `0${digits.slice(2)}`;
  const masked = [...digits].map((d, i) => (i < digits.length - 3 ? '•' : d)).join('');
  return [masked.slice(0, 4), masked.slice(4, 7), masked.slice(7)].filter(Boolean).join(' ');
}
