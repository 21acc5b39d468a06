/**
 * Composition root: config → store → devices → domain → HTTP. The only module that knows which concrete drivers
 * run. Used by main.ts (the CLI) and by integration and e2e tests, which start a real agent in-process.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { DeviceStatus, FullHealth } from '../../shared/api-schemas';
import { createApp } from './api/create-app';
import { composePickup } from './compose-pickup';
import { AccessPolicy } from './api/access-policy';
import { attachEventSocket, type EventSocket } from './api/event-socket';
import { HostNames } from './api/host-names';
import { createAgentServer } from './api/http-server';
import { defaultKeyFile, loadOrCreateSecretKey } from './config/secret-key';
import { demoConfig } from './config/demo-config';
import { seedDemoDossiers } from './demo/seed-demo-dossiers';
import { PickupCodeHasher } from './pickup/pickup-code';
import { applyOverrides, loadSiteConfigFile, parseSiteConfig } from './config/load-config';
import type { SiteConfig } from './config/site-config-schema';
import { createDevices, type Devices } from './devices/create-devices';
import type { LockerBank } from './devices/locker/locker-board';
import type { SimulatedPrinter } from './devices/printer/simulated-printer';
import { EventHub } from './events/event-hub';
import { createLogger, type Logger } from './logger';
import { utcOffsetMinutes } from './core/local-time';
import { systemClock, type Clock } from './core/clock';
import { CounterDesk } from './queue/counter-desk';
import { CounterRepository } from './queue/counter-repository';
import { QueueService } from './queue/queue-service';
import { QueueStats } from './stats/queue-stats';
import { TicketIssuer } from './queue/ticket-issuer';
import { TicketRepository } from './queue/ticket-repository';
import { folderWriteProblem, StoreHealthWatch } from './store/store-health';
import { openStore, probeWrite } from './store/sqlite';
import { composeDiagnostics } from './compose-diagnostics';
import { LogRing } from './diagnostics/log-ring';

export const AGENT_VERSION = '0.1.0';
const DEFAULT_UI_DIR = fileURLToPath(new URL('../../dist/ui', import.meta.url));
const DEFAULT_DEMO_DATA = fileURLToPath(new URL('../../data/demo', import.meta.url));

export interface StartOptions {
  configPath?: string;
  /** An already-parsed (or raw) config object; used by tests. */
  config?: unknown;
  port?: number;
  dataDir?: string;
  uiDir?: string;
  logLevel?: string;
  clock?: Clock;
  logger?: Logger;
}

export interface RunningAgent {
  url: string;
  port: number;
  config: SiteConfig;
  events: EventHub;
  /** The agent's logger (main.ts logs process-level failures with it). */
  log: Logger;
  /** Event sockets connected now, per audience. */
  sockets: Pick<EventSocket, 'counts'>;
  simulatedPrinter?: SimulatedPrinter;
  /** The devices as the domain sees them, and the simulators behind them when simulated (tests and demo). */
  locker?: LockerBank;
  simulators?: Devices['simulators'];
  stop(): Promise<void>;
}

export function resolveConfig(options: StartOptions): SiteConfig {
  const overrides = { ...(options.port !== undefined ? { port: options.port } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) };
  if (options.configPath) return loadSiteConfigFile(options.configPath, overrides);
  if (options.config !== undefined) return applyOverrides(parseSiteConfig(options.config), overrides);
  return applyOverrides(parseSiteConfig(demoConfig(options.dataDir ?? DEFAULT_DEMO_DATA)), overrides);
}

/** Device events go out on the WebSocket and into the log. */
function wireDeviceEvents(devices: Devices, events: EventHub, log: Logger): void {
  const changed = (device: 'printer' | 'scanner' | 'locker') => (status: DeviceStatus) => {
    log.child({ module: device }).info({ status }, `${device} state changed`);
    events.publish('device.changed', { device, status });
  };
  devices.printer.printer.onStatusChange(changed('printer'));
  devices.scanner?.onStatusChange(changed('scanner'));
  devices.locker?.onStatusChange(changed('locker'));
  devices.printer.simulator?.on('job', (job: { id: number }) => events.publish('printer.job', { jobId: job.id }));
  devices.scanner?.onScan((code) => events.publish('scanner.scanned', { code }));
  devices.scanner?.onRejected((rejected) => {
    log.child({ module: 'scanner' }).warn(rejected, 'unreadable scan');
    events.publish('scanner.rejected', rejected);
  });
  devices.locker?.onDoor((door) => events.publish('locker.door', door));
}

export async function startKioskAgent(options: StartOptions = {}): Promise<RunningAgent> {
  const config = resolveConfig(options);
  const logRing = new LogRing();
  const log = options.logger ?? createLogger(options.logLevel ?? config.logLevel, logRing);
  const clock = options.clock ?? systemClock;
  const events = new EventHub((err) => log.error({ err }, 'event listener failed'));

  const startedAtMs = clock.now();
  const STORE_FILE = 'kiosk.sqlite';
  // Refuses to start (StoreOpenError, exit 2) on a data folder that cannot be written.
  const db = openStore({ dataDir: config.dataDir, fileName: STORE_FILE });
  const cleanups: (() => Promise<void> | void)[] = [() => void db.close()];
  try {
    const secretKey = loadOrCreateSecretKey(config.secrets.keyFile ?? defaultKeyFile(config.dataDir));
    const storeHealth = new StoreHealthWatch(() => probeWrite(db), log.child({ module: 'store' }), () => folderWriteProblem(config.dataDir));
    cleanups.unshift(storeHealth.start(10_000));
    // Background work (outbox, reminders, recovery, retention) never kills the agent: a store failure shows in
    // /api/health, anything else is logged, and each loop tries again later.
    const onBackgroundError = (err: unknown, what: string): void => {
      if (!storeHealth.report(err)) log.error({ err, task: what }, 'background task failed; will retry');
    };
    const access = new AccessPolicy(
      { staffTokens: config.staff.tokens, kioskDevices: config.server.kioskDevices, utcOffsetMinutes: (ms) => utcOffsetMinutes(config.center.timezone, ms) },
      () => clock.now(),
    );
    const hostNames = new HostNames({ host: config.server.host, publicUrl: config.server.publicUrl, allowedHosts: config.server.allowedHosts });
    const devices = await createDevices(config, log);
    cleanups.unshift(devices.stop);
    const printerDevice = devices.printer;
    wireDeviceEvents(devices, events, log);

    // Learn the printer's real state at start-up rather than claiming "ready" until the first ticket fails.
    void printerDevice.printer.refreshStatus();

    const tickets = new TicketRepository(db);
    const queue = new QueueService({ config, tickets, clock });
    const counterLog = new CounterRepository(db);
    const desk = new CounterDesk({ config, queue, tickets, counters: counterLog, clock });
    let port = config.server.port;
    const scheme = config.server.tls ? 'https' : 'http';
    const publicUrl = (): string => config.server.publicUrl ?? `${scheme}://${config.server.host}:${port}`;
    const issuer = new TicketIssuer({
      queue,
      printer: printerDevice.printer,
      events,
      centerName: config.center.name,
      timeZone: config.center.timezone,
      trackUrl: (id) => `${publicUrl().replace(/\/$/, '')}/track/${id}`,
      log: log.child({ module: 'tickets' }),
    });

    const health = (): FullHealth => {
      const states = {
        printer: printerDevice.printer.status(),
        scanner: devices.scanner?.status() ?? devices.disabled(config.scanner.driver),
        locker: devices.locker?.status() ?? devices.disabled(config.locker.driver),
      };
      const store = storeHealth.health();
      const ok = Object.values(states).every((d) => d.state === 'ready' || d.state === 'disabled') && store.state === 'ready';
      return { status: ok ? 'ok' : 'degraded', version: AGENT_VERSION, demo: config.printer.driver === 'simulated', devices: states, store };
    };

    let stopping = false;
    // Demo mode (no site config): every start begins with the same sample dossiers, two of them in lockers.
    if (options.configPath === undefined && options.config === undefined) seedDemoDossiers(db, clock, config.center.timezone, new PickupCodeHasher(secretKey));
    const pickup = composePickup({ config, db, clock, log, events, devices, secretKey, onBackgroundError });
    cleanups.unshift(() => pickup.stop());
    // The store takes writes again: messages wait no longer, and a deposit or handover a write failure left
    // half-done (a compartment opened, its record not updated) is settled by what the doors say now.
    let stopRerun = (): void => undefined;
    cleanups.unshift(() => stopRerun());
    cleanups.unshift(
      storeHealth.onRecovered(() => {
        pickup.outbox.wake();
        stopRerun();
        stopRerun = pickup.lockers.recoverInBackground();
      }),
    );
    const app = createApp({
      version: AGENT_VERSION,
      centerName: config.center.name,
      queue,
      issuer,
      desk,
      counterLog,
      counters: config.counters,
      stats: new QueueStats(db, config.feedback.scale),
      dossiers: pickup.dossiers,
      lockers: pickup.lockers,
      ratings: pickup.ratings,
      reminders: pickup.reminders,
      events,
      access,
      hostNames,
      storeFailed: (err) => storeHealth.report(err),
      lookupsPerMinute: config.pickup.guessing.lookupsPerMinute,
      // Real time, not the queue's clock: a rate is about how fast a client asks.
      now: Date.now,
      health,
      kioskInfo: () => ({
        centerName: config.center.name,
        timezone: config.center.timezone,
        utcOffsetMinutes: utcOffsetMinutes(config.center.timezone, clock.now()),
        demo: printerDevice.simulator !== undefined,
        priorityCategories: config.queue.priorityCategories,
        pickup: { lockers: config.locker.driver !== 'none', resultServiceId: config.pickup.resultServiceId ?? null },
        ratingScale: config.feedback.scale,
      }),
      simulators: {
        ...(printerDevice.simulator ? { printer: printerDevice.simulator } : {}),
        ...devices.simulators,
      },
      diagnostics: composeDiagnostics({
        config,
        db,
        clock,
        devices,
        printer: printerDevice.printer,
        lockers: pickup.lockers,
        health,
        logRing,
        startedAtMs,
        storeFile: STORE_FILE,
      }),
      uiDir: options.uiDir ?? DEFAULT_UI_DIR,
      isStopping: () => stopping,
      log: log.child({ module: 'http' }),
    });

    const { server } = createAgentServer(app, config.server.tls);
    server.keepAliveTimeout = 5_000;
    const sockets = attachEventSocket(server, events, { access, hostNames, ...config.server.websocket, log: log.child({ module: 'events' }) });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.server.port, config.server.host, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    const url = `${scheme}://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${port}`;
    log.info({ url, dataDir: config.dataDir, printer: printerDevice.printer.status().driver }, 'kiosk agent listening');

    let stopped: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopped ??= (async () => {
        stopping = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Requests in flight (a ticket being printed) get a moment to finish; then connections are cut.
        const force = setTimeout(() => server.closeAllConnections(), 3_000);
        await sockets.close();
        await closed;
        clearTimeout(force);
        for (const c of cleanups) await c();
        log.info('kiosk agent stopped');
      })());

    return {
      url,
      port,
      config,
      events,
      log,
      sockets,
      stop,
      ...(printerDevice.simulator ? { simulatedPrinter: printerDevice.simulator } : {}),
      ...(devices.locker ? { locker: devices.locker } : {}),
      simulators: devices.simulators,
    };
  } catch (err) {
    for (const c of cleanups) await c();
    throw err;
  }
}
