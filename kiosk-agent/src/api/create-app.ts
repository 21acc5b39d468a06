/** Builds the express app (no listen): API routes, the built UI with SPA fallback, and the error mapper. */
import express, { type Express } from 'express';
import type { ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Health, KioskInfo } from '../../../shared/api-schemas';
import type { SimulatedLockerBus } from '../devices/locker/simulated-locker-bus';
import type { SimulatedPrinter } from '../devices/printer/simulated-printer';
import type { SimulatedScanner } from '../devices/scanner/simulated-scanner';
import { AgentError } from '../errors/agent-error';
import type { EventHub } from '../events/event-hub';
import type { RatingService } from '../feedback/rating-service';
import type { DossierService } from '../pickup/dossier-service';
import type { LockerPickupService } from '../pickup/locker-pickup-service';
import type { OverdueReminders } from '../pickup/overdue-reminders';
import type { CounterConfig, CounterDesk } from '../queue/counter-desk';
import type { CounterRepository } from '../queue/counter-repository';
import type { QueueService } from '../queue/queue-service';
import type { QueueStats } from '../stats/queue-stats';
import type { TicketIssuer } from '../queue/ticket-issuer';
import { createErrorMapper } from './error-mapper';
import { buildOpenApi } from './openapi';
import { RouteRegistry, type Auth } from './route-registry';
import { registerCounterRoutes } from './routes/counter-routes';
import { registerDiagnosticsRoutes, type DiagnosticsRouteDeps } from './routes/diagnostics-routes';
import { registerDemoRoutes } from './routes/demo-routes';
import { registerLobbyRoutes } from './routes/lobby-routes';
import { registerPickupRoutes } from './routes/pickup-routes';
import { registerQueueRoutes } from './routes/queue-routes';
import { registerSystemRoutes } from './routes/system-routes';
import { createKioskCheck } from './kiosk-access';
import { bearerToken, createStaffCheck } from './staff-auth';

export interface AppDeps {
  version: string;
  centerName: string;
  queue: QueueService;
  issuer: TicketIssuer;
  desk: CounterDesk;
  counterLog: CounterRepository;
  counters: readonly CounterConfig[];
  stats: QueueStats;
  dossiers: DossierService;
  lockers: LockerPickupService;
  ratings: RatingService;
  reminders: OverdueReminders;
  events: EventHub;
  staffTokens: readonly string[];
  /** Addresses besides the agent's own machine that may use kiosk-only routes (server.kioskClients). */
  kioskClients: readonly string[];
  health: () => Health;
  kioskInfo: () => KioskInfo;
  /** Present only for simulated devices: the demo routes drive them. */
  simulators: { printer?: SimulatedPrinter; scanner?: SimulatedScanner; locker?: SimulatedLockerBus };
  /** The technician's entry (PIN, sessions, audit) and what the diagnostics routes read. */
  diagnostics: DiagnosticsRouteDeps;
  uiDir?: string;
  isStopping: () => boolean;
  log: { error(obj: object, msg: string): void };
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const staffCheck = createStaffCheck(deps.staffTokens);
  const kioskCheck = createKioskCheck(deps.kioskClients, (req) => {
    try {
      staffCheck(req);
      return true;
    } catch {
      return false;
    }
  });
  const authorize = (auth: Auth, req: express.Request): void => {
    if (auth === 'staff') staffCheck(req);
    else if (auth === 'kiosk' || auth === 'demo') kioskCheck(req);
    else if (auth === 'technician') deps.diagnostics.gate.touch(bearerToken(req));
  };

  app.use((_req, res, next) => {
    if (deps.isStopping()) {
      res.set('connection', 'close');
      next(new AgentError('SHUTTING_DOWN', 'Ki-ốt đang khởi động lại. Vui lòng thử lại sau ít giây.'));
    } else next();
  });
  // A CSV import may be a few thousand rows; every other body stays small.
  app.use('/api/dossiers/import', express.json({ limit: '2mb' }));
  app.use('/api', express.json({ limit: '64kb' }));

  const api = express.Router();
  const registry = new RouteRegistry(api, authorize);
  let openapiDoc: object | undefined;
  registerSystemRoutes(registry, {
    health: deps.health,
    kioskInfo: deps.kioskInfo,
    openapi: () => (openapiDoc ??= buildOpenApi(registry.specs, { version: deps.version })),
  });
  registerQueueRoutes(registry, deps);
  registerCounterRoutes(registry, { desk: deps.desk, queue: deps.queue, events: deps.events, counters: deps.counters });
  registerLobbyRoutes(registry, { centerName: deps.centerName, timeZone: deps.kioskInfo().timezone, utcOffsetMinutes: () => deps.kioskInfo().utcOffsetMinutes, queue: deps.queue, counterLog: deps.counterLog, stats: deps.stats, counters: deps.counters });
  registerPickupRoutes(registry, deps);
  registerDemoRoutes(registry, deps.simulators);
  registerDiagnosticsRoutes(registry, deps.diagnostics);
  app.use(api);
  app.use('/api', (req, _res, next) => next(new AgentError('NOT_FOUND', `Không có đường dẫn ${req.method} ${req.originalUrl}.`)));

  if (deps.uiDir && existsSync(join(deps.uiDir, 'index.html'))) {
    const uiDir = deps.uiDir;
    // The page is revalidated on every load (a new build takes effect at once); the build's assets have content
    // hashes in their names, so the browser keeps them, and V8's code cache for them, across kiosk restarts: a
    // restarted kiosk compiles nothing it ran before. Other files (voice clips, their manifest) are kept an hour.
    const cacheControl = (res: ServerResponse, path: string) => {
      if (path.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
      else if (/[\\/]assets[\\/][^\\/]+-[\w-]{8}\.(?:js|css)$/.test(path)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    };
    app.use(express.static(uiDir, { index: 'index.html', maxAge: '1h', setHeaders: cacheControl }));
    // Client-side routes (/counter/1, /display, /track/:id, /demo/printer) all load the same page.
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(uiDir, 'index.html'));
    });
  }

  app.use(createErrorMapper(deps.log));
  return app;
}
