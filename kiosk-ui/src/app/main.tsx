import { StrictMode } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import { CATALOGUES } from '../i18n/i18n';
import { I18nProvider } from '../i18n/i18n';
import '../ui/kiosk.css';
import { Router } from './router';
import { captureCounterToken, captureKioskToken } from '../agent-client/kiosk-device-token';

// zod compiles each schema's parser with `new Function` on first use; a slow kiosk PC pays for that on the first
// screens, and a strict Content-Security-Policy forbids it. The interpreted parser is plenty for a few responses.
z.config({ jitless: true });
// A remote touchscreen's or a counter tablet's first start: #kiosk-token=… / #counter-token=… into storage, out of
// the address bar.
captureKioskToken();
captureCounterToken();
// On the kiosk's touchscreen a long press would open Chromium's context menu (there is no switch to turn it off in
// kiosk mode: deploy/debian/systemd/motcua-kiosk-session.service); the other pages keep it for staff.
if (location.pathname === '/') window.addEventListener('contextmenu', (e) => e.preventDefault());
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider value={{ lang: 'vi', t: CATALOGUES.vi }}>
        <Router path={location.pathname} />
      </I18nProvider>
    </StrictMode>,
  );
}
