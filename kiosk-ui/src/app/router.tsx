/** Routes on location.pathname: the kiosk at `/`, the demo printer page; counter, display and tracking come later. */
import { DemoDevicesPanel } from '../flows/demo-devices/demo-devices-panel';
import { KioskPage } from './kiosk-page';
import { PlaceholderPage } from './placeholder-page';

export function Router({ path }: { path: string }) {
  if (path === '/' || path === '/index.html') return <KioskPage />;
  if (path === '/demo/printer') return <DemoDevicesPanel fullPage />;
  return <PlaceholderPage />;
}
