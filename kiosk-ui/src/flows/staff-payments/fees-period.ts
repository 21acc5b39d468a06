/**
 * The fees CSV's first period: this month up to today, as the counter PC's calendar says (it sits in the centre,
 * in the centre's time zone). The agent's own default needs no dates, but the date fields need something to show.
 */
const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function thisMonthSoFar(now: Date): { from: string; to: string } {
  return { from: day(new Date(now.getFullYear(), now.getMonth(), 1)), to: day(now) };
}
