/** Times of an appointment in the centre's zone, from its offset (the kiosk info gives it; no Intl needed). */
const shifted = (iso: string, offset: number): string => new Date(Date.parse(iso) + offset * 60_000).toISOString();

/** "09:30". */
export const clockText = (iso: string, offset: number): string => shifted(iso, offset).slice(11, 16);

/** "02/12/2026". */
export function dayText(iso: string, offset: number): string {
  const d = shifted(iso, offset);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}
