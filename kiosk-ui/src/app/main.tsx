import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CATALOGUES } from '../i18n/i18n';
import { I18nProvider } from '../i18n/i18n';
import '../ui/kiosk.css';
import { Router } from './router';

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
