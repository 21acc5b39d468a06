/** How one group's figures read on the page and on the print view: minutes, percentages, ratings by level. */
import type { QualityFigures } from '../../../../shared/report-schemas';
import type { Catalogue } from '../../i18n/catalogue';

export const minutesText = (t: Catalogue, m: number | null): string => (m === null ? t.quality.noValue : t.quality.minutes(m));
export const percentText = (t: Catalogue, p: number | null): string => (p === null ? t.quality.noValue : t.quality.percent(p));

/**
 * Each level's name and count: the kiosk's scale now, then the other scale's levels if the period has ratings on it
 * (a centre that changed scale). Least satisfied first, as the kiosk asks.
 */
export function ratingLevels(t: Catalogue, f: QualityFigures, scale: 3 | 5, withOther: boolean): { name: string; count: number }[] {
  const names = (s: 3 | 5) => (s === 3 ? t.pickup.ratingLevels3 : t.pickup.ratingLevels5);
  const counts = (s: 3 | 5) => (s === 3 ? f.ratings.scale3 : f.ratings.scale5);
  const other: 3 | 5 = scale === 3 ? 5 : 3;
  return [
    ...names(scale).map((name, i) => ({ name, count: counts(scale)[i] ?? 0 })),
    ...(withOther ? names(other).map((name, i) => ({ name: t.quality.otherScaleLevel(name, other), count: counts(other)[i] ?? 0 })) : []),
  ];
}

/** Whether ratings on the other scale appear in the period (then their levels are shown too). */
export const otherScaleUsed = (centre: QualityFigures, scale: 3 | 5): boolean => (scale === 3 ? centre.ratings.scale5 : centre.ratings.scale3).some((n) => n > 0);

export function officerName(t: Catalogue, o: { officerId: number | null; name: string | null }): string {
  return o.officerId === null ? t.quality.unknownOfficer : (o.name ?? `#${o.officerId}`);
}
