/** The demo devices panel, loaded only when the agent says it runs in demo mode: a real kiosk never downloads it. */
import { lazy, Suspense } from 'react';

const DemoDevicesPanel = lazy(() => import('../flows/demo-devices/demo-devices-panel').then((m) => ({ default: m.DemoDevicesPanel })));

export function LazyDemoDevicesPanel({ fullPage = false }: { fullPage?: boolean }) {
  return (
    <Suspense fallback={null}>
      <DemoDevicesPanel fullPage={fullPage} />
    </Suspense>
  );
}
