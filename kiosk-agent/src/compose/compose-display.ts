/**
 * The lobby displays' side of the composition root: their zones, and — only when the site config's
 * `display.showOfficer` is on — the names of the officers signed in at the counters, with an event each time that
 * changes at a counter (sign-in, sign-out, a session ended by a supervisor or found expired) so displays refresh.
 * Off, the zones are given no way to read a name and nothing is published.
 */
import type { SiteConfig, ServiceConfig } from '../config/site-config-schema';
import { DisplayZones } from '../display/display-zones';
import type { EventHub } from '../events/event-hub';
import type { StaffSessions } from '../staff/staff-sessions';

export function composeDisplay(deps: { config: SiteConfig; staff: StaffSessions; events: EventHub; services: () => readonly ServiceConfig[] }): DisplayZones {
  const { config, staff, events } = deps;
  const base = { displays: config.displays, counters: config.counters, services: deps.services };
  if (!config.display.showOfficer) return new DisplayZones(base);
  const configured = new Set(config.counters.map((c) => c.id));
  staff.onCounterSessions((counterId) => {
    if (configured.has(counterId)) events.publish('counter.officerChanged', { counterId });
  });
  return new DisplayZones({ ...base, officersAtCounters: () => staff.officersAtCounters() });
}
