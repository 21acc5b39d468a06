/** The lobby displays' zones (site config `displays`): public, like the display's snapshot (names and numbers only). */
import { DisplayZoneSchema } from '../../../../shared/display-schemas';
import type { DisplayZones } from '../../display/display-zones';
import type { RouteRegistry } from '../route-registry';

export function registerDisplayRoutes(r: RouteRegistry, deps: { zones: DisplayZones }): void {
  r.add(
    {
      method: 'get',
      path: '/api/displays/:id',
      summary: 'The zone a lobby display shows at /display/<id>: its counters and the services they serve',
      description:
        'A centre with several lobby TVs lists them in the site config as `displays: [{ id, name: { vi, en }, counters: [counterId…] }]` ' +
        '(ids of lower-case letters, digits and dashes, unique; every counter configured). The TV at /display/<id> shows a tile per counter ' +
        'of its zone with that counter\'s latest call (GET /api/display, ticket.called events of other counters are ignored), and the ' +
        'waiting counts of the services its counters serve; /display shows every counter. Counters come in the display\'s order, services ' +
        'in the config\'s. Names and numbers only: nothing about a citizen.',
      tag: 'display',
      auth: 'none',
      responses: { 200: { description: 'The display\'s zone', schema: DisplayZoneSchema } },
      errors: ['DISPLAY_NOT_FOUND', 'VALIDATION_FAILED'],
    },
    ({ params }) => deps.zones.zone(params.id!),
  );
}
