/**
 * The kiosk itself: the session (attract → home → taking a ticket or collecting a result), the visitor's language and display modes
 * applied to the whole document, the idle question, and in demo mode the simulated devices beside it.
 */
import { useMachine } from '@xstate/react';
import { useCallback, useLayoutEffect, useMemo } from 'react';
import { CATALOGUES, I18nProvider } from '../i18n/i18n';
import { preferenceClasses } from '../ui/preferences';
import { liveKioskSessionMachine } from './kiosk-session/kiosk-session.actors';
import { KioskSessionView } from './kiosk-session/kiosk-session-view';
import { CameraPanel } from '../ui/camera-panel';
import { IdleWarning } from '../ui/idle-warning';
import { KioskControlProvider, type KioskControl } from '../ui/kiosk-control-context';
import { LazyDemoDevicesPanel } from './lazy-demo-panel';
import '../ui/accessibility.css';

export function KioskPage() {
  const [state, send] = useMachine(liveKioskSessionMachine, { input: {} });
  const { prefs } = state.context;
  const demo = state.context.info?.demo === true;

  // The modes' CSS hangs on the root element, so rem-based sizes grow with "large text" everywhere. A layout
  // effect: the root changes with the screen it belongs to, never a frame later (new words in the old language's
  // lang, or the old text size, for one paint).
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.lang = prefs.lang;
    const classes = preferenceClasses(prefs);
    root.classList.remove('a11y-large', 'a11y-contrast', 'a11y-reach');
    root.classList.add(...classes);
  }, [prefs]);

  // Stable, so a screen's guidance is not said again each time a display mode changes.
  const speak = useCallback((text: string) => send({ type: 'guidance.say', text }), [send]);
  const silence = useCallback(() => send({ type: 'guidance.stop' }), [send]);
  const control = useMemo<KioskControl>(
    () => ({
      prefs,
      setLanguage: (lang) => send({ type: 'prefs.language', lang }),
      toggle: (pref) => send({ type: 'prefs.toggle', pref }),
      openCamera: () => send({ type: 'camera.open' }),
      speak,
      silence,
    }),
    [prefs, send, speak, silence],
  );
  return (
    <I18nProvider value={{ lang: prefs.lang, t: CATALOGUES[prefs.lang] }}>
      <KioskControlProvider value={control}>
        <div className={`kiosk ${demo ? 'kiosk--demo' : ''}`}>
          {/* Any touch keeps the session alive, not only the ones that change the screen (reading, scrolling). */}
          <div className="kiosk__flow" onPointerDown={() => send({ type: 'user.activity' })}>
            <KioskSessionView state={state} send={send} />
          </div>
          {demo ? <LazyDemoDevicesPanel /> : null}
        </div>
        {state.matches({ session: { camera: 'on' } }) || state.matches({ session: { camera: 'failed' } }) ? (
          <CameraPanel error={state.context.cameraError} onClose={() => send({ type: 'camera.close' })} />
        ) : null}
        {state.matches({ session: { idle: 'warning' } }) ? (
          <IdleWarning ms={state.context.timing.idleWarningMs} onExtend={() => send({ type: 'idle.extend' })} />
        ) : null}
      </KioskControlProvider>
    </I18nProvider>
  );
}
