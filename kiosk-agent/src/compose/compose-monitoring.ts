/**
 * Monitoring in the composition root (README "Monitoring"): the metrics hear the domain's events, their gauges read
 * the queue, the devices, the outbox and the event sockets when Prometheus scrapes, and the fault alerts (config
 * `alerts`) watch the devices and the outbox. The print and unlock counters go around the devices first
 * (`countDeviceResults`), before the domain is handed them.
 */
import type { DeviceStatus } from '../../../shared/api-schemas';
import type { EventAudience } from '../../../shared/ws-events';
import type { SiteConfig } from '../config/site-config-schema';
import type { Clock } from '../core/clock';
import type { EventHub } from '../events/event-hub';
import { kioskLabel } from '../i18n/monitoring-text';
import type { Logger } from '../logger';
import type { AgentMetrics, DeviceName } from '../monitoring/agent-metrics';
import { countingLockers, countingPrinter } from '../monitoring/counting-devices';
import { StoreAlertClaims } from '../monitoring/alert-claims';
import { FaultAlerts } from '../monitoring/fault-alerts';
import { countEvents } from '../monitoring/metrics-from-events';
import type { Notifier } from '../notify/notifier';
import type { Outbox } from '../notify/outbox';
import { OutboxQueue } from '../notify/outbox-queue';
import type { QueueService } from '../queue/queue-service';
import type { SqlStore } from '../store/store-port';
import type { Devices } from './create-devices';

/** The devices as the domain will see them: the same, with every print and unlock counted by result. */
export function countDeviceResults(devices: Devices, metrics: AgentMetrics): Devices {
  return {
    ...devices,
    printer: countingPrinter(devices.printer, (result) => metrics.prints.inc({ result })),
    ...(devices.locker ? { locker: countingLockers(devices.locker, (result) => metrics.lockerOpens.inc({ result })) } : {}),
  };
}

/**
 * How long a stuck-outbox alert's claim holds without being renewed (alert-claims.ts). The holder renews it at each
 * check, and a check may spend a gateway timeout on each number: three checks and one round of timeouts without a
 * renewal mean its agent has stopped, and another agent of the centre sends the alert.
 */
function alertClaimLeaseMs(alerts: { checkMs: number; to: readonly string[] }, notifier: SiteConfig['notifier']): number {
  const perNumberMs = notifier.driver === 'webhook' ? notifier.timeoutMs : 0;
  return 3 * alerts.checkMs + alerts.to.length * perNumberMs;
}

export function composeMonitoring(args: {
  config: SiteConfig;
  metrics: AgentMetrics;
  events: EventHub;
  store: SqlStore;
  queue: QueueService;
  outbox: Outbox;
  notifier: Notifier;
  /** Every device's state now, a device not fitted `disabled` (the agent's health). */
  devices: () => Record<DeviceName, DeviceStatus>;
  /** Event sockets per audience, once the server listens. */
  sockets: () => Readonly<Record<EventAudience, number>> | undefined;
  clock: Clock;
  log: Logger;
  onBackgroundError: (err: unknown, what: string) => void;
}): () => void {
  const { config, metrics, outbox, clock } = args;
  const now = (): number => clock.now();
  const backlog = () => outbox.queue.backlog();
  metrics.readFrom({
    serviceIds: config.services.map((s) => s.id),
    waitingByService: () => args.queue.waitingByClass(),
    devices: args.devices,
    outboxBacklog: backlog,
    sockets: args.sockets,
    now,
  });
  const stops: (() => void)[] = [countEvents(args.events, metrics)];
  if (config.alerts) {
    const log = args.log.child({ module: 'alerts' });
    if (config.notifier.driver === 'log') log.warn({}, 'alerts are configured but notifier.driver is "log": they will only reach the log');
    const alerts = new FaultAlerts({
      to: config.alerts.to,
      afterMs: config.alerts.afterMinutes * 60_000,
      outboxStuckMs: config.alerts.outboxStuckMinutes * 60_000,
      kiosk: kioskLabel(config.center.name, config.kiosk),
      devices: args.devices,
      outboxBacklog: backlog,
      // One transaction: every number gets the alert or none does (a failed write leaves it due, never half sent).
      queue: async (messages) => {
        await args.store.transaction(async (tx) => {
          const q = new OutboxQueue(tx, now);
          for (const m of messages) await q.add('notify', m);
        });
        outbox.flushSoon();
      },
      sendNow: (message) => args.notifier.send(message),
      claims: new StoreAlertClaims(args.store, config.kiosk.id, alertClaimLeaseMs(config.alerts, config.notifier)),
      now,
      log,
    });
    stops.push(
      args.events.subscribe((event, origin) => {
        if (origin === 'here' && event.type === 'device.changed') alerts.deviceChanged(event.data.device, event.data.status);
      }),
    );
    stops.push(alerts.start(config.alerts.checkMs, (err) => args.onBackgroundError(err, 'alerts')));
  }
  return () => {
    for (const stop of stops) stop();
  };
}
