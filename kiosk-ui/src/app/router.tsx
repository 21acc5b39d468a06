/**
 * Routes on location.pathname: the kiosk at `/`; the staff and lobby pages each in their own chunk, so the
 * kiosk's first load carries none of them: `/counter/:id`, `/display` (every counter), `/display/:id` (a zone),
 * `/track/:id`, `/stats`, `/admin/staff` (supervisors), `/book` and `/appointment/:id` (a citizen's phone), `/rate/:counterId` (a counter's rating tablet); the demo printer page;
 * `/reports/service-quality` and its print view `/reports/service-quality/print?month=YYYY-MM&officer=ID` (supervisors);
 * `/payments` (officers: fees taken in cash, unmatched transfers; the fees CSV for supervisors).
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { LazyDemoDevicesPanel } from './lazy-demo-panel';
import { KioskPage } from './kiosk-page';
import { NotFoundPage } from './not-found-page';

const CounterConsolePage = lazy(() => import('../flows/counter-console/counter-console-page'));
const LobbyDisplayPage = lazy(() => import('../flows/lobby-display/lobby-display-page'));
const TrackTicketPage = lazy(() => import('../flows/track-ticket/track-ticket-page'));
const StaffStatsPage = lazy(() => import('../flows/staff-stats/staff-stats-page'));
const StaffAdminPage = lazy(() => import('../flows/staff-admin/staff-admin-page'));
const DiagnosticsPage = lazy(() => import('../flows/diagnostics/diagnostics-page'));
const BookAppointmentPage = lazy(() => import('../flows/book-appointment/book-appointment-page'));
const RateVisitPage = lazy(() => import('../flows/rate-visit/rate-visit-page'));
const AppointmentPage = lazy(() => import('../flows/book-appointment/appointment-page'));
const ServiceQualityPage = lazy(() => import('../flows/service-quality/service-quality-page'));
const ServiceQualityPrintPage = lazy(() => import('../flows/service-quality/service-quality-print-page'));
const StaffPaymentsPage = lazy(() => import('../flows/staff-payments/staff-payments-page'));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}

/** The path's one parameter (`/counter/3` → "3"), decoded; null when the path is not of that shape. */
export function pathParam(path: string, prefix: string): string | null {
  const match = new RegExp(`^/${prefix}/([^/]+)/?$`).exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

export function Router({ path }: { path: string }) {
  if (path === '/' || path === '/index.html') return <KioskPage />;
  if (path === '/demo/printer') return <LazyDemoDevicesPanel fullPage />;
  if (path === '/display' || path === '/display/') return <Lazy><LobbyDisplayPage /></Lazy>;
  if (path === '/stats' || path === '/stats/') return <Lazy><StaffStatsPage /></Lazy>;
  if (path === '/admin/staff' || path === '/admin/staff/') return <Lazy><StaffAdminPage /></Lazy>;
  if (path === '/reports/service-quality' || path === '/reports/service-quality/') return <Lazy><ServiceQualityPage /></Lazy>;
  if (path === '/reports/service-quality/print') {
    const query = new URLSearchParams(window.location.search);
    return <Lazy><ServiceQualityPrintPage month={query.get('month')} officer={query.get('officer')} /></Lazy>;
  }
  if (path === '/payments' || path === '/payments/') return <Lazy><StaffPaymentsPage /></Lazy>;
  if (path === '/diagnostics' || path === '/diagnostics/') return <Lazy><DiagnosticsPage /></Lazy>;
  if (path === '/book' || path === '/book/') return <Lazy><BookAppointmentPage /></Lazy>;
  const appointmentId = pathParam(path, 'appointment');
  if (appointmentId) return <Lazy><AppointmentPage key={appointmentId} id={appointmentId} /></Lazy>;
  const displayId = pathParam(path, 'display');
  if (displayId) return <Lazy><LobbyDisplayPage key={displayId} displayId={displayId} /></Lazy>;
  const counterId = pathParam(path, 'counter');
  if (counterId) return <Lazy><CounterConsolePage key={counterId} counterId={counterId} /></Lazy>;
  const rateCounterId = pathParam(path, 'rate');
  if (rateCounterId) return <Lazy><RateVisitPage key={rateCounterId} counterId={rateCounterId} /></Lazy>;
  const ticketId = pathParam(path, 'track');
  if (ticketId) return <Lazy><TrackTicketPage key={ticketId} ticketId={ticketId} /></Lazy>;
  return <NotFoundPage />;
}
