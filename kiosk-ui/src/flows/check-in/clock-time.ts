/** "09:30" for an instant, in the centre's zone (its offset from the kiosk info; no Intl needed on a slow kiosk PC). */
export function clockTime(iso: string, utcOffsetMinutes: number): string {
  return new Date(Date.parse(iso) + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
}
