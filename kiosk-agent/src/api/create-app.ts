/** Builds the express app (no listen): API routes, the built UI with SPA fallback, and the error mapper. */
import express, { type Express } from 'express';
import type { ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FullHealth } from '../../../shared/api-schemas';
import { AgentError } from '../errors/agent-error';
import type { EventHub } from '../events/event-hub';
import type { CounterRatingScreens } from '../feedback/counter-rating-screen';
import type { RatingService } from '../feedback/rating-service';
import type { DossierService } from '../pickup/dossier-service';
import type { LockerDeposits } from '../pickup/locker-deposits';
import type { LockerHandovers } from '../pickup/locker-handovers';
import type { OverdueReminders } from '../pickup/overdue-reminders';
import type { CounterConfig, CounterDesk } from '../queue/counter-desk';
import type { CounterRepository } from '../queue/counter-repository';
import type { QueueService } from '../queue/queue-service';
import type { QueueStats } from '../stats/queue-stats';
import type { ServiceQualityReports } from '../stats/service-quality-report';
import type { TicketIssuer } from '../queue/ticket-issuer';
import type { TurnNotices } from '../queue/turn-notices';
import type { DemoControls } from './demo-controls';
import { createErrorMapper } from './error-mapper';
import { buildOpenApi } from './openapi';
import { RouteRegistry, type Auth } from './route-registry';
import { registerCounterRoutes } from './routes/counter-routes';
import { registerDiagnosticsRoutes, type DiagnosticsRouteDeps } from './routes/diagnostics-routes';
import { registerDemoRoutes } from './routes/demo-routes';
import { registerLobbyRoutes } from './routes/lobby-routes';
import { registerPickupRoutes } from './routes/pickup-routes';
import { registerRatingRoutes } from './routes/rating-routes';
import { registerQueueRoutes } from './routes/queue-routes';
import { registerAppointmentRoutes } from './routes/appointment-routes';
import { registerStaffRoutes } from './routes/staff-routes';
import type { StaffSessions } from '../staff/staff-sessions';
import type { StaffAudit } from '../staff/staff-audit';
import { recordAudit } from './audit-edge';
import type { AppointmentBook } from '../queue/appointment-book';
import type { AppointmentCheckIn } from '../queue/appointment-check-in';
import { registerSystemRoutes, type KioskFacts } from './routes/system-routes';
import type { DisplayZones } from '../display/display-zones';
import { registerDisplayRoutes } from './routes/display-routes';
import { registerReportRoutes } from './routes/report-routes';
import { registerMetricsRoutes, type MetricsSource } from './routes/metrics-routes';
import { registerPaymentRoutes, type PaymentRouteDeps } from './routes/payment-routes';
import type { ProcedureCatalogue } from '../procedures/procedure-catalogue';
import { registerProcedureRoutes } from './routes/procedure-routes';
import type { AccessPolicy } from './access-policy';
import type { HostNames } from './host-names';
import { createRouteAuth } from './route-auth';

export interface AppDeps {
  version: string;
  centerName: string;
  queue: QueueService;
  issuer: TicketIssuer;
  appointmentBook: AppointmentBook;
  /** Officers' accounts and sessions (staff routes accept a live session as well as an integration token). */
  staff: StaffSessions;
  /** Who did which staff action (routes with `audit`). */
  audit: StaffAudit;
  checkIn: AppointmentCheckIn;
  /** The phone a citizen leaves on a ticket for the messages before their turn. */
  notices: TurnNotices;
  desk: CounterDesk;
  counterLog: CounterRepository;
  counters: readonly CounterConfig[];
  /** The lobby displays' zones (site config `displays`). */
  displayZones: DisplayZones;
  stats: QueueStats;
  /** The centre's service-quality report (supervisors). */
  reports: ServiceQualityReports;
  dossiers: DossierService;
  deposits: LockerDeposits;
  handovers: LockerHandovers;
  ratings: RatingService;
  /** What each counter's rating tablet shows. */
  ratingScreens: CounterRatingScreens;
  reminders: OverdueReminders;
  /** Fees by VietQR: the webhook, cash at the counter, the fees report, and the lookup's amount and QR. */
  payments: Omit<PaymentRouteDeps, 'now'>;
  /** The procedure catalogue: search, papers to bring, their printout, the import. */
  procedures: ProcedureCatalogue;
  events: EventHub;
  /** Who is asking: the kiosk, staff or the public (access-policy.ts). */
  access: AccessPolicy;
  /** The names this agent answers to (Host and Origin checks). */
  hostNames: HostNames;
  /** The full picture for the kiosk and staff; the public sees only the overall status. */
  health: () => FullHealth;
  kioskInfo: () => KioskFacts;
  /** Handles on simulated devices, each present only when that device is simulated: the demo routes drive them. */
  demo: DemoControls;
  /** The technician's entry (PIN, sessions, audit) and what the diagnostics routes read. */
  diagnostics: DiagnosticsRouteDeps;
  uiDir?: string;
  /** Told of store failures seen while answering (503, and /api/health says what is wrong). */
  /** The store failed (not a bug): the Vietnamese message for the 503, or undefined for any other error. */
  storeFailed: (err: unknown) => string | undefined;
  lookupsPerMinute: number;
  /** GET /metrics (monitoring/agent-metrics.ts); absent: no such route. */
  metrics?: MetricsSource;
  /** Told of every coded error the API answers, with the route's path (pickup failures for the metrics). */
  refused?: (path: string, code: string) => void;
  now: () => number;
  isStopping: () => boolean;
  log: { error(obj: object, msg: string): void };
}

/** Phones one client (a phone, not the kiosk) may leave or withdraw per minute: enough for a typo or two. */
const PHONE_CHANGES_PER_MINUTE = 6;

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const authorize: (auth: Auth, req: express.Request) => Promise<void> = createRouteAuth(deps.access, deps.diagnostics.gate, (token) => deps.staff.verify(token));

  // A Host this agent does not answer to (DNS rebinding), or a page from another site: refused before anything.
  app.use((req, _res, next) => {
    if (!deps.hostNames.allowsHost(req.headers.host)) {
      next(new AgentError('HOST_NOT_ALLOWED', 'Địa chỉ truy cập không đúng. Hãy mở ki-ốt bằng địa chỉ cán bộ kỹ thuật cung cấp (server.host / server.allowedHosts).'));
    } else if (!deps.hostNames.allowsOrigin(req.headers.origin, req.headers.host)) {
      next(new AgentError('ORIGIN_NOT_ALLOWED', 'Trang web khác không được dùng ki-ốt này.'));
    } else next();
  });
  app.use((_req, res, next) => {
    if (deps.isStopping()) {
      res.set('connection', 'close');
      next(new AgentError('SHUTTING_DOWN', 'Ki-ốt đang khởi động lại. Vui lòng thử lại sau ít giây.'));
    } else next();
  });
  // Bodies are read by each route after its auth check, with the route's own limit (route-registry.ts).

  const api = express.Router();
  const registry = new RouteRegistry(api, authorize, (call) => recordAudit(call, deps));
  let openapiDoc: object | undefined;
  registerSystemRoutes(registry, {
    health: deps.health,
    access: deps.access,
    kioskInfo: deps.kioskInfo,
    procedures: deps.procedures,
    openapi: () => (openapiDoc ??= buildOpenApi(registry.specs, { version: deps.version })),
  });
  registerQueueRoutes(registry, { ...deps, phoneChangesPerMinute: PHONE_CHANGES_PER_MINUTE });
  registerAppointmentRoutes(registry, deps);
  registerStaffRoutes(registry, { staff: deps.staff, audit: deps.audit });
  registerCounterRoutes(registry, { desk: deps.desk, queue: deps.queue, events: deps.events, counters: deps.counters });
  registerLobbyRoutes(registry, { centerName: deps.centerName, timeZone: deps.kioskInfo().timezone, utcOffsetMinutes: () => deps.kioskInfo().utcOffsetMinutes, queue: deps.queue, counterLog: deps.counterLog, stats: deps.stats, counters: deps.counters, zones: deps.displayZones });
  registerRatingRoutes(registry, { ratings: deps.ratings, screens: deps.ratingScreens, counter: (id) => deps.desk.counter(id) });
  registerDisplayRoutes(registry, { zones: deps.displayZones });
  registerReportRoutes(registry, { reports: deps.reports });
  registerPickupRoutes(registry, { ...deps, lookupsPerMinute: deps.lookupsPerMinute, now: deps.now, withPayment: (l) => deps.payments.desk.withPayment(l) });
  registerPaymentRoutes(registry, { ...deps.payments, now: deps.now });
  registerProcedureRoutes(registry, { procedures: deps.procedures });
  registerDemoRoutes(registry, deps.demo);
  registerDiagnosticsRoutes(registry, deps.diagnostics);
  if (deps.metrics) registerMetricsRoutes(registry, deps.metrics);
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

  app.use(createErrorMapper(deps.log, deps.storeFailed, deps.refused));
  return app;
}
