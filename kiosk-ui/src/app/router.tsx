/** Routes on location.pathname: the kiosk at `/`, the demo printer page; counter, display and tracking come later. */
import { LazyDemoDevicesPanel } from './lazy-demo-panel';
import { KioskPage } from './kiosk-page';
import { PlaceholderPage } from './placeholder-page';

export function Router({ path }: { path: string }) {
  if (path === '/' || path === '/index.html') return <KioskPage />;
  if (path === '/demo/printer') return <LazyDemoDevicesPanel fullPage />;
  return <PlaceholderPage />;
}
