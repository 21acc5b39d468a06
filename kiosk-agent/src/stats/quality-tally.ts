/**
 * A running tally of one group's service quality (pure): sums and counts are added up from the smallest groups
 * (an officer at a service) to the officer's, the service's and the centre's, and only then turned into averages
 * and a percentage, so a total is never an average of averages.
 */
import type { QualityFigures, RatingSummary } from '../../../shared/report-schemas';
import type { RatingTally, TicketTally } from './service-quality-rows';
import { toMinutes } from './ticket-measures';

export interface Tally {
  served: number;
  noShows: number;
  waitMs: number;
  waitN: number;
  serviceMs: number;
  serviceN: number;
  /** Ratings per level, index 0 = level 1 (least satisfied), on each scale. */
  scale3: number[];
  scale5: number[];
  handoversOnTime: number;
  handoversLate: number;
}

export const emptyTally = (): Tally => ({
  served: 0,
  noShows: 0,
  waitMs: 0,
  waitN: 0,
  serviceMs: 0,
  serviceN: 0,
  scale3: [0, 0, 0],
  scale5: [0, 0, 0, 0, 0],
  handoversOnTime: 0,
  handoversLate: 0,
});

export function addTickets(t: Tally, row: TicketTally): void {
  t.served += row.served;
  t.noShows += row.noShows;
  t.waitMs += row.waitMs;
  t.waitN += row.waitN;
  t.serviceMs += row.serviceMs;
  t.serviceN += row.serviceN;
}

export function addRatings(t: Tally, row: RatingTally): void {
  const levels = row.scale === 5 ? t.scale5 : row.scale === 3 ? t.scale3 : undefined;
  // The store allows only 3 and 5 (CHECK) and 1 ≤ level ≤ scale.
  if (levels && row.level >= 1 && row.level <= levels.length) levels[row.level - 1]! += row.n;
}

export function addHandover(t: Tally, onTime: boolean): void {
  if (onTime) t.handoversOnTime += 1;
  else t.handoversLate += 1;
}

export function addTally(into: Tally, t: Tally): void {
  addTickets(into, { ...t, officerId: null, serviceId: '' });
  t.scale3.forEach((n, i) => (into.scale3[i]! += n));
  t.scale5.forEach((n, i) => (into.scale5[i]! += n));
  into.handoversOnTime += t.handoversOnTime;
  into.handoversLate += t.handoversLate;
}

/**
 * Satisfied = "rất hài lòng" + "hài lòng": the top two levels of the rating's own scale (3 and 2 of three; 5 and 4
 * of five). The rate is their share of every rating, whatever its scale.
 */
export function ratingSummary(t: Pick<Tally, 'scale3' | 'scale5'>): RatingSummary {
  const sum = (a: number[]) => a.reduce((s, n) => s + n, 0);
  const total = sum(t.scale3) + sum(t.scale5);
  const satisfied = sum(t.scale3.slice(1)) + sum(t.scale5.slice(3));
  return {
    scale3: [...t.scale3],
    scale5: [...t.scale5],
    total,
    satisfied,
    satisfactionPercent: total === 0 ? null : Math.round((satisfied / total) * 1000) / 10,
  };
}

export function figuresOf(t: Tally): QualityFigures {
  return {
    served: t.served,
    noShows: t.noShows,
    averageWaitMinutes: t.waitN === 0 ? null : toMinutes(t.waitMs / t.waitN),
    averageServiceMinutes: t.serviceN === 0 ? null : toMinutes(t.serviceMs / t.serviceN),
    ratings: ratingSummary(t),
    handoversOnTime: t.handoversOnTime,
    handoversLate: t.handoversLate,
  };
}
