/**
 * The composition root: config → store → devices → domain → HTTP. The one place that reads the config and wires
 * the store, the devices (real or simulated), the one-stop system, the notifier, the domain services and the HTTP
 * app (the files beside this one each wire one side). Used by main.ts (the CLI) and by integration and e2e tests,
 * which start a real agent in-process.
 */
import { CounterRatingScreens } from '../feedback/counter-rating-screen';
import { counterNameOf } from '../queue/counter-info';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FullHealth } from '../../../shared/api-schemas';
import { AccessPolicy } from '../api/access-policy';
import { createApp } from '../api/create-app';
import type { EventSocket } from '../api/event-socket';
import { HostNames } from '../api/host-names';
import { demoConfig } from '../config/demo-config';
import { applyOverrides, loadSiteConfigFile, parseSiteConfig } from '../config/load-config';
import { defaultKeyFile, loadOrCreateSecretKey } from '../config/secret-key';
import type { SiteConfig } from '../config/site-config-schema';
import { systemClock, type Clock } from '../core/clock';
import { packageRoot } from '../core/package-root';
import { utcOffsetMinutes } from '../core/local-time';
import { seedDemoDossiers } from '../demo/seed-demo-dossiers';
import { StaffSessions } from '../staff/staff-sessions';
import { StaffAudit } from '../staff/staff-audit';
import { seedDemoAccounts } from '../demo/seed-demo-accounts';
import { seedDemoProcedures } from '../demo/seed-demo-procedures';
import { fieldServiceResolver } from '../procedures/field-services';
import { ProcedureCatalogue } from '../procedures/procedure-catalogue';
import type { LockerBank } from '../devices/locker/locker-board';
import { LogRing } from '../diagnostics/log-ring';
import { EventHub } from '../events/event-hub';
import { createLogger, type Logger } from '../logger';
import { PickupCodeHasher } from '../pickup/pickup-code';
import { folderWriteProblem, storeErrorCode, StoreHealthWatch } from '../store/store-health';
import { storeUnavailableMessage } from '../i18n/store-text';
import { composeDiagnostics } from './compose-diagnostics';
import { composeDisplay } from './compose-display';
import { composePickup } from './compose-pickup';
import { composePayments } from './compose-payments';
import { composeQueue } from './compose-queue';
import { createDevices } from './create-devices';
import { relayCentreEvents } from '../events/centre-relay';
import { KioskDirectory } from '../pickup/kiosk-directory';
import { createStore } from './create-store';
import { demoBank } from './demo-bank';
import { demoControls, type Simulators } from './demo-controls';
import { wireDeviceEvents } from './device-events';
import { serveHttp } from './serve-http';
import { AgentMetrics } from '../monitoring/agent-metrics';
import { composeMonitoring, countDeviceResults } from './compose-monitoring';
import type { EventAudience } from '../../../shared/ws-events';

// The package's version, so a release upgraded in place reports the version it runs (deploy/debian/upgrade.sh).
export const AGENT_VERSION = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
// Beside the package, whether this runs from the sources or from the build (core/package-root.ts).
const DEFAULT_UI_DIR = join(packageRoot(), 'dist/ui');
const DEFAULT_DEMO_DATA = join(packageRoot(), 'data/demo');

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
  /** Put the sample dossiers in this kiosk's locker at start; by default only the demo (no site config) does. */
  seedDemo?: boolean;
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
  /** The lockers as the domain sees them, when the kiosk has any. */
  locker?: LockerBank;
  /** The simulators behind simulated devices (tests and the demo), each present only when simulated. */
  simulators: Simulators;
  /** Officers' accounts and sessions (tests add accounts here, as `npm run staff` does). */
  staff: StaffSessions;
  stop(): Promise<void>;
}

export function resolveConfig(options: StartOptions): SiteConfig {
  const overrides = { ...(options.port !== undefined ? { port: options.port } : {}), ...(options.dataDir ? { dataDir: options.dataDir } : {}) };
  if (options.configPath) return loadSiteConfigFile(options.configPath, overrides);
  if (options.config !== undefined) return applyOverrides(parseSiteConfig(options.config), overrides);
  return applyOverrides(parseSiteConfig(demoConfig(options.dataDir ?? DEFAULT_DEMO_DATA)), overrides);
}

export async function startKioskAgent(options: StartOptions = {}): Promise<RunningAgent> {
  const config = resolveConfig(options);
  const logRing = new LogRing();
  const log = options.logger ?? createLogger(options.logLevel ?? config.logLevel, logRing);
  const clock = options.clock ?? systemClock;
  const events = new EventHub((err) => log.error({ err }, 'event listener failed'));

  const startedAtMs = clock.now();
  // Refuses to start (StoreOpenError, exit 2) on a store that cannot be written or has a newer schema.
  const store = await createStore(config, log.child({ module: 'store' }));
  const cleanups: (() => Promise<void> | void)[] = [() => store.close()];
  try {
    const secretKey = loadOrCreateSecretKey(config.secrets.keyFile ?? defaultKeyFile(config.dataDir));
    const storeHealth = new StoreHealthWatch(() => store.probeWrite(), log.child({ module: 'store' }), () => folderWriteProblem(config.dataDir));
    cleanups.unshift(storeHealth.start(10_000));
    // This kiosk in the store's list of the centre's kiosks; a lone kiosk owns everything in its own file.
    const kiosks = new KioskDirectory(store, config.kiosk);
    if (config.store.driver === 'sqlite') await kiosks.adoptAll();
    await kiosks.register(clock.now());
    // A centre's agents share one PostgreSQL: what happens at one reaches the clients of the others.
    if (config.store.driver === 'postgres') {
      const { centreEventChannel } = await import('./open-postgres-store');
      const channel = centreEventChannel(store, config.store.url);
      cleanups.unshift(await relayCentreEvents(events, channel, config.kiosk.id, log.child({ module: 'centre' })));
    }
    // Background work (outbox, reminders, recovery, retention) never kills the agent: a store failure shows in
    // /api/health, anything else is logged, and each loop tries again later.
    const onBackgroundError = (err: unknown, what: string): void => {
      if (!storeHealth.report(err)) log.error({ err, task: what }, 'background task failed; will retry');
    };
    const access = new AccessPolicy(
      {
        staffTokens: config.staff.tokens,
        kioskDevices: config.server.kioskDevices,
        counterTablets: config.server.counterTablets,
        utcOffsetMinutes: (ms) => utcOffsetMinutes(config.center.timezone, ms),
      },
      () => clock.now(),
    );
    const hostNames = new HostNames({ host: config.server.host, publicUrl: config.server.publicUrl, allowedHosts: config.server.allowedHosts });
    // Its own registry: several agents in one process (tests, the centre demo) each answer with their own figures.
    const metrics = new AgentMetrics({ kioskId: config.kiosk.id });
    const devices = countDeviceResults(await createDevices(config, log), metrics);
    cleanups.unshift(devices.stop);
    wireDeviceEvents(devices, events, log);
    // Learn the printer's real state at start-up rather than claiming "ready" until the first ticket fails.
    void devices.printer.refreshStatus();

    // The ticket's QR needs the port, known once the server listens.
    let port = config.server.port;
    // Where the demo's bank posts its webhook: this agent as it listens (serving.url), set below.
    let selfUrl = '';
    const publicUrl = (): string => config.server.publicUrl ?? `${config.server.tls ? 'https' : 'http'}://${config.server.host}:${port}`;
    let wakeOutbox = (): void => undefined;
    const queueSide = composeQueue({ config, store, storeFailed: (err) => onBackgroundError(err, 'tickets'), wakeOutbox: () => wakeOutbox(), clock, printer: devices.printer, events, log, trackUrl: (id) => `${publicUrl().replace(/\/$/, '')}/track/${id}`, appointmentUrl: (id) => `${publicUrl().replace(/\/$/, '')}/appointment/${id}` });

    const health = (): FullHealth => {
      const disabled = (driver: string) => ({ state: 'disabled' as const, driver });
      const states = {
        printer: devices.printer.status(),
        scanner: devices.scanner?.status() ?? disabled(config.scanner.driver),
        locker: devices.locker?.status() ?? disabled(config.locker.driver),
      };
      const store = storeHealth.health();
      const ok = Object.values(states).every((d) => d.state === 'ready' || d.state === 'disabled') && store.state === 'ready';
      return { status: ok ? 'ok' : 'degraded', version: AGENT_VERSION, demo: config.printer.driver === 'simulated', devices: states, store };
    };

    let stopping = false;
    // Demo mode (no site config): every start begins with the same sample dossiers, two of them in lockers.
    // A disabled account or a new password ends the account's sessions: its console hears it and signs out at once.
    const staff = new StaffSessions({ store, clock, config: config.staff, onSessionsEnded: (accountId) => events.publish('staff.sessionsEnded', { accountId }) });
    const procedures = new ProcedureCatalogue({ store, clock, printer: devices.printer, centerName: config.center.name, timeZone: config.center.timezone, serviceFor: fieldServiceResolver(config) });
    const demoSeeded = options.seedDemo ?? (options.configPath === undefined && options.config === undefined);
    if (demoSeeded) {
      await seedDemoDossiers(store, clock, config.center.timezone, new PickupCodeHasher(secretKey), config.kiosk.id);
      await seedDemoAccounts(staff);
      await seedDemoProcedures(procedures);
    }
    // The outbox lives on the pickup side; the queue's turn messages wake it once it exists.
    const pickup = composePickup({ config, store, kiosks, clock, log, events, devices, secretKey, onBackgroundError });
    const payments = composePayments({ config, store, clock, events, log });
    wakeOutbox = () => pickup.outbox.flushSoon();
    cleanups.unshift(() => pickup.stop());
    let socketCounts = (): Record<EventAudience, number> | undefined => undefined;
    cleanups.unshift(
      composeMonitoring({ config, metrics, events, store, queue: queueSide.queue, outbox: pickup.outbox, notifier: pickup.notifier, devices: () => health().devices, sockets: () => socketCounts(), clock, log, onBackgroundError }),
    );
    // The store takes writes again: messages wait no longer, and a deposit or handover a write failure left
    // half-done (a compartment opened, its record not updated) is settled by what the doors say now.
    let stopRerun = (): void => undefined;
    cleanups.unshift(() => stopRerun());
    cleanups.unshift(
      storeHealth.onRecovered(() => {
        pickup.outbox.wake();
        stopRerun();
        stopRerun = pickup.handovers.recoverInBackground();
      }),
    );
    const app = createApp({
      version: AGENT_VERSION,
      staff,
      audit: new StaffAudit({ store, clock, timeZone: config.center.timezone, kioskId: config.kiosk.id }),
      centerName: config.center.name,
      ...queueSide,
      counters: config.counters,
      displayZones: composeDisplay({ config, staff, events, services: () => queueSide.queue.services() }),
      dossiers: pickup.dossiers,
      deposits: pickup.deposits,
      handovers: pickup.handovers,
      ratings: pickup.ratings,
      ratingScreens: new CounterRatingScreens({
        store,
        clock,
        feedback: config.feedback,
        officersAtCounters: () => staff.officersAtCounters(),
        counterName: (id) => counterNameOf(config.counters, id),
        serviceName: (id) => queueSide.queue.service(id).name,
        today: () => queueSide.queue.today(),
      }),
      reminders: pickup.reminders,
      payments: { ...payments, payments: config.payments },
      procedures,
      events,
      access,
      hostNames,
      storeFailed: (err) => (storeHealth.report(err) ? storeUnavailableMessage(storeErrorCode(err)) : undefined),
      lookupsPerMinute: config.pickup.guessing.lookupsPerMinute,
      metrics,
      refused: (path, code) => metrics.refused(path, code),
      // Real time, not the queue's clock: a rate is about how fast a client asks.
      now: Date.now,
      health,
      kioskInfo: () => ({
        centerName: config.center.name,
        timezone: config.center.timezone,
        utcOffsetMinutes: utcOffsetMinutes(config.center.timezone, clock.now()),
        demo: devices.simulators.printer !== undefined,
        priorityCategories: config.queue.priorityCategories,
        pickup: { lockers: config.locker.driver !== 'none', resultServiceId: config.pickup.resultServiceId ?? null },
        ratingScale: config.feedback.scale,
        // Shown when someone can book: the public (a service with `appointments`), or staff as the site says.
        checkIn: config.appointments.kioskButton ?? config.services.some((s) => s.appointments !== undefined),
      }),
      // The simulated bank only in the demo itself: a site that simulates a printer keeps its payments real.
      demo: demoControls(devices.simulators, demoSeeded && config.payments ? { bank: demoBank({ payments: config.payments, desk: payments.desk, clock, selfUrl: () => selfUrl }) } : {}),
      diagnostics: composeDiagnostics({ config, store, clock, devices, lockers: pickup.deposits, health, logRing, startedAtMs }),
      uiDir: options.uiDir ?? DEFAULT_UI_DIR,
      isStopping: () => stopping,
      log: log.child({ module: 'http' }),
    });

    const serving = await serveHttp(app, { config, events, access, hostNames, log, officers: (token) => staff.verify(token) });
    port = serving.port;
    selfUrl = serving.url;
    socketCounts = () => serving.sockets.counts().byAudience;
    log.info({ url: serving.url, dataDir: config.dataDir, printer: devices.printer.status().driver }, 'kiosk agent listening');

    let stopped: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopped ??= (async () => {
        stopping = true;
        await serving.close();
        for (const c of cleanups) await c();
        log.info('kiosk agent stopped');
      })());

    return {
      url: serving.url,
      port,
      config,
      events,
      log,
      sockets: serving.sockets,
      stop,
      ...(devices.locker ? { locker: devices.locker } : {}),
      simulators: devices.simulators,
      staff,
    };
  } catch (err) {
    for (const c of cleanups) await c();
    throw err;
  }
}
