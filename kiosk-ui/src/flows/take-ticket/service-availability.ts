/**
 * Whether the kiosk may issue a ticket for a service now, as the agent's list says (pure; no React, no IO). The
 * agent decides (`GET /api/services` `state`; `POST /api/tickets` answers 409 when it has changed meanwhile): the
 * kiosk only greys what would be refused. A list from an agent without opening hours has no `state`: open.
 */
import type { ServiceSummary } from '../../../../shared/api-schemas';

export type ServiceState = NonNullable<ServiceSummary['state']>;

export const stateOf = (s: ServiceSummary): ServiceState => s.state ?? 'open';

/** Closed (outside its hours) or full (its daily limit): no ticket for anyone. */
export const isShut = (s: ServiceSummary): boolean => stateOf(s) === 'closed' || stateOf(s) === 'full';

/** No service issues to anyone: the choice screen says when the centre opens next instead. */
export const noneIssues = (services: readonly ServiceSummary[]): boolean => services.length > 0 && services.every(isShut);

/** The earliest `opensAt` of the services (ISO instants compare as text), or null when none says. */
export function earliestOpening(services: readonly ServiceSummary[]): string | null {
  const times = services.map((s) => s.opensAt).filter((t): t is string => t !== undefined && !Number.isNaN(Date.parse(t)));
  return times.reduce<string | null>((best, t) => (best === null || Date.parse(t) < Date.parse(best) ? t : best), null);
}

/** Tickets left under the daily limit are counted out loud from this many down. */
export const FEW_LEFT = 10;

/**
 * A closing service issues only to a priority visitor (the agent exempts them by default): chosen by someone who
 * has not said they are one, the priority question then offers no "Không".
 */
export function priorityOnly(context: { priorityPath: boolean; serviceId: string | null; services: readonly ServiceSummary[] }): boolean {
  if (context.priorityPath) return true;
  const chosen = context.services.find((s) => s.id === context.serviceId);
  return chosen !== undefined && stateOf(chosen) === 'closing';
}
