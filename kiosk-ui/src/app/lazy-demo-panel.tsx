/**
 * The demo devices panel, loaded only when the agent says it runs in demo mode: a real kiosk never downloads it.
 * Beside the kiosk it waits until the browser is idle after the first screen, so the demo's own loading never
 * delays the kiosk answering its first touch (the bench measures the kiosk in demo mode); on its own page it
 * loads at once.
 */
import { lazy, Suspense, useEffect, useState } from 'react';

const DemoDevicesPanel = lazy(() => import('../flows/demo-devices/demo-devices-panel').then((m) => ({ default: m.DemoDevicesPanel })));

/** At most this long after the kiosk's first screen, idle or not. */
const IDLE_WAIT_MS = 2_000;

export function LazyDemoDevicesPanel({ fullPage = false }: { fullPage?: boolean }) {
  const [show, setShow] = useState(fullPage);
  useEffect(() => {
    if (show) return;
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => setShow(true), 0);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(() => setShow(true), { timeout: IDLE_WAIT_MS });
    return () => cancelIdleCallback(handle);
  }, [show]);
  if (!show) return null;
  return (
    <Suspense fallback={null}>
      <DemoDevicesPanel fullPage={fullPage} />
    </Suspense>
  );
}
