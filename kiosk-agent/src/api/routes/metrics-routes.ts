/**
 * GET /metrics for Prometheus (README "Monitoring"). Outside /api because that is where a scraper looks by default;
 * declared through the registry like every route, so the caller is checked the same way, the OpenAPI document and
 * the fuzz test know it, and it is matched before the UI's fallback page (create-app.ts mounts the routes first).
 */
import type { RouteRegistry } from '../route-registry';

/** What the route needs of the agent's metrics (monitoring/agent-metrics.ts). */
export interface MetricsSource {
  readonly contentType: string;
  render(): Promise<string>;
}

export function registerMetricsRoutes(r: RouteRegistry, metrics: MetricsSource): void {
  r.add(
    {
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics (text exposition format): tickets, calls, prints, devices, lockers, pickups, outbox, sockets, the process',
      tag: 'system',
      auth: 'metrics',
      responses: { 200: { description: 'text/plain; version=0.0.4' } },
      errors: ['UNAUTHORIZED', 'TOKEN_SCOPE'],
    },
    async ({ res }) => {
      const text = await metrics.render();
      res.setHeader('cache-control', 'no-store');
      res.type(metrics.contentType).send(text);
      return undefined;
    },
  );
}
