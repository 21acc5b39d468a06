/** Health, kiosk info and the OpenAPI document. */
import { HealthSchema, KioskInfoSchema, type FullHealth, type KioskInfo } from '../../../../shared/api-schemas';
import type { ProcedureCatalogue } from '../../procedures/procedure-catalogue';
import type { AccessPolicy } from '../access-policy';
import { callerOf } from '../route-auth';
import type { RouteRegistry } from '../route-registry';

/** The kiosk info the site config decides; whether the catalogue has procedures is the store's to say, at each request. */
export type KioskFacts = Omit<KioskInfo, 'procedures'>;

export function registerSystemRoutes(
  r: RouteRegistry,
  deps: { health: () => FullHealth; access: AccessPolicy; kioskInfo: () => KioskFacts; procedures: Pick<ProcedureCatalogue, 'offered'>; openapi: () => object },
): void {
  r.add(
    {
      method: 'get',
      path: '/api/health',
      summary: 'Agent health; `degraded` when a device or the store is not ready. Devices and store in detail for the kiosk and staff only',
      tag: 'system',
      auth: 'none',
      responses: { 200: { description: 'Health (without `devices` and `store` for the public)', schema: HealthSchema } },
    },
    ({ req }) => {
      const health = deps.health();
      const caller = callerOf(req, deps.access);
      if (caller.kiosk || caller.staff) return health;
      return { status: health.status, version: health.version, demo: health.demo };
    },
  );
  r.add(
    {
      method: 'get',
      path: '/api/kiosk',
      summary: 'What the kiosk screen needs to start: centre name, time zone, priority categories, demo flag, which choices the home screen offers',
      tag: 'system',
      auth: 'none',
      responses: { 200: { description: 'Kiosk info', schema: KioskInfoSchema } },
    },
    async (): Promise<KioskInfo> => ({ ...deps.kioskInfo(), procedures: await deps.procedures.offered() }),
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
