/** Health, kiosk info and the OpenAPI document. */
import { HealthSchema, KioskInfoSchema, type Health, type KioskInfo } from '../../../../shared/api-schemas';
import type { RouteRegistry } from '../route-registry';

export function registerSystemRoutes(
  r: RouteRegistry,
  deps: { health: () => Health; kioskInfo: () => KioskInfo; openapi: () => object },
): void {
  r.add(
    {
      method: 'get',
      path: '/api/health',
      summary: 'Agent and device health; `degraded` when any device is not ready',
      tag: 'system',
      auth: 'none',
      responses: { 200: { description: 'Health', schema: HealthSchema } },
    },
    () => deps.health(),
  );
  r.add(
    {
      method: 'get',
      path: '/api/kiosk',
      summary: 'What the kiosk screen needs to start: centre name, time zone, priority categories, demo flag',
      tag: 'system',
      auth: 'none',
      responses: { 200: { description: 'Kiosk info', schema: KioskInfoSchema } },
    },
    () => deps.kioskInfo(),
  );
  r.add(
    {
      method: 'get',
      path: '/api/openapi.json',
      summary: 'This document',
      tag: 'system',
      auth: 'none',
      responses: { 200: { description: 'OpenAPI 3.1' } },
    },
    () => deps.openapi(),
  );
}
