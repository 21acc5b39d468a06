/** The overview screen's facts: agent version and uptime, the store's size, each device's state with advice. */
import { statSync } from 'node:fs';
import type { FullHealth } from '../../../shared/api-schemas';
import type { DiagnosticsOverview } from '../../../shared/diagnostics-schemas';
import { faultAdvice, type DeviceKind } from '../i18n/fault-advice';

export function storeBytes(path: string): number {
  // The WAL holds committed pages not yet copied into the main file; both are the store's size on disk.
  return [path, `${path}-wal`].reduce((sum, p) => {
    try {
      return sum + statSync(p).size;
    } catch {
      return sum;
    }
  }, 0);
}

export function diagnosticsOverview(deps: { health: FullHealth; startedAtMs: number; nowMs: number; storePath: string }): DiagnosticsOverview {
  const devices = Object.fromEntries(
    (['printer', 'scanner', 'locker'] as const).map((kind: DeviceKind) => {
      const d = deps.health.devices[kind];
      return [kind, { ...d, advice: faultAdvice(kind, d.state) }];
    }),
  ) as DiagnosticsOverview['devices'];
  return {
    version: deps.health.version,
    startedAt: new Date(deps.startedAtMs).toISOString(),
    uptimeSeconds: Math.floor((deps.nowMs - deps.startedAtMs) / 1000),
    demo: deps.health.demo,
    store: { path: deps.storePath, bytes: storeBytes(deps.storePath) },
    devices,
  };
}
