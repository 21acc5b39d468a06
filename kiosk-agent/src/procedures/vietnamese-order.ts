/**
 * Vietnamese alphabetical order for procedure and field names (Đ after D, tones in their order). The collator is
 * made at the first sort, not when the module loads: ICU's Vietnamese collation data is about 3 MB of resident
 * memory that a kiosk whose catalogue nobody searches never needs (the memory target, `npm run bench`).
 */
let collator: Intl.Collator | undefined;

export function compareVietnamese(a: string, b: string): number {
  collator ??= new Intl.Collator('vi');
  return collator.compare(a, b);
}
